import type { Fact, NotEvaluable, Origin } from '../model/provenance.js';
import type { DynaKube, ServiceEntry } from '../model/types.js';
import { isPlaceholder } from './communication-host.js';
import { GENERATOR_NAME, NETWORKING_API_VERSION, type IstioObject } from './objects.js';
import { registryHosts, registryOfImage } from './registries.js';

/** Dynatrace's public registry, used with `feature.dynatrace.com/use-public-registry`. */
const DYNATRACE_PUBLIC_REGISTRY = 'public.ecr.aws';
const USE_PUBLIC_REGISTRY_FLAG = 'feature.dynatrace.com/use-public-registry';

/** A host and port some ServiceEntry already declares (or one the generator already made). */
export interface CoveredHost {
  host: string;
  port: number;
}

interface ImageUse {
  image: string;
  field: string;
  fact?: Fact<string>;
}

/** Images pulled by something in the operator's namespace: the operator reads their manifests, the CSI provisioner pulls code modules. */
function imagesOf(dynakube: DynaKube): ImageUse[] {
  const uses: ImageUse[] = [];
  const add = (field: string, fact: Fact<string> | undefined) => {
    if (fact) uses.push({ image: fact.value, field, fact });
  };
  add('codeModulesImage', dynakube.codeModulesImage);
  add('OneAgent image', dynakube.oneAgentImage);
  add('activeGate.image', dynakube.activeGate?.image);
  const override = dynakube.publicRegistryOverride;
  if (override) {
    // The override names a registry (optionally with a path), not an image: give it an image name to parse.
    uses.push({
      image: `${override.value.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/image`,
      field: 'publicRegistryOverride',
      fact: override,
    });
  } else if (dynakube.annotations[USE_PUBLIC_REGISTRY_FLAG] === 'true') {
    uses.push({ image: `${DYNATRACE_PUBLIC_REGISTRY}/dynatrace/image`, field: USE_PUBLIC_REGISTRY_FLAG });
  }
  return uses;
}

function matchesHost(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  return pattern.startsWith('*.') && !host.startsWith('*') && host.endsWith(pattern.slice(1));
}

export function coveredByServiceEntries(entries: readonly ServiceEntry[]): CoveredHost[] {
  return entries.flatMap((entry) =>
    entry.hosts.value.flatMap((host) => entry.ports.map((port) => ({ host, port: port.number }))),
  );
}

function isCovered(host: string, port: number, covered: readonly CoveredHost[]): boolean {
  return covered.some((entry) => entry.port === port && matchesHost(entry.host, host));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function registryEntry(
  name: string,
  namespace: string,
  hosts: string[],
  port: number,
  resolution: 'DNS' | 'NONE',
): IstioObject {
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: 'ServiceEntry',
    metadata: {
      name,
      namespace,
      labels: { 'app.kubernetes.io/created-by': GENERATOR_NAME, 'app.kubernetes.io/component': 'registry' },
    },
    spec: {
      hosts,
      ports: [{ name: `https-${port}`, number: port, protocol: 'HTTPS' }],
      location: 'MESH_EXTERNAL',
      resolution,
    },
  };
}

/** Keeps names within 63 characters and valid: longer registry names are cut at a dash boundary. */
function entryName(registry: string, suffix = ''): string {
  const base = `dynatrace-registry-${slug(registry)}`.slice(0, 63 - suffix.length).replace(/-+$/, '');
  return `${base}${suffix}`;
}

/**
 * One ServiceEntry per registry per namespace, with the blob hosts that registry redirects to, minus the hosts
 * ServiceEntries in the repository (or generated ones) already cover. Wildcard blob hosts go to a second entry
 * with `resolution: NONE`, the only resolution Istio accepts for a wildcard without endpoints.
 */
export function registryEntries(
  dynakubes: readonly { dynakube: DynaKube; namespace: string }[],
  covered: readonly CoveredHost[],
): { objects: { object: IstioObject; origin: Origin }[]; notes: NotEvaluable[] } {
  const objects: { object: IstioObject; origin: Origin }[] = [];
  const notes: NotEvaluable[] = [];
  const done = new Set<string>();
  for (const { dynakube, namespace } of dynakubes) {
    for (const use of imagesOf(dynakube)) {
      const origin = use.fact?.origin ?? dynakube.origin;
      const skip = (reason: string) => notes.push({ file: origin.file, line: origin.line, reason });
      if (isPlaceholder(use.image)) {
        skip(
          `registry ServiceEntry for ${use.field} of DynaKube ${dynakube.name} not generated: "${use.image}" is a placeholder`,
        );
        continue;
      }
      const parsed = registryOfImage(use.image);
      if (!parsed) {
        skip(
          `registry ServiceEntry for ${use.field} of DynaKube ${dynakube.name} not generated: "${use.image}" is not an image reference`,
        );
        continue;
      }
      const push = (object: IstioObject) => objects.push({ object, origin });
      const key = `${namespace}|${parsed.registry}|${parsed.port}`;
      if (done.has(key)) continue;
      done.add(key);
      const wanted = registryHosts(parsed.registry, parsed.port);
      // Blob hosts are always fetched over 443, whatever port the registry API uses.
      const hosts = wanted.hosts.filter(
        (host) => !isCovered(host, host === parsed.registry ? parsed.port : 443, covered),
      );
      const apiHosts = hosts.filter((host) => host === parsed.registry);
      const otherHosts = hosts.filter((host) => host !== parsed.registry);
      if (parsed.port !== 443 && apiHosts.length > 0) {
        push(registryEntry(entryName(parsed.registry), namespace, apiHosts, parsed.port, 'DNS'));
        if (otherHosts.length > 0)
          push(registryEntry(entryName(parsed.registry, '-blobs'), namespace, otherHosts, 443, 'DNS'));
      } else if (hosts.length > 0) {
        push(registryEntry(entryName(parsed.registry), namespace, hosts, 443, 'DNS'));
      }
      const wildcards = wanted.wildcardHosts.filter((host) => !isCovered(host, 443, covered));
      if (wildcards.length > 0)
        push(registryEntry(entryName(parsed.registry, '-wildcard'), namespace, wildcards, 443, 'NONE'));
      if (wanted.caveat && wildcards.length > 0)
        skip(`registry ServiceEntry ${entryName(parsed.registry, '-wildcard')}: ${wanted.caveat}`);
    }
  }
  return { objects, notes };
}
