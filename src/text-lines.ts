/**
 * Offsets where the lines of `text[start, end)` start: `start`, then the offset after each `\n` before `end`. A line
 * break at the very end gives the offset `end`, where no further line of the range starts.
 */
export function lineStarts(text: string, start = 0, end = text.length): number[] {
  const starts = [start];
  for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1))
    starts.push(at + 1);
  return starts;
}
