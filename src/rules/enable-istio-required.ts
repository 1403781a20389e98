import {
  describeRestriction,
  outboundRestriction,
  undeclaredNamespaceRestriction,
  type OutboundRestriction,
} from '../model/effective.js';
import { dynakubeNamespace } from '../model/facts-dataplane.js';
import { monitoredNamespaces } from '../model/monitored-namespaces.js';
import type { Origin } from '../model/provenance.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { setValueEdit } from './edits.js';
import { hostCovered, apiUrlHost } from './hosts.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'enable-istio-required';

/**
 * The namespaces this DynaKube's traffic leaves from (`where`: `namespace shop`, or the ones the repository does not
 * declare), each with its restriction if it has one.
 */
function namespaceRestrictions(
  model: ClusterModel,
  dynakube: DynaKube,
): { where: string; restriction: OutboundRestriction | undefined }[] {
  // Dynatrace's own namespace (operator, ActiveGate) and every namespace whose workloads this DynaKube monitors.
  const namespaces = new Set<string>([
    dynakubeNamespace(model, dynakube),
    ...monitoredNamespaces(model, dynakube),
  ]);
  const restrictions = [...namespaces].map((namespace) => ({
    where: `namespace ${namespace}`,
    restriction: outboundRestriction(model, namespace),
  }));
  // The repository declares none of the namespaces it monitors: they exist all the same, under the root default.
  if (namespaces.size === 1) {
    restrictions.push({
      where: `the namespaces DynaKube ${dynakube.name} selects that the repository does not declare`,
      restriction: undeclaredNamespaceRestriction(model),
    });
  }
  return restrictions;
}

/**
 * Where egress is restricted for this DynaKube's traffic, if anywhere: the same per-namespace decision as the other
 * egress rules, so a Sidecar that sets ALLOW_ANY lifts the mesh-wide REGISTRY_ONLY for the namespaces it governs.
 */
function egressRestriction(
  model: ClusterModel,
  dynakube: DynaKube,
): { origin: Origin; what: string } | undefined {
  const restrictions = namespaceRestrictions(model, dynakube);
  const first = restrictions.find(({ restriction }) => restriction);
  if (!first?.restriction) return undefined;
  const { where, restriction } = first;
  // Only the mesh-wide policy restricting every namespace concerned goes without saying where.
  const everywhere = restrictions.every((r) => r.restriction && !r.restriction.sidecar);
  const what = describeRestriction(restriction);
  return { origin: restriction.origin, what: everywhere ? what : `${what} for ${where}` };
}

export const enableIstioRequired: Rule = {
  meta: {
    id,
    severity: 'error',
    description:
      'A mesh that restricts egress needs `enableIstio: true` (or equivalent ServiceEntries) on every DynaKube.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      if (dynakube.enableIstio.value) continue;
      const restriction = egressRestriction(head, dynakube);
      if (!restriction) continue;
      const host = apiUrlHost(dynakube.apiUrl?.value);
      if (host && hostCovered(head, host, dynakube.namespace)) continue;
      const edit = setValueEdit(head, dynakube.document, ['spec', 'enableIstio'], 'true');
      findings.push({
        message:
          `DynaKube ${dynakube.name} has enableIstio off while ${restriction.what} ` +
          `(${restriction.origin.file}:${restriction.origin.line}). OneAgents and the ActiveGate cannot reach ` +
          `Dynatrace${host ? ` (${host})` : ''}: no ServiceEntry in the repository covers it.`,
        origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
        resource: resourceId(dynakube),
        field: 'spec.enableIstio',
        ...(edit
          ? {
              fix: {
                description:
                  'Set `enableIstio: true` so the operator creates ServiceEntries and VirtualServices for the Dynatrace endpoints (the DynaKube must then be deleted and reapplied).',
                edits: [edit],
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
