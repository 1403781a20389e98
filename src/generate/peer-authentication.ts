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

function rootNamespace(model: ClusterModel): string {
  return model.meshConfigs.find((mesh) => mesh.rootNamespace)?.rootNamespace?.value ?? 'istio-system';
}

/** STRICT mTLS applies to the namespace: a mesh-wide policy (root namespace, no selector) or a namespace-wide one. */
export function strictMtlsIn(model: ClusterModel, namespace: string): boolean {
  const root = rootNamespace(model);
  return model.peerAuthentications.some(
    (policy) =>
      policy.mtlsMode?.value === 'STRICT' &&
      !policy.selector &&
      (policy.namespace === root || policy.namespace === namespace),
  );
}

/** The ActiveGate gets a sidecar: its namespace is enrolled, or its pod labels ask for injection. */
export function activeGateInMesh(model: ClusterModel, dynakube: DynaKube, namespace: string): boolean {
  const podLabel = dynakube.activeGate?.labels['sidecar.istio.io/inject'];
  if (podLabel === 'false') return false;
  if (podLabel === 'true') return true;
  const labels = model.namespaces.get(namespace)?.labels ?? {};
  return (
    labels['istio-injection'] === 'enabled' ||
    (labels['istio.io/rev'] !== undefined && labels['istio-injection'] !== 'disabled')
  );
}

/** A PERMISSIVE policy for the ActiveGate pods of this DynaKube already exists in the namespace. */
export function hasActiveGatePermissive(model: ClusterModel, dynakube: DynaKube, namespace: string): boolean {
  // Labels the operator sets on ActiveGate pods; a selector using any subset of them selects the pods.
  const podLabels: Record<string, string> = {
    ...ACTIVEGATE_POD_LABELS,
    'app.kubernetes.io/component': 'activegate',
    'app.kubernetes.io/created-by': dynakube.name,
    ...dynakube.activeGate?.labels,
  };
  return model.peerAuthentications.some(
    (policy) =>
      policy.namespace === namespace &&
      policy.mtlsMode?.value === 'PERMISSIVE' &&
      policy.selector !== undefined &&
      Object.entries(policy.selector).every(([key, value]) => podLabels[key] === value),
  );
}
