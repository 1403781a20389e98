import { isKeptKind, WORKLOAD_KINDS } from '../parse/prefilter.js';
import {
  overlayDocument,
  type OverlaySource,
  type ParsedDocument,
  type ParsedFile,
  type PathSegment,
} from '../parse/yaml.js';
import { documentLayer, layeredChartValues } from './chart-values.js';
import { chartOf } from './helm.js';
import {
  applyJson6902,
  applyStrategicMerge,
  type PatchOutcome,
  type StrategicMergeOptions,
} from './kustomize-patch.js';
import { BUILT_IN_CLUSTER_SCOPED, targetTest } from './kustomize-target.js';
import { isPlaceholder, scanPlaceholders } from './placeholders.js';
import type { NotEvaluable } from './provenance.js';
import { asArray, asRecord, asString, getIn, type Json } from './read.js';
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
import { isWorkload, TEMPLATE_PATHS } from './workload.js';
import { firstAndMore } from '../short-text.js';

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
    const behavior = generator?.behavior;
    return [
      {
        name,
        ...(ns ? { namespace: ns } : {}),
        files,
        origin: { file: kustomization.file, line },
        ...(behavior === 'merge' || behavior === 'replace' ? { behavior } : {}),
      },
    ];
  });
}

/** One kustomization (a `kustomization.yaml`, or the one Flux generates for a folder without it). */
export interface KustomizeNode {
  dir: string;
  document?: ParsedDocument;
  namespace?: string;
  files: string[];
  children: string[];
  /** The children listed under `components:`: their transformers act on everything this kustomization gathers. */
  components?: string[];
}

/**
 * Objects the namespace transformer leaves alone (cluster-scoped), with the Sail operator's cluster-scoped kinds; a
 * Namespace gets the namespace as its name.
 */
const CLUSTER_SCOPED = new Set([
  ...BUILT_IN_CLUSTER_SCOPED,
  'Istio',
  'IstioCNI',
  'IstioRevision',
  'IstioRevisionTag',
  'ZTunnel',
]);

/** Whether objects of `kind` have no namespace: Namespace itself, and the kinds the namespace transformer skips. */
export function isClusterScoped(kind: string): boolean {
  return kind === 'Namespace' || CLUSTER_SCOPED.has(kind);
}

const REMOTE_HOSTS = ['github.com/', 'gitlab.com/', 'bitbucket.org/'];

/**
 * Whether kustomize reads a `resources` entry as a git repository (api/internal/git/repospec.go): a URL, an scp-like
 * `git@host:` address, a known host, a `?ref=`, or a host of its own with a `.git` repository path; go-getter's
 * `git::` prefix is stripped first.
 */
function isRemote(written: string): boolean {
  const entry = written.replace(/^git::/i, '');
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
    REMOTE_HOSTS.some((host) => entry.startsWith(host)) ||
    entry.includes('?ref=') ||
    entry.startsWith('git@') ||
    /^[^./][^/]*\.[^/]+\/.*\.git(\/|\?|$)/.test(entry)
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
    const components = listing.components.filter((path) => dirs.has(path));
    if (components.length > 0) node.components = components;
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
  /** The paths listed under `components:` (also in `paths`). */
  components: string[];
  remote: NotEvaluable[];
}

/** Read once per document: base and head share the parse of every kustomization a pull request left alone. */
const listings = new WeakMap<ParsedDocument, Listing>();

function listedBy(document: ParsedDocument): Listing {
  const known = listings.get(document);
  if (known) return known;
  const dir = dirname(document.file);
  const value = asRecord(document.value) ?? {};
  const listing: Listing = { dir, paths: [], components: [], remote: [] };
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
      if (path === undefined) return;
      listing.paths.push(path);
      if (key === 'components') listing.components.push(path);
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
    // An outer kustomization's `namespace:` overrides the ones of the bases it lists; a component's transformers run
    // on what its parent gathered, before the parent's own.
    const namespace = outerNamespace ?? node.namespace ?? componentsNamespace(nodes, node, new Set([dir]));
    for (const child of node.children) go(child, namespace);
    // Called during the visit, while `stack` holds the ancestors.
    visit(node, namespace, () => [...stack].filter((other) => other !== dir));
    stack.delete(dir);
  };
  go(root, undefined);
}

/**
 * The namespace the components of `node` give everything it gathers: the last component that sets one wins, and a
 * component's own `namespace:` runs after the components it lists (kustomize api/internal/target/kusttarget.go,
 * accumulateTarget: components, then transformers).
 */
function componentsNamespace(
  nodes: Map<string, KustomizeNode>,
  node: KustomizeNode,
  seen: Set<string>,
): string | undefined {
  let namespace: string | undefined;
  for (const dir of node.components ?? []) {
    const component = nodes.get(dir);
    if (!component || seen.has(dir)) continue;
    seen.add(dir);
    namespace = component.namespace ?? componentsNamespace(nodes, component, seen) ?? namespace;
  }
  return namespace;
}

/**
 * The kustomization whose gathered resources a visited kustomization transforms, with that one's ancestors: itself,
 * or for a component the nearest kustomization above it that lists it (through components of components) not as a
 * component. kustomize adds a component to its parent's accumulator (api/internal/target/kusttarget.go,
 * accumulateDirectory), so its patches reach the parent's resources. Everything the parent gathers is taken, also
 * what components listed after this one add: their objects are rarely what an earlier component's patch targets.
 */
function transformScope(
  nodes: Map<string, KustomizeNode>,
  dir: string,
  chain: string[],
): { dir: string; ancestors: string[] } {
  let scope = dir;
  let index = chain.length;
  while (index > 0 && nodes.get(chain[index - 1])?.components?.includes(scope)) scope = chain[--index];
  return { dir: scope, ancestors: chain.slice(0, index) };
}

/**
 * The namespace each file of a kustomization's tree has when the kustomization's own transformers run: the one the
 * kustomizations it lists gave (its own `namespace:` comes after its patches).
 */
function namespacesBelow(
  nodes: Map<string, KustomizeNode>,
  dir: string,
  ancestors: readonly string[],
): Map<string, string> {
  const namespaces = new Map<string, string>();
  for (const child of nodes.get(dir)?.children ?? []) {
    if (child === dir || ancestors.includes(child)) continue;
    walkTree(nodes, child, (node, namespace) => {
      if (namespace)
        for (const file of node.files) if (!namespaces.has(file)) namespaces.set(file, namespace);
    });
  }
  return namespaces;
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
  for (const { node, namespace, scope, ancestors } of walk.transforming) {
    const document = node.document!;
    let files: Set<string> | undefined;
    const subtree = () => (files ??= subtreeFiles(nodes, scope, ancestors));
    let below: Map<string, string> | undefined;
    const givenBelow = (file: string) => (below ??= namespacesBelow(nodes, scope, ancestors)).get(file);
    // patchesJson6902 run after this kustomization's own `namespace:`.
    const givenHere = (file: string) => node.namespace ?? givenBelow(file);
    // kustomize's order (api/internal/target/kusttarget_configplugin.go, configureBuiltinTransformers): patches,
    // then namespace, names, labels and annotations, then the deprecated patchesJson6902. The namespace is given
    // after every patch here; a patch target's namespace is matched against the one the object has at its turn.
    applyPatches(repo, document, subtree, givenBelow, notEvaluable, ['patchesStrategicMerge', 'patches']);
    applyMetadata(repo, document, subtree);
    applyPatches(repo, document, subtree, givenHere, notEvaluable, ['patchesJson6902']);
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
  if (repo.generatedConfigMaps.some((generated) => generated.behavior))
    repo.generatedConfigMaps = mergedGenerators(repo.generatedConfigMaps, nodes);
  // Patch files are not objects of the cluster: they only change the objects they target.
  const { unlistedPatchFiles } = walk;
  if (unlistedPatchFiles.size > 0)
    repo.resources = repo.resources.filter((r) => !unlistedPatchFiles.has(r.origin.file));
  const leftOut = leftOutOfTheirFolder(repo, nodes);
  if (leftOut.size > 0) {
    const noted = [...leftOut].filter((file) => readFiles.has(file) && !unlistedPatchFiles.has(file));
    notEvaluable.push(...leftOutNotes(nodes, noted));
    repo.resources = repo.resources.filter((r) => !leftOut.has(r.origin.file));
  }
  for (const resource of repo.resources) {
    const assigned = walk.namespaces.get(resource.origin.file);
    if (!assigned) continue;
    if (resource.kind === 'Namespace') resource.name = assigned.namespace;
    else if (!CLUSTER_SCOPED.has(resource.kind)) resource.namespace = assigned.namespace;
  }
  return { chartValues };
}

/**
 * The files that sit beside a kustomization that does not list them, when no other kustomization does either. Flux
 * and Argo CD build a folder that has a kustomization file with kustomize, which reads only what it lists; Flux
 * generates one listing every file only where none exists (fluxcd/pkg kustomize/kustomize_generator.go,
 * findOrGenerateKustomization). A file taken out by commenting its line (`# - ./istio-config.yaml  # disabled`,
 * enchantednatures/HomeCluster) is no object of the cluster.
 */
function leftOutOfTheirFolder(repo: Repository, nodes: Map<string, KustomizeNode>): Set<string> {
  const listed = new Set([...nodes.values()].flatMap((node) => node.files));
  const leftOut = new Set<string>();
  for (const file of repo.files.keys())
    if (!listed.has(file) && !isKustomizationFile(file) && nodes.get(dirname(file))?.document)
      leftOut.add(file);
  return leftOut;
}

/**
 * One note per folder whose kustomization leaves out files holding objects the rules read: the objects are not
 * checked, so a file applied by hand (`kubectl apply -f`) would go unseen without it.
 */
function leftOutNotes(nodes: Map<string, KustomizeNode>, files: string[]): NotEvaluable[] {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const dir = dirname(file);
    const left = byFolder.get(dir);
    if (left) left.push(file);
    else byFolder.set(dir, [file]);
  }
  return [...byFolder].map(([dir, left]) => {
    const document = nodes.get(dir)!.document!;
    const what = firstAndMore(left, OVERLAYS_NAMED);
    return {
      file: document.file,
      line: document.line,
      reason:
        `not listed by this kustomization, so not read as objects of the cluster: ${what} (kustomize applies ` +
        `only what a folder's kustomization lists; list a file to have it checked)`,
    };
  });
}

/** What walking every kustomization tree says, whatever the objects: the same for two sides with the same nodes. */
interface KustomizeWalk {
  /**
   * The first visit of each kustomization with patches or `helmCharts`, in the order kustomize applies them; a
   * component is visited once for each kustomization it transforms. `scope` is the kustomization whose files it
   * changes, `ancestors` that one's.
   */
  transforming: { node: KustomizeNode; namespace: string | undefined; scope: string; ancestors: string[] }[];
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
  const componentDirs = new Set([...nodes.values()].flatMap((node) => node.components ?? []));
  for (const root of rootDirs(nodes, entryPoints)) {
    walkTree(nodes, root, (node, namespace, ancestors) => {
      if (node.document) {
        // A component transforms each kustomization that lists it: one visit per such kustomization.
        const scope = componentDirs.has(node.dir) ? transformScope(nodes, node.dir, ancestors()) : undefined;
        const key = scope && scope.dir !== node.dir ? `${scope.dir}\n${node.dir}` : node.dir;
        if (!visited.has(key)) {
          visited.add(key);
          if (transformsObjects(node.document))
            transforming.push({
              node,
              namespace,
              scope: scope?.dir ?? node.dir,
              ancestors: scope?.ancestors ?? ancestors(),
            });
        }
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
const TRANSFORMING_KEYS = [
  'patchesStrategicMerge',
  'patches',
  'patchesJson6902',
  'helmCharts',
  'labels',
  'commonLabels',
  'commonAnnotations',
];

function transformsObjects(kustomization: ParsedDocument): boolean {
  const value = asRecord(kustomization.value);
  return TRANSFORMING_KEYS.some((key) => {
    const entry = value?.[key];
    return asArray(entry).length > 0 || Object.keys(asRecord(entry) ?? {}).length > 0;
  });
}

/**
 * The ConfigMaps the generators make once those with `behavior: merge` or `replace` have changed the one of the same
 * name from a kustomization they build on (kustomize api/resmap/reswrangler.go, appendReplaceOrMerge; merge keeps the
 * base's keys the overlay does not write). Inner kustomizations first, so an overlay of an overlay changes what the
 * first made of the base; a base that two overlays change keeps the first one's change. A generator with nothing to
 * change stays as it is (kustomize fails on it).
 */
function mergedGenerators(
  generated: GeneratedConfigMap[],
  nodes: Map<string, KustomizeNode>,
): GeneratedConfigMap[] {
  const below = new Map<string, Set<string>>();
  const dirsBelow = (dir: string) => {
    let dirs = below.get(dir);
    if (!dirs) {
      const found = new Set<string>();
      walkTree(nodes, dir, (node) => {
        if (node.dir !== dir) found.add(node.dir);
      });
      below.set(dir, (dirs = found));
    }
    return dirs;
  };
  const result = [...generated];
  const changing = generated
    .filter((entry) => entry.behavior)
    .map((entry) => ({ entry, dirs: dirsBelow(dirname(entry.origin.file)) }))
    .sort((a, b) => a.dirs.size - b.dirs.size);
  /** The kustomization that last changed a ConfigMap: only one that builds on it changes it again. */
  const changedBy = new Map<GeneratedConfigMap, string>();
  for (const { entry, dirs } of changing) {
    const index = result.findIndex(
      (base) => base !== entry && base.name === entry.name && dirs.has(dirname(base.origin.file)),
    );
    if (index < 0) continue;
    const base = result[index];
    const previous = changedBy.get(base);
    if (previous !== undefined && !dirs.has(previous)) continue;
    const files = entry.behavior === 'replace' ? entry.files : new Map([...base.files, ...entry.files]);
    const merged: GeneratedConfigMap = { ...base, files };
    changedBy.set(merged, dirname(entry.origin.file));
    result[index] = merged;
    result.splice(result.indexOf(entry), 1);
  }
  return result;
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
  const named = firstAndMore(listed, OVERLAYS_NAMED);
  return {
    file: node.document?.file ?? files[0],
    line: node.document?.line ?? 1,
    reason: `kustomize overlays set different namespaces for ${what} (${named}); ${used.namespace} is used`,
  };
}

type PatchKey = 'patchesStrategicMerge' | 'patches' | 'patchesJson6902';

interface PatchSpec {
  documents: ParsedDocument[];
  /** The repository path of a patch file that is not among the files read (only YAML files are). */
  unread?: string;
  options?: StrategicMergeOptions;
  target?: Json;
  line: number;
}

/** The patches a kustomization lists under `keys`, each with its parsed content and target. */
function patchSpecs(repo: Repository, kustomization: ParsedDocument, keys: readonly PatchKey[]): PatchSpec[] {
  const dir = dirname(kustomization.file);
  const value = asRecord(kustomization.value) ?? {};
  const specs: PatchSpec[] = [];
  const content = (
    path: (string | number)[],
    inline: unknown,
    file: unknown,
  ): Pick<PatchSpec, 'documents' | 'unread'> => {
    if (typeof inline === 'string') return { documents: kustomization.nestedAt(path)?.documents ?? [] };
    const target = typeof file === 'string' ? joinPath(dir, file) : undefined;
    const parsed = target ? repo.files.get(target) : undefined;
    if (target && !parsed) return { documents: [], unread: target };
    return { documents: parsed?.documents ?? [] };
  };
  if (keys.includes('patchesStrategicMerge'))
    asArray(value.patchesStrategicMerge).forEach((raw, index) => {
      const text = asString(raw) ?? '';
      const inline = text.includes('\n') || text.includes(':') ? text : undefined;
      const line = kustomization.lineAt(['patchesStrategicMerge', index]) ?? kustomization.line;
      specs.push({ ...content(['patchesStrategicMerge', index], inline, inline ? undefined : text), line });
    });
  for (const key of ['patches', 'patchesJson6902'] as const) {
    if (!keys.includes(key)) continue;
    asArray(value[key]).forEach((raw, index) => {
      const entry = asRecord(raw) ?? {};
      const line = kustomization.lineAt([key, index]) ?? kustomization.line;
      const read = content([key, index, 'patch'], entry.patch, entry.path);
      const options = asRecord(entry.options);
      specs.push({
        ...read,
        line,
        ...(asRecord(entry.target) ? { target: asRecord(entry.target) } : {}),
        options: {
          allowNameChange: options?.allowNameChange === true,
          allowKindChange: options?.allowKindChange === true,
        },
      });
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

function applyPatches(
  repo: Repository,
  kustomization: ParsedDocument,
  subtree: () => Set<string>,
  givenNamespace: (file: string) => string | undefined,
  notEvaluable: NotEvaluable[],
  keys: readonly PatchKey[],
): void {
  const specs = patchSpecs(repo, kustomization, keys);
  if (specs.length === 0) return;
  const files = subtree();
  for (const spec of specs) {
    if (spec.unread) {
      notEvaluable.push(...unreadPatchNotes(repo, kustomization, spec, spec.unread, files, givenNamespace));
      continue;
    }
    for (const patch of spec.documents) {
      const isJson6902 = Array.isArray(patch.value);
      const own = asRecord(patch.value);
      const target = spec.target ?? {
        apiVersion: asString(own?.apiVersion),
        kind: asString(own?.kind),
        name: asString(getIn(own, ['metadata', 'name'])),
        namespace: asString(getIn(own, ['metadata', 'namespace'])),
      };
      if (!spec.target && !asString(target.kind) && !asString(target.name)) continue;
      const where = { file: kustomization.file, line: spec.line };
      const selects = targetTest(target, spec.target !== undefined);
      if ('invalid' in selects) {
        notEvaluable.push({ ...where, reason: selects.invalid });
        continue;
      }
      let selected = repo.resources.flatMap((resource, index) =>
        files.has(resource.origin.file) && selects(resource, namespacesOf(resource, givenNamespace))
          ? [index]
          : [],
      );
      // Where no object has the patch's own apiVersion and namespace, kustomize fails the build ("no resource
      // matches strategic merge patch"); for a patch that names no namespace, the object of that kind and name is
      // what its author meant.
      if (!spec.target && target.namespace === undefined && selected.length === 0)
        selected = repo.resources.flatMap((resource, index) =>
          files.has(resource.origin.file) && resource.kind === target.kind && resource.name === target.name
            ? [index]
            : [],
        );
      for (const index of selected) {
        const resource = repo.resources[index];
        const outcome: PatchOutcome = isJson6902
          ? applyJson6902(resource.document, patch)
          : applyStrategicMerge(resource.document, patch, spec.options);
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
      }
    }
  }
  repo.resources = repo.resources.filter((resource) => !resource.kind.endsWith('(deleted)'));
}

/** The namespaces a patch may find an object by: the one written, and the one given before the patch runs, if any. */
function namespacesOf(
  resource: ResourceBase,
  givenNamespace: (file: string) => string | undefined,
): () => (string | undefined)[] {
  return () => {
    const written = resource.namespace;
    return [written, givenNamespace(resource.origin.file) ?? written];
  };
}

/** What a patch whose file is not read would change: the objects its target selects, or the patch itself. */
function unreadPatchNotes(
  repo: Repository,
  kustomization: ParsedDocument,
  spec: PatchSpec,
  path: string,
  files: Set<string>,
  givenNamespace: (file: string) => string | undefined,
): NotEvaluable[] {
  const where = { file: kustomization.file, line: spec.line };
  const unread = `patch file ${path} is not a YAML file of this repository`;
  if (!spec.target) return [{ ...where, reason: `${unread}; the patch is not evaluated` }];
  const selects = targetTest(spec.target, true);
  if ('invalid' in selects) return [{ ...where, reason: selects.invalid }];
  return repo.resources
    .filter(
      (resource) =>
        files.has(resource.origin.file) && selects(resource, namespacesOf(resource, givenNamespace)),
    )
    .map((resource) => ({
      ...where,
      reason: `${resource.kind} ${resource.name} is changed by an overlay, not evaluated (${unread})`,
    }));
}

/** Labels or annotations a kustomization adds, each with where its value is written in the kustomization. */
interface MetadataPairs {
  field: 'labels' | 'annotations';
  /** Whether the pod templates of workloads get them too. */
  templates: boolean;
  pairs: { key: string; value: string; at: PathSegment[] }[];
}

/**
 * `labels[]`, `commonLabels` and `commonAnnotations`, in the order kustomize runs them (the label transformer takes
 * `labels` entries before `commonLabels`: api/internal/target/kusttarget_configplugin.go). `commonLabels` and
 * `commonAnnotations` reach pod templates (api/internal/konfig/builtinpluginconsts/commonlabels.go,
 * commonannotations.go); a `labels` entry does with `includeTemplates` or `includeSelectors`. Selectors, which
 * `commonLabels` also changes, are not read by the model.
 */
function metadataPairs(kustomization: ParsedDocument): MetadataPairs[] {
  const value = asRecord(kustomization.value) ?? {};
  const pairsAt = (map: unknown, at: PathSegment[]) =>
    Object.entries(asRecord(map) ?? {}).flatMap(([key, raw]) =>
      typeof raw === 'string' ? [{ key, value: raw, at: [...at, key] }] : [],
    );
  const sets: MetadataPairs[] = asArray(value.labels).map((raw, index) => {
    const entry = asRecord(raw);
    return {
      field: 'labels',
      templates: entry?.includeTemplates === true || entry?.includeSelectors === true,
      pairs: pairsAt(entry?.pairs, ['labels', index, 'pairs']),
    };
  });
  sets.push({ field: 'labels', templates: true, pairs: pairsAt(value.commonLabels, ['commonLabels']) });
  sets.push({
    field: 'annotations',
    templates: true,
    pairs: pairsAt(value.commonAnnotations, ['commonAnnotations']),
  });
  return sets.filter((set) => set.pairs.length > 0);
}

/** A copy of `value` with `pairs` written into the map at `path` (made where missing); the parse is shared. */
function withPairs(value: unknown, path: readonly string[], pairs: MetadataPairs['pairs']): Json {
  const root: Json = { ...(asRecord(value) ?? {}) };
  let parent = root;
  for (const key of path) {
    const child: Json = { ...(asRecord(parent[key]) ?? {}) };
    parent[key] = child;
    parent = child;
  }
  for (const pair of pairs) parent[pair.key] = pair.value;
  return root;
}

/** Adds a kustomization's labels and annotations to the objects it builds; their lines are the kustomization's. */
function applyMetadata(repo: Repository, kustomization: ParsedDocument, subtree: () => Set<string>): void {
  const sets = metadataPairs(kustomization);
  if (sets.length === 0) return;
  const files = subtree();
  repo.resources.forEach((resource, index) => {
    if (!files.has(resource.origin.file)) return;
    let value: unknown = resource.document.value;
    const sources: OverlaySource[] = [];
    const template = isWorkload(resource) ? TEMPLATE_PATHS[resource.kind] : [];
    for (const set of sets) {
      const paths = [['metadata', set.field]];
      if (set.templates && template.length > 0) paths.push([...template, 'metadata', set.field]);
      for (const path of paths) {
        value = withPairs(value, path, set.pairs);
        for (const pair of set.pairs)
          sources.push({ path: [...path, pair.key], document: kustomization, documentPath: pair.at });
      }
    }
    const document = overlayDocument(resource.document, value, sources);
    const replaced = readResource(document, document.value);
    if (replaced) repo.resources[index] = { ...replaced, origin: resource.origin };
  });
}

/**
 * `helmCharts[]` values in the order helm gets them from kustomize: `valuesInline` merged into `valuesFile` (inline
 * wins with `valuesMerge: override`, the default; the file wins with `merge`; `replace` drops the file when there
 * are inline values), then each `additionalValuesFiles` entry, which wins over both
 * (api/internal/builtins/HelmChartInflationGenerator.go, createNewMergedValuesFile; api/types/helmchartargs.go).
 */
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
    const fileLayer = (file: string | undefined, at: PathSegment[]): ValuesLayer[] => {
      if (!file) return [];
      const path = joinPath(dir, file);
      const document = path ? firstDocument(repo, path) : undefined;
      if (document) return [documentLayer(document, [], `${via} ${path}`)];
      notEvaluable.push({
        file: kustomization.file,
        line: kustomization.lineAt(at) ?? kustomization.line,
        reason: `helmCharts ${name} values file ${file} is not a YAML file of this repository`,
      });
      return [];
    };
    const inline = Object.keys(asRecord(entry.valuesInline) ?? {}).length > 0;
    const inlineLayers = inline
      ? [documentLayer(kustomization, [...base, 'valuesInline'], `${via} valuesInline`)]
      : [];
    const valuesMerge = asString(entry.valuesMerge) ?? 'override';
    const valuesFile =
      inline && valuesMerge === 'replace'
        ? []
        : fileLayer(asString(entry.valuesFile), [...base, 'valuesFile']);
    const layers: ValuesLayer[] = [
      ...(valuesMerge === 'merge' ? [...inlineLayers, ...valuesFile] : [...valuesFile, ...inlineLayers]),
      ...asArray(entry.additionalValuesFiles).flatMap((file, fileIndex) =>
        fileLayer(asString(file), [...base, 'additionalValuesFiles', fileIndex]),
      ),
    ];
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
