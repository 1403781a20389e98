import {
  csiDriverEnabled,
  effectiveOutboundPolicy,
  isIgnoredByOperator,
  namespaceLabels,
  namespaceMeshEnrollment,
  operatorNamespaces,
  restrictingSidecarsFor,
  selectorMatches,
} from '../model/effective.js';
import { injectsCodeModules } from '../model/dynakube.js';
import type { ClusterModel, DynaKube } from '../model/types.js';
import { apiUrlHost, hostCovered } from '../rules/hosts.js';
import { effectiveNamespaceMtls } from './mesh.js';

/**
 * Who talks to whom for Dynatrace, and which of those paths the mesh blocks: the data behind the egress map.
 * Node ids are made here (never taken from manifests), labels are raw text for the renderer to escape.
 */
export interface EgressNode {
  id: string;
  label: string;
  /** A Dynatrace component or a monitored namespace inside the cluster, or a destination outside it. */
  place: 'cluster' | 'external';
  /** Inside the cluster: whether its pods run in the mesh. */
  inMesh?: boolean;
}

export interface EgressEdge {
  from: string;
  to: string;
  label: string;
  /** Why the path is blocked on head; undefined when open. */
  blocked?: string;
  /** Blocked on head but open on base: this change blocks it. */
  newlyBlocked?: boolean;
}

export interface EgressMap {
  nodes: EgressNode[];
  edges: EgressEdge[];
  /** Monitored namespaces not drawn, to keep the map readable. */
  omittedNamespaces: number;
}

/** Namespaces drawn one by one; the rest are counted. */
const MAX_NAMESPACES = 8;

class MapBuilder {
  readonly nodes = new Map<string, EgressNode>();
  readonly edges = new Map<string, EgressEdge>();
  private readonly ids = new Map<string, string>();
  omittedNamespaces = 0;

  node(key: string, node: Omit<EgressNode, 'id'>): string {
    let id = this.ids.get(key);
    if (!id) {
      id = `n${this.ids.size}`;
      this.ids.set(key, id);
      this.nodes.set(id, { id, ...node });
    }
    return id;
  }

  edge(edge: EgressEdge): void {
    const key = `${edge.from}>${edge.to}`;
    const existing = this.edges.get(key);
    // A path is blocked if any DynaKube's view of it is blocked.
    if (!existing || (!existing.blocked && edge.blocked)) this.edges.set(key, edge);
  }
}

function inMesh(model: ClusterModel, namespace: string): boolean {
  return namespaceMeshEnrollment(model, namespace) !== undefined;
}

/**
 * Why traffic from `namespace` to `host` is blocked: the mesh lets it out only when registered. `operatorCovers`
 * says whether the operator's own ServiceEntries (enableIstio) cover the host: never for registries.
 */
function egressBlock(
  model: ClusterModel,
  namespace: string,
  host: string | undefined,
  operatorCovers: { enableIstio: boolean } | undefined,
): string | undefined {
  if (!inMesh(model, namespace)) return undefined;
  const meshWide = effectiveOutboundPolicy(model).value === 'REGISTRY_ONLY';
  const sidecar = restrictingSidecarsFor(model, namespace)[0];
  if (!meshWide && !sidecar) return undefined;
  if (operatorCovers?.enableIstio) return undefined;
  if (host && hostCovered(model, host, namespace)) return undefined;
  const where = meshWide ? 'mesh-wide' : `Sidecar ${sidecar!.namespace ?? namespace}/${sidecar!.name}`;
  return `REGISTRY_ONLY (${where}): no ServiceEntry${operatorCovers ? ', enableIstio off' : ''}`;
}

function registryHost(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const first = image.split('/')[0];
  return image.includes('/') && /[.:]/.test(first) ? first.toLowerCase() : 'docker.io';
}

function monitoredNamespaces(model: ClusterModel, dynakube: DynaKube, operatorNamespace: string): string[] {
  return [...model.namespaces.keys()]
    .filter((namespace) => !isIgnoredByOperator(namespace, operatorNamespace))
    .filter((namespace) =>
      selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace)),
    )
    .sort();
}

function activeGateInMesh(model: ClusterModel, dynakube: DynaKube, namespace: string): boolean {
  const optIn = dynakube.activeGate?.labels['sidecar.istio.io/inject'];
  if (optIn !== undefined) return optIn === 'true';
  return inMesh(model, namespace);
}

/** Adds the components of one DynaKube and their paths. */
function addDynaKube(builder: MapBuilder, model: ClusterModel, dynakube: DynaKube): void {
  const operatorNamespace = operatorNamespaces(model)[0]?.value ?? dynakube.namespace ?? 'dynatrace';
  const dkNamespace = dynakube.namespace ?? operatorNamespace;
  const host = apiUrlHost(dynakube.apiUrl?.value);
  const istio = dynakube.enableIstio.value;
  const environment = builder.node(`env:${host ?? '?'}`, {
    label: `Dynatrace environment\n${host ?? dynakube.apiUrl?.value ?? 'apiUrl not set'}`,
    place: 'external',
  });

  const operator = builder.node(`operator:${operatorNamespace}`, {
    label: `Dynatrace Operator\nns ${operatorNamespace}`,
    place: 'cluster',
    inMesh: inMesh(model, operatorNamespace),
  });
  builder.edge({
    from: operator,
    to: environment,
    label: 'API 443',
    blocked: egressBlock(model, operatorNamespace, host, { enableIstio: istio }),
  });

  let activeGate: string | undefined;
  if (dynakube.activeGate) {
    const agInMesh = activeGateInMesh(model, dynakube, dkNamespace);
    activeGate = builder.node(`ag:${dkNamespace}/${dynakube.name}`, {
      label: `ActiveGate ${dynakube.name}\nns ${dkNamespace}`,
      place: 'cluster',
      inMesh: agInMesh,
    });
    builder.edge({
      from: activeGate,
      to: environment,
      label: '443',
      blocked: agInMesh ? egressBlock(model, dkNamespace, host, { enableIstio: istio }) : undefined,
    });
  }
  const routes = dynakube.activeGate?.capabilities.value.includes('routing') && activeGate;
  const agentTarget = routes ? activeGate! : environment;
  const agentBlock = (fromMesh: boolean, namespace: string): string | undefined => {
    if (routes) {
      // In-cluster services are in the registry; what can block is strict mTLS towards an in-mesh ActiveGate.
      const agMesh = builder.nodes.get(activeGate!)!.inMesh;
      return !fromMesh && agMesh && effectiveNamespaceMtls(model, dkNamespace) === 'STRICT'
        ? 'STRICT mTLS at the ActiveGate, client outside the mesh'
        : undefined;
    }
    return fromMesh ? egressBlock(model, namespace, host, { enableIstio: istio }) : undefined;
  };

  const hostAgents = dynakube.modes.some((mode) =>
    ['classicFullStack', 'cloudNativeFullStack', 'hostMonitoring'].includes(mode.value),
  );
  if (hostAgents) {
    const oneAgent = builder.node(`oneagent:${dkNamespace}/${dynakube.name}`, {
      label: `OneAgent ${dynakube.name}\nhost network`,
      place: 'cluster',
      inMesh: false,
    });
    builder.edge({ from: oneAgent, to: agentTarget, label: 'agent traffic', blocked: agentBlock(false, '') });
  }

  if (!injectsCodeModules(dynakube)) return;
  const namespaces = monitoredNamespaces(model, dynakube, operatorNamespace);
  for (const namespace of namespaces.slice(0, MAX_NAMESPACES)) {
    const meshed = inMesh(model, namespace);
    const id = builder.node(`ns:${namespace}`, {
      label: `code modules\nns ${namespace}`,
      place: 'cluster',
      inMesh: meshed,
    });
    builder.edge({
      from: id,
      to: agentTarget,
      label: 'agent traffic',
      blocked: agentBlock(meshed, namespace),
    });
  }
  builder.omittedNamespaces += Math.max(0, namespaces.length - MAX_NAMESPACES);
  if (namespaces.length === 0) {
    // The namespaces are not in the repository: whether they are in the mesh is unknown.
    const id = builder.node(`ns:*:${dynakube.name}`, {
      label: `code modules\nnamespaces selected by ${dynakube.name}`,
      place: 'cluster',
    });
    const restricted = effectiveOutboundPolicy(model).value === 'REGISTRY_ONLY';
    const block =
      !routes && restricted && !istio && !(host && hostCovered(model, host, undefined))
        ? 'REGISTRY_ONLY (mesh-wide) for namespaces in the mesh: no ServiceEntry, enableIstio off'
        : undefined;
    builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked: block });
  }

  if (!csiDriverEnabled(model).value) return;
  const csiInMesh =
    model.operatorInstalls.some((install) => install.csiDriverLabels['sidecar.istio.io/inject'] === 'true') ||
    inMesh(model, operatorNamespace);
  const csi = builder.node(`csi:${operatorNamespace}`, {
    label: `CSI driver\nns ${operatorNamespace}`,
    place: 'cluster',
    inMesh: csiInMesh,
  });
  const registry = registryHost(dynakube.codeModulesImage?.value);
  if (registry) {
    const target = builder.node(`registry:${registry}`, {
      label: `registry\n${registry}`,
      place: 'external',
    });
    builder.edge({
      from: csi,
      to: target,
      label: 'code modules image',
      blocked: csiInMesh ? egressBlock(model, operatorNamespace, registry, undefined) : undefined,
    });
  } else {
    builder.edge({
      from: csi,
      to: environment,
      label: 'code modules download',
      blocked: csiInMesh ? egressBlock(model, operatorNamespace, host, { enableIstio: istio }) : undefined,
    });
  }
}

/** The egress map of head; with base, paths blocked on head but open on base are marked as blocked by the change. */
export function egressMap(head: ClusterModel, base?: ClusterModel): EgressMap | undefined {
  const map = buildMap(head);
  if (!map) return undefined;
  if (base) {
    const before = buildMap(base);
    const openBefore = new Set(
      (before?.edges ?? [])
        .filter((edge) => !edge.blocked)
        .map((edge) => `${labelOf(before!, edge.from)}>${labelOf(before!, edge.to)}`),
    );
    for (const edge of map.edges) {
      const key = `${labelOf(map, edge.from)}>${labelOf(map, edge.to)}`;
      if (edge.blocked && openBefore.has(key)) edge.newlyBlocked = true;
    }
  }
  return map;
}

function labelOf(map: EgressMap, id: string): string {
  return map.nodes.find((node) => node.id === id)?.label ?? id;
}

function buildMap(model: ClusterModel): EgressMap | undefined {
  if (model.dynakubes.length === 0) return undefined;
  const builder = new MapBuilder();
  for (const dynakube of model.dynakubes) addDynaKube(builder, model, dynakube);
  return {
    nodes: [...builder.nodes.values()],
    edges: [...builder.edges.values()],
    omittedNamespaces: builder.omittedNamespaces,
  };
}
