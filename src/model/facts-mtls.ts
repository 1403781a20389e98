import { effectiveRootNamespace } from './effective.js';
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

function hasSelector(policy: PeerAuthentication): boolean {
  return !!policy.selector && Object.keys(policy.selector).length > 0;
}

function selects(policy: PeerAuthentication, labels: Record<string, string>): boolean {
  return Object.entries(policy.selector ?? {}).every(([key, value]) => labels[key] === value);
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
  const policies = model.peerAuthentications;
  const mesh = policies.find((p) => p.namespace === root && !hasSelector(p));
  const namespaceWide =
    namespace === root ? undefined : policies.find((p) => p.namespace === namespace && !hasSelector(p));
  const workload =
    namespace === root
      ? undefined
      : policies.find((p) => p.namespace === namespace && hasSelector(p) && selects(p, podLabels));

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
  if (workload && portMode && MODES.includes(portMode.toUpperCase())) {
    const line = workload.document.lineAt(['spec', 'portLevelMtls', String(port)]) ?? workload.origin.line;
    result = {
      value: portMode.toUpperCase() as MtlsMode,
      origin: { file: workload.origin.file, line, path: `spec.portLevelMtls.${port}` },
      scope: 'port',
      policy: resourceId(workload),
    };
  }
  return result;
}
