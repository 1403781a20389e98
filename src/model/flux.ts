import { overlayDocument } from '../parse/yaml.js';
import {
  applyKustomizations,
  entryDir,
  filesUnder,
  isClusterScoped,
  subtreeFiles,
  kustomizeNodes,
  type KustomizeNode,
} from './kustomize.js';
import { argoRecurse, inDirectory, type Deployment } from './deployment.js';
import { isPlaceholder } from './placeholders.js';
import type { NotEvaluable } from './provenance.js';
import { asArray, asRecord, asString, getIn, stringMap } from './read.js';
import { findResource, type Repository } from './repo.js';
import { readResource } from './resource.js';
import type { ChartValues, ResourceBase } from './types.js';

export function isFluxKustomization(resource: ResourceBase): boolean {
  return resource.kind === 'Kustomization' && resource.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');
}

/**
 * What the kustomization Flux generates for a folder without one lists: the folder's files, and each subfolder
 * holding a kustomization as that kustomization, not descended into (fluxcd/pkg kustomize/kustomize_generator.go,
 * scanManifests). Listing such a subfolder's files directly made its kustomization a root of its own, whose
 * namespace then conflicted with the Flux Kustomization's `targetNamespace`.
 */
function generatedResources(
  repo: Repository,
  known: Map<string, KustomizeNode>,
  dir: string,
): { files: string[]; children: string[] } {
  const prefix = dir === '' ? '' : `${dir}/`;
  // Sorted, a folder comes before the folders inside it: those are then known to be below a child already.
  const below = [...known.keys()].filter((other) => other !== dir && other.startsWith(prefix)).sort();
  const children = new Set<string>();
  for (const other of below) if (!isBelowOneOf(other, children, prefix.length)) children.add(other);
  const files = filesUnder(repo.files, dir).filter((file) => !isBelowOneOf(file, children, prefix.length));
  return { files, children: [...children] };
}

/** Whether one of `folders` holds `path`, looking at the folders of `path` past its first `from` characters. */
function isBelowOneOf(path: string, folders: Set<string>, from: number): boolean {
  for (let slash = path.indexOf('/', from); slash >= 0; slash = path.indexOf('/', slash + 1))
    if (folders.has(path.slice(0, slash))) return true;
  return false;
}

/**
 * Kustomize for the whole repository, with the entry points that choose what is deployed: Flux Kustomizations
 * (`spec.path`, `spec.targetNamespace`, `postBuild` substitutions) and Argo CD Applications (`source.path`).
 */
export function applyDeployment(
  repo: Repository,
  notEvaluable: NotEvaluable[],
): { chartValues: ChartValues[]; deployment: Deployment } {
  const fluxes = repo.resources.filter(isFluxKustomization);
  const known = kustomizeNodes(repo, notEvaluable);
  const extraNodes: KustomizeNode[] = [];
  const entryPoints: string[] = [];
  const fluxRoots = new Map<ResourceBase, string>();
  const argoSources: Deployment['argoSources'] = [];
  for (const flux of fluxes) {
    const dir = entryDir(asString(getIn(flux.document.value, ['spec', 'path'])) ?? '');
    if (dir === undefined) continue;
    const targetNamespace = asString(getIn(flux.document.value, ['spec', 'targetNamespace']));
    // Flux builds the folder's kustomization, or one it generates with every file under the folder.
    let root = dir;
    if (!known.has(dir))
      extraNodes.push({
        dir,
        ...generatedResources(repo, known, dir),
        ...(targetNamespace ? { namespace: targetNamespace } : {}),
      });
    else if (targetNamespace) {
      root = `flux:${flux.namespace ?? ''}/${flux.name}`;
      extraNodes.push({ dir: root, namespace: targetNamespace, files: [], children: [dir] });
    }
    entryPoints.push(root);
    fluxRoots.set(flux, root);
  }
  for (const resource of repo.resources) {
    if (resource.kind !== 'Application' || !resource.apiVersion.startsWith('argoproj.io/')) continue;
    const sources = [
      getIn(resource.document.value, ['spec', 'source']),
      ...asArray(getIn(resource.document.value, ['spec', 'sources'])),
    ];
    for (const source of sources) {
      const dir = entryDir(asString(asRecord(source)?.path));
      if (dir === undefined || asRecord(source)?.chart !== undefined) continue;
      entryPoints.push(dir);
      argoSources.push({ resource, dir, recurse: argoRecurse(source) });
    }
  }
  // A folder's own kustomization wins over one Flux would generate; of two Flux ones, the first. Without Flux
  // nodes the nodes are kustomizeNodes' own, so a side with the same ones reuses their walk.
  const nodes = extraNodes.length === 0 ? known : new Map(known);
  for (const node of extraNodes) if (!nodes.has(node.dir)) nodes.set(node.dir, node);
  const outcome = applyKustomizations(repo, notEvaluable, nodes, entryPoints);
  applyArgoDestinations(repo, nodes, argoSources);
  for (const [flux, root] of fluxRoots) substitute(repo, flux, subtreeFiles(nodes, root), notEvaluable);
  const deployedByFlux = [...fluxRoots].map(([resource, root]) => ({ resource, root }));
  return { chartValues: outcome.chartValues, deployment: { nodes, fluxes: deployedByFlux, argoSources } };
}

/**
 * Argo CD puts a namespaced object that names no namespace, after kustomize has given the ones it gives, into the
 * Application's `spec.destination.namespace` (argo-cd controller/state.go, NormalizeTargetObjects). Without it a
 * PeerAuthentication of an app deploying into istio-system was no mesh-wide policy, and a Deployment was read as
 * running in `default`. Of two Applications deploying one file, the first read decides.
 */
function applyArgoDestinations(
  repo: Repository,
  nodes: Map<string, KustomizeNode>,
  argoSources: Deployment['argoSources'],
): void {
  const unplaced = repo.resources.filter((r) => r.namespace === undefined && !isClusterScoped(r.kind));
  for (const { resource, dir, recurse } of argoSources) {
    if (unplaced.length === 0) return;
    const destination = asString(getIn(resource.document.value, ['spec', 'destination', 'namespace']));
    if (!destination || isPlaceholder(destination)) continue;
    const files = nodes.get(dir)?.document ? subtreeFiles(nodes, dir) : undefined;
    for (const object of unplaced)
      if (files ? files.has(object.origin.file) : inDirectory(object.origin.file, dir, recurse))
        object.namespace = destination;
    unplaced.splice(0, unplaced.length, ...unplaced.filter((object) => object.namespace === undefined));
  }
}

/** `$$` (an escaped `$`), or `${var}` with an optional default (`${var:=d}`, `${var:-d}`, `${var=d}`, `${var-d}`). */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?\}/g;

/** `postBuild.substitute` and `substituteFrom` ConfigMaps of the repository; Secrets are not read. */
function variablesOf(
  repo: Repository,
  flux: ResourceBase,
  notEvaluable: NotEvaluable[],
): Map<string, string> | undefined {
  const postBuild = asRecord(getIn(flux.document.value, ['spec', 'postBuild']));
  if (!postBuild) return undefined;
  const variables = new Map<string, string>();
  let unread = false;
  asArray(postBuild.substituteFrom).forEach((raw, index) => {
    const entry = asRecord(raw);
    const kind = asString(entry?.kind) ?? 'ConfigMap';
    const name = asString(entry?.name) ?? '';
    const line = flux.document.lineAt(['spec', 'postBuild', 'substituteFrom', index]) ?? flux.origin.line;
    if (kind !== 'ConfigMap') {
      unread = true;
      notEvaluable.push({
        file: flux.origin.file,
        line,
        reason: `substituteFrom ${kind} ${name} is not read: variables from it stay unresolved`,
      });
      return;
    }
    const configMap = findResource(repo, 'ConfigMap', name, flux.namespace);
    if (!configMap) {
      unread = true;
      notEvaluable.push({
        file: flux.origin.file,
        line,
        reason: `substituteFrom ConfigMap ${name} is not in the repository`,
      });
      return;
    }
    for (const [key, value] of Object.entries(stringMap(getIn(configMap.document.value, ['data']))))
      variables.set(key, withoutNewlines(value));
  });
  // Inline `substitute` wins over `substituteFrom` (Flux applies it last).
  for (const [key, value] of Object.entries(stringMap(postBuild.substitute)))
    variables.set(key, withoutNewlines(value));
  // Flux substitutes only with at least one variable, unless `substituteStrategy: Always` (kustomize-controller
  // internal/controller/kustomization_controller.go); a source that was not read may hold some.
  if (variables.size === 0 && !unread && postBuild.substituteStrategy !== 'Always') return undefined;
  return variables;
}

/** Flux drops the newlines of every variable's value (fluxcd/pkg kustomize/kustomize_varsub.go). */
function withoutNewlines(value: string): string {
  return value.replaceAll('\n', '');
}

/**
 * `${var}` and its defaults resolved as Flux's envsubst does (fluxcd/pkg envsubst): each default form takes the
 * default when the value is unset or empty (funcs.go toDefault), and `$$` is a `$` (`$${var}` stays `${var}`,
 * parse/scan.go). Unknown variables without a default stay as written.
 */
export function substituteText(text: string, variables: Map<string, string>): string {
  return text.replace(
    VARIABLE,
    (whole, name: string | undefined, operator: string | undefined, fallback: string | undefined) => {
      if (name === undefined) return '$';
      const value = variables.get(name);
      if (value !== undefined && !(operator && value === '')) return value;
      return operator ? (fallback ?? '') : whole;
    },
  );
}

function substituteValue(value: unknown, variables: Map<string, string>): unknown {
  if (typeof value === 'string') return value.includes('$') ? substituteText(value, variables) : value;
  if (Array.isArray(value)) return value.map((item) => substituteValue(item, variables));
  const record = asRecord(value);
  if (!record) return value;
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [
      substituteText(key, variables),
      substituteValue(item, variables),
    ]),
  );
}

const SUBSTITUTE_MARKER = 'kustomize.toolkit.fluxcd.io/substitute';

function substitute(
  repo: Repository,
  flux: ResourceBase,
  files: Set<string>,
  notEvaluable: NotEvaluable[],
): void {
  const variables = variablesOf(repo, flux, notEvaluable);
  if (!variables) return;
  repo.resources.forEach((resource, index) => {
    if (!files.has(resource.origin.file) || resource === flux) return;
    // The label disables it as the annotation does (fluxcd/pkg kustomize/kustomize_varsub.go).
    if (
      resource.labels[SUBSTITUTE_MARKER] === 'disabled' ||
      resource.annotations[SUBSTITUTE_MARKER] === 'disabled'
    )
      return;
    const value = substituteValue(resource.document.value, variables);
    if (JSON.stringify(value) === JSON.stringify(resource.document.value)) return;
    const document = overlayDocument(resource.document, value, []);
    const replaced = readResource(document, value);
    if (!replaced) return;
    // Keep what kustomize decided for name and namespace, with its variables resolved too.
    const namespace =
      resource.namespace === undefined ? undefined : substituteText(resource.namespace, variables);
    repo.resources[index] = {
      ...replaced,
      name: substituteText(resource.name, variables),
      ...(namespace !== undefined ? { namespace } : {}),
      origin: resource.origin,
    };
  });
}
