import { subDocument, type ParsedDocument, type ParsedFile } from '../parse/yaml.js';
import { asArray, asRecord } from './read.js';
import { readResource } from './resource.js';
import type { ResourceBase } from './types.js';

/** A ConfigMap that kustomize's `configMapGenerator` makes from files of the repository. */
export interface GeneratedConfigMap {
  name: string;
  namespace?: string;
  /** Data key -> repository path of the file that becomes its value. */
  files: Map<string, string>;
  origin: { file: string; line: number };
  /** `behavior: merge` or `replace`: it changes the ConfigMap of that name a base of its kustomization makes. */
  behavior?: 'merge' | 'replace';
}

/** Every document of one side of the repository, indexed for the references between them. */
export interface Repository {
  files: Map<string, ParsedFile>;
  resources: ResourceBase[];
  /** Documents that are not Kubernetes objects: values files, kustomizations, Chart.yaml, the tool's config. */
  plainDocuments: ParsedDocument[];
  generatedConfigMaps: GeneratedConfigMap[];
}

export function indexRepository(files: readonly ParsedFile[]): Repository {
  const repo: Repository = { files: new Map(), resources: [], plainDocuments: [], generatedConfigMaps: [] };
  for (const file of files) {
    repo.files.set(file.file, file);
    for (const document of file.documents) addDocument(repo, document);
  }
  return repo;
}

function addDocument(repo: Repository, document: ParsedDocument): void {
  const object = asRecord(document.value);
  if (object?.kind === 'List' && Array.isArray(object.items)) {
    asArray(object.items).forEach((item, index) =>
      addDocument(repo, subDocument(document, ['items', index], item)),
    );
    return;
  }
  const resource = readResource(document, document.value);
  if (resource) repo.resources.push(resource);
  else if (object) repo.plainDocuments.push(document);
}

/** The object of `kind` named `name`, preferring one in `namespace` (or without a namespace in the file). */
export function findResource(
  repo: Repository,
  kind: string,
  name: string,
  namespace?: string,
): ResourceBase | undefined {
  const candidates = repo.resources.filter((r) => r.kind === kind && r.name === name);
  return (
    candidates.find((r) => r.namespace === namespace) ??
    candidates.find((r) => r.namespace === undefined) ??
    candidates[0]
  );
}

/** First document of a repository file, for values files. */
export function firstDocument(repo: Repository, path: string): ParsedDocument | undefined {
  return repo.files.get(path)?.documents[0];
}

/** Empty, `.` or `..` segments (or a leading or trailing `/`): only such paths need their segments rewritten. */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** Normalizes `a/./b/../c` to `a/c`; undefined when the path leaves the repository. */
export function normalizePath(path: string): string | undefined {
  if (path !== '' && !NOT_NORMAL.test(path)) return path;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function joinPath(dir: string, relative: string): string | undefined {
  return normalizePath(dir ? `${dir}/${relative}` : relative);
}
