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

/** Whether a UTF-16 code unit is white space as `String.prototype.trim` (and `\s`) sees it. */
export function isTrimmedSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The indentation step of a text's lines: the smallest positive indent (white space as `trim` sees it) of a line
 * with content, not counting blank lines and comments; undefined when no line is indented. A line is read only up
 * to the smallest indent found so far: deeper ones cannot lower it, and most lines of a manifest are deeper.
 */
export function smallestIndent(lines: readonly string[]): number | undefined {
  let step = Infinity;
  for (const line of lines) {
    let indent = 0;
    while (indent < step && indent < line.length && isTrimmedSpace(line.charCodeAt(indent))) indent++;
    if (indent === 0 || indent >= step || indent >= line.length) continue;
    if (line.charCodeAt(indent) !== 0x23) step = indent;
  }
  return step === Infinity ? undefined : step;
}
