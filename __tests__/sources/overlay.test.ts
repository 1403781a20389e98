import { describe, expect, it } from '@jest/globals';
import { loadModel, ParseCache } from '../../src/engine.js';
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

  it('shares the head read of every file the PR did not change: read once, hashed once, for both sides', async () => {
    const files: Record<string, string> = {
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      'dk.yaml':
        'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\nspec:\n  enableIstio: true\n',
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n',
    };
    const reads: string[] = [];
    const counted: FileSource = {
      label: 'head',
      list: async () => Object.keys(files).sort(),
      read: async (path) => {
        reads.push(path);
        return files[path];
      },
    };
    const base = overlaySource(
      counted,
      [{ path: 'dk.yaml', status: 'modified' }],
      async () => files['dk.yaml'].replace('true', 'false'),
      DEFAULT_SELECTION,
    );
    const cache = new ParseCache();
    const headModel = await loadModel(counted, cache);
    const baseModel = await loadModel(base, cache);
    expect(reads.sort()).toEqual(['dk.yaml', 'ns.yaml', 'svc.yaml']);
    expect(cache.stats).toMatchObject({ files: 6, filesRead: 4, reused: 2 });
    expect(headModel.dynakubes[0].enableIstio?.value).toBe(true);
    expect(baseModel.dynakubes[0].enableIstio?.value).toBe(false);
    expect([...baseModel.namespaces.keys()]).toEqual(['shop']);
  });
});
