/**
 * Escaping for text taken from manifests before it goes into markdown: no HTML, no @mentions, no math (`$`), no
 * breaking out of a table cell or inline code.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|<>~&$]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

/** Inline code that cannot be broken out of: the fence is longer than any backtick run inside. */
export function inlineCode(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Inline code inside a table cell: GFM splits cells on `|` even in code spans unless it is escaped. */
export function cellCode(text: string): string {
  return inlineCode(text).replace(/\|/g, '\\|');
}

/** A fenced block whose fence is longer than any backtick run in the content. */
export function codeBlock(content: string, language = ''): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${content.replace(/\n$/, '')}\n${fence}`;
}

/**
 * Prose written by a rule that quotes manifest values: `code spans` stay code (safe whatever they hold), the
 * rest is escaped. Lets messages keep their formatting without trusting what they quote.
 */
export function escapeProse(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, index) => (index % 2 === 1 ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part)))
    .join('');
}

/** Text inside raw HTML (a `<summary>`), where markdown is not parsed: entities only. */
export function escapeHtml(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[&<>"'`@|]/g, (c) => `&#${c.codePointAt(0)};`);
}
