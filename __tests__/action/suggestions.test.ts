import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import { parsePatch } from '../../src/action/patch.js';
import {
  planSuggestions,
  suggestionBlock,
  suggestionLines,
  toLineChange,
  type SuggestionComment,
} from '../../src/action/suggestions.js';
import { analyze } from '../../src/engine.js';
import { buildModel } from '../../src/model/build.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import { removeEntryEdit, setValueEdit } from '../../src/rules/edits.js';
import { ALL_RULES } from '../../src/rules/index.js';
import type { Finding, TextEdit } from '../../src/rules/types.js';
import { modelOf } from '../rules/harness.js';

const HEAD = ['metadata:', '  name: dynatrace', '  labels:', '    istio-injection: enabled', 'spec: {}'];
const ADDED_FILE_PATCH = ['@@ -0,0 +1,5 @@', ...HEAD.map((line) => `+${line}`)].join('\n');

function finding(edits: TextEdit[], status: Finding['status'] = 'new'): Finding {
  return {
    ruleId: 'operator-namespace-injection',
    severity: 'error',
    status,
    message: 'Namespace <b>dynatrace</b> is @enrolled',
    file: 'ns.yaml',
    line: 4,
    endLine: 4,
    resource: 'Namespace dynatrace',
    docs: 'https://example.test/doc',
    fix: { description: 'Remove the label.', edits },
    key: 'operator-namespace-injection|Namespace dynatrace|labels',
  };
}

const lines = new Map([['ns.yaml', HEAD]]);

describe('toLineChange', () => {
  const text = (line: number) => HEAD[line - 1];
  it('keeps a replacement as it is', () => {
    expect(toLineChange({ file: 'f', startLine: 2, endLine: 3, replacement: 'x' }, text)).toEqual({
      start: 2,
      end: 3,
      text: 'x',
    });
  });
  it('turns an insertion into a suggestion on the line before that repeats it', () => {
    expect(toLineChange({ file: 'f', startLine: 3, endLine: 2, replacement: '  ns: x' }, text)).toEqual({
      start: 2,
      end: 2,
      text: '  name: dynatrace\n  ns: x',
    });
  });
  it('puts an insertion before line 1 on line 1, before its text', () => {
    expect(toLineChange({ file: 'f', startLine: 1, endLine: 0, replacement: '# top' }, text)).toEqual({
      start: 1,
      end: 1,
      text: '# top\nmetadata:',
    });
  });
});

describe('suggestionBlock', () => {
  it('is empty for a deletion', () => {
    expect(suggestionBlock('')).toBe('```suggestion\n```');
  });
  it('uses a fence longer than any backtick run in the text', () => {
    expect(suggestionBlock('a ```` b')).toBe('`````suggestion\na ```` b\n`````');
  });
});

describe('planSuggestions', () => {
  it('suggests a deletion on a line of the diff, with the marker and escaped text', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const plan = planSuggestions(
      [finding([{ file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' }])],
      diffs,
      lines,
    );
    expect(plan.outsideDiff).toBe(0);
    expect(plan.comments).toHaveLength(1);
    const [comment] = plan.comments;
    expect(comment).toMatchObject({ path: 'ns.yaml', line: 4, side: 'RIGHT' });
    expect(comment.start_line).toBeUndefined();
    expect(comment.body).toContain('```suggestion\n```');
    expect(comment.body).toContain(`<!-- dynakube-istio-guard:suggestion ${comment.fingerprint} -->`);
    expect(comment.body).not.toContain('<b>');
    expect(comment.body).not.toMatch(/@enrolled/);
  });

  it('gives a multi-line range start_line and start_side', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const plan = planSuggestions(
      [finding([{ file: 'ns.yaml', startLine: 3, endLine: 4, replacement: '  labels: {}' }])],
      diffs,
      lines,
    );
    expect(plan.comments[0]).toMatchObject({ line: 4, start_line: 3, start_side: 'RIGHT' });
  });

  it('leaves out fixes with a line outside the hunks, and fixed findings', () => {
    const patch = ['@@ -1,2 +1,2 @@', '-metadata:', '+metadata: ', '   name: dynatrace'].join('\n');
    const diffs = new Map([['ns.yaml', parsePatch(patch)]]);
    const edit = { file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' };
    const plan = planSuggestions([finding([edit]), finding([edit], 'fixed')], diffs, lines);
    expect(plan.comments).toEqual([]);
    expect(plan.outsideDiff).toBe(1);
  });

  it('refuses a suggestion when the checkout differs from the PR diff at that line', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH.replace('enabled', 'disabled'))]]);
    const plan = planSuggestions(
      [finding([{ file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' }])],
      diffs,
      lines,
    );
    expect(plan.comments).toEqual([]);
  });

  it('makes one suggestion of a change that fixes several findings, naming each of them', () => {
    // An ApplicationSet's template line read by each Application it generates: one finding per Application.
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const edit = { file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' };
    const other = { ...finding([edit]), key: 'operator-namespace-injection|Namespace other|labels' };
    const plan = planSuggestions([finding([edit]), other], diffs, lines);
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0].findingKeys).toEqual([finding([]).key, other.key]);
    // A different change on the same line is its own suggestion.
    const differs = { ...other, fix: { description: 'x', edits: [{ ...edit, replacement: '    x: y' }] } };
    expect(planSuggestions([finding([edit]), differs], diffs, lines).comments).toHaveLength(2);
  });

  // metric-scraping-mtls on stefanprodan/gitops-istio's backend: its fix replaces the `metrics.dynatrace.com/port`
  // line and inserts `path` after it. Two suggestions on that line (the insertion repeats the old port) would each
  // undo the other: GitHub cannot commit both, and committing the second alone keeps the wrong port.
  it('joins an insertion after a line with the edit that replaces that line into one suggestion', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const plan = planSuggestions(
      [
        finding([
          { file: 'ns.yaml', startLine: 5, endLine: 4, replacement: '    team: obs' },
          { file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '    istio-injection: disabled' },
        ]),
      ],
      diffs,
      lines,
    );
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]).toMatchObject({
      line: 4,
      replacement: '    istio-injection: disabled\n    team: obs',
    });
    expect(plan.comments[0].start_line).toBeUndefined();
  });

  it('keeps edits of a fix on lines apart as separate suggestions', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const plan = planSuggestions(
      [
        finding([
          { file: 'ns.yaml', startLine: 2, endLine: 2, replacement: '  name: dt' },
          { file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' },
        ]),
      ],
      diffs,
      lines,
    );
    expect(plan.comments.map((comment) => [comment.line, comment.replacement])).toEqual([
      [2, '  name: dt'],
      [4, ''],
    ]);
  });

  it('makes no suggestion for a file not in the PR', () => {
    const plan = planSuggestions(
      [finding([{ file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' }])],
      new Map(),
      lines,
    );
    expect(plan.comments).toEqual([]);
    expect(plan.outsideDiff).toBe(1);
  });
});

describe('suggestions on a CRLF file', () => {
  const lines = ['apiVersion: v1', 'kind: Namespace', ...HEAD.slice(0, 4), '    team: obs', 'spec: {}', ''];
  const text = '\uFEFF' + lines.join('\r\n');
  // GitHub's `patch` of an added CRLF file keeps the CR on every line.
  const patch = [
    '@@ -0,0 +1,8 @@',
    ...suggestionLines(text)
      .slice(0, 8)
      .map((line) => `+${line}\r`),
  ].join('\n');
  const model = buildModel([parseYamlText('ns.yaml', text)]);
  const document = model.resources[0].document;
  const plan = (edits: TextEdit[]) =>
    planSuggestions(
      [finding(edits)],
      new Map([['ns.yaml', parsePatch(patch)]]),
      new Map([['ns.yaml', suggestionLines(text)]]),
    );

  it('reads the head lines without BOM or CR', () => {
    expect(suggestionLines(text)).toEqual(lines);
  });

  it("suggests the builders' edits with no CR in the suggestion text", () => {
    const { comments } = plan([
      removeEntryEdit(model, document, ['metadata', 'labels', 'istio-injection'])!,
      setValueEdit(model, document, ['metadata', 'labels', 'owner'], 'platform')!,
    ]);
    expect(comments.map((comment) => comment.line)).toEqual([6, 7]);
    expect(comments[0].body).toContain('```suggestion\n```');
    expect(comments[1].body).toContain('```suggestion\n    team: obs\n    owner: platform\n```');
    for (const comment of comments) expect(comment.body).not.toContain('\r');
  });

  it('drops a CR a replacement carries at a line end', () => {
    const { comments } = plan([
      { file: 'ns.yaml', startLine: 6, endLine: 7, replacement: '    a: b\r\n    c: d\r' },
    ]);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('```suggestion\n    a: b\n    c: d\n```');
    expect(comments[0].body).not.toContain('\r');
  });
});

/**
 * The head lines after committing every suggestion, as GitHub commits a batch of them: each replaces its own lines
 * of the head, so suggestions on overlapping lines cannot all be committed.
 */
function commitAll(head: readonly string[], comments: readonly SuggestionComment[]): string[] {
  const ranges = comments
    .map((comment) => ({
      start: comment.start_line ?? comment.line,
      end: comment.line,
      text: comment.replacement,
    }))
    .sort((a, b) => b.start - a.start);
  ranges.forEach((range, index) => {
    if (index > 0) expect(range.end).toBeLessThan(ranges[index - 1].start);
  });
  const lines = [...head];
  for (const range of ranges)
    lines.splice(
      range.start - 1,
      range.end - range.start + 1,
      ...(range.text === '' ? [] : range.text.split('\n')),
    );
  return lines;
}

describe('suggestions of fixes of different findings on the same lines', () => {
  // native-sidecars and cni-csi-deadlock each insert a new `values:` block after the last line of this
  // IstioOperator's `spec`: two suggestions on line 11, and a file with `values:` twice if both were taken.
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
  const rules = ALL_RULES.filter((rule) => ['native-sidecars', 'cni-csi-deadlock'].includes(rule.meta.id));
  const findings = analyze(modelOf({ 'iop.yaml': iop, 'dk.yaml': dk }), undefined, { rules }).report.findings;
  const head = suggestionLines(iop);
  const added = ['@@ -0,0 +1,11 @@', ...head.slice(0, 11).map((line) => `+${line}`)].join('\n');
  const diffs = new Map([['iop.yaml', parsePatch(added)]]);

  it('makes one suggestion under one `values:` that names both findings', () => {
    expect(findings.map((finding) => finding.ruleId).sort()).toEqual(['cni-csi-deadlock', 'native-sidecars']);
    const plan = planSuggestions(findings, diffs, new Map([['iop.yaml', head]]));
    expect(plan.comments).toHaveLength(1);
    const [comment] = plan.comments;
    expect(comment.findingKeys).toEqual(findings.map((finding) => finding.key));
    expect(comment.body).toContain('**native-sidecars**');
    expect(comment.body).toContain('**cni-csi-deadlock**');
    const document = parseDocument(commitAll(head, plan.comments).join('\n'), { uniqueKeys: true });
    expect(document.errors).toEqual([]);
    const values = document.toJS().spec.values;
    expect(values.pilot.env.ENABLE_NATIVE_SIDECARS).toBe('false');
    expect(values.cni.podAnnotations['oneagent.dynatrace.com/inject']).toBe('false');
  });

  it('keeps fixes of different findings on lines apart as their own suggestions', () => {
    const label = (key: string, line: number, replacement: string): Finding => ({
      ...finding([{ file: 'ns.yaml', startLine: line, endLine: line, replacement }]),
      key,
    });
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const first = label('a', 2, '  name: dt');
    const second = label('b', 4, '');
    const plan = planSuggestions([first, second], diffs, lines);
    expect(plan.comments.map((comment) => [comment.line, comment.replacement, comment.findingKeys])).toEqual([
      [2, '  name: dt', ['a']],
      [4, '', ['b']],
    ]);
    expect(plan.comments[0].body).toBe(planSuggestions([first], diffs, lines).comments[0].body);
    expect(plan.comments[1].body).toBe(planSuggestions([second], diffs, lines).comments[0].body);
  });

  it('makes one suggestion of an insertion and a replacement that change the lines alike', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const inserts = finding([{ file: 'ns.yaml', startLine: 5, endLine: 4, replacement: '    team: obs' }]);
    const replaces = {
      ...finding([
        {
          file: 'ns.yaml',
          startLine: 4,
          endLine: 4,
          replacement: '    istio-injection: enabled\n    team: obs',
        },
      ]),
      key: 'other',
    };
    const plan = planSuggestions([inserts, replaces], diffs, lines);
    expect(plan.comments.map((comment) => [comment.replacement, comment.findingKeys])).toEqual([
      ['    istio-injection: enabled\n    team: obs', [inserts.key, 'other']],
    ]);
  });

  it('keeps a fix that replaces the same line differently as its own suggestion, saying so', () => {
    const diffs = new Map([['ns.yaml', parsePatch(ADDED_FILE_PATCH)]]);
    const removes = finding([{ file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '' }]);
    const disables = {
      ...finding([
        { file: 'ns.yaml', startLine: 4, endLine: 4, replacement: '    istio-injection: disabled' },
      ]),
      ruleId: 'other-rule',
      key: 'other',
    };
    const plan = planSuggestions([removes, disables], diffs, lines);
    expect(plan.comments.map((comment) => comment.findingKeys)).toEqual([[removes.key], ['other']]);
    expect(plan.comments[0].body).not.toContain('changes them differently');
    expect(plan.comments[1].body).toContain(
      'Another suggestion on these lines (the fix of `operator-namespace-injection`) changes them differently',
    );
  });
});
