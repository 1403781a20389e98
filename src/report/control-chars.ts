/**
 * Characters taken from manifests, file names included, that must not reach a terminal or a rendered comment as
 * they are:
 * - control characters (C0, DEL, C1): in a terminal they move the cursor or recolor it (ESC, CSI), or start a line
 *   that looks like a finding of its own (`\n`, `\r`);
 * - Unicode bidi controls (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069): they reorder what follows on the
 *   line, so a name can make a file:line or a verdict read backwards ("Trojan Source", CVE-2021-42574);
 * - zero-width characters (U+200B-U+200D, U+2060, U+FEFF): invisible, they make two different names look the same.
 */
const INVISIBLE = String.raw`\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff`;
const CONTROL = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f${INVISIBLE}]`, 'gu');
/** As {@link CONTROL}, but for `\n`, tabs, and a `\r` that ends a line (a CRLF file's patch lines keep it). */
const CONTROL_BUT_LINE_BREAK_AND_TAB = new RegExp(
  String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f${INVISIBLE}]|\r(?!\n)`,
  'gu',
);

/** Text meant for one line: every character above, line breaks and tabs too, becomes `?`. */
export function visibleLine(text: string): string {
  return text.replace(CONTROL, '?');
}

/**
 * A multi-line block (YAML, a patch): its line breaks (`\n`, `\r\n`) and tabs stay, every other character above is
 * `?`.
 */
export function visibleBlock(text: string): string {
  return text.replace(CONTROL_BUT_LINE_BREAK_AND_TAB, '?');
}
