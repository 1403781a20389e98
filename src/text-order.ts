/**
 * Orders text by UTF-16 code units, the same on every machine. `localeCompare` would let the host's locale decide
 * the order of a report (a required check must not change with the runner's language), and its first call loads
 * ICU's collator: about 13 ms of every start.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
