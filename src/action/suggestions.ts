import { createHash } from 'node:crypto';
import { composeEdits } from '../report/compose.js';
import { escapeMarkdown, inlineCode } from '../report/escape.js';
import { applyEdits } from '../rules/edits.js';
import type { Finding, TextEdit } from '../rules/types.js';
import { inOneHunk, type RightSideLines } from './patch.js';

/** Marks this action's review comments, so a later run does not repeat a suggestion it already made. */
export const SUGGESTION_MARKER = 'dynakube-istio-guard:suggestion';

/** A review comment with a one-click suggestion, in the shape of `pulls.createReview`'s `comments[]`. */
export interface SuggestionComment {
  path: string;
  line: number;
  start_line?: number;
  side: 'RIGHT';
  start_side?: 'RIGHT';
  body: string;
  /** Identity of the suggestion (finding and replacement text), kept in the body's hidden marker. */
  fingerprint: string;
  /** The text the suggestion puts in place of its lines. */
  replacement: string;
  /**
   * The findings it fixes (their keys), so the PR comment need not repeat their patches: one change can fix several
   * (a template line of an ApplicationSet that each generated Application reads).
   */
  findingKeys: string[];
}

export interface SuggestionPlan {
  comments: SuggestionComment[];
  /** Fixes that have edits but could not become suggestions: a line outside the PR's diff hunks. */
  outsideDiff: number;
}

/** The lines a suggestion replaces and the text that replaces them. */
interface LineChange {
  start: number;
  end: number;
  text: string;
}

/** A head file's lines as suggestions address them: no BOM, and no line break (LF or CRLF) left on a line. */
export function suggestionLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/**
 * GitHub suggestions replace whole lines of the head. An insertion (`startLine > endLine`) becomes a suggestion on
 * the line before it that repeats that line and adds the new ones (or on line 1, adding before it). The text is
 * lines joined by `\n` with no `\r`: GitHub keeps the file's own line breaks when it commits a suggestion, and a
 * `\r` in the block would end up inside the line.
 */
export function toLineChange(
  edit: TextEdit,
  lineText: (line: number) => string | undefined,
): LineChange | undefined {
  const change = lineChange(edit, lineText);
  return change && { ...change, text: change.text.replace(/\r(?=\n|$)/g, '') };
}

function lineChange(edit: TextEdit, lineText: (line: number) => string | undefined): LineChange | undefined {
  if (edit.startLine <= edit.endLine)
    return { start: edit.startLine, end: edit.endLine, text: edit.replacement };
  const before = edit.startLine - 1;
  if (before >= 1) {
    const anchor = lineText(before);
    return anchor === undefined
      ? undefined
      : { start: before, end: before, text: `${anchor}\n${edit.replacement}` };
  }
  const first = lineText(1);
  return first === undefined ? undefined : { start: 1, end: 1, text: `${edit.replacement}\n${first}` };
}

/** A ```` ```suggestion ```` block; empty content deletes the lines. The fence outgrows any backtick run inside. */
export function suggestionBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return text === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${text}\n${fence}`;
}

export function fingerprintOf(finding: Finding, path: string, change: LineChange): string {
  return fingerprintOfKeys([finding.key], path, change);
}

function fingerprintOfKeys(keys: readonly string[], path: string, change: LineChange): string {
  return createHash('sha256')
    .update(`${keys.join('\0')}\0${path}\0${change.text}`)
    .digest('hex')
    .slice(0, 16);
}

function findingLine(finding: Finding): string {
  return `**${escapeMarkdown(finding.ruleId)}** (${finding.severity}) · ${inlineCode(finding.resource)}: ${escapeMarkdown(finding.message)}`;
}

function commentBody(
  findings: readonly Finding[],
  change: LineChange,
  fingerprint: string,
  note: string | undefined,
): string {
  const about =
    findings.length === 1
      ? [findingLine(findings[0]), '', escapeMarkdown(findings[0].fix?.description ?? '')]
      : [
          `Fixes ${findings.length} findings whose changes meet on these lines, applied together: as separate suggestions, committing one would leave the other invalid or undone.`,
          '',
          ...findings.map(
            (finding) => `- ${findingLine(finding)}\n  ${escapeMarkdown(finding.fix?.description ?? '')}`,
          ),
        ];
  return [
    ...about,
    ...(note ? ['', note] : []),
    '',
    suggestionBlock(change.text),
    '',
    `<!-- ${SUGGESTION_MARKER} ${fingerprint} -->`,
  ].join('\n');
}

/** A joined edit of one fix, and the findings whose fixes make exactly this change of the lines. */
interface Unit {
  findings: Finding[];
  edit: TextEdit;
}

/**
 * Review comments for the fixes of open findings whose every line is a RIGHT-side line inside one diff hunk of
 * the PR and reads the same in the checkout as in the PR's diff (else the suggestion could replace the wrong text).
 * Fixes of different findings whose suggestions would cover the same lines are one suggestion (`planTogether`).
 */
export function planSuggestions(
  findings: readonly Finding[],
  diffs: ReadonlyMap<string, RightSideLines>,
  headLines: ReadonlyMap<string, readonly string[]>,
): SuggestionPlan {
  const units: Unit[] = [];
  const byEdit = new Map<string, Unit>();
  let outsideDiff = 0;
  for (const finding of findings) {
    if (finding.status === 'fixed' || !finding.fix || finding.fix.edits.length === 0) continue;
    const edits = joinTouchingEdits(finding.fix.edits, headLines);
    if (edits.some((edit) => planEdit([finding], edit, diffs, headLines) === undefined)) {
      outsideDiff += 1;
      continue;
    }
    for (const edit of edits) {
      // The same change for several findings is one suggestion: identical suggestions on one line help no one.
      const lines = headLines.get(edit.file)!;
      const change = toLineChange(edit, (line) => lines[line - 1])!;
      const id = `${edit.file}\0${change.start}\0${change.end}\0${change.text}`;
      const same = byEdit.get(id);
      if (same) same.findings.push(finding);
      else {
        const unit = { findings: [finding], edit };
        byEdit.set(id, unit);
        units.push(unit);
      }
    }
  }
  const comments = overlappingUnits(units, headLines).flatMap((group) =>
    planTogether(group, diffs, headLines),
  );
  return { comments, outsideDiff };
}

/**
 * Items whose line ranges of one file overlap, joined into groups (a range joining two groups merges them), each
 * group with its items in the order given and the lines it covers; the groups ordered by their first item. An item
 * without a range stays in a group of its own.
 */
function groupTouching<T>(
  items: readonly T[],
  rangeOf: (item: T) => { file: string; start: number; end: number } | undefined,
): { file: string; start: number; end: number; items: T[] }[] {
  const groups: { file: string; start: number; end: number; items: T[]; first: number; alone?: true }[] = [];
  items.forEach((item, index) => {
    const range = rangeOf(item);
    if (!range) {
      groups.push({ file: '', start: 0, end: -1, items: [item], first: index, alone: true });
      return;
    }
    const touching = groups.filter(
      (group) =>
        !group.alone && group.file === range.file && group.start <= range.end && range.start <= group.end,
    );
    const joined = {
      file: range.file,
      start: Math.min(range.start, ...touching.map((group) => group.start)),
      end: Math.max(range.end, ...touching.map((group) => group.end)),
      items: [...touching.flatMap((group) => group.items), item],
      first: Math.min(index, ...touching.map((group) => group.first)),
    };
    groups.splice(0, groups.length, ...groups.filter((group) => !touching.includes(group)), joined);
  });
  const order = new Map(items.map((item, index) => [item, index]));
  return groups
    .sort((a, b) => a.first - b.first)
    .map(({ file, start, end, items: grouped }) => ({
      file,
      start,
      end,
      items: grouped.sort((a, b) => order.get(a)! - order.get(b)!),
    }));
}

/** The lines a suggestion of `edit` covers (`toLineChange`); undefined when the head file does not have them. */
function suggestionRange(
  edit: TextEdit,
  headLines: ReadonlyMap<string, readonly string[]>,
): { file: string; start: number; end: number } | undefined {
  const lines = headLines.get(edit.file);
  const change = lines && toLineChange(edit, (line) => lines[line - 1]);
  return change && { file: edit.file, start: change.start, end: change.end };
}

/** Units whose suggestions would cover the same lines of a file, in groups, in the order they come. */
function overlappingUnits(
  units: readonly Unit[],
  headLines: ReadonlyMap<string, readonly string[]>,
): Unit[][] {
  return groupTouching(units, (unit) => suggestionRange(unit.edit, headLines)).map((group) => group.items);
}

function planUnit(
  unit: Unit,
  diffs: ReadonlyMap<string, RightSideLines>,
  headLines: ReadonlyMap<string, readonly string[]>,
  note?: string,
): SuggestionComment {
  const comment = planEdit([unit.findings[0]], unit.edit, diffs, headLines, note)!;
  return { ...comment, findingKeys: unit.findings.map((finding) => finding.key) };
}

/**
 * One suggestion for the fixes of different findings that cover the same lines. Each alone is right, but GitHub
 * commits a suggestion by replacing its lines: the second of two overlapping suggestions would undo the first, and
 * two insertions of the same new key (`values:` under an IstioOperator's `spec`, by native-sidecars and
 * cni-csi-deadlock) would give a mapping that key twice. So their edits are composed (`composeEdits`) into one
 * replacement. A unit whose edit conflicts with the ones taken (another text for the same existing line) keeps its
 * own suggestion, which says so.
 */
function planTogether(
  group: readonly Unit[],
  diffs: ReadonlyMap<string, RightSideLines>,
  headLines: ReadonlyMap<string, readonly string[]>,
): SuggestionComment[] {
  const findingsOf = (units: readonly Unit[]) => [...new Set(units.flatMap((unit) => unit.findings))];
  if (findingsOf(group).length === 1) return group.map((unit) => planUnit(unit, diffs, headLines));
  const taken: Unit[] = [];
  const conflicting: Unit[] = [];
  for (const unit of group) {
    if (composeEdits([...taken, unit].map((one) => one.edit))) taken.push(unit);
    else conflicting.push(unit);
  }
  const together = findingsOf(taken);
  const comments: SuggestionComment[] = [];
  const joined =
    together.length > 1 ? joinTouchingEdits(composeEdits(taken.map((unit) => unit.edit))!, headLines) : [];
  const comment =
    joined.length === 1 ? planEdit(together, joined[0], diffs, headLines, undefined) : undefined;
  if (comment) comments.push(comment);
  else comments.push(...taken.map((unit) => planUnit(unit, diffs, headLines)));
  const rules = together.map((finding) => inlineCode(finding.ruleId)).join(', ');
  for (const unit of conflicting) {
    const note = `_Another suggestion on these lines (the fix of ${rules}) changes them differently: commit one of them, then re-run the check for the other._`;
    comments.push(planUnit(unit, diffs, headLines, note));
  }
  return comments;
}

/**
 * A fix's edits of one file whose suggestions would cover the same lines, joined into one replacement of those
 * lines. An insertion becomes a suggestion on the line before it that repeats that line (`toLineChange`): when
 * another edit of the fix replaces that line (metric-scraping-mtls sets `metrics.dynatrace.com/port` and adds
 * `path` after it), two suggestions on one line would each undo the other, and GitHub cannot commit both.
 */
function joinTouchingEdits(
  edits: readonly TextEdit[],
  headLines: ReadonlyMap<string, readonly string[]>,
): TextEdit[] {
  const groups = groupTouching(edits, (edit) => suggestionRange(edit, headLines));
  return groups.map((group) => {
    if (group.items.length === 1) return group.items[0];
    const lines = headLines.get(group.file)!;
    const shifted = group.items.map((edit) => ({
      ...edit,
      startLine: edit.startLine - group.start + 1,
      endLine: edit.endLine - group.start + 1,
    }));
    const text = lines.slice(group.start - 1, group.end).join('\n');
    return {
      file: group.file,
      startLine: group.start,
      endLine: group.end,
      replacement: applyEdits(text, shifted, '\n'),
    };
  });
}

function planEdit(
  findings: readonly Finding[],
  edit: TextEdit,
  diffs: ReadonlyMap<string, RightSideLines>,
  headLines: ReadonlyMap<string, readonly string[]>,
  note?: string,
): SuggestionComment | undefined {
  const diff = diffs.get(edit.file);
  const lines = headLines.get(edit.file);
  if (!diff || !lines) return undefined;
  const change = toLineChange(edit, (line) => lines[line - 1]);
  if (!change || !inOneHunk(diff, change.start, change.end)) return undefined;
  for (let line = change.start; line <= change.end; line += 1) {
    if (diff.lines.get(line)?.text !== lines[line - 1]) return undefined;
  }
  const keys = findings.map((finding) => finding.key);
  const fingerprint = fingerprintOfKeys(keys, edit.file, change);
  return {
    path: edit.file,
    line: change.end,
    ...(change.start < change.end ? { start_line: change.start, start_side: 'RIGHT' as const } : {}),
    side: 'RIGHT',
    body: commentBody(findings, change, fingerprint, note),
    fingerprint,
    replacement: change.text,
    findingKeys: keys,
  };
}
