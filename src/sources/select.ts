import picomatch from 'picomatch';
import { ALWAYS_SKIPPED_DIRS, type FileSelection } from './types.js';

const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];

/** A path with a segment that is one of {@link ALWAYS_SKIPPED_DIRS}. */
const SKIPPED_SEGMENT = new RegExp(
  `(?:^|/)(?:${[...ALWAYS_SKIPPED_DIRS].map((dir) => dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`,
);

/**
 * Builds a predicate over repository-relative paths from include and exclude globs. Each glob is compiled to one
 * regular expression: the predicate runs on every path of both sides, and picomatch's matcher functions cost
 * several times more per path than the expression they test.
 */
export function fileMatcher(selection: FileSelection): (path: string) => boolean {
  const included = compile(selection.include.length > 0 ? selection.include : DEFAULT_INCLUDE);
  const excluded = compile(selection.exclude);
  return (path) => path !== '' && !SKIPPED_SEGMENT.test(path) && included(path) && !excluded(path);
}

/** Whether a path matches one of the globs: as picomatch matches, by the expression or by equal text. */
function compile(globs: string[]): (path: string) => boolean {
  const patterns = globs.map((glob) => ({ glob, expression: picomatch.makeRe(glob, { dot: true }) }));
  return (path) => patterns.some(({ glob, expression }) => path === glob || expression.test(path));
}
