import { isKeptKind, WORKLOAD_KINDS } from '../parse/prefilter.js';
import type { ParsedDocument, ParsedFile } from '../parse/yaml.js';
import { documentLayer, layeredChartValues } from './chart-values.js';
import { chartOf } from './helm.js';
import { applyJson6902, applyStrategicMerge, type PatchOutcome } from './kustomize-patch.js';
import { isPlaceholder, scanPlaceholders } from './placeholders.js';
import type { NotEvaluable } from './provenance.js';
import { asArray, asRecord, asString, getIn, type Json } from './read.js';
import { compilePattern, patternMatches } from './repo-pattern.js';
import { describeValue } from './shape.js';
import {
  dirname,
  firstDocument,
  joinPath,
  normalizePath,
  type GeneratedConfigMap,
  type Repository,
} from './repo.js';
import { readResource } from './resource.js';
import type { ChartValues, ResourceBase, ValuesLayer } from './types.js';

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_FILE.test(path);
}

/** The kustomization documents of the repository (a `kustomization.yaml` has no `metadata.name`, so it is plain). */
export function kustomizations(repo: Repository): ParsedDocument[] {
  return repo.plainDocuments.filter((document) => isKustomizationFile(document.file) && document.index === 0);
}

/** ConfigMaps made by `configMapGenerator` from files (`files: [key=path]` or `[path]`, key = file name). */
export function generatedConfigMaps(kustomization: ParsedDocument): GeneratedConfigMap[] {
  const dir = dirname(kustomization.file);
  const namespace = asString(asRecord(kustomization.value)?.namespace);
  return asArray(asRecord(kustomization.value)?.configMapGenerator).flatMap((raw, index) => {
    const generator = asRecord(raw);
    const name = asString(generator?.name);
    if (!name) return [];
    const files = new Map<string, string>();
    for (const entry of asArray(generator?.files).map(asString)) {
      if (!entry) continue;
      const equals = entry.indexOf('=');
      const key = equals < 0 ? entry.split('/').pop()! : entry.slice(0, equals);
      const path = joinPath(dir, equals < 0 ? entry : entry.slice(equals + 1));
      if (path) files.set(key, path);
    }
    const ns = asString(generator?.namespace) ?? namespace;
    const line = kustomization.lineAt(['configMapGenerator', index]) ?? kustomization.line;
    return [{ name, ...(ns ? { namespace: ns } : {}), files, origin: { file: kustomization.file, line } }];
  });
}

/** One kustomization (a `kustomization.yaml`, or the one Flux generates for a folder without it). */
export interface KustomizeNode {
  dir: string;
  document?: ParsedDocument;
  namespace?: string;
  files: string[];
  children: string[];
}

/** Objects the namespace transformer leaves alone (cluster-scoped); a Namespace gets the namespace as its name. */
const CLUSTER_SCOPED = new Set([
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'APIService',
  'RuntimeClass',
  'IngressClass',
  'Istio',
  'IstioCNI',
  'IstioRevision',
  'IstioRevisionTag',
  'ZTunnel',
]);

const REMOTE_HOSTS = ['github.com/', 'gitlab.com/', 'bitbucket.org/'];

function isRemote(entry: string): boolean {
  return (
    (entry.includes('://') && /^[a-z]+:\/\//i.test(entry)) ||
    REMOTE_HOSTS.some((host) => entry.startsWith(host)) ||
    entry.includes('?ref=') ||
    entry.startsWith('git@')
  );
}

/** Reads every kustomization: its namespace, the files and folders it lists, and what it cannot follow. */
export function kustomizeNodes(repo: Repository, notEvaluable: NotEvaluable[]): Map<string, KustomizeNode> {
  const documents = kustomizations(repo);
  if (!lastNodes || !sameItems(lastNodes.documents, documents) || listsChangedFile(lastNodes, repo.files))
    lastNodes = { documents, files: repo.files, ...readNodes(repo, documents) };
  for (const note of lastNodes.remote) notEvaluable.push({ ...note });
  return lastNodes.nodes;
}

/**
 * The nodes of the side read last. The other side of most pull requests has the same kustomization documents (the
 * same parses: base and head share them), and the files it adds or deletes are not listed by any of them, so it has
 * the same nodes: its kustomize trees, the bulk of a model build in a big repository, are then neither read nor
 * walked again. Nodes are never changed once read.
 */
let lastNodes: ReadNodes | undefined;

interface ReadNodes {
  documents: ParsedDocument[];
  files: Map<string, ParsedFile>;
  nodes: Map<string, KustomizeNode>;
  remote: NotEvaluable[];
  /** Every path a kustomization lists: only these files' presence changes the nodes. */
  listed: Set<string>;
}

function readNodes(repo: Repository, documents: ParsedDocument[]): Omit<ReadNodes, 'documents' | 'files'> {
  const nodes = new Map<string, KustomizeNode>();
  const remote: NotEvaluable[] = [];
  const listed = new Set<string>();
  const dirs = new Set(documents.map((document) => dirname(document.file)));
  for (const document of documents) {
    const listing = listedBy(document);
    const node: KustomizeNode = { dir: listing.dir, document, files: [], children: [] };
    if (listing.namespace) node.namespace = listing.namespace;
    for (const note of listing.remote) remote.push(note);
    for (const path of listing.paths) {
      listed.add(path);
      if (dirs.has(path)) node.children.push(path);
      else if (repo.files.has(path)) node.files.push(path);
    }
    nodes.set(listing.dir, node);
  }
  return { nodes, remote, listed };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Whether a file that one side has and the other has not is listed by a kustomization. */
function listsChangedFile(read: ReadNodes, files: Map<string, ParsedFile>): boolean {
  const listedAndMissing = (from: Map<string, ParsedFile>, to: Map<string, ParsedFile>) => {
    for (const path of from.keys()) if (!to.has(path) && read.listed.has(path)) return true;
    return false;
  };
  return read.files !== files && (listedAndMissing(read.files, files) || listedAndMissing(files, read.files));
}

/** What a kustomization says on its own: its folder, `namespace:`, the paths it lists and the remote bases. */
interface Listing {
  dir: string;
  namespace?: string;
  paths: string[];
  remote: NotEvaluable[];
}

/** Read once per document: base and head share the parse of every kustomization a pull request left alone. */
const listings = new WeakMap<ParsedDocument, Listing>();

function listedBy(document: ParsedDocument): Listing {
  const known = listings.get(document);
  if (known) return known;
  const dir = dirname(document.file);
  const value = asRecord(document.value) ?? {};
  const listing: Listing = { dir, paths: [], remote: [] };
  const namespace = asString(value.namespace);
  if (namespace) listing.namespace = namespace;
  for (const key of ['resources', 'components', 'bases']) {
    asArray(value[key]).forEach((raw, index) => {
      const entry = asString(raw);
      if (!entry) return;
      if (isRemote(entry)) {
        listing.remote.push({
          file: document.file,
          line: document.lineAt([key, index]) ?? document.line,
          reason: `remote kustomize base ${entry} is not evaluated`,
        });
        return;
      }
      const path = joinPath(dir, entry);
      if (path !== undefined) listing.paths.push(path);
    });
  }
  listings.set(document, listing);
  return listing;
}

/** Kustomizations no other kustomization lists: what `kubectl apply -k` or an entry point builds. */
export function rootDirs(nodes: Map<string, KustomizeNode>, entryPoints: string[]): string[] {
  const listed = new Set([...nodes.values()].flatMap((node) => node.children));
  const tops = [...nodes.keys()].filter((dir) => !listed.has(dir)).sort();
  const preferred = entryPoints.filter((dir) => nodes.has(dir));
  return [...new Set([...preferred, ...tops])];
}

/**
 * Visits a kustomization tree depth first, bases before the kustomization that lists them. `ancestors` gives the
 * kustomizations that list the visited one, on demand during the visit.
 */
export function walkTree(
  nodes: Map<string, KustomizeNode>,
  root: string,
  visit: (node: KustomizeNode, namespace: string | undefined, ancestors: () => string[]) => void,
): void {
  const stack = new Set<string>();
  const go = (dir: string, outerNamespace: string | undefined): void => {
    const node = nodes.get(dir);
    if (!node || stack.has(dir)) return;
    stack.add(dir);
    // An outer kustomization's `namespace:` overrides the ones of the bases it lists.
    const namespace = outerNamespace ?? node.namespace;
    for (const child of node.children) go(child, namespace);
    // Called during the visit, while `stack` holds the ancestors.
    visit(node, namespace, () => [...stack].filter((other) => other !== dir));
    stack.delete(dir);
  };
  go(root, undefined);
}

/**
 * The files a kustomization builds from: its own and those of every base below it. A base that lists one of
 * `ancestors` (a cycle) does not bring their files back.
 */
export function subtreeFiles(
  nodes: Map<string, KustomizeNode>,
  root: string,
  ancestors: Iterable<string> = [],
): Set<string> {
  const files = new Set<string>();
  const seen = new Set(ancestors);
  const go = (dir: string): void => {
    const node = nodes.get(dir);
    if (!node || seen.has(dir)) return;
    seen.add(dir);
    for (const child of node.children) go(child);
    for (const file of node.files) files.add(file);
  };
  go(root);
  return files;
}

export interface KustomizeOutcome {
  chartValues: ChartValues[];
}

/**
 * Applies what kustomize would do to the objects of the repository, without the binary: the `namespace:`
 * transformer, simple strategic-merge and JSON6902 patches, and `helmCharts` values. Objects reached from
 * several roots take the first root's namespace (entry points first) and the difference is reported.
 */
export function applyKustomizations(
  repo: Repository,
  notEvaluable: NotEvaluable[],
  nodes: Map<string, KustomizeNode>,
  entryPoints: string[] = [],
): KustomizeOutcome {
  const walk = walkOnce(nodes, entryPoints);
  const chartValues: ChartValues[] = [];
  for (const { node, namespace, ancestors } of walk.transforming) {
    const document = node.document!;
    applyPatches(repo, document, () => subtreeFiles(nodes, node.dir, ancestors), notEvaluable);
    chartValues.push(...helmChartValues(repo, document, namespace, notEvaluable));
  }
  // Only files holding an object of a kind the rules can read differ for them: a shared folder of a broker's custom
  // resources in two namespaces changes nothing they see. The kinds are the pre-filter's, so the note does not
  // depend on whether it ran.
  const readFiles = new Set(
    repo.resources
      .filter((r) => isKeptKind(r.kind, r.apiVersion) || WORKLOADS.has(r.kind))
      .map((r) => r.origin.file),
  );
  for (const conflict of walk.conflicts) {
    const files = conflict.files.filter((file) => readFiles.has(file));
    if (files.length > 0) notEvaluable.push(conflictNote({ ...conflict, files }));
  }
  // Patch files are not objects of the cluster: they only change the objects they target.
  const { unlistedPatchFiles } = walk;
  if (unlistedPatchFiles.size > 0)
    repo.resources = repo.resources.filter((r) => !unlistedPatchFiles.has(r.origin.file));
  for (const resource of repo.resources) {
    const assigned = walk.namespaces.get(resource.origin.file);
    if (!assigned) continue;
    if (resource.kind === 'Namespace') resource.name = assigned.namespace;
    else if (!CLUSTER_SCOPED.has(resource.kind)) resource.namespace = assigned.namespace;
  }
  return { chartValues };
}

/** What walking every kustomization tree says, whatever the objects: the same for two sides with the same nodes. */
interface KustomizeWalk {
  /** The first visit of each kustomization with patches or `helmCharts`, in the order kustomize applies them. */
  transforming: { node: KustomizeNode; namespace: string | undefined; ancestors: string[] }[];
  /** The namespace each file is put into, and the root that put it there (the first one). */
  namespaces: Map<string, { namespace: string; root: string }>;
  conflicts: (NamespaceConflict & { used: { namespace: string; root: string } })[];
  /** Files that kustomizations use as patches and none lists as a resource: they are no objects of the cluster. */
  unlistedPatchFiles: Set<string>;
}

/** The walk of the nodes walked last, for the other side when its nodes are the same (see {@link lastNodes}). */
let lastWalk: { nodes: Map<string, KustomizeNode>; entryPoints: string[]; walk: KustomizeWalk } | undefined;

function walkOnce(nodes: Map<string, KustomizeNode>, entryPoints: string[]): KustomizeWalk {
  if (lastWalk?.nodes !== nodes || !sameItems(lastWalk.entryPoints, entryPoints))
    lastWalk = { nodes, entryPoints: [...entryPoints], walk: walkKustomizations(nodes, entryPoints) };
  return lastWalk.walk;
}

function walkKustomizations(nodes: Map<string, KustomizeNode>, entryPoints: string[]): KustomizeWalk {
  const transforming: KustomizeWalk['transforming'] = [];
  const namespaces = new Map<string, { namespace: string; root: string }>();
  // One note per shared folder, not per file or per pair of overlays: a base shared by a prod and a staging overlay
  // is the usual layout, and a component listed by every app folder (solanyn/home-ops alerts) has dozens.
  const conflicts = new Map<string, NamespaceConflict>();
  const visited = new Set<string>();
  for (const root of rootDirs(nodes, entryPoints)) {
    walkTree(nodes, root, (node, namespace, ancestors) => {
      if (node.document && !visited.has(node.dir)) {
        visited.add(node.dir);
        if (transformsObjects(node.document)) transforming.push({ node, namespace, ancestors: ancestors() });
      }
      if (!namespace) return;
      for (const file of node.files) {
        const previous = namespaces.get(file);
        if (!previous) namespaces.set(file, { namespace, root });
        else if (previous.namespace !== namespace && previous.root !== root) {
          // A namespace filled in at deploy time (a preview overlay's `namespace: ${BRANCH_NAME}`,
          // PHACDataHub/cpho-phase2) names no namespace of the cluster; another overlay's literal one does.
          const used =
            isPlaceholder(previous.namespace) && !isPlaceholder(namespace) ? { namespace, root } : previous;
          namespaces.set(file, used);
          const conflict: NamespaceConflict = conflicts.get(node.dir) ?? {
            node,
            overlays: new Set(),
            files: [],
          };
          conflicts.set(node.dir, conflict);
          conflict.overlays.add(`${previous.root}: ${previous.namespace}`);
          conflict.overlays.add(`${root}: ${namespace}`);
          if (!conflict.files.includes(file)) conflict.files.push(file);
        }
      }
    });
  }
  const patchFiles = [...nodes.values()].flatMap((node) =>
    node.document ? patchFilePaths(node.document) : [],
  );
  const listed = new Set(patchFiles.length > 0 ? [...nodes.values()].flatMap((node) => node.files) : []);
  const unlistedPatchFiles = new Set(patchFiles.filter((file) => !listed.has(file)));
  const conflictList = [...conflicts.values()].map((conflict) => ({
    ...conflict,
    used: namespaces.get(conflict.files[0])!,
  }));
  return { transforming, namespaces, conflicts: conflictList, unlistedPatchFiles };
}

/** Keys of a kustomization that change objects or add chart values (most only list resources and a namespace). */
const TRANSFORMING_KEYS = ['patchesStrategicMerge', 'patches', 'patchesJson6902', 'helmCharts'];

function transformsObjects(kustomization: ParsedDocument): boolean {
  const value = asRecord(kustomization.value);
  return TRANSFORMING_KEYS.some((key) => asArray(value?.[key]).length > 0);
}

/** Files of one kustomization that overlays put into different namespaces. */
interface NamespaceConflict {
  node: KustomizeNode;
  /**
   * `<root>: <namespace>` for each overlay (root folder) and namespace it puts the files in, in the order walked. One
   * root can list them several times (a component listed by each app folder of one cluster overlay).
   */
  overlays: Set<string>;
  files: string[];
}

const WORKLOADS = new Set(WORKLOAD_KINDS);

/** Overlays a note names; the rest are counted. */
const OVERLAYS_NAMED = 3;

function conflictNote({
  node,
  overlays,
  files,
  used,
}: NamespaceConflict & { used: { namespace: string; root: string } }): NotEvaluable {
  const what = files.length === 1 ? files[0] : `the ${files.length} files of ${node.dir || 'the top folder'}`;
  // The overlay whose namespace is used first, then the others as walked.
  const first = `${used.root}: ${used.namespace}`;
  const listed = [first, ...[...overlays].filter((overlay) => overlay !== first)];
  const more = listed.length - OVERLAYS_NAMED;
  const named = listed.slice(0, OVERLAYS_NAMED).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return {
    file: node.document?.file ?? files[0],
    line: node.document?.line ?? 1,
    reason: `kustomize overlays set different namespaces for ${what} (${named}); ${used.namespace} is used`,
  };
}

interface PatchSpec {
  documents: ParsedDocument[];
  target?: Json;
  line: number;
}

/** The patches a kustomization lists, each with its parsed content and target. */
function patchSpecs(repo: Repository, kustomization: ParsedDocument): PatchSpec[] {
  const dir = dirname(kustomization.file);
  const value = asRecord(kustomization.value) ?? {};
  const specs: PatchSpec[] = [];
  const content = (path: (string | number)[], inline: unknown, file: unknown): ParsedDocument[] => {
    if (typeof inline === 'string') return kustomization.nestedAt(path)?.documents ?? [];
    const target = typeof file === 'string' ? joinPath(dir, file) : undefined;
    return target ? (repo.files.get(target)?.documents ?? []) : [];
  };
  asArray(value.patchesStrategicMerge).forEach((raw, index) => {
    const text = asString(raw) ?? '';
    const inline = text.includes('\n') || text.includes(':') ? text : undefined;
    const line = kustomization.lineAt(['patchesStrategicMerge', index]) ?? kustomization.line;
    specs.push({
      documents: content(['patchesStrategicMerge', index], inline, inline ? undefined : text),
      line,
    });
  });
  for (const key of ['patches', 'patchesJson6902']) {
    asArray(value[key]).forEach((raw, index) => {
      const entry = asRecord(raw) ?? {};
      const line = kustomization.lineAt([key, index]) ?? kustomization.line;
      const documents = content([key, index, 'patch'], entry.patch, entry.path);
      specs.push({ documents, line, ...(asRecord(entry.target) ? { target: asRecord(entry.target) } : {}) });
    });
  }
  return specs;
}

/** Files that kustomizations use as patches (`path:` entries and `patchesStrategicMerge` file names), once each. */
function patchFilePaths(kustomization: ParsedDocument): string[] {
  let paths = patchPathsOf.get(kustomization);
  if (!paths) patchPathsOf.set(kustomization, (paths = readPatchFilePaths(kustomization)));
  return paths;
}

const patchPathsOf = new WeakMap<ParsedDocument, string[]>();

function readPatchFilePaths(kustomization: ParsedDocument): string[] {
  const dir = dirname(kustomization.file);
  const value = asRecord(kustomization.value) ?? {};
  const names = [
    ...asArray(value.patchesStrategicMerge)
      .map(asString)
      .filter((text) => text && !text.includes('\n') && !text.includes(':')),
    ...[...asArray(value.patches), ...asArray(value.patchesJson6902)].map((entry) =>
      asString(asRecord(entry)?.path),
    ),
  ];
  return names.flatMap((name) => {
    const path = name ? joinPath(dir, name) : undefined;
    return path ? [path] : [];
  });
}

/**
 * The resources a patch selects, as a test. A `target`'s name is a regular expression anchored at both ends; a patch
 * without `target` selects by its own kind and name, the name taken as written. Undefined when the target's name
 * cannot be compiled or run here (kustomize itself fails on a pattern Go does not compile).
 */
function targetTest(target: Json, nameIsPattern: boolean): ((resource: ResourceBase) => boolean) | undefined {
  const kind = asString(target.kind);
  const name = asString(target.name);
  const group = asString(target.group);
  const namePattern = name && nameIsPattern ? compilePattern(`^(?:${name})$`) : undefined;
  if (name && nameIsPattern && !namePattern) return undefined;
  const nameMatches = (resourceName: string) =>
    !name || (namePattern ? patternMatches(namePattern, resourceName) : name === resourceName);
  return (resource) =>
    (!kind || kind === resource.kind) &&
    (group === undefined || resource.apiVersion.startsWith(group === '' ? 'v' : `${group}/`)) &&
    nameMatches(resource.name);
}

function applyPatches(
  repo: Repository,
  kustomization: ParsedDocument,
  subtree: () => Set<string>,
  notEvaluable: NotEvaluable[],
): void {
  const specs = patchSpecs(repo, kustomization);
  if (specs.length === 0) return;
  const files = subtree();
  for (const spec of specs) {
    for (const patch of spec.documents) {
      const isJson6902 = Array.isArray(patch.value);
      const own = asRecord(patch.value);
      const target = spec.target ?? {
        kind: asString(own?.kind),
        name: asString(getIn(own, ['metadata', 'name'])),
      };
      if (!asString(target.kind) && !asString(target.name)) continue;
      const where = { file: kustomization.file, line: spec.line };
      const selects = targetTest(target, spec.target !== undefined);
      if (!selects) {
        notEvaluable.push({
          ...where,
          reason: `patch target name, ${describeValue(target.name)}, is not a valid regular expression; the patch is not evaluated`,
        });
        continue;
      }
      repo.resources.forEach((resource, index) => {
        if (!files.has(resource.origin.file) || !selects(resource)) return;
        const outcome: PatchOutcome = isJson6902
          ? applyJson6902(resource.document, patch)
          : applyStrategicMerge(resource.document, patch);
        if ('unsupported' in outcome) {
          notEvaluable.push({
            ...where,
            reason: `${resource.kind} ${resource.name} is changed by an overlay, not evaluated (${outcome.unsupported})`,
          });
        } else if ('deleted' in outcome) {
          repo.resources[index] = { ...resource, kind: `${resource.kind}(deleted)` };
        } else {
          const replaced = readResource(outcome.document, outcome.document.value);
          if (replaced) repo.resources[index] = { ...replaced, origin: resource.origin };
        }
      });
    }
  }
  repo.resources = repo.resources.filter((resource) => !resource.kind.endsWith('(deleted)'));
}

/** `helmCharts[]`: values from `valuesFile`, then `additionalValuesFiles`, then `valuesInline` (kustomize's order). */
function helmChartValues(
  repo: Repository,
  kustomization: ParsedDocument,
  namespace: string | undefined,
  notEvaluable: NotEvaluable[],
): ChartValues[] {
  const dir = dirname(kustomization.file);
  return asArray(getIn(kustomization.value, ['helmCharts'])).flatMap((raw, index) => {
    const entry = asRecord(raw) ?? {};
    const name = asString(entry.name);
    const chart = chartOf(name);
    if (!chart) return [];
    const base = ['helmCharts', index];
    const via = `kustomize helmCharts ${name} (${kustomization.file})`;
    const layers: ValuesLayer[] = [];
    const files = [asString(entry.valuesFile), ...asArray(entry.additionalValuesFiles).map(asString)];
    files.forEach((file, fileIndex) => {
      if (!file) return;
      const path = joinPath(dir, file);
      const document = path ? firstDocument(repo, path) : undefined;
      const line =
        kustomization.lineAt(
          fileIndex === 0 ? [...base, 'valuesFile'] : [...base, 'additionalValuesFiles', fileIndex - 1],
        ) ?? kustomization.line;
      if (document) layers.push(documentLayer(document, [], `${via} ${path}`));
      else
        notEvaluable.push({
          file: kustomization.file,
          line,
          reason: `helmCharts ${name} values file ${file} is not a YAML file of this repository`,
        });
    });
    if (asRecord(entry.valuesInline))
      layers.push(documentLayer(kustomization, [...base, 'valuesInline'], `${via} valuesInline`));
    const releaseNamespace = asString(entry.namespace) ?? namespace;
    // The entry's own fields are read too (chart version = Istio version, release namespace); an Argo CD plugin
    // substitutes `${ARGOCD_ENV_*}` there before kustomize runs.
    for (const field of ['version', 'namespace'])
      notEvaluable.push(
        ...scanPlaceholders(kustomization, [...base, field], entry[field], `helmCharts ${name}`),
      );
    return [
      layeredChartValues(chart, layers, {
        via,
        origin: {
          file: kustomization.file,
          line: kustomization.lineAt([...base, 'name']) ?? kustomization.line,
        },
        ...(releaseNamespace ? { releaseNamespace } : {}),
        ...(asString(entry.version) ? { chartVersion: asString(entry.version) } : {}),
        releaseName: asString(entry.releaseName) ?? name,
        fallback: { document: kustomization, valuesPath: [...base, 'valuesInline'] },
      }),
    ];
  });
}

/** Files under a folder, for a Flux Kustomization whose path has no kustomization.yaml. */
export function filesUnder(files: Map<string, ParsedFile>, dir: string): string[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return [...files.keys()].filter((file) => file.startsWith(prefix)).sort();
}

/** A repository path from an entry point's `./clusters/prod` style path. */
export function entryDir(path: string | undefined): string | undefined {
  return path === undefined ? undefined : normalizePath(path.replace(/^\.\//, ''));
}
