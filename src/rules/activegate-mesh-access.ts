import { hasActiveGate } from '../generate/dynatrace-entries.js';
import { activeGatePeerAuthentication } from '../generate/peer-authentication.js';
import { activeGatePod, podMeshMembership, type PodMeshMembership } from '../model/facts-dataplane.js';
import { activeGateStrictMtls } from '../model/facts-mtls.js';
import { resourceId, type ClusterModel, type DynaKube, type OneAgentMode } from '../model/types.js';
import { originAt } from '../model/resource.js';
import { setValueEdit } from './edits.js';
import { newFileEdit, renderManifests } from './new-file.js';
import { docsUrl, type Fix, type FindingDraft, type Rule } from './types.js';

const id = 'activegate-mesh-access';

/** OneAgent modes whose agent pods use the host network: Istio never puts those pods in the mesh. */
const HOST_NETWORK_MODES: readonly OneAgentMode[] = [
  'classicFullStack',
  'cloudNativeFullStack',
  'hostMonitoring',
];
/** Labels that put the ActiveGate into the mesh, as the guide shows them under `spec.activeGate.labels`. */
const MESH_LABELS: Record<string, string> = {
  'sidecar.istio.io/inject': 'true',
  'istio.io/dataplane-mode': 'ambient',
};
function hostNetworkModes(dynakube: DynaKube): OneAgentMode[] {
  return dynakube.modes.map((mode) => mode.value).filter((mode) => HOST_NETWORK_MODES.includes(mode));
}

/**
 * DynaKubes whose host-network OneAgents route through this ActiveGate: its own, and those in the same network
 * zone (OneAgents connect to the ActiveGates of their zone).
 */
function routedOneAgents(model: ClusterModel, activeGateOwner: DynaKube): DynaKube[] {
  const zone = activeGateOwner.networkZone?.value;
  return model.dynakubes.filter(
    (dynakube) =>
      hostNetworkModes(dynakube).length > 0 &&
      (dynakube === activeGateOwner || (zone !== undefined && dynakube.networkZone?.value === zone)),
  );
}

function peerAuthenticationFix(model: ClusterModel, dynakube: DynaKube, namespace: string): Fix {
  const object = activeGatePeerAuthentication(namespace);
  const edit = newFileEdit(
    model,
    dynakube.origin.file,
    'activegate-peer-authentication.yaml',
    renderManifests([object]),
  );
  return {
    description:
      `Create ${edit.file} (a new file) with a PeerAuthentication that accepts plain TLS (PERMISSIVE) on the ` +
      `ActiveGate pods in namespace ${namespace}, so OneAgents outside the mesh can reach it. Traffic to the ` +
      'ActiveGate stays encrypted by HTTPS.',
    edits: [edit],
  };
}

/** STRICT mTLS on an ActiveGate in the mesh shuts out the host-network OneAgents that route through it. */
function strictMtlsFinding(
  model: ClusterModel,
  dynakube: DynaKube,
  membership: PodMeshMembership,
): FindingDraft | undefined {
  const capabilities = dynakube.activeGate!.capabilities.value;
  if (!capabilities.includes('routing')) return undefined;
  const agents = routedOneAgents(model, dynakube);
  if (agents.length === 0) return undefined;
  const pod = activeGatePod(model, dynakube)!;
  const mtls = activeGateStrictMtls(model, pod);
  if (!mtls) return undefined;
  const who = agents.map((agent) => `${agent.name} (${hostNetworkModes(agent).join(', ')})`).join(', ');
  return {
    message:
      `The ActiveGate of DynaKube ${dynakube.name} is in the mesh (${membership.mode}: ${membership.reason}) and ` +
      `${mtls.policy} makes its mTLS STRICT (${mtls.origin.file}:${mtls.origin.line}). OneAgents of ${who} run on ` +
      'the host network, can never be in the mesh, and cannot connect to it; they fall back to connecting to ' +
      'Dynatrace directly.',
    origin: dynakube.activeGate!.origin,
    resource: resourceId(dynakube),
    field: 'spec.activeGate|mtls',
    fix: peerAuthenticationFix(model, dynakube, pod.namespace),
  };
}

/** The guide labels the ActiveGate into the mesh together with `enableIstio: true`. */
function enableIstioFinding(model: ClusterModel, dynakube: DynaKube): FindingDraft | undefined {
  if (dynakube.enableIstio.value) return undefined;
  const label = Object.entries(MESH_LABELS).find(
    ([key, value]) => dynakube.activeGate?.labels[key]?.toLowerCase() === value,
  );
  if (!label) return undefined;
  const labelPath = ['spec', 'activeGate', 'labels', label[0]];
  const edit = setValueEdit(model, dynakube.document, ['spec', 'enableIstio'], 'true');
  return {
    message:
      `The ActiveGate of DynaKube ${dynakube.name} is labelled into the mesh (${label[0]}: "${label[1]}") while ` +
      'enableIstio is off: without the ServiceEntries and VirtualServices the operator creates, the ActiveGate ' +
      'cannot reach the Dynatrace environment under a REGISTRY_ONLY outbound policy.',
    origin: originAt(dynakube, labelPath, dynakube.activeGate!.origin),
    resource: resourceId(dynakube),
    field: 'spec.activeGate.labels|enableIstio',
    ...(edit
      ? {
          fix: {
            description:
              'Set `enableIstio: true`, as the guide does for an ActiveGate inside the mesh (the DynaKube must then be deleted and reapplied).',
            edits: [edit],
          },
        }
      : {}),
  };
}

export const activeGateMeshAccess: Rule = {
  meta: {
    id,
    severity: 'warning',
    description:
      'An ActiveGate inside the mesh must stay reachable for OneAgents outside it, and needs `enableIstio: true`.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      // The operator runs the ActiveGate for a capability or for extensions; its labels are in `spec.activeGate`.
      if (!dynakube.activeGate || !hasActiveGate(dynakube)) continue;
      const membership = podMeshMembership(head, activeGatePod(head, dynakube)!);
      if (!membership) continue;
      const strict = strictMtlsFinding(head, dynakube, membership);
      if (strict) findings.push(strict);
      const labelled = enableIstioFinding(head, dynakube);
      if (labelled) findings.push(labelled);
    }
    return findings;
  },
};
