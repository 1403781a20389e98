/**
 * Globs as Argo CD expands `helm.valueFiles` with github.com/bmatcuk/doublestar/v4 (match.go): `**` as a whole
 * segment matches any number of folders, `*` any text within a segment, `?` one character, `[...]` (`[!...]`,
 * `[^...]`) a class, `{a,b}` alternatives and `\` an escape. The glob is written in the repository a pull request
 * changes, so it is matched without regular expressions: `*` keeps one backtracking point, as doublestar does, and
 * `**` is memoised, so a glob of many stars cannot stall a run.
 */

/** Alternatives a glob's braces may expand to; more are not read. */
const MAX_ALTERNATIVES = 256;

/** A test for repository paths, or undefined when the glob is not one doublestar reads (unclosed `[` or `{`). */
export function globMatcher(glob: string): ((path: string) => boolean) | undefined {
  const alternatives = expandBraces(glob);
  if (!alternatives || alternatives.some((alternative) => !wellFormed(alternative))) return undefined;
  const split = alternatives.map((alternative) => alternative.split('/'));
  return (path) => {
    const segments = path.split('/');
    return split.some((pattern) => matchSegments(pattern, segments));
  };
}

function expandBraces(glob: string): string[] | undefined {
  let open = -1;
  let depth = 0;
  const commas: number[] = [];
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === '\\') index++;
    else if (char === '{') {
      if (depth++ === 0) open = index;
    } else if (char === ',' && depth === 1) commas.push(index);
    else if (char === '}' && depth > 0 && --depth === 0) {
      const cuts = [open, ...commas, index];
      const prefix = glob.slice(0, open);
      const rest = expandBraces(glob.slice(index + 1));
      if (!rest) return undefined;
      const expanded: string[] = [];
      for (let cut = 0; cut + 1 < cuts.length; cut++) {
        const inner = expandBraces(glob.slice(cuts[cut] + 1, cuts[cut + 1]));
        if (!inner) return undefined;
        for (const middle of inner)
          for (const tail of rest) {
            if (expanded.length >= MAX_ALTERNATIVES) return undefined;
            expanded.push(prefix + middle + tail);
          }
      }
      return expanded;
    }
  }
  return depth === 0 ? [glob] : undefined;
}

/** Whether every `[` has its `]` (a lone trailing `\` is an error too). */
function wellFormed(glob: string): boolean {
  for (let index = 0; index < glob.length; index++) {
    if (glob[index] === '\\') {
      if (++index >= glob.length) return false;
    } else if (glob[index] === '[' && classEnd(glob, index) < 0) return false;
  }
  return true;
}

/** The index after a class that starts at `start`, or -1 when it is not closed. */
function classEnd(glob: string, start: number): number {
  let index = start + 1;
  if (glob[index] === '!' || glob[index] === '^') index++;
  if (glob[index] === ']') index++;
  for (; index < glob.length; index++) {
    if (glob[index] === '\\') index++;
    else if (glob[index] === ']') return index + 1;
  }
  return -1;
}

function matchSegments(pattern: string[], segments: string[]): boolean {
  const failed = new Set<number>();
  const go = (p: number, s: number): boolean => {
    const key = p * (segments.length + 1) + s;
    if (failed.has(key)) return false;
    let result: boolean;
    if (p === pattern.length) result = s === segments.length;
    else if (pattern[p] === '**') result = go(p + 1, s) || (s < segments.length && go(p, s + 1));
    else result = s < segments.length && matchSegment(pattern[p], segments[s]) && go(p + 1, s + 1);
    if (!result) failed.add(key);
    return result;
  };
  return go(0, 0);
}

/** One segment: `*` with a single backtracking point (the last star), as doublestar's matchWithSeparator. */
function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const step = p < pattern.length ? matchOne(pattern, p, name[n]) : -1;
    if (p < pattern.length && pattern[p] === '*') {
      starP = ++p;
      starN = n;
    } else if (step >= 0) {
      p = step;
      n++;
    } else if (starP >= 0) {
      p = starP;
      n = ++starN;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The index after the token at `p` when it matches `char`, else -1 (`*` is handled by the caller). */
function matchOne(pattern: string, p: number, char: string): number {
  const token = pattern[p];
  if (token === '?') return p + 1;
  if (token === '\\') return pattern[p + 1] === char ? p + 2 : -1;
  if (token === '[') {
    const end = classEnd(pattern, p);
    let index = p + 1;
    const negated = pattern[index] === '!' || pattern[index] === '^';
    if (negated) index++;
    let found = false;
    for (let first = true; index < end - 1; first = false) {
      if (pattern[index] === ']' && !first) break;
      let low = pattern[index];
      if (low === '\\') low = pattern[++index];
      let high = low;
      if (pattern[index + 1] === '-' && index + 2 < end - 1) {
        index += 2;
        high = pattern[index] === '\\' ? pattern[++index] : pattern[index];
      }
      index++;
      if (low <= char && char <= high) found = true;
    }
    return found !== negated ? end : -1;
  }
  return token === char ? p + 1 : -1;
}
