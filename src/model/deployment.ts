import { rootDirs, walkTree, type KustomizeNode } from './kustomize.js';
import { asArray, getIn } from './read.js';
import type { ClusterModel, ResourceBase } from './types.js';

/**
 * What decides how the files of the repository reach the cluster: the kustomize trees (with the nodes Flux
 * generates for folders without a kustomization), the Flux Kustomizations and the Argo CD Application sources.
 */
export interface Deployment {
  nodes: Map<string, KustomizeNode>;
  fluxes: { resource: ResourceBase; root: string }[];
  argoSources: { resource: ResourceBase; dir: string; recurse: boolean }[];
}

/** One way a file is applied to the cluster, most specific first in {@link deployersOf}. */
export type Deployer =
  | { tool: 'flux'; name: string; namespace: string }
  | { tool: 'argo'; name: string; namespace?: string }
  | { tool: 'kustomize'; dir: string };

/** The files one kustomize tree builds from: its objects and its kustomizations (which hold the patches). */
function treeFiles(nodes: Map<string, KustomizeNode>, root: string): Set<string> {
  const files = new Set<string>();
  walkTree(nodes, root, (node) => {
    if (node.document) files.add(node.document.file);
    for (const file of node.files) files.add(file);
  });
  return files;
}

/** An Argo CD directory source applies the files of its folder, and of the folders below with `recurse`. */
export function inDirectory(file: string, dir: string, recurse: boolean): boolean {
  const prefix = dir === '' ? '' : `${dir}/`;
  if (!file.startsWith(prefix)) return false;
  return recurse || !file.slice(prefix.length).includes('/');
}

/**
 * How the object of `file` is applied: by a Flux Kustomization, an Argo CD Application, or `kubectl apply -k` of a
 * kustomization no other lists, in that order; empty when none of them builds the file (a plain
 * `kubectl apply -f`). Of several of one tool, those whose tree also holds `alsoFile` (the file that set the field
 * in question, e.g. an overlay's patch) come first.
 */
export function deployersOf(model: ClusterModel, file: string, alsoFile?: string): Deployer[] {
  const { nodes, fluxes, argoSources } = model.deployment;
  const found: { deployer: Deployer; tree: Set<string> }[] = [];
  for (const { resource, root } of fluxes) {
    const tree = treeFiles(nodes, root);
    if (tree.has(file))
      found.push({
        deployer: { tool: 'flux', name: resource.name, namespace: resource.namespace ?? 'flux-system' },
        tree,
      });
  }
  for (const { resource, dir, recurse } of argoSources) {
    const kustomized = !!nodes.get(dir)?.document;
    const tree = kustomized ? treeFiles(nodes, dir) : new Set<string>();
    if (kustomized ? tree.has(file) : inDirectory(file, dir, recurse))
      found.push({
        deployer: {
          tool: 'argo',
          name: resource.name,
          ...(resource.namespace ? { namespace: resource.namespace } : {}),
        },
        tree,
      });
  }
  // Only kustomization files are roots for `kubectl apply -k`: the nodes Flux adds have no document.
  const kustomizations = new Map([...nodes].filter(([, node]) => node.document));
  for (const dir of rootDirs(kustomizations, [])) {
    const tree = treeFiles(kustomizations, dir);
    if (tree.has(file)) found.push({ deployer: { tool: 'kustomize', dir }, tree });
  }
  const rank = ({ deployer, tree }: (typeof found)[number]) =>
    ['flux', 'argo', 'kustomize'].indexOf(deployer.tool) * 2 + (alsoFile && tree.has(alsoFile) ? 0 : 1);
  return found
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry.deployer);
}

/**
 * Whether the kustomize tree at `dir` inflates Helm charts (`helmCharts` in a kustomization it builds): kustomize then
 * needs `--enable-helm`, which `kubectl apply -k` cannot pass (kubernetes/kubectl#1144, "must specify --enable-helm").
 */
export function inflatesHelmCharts(model: ClusterModel, dir: string): boolean {
  let found = false;
  walkTree(model.deployment.nodes, dir, (node) => {
    if (asArray(getIn(node.document?.value, ['helmCharts'])).length > 0) found = true;
  });
  return found;
}

/** `spec.source.directory.recurse` (or the one of a `spec.sources[]` entry) of an Argo CD Application. */
export function argoRecurse(source: unknown): boolean {
  return getIn(source, ['directory', 'recurse']) === true;
}
