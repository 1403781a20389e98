import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { NotEvaluable } from '../model/provenance.js';
import { outboundRestriction } from '../model/effective.js';
import type { ClusterModel, DynaKube } from '../model/types.js';
import { writeOutputFile } from '../output-file.js';
import type { GeneratedManifest } from '../report/types.js';
import { codeModulesPull, type CodeModulesPull } from '../rules/code-modules-pull.js';
import { csiDriverMembership } from '../rules/dynatrace-consumers.js';
import { effectiveDefaultExportTo } from '../rules/service-entry-views.js';
import { DynatraceApiClient, type ApiResult } from './dynatrace-api.js';
import {
  declaredByRepository,
  dynatraceEntries,
  hasActiveGate,
  type ConnectionInfoSource,
} from './dynatrace-entries.js';
import type { IstioObject } from './objects.js';
import { activeGateNeedsPermissive, activeGatePeerAuthentication } from './peer-authentication.js';
import { coverageIn, type CoveredHost } from './registry-coverage.js';
import { registryEntries, serviceEntryNamesIn } from './registry-entries.js';

export interface GenerateOptions {
  dynatrace?: { apiUrl?: string; token?: string; timeoutMs?: number };
  /**
   * `needed` (default): only what the repository's mesh calls for — Dynatrace and registry entries under
   * REGISTRY_ONLY (Dynatrace entries only where `enableIstio` is off, else the operator makes them), the
   * ActiveGate PeerAuthentication under STRICT mTLS. `all`: everything, for every DynaKube.
   */
  scope?: 'needed' | 'all';
}

export interface GenerateResult {
  generated: GeneratedManifest[];
  notes: NotEvaluable[];
}

const DEFAULT_NAMESPACE = 'dynatrace';

/** Egress is restricted somewhere: REGISTRY_ONLY mesh-wide or in a Sidecar. */
export function egressRestricted(model: ClusterModel): boolean {
  return (
    model.meshConfigs.some((mesh) => mesh.outboundPolicy?.value.toUpperCase() === 'REGISTRY_ONLY') ||
    model.sidecars.some((sidecar) => sidecar.outboundPolicy?.value === 'REGISTRY_ONLY')
  );
}

/**
 * The Dynatrace entries as the operator writes them, without `exportTo`, and so exported where
 * `meshConfig.defaultServiceExportTo` says. The operator counts on `*` (the guide: its entries "enable
 * communication from inside the mesh"; code modules call from every monitored namespace). Under a default that
 * keeps entries in their own namespace, or hides them (istiod reads only `.` and `*` there), the generated
 * ServiceEntries say `*` themselves: otherwise they would open nothing for the application namespaces. The
 * VirtualServices stay as they are: an HTTPS or HTTP port of a visible ServiceEntry routes the host on its own.
 */
function exportedEverywhere(model: ClusterModel, objects: IstioObject[]): IstioObject[] {
  if (effectiveDefaultExportTo(model).includes('*')) return objects;
  return objects.map((object) =>
    object.kind === 'ServiceEntry' ? { ...object, spec: { ...object.spec, exportTo: ['*'] } } : object,
  );
}

function namespaceOf(model: ClusterModel, dynakube: DynaKube): string {
  return dynakube.namespace ?? model.operatorInstalls[0]?.namespace.value ?? DEFAULT_NAMESPACE;
}

/**
 * One client per tenant and one query per (tenant, network zone), shared by all DynaKubes. Once a server let one
 * request time out it is not asked again in this run: the queries run one after another, so a hung API would
 * otherwise cost a full timeout per DynaKube, zone and component.
 */
function connectionInfoSource(options: GenerateOptions['dynatrace']): ConnectionInfoSource {
  const clients = new Map<string, DynatraceApiClient>();
  const answers = new Map<string, Promise<ApiResult>>();
  const hung = new Set<string>();
  const given = options?.apiUrl
    ? originOf(new DynatraceApiClient({ apiUrl: options.apiUrl, token: '' }).baseUrl)
    : undefined;
  const once = (key: string, client: DynatraceApiClient, query: () => Promise<ApiResult>) => {
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = unlessHung(client, query)));
    return answer;
  };
  const unlessHung = async (client: DynatraceApiClient, query: () => Promise<ApiResult>) => {
    // Per server, not per tenant: Managed tenants share one host (`https://host/e/<id>/api`), and hang together.
    const server = originOf(client.baseUrl)?.origin ?? client.baseUrl;
    if (hung.has(server)) {
      return {
        ok: false as const,
        error: `${client.baseUrl} was not asked: an earlier request of this run got no answer within ${client.timeoutMs} ms`,
      };
    }
    const answer = await query();
    if (!answer.ok && answer.timedOut) hung.add(server);
    return answer;
  };
  return {
    clientFor(apiUrl) {
      if (!options?.token) {
        return {
          unavailable:
            'no Dynatrace API token was given, so the communication endpoints are unknown (CLI: DT_API_TOKEN; action: dynatrace-api-token)',
        };
      }
      // The URL given says which tenant the token is for. One that does not parse must not drop that pin: the token
      // would then go to whatever tenant a DynaKube of the pull request names. The URL itself is not repeated here,
      // as it may hold the token.
      if (options.apiUrl && !given) {
        return {
          unavailable:
            'the Dynatrace API URL given is not a valid URL, so the token is sent nowhere (CLI: --dynatrace-api-url; action: dynatrace-api-url)',
        };
      }
      const client = new DynatraceApiClient({ apiUrl, token: options.token, timeoutMs: options.timeoutMs });
      const own = originOf(client.baseUrl);
      if (given && own && own.origin !== given.origin) {
        return {
          unavailable: `the API token is for ${given.host}, not for this DynaKube's tenant ${own.host}`,
        };
      }
      const known = clients.get(client.baseUrl);
      if (known) return known;
      clients.set(client.baseUrl, client);
      return client;
    },
    oneAgent: (client, networkZone) =>
      once(`oa|${client.baseUrl}|${networkZone ?? ''}`, client, () =>
        client.oneAgentConnectionInfo(networkZone),
      ),
    activeGate: (client) => once(`ag|${client.baseUrl}`, client, () => client.activeGateConnectionInfo()),
  };
}

function originOf(url: string): { origin: string; host: string } | undefined {
  try {
    const { origin, host } = new URL(url);
    return { origin, host };
  } catch {
    return undefined;
  }
}

function render(object: IstioObject): GeneratedManifest {
  const { kind, metadata } = object;
  return {
    kind,
    namespace: metadata.namespace,
    name: metadata.name,
    file: `generated/${metadata.namespace}.yaml`,
    yaml: stringify(object, { lineWidth: 0, indentSeq: false }),
  };
}

/** An object to generate and the line of the repository it is generated for (where a note about it points). */
interface PlannedObject {
  object: IstioObject;
  origin: { file: string; line: number };
}

/** The objects, each validated first: one that Istio would reject is not offered, a note says why. */
async function validated(planned: PlannedObject[], notes: NotEvaluable[]) {
  if (planned.length === 0) return [];
  const { validateIstioObject } = await import('./schema-validate.js');
  const kept: PlannedObject[] = [];
  for (const entry of planned) {
    const { object, origin } = entry;
    const problems = await validateIstioObject(object);
    if (problems.length === 0) kept.push(entry);
    else {
      notes.push({
        ...origin,
        reason: `generated ${object.kind} ${object.metadata.name} is invalid and was dropped: ${problems.join('; ')}`,
      });
    }
  }
  // A VirtualService is generated with the ServiceEntry of the same name (the operator's `<dk>-fqdn-<component>`
  // pair) and routes to that entry's hosts: without the entry it routes to hosts the mesh does not know.
  const droppedEntries = new Set(
    planned
      .filter(
        ({ object }) => object.kind === 'ServiceEntry' && !kept.some((entry) => entry.object === object),
      )
      .map(({ object }) => `${object.metadata.namespace}/${object.metadata.name}`),
  );
  return kept
    .filter(({ object, origin }) => {
      const key = `${object.metadata.namespace}/${object.metadata.name}`;
      if (object.kind !== 'VirtualService' || !droppedEntries.has(key)) return true;
      notes.push({
        ...origin,
        reason: `generated VirtualService ${object.metadata.name} was dropped with its ServiceEntry, whose hosts it routes`,
      });
      return false;
    })
    .map(({ object }) => object);
}

/**
 * The Istio objects the cluster needs for its DynaKubes: the operator-shaped ServiceEntries / VirtualServices
 * for the Dynatrace endpoints, registry ServiceEntries, and a PERMISSIVE PeerAuthentication for ActiveGates.
 * Never throws for bad input or API trouble: what cannot be generated becomes a note.
 */
export async function generateManifests(
  model: ClusterModel,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const all = options.scope === 'all';
  const restricted = all || egressRestricted(model);
  const notes: NotEvaluable[] = [];
  const planned: PlannedObject[] = [];
  const add = (list: IstioObject[], origin: PlannedObject['origin']) => {
    for (const object of list) planned.push({ object, origin });
  };
  // Hosts the generated Dynatrace entries declare (exported to every namespace), so registries do not repeat them.
  const generatedCovers: CoveredHost[] = [];
  const source = connectionInfoSource(options.dynatrace);
  const placed = model.dynakubes.map((dynakube) => ({ dynakube, namespace: namespaceOf(model, dynakube) }));
  // Hosts the generated VirtualServices route so far: each host goes into one (see dynatraceEntries).
  const routedHosts = new Set<string>();

  for (const { dynakube, namespace } of placed) {
    if (!restricted) continue;
    // With enableIstio the operator creates these itself (coverageIn counts its API host entry).
    if (!all && dynakube.enableIstio.value) continue;
    const entries = await dynatraceEntries(dynakube, namespace, source, options.dynatrace?.apiUrl, {
      declared: declaredByRepository(model, dynakube, namespace, (other) => namespaceOf(model, other)),
      routedHosts,
    });
    add(exportedEverywhere(model, entries.objects), dynakube.origin);
    notes.push(...entries.notes);
    generatedCovers.push(...entries.covered.map(({ host, port }) => ({ host, port })));
  }
  if (restricted) {
    // The same decisions as the registry-egress rule and the egress map. Only the CSI driver pulls from a registry
    // (withRegistryPulls), from the operator's namespace: an entry is needed only when its pod has a sidecar
    // (ztunnel does not enforce REGISTRY_ONLY) and egress is restricted there.
    const csiInMesh = csiDriverMembership(model)?.mode === 'sidecar';
    const registries = registryEntries(
      placed
        .filter(({ namespace }) => all || (csiInMesh && !!outboundRestriction(model, namespace)))
        .flatMap(({ dynakube, namespace }) => {
          const pull = csiDriverPull(model, dynakube);
          return pull ? [{ dynakube, pull, namespace }] : [];
        }),
      (namespace) => [...coverageIn(model, namespace), ...generatedCovers],
      serviceEntryNames(
        model,
        planned.map(({ object }) => object),
      ),
    );
    registries.objects.forEach(({ object, origin }) => add([object], origin));
    notes.push(...registries.notes);
  }
  const permissiveDone = new Set<string>();
  for (const { dynakube, namespace } of placed) {
    if (!hasActiveGate(dynakube) || permissiveDone.has(namespace)) continue;
    if (!all && !activeGateNeedsPermissive(model, dynakube, namespace)) continue;
    permissiveDone.add(namespace);
    add([activeGatePeerAuthentication(namespace)], dynakube.activeGate?.origin ?? dynakube.origin);
  }

  const kept = await validated(planned, notes);
  return { generated: kept.map(render), notes };
}

/**
 * The registry pull a DynaKube's entries declare: only the one the CSI driver makes itself, from inside the mesh when
 * its pod is (`codeModulesPull`, the same decision as registry-egress and the egress map): its `codeModulesImage`,
 * or the public registry's code modules image. With `node-image-pull` the node's kubelet pulls it for a Job, and
 * without the CSI driver it is an init container's image, pulled by the kubelet too: outside the mesh either way;
 * the operator does not read a custom image's manifest either (since v1.0 it takes the reference as the version
 * status, unverified).
 */
function csiDriverPull(model: ClusterModel, dynakube: DynaKube): CodeModulesPull | undefined {
  const pull = codeModulesPull(model, dynakube);
  return pull?.by === 'csi-driver' ? pull : undefined;
}

/** `namespace/name` of the repository's ServiceEntries and of those generated so far. */
function serviceEntryNames(model: ClusterModel, generated: readonly IstioObject[]): string[] {
  return [
    ...serviceEntryNamesIn(model),
    ...generated
      .filter((object) => object.kind === 'ServiceEntry')
      .map((object) => `${object.metadata.namespace}/${object.metadata.name}`),
  ];
}

/** All manifests of one namespace as one multi-document YAML file, for `--output-dir`. */
export function manifestsByFile(generated: readonly GeneratedManifest[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const manifest of generated) {
    const file = manifest.file ?? `generated/${manifest.namespace}.yaml`;
    const previous = files.get(file);
    files.set(file, previous === undefined ? manifest.yaml : `${previous}---\n${manifest.yaml}`);
  }
  return files;
}

/**
 * The first line of every manifest file the tool writes. Only a file that starts with it is the tool's to remove:
 * `--output-dir` may name a folder whose `generated/` holds the user's own manifests (`--output-dir .` in a repository
 * with rendered charts in `generated/`), and those must survive a run.
 */
export const GENERATED_FILE_HEADER =
  '# Written by dynakube-istio-guard for its last report; the next run with this output folder rewrites or removes it.\n';

/**
 * Writes one YAML file per target namespace under `outputDir` (e.g. `<dir>/generated/<namespace>.yaml`); returns the
 * paths. Files an earlier run wrote in `generated/` are removed: `kubectl apply -f <dir>/generated/` must apply
 * what this report says the cluster needs, not what an earlier run said.
 */
export async function writeGeneratedManifests(
  outputDir: string,
  generated: readonly GeneratedManifest[],
): Promise<string[]> {
  const written: string[] = [];
  for (const [file, yaml] of manifestsByFile(generated)) {
    const target = path.resolve(outputDir, file);
    // Namespaces come from the repository: a name like `../x` must not write outside the output directory.
    if (path.relative(path.resolve(outputDir), target).startsWith('..')) continue;
    await writeOutputFile(target, `${GENERATED_FILE_HEADER}${yaml}`);
    written.push(target);
  }
  await removeEarlierManifests(path.resolve(outputDir, 'generated'), new Set(written));
  return written;
}

/** The YAML files in `folder` an earlier run wrote (they start with the header) and this one did not. */
async function removeEarlierManifests(folder: string, kept: Set<string>): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (!entry.isFile() || !entry.name.endsWith('.yaml') || kept.has(file)) continue;
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    if (text.startsWith(GENERATED_FILE_HEADER)) await fs.rm(file, { force: true });
  }
}
