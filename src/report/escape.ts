import { visibleBlock } from './control-chars.js';

/** Every line ending CommonMark knows: a lone `\r` ends a line too, so it can start a new block. */
const LINE_ENDING = /\r\n|\r|\n/g;

/**
 * Text for one line: line breaks become spaces (as CommonMark treats them in a code span), other control characters
 * but the harmless tab (ESC, C1) are made visible.
 */
function oneLine(text: string): string {
  return visibleBlock(text.replace(LINE_ENDING, ' '));
}

/** Length of the longest run of backticks; a loop, because a spread of a huge match list overflows the stack. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Escaping for text taken from manifests before it goes into markdown: no HTML, no @mentions, no math (`$`), no
 * breaking out of a table cell or inline code.
 */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\`*_{}[\]()#+!|~&$]/g, (c) => `\\${c}`)
      // Entities, not backslashes: a literal autolink can swallow the backslash before it (`https://x\<img>`).
      .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
      // No literal autolinks either: they can swallow the escapes after them and re-pair code spans into a link.
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@(?=\w)/g, '@\u200b')
  );
}

/** Inline code that cannot be broken out of: the fence is longer than any backtick run inside. */
export function inlineCode(text: string): string {
  const clean = oneLine(text);
  const longest = longestBacktickRun(clean);
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Inline code inside a table cell: GFM splits cells on `|` even in code spans unless it is escaped. */
export function cellCode(text: string): string {
  // A backslash right before the pipe would escape the escape: `\\|` ends the cell. Each one is doubled, so the
  // pipe is always preceded by an odd run (the cell shows the backslashes doubled; it cannot show them as they are).
  return inlineCode(text).replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes}\\|`);
}

/** A fenced block whose fence is longer than any backtick run in the content. */
export function codeBlock(content: string, language = ''): string {
  const lines = visibleBlock(content.replace(LINE_ENDING, '\n'));
  const fence = '`'.repeat(Math.max(2, longestBacktickRun(lines)) + 1);
  return `${fence}${language}\n${lines.replace(/\n$/, '')}\n${fence}`;
}

/**
 * Prose written by a rule that quotes manifest values: `code spans` stay code (safe whatever they hold), the
 * rest is escaped. Lets messages keep their formatting without trusting what they quote.
 */
export function escapeProse(text: string): string {
  return text
    .replace(LINE_ENDING, ' ')
    .split(/(`[^`]+`)/)
    .map((part, index) => (index % 2 === 1 ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part)))
    .join('');
}

/** Text inside raw HTML (a `<summary>`), where markdown is not parsed: entities only. */
export function escapeHtml(text: string): string {
  // An entity-encoded `@` is still an @ in the text GitHub scans for mentions: a zero-width space follows it.
  return oneLine(text).replace(/[&<>"'`@|]/g, (c) => `&#${c.codePointAt(0)};${c === '@' ? '&#8203;' : ''}`);
}
