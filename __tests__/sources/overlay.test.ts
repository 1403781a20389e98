import { describe, expect, it } from '@jest/globals';
import { overlaySource } from '../../src/sources/overlay.js';
import { DEFAULT_SELECTION, type FileSource } from '../../src/sources/types.js';

function memorySource(files: Record<string, string>): FileSource {
  return {
    label: 'memory',
    list: async () => Object.keys(files).sort(),
    read: async (path) => files[path],
  };
}

const head = memorySource({
  'kept.yaml': 'kept',
  'changed.yaml': 'head version',
  'added.yaml': 'new file',
  'renamed-to.yaml': 'moved',
});

describe('overlaySource', () => {
  it('undoes the PR: base content for changed files, added dropped, removed and renamed-from restored', async () => {
    const base: Record<string, string> = {
      'changed.yaml': 'base version',
      'removed.yaml': 'was here',
      'renamed-from.yaml': 'moved',
    };
    const fetched: string[] = [];
    const source = overlaySource(
      head,
      [
        { path: 'changed.yaml', status: 'modified' },
        { path: 'added.yaml', status: 'added' },
        { path: 'removed.yaml', status: 'removed' },
        { path: 'renamed-to.yaml', status: 'renamed', previousPath: 'renamed-from.yaml' },
        { path: 'README.md', status: 'modified' },
      ],
      async (path) => {
        fetched.push(path);
        return base[path];
      },
      DEFAULT_SELECTION,
    );
    expect(await source.list()).toEqual(['changed.yaml', 'kept.yaml', 'removed.yaml', 'renamed-from.yaml']);
    expect(await source.read('changed.yaml')).toBe('base version');
    expect(await source.read('changed.yaml')).toBe('base version');
    expect(await source.read('kept.yaml')).toBe('kept');
    expect(await source.read('added.yaml')).toBeUndefined();
    expect(await source.read('renamed-to.yaml')).toBeUndefined();
    expect(await source.read('removed.yaml')).toBe('was here');
    expect(await source.read('renamed-from.yaml')).toBe('moved');
    // Only changed files are fetched from the base, each once.
    expect(fetched.sort()).toEqual(['changed.yaml', 'removed.yaml', 'renamed-from.yaml']);
  });
});
