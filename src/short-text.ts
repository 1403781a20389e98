/**
 * Values from the input as the report shows them. A pull request can put megabytes into a name, an apiUrl or an
 * image, and messages quote such values: the report, the PR comment, annotations and SARIF must stay readable and
 * small whatever the input holds.
 */

/** Characters of a long value that are shown before the ellipsis. */
const SHOWN_CHARS = 40;

/**
 * A run of more than 200 characters without white space in a message is a value from the input, not words. The
 * lookbehind anchors a match at the start of a run: without it the engine tried every position inside each shorter
 * run again, quadratic in the run's length (5 ms of a check's 700 on the benchmark's repository).
 */
const LONG_RUN = /(?<!\S)\S{201,}/g;

/** A message or note longer than this, even after its long values are shortened, is cut. */
const LONGEST_TEXT = 1500;

/** The first `count` characters of a text, never splitting a surrogate pair; with `…` when something was left out. */
function cut(text: string, count: number): string {
  if (text.length <= count) return text;
  // `count` characters are at most 2 × count UTF-16 units: only that much of a long text is split up.
  return `${Array.from(text.slice(0, count * 2))
    .slice(0, count)
    .join('')}…`;
}

/** A value as shown in a message: its first {@link SHOWN_CHARS} characters when it is longer. */
export function shortValue(value: string): string {
  return cut(value, SHOWN_CHARS);
}

/** A message or note with the long values it quotes shortened, and cut when it is still too long. */
export function shortMessage(text: string): string {
  return cut(text.replace(LONG_RUN, shortValue), LONGEST_TEXT);
}

/** The first `shown` of a list, comma-separated, and how many more there are: `a, b, c and 4 more`. */
export function firstAndMore(items: readonly string[], shown = 3): string {
  const named = items.slice(0, shown).join(', ');
  return items.length > shown ? `${named} and ${items.length - shown} more` : named;
}
