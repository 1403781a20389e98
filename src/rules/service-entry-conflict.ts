import type { ClusterModel } from '../model/types.js';
import { exportedTo, operatorEntries, viewOfEntry, type ServiceEntryView } from './service-entry-views.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';
import { byCodeUnits } from '../text-order.js';

const id = 'service-entry-conflict';

/** Two entries can only clash where both are visible: their `exportTo` sets must meet. */
function visibleTogether(model: ClusterModel, a: ServiceEntryView, b: ServiceEntryView): boolean {
  const left = exportedTo(model, a);
  const right = exportedTo(model, b);
  if (left === 'all') return right === 'all' || right.length > 0;
  if (right === 'all') return left.length > 0;
  return left.some((ns) => right.includes(ns));
}

function describe(view: ServiceEntryView): string {
  return view.madeFor
    ? `${view.resource} (created by the operator for DynaKube ${view.madeFor.name}, enableIstio)`
    : `${view.resource} (${view.origin.file}:${view.origin.line})`;
}

/** What differs between two declarations of the same host and port, or undefined when they agree. */
function difference(a: ServiceEntryView, b: ServiceEntryView, port: number): string | undefined {
  const differences: string[] = [];
  const protocolA = a.ports.find((p) => p.number === port)!.protocol;
  const protocolB = b.ports.find((p) => p.number === port)!.protocol;
  if (protocolA !== protocolB)
    differences.push(`protocol ${protocolA || '(unset)'} vs ${protocolB || '(unset)'}`);
  if (a.resolution !== b.resolution) differences.push(`resolution ${a.resolution} vs ${b.resolution}`);
  return differences.length > 0 ? differences.join(', ') : undefined;
}

/** Later in the repository (file, then line) is where the finding goes; operator objects are never anchors. */
function anchorFirst(a: ServiceEntryView, b: ServiceEntryView): [ServiceEntryView, ServiceEntryView] {
  if (a.madeFor) return [b, a];
  if (b.madeFor) return [a, b];
  const order = byCodeUnits(a.origin.file, b.origin.file) || a.origin.line - b.origin.line;
  return order > 0 ? [a, b] : [b, a];
}

function conflicts(
  model: ClusterModel,
  host: string,
  a: ServiceEntryView,
  b: ServiceEntryView,
): FindingDraft[] {
  if (a.madeFor && b.madeFor) return [];
  // A repository object with the operator's own name is overwritten by it, not kept beside it.
  if ((a.madeFor || b.madeFor) && a.name === b.name && a.namespace === b.namespace) return [];
  if (!visibleTogether(model, a, b)) return [];
  const [anchor, other] = anchorFirst(a, b);
  const findings: FindingDraft[] = [];
  for (const port of anchor.ports.filter((p) => other.ports.some((q) => q.number === p.number))) {
    const diff = difference(anchor, other, port.number);
    if (!diff) continue;
    findings.push({
      message:
        `${anchor.resource} and ${describe(other)} both declare ${host}:${port.number} with different ` +
        `settings (${diff}). Istio keeps only one of them (the most recent by creation time), which it ` +
        'considers invalid configuration: traffic to the host can fail or be blackholed.',
      origin: { file: port.file ?? anchor.origin.file, line: port.line, path: 'spec.ports' },
      resource: anchor.resource,
      field: `${host}:${port.number}|${other.resource}`,
    });
  }
  return findings;
}

export const serviceEntryConflict: Rule = {
  meta: {
    id,
    severity: 'warning',
    description:
      'Two ServiceEntries (including the operator-made ones) must not declare one host and port differently.',
    docs: docsUrl(id),
    fixable: false,
  },
  check({ head }) {
    // Only entries that share a host can clash: compare within each host's bucket.
    const byHost = new Map<string, ServiceEntryView[]>();
    for (const view of [...head.serviceEntries.map(viewOfEntry), ...operatorEntries(head)])
      for (const host of new Set(view.hosts)) {
        const bucket = byHost.get(host) ?? [];
        bucket.push(view);
        byHost.set(host, bucket);
      }
    const findings: FindingDraft[] = [];
    for (const [host, views] of byHost)
      for (let i = 0; i < views.length; i += 1)
        for (let j = i + 1; j < views.length; j += 1)
          findings.push(...conflicts(head, host, views[i], views[j]));
    return findings;
  },
};
