/**
 * The RIGHT-side (head) lines of a file's diff, as GitHub's `pulls.listFiles` gives it in `patch`. Review comments
 * may only sit on these lines, and a multi-line comment must start and end in the same hunk: one comment outside
 * makes GitHub reject the whole review.
 */
export interface RightSideLines {
  /** Head line number → its text and the index of the hunk it is in (added and context lines only). */
  readonly lines: ReadonlyMap<number, { text: string; hunk: number }>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parsePatch(patch: string | undefined): RightSideLines {
  const lines = new Map<number, { text: string; hunk: number }>();
  if (!patch) return { lines };
  let hunk = -1;
  let next = 0;
  const rows = patch.split('\n');
  if (rows.at(-1) === '') rows.pop();
  for (const raw of rows) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      hunk += 1;
      next = Number(header[1]);
      continue;
    }
    if (hunk < 0 || raw.startsWith('\\')) continue; // "\ No newline at end of file"
    const kind = raw[0];
    if (kind === '-') continue;
    if (kind === '+' || kind === ' ' || raw === '') {
      lines.set(next, { text: raw.slice(1).replace(/\r$/, ''), hunk });
      next += 1;
    }
  }
  return { lines };
}

/** Whether head lines `start..end` are all RIGHT-side lines of one hunk. */
export function inOneHunk(diff: RightSideLines, start: number, end: number): boolean {
  const first = diff.lines.get(start);
  if (!first || end < start) return false;
  for (let line = start; line <= end; line += 1) {
    if (diff.lines.get(line)?.hunk !== first.hunk) return false;
  }
  return true;
}
