import { injectingMode, injectsCodeModules } from '../model/dynakube.js';
import { monitoredNamespaces } from '../model/monitored-namespaces.js';
import { isPlaceholder } from '../model/placeholders.js';
import type { NotEvaluable, Origin } from '../model/provenance.js';
import type { ClusterModel, DynaKube } from '../model/types.js';
import { exportedTo, viewOfEntry } from '../rules/service-entry-views.js';
import {
  ACTIVEGATE_ENDPOINT_SEPARATOR,
  ONEAGENT_ENDPOINT_SEPARATOR,
  parseCommunicationHost,
  parseCommunicationHosts,
  splitByAddressKind,
  toSecondGenApiUrl,
  type CommunicationHost,
} from './communication-host.js';
import type { ApiResult, DynatraceApiClient } from './dynatrace-api.js';
import type { IstioObject } from './objects.js';
import { isCovered, type CoveredHost } from './registry-coverage.js';
import { rejectedByIstio } from './validate-service-entry.js';
import {
  buildFqdnServiceEntry,
  buildIpServiceEntry,
  buildVirtualService,
  fqdnName,
  ipName,
  isOperatorObjectName,
  type OperatorComponent,
  type Owner,
} from './operator-objects.js';

/** What generation for one DynaKube produced. */
export interface DynaKubeEntries {
  objects: IstioObject[];
  notes: NotEvaluable[];
  /** Hosts (with port) the objects cover, so registry entries do not repeat them. */
  covered: CommunicationHost[];
}

/** Answers connection-info queries once per tenant (and network zone), whatever the number of DynaKubes. */
export interface ConnectionInfoSource {
  /** Undefined when no token was given: the endpoints are unknown offline. */
  clientFor(apiUrl: string): DynatraceApiClient | { unavailable: string };
  oneAgent(client: DynatraceApiClient, networkZone?: string): Promise<ApiResult>;
  activeGate(client: DynatraceApiClient): Promise<ApiResult>;
}

/**
 * The operator creates ActiveGate entries when the ActiveGate is enabled: it has a capability, or extensions need
 * one (`activegate.Spec.IsEnabled()`, pkg/api/latest/dynakube/activegate/props.go, the same since v1.4).
 */
export function hasActiveGate(dynakube: DynaKube): boolean {
  return (dynakube.activeGate?.capabilities.value.length ?? 0) > 0 || dynakube.extensions?.value === true;
}

function note(origin: Origin, reason: string): NotEvaluable {
  return { file: origin.file, line: origin.line, reason };
}

/** Whether the repository already declares a host on a port (see `declaredByRepository`). */
export type Declared = (host: string, port: number) => boolean;

/** A name the operator gives its entries for some DynaKube of the model, in that DynaKube's namespace. */
function operatorNamed(
  model: ClusterModel,
  namespace: string,
  name: string,
  namespaceOf: (dk: DynaKube) => string,
) {
  return model.dynakubes.some(
    (dynakube) => namespaceOf(dynakube) === namespace && isOperatorObjectName(dynakube.name, name),
  );
}

/**
 * The endpoints the repository's own ServiceEntries already declare (host, or IP in `addresses`, and port) in every
 * namespace this DynaKube's traffic leaves from: its own and, when it injects code modules, each it monitors (all of
 * them when the repository declares none). A generated entry for such an endpoint would be a second ServiceEntry for
 * one host and port, which Istio resolves by keeping the most recent (istio/istio#26282) and the tool reports as a
 * conflict when protocol or resolution differ. Entries Istio rejects declare nothing; entries carrying the operator's
 * names are copies of what the operator or this generator writes, and do not count.
 */
export function declaredByRepository(
  model: ClusterModel,
  dynakube: DynaKube,
  namespace: string,
  namespaceOf: (dynakube: DynaKube) => string,
): Declared {
  const views = model.serviceEntries
    .filter((entry) => !rejectedByIstio(entry))
    .map(viewOfEntry)
    .filter((view) => !operatorNamed(model, view.namespace, view.name, namespaceOf));
  const monitored = monitoredNamespaces(model, dynakube);
  const undeclared = injectsCodeModules(dynakube) && monitored.length === 0;
  const namespaces = [...new Set([namespace, ...monitored])];
  const declaredIn = (visible: (to: 'all' | string[]) => boolean): CoveredHost[] =>
    views
      .filter((view) => visible(exportedTo(model, view)))
      .flatMap((view) =>
        [...view.hosts, ...(view.entry?.addresses ?? [])].flatMap((host) =>
          view.ports.map((port) => ({ host, port: port.number })),
        ),
      );
  const perNamespace = undeclared
    ? [declaredIn((to) => to === 'all')]
    : namespaces.map((target) => declaredIn((to) => to === 'all' || to.includes(target)));
  return (host, port) => perNamespace.every((covered) => isCovered(covered, host, port));
}

/** What the entries of one DynaKube must leave to others: see `dynatraceEntries`. */
export interface EntriesContext {
  /** Endpoints the repository declares itself (`declaredByRepository`). */
  declared?: Declared;
  /** Hosts a VirtualService generated earlier in this run routes; the hosts routed here are added. */
  routedHosts?: Set<string>;
}

function objectsFor(
  owner: Owner,
  component: OperatorComponent,
  all: CommunicationHost[],
  { declared = () => false, routedHosts = new Set<string>() }: EntriesContext,
): IstioObject[] {
  const hosts = all.filter((host) => !declared(host.host, host.port));
  const { fqdn, ip } = splitByAddressKind(hosts);
  const objects: IstioObject[] = [];
  if (fqdn.length > 0) {
    objects.push(buildFqdnServiceEntry(owner, component, fqdn));
    const unrouted = fqdn.filter((host) => !routedHosts.has(host.host));
    if (unrouted.length > 0) objects.push(buildVirtualService(owner, component, unrouted));
    for (const host of unrouted) routedHosts.add(host.host);
  }
  if (ip.length > 0) objects.push(buildIpServiceEntry(owner, component, ip));
  return objects;
}

function names(owner: Owner, component: OperatorComponent): string {
  return `${fqdnName(owner, component)} / ${ipName(owner, component)}`;
}

/** The apiUrl to use: the DynaKube's own, or the one given on the command line when the DynaKube has a placeholder. */
function resolveApiUrl(
  dynakube: DynaKube,
  givenApiUrl: string | undefined,
): { apiUrl: string } | { problem: string } {
  const own = dynakube.apiUrl?.value.trim();
  if (own && !isPlaceholder(own)) return { apiUrl: own };
  if (givenApiUrl) return { apiUrl: givenApiUrl };
  if (!own) return { problem: 'the DynaKube has no apiUrl' };
  return {
    problem:
      `apiUrl "${own}" is a placeholder substituted at deploy time, so the Dynatrace hosts are unknown ` +
      '(give the real URL: CLI --dynatrace-api-url, action dynatrace-api-url)',
  };
}

async function endpointObjects(
  owner: Owner,
  component: 'oneagent' | 'activegate',
  origin: Origin,
  query: () => Promise<ApiResult>,
  context: EntriesContext,
): Promise<Pick<DynaKubeEntries, 'objects' | 'notes' | 'covered'>> {
  const label = component === 'oneagent' ? 'OneAgent' : 'ActiveGate';
  const result = await query();
  const skipped = `${names(owner, component)} not generated`;
  if (!result.ok) return { objects: [], covered: [], notes: [note(origin, `${skipped}: ${result.error}`)] };
  const separator = component === 'oneagent' ? ONEAGENT_ENDPOINT_SEPARATOR : ACTIVEGATE_ENDPOINT_SEPARATOR;
  const hosts = parseCommunicationHosts(result.value.endpoints, separator);
  if (!hosts.ok) {
    // The operator fails the whole component on one bad endpoint; so does the generator, saying which one.
    return {
      objects: [],
      covered: [],
      notes: [note(origin, `${skipped}: ${label} endpoint ${hosts.error}`)],
    };
  }
  if (hosts.value.length === 0) {
    return {
      objects: [],
      covered: [],
      notes: [note(origin, `${skipped}: the Dynatrace API lists no ${label} communication endpoints`)],
    };
  }
  return { objects: objectsFor(owner, component, hosts.value, context), covered: hosts.value, notes: [] };
}

/**
 * The ServiceEntries and VirtualServices the operator would create for one DynaKube with `enableIstio`:
 * the API host always, OneAgent endpoints for code-module injection, ActiveGate endpoints for an ActiveGate; each
 * less the endpoints the repository already declares (`context.declared`, see `declaredByRepository`).
 *
 * A VirtualService leaves out the hosts an earlier one routes (`context.routedHosts`, shared by all DynaKubes of a
 * run; the operator component comes first): `istioctl analyze` reports two VirtualServices bound to the mesh that
 * define one host as IST0109 ConflictingMeshGatewayVirtualServiceHosts, an error ("undefined behavior";
 * pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go), and the operator's shape repeats the
 * tenant host in its operator, oneagent and activegate VirtualServices. Nothing is lost: the routes only send a
 * host to itself, which the ServiceEntry's HTTPS port (by SNI) or HTTP port (by Host header) does on its own.
 */
export async function dynatraceEntries(
  dynakube: DynaKube,
  namespace: string,
  source: ConnectionInfoSource,
  givenApiUrl: string | undefined,
  context: EntriesContext = {},
): Promise<DynaKubeEntries> {
  const owner: Owner = { name: dynakube.name, namespace };
  const origin = dynakube.apiUrl?.origin ?? dynakube.origin;
  const resolved = resolveApiUrl(dynakube, givenApiUrl);
  if ('problem' in resolved) {
    return {
      objects: [],
      covered: [],
      notes: [
        note(origin, `ServiceEntries for DynaKube ${dynakube.name} not generated: ${resolved.problem}`),
      ],
    };
  }
  const result: DynaKubeEntries = { objects: [], notes: [], covered: [] };
  const apiHost = parseCommunicationHost(toSecondGenApiUrl(resolved.apiUrl));
  if (apiHost.ok) {
    result.objects.push(...objectsFor(owner, 'operator', [apiHost.value], context));
    result.covered.push(apiHost.value);
  } else {
    // Without a usable API URL the OneAgent and ActiveGate endpoints cannot be asked for either.
    result.notes.push(
      note(origin, `ServiceEntries for DynaKube ${dynakube.name} not generated: apiUrl ${apiHost.error}`),
    );
    return result;
  }

  const wanted: { component: 'oneagent' | 'activegate'; origin: Origin }[] = [];
  const injecting = injectingMode(dynakube);
  if (injecting) wanted.push({ component: 'oneagent', origin: injecting.origin });
  if (hasActiveGate(dynakube))
    wanted.push({
      component: 'activegate',
      origin: dynakube.activeGate?.origin ?? dynakube.extensions?.origin ?? origin,
    });
  if (wanted.length === 0) return result;

  const client = source.clientFor(resolved.apiUrl);
  for (const { component, origin: componentOrigin } of wanted) {
    if ('unavailable' in client) {
      result.notes.push(
        note(componentOrigin, `${names(owner, component)} not generated: ${client.unavailable}`),
      );
      continue;
    }
    const networkZone = dynakube.networkZone?.value.trim() || undefined;
    const query =
      component === 'oneagent' ? () => source.oneAgent(client, networkZone) : () => source.activeGate(client);
    const entries = await endpointObjects(owner, component, componentOrigin, query, context);
    result.objects.push(...entries.objects);
    result.notes.push(...entries.notes);
    result.covered.push(...entries.covered);
  }
  return result;
}
