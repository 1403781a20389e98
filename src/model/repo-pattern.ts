/**
 * Regular expressions written in a repository (Go syntax: the operator's ignored-namespaces flag, kustomize patch
 * target names), as JavaScript runs them. Such a pattern may not compile in JavaScript, or be too large to run: V8
 * compiles a pattern only when it first runs it, and then throws. Neither may crash a run.
 */

/** The pattern compiled and run once, so that one too large fails here; undefined when it cannot be used. */
export function compilePattern(pattern: string): RegExp | undefined {
  try {
    const compiled = new RegExp(pattern);
    compiled.test('');
    return compiled;
  } catch {
    return undefined;
  }
}

/** Whether the pattern matches `text`; false when it cannot run on it (as for a pattern that does not compile). */
export function patternMatches(pattern: RegExp, text: string): boolean {
  try {
    return pattern.test(text);
  } catch {
    return false;
  }
}
