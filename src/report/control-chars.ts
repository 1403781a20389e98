/**
 * Control characters (C0, DEL, C1) taken from manifests, file names included. In a terminal they move the cursor
 * or recolor it (ESC, CSI), or start a line that looks like a finding of its own (`\n`, `\r`).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** As {@link CONTROL}, but for `\n`, tabs, and a `\r` that ends a line (a CRLF file's patch lines keep it). */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAK_AND_TAB = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

/** Text meant for one line: every control character, line breaks and tabs too, becomes `?`. */
export function visibleLine(text: string): string {
  return text.replace(CONTROL, '?');
}

/**
 * A multi-line block (YAML, a patch): its line breaks (`\n`, `\r\n`) and tabs stay, every other control character is
 * `?`.
 */
export function visibleBlock(text: string): string {
  return text.replace(CONTROL_BUT_LINE_BREAK_AND_TAB, '?');
}
