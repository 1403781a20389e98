import { BlockList, isIP } from 'node:net';
import type { ClusterModel } from '../model/types.js';
import { hostMatches } from '../rules/hosts.js';
import { exportedToNamespace, operatorEntries, viewOfEntry } from '../rules/service-entry-views.js';
import { registryHosts } from './registries.js';
import { rejectedByIstio } from './validate-service-entry.js';

/**
 * One decision, shared by the `registry-egress` rule, the generated registry ServiceEntries and the egress map:
 * which hosts a pull from a registry contacts, and which of them the ServiceEntries visible in a namespace
 * leave undeclared.
 */

/** A host (or an IP / CIDR from `addresses`) and a port some ServiceEntry declares, or one the generator made. */
export interface CoveredHost {
  host: string;
  port: number;
}

/** A host and port a pull contacts. */
export interface RegistryNeed {
  host: string;
  port: number;
  /** A wildcard blob store, declared with `resolution: NONE`. */
  wildcard: boolean;
  /** Contacted by some pullers only: listed in a generated entry, but its absence does not block the pull. */
  optional: boolean;
}

/**
 * The CSI provisioner (and the operator reading manifests) pull with go-containerregistry, which talks to Docker
 * Hub as `index.docker.io`. The guide's entry (index.docker.io, auth.docker.io, production.cloudflare.docker.com)
 * therefore works without `registry-1.docker.io`, which containerd uses; a generated entry still lists it.
 */
const OPTIONAL_HOSTS = ['registry-1.docker.io'];

/** Blob hosts are always fetched over 443, whatever port the registry API uses. */
const BLOB_PORT = 443;

/** The hosts a pull from `registry` on each of `ports` contacts: the registry on its ports, blob hosts on 443. */
export function registryNeeds(registry: string, ports: readonly number[]): RegistryNeed[] {
  const wanted = registryHosts(registry, ports[0] ?? BLOB_PORT);
  const needs: RegistryNeed[] = [];
  for (const host of wanted.hosts) {
    const optional = OPTIONAL_HOSTS.includes(host);
    for (const port of host === registry ? ports : [BLOB_PORT])
      needs.push({ host, port, wildcard: false, optional });
  }
  for (const host of wanted.wildcardHosts)
    needs.push({ host, port: BLOB_PORT, wildcard: true, optional: false });
  return needs;
}

/**
 * Hosts and ports declared to `namespace`: the repository's ServiceEntries exported there, except those Istio's
 * validation rejects (the API server refuses them, so they declare nothing), plus the API-host entry the operator
 * creates with `enableIstio`. IPs and CIDRs of `addresses` count as declared hosts too.
 */
export function coverageIn(model: ClusterModel, namespace: string): CoveredHost[] {
  const views = [
    ...model.serviceEntries.filter((entry) => !rejectedByIstio(entry)).map(viewOfEntry),
    ...operatorEntries(model),
  ];
  return views
    .filter((view) => exportedToNamespace(model, view, namespace))
    .flatMap((view) => {
      const declared = [...view.hosts, ...(view.entry?.addresses ?? [])];
      return declared.flatMap((host) => view.ports.map((port) => ({ host, port: port.number })));
    });
}

/** Whether an IP lies in an address or CIDR of `addresses`. */
function addressContains(address: string, ip: string): boolean {
  const [base, prefix] = address.split('/');
  const family = isIP(base);
  if (family === 0 || family !== isIP(ip)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  const list = new BlockList();
  try {
    list.addSubnet(base, bits, type);
  } catch {
    return false;
  }
  return list.check(ip, type);
}

/** Whether `covered` declares `host` on `port`: a host by name or `*.` wildcard, an IP by `addresses`. */
export function isCovered(covered: readonly CoveredHost[], host: string, port: number): boolean {
  const ip = isIP(host) !== 0;
  return covered.some(
    (entry) =>
      entry.port === port && (ip ? addressContains(entry.host, host) : hostMatches(entry.host, host)),
  );
}

/** What a pull from `registry` on `ports` leaves undeclared. */
export interface UncoveredPull {
  /** Needed hosts no entry declares: when empty, the pull goes through. */
  missing: RegistryNeed[];
  /** What a generated entry should declare: the missing hosts and the undeclared optional ones; empty when nothing is missing. */
  toDeclare: RegistryNeed[];
}

export function uncoveredPull(
  registry: string,
  ports: readonly number[],
  covered: readonly CoveredHost[],
): UncoveredPull {
  const undeclared = registryNeeds(registry, ports).filter(
    (need) => !isCovered(covered, need.host, need.port),
  );
  const missing = undeclared.filter((need) => !need.optional);
  return { missing, toDeclare: missing.length > 0 ? undeclared : [] };
}
