import { effectiveRootNamespace } from './effective.js';
import { podMeshMembership, type PodShape } from './facts-dataplane.js';
import { fact, type Fact } from './provenance.js';
import { resourceId, type ClusterModel, type PeerAuthentication } from './types.js';

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

/** The mTLS mode a workload's port accepts, and the policy (with its scope) that decides it. */
export interface EffectiveMtls extends Fact<MtlsMode> {
  /** `mesh`, `namespace`, `workload` or `port`; `default` when no policy applies (PERMISSIVE). */
  scope: 'default' | 'mesh' | 'namespace' | 'workload' | 'port';
  /** The deciding PeerAuthentication, e.g. `PeerAuthentication istio-system/default`. */
  policy?: string;
}

const MODES: readonly string[] = ['STRICT', 'PERMISSIVE', 'DISABLE'];
const NO_ORIGIN = { file: '', line: 0 };

/**
 * Whether a PeerAuthentication applies to some workloads only. Istio takes a selector without labels (or whose
 * every label was unreadable) as no selector: the policy covers the namespace, or the mesh in the root namespace.
 */
export function hasSelector(policy: PeerAuthentication): boolean {
  return !!policy.selector && Object.keys(policy.selector).length > 0;
}

function selects(policy: PeerAuthentication, labels: Record<string, string>): boolean {
  return Object.entries(policy.selector ?? {}).every(([key, value]) => labels[key] === value);
}

/** The policies of one namespace, each kind in the order read. */
interface NamespacePolicies {
  /** The first policy without a selector. */
  namespaceWide?: PeerAuthentication;
  withSelector: PeerAuthentication[];
}

/**
 * The policies by namespace, made once per model: the rules ask for every scraped workload, and a big repository
 * has hundreds of both. Checked against the array's length, so a model still being filled is indexed again.
 */
const indexes = new WeakMap<
  PeerAuthentication[],
  { count: number; byNamespace: Map<string, NamespacePolicies> }
>();

function policiesByNamespace(policies: PeerAuthentication[]): Map<string, NamespacePolicies> {
  const known = indexes.get(policies);
  if (known?.count === policies.length) return known.byNamespace;
  const byNamespace = new Map<string, NamespacePolicies>();
  for (const policy of policies) {
    // A policy without a namespace applies nowhere (kustomize or the API server would give it one).
    if (policy.namespace === undefined) continue;
    let entry = byNamespace.get(policy.namespace);
    if (!entry) byNamespace.set(policy.namespace, (entry = { withSelector: [] }));
    if (hasSelector(policy)) entry.withSelector.push(policy);
    else entry.namespaceWide ??= policy;
  }
  indexes.set(policies, { count: policies.length, byNamespace });
  return byNamespace;
}

/** The mode a policy sets; UNSET (or absent) inherits from the parent scope. */
function setMode(policy: PeerAuthentication): MtlsMode | undefined {
  const mode = policy.mtlsMode?.value;
  return mode && MODES.includes(mode) ? (mode as MtlsMode) : undefined;
}

/**
 * Istio's PeerAuthentication resolution for one workload port: the narrowest scope wins (port > workload >
 * namespace > mesh), UNSET inherits, and no policy at all means PERMISSIVE. Policies with a selector in the
 * root namespace are ignored by Istio. Inside one scope Istio takes the oldest policy; a repository has no
 * creation times, so the first one read is taken.
 */
export function effectiveMtls(
  model: ClusterModel,
  namespace: string,
  podLabels: Record<string, string>,
  port?: number,
): EffectiveMtls {
  const root = effectiveRootNamespace(model).value;
  const policies = policiesByNamespace(model.peerAuthentications);
  const mesh = policies.get(root)?.namespaceWide;
  const inNamespace = namespace === root ? undefined : policies.get(namespace);
  const workload = inNamespace?.withSelector.find((p) => selects(p, podLabels));
  const namespaceWide = inNamespace?.namespaceWide;

  let result: EffectiveMtls = { ...fact<MtlsMode>('PERMISSIVE', NO_ORIGIN, true), scope: 'default' };
  const scopes: [EffectiveMtls['scope'], PeerAuthentication | undefined][] = [
    ['mesh', mesh],
    ['namespace', namespaceWide],
    ['workload', workload],
  ];
  for (const [scope, policy] of scopes) {
    const mode = policy && setMode(policy);
    if (policy && mode)
      result = {
        value: mode,
        origin: policy.mtlsMode!.origin,
        scope,
        policy: resourceId(policy),
      };
  }
  const portMode = workload && port !== undefined ? workload.portLevelMtls[String(port)] : undefined;
  // As written: the CRD's enum is case-sensitive, and UNSET (or an unknown mode) inherits the workload's.
  if (workload && portMode && MODES.includes(portMode)) {
    const line = workload.document.lineAt(['spec', 'portLevelMtls', String(port)]) ?? workload.origin.line;
    result = {
      value: portMode as MtlsMode,
      origin: { file: workload.origin.file, line, path: `spec.portLevelMtls.${port}` },
      scope: 'port',
      policy: resourceId(workload),
    };
  }
  return result;
}

/** The ActiveGate container's HTTPS port, the one OneAgents connect to (portLevelMtls keys are container ports). */
export const ACTIVEGATE_PORT = 9999;

/**
 * The STRICT mTLS that makes an ActiveGate pod refuse clients outside the mesh (host-network OneAgents): the pod
 * is in the mesh (sidecar or ambient) and its HTTPS port resolves to STRICT. Undefined when such clients get in.
 * The one decision for the rule, the generated PeerAuthentication and the egress map, so they never disagree.
 */
export function activeGateStrictMtls(model: ClusterModel, pod: PodShape): EffectiveMtls | undefined {
  if (!podMeshMembership(model, pod)) return undefined;
  const mtls = effectiveMtls(model, pod.namespace, pod.labels, ACTIVEGATE_PORT);
  return mtls.value === 'STRICT' ? mtls : undefined;
}
