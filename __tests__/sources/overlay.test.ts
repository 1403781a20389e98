import { describe, expect, it } from '@jest/globals';
import { loadModel, ParseCache } from '../../src/engine.js';
import { overlaySource } from '../../src/sources/overlay.js';
import { DEFAULT_SELECTION, type FileSource } from '../../src/sources/types.js';
import { memorySource } from '../helpers/memory-source.js';

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

  describe('readEarly', () => {
    const changes = [
      { path: 'changed.yaml', status: 'modified' as const },
      { path: 'added.yaml', status: 'added' as const },
      { path: 'removed.yaml', status: 'removed' as const },
      { path: 'renamed-to.yaml', status: 'renamed' as const, previousPath: 'renamed-from.yaml' },
      { path: 'README.md', status: 'modified' as const },
    ];

    it('asks for the base content of every changed file to check before anything reads it, and only once', async () => {
      const asked: string[] = [];
      const early = overlaySource(
        head,
        changes,
        async (path) => {
          asked.push(path);
          return `base of ${path}`;
        },
        DEFAULT_SELECTION,
        { readEarly: true },
      );
      // Added files have no base, README.md is not a file to check.
      expect(asked.sort()).toEqual(['changed.yaml', 'removed.yaml', 'renamed-from.yaml']);
      expect(await early.read('changed.yaml')).toBe('base of changed.yaml');
      expect(await early.read('renamed-from.yaml')).toBe('base of renamed-from.yaml');
      expect(asked).toHaveLength(3);
    });

    it('asks for nothing before a read without it', () => {
      const asked: string[] = [];
      overlaySource(
        head,
        changes,
        async (path) => {
          asked.push(path);
          return undefined;
        },
        DEFAULT_SELECTION,
      );
      expect(asked).toEqual([]);
    });

    it('reports a failed early read when the file is read, not before', async () => {
      const early = overlaySource(
        head,
        [{ path: 'changed.yaml', status: 'modified' }],
        async () => {
          throw new Error('git cat-file exited with code 128');
        },
        DEFAULT_SELECTION,
        { readEarly: true },
      );
      // Let the rejection settle: an unhandled one would fail the test run.
      await new Promise((resolve) => setImmediate(resolve));
      await expect(early.read('changed.yaml')).rejects.toThrow('code 128');
    });
  });
});
