import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import { promisify } from 'node:util';
import type { NotEvaluable } from '../model/provenance.js';
import { BlobReader } from './blob-reader.js';
import { foldersOf, linkNote, treeLinkProblem } from './links.js';
import { fileMatcher } from './select.js';
import type { FileSelection, FileSource } from './types.js';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

export class GitError extends Error {}

export async function git(repo: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: MAX_BUFFER, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new GitError(stderr || (error as Error).message);
  }
}

/** The one-line reason for a `--base`/`--head` that names no commit. */
function notARef(repo: string, ref: string, why = ''): GitError {
  return new GitError(`'${ref}' is neither a directory nor a git ref in ${repo}${why}`);
}

/**
 * Checks with one `git rev-parse` that `ref` names a commit (a GitError with a one-line reason if not). When it does
 * not, the reason says why git may not know it: `repo` is in no git repository (or git is missing), a mistake other
 * than a misspelt ref; or the clone is shallow, as CI checkouts are by default, so an older commit is not there.
 */
export async function verifyCommit(repo: string, ref: string): Promise<void> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
  if (out.trim()) return;
  const shallow = await git(repo, ['rev-parse', '--is-shallow-repository']).then(
    (answer) => answer.trim() === 'true',
    (error: Error) => error,
  );
  if (shallow instanceof Error) {
    const reason = shallow.message.replace(/^fatal: /, '');
    throw new GitError(`'${ref}' is not a directory, and git cannot read refs in ${repo}: ${reason}`);
  }
  const why = shallow
    ? ' (the clone is shallow: fetch that ref, or clone with history, e.g. fetch-depth: 0)'
    : '';
  throw notARef(repo, ref, why);
}

export interface GitRefOptions {
  /**
   * The repository's checked-out files as a source (the head of a `check --base <ref>`): a file git finds unchanged
   * between the commit and the working tree is that source's file, so it is neither read nor hashed again.
   */
  workingTree?: FileSource;
}

/**
 * Files of a commit in a local repository, listed with `git ls-tree` and read through one `git cat-file --batch`
 * process (regular files only). Blob ids are known without reading, so files equal to the other side's are not read.
 * When `repo` is a folder below the top of its work tree, only the commit's files in that folder are listed, with
 * paths relative to it, as a directory source of the same folder lists them: both sides of a check then cover the
 * same files under the same names.
 */
export async function gitRefSource(
  repo: string,
  ref: string,
  selection: FileSelection,
  options: GitRefOptions = {},
): Promise<FileSource> {
  // A ref never starts with `-`; such an argument would reach git as an option.
  if (ref.startsWith('-')) throw notARef(repo, ref);
  const matches = fileMatcher(selection);
  const reader = new BlobReader(repo);
  // Every git process starts now and works on the other core while the caller reads the other side; a wrong ref
  // is reported by the first call that needs the files.
  const revision = `${ref}^{commit}`;
  const verified = verifyCommit(repo, ref);
  // Without `--full-tree`, ls-tree lists the folder git runs in, with paths relative to it.
  const tree = git(repo, ['ls-tree', '-r', '-z', revision]).then(treeEntries);
  const listing = tree.then(({ blobs }) => blobs);
  let linkNotes: NotEvaluable[] = [];
  const { workingTree } = options;
  // Until git answers (or if it cannot), files are compared by blob id.
  let changed: Set<string> | undefined;
  /** Blobs asked for as soon as git says which files differ: this side reads every one of them. */
  const early = new Map<string, Promise<Buffer | undefined>>();
  const askEarly = (blobs: Map<string, string>, paths: Set<string>) => {
    for (const path of paths) {
      const blob = blobs.get(path);
      if (blob === undefined || !matches(path)) continue;
      const content = reader.read(blob);
      content.catch(() => undefined); // read() reports a failure when the file is asked for
      early.set(path, content);
    }
  };
  const diffing = workingTree
    ? changedInWorkingTree(repo, revision).then(async (paths) => {
        changed = paths;
        if (paths) askEarly(await listing.catch(() => new Map<string, string>()), paths);
      })
    : undefined;
  for (const pending of [verified, listing]) pending.catch(() => undefined);
  const listBlobs = async () => {
    await verified; // a wrong ref gets the one-line reason above, not ls-tree's message
    return listing;
  };
  return {
    label: `git ref ${ref}`,
    async list() {
      const blobs = await listBlobs();
      await diffing;
      linkNotes = await notesForLinks(reader, blobs, (await tree).links, matches);
      return [...blobs.keys()].filter(matches).sort();
    },
    skipped: () => linkNotes,
    sameFileIn: (path) => (changed && !changed.has(path) ? workingTree : undefined),
    async blobId(path) {
      // A file git found changed differs from the working tree's: no need to hash that one to compare.
      if (changed?.has(path)) return undefined;
      return (await listBlobs()).get(path);
    },
    async read(path) {
      const blob = (await listBlobs()).get(path);
      if (!blob) return undefined;
      try {
        const asked = early.get(path);
        early.delete(path);
        return (await (asked ?? reader.read(blob)))?.toString('utf8');
      } catch (error) {
        throw new GitError(`cannot read ${path} at ${ref}: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * `git ls-tree -r -z` output → path → blob id of the regular files, and of the symlinks (never followed; their blob
 * holds the target).
 */
function treeEntries(out: string): { blobs: Map<string, string>; links: Map<string, string> } {
  const blobs = new Map<string, string>();
  const links = new Map<string, string>();
  for (const record of out.split('\0')) {
    // `<mode> blob <id>\t<path>`; modes 100644 and 100755 are regular files, 120000 a symlink.
    const tab = record.indexOf('\t');
    if (tab < 0 || !record.startsWith(' blob ', 6)) continue;
    if (record.startsWith('100')) blobs.set(record.slice(tab + 1), record.slice(12, tab));
    else if (record.startsWith('120000')) links.set(record.slice(tab + 1), record.slice(12, tab));
  }
  return { blobs, links };
}

/**
 * The notes for the commit's symlinks, as a directory source gives them for the same tree on disk. Git cannot say
 * whether a target outside the tree is a folder: such a link is named when it is among the files to check or its
 * name has no extension, as a folder's usually has none.
 */
async function notesForLinks(
  reader: BlobReader,
  blobs: Map<string, string>,
  linkBlobs: Map<string, string>,
  matches: (path: string) => boolean,
): Promise<NotEvaluable[]> {
  if (linkBlobs.size === 0) return [];
  const read = [...linkBlobs].map(async ([link, blob]) => {
    const target = await reader.read(blob).catch(() => undefined);
    return [link, target?.toString('utf8')] as const;
  });
  const targets = new Map<string, string>();
  for (const [link, target] of await Promise.all(read)) if (target !== undefined) targets.set(link, target);
  const entries = { files: new Set(blobs.keys()), links: targets };
  const folders = foldersOf([...blobs.keys(), ...targets.keys()]);
  const notes: NotEvaluable[] = [];
  for (const link of [...targets.keys()].sort()) {
    const { problem, isFolder } = treeLinkProblem(link, entries, folders);
    if (!problem) continue;
    const mayBeFolder = isFolder || (problem.kind === 'outside' && posix.extname(link) === '');
    if (mayBeFolder || matches(link)) notes.push(linkNote(link, problem));
  }
  return notes;
}

/**
 * Paths whose working-tree file differs from `commit` (modified, deleted, type changed), as `git diff` sees them:
 * content after git's own filters, so a file that differs only by checkout line endings is the same file. With
 * `--relative`, only `repo`'s folder, with paths relative to it, as the listing has them. Undefined when git cannot
 * say (no working tree).
 */
async function changedInWorkingTree(repo: string, revision: string): Promise<Set<string> | undefined> {
  const diffArgs = [
    'diff',
    '--name-only',
    '--relative',
    '--no-renames',
    '--no-ext-diff',
    '-z',
    revision,
    '--',
  ];
  try {
    return new Set((await git(repo, diffArgs)).split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}
