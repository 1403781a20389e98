import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check } from '../../src/engine.js';
import { MAX_COMMENT_CHARS, renderMarkdown } from '../../src/report/markdown.js';
import { nodesOf, parseGfm, textOf } from './gfm.js';

const EXAMPLES = path.resolve(process.cwd(), 'examples');
const LINK_BASE = 'https://github.com/example/platform/blob/0123456789abcdef';
// Example PRs are the folders with a base and a head (examples/workflows holds workflow files).
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(path.join(EXAMPLES, entry.name)).includes('head'))
  .map((entry) => entry.name)
  .sort();

async function analyzeExample(name: string) {
  return check({
    repo: path.join(EXAMPLES, name),
    base: 'base',
    head: 'head',
    selection: { include: ['**/*.yaml', '**/*.yml'], exclude: [] },
  });
}

/** Applies a patch to a copy of the example's head tree with `git apply`; throws when it does not apply. */
function applyToHead(name: string, patch: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'dkig-example-'));
  cpSync(path.join(EXAMPLES, name, 'head'), dir, { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  writeFileSync(path.join(dir, 'fix.patch'), `${patch}\n`);
  execFileSync('git', ['-C', dir, 'apply', 'fix.patch']);
}

describe('PR comment for each example', () => {
  it('has the examples this suite expects', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['cni-without-annotation', 'reformat-only', 'secure-mesh-gains-dynakube']),
    );
  });

  it.each(examples)(
    '%s: verdict, changes, findings with fixes, egress map, under the size limit',
    async (name) => {
      const { report } = await analyzeExample(name);
      const body = renderMarkdown(report, { fileLinkBase: LINK_BASE, maxLength: MAX_COMMENT_CHARS });
      expect(body.length).toBeLessThan(65_536);
      expect(body).toMatchSnapshot();

      const tree = parseGfm(body);
      const verdict = textOf(nodesOf(tree, 'paragraph')[0]);
      expect(verdict).toMatch(/^(❌|⚠️|✅) .* — \d+ new.* · \d+ unchanged.* · \d+ fixed/);

      const tables = nodesOf(tree, 'table');
      if (report.changes.length > 0) {
        expect(tables).toHaveLength(1);
        expect(tables[0].children).toHaveLength(report.changes.length + 1);
      } else {
        expect(tables).toHaveLength(0);
      }

      const links = nodesOf(tree, 'link').map((link) => link.url);
      for (const finding of report.findings.filter((f) => f.status !== 'fixed')) {
        expect(links).toContain(finding.docs);
        expect(links).toContain(`${LINK_BASE}/${finding.file}#L${finding.line}`);
      }
      const patches = nodesOf(tree, 'code').filter((code) => code.lang === 'diff');
      const withEdits = report.findings.filter((f) => f.status !== 'fixed' && (f.fix?.edits.length ?? 0) > 0);
      expect(patches).toHaveLength(withEdits.length);
      for (const patch of patches) applyToHead(name, patch.value);

      const generated = nodesOf(tree, 'code').filter((code) => code.lang === 'yaml');
      expect(generated).toHaveLength(report.generated.length);

      const mermaid = nodesOf(tree, 'code').filter((code) => code.lang === 'mermaid');
      expect(mermaid).toHaveLength(1);
      expect(mermaid[0].value.startsWith('flowchart LR\n')).toBe(true);
    },
  );

  it('reformat-only: a PR that only rewrites the YAML shows no changes and no new or fixed findings', async () => {
    const { report } = await analyzeExample('reformat-only');
    expect(report.changes).toEqual([]);
    // Whatever the rules find there was already on the base: a reformat introduces and fixes nothing.
    expect(report.findings.filter((f) => f.status !== 'unchanged')).toEqual([]);
    const body = renderMarkdown(report);
    expect(nodesOf(parseGfm(body), 'table')).toHaveLength(0);
    expect(body).toContain('no new findings');
  });

  it('reformat-only: the same trees with one real edit show exactly that change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dkig-reformat-'));
    cpSync(path.join(EXAMPLES, 'reformat-only'), dir, { recursive: true });
    const file = path.join(dir, 'head/cluster/dynatrace/dynakube.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('networkZone: "eu-edge"', 'networkZone: "eu-west"'));
    const { report } = await check({
      repo: dir,
      base: 'base',
      head: 'head',
      selection: { include: ['**/*.yaml'], exclude: [] },
    });
    expect(report.changes).toEqual([
      {
        resource: 'DynaKube dynatrace/edge',
        path: 'networkZone',
        before: 'eu-edge',
        after: 'eu-west',
        file: 'cluster/dynatrace/dynakube.yaml',
        line: 15,
      },
    ]);
  });
});
