import {
  operatorNamespaces,
  outboundRestriction,
  undeclaredNamespaceRestriction,
} from '../model/effective.js';
import { injectsCodeModules } from '../model/dynakube.js';
import { activeGatePod, podMeshMembership, type PodShape } from '../model/facts-dataplane.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import { activeGateStrictMtls } from '../model/facts-mtls.js';
import { monitoredNamespaces } from '../model/monitored-namespaces.js';
import type { ClusterModel, DynaKube } from '../model/types.js';
import { coverageIn, uncoveredPull } from '../generate/registry-coverage.js';
import { codeModulesPull, type CodeModulesPull } from '../rules/code-modules-pull.js';
import { csiDriverMembership, sidecarWorkloadPod } from '../rules/dynatrace-consumers.js';
import { apiUrlHost, hostCovered } from '../rules/hosts.js';

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

function pod(namespace: string, labels: Record<string, string> = {}): PodShape {
  return { namespace, labels, annotations: {}, hostNetwork: false };
}

/** The data-plane mode of a pod, or undefined when it is outside the mesh. */
function meshMode(model: ClusterModel, shape: PodShape): 'sidecar' | 'ambient' | undefined {
  return podMeshMembership(model, shape)?.mode;
}

/**
 * Why traffic from `namespace` to `host` is blocked: the mesh lets it out only when registered. `operatorCovers`
 * says whether the operator's own ServiceEntries (enableIstio) cover the host: never for registries.
 */
function egressBlock(
  model: ClusterModel,
  from: PodShape,
  host: string | undefined,
  operatorCovers: { enableIstio: boolean } | undefined,
): string | undefined {
  return restrictedEgress(
    model,
    from,
    operatorCovers,
    () => !!host && hostCovered(model, host, from.namespace),
  );
}

/** Like `egressBlock`, with the coverage decided by `covered` (asked only when egress is restricted). */
function restrictedEgress(
  model: ClusterModel,
  from: PodShape,
  operatorCovers: { enableIstio: boolean } | undefined,
  covered: () => boolean,
): string | undefined {
  // The outbound policy is enforced by sidecars; ztunnel (ambient) passes such traffic through.
  if (meshMode(model, from) !== 'sidecar') return undefined;
  // The same decision as the rules': a namespace's own Sidecar with ALLOW_ANY lifts the mesh-wide REGISTRY_ONLY.
  const restriction = outboundRestriction(model, from.namespace);
  if (!restriction) return undefined;
  if (operatorCovers?.enableIstio) return undefined;
  if (covered()) return undefined;
  const { sidecar } = restriction;
  const where = sidecar ? `Sidecar ${sidecar.namespace ?? from.namespace}/${sidecar.name}` : 'mesh-wide';
  return `REGISTRY_ONLY (${where}): no ServiceEntry${operatorCovers ? ', enableIstio off' : ''}`;
}

/**
 * Whether the CSI driver's pull from `registry` goes through: the registry-egress rule's decision (every needed host
 * and port declared by a valid entry visible in the namespace).
 */
function registryPullCovered(
  model: ClusterModel,
  registry: { registry: string; port: number },
  namespace: string,
): boolean {
  return uncoveredPull(registry.registry, [registry.port], coverageIn(model, namespace)).missing.length === 0;
}

/** Adds the components of one DynaKube and their paths. */
function addDynaKube(builder: MapBuilder, model: ClusterModel, dynakube: DynaKube): void {
  const operatorNamespace = operatorNamespaces(model)[0]?.value ?? dynakube.namespace ?? 'dynatrace';
  const host = apiUrlHost(dynakube.apiUrl?.value);
  const toDynatrace = { enableIstio: dynakube.enableIstio.value };
  const environment = builder.node(`env:${host ?? '?'}`, {
    label: `Dynatrace environment\n${host ?? (dynakube.apiUrl?.value || 'apiUrl not set')}`,
    place: 'external',
  });

  const operatorPod = pod(operatorNamespace, { 'app.kubernetes.io/name': 'dynatrace-operator' });
  const operator = builder.node(`operator:${operatorNamespace}`, {
    label: `Dynatrace Operator\nns ${operatorNamespace}`,
    place: 'cluster',
    inMesh: meshMode(model, operatorPod) !== undefined,
  });
  builder.edge({
    from: operator,
    to: environment,
    label: 'API 443',
    blocked: egressBlock(model, operatorPod, host, toDynatrace),
  });

  const agPod = activeGatePod(model, dynakube);
  let activeGate: string | undefined;
  if (agPod) {
    activeGate = builder.node(`ag:${agPod.namespace}/${dynakube.name}`, {
      label: `ActiveGate ${dynakube.name}\nns ${agPod.namespace}`,
      place: 'cluster',
      inMesh: meshMode(model, agPod) !== undefined,
    });
    builder.edge({
      from: activeGate,
      to: environment,
      label: '443',
      blocked: egressBlock(model, agPod, host, toDynatrace),
    });
  }
  const routed = !!agPod && !!dynakube.activeGate?.capabilities.value.includes('routing');
  const agentTarget = routed ? activeGate! : environment;
  /** In-cluster services are in the registry: towards a routing ActiveGate only strict mTLS can block. */
  const agentBlock = (from: PodShape | undefined): string | undefined => {
    if (!routed) return from ? egressBlock(model, from, host, toDynatrace) : undefined;
    const fromMesh = from !== undefined && meshMode(model, from) !== undefined;
    const strict = activeGateStrictMtls(model, agPod!) !== undefined;
    return !fromMesh && strict ? 'STRICT mTLS at the ActiveGate, client outside the mesh' : undefined;
  };

  const hostAgents = dynakube.modes.some((mode) => HOST_AGENT_MODES.includes(mode.value));
  if (hostAgents) {
    const oneAgent = builder.node(`oneagent:${dynakube.namespace ?? ''}/${dynakube.name}`, {
      label: `OneAgent ${dynakube.name}\nhost network`,
      place: 'cluster',
      inMesh: false,
    });
    builder.edge({ from: oneAgent, to: agentTarget, label: 'agent traffic', blocked: agentBlock(undefined) });
  }

  if (!injectsCodeModules(dynakube)) return;
  addMonitoredNamespaces(builder, model, dynakube, agentTarget, agentBlock, host);

  if (!codeModulesViaCsi(model, dynakube).value) return;
  const csiLabels = Object.assign({}, ...model.operatorInstalls.map((i) => i.csiDriverLabels)) as Record<
    string,
    string
  >;
  // The namespace registry-egress judges: the first operator namespace where the CSI driver is in the mesh.
  const csiNamespace = csiDriverMembership(model)?.namespace ?? operatorNamespace;
  const csiPod = pod(csiNamespace, csiLabels);
  const csi = builder.node(`csi:${csiNamespace}`, {
    label: `CSI driver\nns ${csiNamespace}`,
    place: 'cluster',
    inMesh: meshMode(model, csiPod) !== undefined,
  });
  const pull = codeModulesPull(model, dynakube);
  if (!pull) {
    const blocked = egressBlock(model, csiPod, host, toDynatrace);
    builder.edge({ from: csi, to: environment, label: 'code modules download', blocked });
    return;
  }
  const registry = pull.registry?.registry ?? pull.image.value;
  const target = builder.node(`registry:${registry}`, { label: `registry\n${registry}`, place: 'external' });
  builder.edge({ from: csi, to: target, label: pullLabel(pull), blocked: pullBlock(model, csiPod, pull) });
}

function pullLabel(pull: CodeModulesPull): string {
  if (pull.by === 'node') return 'code modules image, pulled by the node';
  return pull.registry ? 'code modules image' : 'code modules image, registry not evaluable';
}

/**
 * Why the CSI driver's own pull is blocked, as registry-egress decides: only a pull through its sidecar from a
 * registry it can tell; the kubelet's pull (node-image-pull) leaves the mesh out.
 */
function pullBlock(model: ClusterModel, csiPod: PodShape, pull: CodeModulesPull): string | undefined {
  const registry = pull.registry;
  if (pull.by !== 'csi-driver' || !registry) return undefined;
  // The operator's ServiceEntries never cover registries (bar its API host, which coverageIn counts).
  return restrictedEgress(model, csiPod, undefined, () =>
    registryPullCovered(model, registry, csiPod.namespace),
  );
}

const HOST_AGENT_MODES: readonly string[] = ['classicFullStack', 'cloudNativeFullStack', 'hostMonitoring'];

/**
 * The pod whose agent traffic stands for a monitored namespace: an ordinary pod of it when the namespace enrols its
 * pods for sidecars, else one of its workloads that runs a sidecar all the same (kube-injected or opted in), as
 * service-entry-visibility counts them; else the ordinary pod (ambient, or outside the mesh).
 */
function codeModulesPod(model: ClusterModel, namespace: string): PodShape {
  const ordinary = pod(namespace);
  if (meshMode(model, ordinary) === 'sidecar') return ordinary;
  return sidecarWorkloadPod(model, namespace) ?? ordinary;
}

/** The namespaces whose pods get code modules, each in or out of the mesh, and their agent traffic. */
function addMonitoredNamespaces(
  builder: MapBuilder,
  model: ClusterModel,
  dynakube: DynaKube,
  agentTarget: string,
  agentBlock: (from: PodShape | undefined) => string | undefined,
  host: string | undefined,
): void {
  const namespaces = monitoredNamespaces(model, dynakube);
  for (const namespace of namespaces.slice(0, MAX_NAMESPACES)) {
    const shape = codeModulesPod(model, namespace);
    const id = builder.node(`ns:${namespace}`, {
      label: `code modules\nns ${namespace}`,
      place: 'cluster',
      inMesh: meshMode(model, shape) !== undefined,
    });
    builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked: agentBlock(shape) });
  }
  builder.omittedNamespaces += Math.max(0, namespaces.length - MAX_NAMESPACES);
  if (namespaces.length > 0) return;
  // The namespaces are not in the repository: whether they are in the mesh is unknown.
  const id = builder.node(`ns:*:${dynakube.name}`, {
    label: `code modules\nnamespaces selected by ${dynakube.name}`,
    place: 'cluster',
  });
  // Only the root namespace's default Sidecar and the mesh-wide policy govern them, as enable-istio-required says.
  const restriction = undeclaredNamespaceRestriction(model);
  const covered = dynakube.enableIstio.value || (!!host && hostCovered(model, host, undefined));
  const routed = builder.nodes.get(agentTarget)?.place === 'cluster';
  const where = restriction?.sidecar
    ? `Sidecar ${restriction.sidecar.namespace ?? ''}/${restriction.sidecar.name}`
    : 'mesh-wide';
  const blocked =
    !routed && restriction && !covered
      ? `REGISTRY_ONLY (${where}) for namespaces in the mesh: no ServiceEntry, enableIstio off`
      : undefined;
  builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked });
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
