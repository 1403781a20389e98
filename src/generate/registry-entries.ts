import { isIP } from 'node:net';
import type { Fact, NotEvaluable, Origin } from '../model/provenance.js';
import type { ClusterModel, DynaKube } from '../model/types.js';
import { isPlaceholder } from '../model/placeholders.js';
import { GENERATOR_NAME, NETWORKING_API_VERSION, singleAddress, type IstioObject } from './objects.js';
import { registryHosts, registryOfImage } from './registries.js';
import { uncoveredPull, type CoveredHost, type RegistryNeed } from './registry-coverage.js';
import { validateServiceEntrySpec } from './validate-service-entry.js';
import type { CodeModulesPull } from '../rules/code-modules-pull.js';

export type { CoveredHost } from './registry-coverage.js';

/** The annotation that says which component pulls from the registry, and of which DynaKube. */
export const PULLED_BY_ANNOTATION = `${GENERATOR_NAME}/pulled-by`;

/** A DynaKube's code modules pull that the CSI driver makes itself (`codeModulesPull`), and where its entry goes. */
export interface RegistryPull {
  dynakube: DynaKube;
  pull: CodeModulesPull;
  namespace: string;
}

interface ImageUse {
  image: string;
  field: string;
  fact: Fact<string>;
  /** Who pulls it from inside the mesh, for the entry's `pulled-by` annotation. */
  pulledBy: string;
}

/**
 * The image of a pull the CSI provisioner makes (`getInstaller` in pkg/controllers/csi/provisioner/install.go pulls
 * `status.codeModules.imageID`: the custom image, or the public registry's image the operator learnt from the
 * Dynatrace API). The caller passes only such pulls: the only registry traffic from inside the mesh.
 *
 * No entry for the OneAgent image (`oneAgent.*.image`) or `activeGate.image`: the kubelet pulls them for the
 * DaemonSet and StatefulSet, outside the mesh, and no pod in the mesh reads them. Since v1.0 the operator takes a
 * custom image reference as the version status unverified (`setImageIDToCustomImage`, version/updater.go), and the
 * public registry's versions come from the Dynatrace API (v1.10: `/v2/fleetManagement/components/containerImages`;
 * v1.0–v1.8: `/v1/deployment/image/.../latest`), i.e. the apiUrl host. Before v1.0 the operator read image
 * manifests itself (`registry.GetImageVersion`), but from the operator's pod, whose namespace must stay out of the
 * mesh (operator-namespace-injection).
 */
function imageOf({ dynakube, pull }: RegistryPull): ImageUse {
  const csiPull = (what: string) => `the CSI driver pulls ${what} of DynaKube ${dynakube.name}`;
  if (pull.source === 'codeModulesImage')
    return {
      image: pull.image.value,
      field: 'codeModulesImage',
      fact: pull.image,
      pulledBy: csiPull('codeModulesImage'),
    };
  const override = !!dynakube.publicRegistryOverride;
  return {
    image: pull.image.value,
    field: override ? 'publicRegistryOverride' : 'the public-registry feature flag',
    fact: pull.image,
    pulledBy: csiPull(
      override
        ? 'the code modules image from publicRegistryOverride'
        : "the code modules image from Dynatrace's public registry",
    ),
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function registryMetadata(name: string, namespace: string): IstioObject['metadata'] {
  return {
    name,
    namespace,
    labels: { 'app.kubernetes.io/created-by': GENERATOR_NAME, 'app.kubernetes.io/component': 'registry' },
  };
}

function describedBy(object: IstioObject, pulledBy: readonly string[]): IstioObject {
  object.metadata.annotations = { [PULLED_BY_ANNOTATION]: pulledBy.join('; ') };
  return object;
}

function dnsEntry(
  name: string,
  namespace: string,
  hosts: string[],
  ports: readonly number[],
  resolution: 'DNS' | 'NONE',
): IstioObject {
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: 'ServiceEntry',
    metadata: registryMetadata(name, namespace),
    spec: {
      hosts,
      ports: ports.map((port) => ({ name: `https-${port}`, number: port, protocol: 'HTTPS' })),
      location: 'MESH_EXTERNAL',
      resolution,
    },
  };
}

/**
 * A registry given by IP: Istio rejects an IP in `hosts`, so the IP goes to `addresses` under a name that never
 * resolves (`.invalid`, RFC 6761) and the ports are TCP with `resolution: NONE`, the shape the operator uses for
 * IP communication endpoints. The sidecar then matches the traffic by destination address and port, which works
 * without SNI (clients send none to an IP) and for plain-HTTP registries alike.
 */
function ipEntry(name: string, namespace: string, ip: string, ports: readonly number[]): IstioObject {
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: 'ServiceEntry',
    metadata: registryMetadata(name, namespace),
    spec: {
      hosts: [`ip-${slug(ip)}.registry.invalid`],
      addresses: [singleAddress(ip)],
      ports: ports.map((port) => ({ name: `tcp-${port}`, number: port, protocol: 'TCP' })),
      location: 'MESH_EXTERNAL',
      resolution: 'NONE',
    },
  };
}

/** Keeps names within 63 characters and valid: longer registry names are cut at a dash boundary. */
function entryName(registry: string, suffix = ''): string {
  const base = `dynatrace-registry-${slug(registry)}`.slice(0, 63 - suffix.length).replace(/-+$/, '');
  return `${base}${suffix}`;
}

/** Hosts grouped by the ports they need, in first-seen order: each group is one entry. */
function byPorts(needs: readonly RegistryNeed[]): { hosts: string[]; ports: number[] }[] {
  const portsOf = new Map<string, number[]>();
  for (const need of needs) portsOf.set(need.host, [...(portsOf.get(need.host) ?? []), need.port]);
  const groups = new Map<string, { hosts: string[]; ports: number[] }>();
  for (const [host, ports] of portsOf) {
    const sorted = [...new Set(ports)].sort((a, b) => a - b);
    const key = sorted.join(',');
    const group = groups.get(key) ?? { hosts: [], ports: sorted };
    group.hosts.push(host);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The entries that declare `needs` for one registry in one namespace. */
function entriesFor(registry: string, namespace: string, needs: readonly RegistryNeed[]): IstioObject[] {
  if (needs.length === 0) return [];
  if (isIP(registry) !== 0) {
    const ports = [...new Set(needs.map((need) => need.port))].sort((a, b) => a - b);
    return [ipEntry(entryName(registry), namespace, registry, ports)];
  }
  const objects = byPorts(needs.filter((need) => !need.wildcard)).map((group, index) =>
    dnsEntry(
      entryName(registry, index === 0 ? '' : index === 1 ? '-blobs' : `-blobs-${index}`),
      namespace,
      group.hosts,
      group.ports,
      'DNS',
    ),
  );
  const wildcards = [...new Set(needs.filter((need) => need.wildcard).map((need) => need.host))];
  // `NONE` is the only resolution Istio accepts for a wildcard without endpoints.
  if (wildcards.length > 0)
    objects.push(dnsEntry(entryName(registry, '-wildcard'), namespace, wildcards, [443], 'NONE'));
  return objects;
}

/**
 * `name`, or `name-2`, `name-3`… when a ServiceEntry of that name already exists in the namespace (`namespace/name`
 * in `taken`): applying a second object of the same name would replace the first. Marks the result as taken.
 */
function unusedName(name: string, namespace: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(`${namespace}/${candidate}`); n += 1) {
    const suffix = `-${n}`;
    candidate = `${name.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(`${namespace}/${candidate}`);
  return candidate;
}

/** `namespace/name` of the repository's ServiceEntries (an entry without a namespace lands in `default`). */
export function serviceEntryNamesIn(model: ClusterModel): string[] {
  return model.serviceEntries.map((entry) => `${entry.namespace ?? 'default'}/${entry.name}`);
}

/** Images of the DynaKubes grouped by namespace and registry, with every port they use. */
interface RegistryGroup {
  namespace: string;
  registry: string;
  ports: number[];
  origin: Origin;
  pulledBy: string[];
}

/**
 * The registry ServiceEntries the DynaKubes need: one set per registry per namespace, with every port the images
 * use and the blob hosts the registry redirects to, for the hosts the entries visible in that namespace
 * (`coverageFor`) leave undeclared. Nothing for a registry whose pull already goes through. Each entry is checked
 * by Istio's validation first: one it would reject is not offered, a note says so. Names already used by
 * ServiceEntries (`existingNames`, as `namespace/name`) are not reused.
 */
export function registryEntries(
  pulls: readonly RegistryPull[],
  coverageFor: (namespace: string) => readonly CoveredHost[],
  existingNames: Iterable<string> = [],
): { objects: { object: IstioObject; origin: Origin }[]; notes: NotEvaluable[] } {
  const notes: NotEvaluable[] = [];
  const groups = new Map<string, RegistryGroup>();
  for (const registryPull of pulls) {
    const { dynakube, namespace } = registryPull;
    const use = imageOf(registryPull);
    const origin = use.fact.origin;
    const skip = (why: string) =>
      notes.push({
        file: origin.file,
        line: origin.line,
        reason: `registry ServiceEntry for ${use.field} of DynaKube ${dynakube.name} not generated: "${use.image}" ${why}`,
      });
    if (isPlaceholder(use.image)) {
      skip('is a placeholder');
      continue;
    }
    const parsed = registryOfImage(use.image);
    if (!parsed) {
      skip('is not an image reference');
      continue;
    }
    const key = `${namespace}|${parsed.registry}`;
    const group = groups.get(key) ?? {
      namespace,
      registry: parsed.registry,
      ports: [],
      origin,
      pulledBy: [],
    };
    if (!group.ports.includes(parsed.port)) group.ports.push(parsed.port);
    if (!group.pulledBy.includes(use.pulledBy)) group.pulledBy.push(use.pulledBy);
    groups.set(key, group);
  }
  const objects: { object: IstioObject; origin: Origin }[] = [];
  const taken = new Set(existingNames);
  for (const group of groups.values()) {
    const { toDeclare } = uncoveredPull(group.registry, group.ports, coverageFor(group.namespace));
    const note = (reason: string) => notes.push({ file: group.origin.file, line: group.origin.line, reason });
    for (const object of entriesFor(group.registry, group.namespace, toDeclare)) {
      const errors = validateServiceEntrySpec(object.spec).filter((problem) => problem.severity === 'error');
      if (errors.length > 0) {
        note(
          `generated ServiceEntry ${object.metadata.name} is invalid and was dropped: ` +
            errors.map((problem) => `spec.${problem.path.join('.')}: ${problem.message}`).join('; '),
        );
        continue;
      }
      object.metadata.name = unusedName(object.metadata.name, group.namespace, taken);
      objects.push({ object: describedBy(object, group.pulledBy), origin: group.origin });
    }
    const caveat = registryHosts(group.registry, group.ports[0]).caveat;
    if (caveat && toDeclare.some((need) => need.wildcard))
      note(`registry ServiceEntry ${entryName(group.registry, '-wildcard')}: ${caveat}`);
  }
  return { objects, notes };
}
