import picomatch from 'picomatch';
import { ALWAYS_SKIPPED_DIRS, type FileSelection } from './types.js';

/** Builds a predicate over repository-relative paths from include and exclude globs. */
export function fileMatcher(selection: FileSelection): (path: string) => boolean {
  const options = { dot: true };
  const included = picomatch(
    selection.include.length > 0 ? selection.include : ['**/*.yaml', '**/*.yml'],
    options,
  );
  const excluded = selection.exclude.length > 0 ? picomatch(selection.exclude, options) : () => false;
  return (path) => {
    if (path.split('/').some((segment) => ALWAYS_SKIPPED_DIRS.has(segment))) return false;
    return included(path) && !excluded(path);
  };
}
