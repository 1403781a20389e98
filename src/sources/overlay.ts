import { fileMatcher } from './select.js';
import type { FileSelection, FileSource } from './types.js';

/** One file a pull request changes, as git or GitHub's `pulls.listFiles` reports it. */
export interface ChangedFile {
  /** Path on the head side. */
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** For renames: the path on the base side. */
  previousPath?: string;
}

/** Reads a file as it is on the base side; undefined when it is not there (or is not a regular file). */
export type BaseReader = (path: string) => Promise<string | undefined>;

export interface OverlayOptions {
  /**
   * Start reading the base content of every changed file to check at once, before anything asks for it: git
   * answers on the other core while head is read. Only for a local reader: a remote one would send every request
   * of a large PR at once.
   */
  readEarly?: boolean;
}

/**
 * The base side of a pull request, built from the head: the PR's own changes undone. Changed files read their base
 * content, added files (and the new name of a renamed file) are dropped, removed files (and the old name) are
 * restored. Only the changed files are fetched; every other file is the head's, so it is parsed once for both sides.
 */
export function overlaySource(
  head: FileSource,
  changes: readonly ChangedFile[],
  readBase: BaseReader,
  selection: FileSelection,
  options: OverlayOptions = {},
): FileSource {
  const matches = fileMatcher(selection);
  const dropped = new Set<string>();
  const fromBase = new Set<string>();
  for (const change of changes) {
    if (change.status === 'added' || change.status === 'renamed') dropped.add(change.path);
    if (change.status === 'modified' || change.status === 'removed') fromBase.add(change.path);
    if (change.status === 'renamed' && change.previousPath) fromBase.add(change.previousPath);
  }
  for (const path of fromBase) dropped.delete(path);
  const baseTexts = new Map<string, Promise<string | undefined>>();
  const readOnce = (path: string) => {
    let text = baseTexts.get(path);
    if (!text) {
      text = readBase(path);
      baseTexts.set(path, text);
    }
    return text;
  };
  if (options.readEarly) {
    for (const path of fromBase) {
      // A failure is reported when the file is read; until then nobody waits on it.
      if (matches(path)) readOnce(path).catch(() => undefined);
    }
  }
  return {
    label: `${head.label} with the pull request's changes undone`,
    async list() {
      const paths = new Set((await head.list()).filter((path) => !dropped.has(path)));
      // A listed path may still read as undefined (e.g. a symlink on base); readers skip those.
      for (const path of fromBase) if (matches(path)) paths.add(path);
      return [...paths].sort();
    },
    skipped: () => head.skipped?.() ?? [],
    sameFileIn: (path) => (fromBase.has(path) || dropped.has(path) ? undefined : head),
    async read(path) {
      if (fromBase.has(path)) return readOnce(path);
      if (dropped.has(path)) return undefined;
      return head.read(path);
    },
  };
}
