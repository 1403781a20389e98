import { activeGatePod } from '../model/facts-dataplane.js';
import { activeGateStrictMtls } from '../model/facts-mtls.js';
import type { ClusterModel, DynaKube } from '../model/types.js';
import { SECURITY_API_VERSION, type IstioObject } from './objects.js';

/** The labels the operator puts on ActiveGate pods that select them whatever the DynaKube. */
export const ACTIVEGATE_POD_LABELS = {
  'app.kubernetes.io/name': 'activegate',
  'app.kubernetes.io/managed-by': 'dynatrace-operator',
} as const;

export const ACTIVEGATE_PEER_AUTHENTICATION_NAME = 'dynatrace-activegate-permissive';

/**
 * PERMISSIVE mTLS for the ActiveGate pods: OneAgents on the host network are outside the mesh and speak plain
 * TLS to the ActiveGate, which a STRICT policy would refuse.
 */
export function activeGatePeerAuthentication(namespace: string): IstioObject {
  return {
    apiVersion: SECURITY_API_VERSION,
    kind: 'PeerAuthentication',
    metadata: { name: ACTIVEGATE_PEER_AUTHENTICATION_NAME, namespace },
    spec: { selector: { matchLabels: { ...ACTIVEGATE_POD_LABELS } }, mtls: { mode: 'PERMISSIVE' } },
  };
}

/**
 * The ActiveGate pods of this DynaKube, placed in `namespace`, are in the mesh (sidecar or ambient) and Istio's
 * PeerAuthentication resolution makes their HTTPS port STRICT, so OneAgents outside the mesh are refused. An
 * existing PERMISSIVE policy selecting the pods (workload or port level) already answers this.
 */
export function activeGateNeedsPermissive(
  model: ClusterModel,
  dynakube: DynaKube,
  namespace: string,
): boolean {
  const pod = activeGatePod(model, dynakube);
  if (!pod) return false;
  return activeGateStrictMtls(model, { ...pod, namespace }) !== undefined;
}
