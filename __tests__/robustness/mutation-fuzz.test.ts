import { describe, expect, it, jest } from '@jest/globals';
import { reportCommentBody } from '../../src/action/comment.js';
import type { RightSideLines } from '../../src/action/patch.js';
import { planSuggestions, suggestionLines } from '../../src/action/suggestions.js';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import type { Report } from '../../src/report/types.js';
import type { Finding } from '../../src/rules/types.js';
import { byCodeUnits } from '../../src/text-order.js';
import { checkTrees } from '../helpers/memory-source.js';
import type { Tree } from '../rules/harness.js';
import { CONFIG_FILE, corpusGroups, mutatedCase, mutateText, Random, type MutatedCase } from './mutations.js';

/**
 * Mutation fuzzing of real inputs (the examples, the upstream DynaKube samples, the Istio chart values): each case
 * mutates some files of a pull request's head (and sometimes its base) with seeded edits a person or a tool could
 * make by mistake, and runs the engine as the CLI does. Whatever the mutation, the run does not throw, every
 * finding and note points at a line of its file, every fix edits lines of its file without two edits overlapping,
 * and every report format renders.
 *
 * Fixed seed and count, so CI is deterministic and fast. To hunt further: `FUZZ_SEED=7 FUZZ_RUNS=5000`; to rerun
 * one failing case: `FUZZ_SEED=<seed> FUZZ_CASE=<index>`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);

/** The longest message or note the report shows, whatever the input quotes. */
const LONGEST_TEXT = 1501;

/** Lines of a text: `\n` ends a line, and a last line without one still counts (an empty file has line 1). */
function lineCount(text: string): number {
  return Math.max(1, text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
}

/** The problems of one report: places outside their file, fixes that cannot be applied as given. */
function problemsOf(report: Report, base: Tree, head: Tree): string[] {
  const problems: string[] = [];
  const placed = (what: string, file: string, line: number, endLine: number, side: Tree) => {
    const text = side[file];
    if (text === undefined) return problems.push(`${what}: file ${file} is not in the tree`);
    const last = lineCount(text);
    if (!Number.isInteger(line) || line < 1 || line > last || endLine < line || endLine > last)
      problems.push(`${what}: lines ${line}-${endLine} outside ${file} (${last} lines)`);
  };
  for (const finding of report.findings) {
    const side = finding.status === 'fixed' ? base : head;
    const what = `finding ${finding.ruleId} (${finding.status}) "${finding.message.slice(0, 120)}"`;
    placed(what, finding.file, finding.line, finding.endLine, side);
    // A value from the input can be megabytes long: what the report says about it stays short.
    if (finding.message.length > LONGEST_TEXT)
      problems.push(`${what}: message of ${finding.message.length} characters`);
    if (finding.fix) problems.push(...fixProblems(finding, side).map((problem) => `${what}: ${problem}`));
  }
  for (const note of report.notEvaluable) {
    const what = `note "${note.reason.slice(0, 120)}"`;
    placed(what, note.file, note.line, note.line, head);
    if (note.reason.length > LONGEST_TEXT)
      problems.push(`${what}: reason of ${note.reason.length} characters`);
  }
  return problems;
}

/**
 * A fix's edits each lie within their file (a new file only as an insertion at its line 1), and no two edits of one
 * file touch the same line or insert where another replaces.
 */
function fixProblems(finding: Finding, side: Tree): string[] {
  const problems: string[] = [];
  const edits = finding.fix!.edits;
  for (const edit of edits) {
    const text = side[edit.file];
    const last = text === undefined ? 0 : lineCount(text);
    const insertion = edit.endLine === edit.startLine - 1;
    const valid =
      Number.isInteger(edit.startLine) &&
      Number.isInteger(edit.endLine) &&
      edit.startLine >= 1 &&
      (insertion ? edit.startLine <= last + 1 : edit.endLine >= edit.startLine && edit.endLine <= last);
    if (!valid) problems.push(`edit ${edit.startLine}-${edit.endLine} outside ${edit.file} (${last} lines)`);
  }
  const sorted = [...edits].sort((a, b) => byCodeUnits(a.file, b.file) || a.startLine - b.startLine);
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1], sorted[i]];
    if (before.file === after.file && after.startLine <= Math.max(before.endLine, before.startLine))
      problems.push(
        `edits ${before.startLine}-${before.endLine} and ${after.startLine}-${after.endLine} overlap`,
      );
  }
  return problems;
}

/** Runs the engine on a case as `check` does, renders every format, and plans the PR comment and suggestions. */
async function runCase(testCase: MutatedCase): Promise<string[]> {
  const { report } = await checkTrees(testCase.base, testCase.head);
  JSON.parse(renderJson(report));
  JSON.parse(renderSarif(report));
  renderText(report, { color: false });
  renderText(report, { color: true });
  renderMarkdown(report, { maxLength: 65_000 });
  const comment = reportCommentBody(report, {}, '');
  planSuggestions(report.findings, ...wholeFilesChanged(testCase.head));
  const problems = problemsOf(report, testCase.base, testCase.head);
  if (comment.length > 65_536) problems.push(`a PR comment of ${comment.length} characters`);
  return problems;
}

/** Diffs as if the pull request added every head file, and the files' lines: every fix can become a suggestion. */
function wholeFilesChanged(head: Tree): [Map<string, RightSideLines>, Map<string, string[]>] {
  const lines = new Map(Object.entries(head).map(([file, text]) => [file, suggestionLines(text)]));
  const diffs = new Map(
    [...lines].map(([file, fileLines]) => [
      file,
      { lines: new Map(fileLines.map((text, index) => [index + 1, { text, hunk: 0 }])) },
    ]),
  );
  return [diffs, lines];
}

/** An error as its message (cut: a value from the input can be megabytes) and the frames that say where. */
function shortened(error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return [String(error.message).slice(0, 300), ...frames.slice(0, 8)].join('\n    ');
}

/** What to print for a failing case: how to rerun it and what was done to it. */
function describeCase(index: number, testCase: MutatedCase): string {
  return `FUZZ_SEED=${SEED} FUZZ_CASE=${index}: ${testCase.name}\n  ${testCase.applied.join('\n  ')}`;
}

describe('mutation fuzzing of the examples, the DynaKube samples and the Istio chart values', () => {
  const groups = corpusGroups();
  const pairs = groups.flat();

  it('has the examples, every sample and the chart values to start from', () => {
    expect(pairs.filter((pair) => pair.name.startsWith('example ')).length).toBeGreaterThanOrEqual(4);
    expect(new Set(pairs.map((pair) => pair.name.split(' in ')[0])).size).toBeGreaterThan(25);
    expect(pairs.some((pair) => pair.name === 'Istio chart values')).toBe(true);
  });

  it('never throws; findings, notes and fixes stay within their files; every format renders', async () => {
    const indexes = ONLY === undefined ? Array.from({ length: RUNS }, (_, i) => i) : [ONLY];
    const failures: string[] = [];
    // What a library would print on stderr (a YAML warning, a console message) is a problem too: the CLI's stderr
    // carries only its own one-line reasons.
    const printed = [
      jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined),
      jest.spyOn(console, 'warn').mockImplementation(() => undefined),
      jest.spyOn(console, 'error').mockImplementation(() => undefined),
    ];
    try {
      for (const index of indexes) {
        const testCase = mutatedCase(groups, SEED, index);
        const problems = await runCase(testCase).catch((error: Error) => [`threw ${shortened(error)}`]);
        if (printed.some((spy) => spy.mock.calls.length > 0))
          problems.push(`printed ${String(printed.flatMap((spy) => spy.mock.calls)[0]?.[0]).slice(0, 200)}`);
        for (const spy of printed) spy.mockClear();
        if (problems.length > 0)
          failures.push(`${describeCase(index, testCase)}\n  → ${problems.join('\n  → ')}`);
      }
    } finally {
      for (const spy of printed) spy.mockRestore();
    }
    expect(failures).toEqual([]);
  });
});

describe('mutation fuzzing of the config file', () => {
  // The CLI and the action read it before anything else: it is accepted, or refused with a short one-line reason,
  // and the YAML library prints nothing of its own.
  it('is read or refused with a ConfigError, never another error, and nothing is printed', () => {
    const warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const failures: string[] = [];
    try {
      for (let index = 0; index < RUNS; index++) {
        const random = new Random(SEED * 1_000_003 + index);
        const { text, applied } = mutateText(CONFIG_FILE, random, 1 + random.int(4));
        const problem = configProblem(text);
        if (problem || warnings.mock.calls.length > 0)
          failures.push(`config case ${index} (${applied.join(', ')}): ${problem ?? 'printed a warning'}`);
        warnings.mockClear();
      }
    } finally {
      warnings.mockRestore();
    }
    expect(failures).toEqual([]);
  });
});

/** What is wrong with how a config text is read: undefined when it is read, or refused with a short reason. */
function configProblem(text: string): string | undefined {
  try {
    parseConfig(text, '.github/dynakube-istio-guard.yml');
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) return `threw ${shortened(error as Error)}`;
    return error.message.length > 500 ? `a reason of ${error.message.length} characters` : undefined;
  }
}
