import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { directorySource } from '../../src/sources/directory.js';
import { gitRefSource } from '../../src/sources/git.js';
import { overlaySource } from '../../src/sources/overlay.js';
import picomatch from 'picomatch';
import { fileMatcher, isUnreadableGlob, ownOutputExcludes } from '../../src/sources/select.js';
import { DEFAULT_SELECTION, type FileSelection } from '../../src/sources/types.js';
import { TempGitRepo } from '../helpers/git-repo.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dkig-dir-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('directorySource', () => {
  const root = tree({
    'a.yaml': 'a: 1',
    'deep/er/b.yml': 'b: 1',
    'README.md': '# no',
    'node_modules/x/c.yaml': 'c: 1',
    '.git/d.yaml': 'd: 1',
    'skip/e.yaml': 'e: 1',
  });

  it('lists YAML files, skipping .git and node_modules', async () => {
    expect(await directorySource(root, DEFAULT_SELECTION).list()).toEqual([
      'a.yaml',
      'deep/er/b.yml',
      'skip/e.yaml',
    ]);
  });

  it('applies include and exclude globs', async () => {
    const source = directorySource(root, { include: ['**/*.yaml', '**/*.yml'], exclude: ['skip/**'] });
    expect(await source.list()).toEqual(['a.yaml', 'deep/er/b.yml']);
    expect(await directorySource(root, { include: ['deep/**'], exclude: [] }).list()).toEqual([
      'deep/er/b.yml',
    ]);
  });

  it('does not follow symlinks out of the tree and refuses paths outside it', async () => {
    const outside = tree({ 'secret.yaml': 'token: x' });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'link.yaml'));
    const source = directorySource(root, DEFAULT_SELECTION);
    expect(await source.list()).not.toContain('link.yaml');
    expect(await source.read('link.yaml')).toBeUndefined();
    expect(await source.read('../x.yaml')).toBeUndefined();
    expect(await source.read('a.yaml')).toBe('a: 1');
  });

  it('is walked once: a base built on it lists the files head listed, with the same skipped links', async () => {
    const grown = tree({ 'a.yaml': 'a: 1' });
    const outside = tree({ 'secret.yaml': 'token: x' });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(grown, 'link.yaml'));
    const source = directorySource(grown, DEFAULT_SELECTION);
    expect(await source.list()).toEqual(['a.yaml']);
    writeFileSync(path.join(grown, 'b.yaml'), 'b: 1');
    const base = overlaySource(source, [], async () => undefined, DEFAULT_SELECTION);
    expect(await base.list()).toEqual(['a.yaml']);
    expect(await source.list()).toEqual(['a.yaml']);
    expect(base.skipped?.().map((note) => note.file)).toEqual(['link.yaml']);
  });
});

describe('gitRefSource', () => {
  const repo = new TempGitRepo();
  afterAll(() => repo.remove());

  it('reads the files of a ref, not of the work tree', async () => {
    repo.write('k8s/ns.yaml', 'kind: Namespace\n');
    repo.write('notes.txt', 'x');
    repo.commit('first');
    repo.write('k8s/ns.yaml', 'kind: Changed\n');
    repo.write('k8s/new.yaml', 'kind: New\n');
    repo.commit('second');
    const source = await gitRefSource(repo.dir, 'HEAD~1', DEFAULT_SELECTION);
    expect(await source.list()).toEqual(['k8s/ns.yaml']);
    expect(await source.read('k8s/ns.yaml')).toBe('kind: Namespace\n');
    expect(await source.read('k8s/new.yaml')).toBeUndefined();
  });

  it('lists regular and executable files of a ref, never a symlink', async () => {
    const modes = new TempGitRepo();
    try {
      modes.write('plain.yaml', 'kind: Plain\n');
      modes.write('run.yaml', 'kind: Executable\n');
      chmodSync(path.join(modes.dir, 'run.yaml'), 0o755);
      symlinkSync('plain.yaml', path.join(modes.dir, 'link.yaml'));
      modes.commit('modes');
      expect(modes.git('ls-tree', 'HEAD').match(/^\d+/gm)?.sort()).toEqual(['100644', '100755', '120000']);
      const source = await gitRefSource(modes.dir, 'HEAD', DEFAULT_SELECTION);
      expect(await source.list()).toEqual(['plain.yaml', 'run.yaml']);
      expect(await source.read('run.yaml')).toBe('kind: Executable\n');
      expect(await source.blobId?.('run.yaml')).toBe(modes.git('rev-parse', 'HEAD:run.yaml').trim());
      expect(await source.read('link.yaml')).toBeUndefined();
    } finally {
      modes.remove();
    }
  });

  it('shares with the working tree only the files git finds unchanged since the ref', async () => {
    const shared = new TempGitRepo();
    try {
      shared.write('same.yaml', 'kind: Same\n');
      shared.write('edited.yaml', 'kind: Before\n');
      shared.write('staged.yaml', 'kind: Before\n');
      shared.write('removed.yaml', 'kind: Removed\n');
      shared.write('untracked.yaml', 'kind: Committed\n');
      shared.commit('base');
      shared.write('edited.yaml', 'kind: After\n'); // not staged
      shared.write('staged.yaml', 'kind: After\n');
      shared.git('add', 'staged.yaml');
      shared.git('rm', '-q', 'removed.yaml');
      shared.git('rm', '-q', '--cached', 'untracked.yaml'); // still on disk, no longer tracked
      shared.write('new.yaml', 'kind: New\n');
      const workingTree = directorySource(shared.dir, DEFAULT_SELECTION);
      const base = await gitRefSource(shared.dir, 'HEAD', DEFAULT_SELECTION, { workingTree });
      expect(await base.list()).toEqual([
        'edited.yaml',
        'removed.yaml',
        'same.yaml',
        'staged.yaml',
        'untracked.yaml',
      ]);
      const sharing = (await base.list()).filter((file) => base.sameFileIn?.(file) === workingTree);
      expect(sharing).toEqual(['same.yaml']);
      // Every changed file is the ref's own (asked of git as soon as it answered); none needs its blob id compared.
      for (const file of ['edited.yaml', 'staged.yaml', 'removed.yaml', 'untracked.yaml'])
        expect(await base.blobId?.(file)).toBeUndefined();
      expect(await base.blobId?.('same.yaml')).toBe(shared.git('rev-parse', 'HEAD:same.yaml').trim());
      expect(await base.read('edited.yaml')).toBe('kind: Before\n');
      expect(await base.read('staged.yaml')).toBe('kind: Before\n');
      expect(await base.read('removed.yaml')).toBe('kind: Removed\n');
      expect(await base.read('untracked.yaml')).toBe('kind: Committed\n');
      // Read a second time (the early answer is used once), and a file git did not find changed.
      expect(await base.read('edited.yaml')).toBe('kind: Before\n');
      expect(await base.read('same.yaml')).toBe('kind: Same\n');
    } finally {
      shared.remove();
    }
  });

  it('reads a folder below the top of the repository as the working tree reads it: that folder, its paths', async () => {
    const nested = new TempGitRepo();
    try {
      nested.write('sub/a.yaml', 'kind: A\n');
      nested.write('sub/sub/a.yaml', 'kind: Other\n');
      nested.write('sub/changed.yaml', 'kind: Before\n');
      nested.write('elsewhere/b.yaml', 'kind: B\n');
      nested.commit('base');
      nested.write('sub/changed.yaml', 'kind: After\n');
      nested.write('elsewhere/b.yaml', 'kind: B2\n');
      const folder = path.join(nested.dir, 'sub');
      const workingTree = directorySource(folder, DEFAULT_SELECTION);
      const base = await gitRefSource(folder, 'HEAD', DEFAULT_SELECTION, { workingTree });
      const files = await base.list();
      expect(files).toEqual(await workingTree.list());
      expect(files).toEqual(['a.yaml', 'changed.yaml', 'sub/a.yaml']);
      expect(files.filter((file) => base.sameFileIn?.(file))).toEqual(['a.yaml', 'sub/a.yaml']);
      expect(await base.read('changed.yaml')).toBe('kind: Before\n');
      expect(await base.read('sub/a.yaml')).toBe('kind: Other\n');
    } finally {
      nested.remove();
    }
  });

  it('rejects an unknown ref with a one-line reason', async () => {
    // The git processes start at once; the first call that needs the files says what is wrong.
    const source = await gitRefSource(repo.dir, 'no-such-branch', DEFAULT_SELECTION);
    await expect(source.list()).rejects.toThrow(/^'no-such-branch' is neither a directory nor a git ref/);
    await expect(source.read('k8s/ns.yaml')).rejects.toThrow(/no-such-branch/);
    await expect(gitRefSource(repo.dir, '--output=x', DEFAULT_SELECTION)).rejects.toThrow(/--output=x/);
  });
});

describe('fileMatcher', () => {
  const paths = [
    'a.yaml',
    'deep/er/b.yml',
    '.hidden/c.yaml',
    'node_modules/x/d.yaml',
    'x/.git/e.yaml',
    'gitops/node_modules.yaml',
    'charts/a[1].yaml',
    'charts/a1.yaml',
    'README.md',
    'skip/f.yaml',
  ];
  const selections: FileSelection[] = [
    DEFAULT_SELECTION,
    { include: [], exclude: ['skip/**'] },
    { include: ['deep/**', 'charts/a[1].yaml'], exclude: [] },
    { include: ['**/*.{yaml,yml}'], exclude: ['**/a*.yaml', '.hidden'] },
  ];

  it.each(selections)('agrees with picomatch for %j, and never enters .git or node_modules', (selection) => {
    const options = { dot: true };
    const include = picomatch(
      selection.include.length > 0 ? selection.include : ['**/*.yaml', '**/*.yml'],
      options,
    );
    const exclude = picomatch(selection.exclude.length > 0 ? selection.exclude : ['\0none'], options);
    const skipped = (file: string) =>
      file.split('/').some((segment) => segment === '.git' || segment === 'node_modules');
    const expected = paths.filter((file) => !skipped(file) && include(file) && !exclude(file));
    expect(paths.filter(fileMatcher(selection))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('isUnreadableGlob', () => {
  it.each(['**/*.{yaml', 'vendor/[z-a]/**', '!(', 'a\\'])('%s cannot be read', (glob) => {
    expect(isUnreadableGlob(glob)).toBe(true);
  });

  // A config file can hold these: picomatch throws on the first; the second compiles to an expression that throws
  // "Regular expression too large" when a path is first matched against it (found by fuzzing the config file).
  it.each([
    ['longer than 64 KiB', 'a'.repeat(70_000)],
    ['whose expression is too large to run', 'x.'.repeat(30_000)],
  ])('a glob %s cannot be read', (_what, glob) => {
    expect(isUnreadableGlob(glob)).toBe(true);
  });

  it.each(['**/*.yaml', 'clusters/{eu,us}/**', '[', 'a(b)', 'x/!(tmp)/*.yml'])('%s can be read', (glob) => {
    expect(isUnreadableGlob(glob)).toBe(false);
  });
});

describe('ownOutputExcludes', () => {
  const root = '/work/repo';
  const paths = [
    'a.yaml',
    'out/generated/ns.yaml',
    'generated/x.yaml',
    'out.yaml',
    'a[1]/b.yaml',
    'a1/b.yaml',
  ];

  it.each([
    [{ dirs: ['/work/repo/out'], files: [] }, ['out/generated/ns.yaml']],
    [{ dirs: ['/work/repo'], files: [] }, ['generated/x.yaml']],
    [{ dirs: ['/work/elsewhere', '/work/repo/../repo2'], files: ['/work/out.yaml'] }, []],
    [{ dirs: [], files: ['/work/repo/out.yaml'] }, ['out.yaml']],
    [{ dirs: ['/work/repo/a[1]'], files: [] }, ['a[1]/b.yaml']],
  ])('leaves out what a run writes inside the tree: %j', (outputs, left) => {
    const matches = fileMatcher({ include: [], exclude: ownOutputExcludes(root, outputs) });
    expect(paths.filter((file) => !matches(file))).toEqual(left);
  });
});
