import { expect } from '@jest/globals';
import { analyze } from '../../src/engine.js';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import { applyEdits } from '../../src/rules/edits.js';
import type { Finding, FindingDraft, Fix, Rule } from '../../src/rules/types.js';

/** A repository tree as `{ 'path/file.yaml': 'yaml text' }`. */
export type Tree = Record<string, string>;

/** The model of an in-memory tree, built exactly as the engine builds it from files. */
export function modelOf(tree: Tree): ClusterModel {
  return buildModel(Object.entries(tree).map(([file, text]) => parseYamlText(file, text)));
}

/** The drafts one rule reports on `head` (with `base` for rules about a change). */
export function runRule(rule: Rule, head: Tree, base?: Tree): FindingDraft[] {
  return rule.check({ head: modelOf(head), ...(base ? { base: modelOf(base) } : {}) });
}

/** Findings of the whole engine for one rule, with statuses. */
export function findingsOf(rule: Rule, head: Tree, base?: Tree): Finding[] {
  return analyze(modelOf(head), base ? modelOf(base) : undefined, { rules: [rule] }).report.findings;
}

/** The tree after applying every edit of every fix of `drafts` (or findings); a fix may also create a new file. */
export function applyFixes(tree: Tree, drafts: readonly { fix?: Fix }[]): Tree {
  const result: Tree = { ...tree };
  const byFile = new Map<string, Fix['edits']>();
  for (const draft of drafts) {
    for (const edit of draft.fix?.edits ?? [])
      byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  }
  for (const [file, edits] of byFile) result[file] = applyEdits(result[file] ?? '', edits);
  return result;
}

/**
 * The one finding of `rule` on `tree` points into `file` at `line`, its fix edits that line of that file and no other
 * file, and the fixed tree is valid YAML, fully readable and quiet. Returns the finding and the fixed tree.
 */
export function expectFixInFile(
  rule: Rule,
  tree: Tree,
  file: string,
  line: number,
): { finding: FindingDraft; fixed: Tree } {
  const findings = runRule(rule, tree);
  expect(findings.map((finding) => [finding.origin.file, finding.origin.line])).toEqual([[file, line]]);
  expect(findings[0].fix?.edits.map((edit) => [edit.file, edit.startLine])).toEqual([[file, line]]);
  const fixed = applyFixes(tree, findings);
  expect(parseYamlText(file, fixed[file]).problems).toEqual([]);
  for (const other of Object.keys(tree)) if (other !== file) expect(fixed[other]).toBe(tree[other]);
  expect(modelOf(fixed).notEvaluable).toEqual([]);
  expect(runRule(rule, fixed)).toHaveLength(0);
  return { finding: findings[0], fixed };
}

/** Dedents a template literal so YAML in tests can be indented with the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce(
    (out, part, i) => out + part + (i < values.length ? String(values[i]) : ''),
    '',
  );
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '\n')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * An application-monitoring DynaKube in namespace `dynatrace` with `useCSIDriver` when given, and a
 * `codeModulesImage` unless told otherwise: the v1beta1 / v1beta2 form whose CSI use the field decides.
 */
export function appOnlyDynaKube(
  version: string,
  options: { useCSIDriver?: boolean; codeModulesImage?: boolean; name?: string } = {},
): string {
  const { useCSIDriver, codeModulesImage = true, name = 'dk' } = options;
  return [
    `apiVersion: dynatrace.com/${version}`,
    'kind: DynaKube',
    'metadata:',
    `  name: ${name}`,
    '  namespace: dynatrace',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    '    applicationMonitoring:',
    ...(useCSIDriver === undefined ? [] : [`      useCSIDriver: ${useCSIDriver}`]),
    ...(codeModulesImage ? ['      codeModulesImage: docker.io/acme/codemodules:1.2.3'] : []),
    '',
  ].join('\n');
}
