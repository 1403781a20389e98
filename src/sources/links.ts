import path from 'node:path';
import type { NotEvaluable } from '../model/provenance.js';
import { ALWAYS_SKIPPED_DIRS } from './types.js';

/**
 * Why a symlink was passed over with a note. Links are never followed; one whose target is another file of the tree
 * needs no note (that file is read under its own path), these do: a PR may plant them, or they hide a manifest.
 */
export type LinkProblem =
  { kind: 'outside' } | { kind: 'into-skipped'; folder: string } | { kind: 'dangling' } | { kind: 'loop' };

/** The one note for a link, the same for a folder read from disk and a commit read from git. */
export function linkNote(link: string, problem: LinkProblem): NotEvaluable {
  const what = {
    outside: 'symlink pointing outside the workspace',
    'into-skipped': `symlink pointing into ${problem.kind === 'into-skipped' ? problem.folder : ''}/`,
    dangling: 'symlink whose target does not exist',
    loop: 'symlink loop',
  }[problem.kind];
  return { file: link, line: 1, reason: `${what} was not followed` };
}

/**
 * Where a link's target lies, by its text alone (`target` is relative to the link's folder, both with `/`):
 * outside the tree, inside a folder never read, or `inside` at the returned tree path ('' for the root).
 */
export function placeOfTarget(
  link: string,
  target: string,
): { kind: 'outside' } | { kind: 'into-skipped'; folder: string } | { kind: 'inside'; at: string } {
  if (path.posix.isAbsolute(target) || path.win32.isAbsolute(target)) return { kind: 'outside' };
  const at = path.posix.normalize(path.posix.join(path.posix.dirname(link), target)).replace(/\/+$/, '');
  if (at === '..' || at.startsWith('../')) return { kind: 'outside' };
  const folder = at.split('/').find((segment) => ALWAYS_SKIPPED_DIRS.has(segment));
  if (folder) return { kind: 'into-skipped', folder };
  return { kind: 'inside', at: at === '.' ? '' : at };
}

/** A commit's tree as `git ls-tree -r` lists it: regular files, and symlinks with their target text. */
export interface TreeEntries {
  files: ReadonlySet<string>;
  links: ReadonlyMap<string, string>;
}

/**
 * What is wrong with a link of a commit's tree, following a chain of links inside the tree (never reading
 * anything): undefined when it ends at a file or folder of the tree. `isFolder` says whether it ends at a folder.
 */
export function treeLinkProblem(
  link: string,
  tree: TreeEntries,
  folders: ReadonlySet<string>,
): { problem?: LinkProblem; isFolder: boolean } {
  const seen = new Set<string>([link]);
  let current = link;
  for (;;) {
    const place = placeOfTarget(current, tree.links.get(current) ?? '');
    if (place.kind !== 'inside') return { problem: place, isFolder: false };
    if (tree.files.has(place.at)) return { isFolder: false };
    if (place.at === '' || folders.has(place.at)) return { isFolder: true };
    if (!tree.links.has(place.at)) return { problem: { kind: 'dangling' }, isFolder: false };
    if (seen.has(place.at)) return { problem: { kind: 'loop' }, isFolder: false };
    seen.add(place.at);
    current = place.at;
  }
}

/** Every folder of a tree listed file by file. */
export function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of paths)
    for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1))
      folders.add(file.slice(0, cut));
  return folders;
}
