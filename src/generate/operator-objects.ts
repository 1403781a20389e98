import type { CommunicationHost } from './communication-host.js';
import { NETWORKING_API_VERSION, singleAddress, type IstioObject } from './objects.js';

/** The operator's component names (`OperatorComponent`, `CodeModuleComponent`, `ActiveGateComponent`). */
export type OperatorComponent = 'operator' | 'oneagent' | 'activegate';

export interface Owner {
  name: string;
  namespace: string;
}

const IGNORED_SUBDOMAIN = 'ignored.subdomain';
const PROTOCOL_TCP = 'TCP';

export function fqdnName(owner: Owner, component: OperatorComponent): string {
  return `${owner.name}-fqdn-${component}`;
}

export function ipName(owner: Owner, component: OperatorComponent): string {
  return `${owner.name}-ip-${component}`;
}

const OPERATOR_COMPONENTS: readonly OperatorComponent[] = ['operator', 'oneagent', 'activegate'];

/** Whether `name` is one the operator gives its objects for a DynaKube named `dynakube` (`<dk>-fqdn-…`, `<dk>-ip-…`). */
export function isOperatorObjectName(dynakube: string, name: string): boolean {
  const owner = { name: dynakube, namespace: '' };
  return OPERATOR_COMPONENTS.some(
    (component) => name === fqdnName(owner, component) || name === ipName(owner, component),
  );
}

/**
 * The operator's core labels. It also sets `app.kubernetes.io/version` (its own version), a template-hash
 * annotation and an owner reference to the DynaKube: those only make sense on objects the operator itself
 * created, so they are left out of objects a person applies.
 */
function labels(owner: Owner, component: OperatorComponent): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'dynatrace-operator',
    'app.kubernetes.io/created-by': owner.name,
    'app.kubernetes.io/component': component,
  };
}

function metadata(name: string, owner: Owner, component: OperatorComponent): IstioObject['metadata'] {
  return { name, namespace: owner.namespace, labels: labels(owner, component) };
}

/** Hosts in first-seen order without repeats: Istio rejects a VirtualService listing a host twice. */
function distinctHosts(hosts: readonly CommunicationHost[]): string[] {
  return [...new Set(hosts.map((host) => host.host))];
}

/** One port per distinct number, the first host with that number decides the protocol (as the operator does). */
function distinctPorts<T>(hosts: readonly CommunicationHost[], toPort: (host: CommunicationHost) => T): T[] {
  const seen = new Set<number>();
  const ports: T[] = [];
  for (const host of hosts) {
    if (seen.has(host.port)) continue;
    seen.add(host.port);
    ports.push(toPort(host));
  }
  return ports;
}

/** `<dk>-fqdn-<component>`: DNS-resolved, one `<protocol>-<port>` port per distinct number. */
export function buildFqdnServiceEntry(
  owner: Owner,
  component: OperatorComponent,
  hosts: readonly CommunicationHost[],
): IstioObject {
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: 'ServiceEntry',
    metadata: metadata(fqdnName(owner, component), owner, component),
    spec: {
      hosts: distinctHosts(hosts),
      ports: distinctPorts(hosts, (host) => ({
        name: `${host.protocol}-${host.port}`,
        number: host.port,
        protocol: host.protocol.toUpperCase(),
      })),
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    },
  };
}

/** `<dk>-ip-<component>`: the placeholder host `ignored.subdomain`, one-address CIDRs, TCP ports, no resolution. */
export function buildIpServiceEntry(
  owner: Owner,
  component: OperatorComponent,
  hosts: readonly CommunicationHost[],
): IstioObject {
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: 'ServiceEntry',
    metadata: metadata(ipName(owner, component), owner, component),
    spec: {
      hosts: [IGNORED_SUBDOMAIN],
      addresses: [...new Set(hosts.map((host) => singleAddress(host.host)))],
      ports: distinctPorts(hosts, (host) => ({
        name: `${PROTOCOL_TCP}-${host.port}`,
        number: host.port,
        protocol: PROTOCOL_TCP,
      })),
      location: 'MESH_EXTERNAL',
      resolution: 'NONE',
    },
  };
}

function destination(host: CommunicationHost) {
  return { destination: { host: host.host, port: { number: host.port } } };
}

/** Same name as the FQDN ServiceEntry: a TLS route (by SNI) per https host, an HTTP route per http host. */
export function buildVirtualService(
  owner: Owner,
  component: OperatorComponent,
  hosts: readonly CommunicationHost[],
): IstioObject {
  const tls = hosts
    .filter((host) => host.protocol === 'https')
    .map((host) => ({ match: [{ sniHosts: [host.host], port: host.port }], route: [destination(host)] }));
  const http = hosts
    .filter((host) => host.protocol === 'http')
    .map((host) => ({ match: [{ port: host.port }], route: [destination(host)] }));
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: 'VirtualService',
    metadata: metadata(fqdnName(owner, component), owner, component),
    spec: {
      hosts: distinctHosts(hosts),
      ...(tls.length > 0 ? { tls } : {}),
      ...(http.length > 0 ? { http } : {}),
    },
  };
}
