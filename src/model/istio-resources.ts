import { fact } from './provenance.js';
import { asArray, asNumber, asRecord, asString, getIn, metadataStrings } from './read.js';
import { apiGroup, originAt, originLaterAt } from './resource.js';
import type {
  PeerAuthentication,
  ResourceBase,
  ServiceEntry,
  SidecarResource,
  VirtualService,
} from './types.js';

export function isIstioKind(resource: ResourceBase, kind: string): boolean {
  const group = apiGroup(resource.apiVersion);
  return resource.kind === kind && (group === 'networking.istio.io' || group === 'security.istio.io');
}

function stringList(value: unknown): string[] {
  return asArray(value)
    .map(asString)
    .filter((item): item is string => item !== undefined);
}

export function readPeerAuthentication(resource: ResourceBase): PeerAuthentication {
  const spec = asRecord(getIn(resource.document.value, ['spec']));
  const selector = asRecord(getIn(spec, ['selector', 'matchLabels']));
  const mode = asString(getIn(spec, ['mtls', 'mode']));
  const portLevel: Record<string, string> = {};
  for (const [port, setting] of Object.entries(asRecord(spec?.portLevelMtls) ?? {})) {
    const portMode = asString(asRecord(setting)?.mode);
    if (portMode) portLevel[port] = portMode;
  }
  return {
    ...resource,
    // The CRD types the values `string`: an unquoted `app: true` is not read (`shapeNotes` says to quote it).
    ...(selector ? { selector: metadataStrings(selector) } : {}),
    // Kept as written: the CRD's enum is case-sensitive, so `strict` is no mode (`shapeNotes` says so).
    ...(mode ? { mtlsMode: fact(mode, originLaterAt(resource, ['spec', 'mtls', 'mode'])) } : {}),
    portLevelMtls: portLevel,
  };
}

export function readServiceEntry(resource: ResourceBase): ServiceEntry {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const ports = asArray(spec.ports).flatMap((item) => {
    const port = asRecord(item);
    const number = asNumber(port?.number);
    if (number === undefined) return [];
    const name = asString(port?.name);
    const protocol = asString(port?.protocol);
    return [{ number, ...(name ? { name } : {}), ...(protocol ? { protocol } : {}) }];
  });
  const resolution = asString(spec.resolution);
  const location = asString(spec.location);
  return {
    ...resource,
    hosts: fact(stringList(spec.hosts), originLaterAt(resource, ['spec', 'hosts'])),
    ports,
    ...(resolution ? { resolution } : {}),
    ...(location ? { location } : {}),
    ...(spec.exportTo !== undefined ? { exportTo: stringList(spec.exportTo) } : {}),
    ...(spec.addresses !== undefined ? { addresses: stringList(spec.addresses) } : {}),
    endpoints: asArray(spec.endpoints),
  };
}

export function readVirtualService(resource: ResourceBase): VirtualService {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  return {
    ...resource,
    hosts: stringList(spec.hosts),
    ...(spec.exportTo !== undefined ? { exportTo: stringList(spec.exportTo) } : {}),
    ...(spec.gateways !== undefined ? { gateways: stringList(spec.gateways) } : {}),
  };
}

/**
 * Whether a VirtualService routes the sidecars' traffic: its `gateways` are omitted (or empty) or name the reserved
 * `mesh`. Bound only to gateways (an ingress or egress gateway), it applies to those gateways alone ("The reserved
 * word mesh is used to imply all the sidecars in the mesh. When this field is omitted, the default gateway (mesh)
 * will be used", istio/api networking/v1alpha3/virtual_service.proto `VirtualService.gateways`).
 */
export function routesSidecars(gateways: readonly string[] | undefined): boolean {
  return !gateways || gateways.length === 0 || gateways.includes('mesh');
}

export function readSidecar(resource: ResourceBase): SidecarResource {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const selector = asRecord(getIn(spec, ['workloadSelector', 'labels']));
  const emptySelector =
    asRecord(spec.workloadSelector) !== undefined && Object.keys(selector ?? {}).length === 0;
  const policy = asRecord(spec.outboundTrafficPolicy);
  // A present `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY: it is the protobuf enum's zero value. A mode is
  // kept as written: the CRD's enum is case-sensitive, so `registry_only` restricts nothing (`shapeNotes` says so).
  const mode = policy ? (asString(policy.mode) ?? 'REGISTRY_ONLY') : undefined;
  const modePath =
    policy?.mode !== undefined
      ? ['spec', 'outboundTrafficPolicy', 'mode']
      : ['spec', 'outboundTrafficPolicy'];
  return {
    ...resource,
    // The CRD types the values `string`: an unquoted `app: true` is not read (`shapeNotes` says to quote it).
    ...(selector && !emptySelector ? { workloadSelector: metadataStrings(selector) } : {}),
    ...(emptySelector ? { emptyWorkloadSelector: true } : {}),
    ...(mode ? { outboundPolicy: fact(mode, originAt(resource, modePath)) } : {}),
    egressHosts: asArray(spec.egress).flatMap((item) => stringList(asRecord(item)?.hosts)),
  };
}
