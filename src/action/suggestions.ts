import { createHash } from 'node:crypto';
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
  return createHash('sha256').update(`${finding.key}\0${path}\0${change.text}`).digest('hex').slice(0, 16);
}

function commentBody(finding: Finding, change: LineChange, fingerprint: string): string {
  return [
    `**${escapeMarkdown(finding.ruleId)}** (${finding.severity}) · ${inlineCode(finding.resource)}: ${escapeMarkdown(finding.message)}`,
    '',
    escapeMarkdown(finding.fix?.description ?? ''),
    '',
    suggestionBlock(change.text),
    '',
    `<!-- ${SUGGESTION_MARKER} ${fingerprint} -->`,
  ].join('\n');
}

/**
 * Review comments for the fixes of open findings whose every line is a RIGHT-side line inside one diff hunk of
 * the PR and reads the same in the checkout as in the PR's diff (else the suggestion could replace the wrong text).
 */
export function planSuggestions(
  findings: readonly Finding[],
  diffs: ReadonlyMap<string, RightSideLines>,
  headLines: ReadonlyMap<string, readonly string[]>,
): SuggestionPlan {
  const comments: SuggestionComment[] = [];
  const seen = new Map<string, SuggestionComment>();
  let outsideDiff = 0;
  for (const finding of findings) {
    if (finding.status === 'fixed' || !finding.fix || finding.fix.edits.length === 0) continue;
    const planned = joinTouchingEdits(finding.fix.edits, headLines).map((edit) =>
      planEdit(finding, edit, diffs, headLines),
    );
    if (planned.some((comment) => comment === undefined)) {
      outsideDiff += 1;
      continue;
    }
    for (const comment of planned as SuggestionComment[]) {
      // The same change for several findings is one suggestion: identical suggestions on one line help no one.
      const id = `${comment.path}:${comment.start_line ?? comment.line}:${comment.line}:${comment.replacement}`;
      const same = seen.get(id);
      if (same) same.findingKeys.push(finding.key);
      else {
        seen.set(id, comment);
        comments.push(comment);
      }
    }
  }
  return { comments, outsideDiff };
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
  const groups: { file: string; start: number; end: number; edits: TextEdit[] }[] = [];
  for (const edit of edits) {
    const lines = headLines.get(edit.file);
    const change = lines && toLineChange(edit, (line) => lines[line - 1]);
    if (!change) {
      groups.push({ file: edit.file, start: edit.startLine, end: edit.endLine, edits: [edit] });
      continue;
    }
    const touching = groups.filter(
      (group) => group.file === edit.file && group.start <= change.end && change.start <= group.end,
    );
    const joined = {
      file: edit.file,
      start: Math.min(change.start, ...touching.map((group) => group.start)),
      end: Math.max(change.end, ...touching.map((group) => group.end)),
      edits: [...touching.flatMap((group) => group.edits), edit],
    };
    groups.splice(0, groups.length, ...groups.filter((group) => !touching.includes(group)), joined);
  }
  return groups.map((group) => {
    if (group.edits.length === 1) return group.edits[0];
    const lines = headLines.get(group.file)!;
    const shifted = group.edits.map((edit) => ({
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
  finding: Finding,
  edit: TextEdit,
  diffs: ReadonlyMap<string, RightSideLines>,
  headLines: ReadonlyMap<string, readonly string[]>,
): SuggestionComment | undefined {
  const diff = diffs.get(edit.file);
  const lines = headLines.get(edit.file);
  if (!diff || !lines) return undefined;
  const change = toLineChange(edit, (line) => lines[line - 1]);
  if (!change || !inOneHunk(diff, change.start, change.end)) return undefined;
  for (let line = change.start; line <= change.end; line += 1) {
    if (diff.lines.get(line)?.text !== lines[line - 1]) return undefined;
  }
  const fingerprint = fingerprintOf(finding, edit.file, change);
  return {
    path: edit.file,
    line: change.end,
    ...(change.start < change.end ? { start_line: change.start, start_side: 'RIGHT' as const } : {}),
    side: 'RIGHT',
    body: commentBody(finding, change, fingerprint),
    fingerprint,
    replacement: change.text,
    findingKeys: [finding.key],
  };
}
