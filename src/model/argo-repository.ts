import { entryDir } from './kustomize.js';
import { asArray, asRecord, asString, getIn } from './read.js';
import type { Repository } from './repo.js';
import type { ResourceBase } from './types.js';

/**
 * Which Git repository the tree being checked is, as far as the tree itself tells. The checker is not told its
 * repository's URL, but Argo CD Applications name it: a source with a `path` into a folder of this tree (an
 * app-of-apps deploying `apps/`, or another source of the same Application) says the tree is its `repoURL`. With
 * that evidence a multi-source `$values/…` file whose `ref` source has another `repoURL` is in another repository,
 * and a file of the same path here is not it. Without evidence the tree is assumed to be the ref source's
 * repository, as the real repositories that use `$values` are (realworld-forms: all four).
 *
 * A source with the repository root as its `path` is no evidence: every tree has a root.
 */

const urlsByRepository = new WeakMap<Repository, Set<string>>();

/**
 * The normalized repoURLs this tree is (usually one; empty when nothing in the tree says), from the repository's
 * Argo CD `applications`; found once per repository.
 */
export function localRepositoryUrls(repo: Repository, applications: () => ResourceBase[]): Set<string> {
  let urls = urlsByRepository.get(repo);
  if (!urls) urlsByRepository.set(repo, (urls = findLocalUrls(repo, applications())));
  return urls;
}

/**
 * {@link localRepositoryUrls} from some of the Applications, not remembered: for ApplicationSet git generators, which
 * are expanded before all Applications of the tree are known.
 */
export function findLocalUrls(repo: Repository, applications: ResourceBase[]): Set<string> {
  const folders = foldersOf(repo);
  const urls = new Set<string>();
  for (const resource of applications) {
    const spec = getIn(resource.document.value, ['spec']);
    for (const raw of [getIn(spec, ['source']), ...asArray(getIn(spec, ['sources']))]) {
      const source = asRecord(raw);
      if (!source || source.chart !== undefined) continue;
      const dir = entryDir(asString(source.path));
      const url = normalizeGitUrl(asString(source.repoURL));
      if (dir && url && folders.has(dir)) urls.add(url);
    }
  }
  return urls;
}

/** Every folder that holds a file of the tree, and the folders above it (not the root). */
export function foldersOf(repo: Repository): Set<string> {
  const folders = new Set<string>();
  for (const file of repo.files.keys()) {
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const folder = file.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
}

/** `user@host:path`, the scp-like form of SSH URLs Argo CD accepts. */
const SCP_LIKE = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/;

/**
 * One spelling of a Git URL: `host/path`, the host in lower case, without scheme, user, port, `.git` suffix or
 * slashes at the ends, so `https://GitHub.com/org/repo.git/` and `git@github.com:org/repo` are the same. The path
 * keeps its case (servers differ on it). Undefined for what is not a URL, such as a `${VAR}` template.
 */
export function normalizeGitUrl(url: string | undefined): string | undefined {
  const text = url?.trim();
  if (!text) return undefined;
  const scp = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? undefined : SCP_LIKE.exec(text);
  let host: string;
  let path: string;
  if (scp) {
    [, host, path] = scp;
  } else {
    try {
      const parsed = new URL(text);
      host = parsed.hostname;
      path = decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
  }
  const trimmed = path
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!host || !trimmed || /[{}$]/.test(host + trimmed)) return undefined;
  return `${host.toLowerCase()}/${trimmed}`;
}
