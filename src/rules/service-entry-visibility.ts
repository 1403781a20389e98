import { namespaceSidecar, outboundRestriction } from '../model/effective.js';
import { resourceId, type ClusterModel, type DynaKube, type SidecarResource } from '../model/types.js';
import { registryHosts, registryOfImage } from '../generate/registries.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import { originAt } from '../model/resource.js';
import { replaceValueEdit, setValueEdit } from './edits.js';
import { hostMatches } from './hosts.js';
import { csiDriverMembership, sidecarConsumers, type SidecarConsumer } from './dynatrace-consumers.js';
import {
  defaultExportTo,
  effectiveDefaultExportTo,
  exportToInEffect,
  exportedToNamespace,
  operatorApiEndpoint,
  operatorEntries,
  viewOfEntry,
  type ServiceEntryView,
} from './service-entry-views.js';
import { docsUrl, type Fix, type FindingDraft, type Rule } from './types.js';

const id = 'service-entry-visibility';

/** Dynatrace SaaS domains: an entry for one of these hosts is meant for Dynatrace traffic. */
const DYNATRACE_DOMAINS = ['.dynatrace.com', '.dynatracelabs.com'];

function isDynatraceHost(host: string, dynakube: DynaKube): boolean {
  const apiHost = operatorApiEndpoint(dynakube.apiUrl?.value)?.host;
  if (apiHost && hostMatches(host, apiHost)) return true;
  return DYNATRACE_DOMAINS.some((domain) => host.endsWith(domain));
}

/** Hosts the CSI driver pulls `codeModulesImage` from, blob redirects included. */
function codeModuleRegistryHosts(dynakube: DynaKube): string[] {
  const registry = dynakube.codeModulesImage && registryOfImage(dynakube.codeModulesImage.value);
  if (!registry) return [];
  const hosts = registryHosts(registry.registry, registry.port);
  return [...hosts.hosts, ...hosts.wildcardHosts];
}

/** Where an entry is needed: sidecar namespaces that carry the traffic it is meant for. */
function consumersOf(model: ClusterModel, view: ServiceEntryView): SidecarConsumer[] {
  const consumers: SidecarConsumer[] = [];
  const dynakubes = view.madeFor ? [view.madeFor] : model.dynakubes;
  for (const dynakube of dynakubes) {
    if (view.hosts.some((host) => isDynatraceHost(host, dynakube)))
      consumers.push(...sidecarConsumers(model, dynakube));
    const registry = codeModulesViaCsi(model, dynakube).value ? codeModuleRegistryHosts(dynakube) : [];
    const csi = csiDriverMembership(model);
    if (csi?.mode === 'sidecar' && view.hosts.some((host) => registry.some((r) => hostMatches(host, r))))
      consumers.push({
        namespace: csi.namespace,
        why: `the CSI driver pulling codeModulesImage of ${dynakube.name}`,
      });
  }
  const seen = new Set<string>();
  return consumers.filter((consumer) => !seen.has(consumer.namespace) && !!seen.add(consumer.namespace));
}

/** Sidecar `egress.hosts` entries are `namespace/host`; `.` is the proxy's namespace, `~` none, `*` any. */
function egressAllows(egressHost: string, proxyNamespace: string, view: ServiceEntryView): boolean {
  const slash = egressHost.indexOf('/');
  const namespace = slash < 0 ? '*' : egressHost.slice(0, slash);
  const host = slash < 0 ? egressHost : egressHost.slice(slash + 1);
  const namespaceOk =
    namespace === '*' ||
    (namespace === '.' ? view.namespace === proxyNamespace : namespace === view.namespace);
  if (!namespaceOk) return false;
  return host === '*' || view.hosts.some((h) => hostMatches(host, h));
}

function hiddenBySidecar(model: ClusterModel, view: ServiceEntryView, namespace: string) {
  const sidecar = namespaceSidecar(model, namespace);
  if (!sidecar || sidecar.egressHosts.length === 0) return undefined;
  return sidecar.egressHosts.some((host) => egressAllows(host, namespace, view)) ? undefined : sidecar;
}

function describe(view: ServiceEntryView): string {
  return view.madeFor
    ? `${view.resource} (created by the operator for DynaKube ${view.madeFor.name}, enableIstio)`
    : view.resource;
}

function listNeeds(consumers: SidecarConsumer[]): string {
  return consumers.map((c) => `${c.namespace} (${c.why})`).join(', ');
}

/** `exportTo` widened by the namespaces that need the entry; `.` stays for the entry's own namespace. */
function exportToFix(model: ClusterModel, view: ServiceEntryView, missing: string[]): Fix | undefined {
  const entry = view.entry;
  if (!entry) return undefined;
  const current = exportToInEffect(model, view).filter((ns) => ns !== '~');
  const wanted = [...current, ...missing.filter((ns) => !current.includes(ns))];
  const rendered = `[${wanted.map((ns) => JSON.stringify(ns)).join(', ')}]`;
  const edit = entry.document.describeAt(['spec', 'exportTo'])
    ? replaceValueEdit(model, entry.document, ['spec', 'exportTo'], rendered)
    : setValueEdit(model, entry.document, ['spec', 'exportTo'], rendered);
  return edit
    ? {
        description: `Export ${view.resource} to the namespaces that need it: \`exportTo: ${rendered}\`.`,
        edits: [edit],
      }
    : undefined;
}

/**
 * How istiod reads a mesh default that does not say what it seems to (see `effectiveDefaultExportTo`): names there
 * export nothing, and `.` wins over `*`. Said when the default lists the entry nowhere, or lists what needs it.
 */
function meshDefaultReading(model: ClusterModel, missing: string[]): string {
  const written = defaultExportTo(model);
  const effective = effectiveDefaultExportTo(model);
  if (effective.length === 0) return ', and istiod reads only "." and "*" there, so it is exported nowhere';
  const misread = written.some((ns) => ns === '*' || missing.includes(ns));
  return effective[0] === '.' && misread ? ', and istiod reads only "." there when it is listed' : '';
}

function exportFinding(
  model: ClusterModel,
  view: ServiceEntryView,
  missing: SidecarConsumer[],
): FindingDraft {
  const exportLine = view.entry?.document.lineAt(['spec', 'exportTo']);
  const meshDefault = model.meshConfigs.find(
    (source) => source.defaultServiceExportTo,
  )?.defaultServiceExportTo;
  const because =
    view.exportTo && view.exportTo.length > 0
      ? `its exportTo is [${view.exportTo.join(', ')}]`
      : `it has no exportTo and meshConfig.defaultServiceExportTo is [${defaultExportTo(model).join(', ')}]` +
        (meshDefault ? ` (${meshDefault.origin.file}:${meshDefault.origin.line})` : '') +
        meshDefaultReading(
          model,
          missing.map((c) => c.namespace),
        );
  const origin =
    view.madeFor && meshDefault
      ? meshDefault.origin
      : exportLine
        ? originAt(view.entry!, ['spec', 'exportTo'])
        : view.origin;
  const fix = exportToFix(
    model,
    view,
    missing.map((c) => c.namespace),
  );
  return {
    message:
      `${describe(view)} is meant for Dynatrace traffic but is not visible in ${listNeeds(missing)}: ${because}.` +
      (view.madeFor
        ? ' The operator creates its entries without exportTo; widen defaultServiceExportTo or write the entries by hand with an exportTo.'
        : ''),
    origin,
    resource: view.resource,
    field: 'spec.exportTo',
    ...(fix ? { fix } : {}),
  };
}

function sidecarFinding(
  view: ServiceEntryView,
  sidecar: SidecarResource,
  hidden: SidecarConsumer[],
): FindingDraft {
  const hosts = view.hosts.map((host) => `${view.namespace}/${host}`).join(', ');
  return {
    message:
      `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} limits egress.hosts so that ${describe(view)}, meant ` +
      `for Dynatrace traffic, is hidden from ${listNeeds(hidden)}. Add ${hosts} to its egress hosts.`,
    origin: originAt(sidecar, ['spec', 'egress']),
    resource: resourceId(sidecar),
    field: `spec.egress.hosts|${view.resource}`,
  };
}

export const serviceEntryVisibility: Rule = {
  meta: {
    id,
    severity: 'warning',
    description:
      'ServiceEntries for Dynatrace traffic must be visible (exportTo, defaultServiceExportTo, Sidecar egress) where the traffic starts.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const view of [...head.serviceEntries.map(viewOfEntry), ...operatorEntries(head)]) {
      const consumers = consumersOf(head, view).filter((c) => !!outboundRestriction(head, c.namespace));
      if (consumers.length === 0) continue;
      const unexported = consumers.filter((c) => !exportedToNamespace(head, view, c.namespace));
      if (unexported.length > 0) findings.push(exportFinding(head, view, unexported));
      const bySidecar = new Map<SidecarResource, SidecarConsumer[]>();
      for (const consumer of consumers.filter((c) => !unexported.includes(c))) {
        const sidecar = hiddenBySidecar(head, view, consumer.namespace);
        if (sidecar) bySidecar.set(sidecar, [...(bySidecar.get(sidecar) ?? []), consumer]);
      }
      for (const [sidecar, hidden] of bySidecar) findings.push(sidecarFinding(view, sidecar, hidden));
    }
    return findings;
  },
};
