import { fact, type Fact, type Origin } from './provenance.js';
import { originAt } from './resource.js';
import type {
  ClusterModel,
  LabelSelector,
  LabelSelectorRequirement,
  MeshConfigSource,
  SidecarResource,
} from './types.js';

export const DEFAULT_ROOT_NAMESPACE = 'istio-system';
export const DEFAULT_OPERATOR_NAMESPACE = 'dynatrace';
const NO_ORIGIN = { file: '', line: 0 };

const MODE_STRICTNESS: Record<string, number> = { REGISTRY_ONLY: 2, ALLOW_ANY_DYNAMIC_DNS: 1, ALLOW_ANY: 0 };

/**
 * The mesh-wide outbound policy. When several install sources in the repository describe the mesh, the most
 * restrictive one is taken: a checker must not assume egress is open when any source closes it.
 */
export function effectiveOutboundPolicy(model: ClusterModel): Fact<string> {
  const set = model.meshConfigs.map((source) => source.outboundPolicy).filter((p): p is Fact<string> => !!p);
  if (set.length === 0) return fact('ALLOW_ANY', NO_ORIGIN, true);
  return set.reduce((a, b) => ((MODE_STRICTNESS[b.value] ?? 0) > (MODE_STRICTNESS[a.value] ?? 0) ? b : a));
}

function firstSetting<K extends keyof MeshConfigSource>(
  model: ClusterModel,
  key: K,
): MeshConfigSource[K] | undefined {
  return model.meshConfigs.map((source) => source[key]).find((value) => value !== undefined);
}

export function effectiveRootNamespace(model: ClusterModel): Fact<string> {
  return firstSetting(model, 'rootNamespace') ?? fact(DEFAULT_ROOT_NAMESPACE, NO_ORIGIN, true);
}

/** Namespaces where the Dynatrace Operator runs: from its Helm install, else where the DynaKubes live. */
export function operatorNamespaces(model: ClusterModel): Fact<string>[] {
  const explicit = model.operatorInstalls.map((install) => install.namespace);
  if (explicit.length > 0) return uniqueByValue(explicit);
  const fromDynaKubes = model.dynakubes
    .filter((dk) => dk.namespace)
    .map((dk) => fact(dk.namespace!, dk.origin, true));
  return fromDynaKubes.length > 0
    ? uniqueByValue(fromDynaKubes)
    : [fact(DEFAULT_OPERATOR_NAMESPACE, NO_ORIGIN, true)];
}

function uniqueByValue<T>(facts: Fact<T>[]): Fact<T>[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = JSON.stringify(f.value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** CSI driver enabled unless an operator install in the repo switches it off (chart default: enabled). */
export function csiDriverEnabled(model: ClusterModel): Fact<boolean> {
  const installs = model.operatorInstalls.map((install) => install.csiDriverEnabled);
  return installs.find((f) => f.value) ?? installs[0] ?? fact(true, NO_ORIGIN, true);
}

/** Labels a namespace has; Kubernetes adds `kubernetes.io/metadata.name` to every namespace. */
export function namespaceLabels(model: ClusterModel, namespace: string): Record<string, string> {
  return { ...(model.namespaces.get(namespace)?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
}

/**
 * Whether a label selector selects `labels`; absent selects everything. A requirement with an operator Kubernetes does
 * not know matches nothing: the API server (or the operator's webhook) rejects such a selector, so nothing is selected
 * by it, and reading it as "no requirement" would select more than written.
 */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    if (labels[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}

/** One `matchExpressions` requirement (also the set-based terms of a selector string, see `parseSelector`). */
export function requirementMatches(
  requirement: LabelSelectorRequirement,
  labels: Record<string, string>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return has && values.includes(labels[requirement.key]);
    case 'NotIn':
      return !has || !values.includes(labels[requirement.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

export type MeshEnrollment = { label: string; value: string; origin: Origin } | undefined;

/**
 * Why a namespace is in the mesh: `istio-injection=enabled`, any `istio.io/rev`, or ambient data-plane mode. The
 * origin is the label's line in the file that wrote it (a kustomize patch's own file when a patch added it).
 */
export function namespaceMeshEnrollment(model: ClusterModel, namespace: string): MeshEnrollment {
  return namespaceEnrollingLabels(model, namespace)[0];
}

/**
 * Every label that keeps a namespace in the mesh, the one that enrols it now first: `istio-injection=enabled`,
 * `istio.io/rev` (which Istio's webhook ignores while `istio-injection` is set, so it enrols once an `enabled` one
 * is gone, never next to `disabled`), and `istio.io/dataplane-mode=ambient` (ztunnel, independent of the
 * sidecar labels). Taking the namespace out of the mesh means removing all of them.
 */
export function namespaceEnrollingLabels(
  model: ClusterModel,
  namespace: string,
): NonNullable<MeshEnrollment>[] {
  const resource = model.namespaces.get(namespace);
  if (!resource) return [];
  const labels = resource.labels;
  const enrolled = (label: string, value: string) => ({
    label,
    value,
    origin: originAt(resource, ['metadata', 'labels', label]),
  });
  const found: NonNullable<MeshEnrollment>[] = [];
  const injection = labels['istio-injection'];
  if (injection === 'enabled') found.push(enrolled('istio-injection', 'enabled'));
  if ((injection === undefined || injection === 'enabled') && labels['istio.io/rev'] !== undefined)
    found.push(enrolled('istio.io/rev', labels['istio.io/rev']));
  if (labels['istio.io/dataplane-mode'] === 'ambient')
    found.push(enrolled('istio.io/dataplane-mode', 'ambient'));
  return found;
}

/**
 * The root namespace's default Sidecar: one with no `workloadSelector` at all (`initSidecarScopes` in
 * pilot/pkg/model/push_context.go checks for a nil selector, so an empty one does not count).
 */
function rootDefaultSidecar(model: ClusterModel): SidecarResource | undefined {
  const root = effectiveRootNamespace(model).value;
  return model.sidecars.find((s) => s.namespace === root && !s.workloadSelector && !s.emptyWorkloadSelector);
}

/** Sidecar resources that restrict egress and apply to `namespace` (namespace default, or the root default). */
export function restrictingSidecarsFor(model: ClusterModel, namespace: string): SidecarResource[] {
  const restricting = model.sidecars.filter((s) => s.outboundPolicy?.value === 'REGISTRY_ONLY');
  const own = model.sidecars.filter((s) => s.namespace === namespace);
  if (own.some((s) => !s.workloadSelector)) return restricting.filter((s) => s.namespace === namespace);
  const rootDefault = rootDefaultSidecar(model);
  return restricting.filter((s) => s.namespace === namespace || s === rootDefault);
}

/**
 * The Sidecar that configures ordinary pods of `namespace`, in the order of `getSidecarScope`
 * (pilot/pkg/model/push_context.go): its own Sidecar with an empty `workloadSelector` (selector Sidecars come first,
 * and an empty one matches every pod), else its selector-less one, else the root default.
 */
export function namespaceSidecar(model: ClusterModel, namespace: string): SidecarResource | undefined {
  const own = model.sidecars.filter((s) => s.namespace === namespace && !s.workloadSelector);
  return own.find((s) => s.emptyWorkloadSelector) ?? own[0] ?? rootDefaultSidecar(model);
}

export type OutboundRestriction = { origin: Origin; sidecar?: SidecarResource };

/**
 * What makes sidecars in `namespace` drop traffic to hosts no ServiceEntry declares, or undefined where they let it
 * out through the passthrough cluster: the mesh-wide REGISTRY_ONLY unless the namespace's Sidecar sets ALLOW_ANY (a
 * Sidecar's own policy wins over the mesh's; one without a policy inherits it), else a Sidecar applying there that
 * sets REGISTRY_ONLY.
 */
export function outboundRestriction(model: ClusterModel, namespace: string): OutboundRestriction | undefined {
  return restrictionUnder(
    model,
    namespaceSidecar(model, namespace),
    restrictingSidecarsFor(model, namespace)[0],
  );
}

/** What restricts egress, in words for a finding: the Sidecar that sets REGISTRY_ONLY, or the mesh-wide policy. */
export function describeRestriction({ sidecar }: OutboundRestriction): string {
  return sidecar
    ? `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} sets outboundTrafficPolicy REGISTRY_ONLY`
    : 'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY';
}

/**
 * `outboundRestriction` for a namespace the repository says nothing about (no Namespace, no Sidecar of its own):
 * only the root namespace's default Sidecar and the mesh-wide policy apply there.
 */
export function undeclaredNamespaceRestriction(model: ClusterModel): OutboundRestriction | undefined {
  const rootDefault = rootDefaultSidecar(model);
  const restricting = rootDefault?.outboundPolicy?.value === 'REGISTRY_ONLY' ? rootDefault : undefined;
  return restrictionUnder(model, rootDefault, restricting);
}

/** The restriction where `governing` is the Sidecar that sets the policy of ordinary pods. */
function restrictionUnder(
  model: ClusterModel,
  governing: SidecarResource | undefined,
  restricting: SidecarResource | undefined,
): OutboundRestriction | undefined {
  const policy = effectiveOutboundPolicy(model);
  if (policy.value === 'REGISTRY_ONLY' && governing?.outboundPolicy?.value !== 'ALLOW_ANY')
    return { origin: policy.origin };
  return restricting?.outboundPolicy
    ? { origin: restricting.outboundPolicy.origin, sidecar: restricting }
    : undefined;
}

/** Whether any Istio install or resource is present in the repository. */
export function istioPresent(model: ClusterModel): boolean {
  return (
    model.meshConfigs.length > 0 ||
    model.pilotInstalls.length > 0 ||
    model.cniInstalls.length > 0 ||
    model.sidecars.length > 0 ||
    model.peerAuthentications.length > 0
  );
}
export * from './effective-mesh.js';
