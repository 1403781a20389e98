import { git, gitRefSource } from '../sources/git.js';
import type { BaseReader, ChangedFile } from '../sources/overlay.js';
import { DEFAULT_SELECTION } from '../sources/types.js';
import type { GitHubClient } from './github.js';
import type { PullRequestContext } from './event.js';

/** The files a pull request changes and a way to read their base side. */
export interface PullRequestFiles {
  changes: ChangedFile[];
  readBase: BaseReader;
  /** Where the changes came from, for the log. */
  via: string;
  /** Whether `readBase` reads the local clone (cheap to start early) rather than the API. */
  local: boolean;
}

/** A repository path from git or the API that stays inside the repository. */
export function isSafePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.split('/').some((segment) => segment === '..');
}

/** `git diff --name-status -z` output → changed files. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const status = fields[i];
    if (status.startsWith('R') || status.startsWith('C')) {
      const [previousPath, path] = [fields[i + 1], fields[i + 2]];
      changes.push(
        status.startsWith('R') ? { path, status: 'renamed', previousPath } : { path, status: 'added' },
      );
      i += 3;
      continue;
    }
    const path = fields[i + 1];
    const kind = status[0];
    if (kind === 'A') changes.push({ path, status: 'added' });
    else if (kind === 'D') changes.push({ path, status: 'removed' });
    else changes.push({ path, status: 'modified' });
    i += 2;
  }
  return changes.filter((change) => isSafePath(change.path));
}

/**
 * Changes from the local clone, when the PR's base commit is in it (checkout with `fetch-depth: 0`, or the
 * default merge commit whose first parent is the base). The base side is the merge base of base and HEAD, which
 * is what GitHub diffs a PR against; undefined when git cannot answer.
 */
export async function changesFromGit(
  workspace: string,
  baseSha: string,
): Promise<PullRequestFiles | undefined> {
  try {
    await git(workspace, ['cat-file', '-e', `${baseSha}^{commit}`]);
    const mergeBase = (await git(workspace, ['merge-base', baseSha, 'HEAD']).catch(() => baseSha)).trim();
    const diff = await git(workspace, ['diff', '--name-status', '-z', '-M', mergeBase, 'HEAD', '--']);
    const everything = { include: ['**'], exclude: DEFAULT_SELECTION.exclude };
    const base = await gitRefSource(workspace, mergeBase, everything);
    return {
      changes: parseNameStatus(diff),
      readBase: (path) => base.read(path),
      via: `git (merge base ${mergeBase.slice(0, 12)})`,
      local: true,
    };
  } catch {
    return undefined;
  }
}

interface ListedFile {
  filename: string;
  status: string;
  previous_filename?: string;
  patch?: string;
  /** `…/contents/<path>?ref=<sha>`: the commit whose patch this entry holds. */
  contents_url?: string;
}

/** GitHub's `pulls.listFiles` returns at most this many files of a pull request, whatever their number. */
export const LISTED_FILES_LIMIT = 3_000;

/** Every file of the PR from the API (paginated; GitHub lists at most 3,000). */
export async function listPullRequestFiles(
  client: GitHubClient,
  pr: PullRequestContext,
): Promise<ListedFile[]> {
  return (await client.paginate(client.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  })) as ListedFile[];
}

/**
 * The commit a listing's patches belong to: the PR's head when GitHub listed the files, which is not the event's
 * head once a later push moved it. Undefined when the listing does not say.
 */
export function listedHeadSha(files: readonly ListedFile[]): string | undefined {
  for (const file of files) {
    if (file.status === 'removed' || !file.contents_url) continue;
    try {
      const ref = new URL(file.contents_url).searchParams.get('ref');
      if (ref && /^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase();
    } catch {
      // not a URL: this entry does not say
    }
  }
  return undefined;
}

/**
 * The listing when it holds every changed file. A cut listing would leave the files past it out of the changes:
 * their findings would count as on the base already, and a PR whose manifests are all past the cut would pass
 * unchecked. The event's count of changed files tells a complete listing of exactly 3,000 from a cut one.
 */
export function completeListing(files: readonly ListedFile[], pr: PullRequestContext): readonly ListedFile[] {
  if (pr.changedFiles === undefined || pr.changedFiles <= files.length) return files;
  throw new Error(
    `GitHub lists only ${files.length.toLocaleString('en-US')} of the ${pr.changedFiles.toLocaleString('en-US')} files this pull request changes; ` +
      'check out with `fetch-depth: 2` (or more) so the changes are read from git',
  );
}

export function changesFromListedFiles(files: readonly ListedFile[]): ChangedFile[] {
  const changes: ChangedFile[] = [];
  for (const file of files) {
    if (!isSafePath(file.filename)) continue;
    if (file.status === 'renamed' && file.previous_filename && isSafePath(file.previous_filename)) {
      changes.push({ path: file.filename, status: 'renamed', previousPath: file.previous_filename });
    } else if (file.status === 'added' || file.status === 'copied') {
      changes.push({ path: file.filename, status: 'added' });
    } else if (file.status === 'removed') {
      changes.push({ path: file.filename, status: 'removed' });
    } else if (file.status !== 'unchanged') {
      changes.push({ path: file.filename, status: 'modified' });
    }
  }
  return changes;
}

/** The base side of one file from the API (`repos.getContent` at the base commit); undefined when absent. */
export function apiBaseReader(client: GitHubClient, pr: PullRequestContext): BaseReader {
  return async (path) => {
    try {
      const { data } = await client.rest.repos.getContent({
        owner: pr.owner,
        repo: pr.repo,
        path,
        ref: pr.baseSha,
      });
      if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
      if (data.encoding !== 'base64') return undefined; // over 1 MB: not a manifest worth reading
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  };
}

/**
 * Whether the checkout holds the PR's head. Under `pull_request_target` the default checkout is the base branch,
 * and a check of it would say nothing about the PR; undefined when the clone cannot tell (shallow merge commit).
 */
export async function checkoutHasHead(workspace: string, headSha: string): Promise<boolean | undefined> {
  const present = await git(workspace, ['cat-file', '-e', `${headSha}^{commit}`]).then(
    () => true,
    () => false,
  );
  if (!present) return undefined;
  return git(workspace, ['merge-base', '--is-ancestor', headSha, 'HEAD']).then(
    () => true,
    () => false,
  );
}
