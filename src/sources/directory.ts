import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import type { NotEvaluable } from '../model/provenance.js';
import path from 'node:path';
import { linkNote, placeOfTarget, type LinkProblem } from './links.js';
import { fileMatcher } from './select.js';
import { ALWAYS_SKIPPED_DIRS, type FileSelection, type FileSource } from './types.js';

/**
 * Options of every read, made once: given as a string, Node copies them into a new object on each of the thousands
 * of calls, which costs a fifth of the read itself.
 */
const AS_TEXT = { encoding: 'utf8', flag: 'r' } as const;
const WITH_TYPES = { withFileTypes: true } as const;

/**
 * Files of a directory tree. Symlinks are not followed, so nothing outside the tree is read. The walk and the
 * reads are synchronous on purpose: for thousands of small files they are several times faster than the
 * promise API, and a check has nothing else to do meanwhile.
 */
export function directorySource(root: string, selection: FileSelection): FileSource {
  const absoluteRoot = path.resolve(root);
  const matches = fileMatcher(selection);
  // Files the walk found as regular files need no second lstat before reading.
  const listed = new Set<string>();
  const links: string[] = [];
  const readNow = (relative: string): string | undefined => {
    try {
      // A listed file is a regular file the walk found inside the tree: nothing to check again.
      if (listed.has(relative)) return readFileSync(`${absoluteRoot}${path.sep}${relative}`, AS_TEXT);
      const target = path.resolve(absoluteRoot, relative);
      // A path not listed may run through a symlinked folder: only its real location decides.
      if (!isInside(absoluteRoot, target) || !lstatSync(target).isFile() || !realInside(absoluteRoot, target))
        return undefined;
      return readFileSync(target, AS_TEXT);
    } catch {
      return undefined;
    }
  };
  const listTree = async () => {
    const found: string[] = [];
    walk(absoluteRoot, '', found, links);
    const selected = found.filter(matches).sort();
    for (const file of selected) listed.add(file);
    return selected;
  };
  // The tree is walked once: a PR's base built on this source lists it again, and must see the same files head saw.
  let listing: Promise<string[]> | undefined;
  return {
    label: `directory ${root}`,
    list: () => (listing ??= listTree()),
    readNow,
    async read(relative) {
      return readNow(relative);
    },
    skipped() {
      return links.flatMap((link) => linkNoteOf(absoluteRoot, link, matches));
    },
  };
}

/**
 * A symlink is never followed; one that leaves the tree (or enters `.git`), leads nowhere or into a loop is named,
 * as a PR may plant it or it hides a manifest.
 */
function linkNoteOf(absoluteRoot: string, link: string, matches: (path: string) => boolean): NotEvaluable[] {
  const full = path.join(absoluteRoot, link);
  const problem = linkProblem(absoluteRoot, link, full);
  if (!problem) return [];
  // Folders are named whatever their name; files only when they are among the files to check.
  if (!isDirectory(full) && !matches(link)) return [];
  return [linkNote(link, problem)];
}

function linkProblem(absoluteRoot: string, link: string, full: string): LinkProblem | undefined {
  let target: string;
  try {
    target = readlinkSync(full);
  } catch {
    return undefined;
  }
  const place = placeOfTarget(link, target.split(path.sep).join('/'));
  if (place.kind !== 'inside') return place;
  try {
    statSync(full);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? { kind: 'loop' } : { kind: 'dangling' };
  }
  // A chain of links inside the tree may end outside it.
  return realInside(absoluteRoot, full) ? undefined : { kind: 'outside' };
}

/** Whether the link leads to a folder (a dangling link does not). */
function isDirectory(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the real location of `target` (symlinks resolved) is inside the real root. */
function realInside(absoluteRoot: string, target: string): boolean {
  try {
    return isInside(realpathSync(absoluteRoot), realpathSync(target));
  } catch {
    return false;
  }
}

function walk(absoluteRoot: string, relative: string, found: string[], links: string[]): void {
  // `relative` is built here from entry names: it needs no normalising.
  const entries = readdirSync(relative ? `${absoluteRoot}${path.sep}${relative}` : absoluteRoot, WITH_TYPES);
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIPPED_DIRS.has(entry.name)) walk(absoluteRoot, child, found, links);
    } else if (entry.isFile()) {
      found.push(child);
    } else if (entry.isSymbolicLink()) {
      links.push(child);
    }
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
