import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { changesFromListedFiles, parseNameStatus } from '../../src/action/changes.js';
import { check } from '../../src/engine.js';
import { directorySource } from '../../src/sources/directory.js';
import { overlaySource } from '../../src/sources/overlay.js';
import { DEFAULT_SELECTION } from '../../src/sources/types.js';

/**
 * Files are read only inside the workspace. A PR can add symlinks (to `/etc`, to the runner's home, into `.git`)
 * and the API can name paths with `..`: none of them is followed, and each symlink leaving the tree is named.
 */
const dynakube = (name: string) =>
  `apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: ${name}\n  namespace: dynatrace\nspec:\n  enableIstio: "maybe"\n`;

let root: string;
let workspace: string;
let outside: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dkig-confine-'));
  workspace = path.join(root, 'workspace');
  outside = path.join(root, 'outside');
  mkdirSync(path.join(workspace, '.git'), { recursive: true });
  mkdirSync(path.join(workspace, 'clusters'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, 'secret.yaml'), dynakube('outside-secret'));
  writeFileSync(path.join(workspace, '.git', 'planted.yaml'), dynakube('inside-git'));
  writeFileSync(path.join(workspace, 'clusters', 'real.yaml'), dynakube('real'));
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'clusters', 'absolute-escape.yaml'));
  symlinkSync('../../outside/secret.yaml', path.join(workspace, 'clusters', 'relative-escape.yaml'));
  symlinkSync('../.git/planted.yaml', path.join(workspace, 'clusters', 'into-git.yaml'));
  symlinkSync(outside, path.join(workspace, 'linked-folder'));
  symlinkSync('real.yaml', path.join(workspace, 'clusters', 'inside-alias.yaml'));
  symlinkSync('/nonexistent/dangling.yaml', path.join(workspace, 'clusters', 'dangling.yaml'));
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'clusters', 'escape.txt'));
  symlinkSync('missing.yaml', path.join(workspace, 'clusters', 'relative-dangling.yaml'));
  symlinkSync('loop-b.yaml', path.join(workspace, 'clusters', 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', path.join(workspace, 'clusters', 'loop-b.yaml'));
  symlinkSync('relative-escape.yaml', path.join(workspace, 'clusters', 'chained-escape.yaml'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LINK_NOTES = [
  'clusters/absolute-escape.yaml:1 symlink pointing outside the workspace was not followed',
  'clusters/chained-escape.yaml:1 symlink pointing outside the workspace was not followed',
  'clusters/dangling.yaml:1 symlink pointing outside the workspace was not followed',
  'clusters/into-git.yaml:1 symlink pointing into .git/ was not followed',
  'clusters/loop-a.yaml:1 symlink loop was not followed',
  'clusters/loop-b.yaml:1 symlink loop was not followed',
  'clusters/relative-dangling.yaml:1 symlink whose target does not exist was not followed',
  'clusters/relative-escape.yaml:1 symlink pointing outside the workspace was not followed',
  'linked-folder:1 symlink pointing outside the workspace was not followed',
];

describe('workspace confinement', () => {
  it('reads no file through a symlink and names every link that leaves the tree', async () => {
    const { report } = await check({ repo: workspace, selection: DEFAULT_SELECTION });
    const text = JSON.stringify(report);
    expect(text).not.toContain('outside-secret');
    expect(text).not.toContain('inside-git');
    const notes = report.notEvaluable
      .filter((note) => note.reason.startsWith('symlink'))
      .map((note) => `${note.file}:${note.line} ${note.reason}`)
      .sort();
    expect(notes).toEqual(LINK_NOTES);
    // The real file is checked (its note proves it was read), once, under its own name.
    const real = report.notEvaluable.filter((note) => /enableIstio/.test(note.reason));
    expect(real.map((note) => note.file)).toEqual(['clusters/real.yaml']);
    for (const entry of [...report.findings, ...report.notEvaluable]) {
      expect(path.isAbsolute(entry.file)).toBe(false);
      expect(entry.file.split('/')).not.toContain('..');
    }
  });

  it('refuses to read paths that leave the tree, directly or through a linked folder', async () => {
    const source = directorySource(workspace, DEFAULT_SELECTION);
    await source.list();
    for (const escape of [
      '../outside/secret.yaml',
      path.join(outside, 'secret.yaml'),
      'linked-folder/secret.yaml',
      'clusters/../../outside/secret.yaml',
      'clusters/absolute-escape.yaml',
      '.git/../../outside/secret.yaml',
    ])
      expect({ escape, text: await source.read(escape) }).toEqual({ escape, text: undefined });
    expect(await source.read('clusters/real.yaml')).toContain('name: real');
  });

  it('drops changed-file paths from the API or git that are absolute or contain ..', () => {
    const listed = [
      { filename: '../escape.yaml', status: 'modified' },
      { filename: '/etc/passwd.yaml', status: 'removed' },
      { filename: 'a/../../b.yaml', status: 'added' },
      { filename: 'ok/new.yaml', status: 'renamed', previous_filename: '../../old.yaml' },
      { filename: 'ok/fine.yaml', status: 'modified' },
    ];
    const changes = changesFromListedFiles(listed);
    const paths = changes.flatMap((change) => [change.path, change.previousPath ?? '']).filter(Boolean);
    expect(paths.every((p) => !p.startsWith('/') && !p.split('/').includes('..'))).toBe(true);
    expect(paths).toContain('ok/fine.yaml');
    const fromGit = parseNameStatus(['M', '../x.yaml', 'D', '/abs.yaml', 'A', 'ok.yaml', ''].join('\0'));
    expect(fromGit).toEqual([{ path: 'ok.yaml', status: 'added' }]);
  });

  it('never asks the base reader for a path outside the repository', async () => {
    const asked: string[] = [];
    const changes = changesFromListedFiles([
      { filename: '../../etc/shadow.yaml', status: 'removed' },
      { filename: 'clusters/real.yaml', status: 'modified' },
      { filename: 'x/../../../y.yaml', status: 'modified' },
    ]);
    const base = overlaySource(
      directorySource(workspace, DEFAULT_SELECTION),
      changes,
      async (file) => {
        asked.push(file);
        return dynakube('base');
      },
      DEFAULT_SELECTION,
    );
    for (const file of await base.list()) await base.read(file);
    expect(asked).toEqual(['clusters/real.yaml']);
    // The head's notes about symlinks are the base's too: the overlay is the same tree.
    expect(base.skipped?.().length).toBe(LINK_NOTES.length);
  });

  it('names the links of a commit read from git as it names them in the same tree on disk', async () => {
    // The same tree committed (git keeps links as links and has no `.git/` content to commit).
    execFileSync('git', ['init', '-q', workspace]);
    execFileSync('git', ['-C', workspace, 'add', '-A']);
    execFileSync('git', [
      '-C',
      workspace,
      '-c',
      'user.email=t@t',
      '-c',
      'user.name=t',
      'commit',
      '-qm',
      'tree',
    ]);
    expect(execFileSync('git', ['-C', workspace, 'ls-tree', '-r', 'HEAD'], { encoding: 'utf8' })).toMatch(
      /^120000 blob \w+\tclusters\/loop-a\.yaml$/m,
    );
    const { report } = await check({ repo: workspace, head: 'HEAD', selection: DEFAULT_SELECTION });
    const notes = report.notEvaluable
      .filter((note) => note.reason.startsWith('symlink'))
      .map((note) => `${note.file}:${note.line} ${note.reason}`)
      .sort();
    expect(notes).toEqual(LINK_NOTES);
    expect(JSON.stringify(report)).not.toContain('outside-secret');
  });
});
