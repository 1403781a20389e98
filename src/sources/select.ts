import path from 'node:path';
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

/**
 * Whether picomatch cannot read a glob (an unclosed brace or extglob, a reversed range, a lone backslash). It does
 * not throw on these: it compiles them to an expression that matches nothing, which would silently read (or
 * exclude) no file. A config file can also hold a glob picomatch throws on (longer than 64 KiB), or one whose
 * expression is too large to run: V8 compiles an expression when it first runs it, so it is run here once.
 */
export function isUnreadableGlob(glob: string): boolean {
  try {
    const expression = picomatch.makeRe(glob, { dot: true });
    expression.test('');
    return expression.source === '$^';
  } catch {
    return true;
  }
}

/** What a run writes: `--output-dir` / `output-dir` folders and single files (`--output`, the SARIF file). */
export interface RunOutputs {
  dirs: string[];
  files: string[];
}

/**
 * Exclude globs for what a run writes inside the tree it reads (`root`), so a second run never reads the first
 * one's report or generated manifests back as the repository's configuration. An output folder that is the tree
 * itself excludes only the `generated/` folder written into it.
 */
export function ownOutputExcludes(root: string, outputs: RunOutputs): string[] {
  const inside = (target: string) => {
    const relative = path.relative(path.resolve(root), path.resolve(target));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  };
  const globs: string[] = [];
  for (const dir of outputs.dirs) {
    const relative = inside(dir);
    if (relative !== undefined) globs.push(relative === '' ? 'generated/**' : `${escapeGlob(relative)}/**`);
  }
  for (const file of outputs.files) {
    const relative = inside(file);
    if (relative) globs.push(escapeGlob(relative));
  }
  return globs;
}

/** A path as a glob that matches only itself. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}
