import {
  effectiveOutboundPolicy,
  effectiveRootNamespace,
  operatorNamespaces,
  csiDriverEnabled,
} from '../model/effective.js';
import { hasSelector } from '../model/facts-mtls.js';
import { nativeSidecarState } from '../model/facts-native-sidecars.js';
import type { Fact, Origin } from '../model/provenance.js';
import type { ClusterModel, Namespace, PeerAuthentication } from '../model/types.js';
import { resourceId } from '../model/types.js';
import { selectorText } from './dynakube.js';
import { SECTION, writtenOrigin, type FactSet } from './facts.js';

export const MESH = 'Istio mesh';
export const CONTROL_PLANE = 'Istio control plane';
export const CNI = 'Istio CNI';
export const OPERATOR = 'Dynatrace Operator';

const NATIVE_SIDECARS = 'ENABLE_NATIVE_SIDECARS';

function factValue<T>(value: Fact<T> | undefined): { value: T | null; origin?: Origin } {
  if (!value) return { value: null };
  const origin = value.defaulted ? undefined : writtenOrigin(value.origin);
  return { value: value.value, ...(origin ? { origin } : {}) };
}

/** Mesh-wide settings: egress policy, root namespace, export default, discovery selectors, mesh-wide mTLS. */
export function addMeshFacts(facts: FactSet, model: ClusterModel): void {
  const base = { resource: MESH, section: SECTION.mesh };
  facts.add({ ...base, path: 'outboundTrafficPolicy.mode', ...factValue(effectiveOutboundPolicy(model)) });
  facts.add({ ...base, path: 'rootNamespace', ...factValue(effectiveRootNamespace(model)) });
  const exportTo = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
  facts.add({
    ...base,
    path: 'defaultServiceExportTo',
    value: exportTo ? [...exportTo.value].sort() : ['*'],
    ...(exportTo ? { origin: exportTo.origin } : {}),
  });
  const selectors = model.meshConfigs.find((source) => source.discoverySelectors)?.discoverySelectors;
  facts.add({
    ...base,
    path: 'discoverySelectors',
    value: selectors ? selectors.value.map(selectorText).sort() : null,
    ...(selectors ? { origin: selectors.origin } : {}),
  });
  const meshWide = meshWidePeerAuthentication(model);
  facts.add({
    ...base,
    path: 'mTLS mode',
    value: modeOf(meshWide) ?? 'PERMISSIVE',
    ...(meshWide ? { origin: meshWide.mtlsMode?.origin ?? meshWide.origin } : {}),
  });
}

/** The mesh-wide PeerAuthentication: no selector, in the root namespace. */
export function meshWidePeerAuthentication(model: ClusterModel): PeerAuthentication | undefined {
  const root = effectiveRootNamespace(model).value;
  return model.peerAuthentications.find((pa) => pa.namespace === root && !hasSelector(pa));
}

/** A PeerAuthentication's own mode; `UNSET` (or none) inherits from its parent scope. */
function modeOf(pa: PeerAuthentication | undefined): string | undefined {
  const mode = pa?.mtlsMode?.value;
  return mode && mode !== 'UNSET' ? mode : undefined;
}

/** The mTLS mode that applies to a namespace: its own namespace-wide policy, else the mesh-wide one. */
export function effectiveNamespaceMtls(model: ClusterModel, namespace: string): string {
  return (
    modeOf(ownPeerAuthentication(model, namespace)) ??
    modeOf(meshWidePeerAuthentication(model)) ??
    'PERMISSIVE'
  );
}

/** A namespace's namespace-wide PeerAuthentication: no selector, in that namespace. */
function ownPeerAuthentication(model: ClusterModel, namespace: string): PeerAuthentication | undefined {
  return model.peerAuthentications.find((pa) => pa.namespace === namespace && !hasSelector(pa));
}

/** Istiod: version, profile, compatibility version and the native sidecar switch. */
export function addControlPlaneFacts(facts: FactSet, model: ClusterModel): void {
  const base = { resource: CONTROL_PLANE, section: SECTION.controlPlane };
  const first = <K extends 'version' | 'profile' | 'compatibilityVersion'>(key: K) =>
    model.pilotInstalls.map((install) => install[key]).find((value) => value !== undefined);
  facts.add({ ...base, path: 'version', ...factValue(first('version')) });
  facts.add({ ...base, path: 'profile', ...factValue(first('profile')) });
  facts.add({ ...base, path: 'compatibilityVersion', ...factValue(first('compatibilityVersion')) });
  const nativeSidecars = model.pilotInstalls
    .map((install) => install.env[NATIVE_SIDECARS])
    .find((value) => value !== undefined);
  facts.add({ ...base, path: `env.${NATIVE_SIDECARS}`, ...factValue(nativeSidecars) });
  // What the setting means on this version: `on`, `auto` (the 1.27+ default) or `off`.
  const pilot = model.pilotInstalls[0];
  if (pilot) {
    const state = nativeSidecarState(pilot, model.kubernetesVersion);
    facts.add({ ...base, path: 'native sidecars', value: state.state, origin: writtenOrigin(state.origin) });
  }
}

/** The CNI node agent: whether it runs, where, and its pod annotations (one fact per annotation). */
export function addCniFacts(facts: FactSet, model: ClusterModel): void {
  const base = { resource: CNI, section: SECTION.cni };
  const enabled = model.cniInstalls.filter((install) => install.enabled.value);
  facts.add({
    ...base,
    path: 'enabled',
    value: enabled.length > 0,
    ...(enabled[0] ? { origin: enabled[0].enabled.origin } : {}),
  });
  const install = enabled[0];
  if (!install) return;
  facts.add({ ...base, path: 'namespace', ...factValue(install.namespace) });
  const annotations = Object.assign({}, ...enabled.map((one) => one.podAnnotations.value)) as Record<
    string,
    string
  >;
  facts.addMap({ ...base, origin: install.podAnnotations.origin }, 'podAnnotations', annotations);
}

/** The operator's namespace, CSI driver and version. */
export function addOperatorFacts(facts: FactSet, model: ClusterModel): void {
  const base = { resource: OPERATOR, section: SECTION.operator };
  const installs = model.operatorInstalls;
  if (installs.length > 0) {
    const namespaces = operatorNamespaces(model);
    facts.add({
      ...base,
      path: 'namespace',
      value: namespaces.map((ns) => ns.value).sort(),
      ...(installs[0] ? { origin: installs[0].namespace.origin } : {}),
    });
  }
  facts.add({ ...base, path: 'csidriver.enabled', ...factValue(csiDriverEnabled(model)) });
  const version = installs.map((install) => install.version).find((value) => value !== undefined);
  facts.add({ ...base, path: 'version', ...factValue(version) });
}

/** How a namespace joins the mesh, read from its labels; null when it is not in the mesh. */
export function dataPlaneMode(namespace: Namespace): string | null {
  const labels = namespace.labels;
  const injection = labels['istio-injection'];
  const revision = labels['istio.io/rev'];
  const ambient = labels['istio.io/dataplane-mode'];
  const sidecar =
    injection === 'enabled'
      ? 'sidecar (istio-injection=enabled)'
      : injection === undefined && revision !== undefined
        ? `sidecar (istio.io/rev=${revision})`
        : undefined;
  const parts = [
    ...(sidecar ? [sidecar] : []),
    ...(ambient === 'ambient' ? ['ambient'] : []),
    ...(injection === 'disabled' ? ['injection disabled'] : []),
    ...(ambient === 'none' ? ['ambient opted out'] : []),
  ];
  return parts.length > 0 ? parts.join(' + ') : null;
}

const MESH_LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'];

/** Namespaces with a namespace-wide PeerAuthentication of their own (the root namespace's is the mesh-wide one). */
export function namespacesWithOwnMtls(model: ClusterModel): string[] {
  const root = effectiveRootNamespace(model).value;
  return model.peerAuthentications.flatMap((pa) =>
    !hasSelector(pa) && pa.namespace && pa.namespace !== root ? [pa.namespace] : [],
  );
}

/**
 * Per namespace: data-plane mode, and the mTLS mode that applies to each namespace with a namespace-wide
 * PeerAuthentication on either side (`mtlsNamespaces`, from both sides of the diff). Where its own policy does not
 * decide (none on this side, or `UNSET`), the mode is the inherited one, marked so: a namespace policy replaced by a
 * mesh-wide STRICT one reads `STRICT → STRICT (mesh-wide)`, not as mTLS gone.
 */
export function addNamespaceFacts(
  facts: FactSet,
  model: ClusterModel,
  mtlsNamespaces: Iterable<string> = namespacesWithOwnMtls(model),
): void {
  for (const namespace of model.namespaces.values()) {
    const resource = `Namespace ${namespace.name}`;
    const label = MESH_LABELS.find((key) => namespace.labels[key] !== undefined);
    const line = label ? namespace.document.lineAt(['metadata', 'labels', label]) : undefined;
    facts.add({
      resource,
      section: SECTION.namespace,
      path: 'data plane',
      value: dataPlaneMode(namespace),
      origin: line ? { file: namespace.document.file, line } : namespace.origin,
      resourceOrigin: namespace.origin,
    });
  }
  const root = effectiveRootNamespace(model).value;
  const meshWide = meshWidePeerAuthentication(model);
  const inherited = modeOf(meshWide);
  for (const namespace of new Set(mtlsNamespaces)) {
    if (namespace === root) continue;
    const own = ownPeerAuthentication(model, namespace);
    const mode = modeOf(own);
    const origin = mode
      ? (own!.mtlsMode?.origin ?? own!.origin)
      : inherited
        ? (meshWide!.mtlsMode?.origin ?? meshWide!.origin)
        : own?.origin;
    facts.add({
      resource: `Namespace ${namespace}`,
      section: SECTION.namespace,
      path: 'mTLS mode',
      value: mode ?? (inherited ? `${inherited} (mesh-wide)` : 'PERMISSIVE (default)'),
      ...(origin ? { origin } : {}),
      ...(own ? { resourceOrigin: own.origin } : {}),
    });
  }
}

/** Workload-scoped PeerAuthentications, Sidecars and ServiceEntries: the objects that open or close paths. */
export function addPolicyFacts(facts: FactSet, model: ClusterModel): void {
  for (const pa of model.peerAuthentications) {
    if (!hasSelector(pa)) continue;
    const base = { resource: resourceId(pa), section: SECTION.policy, resourceOrigin: pa.origin };
    facts.add({ ...base, path: '', value: true, origin: pa.origin });
    facts.add({
      ...base,
      path: 'selector',
      value: selectorText({ matchLabels: pa.selector }),
      origin: pa.origin,
    });
    facts.add({
      ...base,
      path: 'mTLS mode',
      value: modeOf(pa) ?? null,
      origin: pa.mtlsMode?.origin ?? pa.origin,
    });
    facts.addMap({ ...base, origin: pa.origin }, 'portLevelMtls', pa.portLevelMtls);
  }
  for (const sidecar of model.sidecars) {
    const base = { resource: resourceId(sidecar), section: SECTION.policy, resourceOrigin: sidecar.origin };
    facts.add({ ...base, path: '', value: true, origin: sidecar.origin });
    facts.add({
      ...base,
      path: 'outboundTrafficPolicy.mode',
      value: sidecar.outboundPolicy?.value ?? null,
      origin: sidecar.outboundPolicy?.origin ?? sidecar.origin,
    });
    facts.add({
      ...base,
      path: 'egress hosts',
      value: [...sidecar.egressHosts].sort(),
      origin: sidecar.origin,
    });
  }
  for (const entry of model.serviceEntries) {
    const base = { resource: resourceId(entry), section: SECTION.egress, resourceOrigin: entry.origin };
    facts.add({ ...base, path: '', value: true, origin: entry.origin });
    facts.add({ ...base, path: 'hosts', value: [...entry.hosts.value].sort(), origin: entry.hosts.origin });
    const ports = entry.ports.map((port) => `${port.number}/${port.protocol ?? '?'}`).sort();
    facts.add({ ...base, path: 'ports', value: ports, origin: entry.origin });
    facts.add({
      ...base,
      path: 'exportTo',
      value: entry.exportTo ? [...entry.exportTo].sort() : null,
      origin: entry.origin,
    });
  }
}

/** Pod labels and annotations through which a workload joins the mesh or talks to Dynatrace. */
const WORKLOAD_KEYS =
  /^(sidecar\.istio\.io\/|istio\.io\/|proxy\.istio\.io\/|traffic\.sidecar\.istio\.io\/|oneagent\.dynatrace\.com\/|metrics\.dynatrace\.com\/|dynatrace\.com\/|prometheus\.io\/)/;

function relevant(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter(([key]) => WORKLOAD_KEYS.test(key)));
}

/**
 * Workloads: only the pod labels and annotations that Istio or Dynatrace read, one fact per key. No fact says
 * a workload exists: the pre-filter skips workloads that mention neither, so absence is not removal.
 */
export function addWorkloadFacts(facts: FactSet, model: ClusterModel): void {
  for (const workload of model.workloads) {
    const base = {
      resource: resourceId(workload),
      section: SECTION.workload,
      resourceOrigin: workload.origin,
    };
    const at = (kind: 'labels' | 'annotations') => (key: string) => {
      const line = workload.document.lineAt([...workload.podMetadataPath, kind, key]);
      return line === undefined ? undefined : { file: workload.document.file, line };
    };
    facts.addMap(
      { ...base, origin: workload.origin },
      'pod labels',
      relevant(workload.podLabels),
      at('labels'),
    );
    facts.addMap(
      { ...base, origin: workload.origin },
      'pod annotations',
      relevant(workload.podAnnotations),
      at('annotations'),
    );
    if (workload.hostNetwork)
      facts.add({ ...base, path: 'hostNetwork', value: true, origin: workload.origin });
  }
}
