import type { Origin } from '../model/provenance.js';
import { isPlaceholder } from '../model/placeholders.js';
import { asArray, asNumber, asRecord, asString, getIn } from '../model/read.js';
import { originAt } from '../model/resource.js';
import { resourceId, type ClusterModel, type DynaKube, type ServiceEntry } from '../model/types.js';

/** One port of a ServiceEntry, with the line it is declared on. */
export interface PortView {
  number: number;
  /** Upper case; empty when unset (Istio then sniffs the protocol). */
  protocol: string;
  line: number;
  /** File of `line` when it is not the entry's own (a kustomize patch wrote the port). */
  file?: string;
}

/** A ServiceEntry in the repository, or one the operator will create, in the terms the ServiceEntry rules use. */
export interface ServiceEntryView {
  resource: string;
  name: string;
  namespace: string;
  hosts: string[];
  ports: PortView[];
  /** Upper case; `NONE` when unset (the proto's zero value). */
  resolution: string;
  exportTo?: string[];
  origin: Origin;
  /** Set for the objects the operator creates with `enableIstio`: the DynaKube that makes them. */
  madeFor?: DynaKube;
  entry?: ServiceEntry;
}

export const DEFAULT_NAMESPACE = 'default';

export function viewOfEntry(entry: ServiceEntry): ServiceEntryView {
  let view = views.get(entry);
  if (!view) views.set(entry, (view = readView(entry)));
  return view;
}

/**
 * Views by entry: several rules and the generator ask for the view of every entry, and some once per DynaKube
 * (`hostCovered`); each read looks up the line of every port. Views are read, never changed.
 */
const views = new WeakMap<ServiceEntry, ServiceEntryView>();

function readView(entry: ServiceEntry): ServiceEntryView {
  const rawPorts = asArray(getIn(entry.document.value, ['spec', 'ports']));
  const ports = rawPorts.flatMap((item, index): PortView[] => {
    const port = asRecord(item);
    const number = asNumber(port?.number);
    if (number === undefined) return [];
    const { file, line } = originAt(entry, ['spec', 'ports', index]);
    return [{ number, protocol: (asString(port?.protocol) ?? '').toUpperCase(), line, file }];
  });
  return {
    resource: resourceId(entry),
    name: entry.name,
    namespace: entry.namespace ?? DEFAULT_NAMESPACE,
    hosts: entry.hosts.value.map((host) => host.toLowerCase()),
    ports,
    resolution: (entry.resolution ?? 'NONE').toUpperCase(),
    ...(entry.exportTo ? { exportTo: entry.exportTo } : {}),
    origin: entry.hosts.origin,
    entry,
  };
}

const THIRD_GEN = '.apps.';

/**
 * The API host the operator talks to: third-generation `X.apps.<domain>` becomes `X.live.<domain>` (or
 * `X.<domain>` when X has a dot). Placeholders (`ENVIRONMENTID`, `${…}`) give no host.
 */
export function operatorApiEndpoint(apiUrl: string | undefined): (PortView & { host: string }) | undefined {
  if (!apiUrl || isPlaceholder(apiUrl)) return undefined;
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    return undefined;
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  let host = url.hostname.toLowerCase();
  const at = host.indexOf(THIRD_GEN);
  if (at > 0) {
    const prefix = host.slice(0, at);
    const suffix = host.slice(at + THIRD_GEN.length);
    host = prefix.includes('.') ? `${prefix}.${suffix}` : `${prefix}.live.${suffix}`;
  }
  const number = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
  return { host, number, protocol: scheme.toUpperCase(), line: 0 };
}

/**
 * The `<dynakube>-fqdn-operator` ServiceEntry the operator creates for the apiUrl host when `enableIstio` is on:
 * DNS resolution, one `<protocol>-<port>` port, no `exportTo`. The OneAgent and ActiveGate entries depend on the
 * Dynatrace API's answer and are not known offline.
 */
export function operatorEntries(model: ClusterModel): ServiceEntryView[] {
  return model.dynakubes.flatMap((dynakube): ServiceEntryView[] => {
    if (!dynakube.enableIstio.value) return [];
    const endpoint = operatorApiEndpoint(dynakube.apiUrl?.value);
    if (!endpoint) return [];
    const origin = dynakube.apiUrl!.origin;
    const namespace = dynakube.namespace ?? DEFAULT_NAMESPACE;
    const name = `${dynakube.name}-fqdn-operator`;
    return [
      {
        resource: `ServiceEntry ${namespace}/${name}`,
        name,
        namespace,
        hosts: [endpoint.host],
        ports: [{ number: endpoint.number, protocol: endpoint.protocol, line: origin.line }],
        resolution: 'DNS',
        origin,
        madeFor: dynakube,
      },
    ];
  });
}

/**
 * `meshConfig.defaultServiceExportTo` as written; `*` when unset or empty (an empty list leaves the protobuf's
 * repeated field unset, and istiod then exports everywhere).
 */
export function defaultExportTo(model: ClusterModel): string[] {
  const written = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
  return written && written.value.length > 0 ? written.value : ['*'];
}

/**
 * What the mesh default does to an entry without `exportTo`, as istiod indexes it (`initServiceRegistry` and
 * `IsServiceVisible` in pilot/pkg/model/push_context.go, 1.20 to 1.28): `.` keeps it in its own namespace even next
 * to `*`, `*` exports it everywhere, and namespace names are not read there, so a default of names only hides it
 * everywhere. Returned as the `exportTo` that has the same effect.
 */
export function effectiveDefaultExportTo(model: ClusterModel): string[] {
  const defaults = defaultExportTo(model);
  if (defaults.includes('.')) return ['.'];
  return defaults.includes('*') ? ['*'] : [];
}

/** The entry's own `exportTo` when it has one, else the mesh default as istiod reads it. */
export function exportToInEffect(model: ClusterModel, view: ServiceEntryView): string[] {
  return view.exportTo && view.exportTo.length > 0 ? view.exportTo : effectiveDefaultExportTo(model);
}

/**
 * Namespaces an entry is exported to: `all`, or a list (`.` resolved to the entry's own namespace). Its own
 * `exportTo` when set (`*` wins over the rest, `~` hides it), else the mesh default.
 */
export function exportedTo(model: ClusterModel, view: ServiceEntryView): 'all' | string[] {
  const exportTo = exportToInEffect(model, view);
  if (exportTo.includes('*')) return 'all';
  if (exportTo.includes('~')) return [];
  return exportTo.map((ns) => (ns === '.' ? view.namespace : ns));
}

export function exportedToNamespace(model: ClusterModel, view: ServiceEntryView, namespace: string): boolean {
  const to = exportedTo(model, view);
  return to === 'all' || to.includes(namespace);
}
