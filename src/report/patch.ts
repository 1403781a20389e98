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

/**
 * A `git apply`-able unified diff for a fix, made from the head texts of the files it edits (a file not on head
 * is created); undefined when the edits change nothing.
 */
export function fixPatch(fix: Fix, files: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  for (const [file, edits] of groupByFile(fix.edits)) {
    const existing = files.get(file);
    const before = existing ?? '';
    let after = applyEdits(before, edits);
    if (after === before) continue;
    if (existing === undefined && !after.endsWith('\n')) after += '\n';
    const body = createTwoFilesPatch(
      existing === undefined ? '/dev/null' : `a/${file}`,
      `b/${file}`,
      before,
      after,
      undefined,
      undefined,
      { context: CONTEXT_LINES, headerOptions: FILE_HEADERS_ONLY },
    );
    const header = `diff --git a/${file} b/${file}\n${existing === undefined ? 'new file mode 100644\n' : ''}`;
    parts.push(header + body.replace(/^=+\n/, ''));
  }
  return parts.length > 0 ? parts.join('') : undefined;
}
