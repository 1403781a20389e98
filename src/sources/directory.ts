import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileMatcher } from './select.js';
import { ALWAYS_SKIPPED_DIRS, type FileSelection, type FileSource } from './types.js';

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
  return {
    label: `directory ${root}`,
    async list() {
      const found: string[] = [];
      walk(absoluteRoot, '', found);
      const selected = found.filter(matches).sort();
      for (const file of selected) listed.add(file);
      return selected;
    },
    async read(relative) {
      const target = path.resolve(absoluteRoot, relative);
      if (!isInside(absoluteRoot, target)) return undefined;
      try {
        if (!listed.has(relative) && !lstatSync(target).isFile()) return undefined;
        return readFileSync(target, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function walk(absoluteRoot: string, relative: string, found: string[]): void {
  const entries = readdirSync(path.join(absoluteRoot, relative), { withFileTypes: true });
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIPPED_DIRS.has(entry.name)) walk(absoluteRoot, child, found);
    } else if (entry.isFile()) {
      found.push(child);
    }
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
