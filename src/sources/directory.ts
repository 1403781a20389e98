import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileMatcher } from './select.js';
import { ALWAYS_SKIPPED_DIRS, type FileSelection, type FileSource } from './types.js';

/** Files of a directory tree. Symlinks are not followed, so nothing outside the tree is read. */
export function directorySource(root: string, selection: FileSelection): FileSource {
  const absoluteRoot = path.resolve(root);
  const matches = fileMatcher(selection);
  return {
    label: `directory ${root}`,
    async list() {
      const found: string[] = [];
      await walk(absoluteRoot, '', found);
      return found.filter(matches).sort();
    },
    async read(relative) {
      const target = path.resolve(absoluteRoot, relative);
      if (!isInside(absoluteRoot, target)) return undefined;
      try {
        const stat = await fs.lstat(target);
        if (!stat.isFile()) return undefined;
        return await fs.readFile(target, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

async function walk(absoluteRoot: string, relative: string, found: string[]): Promise<void> {
  const entries = await fs.readdir(path.join(absoluteRoot, relative), { withFileTypes: true });
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIPPED_DIRS.has(entry.name)) await walk(absoluteRoot, child, found);
    } else if (entry.isFile()) {
      found.push(child);
    }
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
