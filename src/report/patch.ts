import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyEdits, dominantLineEnding } from '../rules/edits.js';
import type { Fix, TextEdit } from '../rules/types.js';
import { lineStarts } from '../text-lines.js';

/** Lines of context around each hunk, as `git diff` writes them. */
export const CONTEXT_LINES = 3;

/**
 * Unchanged lines kept around a fix's edits when its patch is made: the hunks' context, and a margin. A patch is
 * made from this part of the file, not the whole file: a rendered manifest with a finding per workload diffed its
 * whole text once per finding.
 */
const WINDOW_LINES = CONTEXT_LINES + 20;

function groupByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return byFile;
}

/**
 * A `git apply`-able unified diff for a fix, made from the head texts of the files it edits (a file not on head
 * is created); undefined when the edits change nothing.
 */
export function fixPatch(fix: Fix, files: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  for (const [file, edits] of groupByFile(fix.edits)) {
    const existing = files.get(file);
    const body = existing === undefined ? newFilePatch(file, edits) : editPatch(file, existing, edits);
    if (body === undefined) continue;
    const header = `diff --git ${gitPath('a/', file)} ${gitPath('b/', file)}\n${existing === undefined ? 'new file mode 100644\n' : ''}`;
    parts.push(header + body.replace(/^=+\n/, ''));
  }
  return parts.length > 0 ? parts.join('') : undefined;
}

function newFilePatch(file: string, edits: TextEdit[]): string | undefined {
  let after = applyEdits('', edits);
  if (after === '') return undefined;
  if (!after.endsWith('\n')) after += '\n';
  return unifiedDiff('/dev/null', file, '', after);
}

/** The diff of the lines around the edits, its hunks numbered as in the whole file. */
function editPatch(file: string, text: string, edits: TextEdit[]): string | undefined {
  const { starts, eol } = linesOf(text);
  const first = Math.min(...edits.map((edit) => edit.startLine));
  const last = Math.max(...edits.map((edit) => Math.max(edit.startLine, edit.endLine)));
  const from = Math.max(1, first - WINDOW_LINES);
  const to = Math.min(starts.length, last + WINDOW_LINES);
  const before = text.slice(starts[from - 1], to < starts.length ? starts[to] : text.length);
  const shifted = edits.map((edit) => ({
    ...edit,
    startLine: edit.startLine - (from - 1),
    endLine: edit.endLine - (from - 1),
  }));
  const after = applyEdits(before, shifted, eol);
  if (after === before) return undefined;
  return unifiedDiff(`a/${file}`, file, before, after).replace(
    /^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm,
    (_hunk, oldStart: string, oldCount = '', newStart: string, newCount = '') =>
      `@@ -${Number(oldStart) + from - 1}${oldCount} +${Number(newStart) + from - 1}${newCount} @@`,
  );
}

function unifiedDiff(oldName: string, file: string, before: string, after: string): string {
  // The library quotes the names of the ---/+++ lines itself, as git does; the `diff --git` line is ours.
  return createTwoFilesPatch(oldName, `b/${file}`, before, after, undefined, undefined, {
    context: CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

// eslint-disable-next-line no-control-regex
const GIT_QUOTED = /[\u0000-\u001f\u007f"\\]/;
const C_ESCAPES: Record<string, string> = {
  '\u0007': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '"': '"',
  '\\': '\\',
};

/**
 * A path in a patch header as git writes it: in double quotes with C escapes when it holds a control character,
 * `"` or `\`. A raw line break in a file name would end the header line and make the rest look like patch text.
 */
function gitPath(prefix: string, file: string): string {
  if (!GIT_QUOTED.test(file)) return `${prefix}${file}`;
  const escaped = file.replace(
    new RegExp(GIT_QUOTED.source, 'g'),
    (c) => `\\${C_ESCAPES[c] ?? c.charCodeAt(0).toString(8).padStart(3, '0')}`,
  );
  return `"${prefix}${escaped}"`;
}

/** Where each line of a text starts, and its dominant line break: once per text, whatever the findings in it. */
function linesOf(text: string): { starts: number[]; eol: '\n' | '\r\n' } {
  if (lastLines?.text === text) return lastLines;
  const starts = lineStarts(text);
  // A final line break ends the last line: it starts no line of its own.
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  lastLines = { text, starts, eol: dominantLineEnding(text) };
  return lastLines;
}

/** The lines of the text asked for last: the findings of one file are rendered one after the other. */
let lastLines: { text: string; starts: number[]; eol: '\n' | '\r\n' } | undefined;
