/** GitHub's limit for an issue or PR comment body, in characters. */
export const COMMENT_LIMIT = 65_536;

/** The job summary limit is 1 MiB per step, counted in bytes: stay below it (see `fitSummary` in the action). */
export const SUMMARY_LIMIT = 1_000_000;

export interface TruncateOptions {
  /** A sentence saying where the rest can be read, e.g. "The full report is in the job summary." */
  note?: string;
}

/**
 * Cuts markdown to at most `limit` UTF-16 code units (GitHub counts characters, which are never more), at a line
 * boundary, closes any code fence or `<details>` left open by the cut, and ends with a note saying so.
 * Text already within the limit is returned unchanged.
 */
export function truncateMarkdown(text: string, limit: number, options: TruncateOptions = {}): string {
  if (text.length <= limit) return text;
  const open = new OpenBlocks();
  const kept: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const next = open.after(line);
    const tail = next.closing() + noteFor(text.length - used - line.length - 1, options);
    if (used + line.length + 1 + tail.length > limit) break;
    kept.push(line);
    used += line.length + 1;
    open.take(next);
  }
  let result = `${kept.join('\n')}\n${open.closing()}${noteFor(text.length - used, options)}`;
  // A single line longer than the limit (or a note longer than it) must still not overflow.
  if (result.length > limit) result = result.slice(0, cutPoint(result, limit));
  return result;
}

function noteFor(omitted: number, options: TruncateOptions): string {
  const where = options.note ? ` ${options.note}` : '';
  return `\n> [!NOTE]\n> Truncated: ${Math.max(omitted, 0)} more characters were cut to stay within GitHub's limits.${where}\n`;
}

/** The code fence and `<details>` blocks left open at a point of the text, to close them after a cut. */
class OpenBlocks {
  constructor(
    private fence: string | undefined = undefined,
    private details = 0,
  ) {}

  /** The state after one more line (this one is unchanged). */
  after(line: string): OpenBlocks {
    const trimmed = line.trim();
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (this.fence) {
      const closes =
        marker !== undefined && marker[0] === this.fence[0] && marker.length >= this.fence.length;
      return new OpenBlocks(closes && trimmed === marker ? undefined : this.fence, this.details);
    }
    if (marker) return new OpenBlocks(marker, this.details);
    const opened = (trimmed.match(/<details\b/gi) ?? []).length;
    const closed = (trimmed.match(/<\/details>/gi) ?? []).length;
    return new OpenBlocks(undefined, Math.max(0, this.details + opened - closed));
  }

  take(other: OpenBlocks): void {
    this.fence = other.fence;
    this.details = other.details;
  }

  /** Lines that close what is open, ending with a newline; empty when nothing is open. */
  closing(): string {
    const lines: string[] = [];
    if (this.fence) lines.push(this.fence);
    for (let i = 0; i < this.details; i += 1) lines.push('', '</details>');
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }
}

/** A cut position at or below `limit` that does not split a surrogate pair. */
function cutPoint(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
