import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { applyEdits } from '../rules/edits.js';
import type { Fix, TextEdit } from '../rules/types.js';

/** Lines of context around each hunk, as `git diff` writes them. */
const CONTEXT_LINES = 3;

function groupByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return byFile;
}

/** Edits written with `\n` into a CRLF file keep the file's line endings. */
function matchLineEndings(text: string, edits: TextEdit[]): TextEdit[] {
  if (!text.includes('\r\n')) return edits;
  return edits.map((edit) => ({ ...edit, replacement: edit.replacement.replace(/\r?\n/g, '\r\n') }));
}

/**
 * A `git apply`-able unified diff for a fix, made from the head texts of the files it edits; undefined when a
 * file's text is not known or the edits change nothing.
 */
export function fixPatch(fix: Fix, files: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  for (const [file, edits] of groupByFile(fix.edits)) {
    const before = files.get(file);
    if (before === undefined) return undefined;
    const after = applyEdits(before, matchLineEndings(before, edits));
    if (after === before) continue;
    const body = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
      context: CONTEXT_LINES,
      headerOptions: FILE_HEADERS_ONLY,
    });
    parts.push(`diff --git a/${file} b/${file}\n${body.replace(/^=+\n/, '')}`);
  }
  return parts.length > 0 ? parts.join('') : undefined;
}
