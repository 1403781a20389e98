import { describe, expect, it } from '@jest/globals';
import type { Nodes } from 'mdast';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { analyze } from '../../src/engine.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { modelOf } from '../rules/harness.js';
import type { Finding } from '../../src/rules/types.js';
import { COMMENT_MARKER, MAX_COMMENT_CHARS, renderMarkdown } from '../../src/report/markdown.js';
import { attachRenderContext, type Report } from '../../src/report/types.js';
import { renderJson } from '../../src/report/json.js';
import { nodesOf, parseGfm, textOf } from './gfm.js';

const HOSTILE = '@octocat <img src=x onerror=alert(1)> | `x` ``` </details> [link](https://evil) **bold**';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'enable-istio-required',
    severity: 'error',
    status: 'new',
    message: 'DynaKube prod has `enableIstio` off while the mesh is REGISTRY_ONLY.',
    file: 'clusters/prod/dynakube.yaml',
    line: 3,
    endLine: 3,
    resource: 'DynaKube dynatrace/prod',
    docs: 'https://example.com/docs/rules/enable-istio-required.md',
    key: 'k',
    fix: {
      description: 'Set `enableIstio: true`.',
      edits: [
        { file: 'clusters/prod/dynakube.yaml', startLine: 4, endLine: 3, replacement: '  enableIstio: true' },
      ],
    },
    ...overrides,
  };
}

function report(parts: Partial<Report> = {}): Report {
  const findings = parts.findings ?? [];
  return {
    version: 1,
    summary: {
      errors: findings.filter((f) => f.severity === 'error' && f.status !== 'fixed').length,
      warnings: findings.filter((f) => f.severity === 'warning' && f.status !== 'fixed').length,
      infos: findings.filter((f) => f.severity === 'info' && f.status !== 'fixed').length,
      new: findings.filter((f) => f.status === 'new').length,
      unchanged: findings.filter((f) => f.status === 'unchanged').length,
      fixed: findings.filter((f) => f.status === 'fixed').length,
    },
    findings,
    generated: [],
    changes: [],
    notEvaluable: [],
    ...parts,
  };
}

const DYNAKUBE_TEXT =
  'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nspec:\n  apiUrl: https://x.live.dynatrace.com/api\n';

/** Every raw HTML node the renderer may write itself; anything else would come from input. */
const OWN_HTML = /^(<!-- dynakube-istio-guard -->|<details>.*|<\/details>|<br>|<summary>.*)$/s;

function htmlNodes(tree: Nodes): string[] {
  return nodesOf(tree, 'html').map((node) => node.value.trim());
}

describe('renderMarkdown', () => {
  it('starts with the marker and a one-line verdict with counts by status and severity', () => {
    const body = renderMarkdown(
      report({
        findings: [
          finding(),
          finding({ status: 'unchanged', severity: 'warning', key: 'b' }),
          finding({ status: 'fixed', severity: 'error', key: 'c', ruleId: 'cni-csi-deadlock' }),
        ],
      }),
    );
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    const tree = parseGfm(body);
    const verdict = nodesOf(tree, 'paragraph').map(textOf)[0];
    expect(verdict).toBe(
      '❌ 1 error introduced — 1 new (1 error) · 1 unchanged (1 warning) · 1 fixed (1 error)',
    );
  });

  it('says so briefly when there is nothing to report', () => {
    const body = renderMarkdown(report());
    expect(body).toContain('✅ **no new findings**');
    expect(body).toContain('no findings');
    expect(body.split('\n').length).toBeLessThan(10);
  });

  it('renders the changes as a five-column table with one row per change', () => {
    const body = renderMarkdown(
      report({
        changes: [
          {
            resource: 'DynaKube dynatrace/prod',
            path: 'enableIstio',
            before: false,
            after: true,
            file: 'dk.yaml',
            line: 9,
          },
          {
            resource: 'Istio mesh',
            path: 'outboundTrafficPolicy.mode',
            before: 'ALLOW_ANY',
            after: 'REGISTRY_ONLY',
          },
          {
            resource: 'DynaKube dynatrace/new',
            path: '',
            before: null,
            after: { enableIstio: true, networkZone: 'eu' },
          },
        ],
      }),
      { fileLinkBase: 'https://github.com/o/r/blob/abc' },
    );
    const [table] = nodesOf(parseGfm(body), 'table');
    const rows = table.children.map((row) => row.children.map(textOf));
    expect(rows).toEqual([
      ['Resource', 'Setting', 'Before', 'After', 'Where'],
      ['DynaKube dynatrace/prod', 'enableIstio', 'false', 'true', 'dk.yaml:9'],
      ['Istio mesh', 'outboundTrafficPolicy.mode', 'ALLOW_ANY', 'REGISTRY_ONLY', ''],
      ['DynaKube dynatrace/new', 'added', '—', 'enableIstio: true<br>networkZone: eu', ''],
    ]);
    const links = nodesOf(table, 'link').map((link) => link.url);
    expect(links).toEqual(['https://github.com/o/r/blob/abc/dk.yaml#L9']);
  });

  it('lists findings by severity with the rule linked to its docs, the file:line link and the fix', () => {
    const r = report({
      findings: [
        finding({ severity: 'info', ruleId: 'enable-istio-dns-load', key: 'i', fix: undefined }),
        finding(),
        finding({
          severity: 'warning',
          ruleId: 'enable-istio-reapply',
          key: 'w',
          fix: {
            description: 'Reapply.',
            edits: [],
            commands: ['kubectl delete dynakube prod -n dynatrace'],
          },
        }),
      ],
    });
    attachRenderContext(r, { files: new Map([['clusters/prod/dynakube.yaml', DYNAKUBE_TEXT]]) });
    const tree = parseGfm(renderMarkdown(r, { fileLinkBase: 'https://github.com/o/r/blob/sha' }));
    const headings = nodesOf(tree, 'heading').map(textOf);
    expect(headings.filter((h) => /Errors|Warnings|Notes/.test(h))).toEqual([
      '🔴 Errors (1)',
      '🟠 Warnings (1)',
      '🔵 Notes (1)',
    ]);
    const links = nodesOf(tree, 'link').map((link) => [textOf(link), link.url]);
    expect(links).toContainEqual([
      'enable-istio-required',
      'https://example.com/docs/rules/enable-istio-required.md',
    ]);
    expect(links).toContainEqual([
      'clusters/prod/dynakube.yaml:3',
      'https://github.com/o/r/blob/sha/clusters/prod/dynakube.yaml#L3',
    ]);
    const code = nodesOf(tree, 'code');
    const diff = code.find((block) => block.lang === 'diff')!;
    expect(diff.value).toContain('+++ b/clusters/prod/dynakube.yaml');
    expect(diff.value).toContain('+  enableIstio: true');
    expect(code.find((block) => block.lang === 'sh')!.value).toBe(
      'kubectl delete dynakube prod -n dynatrace',
    );
    expect(
      htmlNodes(tree).some((html) =>
        html.startsWith('<details><summary>Patch for clusters/prod/dynakube.yaml'),
      ),
    ).toBe(true);
  });

  it('leaves out the patch of a fix already offered as a suggestion on the diff', () => {
    const r = report({ findings: [finding()] });
    attachRenderContext(r, { files: new Map([['clusters/prod/dynakube.yaml', DYNAKUBE_TEXT]]) });
    const body = renderMarkdown(r, { suggested: () => true });
    expect(nodesOf(parseGfm(body), 'code').filter((c) => c.lang === 'diff')).toHaveLength(0);
    expect(body).toContain('suggestion on the changed line');
  });

  it('lists what the PR fixed briefly, and generated manifests and notes in collapsible blocks', () => {
    const yamlText =
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: prod-fqdn-operator\n';
    const tree = parseGfm(
      renderMarkdown(
        report({
          findings: [finding({ status: 'fixed' })],
          generated: [
            { kind: 'ServiceEntry', namespace: 'dynatrace', name: 'prod-fqdn-operator', yaml: yamlText },
          ],
          notEvaluable: [{ file: 'values.yaml', line: 2, reason: 'Helm template `{{ .Values.x }}`' }],
        }),
      ),
    );
    const headings = nodesOf(tree, 'heading').map(textOf);
    expect(headings).toContain('✅ Fixed by this PR (1)');
    expect(headings).toContain('🧩 Manifests the cluster needs (1)');
    expect(nodesOf(tree, 'code').find((c) => c.lang === 'yaml')!.value).toBe(yamlText.trimEnd());
    const html = htmlNodes(tree);
    expect(html).toContain('<details><summary>ServiceEntry dynatrace/prod-fqdn-operator</summary>');
    expect(html).toContain('<details><summary>Could not evaluate (1)</summary>');
    expect(html.filter((h) => h === '</details>')).toHaveLength(2);
  });

  it('escapes everything taken from manifests: no HTML, no mentions, no broken cells or fences', () => {
    const r = report({
      findings: [
        finding({
          resource: HOSTILE,
          message: HOSTILE,
          file: 'a`b|c.yaml',
          fix: { description: HOSTILE, edits: [] },
        }),
      ],
      changes: [{ resource: HOSTILE, path: HOSTILE, before: HOSTILE, after: { [HOSTILE]: HOSTILE } }],
      generated: [{ kind: HOSTILE, namespace: HOSTILE, name: HOSTILE, yaml: `a: |\n  ${HOSTILE}\n` }],
      notEvaluable: [{ file: HOSTILE, line: 1, reason: HOSTILE }],
    });
    const body = renderMarkdown(r, { fileLinkBase: 'https://github.com/o/r/blob/sha' });
    const tree = parseGfm(body);
    for (const html of htmlNodes(tree)) expect(html).toMatch(OWN_HTML);
    for (const html of htmlNodes(tree)) expect(html).not.toMatch(/<img|@octocat|<\/details> /);
    const [table] = nodesOf(tree, 'table');
    for (const row of table.children) expect(row.children).toHaveLength(5);
    const odd = parseGfm(
      renderMarkdown(report({ findings: [finding({ file: 'a (copy)/x).yaml' })] }), {
        fileLinkBase: 'https://h/b',
      }),
    );
    expect(nodesOf(odd, 'link').map((link) => link.url)).toContain('https://h/b/a%20%28copy%29/x%29.yaml#L3');
    const unlinked = parseGfm(
      renderMarkdown(report({ changes: [{ ...r.changes[0], file: 'a|b.yaml', line: 2 }] })),
    );
    for (const row of nodesOf(unlinked, 'table')[0].children) expect(row.children).toHaveLength(5);
    const texts = [...nodesOf(tree, 'text'), ...nodesOf(tree, 'inlineCode')].map((node) => node.value);
    expect(
      texts.some((text) => /@octocat/.test(text) && !/@\u200boctocat/.test(text) && !text.includes('`x`')),
    ).toBe(false);
    expect(nodesOf(tree, 'link').map((link) => link.url)).not.toContain('https://evil');
    expect(nodesOf(tree, 'strong').map(textOf)).not.toContain('bold');
    const placeholders = renderMarkdown(
      report({ notEvaluable: [{ file: 'a.yaml', line: 1, reason: 'apiUrl ${A} and ${B}' }] }),
    );
    expect(body).not.toContain('${');
    expect(
      nodesOf(parseGfm(placeholders), 'text')
        .map((n) => n.value)
        .join(''),
    ).toContain('apiUrl ${A} and ${B}');
    const yamlBlock = nodesOf(tree, 'code').find((c) => c.lang === 'yaml')!;
    expect(yamlBlock.value).toBe(`a: |\n  ${HOSTILE}`);
  });

  it('carries no raw control character from manifests, not even inside code spans and blocks', () => {
    const hostile = 'a\u001b[2Jb\u0007c\u009bd\u0000e';
    const body = renderMarkdown(
      report({
        findings: [finding({ file: `${hostile}.yaml`, resource: hostile, message: `x \`${hostile}\` y` })],
        generated: [{ kind: 'ServiceEntry', namespace: hostile, name: 'n', yaml: `a: ${hostile}\n` }],
        notEvaluable: [{ file: `${hostile}.yaml`, line: 1, reason: `\`${hostile}\`` }],
      }),
    );
    // eslint-disable-next-line no-control-regex
    expect(body).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(body).toContain('a?[2Jb?c?d?e');
  });

  it('carries no bidi control nor zero-width character from manifests (they reorder or hide text)', () => {
    const hostile = 'ns/\u202eevil\u202c \u2067x\u2069 dyna\u200btrace\ufeff';
    const body = renderMarkdown(
      report({
        findings: [
          finding({ file: `${hostile}.yaml`, resource: hostile, message: `x \`${hostile}\` y ${hostile}` }),
        ],
        changes: [
          {
            resource: hostile,
            path: hostile,
            before: hostile,
            after: { [hostile]: hostile },
            file: 'a.yaml',
            line: 1,
          },
        ],
        generated: [{ kind: 'ServiceEntry', namespace: hostile, name: hostile, yaml: `a: ${hostile}\n` }],
        notEvaluable: [{ file: `${hostile}.yaml`, line: 1, reason: hostile }],
      }),
    );
    // The only zero-width space is the one written after an @ to stop a mention; there is none here.
    expect(body).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u);
    expect(body).toContain('ns/?evil? ?x? dyna?trace?');
  });

  it('gives no location to a finding of no file, rather than a link to line 0 of the repository root', () => {
    const body = renderMarkdown(report({ findings: [finding({ file: '', line: 0, endLine: 0 })] }), {
      fileLinkBase: 'https://github.com/o/r/blob/sha',
    });
    const tree = parseGfm(body);
    expect(nodesOf(tree, 'link').map((link) => link.url)).toEqual([
      'https://example.com/docs/rules/enable-istio-required.md',
    ]);
    expect(body).not.toContain(':0');
    // A resource's trailing spaces end the line then: no hard line break.
    const spaces = renderMarkdown(report({ findings: [finding({ file: '', resource: 'r    ' })] }));
    expect(nodesOf(parseGfm(spaces), 'break')).toEqual([]);
  });

  it('stays under the comment limit by collapsing sections, and says so', () => {
    const files = new Map<string, string>();
    const findings: Finding[] = [];
    for (let i = 0; i < 300; i += 1) {
      const file = `clusters/c${i}/dynakube.yaml`;
      files.set(file, DYNAKUBE_TEXT);
      findings.push(
        finding({
          file,
          key: `k${i}`,
          message: `${'long message '.repeat(20)} ${i}`,
          fix: {
            description: 'Set it.',
            edits: [{ file, startLine: 4, endLine: 3, replacement: '  enableIstio: true' }],
          },
        }),
      );
    }
    const generated = Array.from({ length: 200 }, (_, i) => ({
      kind: 'ServiceEntry',
      namespace: 'dynatrace',
      name: `entry-${i}`,
      yaml: 'spec:\n  hosts: [a.example.com]\n'.repeat(20),
    }));
    const r = report({ findings, generated });
    attachRenderContext(r, { files });
    const body = renderMarkdown(r, { maxLength: MAX_COMMENT_CHARS });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('shortened to fit');
    const tree = parseGfm(body);
    expect(nodesOf(tree, 'paragraph').map(textOf)[0]).toContain('300 errors introduced');
    const full = renderMarkdown(r);
    expect(full.length).toBeGreaterThan(65_536);
    // A job summary may take it all (parsing 150 KB of GFM is slow, so the fences are counted).
    expect(full.match(/^ {2}```diff$/gm)).toHaveLength(300);
  });

  it('keeps the render context out of the JSON contract', () => {
    const r = report();
    attachRenderContext(r, { files: new Map([['a.yaml', 'secret: text']]) });
    expect(renderJson(r)).not.toContain('secret');
    expect(JSON.stringify(r)).not.toContain('context');
    expect(r.context?.files.get('a.yaml')).toBe('secret: text');
  });
});

describe('patches of fixes whose edits meet', () => {
  // native-sidecars and cni-csi-deadlock each insert a new `values:` block at the end of this IstioOperator's
  // `spec`: applied one after the other, their own patches would not fit together or would write `values:` twice.
  const iop = [
    'apiVersion: install.istio.io/v1alpha1',
    'kind: IstioOperator',
    'metadata:',
    '  name: installed-state',
    '  namespace: istio-system',
    'spec:',
    '  tag: 1.28.0',
    '  components:',
    '    cni:',
    '      enabled: true',
    '      namespace: istio-system',
    '',
  ].join('\n');
  const dk = [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata:',
    '  name: dk',
    '  namespace: dynatrace',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    '    cloudNativeFullStack: {}',
    '',
  ].join('\n');
  const files = new Map([
    ['iop.yaml', iop],
    ['dk.yaml', dk],
  ]);
  const ids = ['native-sidecars', 'cni-csi-deadlock'];
  const rules = ALL_RULES.filter((rule) => ids.includes(rule.meta.id));

  /** The file after applying each patch of the comment in turn with `git apply`; throws when one does not apply. */
  function applyInTurn(patches: readonly string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'dkig-join-'));
    execFileSync('git', ['init', '-q', dir]);
    for (const [file, text] of files) writeFileSync(path.join(dir, file), text);
    patches.forEach((patch, index) => {
      writeFileSync(path.join(dir, `${index}.patch`), patch);
      execFileSync('git', ['-C', dir, 'apply', `${index}.patch`], { stdio: 'pipe' });
    });
    return readFileSync(path.join(dir, 'iop.yaml'), 'utf8');
  }

  it('gives one patch that applies both, under one `values:`, and says so at both findings', () => {
    const r = analyze(modelOf(Object.fromEntries(files)), undefined, { rules }).report;
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual([...ids].sort());
    attachRenderContext(r, { files });
    const body = renderMarkdown(r);
    const patches = nodesOf(parseGfm(body), 'code')
      .filter((code) => code.lang === 'diff')
      .map((code) => `${code.value}\n`);
    const document = parseDocument(applyInTurn(patches), { uniqueKeys: true });
    expect(document.errors).toEqual([]);
    const values = document.toJS().spec.values;
    expect(values.pilot.env.ENABLE_NATIVE_SIDECARS).toBe('false');
    expect(values.cni.podAnnotations['oneagent.dynatrace.com/inject']).toBe('false');
    expect(body).toContain('This patch also makes the fix of');
    expect(body).toContain('Its patch is the one of');
  });

  it('keeps the own patch of fixes on lines apart, with no note', () => {
    const far = iop.replace('  tag: 1.28.0\n', `  tag: 1.28.0\n${'  # a comment\n'.repeat(10)}`);
    const r = analyze(modelOf({ 'iop.yaml': far, 'dk.yaml': dk }), undefined, {
      rules: ALL_RULES.filter((rule) => rule.meta.id === 'native-sidecars'),
    }).report;
    const [sidecars] = r.findings;
    // A second finding whose fix edits a line far from the other's.
    const other: Finding = {
      ...sidecars,
      ruleId: 'other-rule',
      key: 'other',
      fix: {
        description: 'x',
        edits: [{ file: 'iop.yaml', startLine: 4, endLine: 4, replacement: '  name: x' }],
      },
    };
    r.findings.push(other);
    attachRenderContext(r, { files: new Map([['iop.yaml', far]]) });
    const body = renderMarkdown(r);
    const patches = nodesOf(parseGfm(body), 'code').filter((code) => code.lang === 'diff');
    expect(patches).toHaveLength(2);
    expect(patches[1].value).toContain('+  name: x');
    expect(patches[0].value).not.toContain('+  name: x');
    expect(body).not.toContain('This patch also makes');
    expect(body).not.toContain('Its patch is the one of');
  });

  it('says so where two fixes change the same line differently', () => {
    const r = analyze(modelOf({ 'iop.yaml': iop, 'dk.yaml': dk }), undefined, {
      rules: ALL_RULES.filter((rule) => rule.meta.id === 'native-sidecars'),
    }).report;
    const edit = { file: 'iop.yaml', startLine: 4, endLine: 4 };
    const one = (key: string, replacement: string): Finding => ({
      ...r.findings[0],
      key,
      ruleId: key,
      fix: { description: 'x', edits: [{ ...edit, replacement }] },
    });
    r.findings.splice(0, 1, one('rule-a', '  name: a'), one('rule-b', '  name: b'));
    attachRenderContext(r, { files });
    const body = renderMarkdown(r);
    expect(nodesOf(parseGfm(body), 'code').filter((code) => code.lang === 'diff')).toHaveLength(2);
    expect(body).toContain('This patch and the one of `rule-b`');
    expect(body).toContain('This patch and the one of `rule-a`');
  });
});
