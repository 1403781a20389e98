import {
  DEFAULT_OPERATOR_NAMESPACE,
  effectiveOutboundPolicy,
  isIgnoredByOperator,
  namespaceLabels,
  restrictingSidecarsFor,
  selectorMatches,
} from '../model/effective.js';
import type { Origin } from '../model/provenance.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { setValueEdit } from './edits.js';
import { hostCovered, apiUrlHost } from './hosts.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'enable-istio-required';

/** Where egress is restricted for this DynaKube's traffic, if anywhere. */
function egressRestriction(
  model: ClusterModel,
  dynakube: DynaKube,
): { origin: Origin; what: string } | undefined {
  const policy = effectiveOutboundPolicy(model);
  if (policy.value === 'REGISTRY_ONLY')
    return { origin: policy.origin, what: 'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY' };
  // Dynatrace's own namespace and every namespace whose workloads this DynaKube monitors.
  const operatorNamespace = dynakube.namespace ?? DEFAULT_OPERATOR_NAMESPACE;
  const namespaces = new Set<string>([operatorNamespace]);
  for (const namespace of model.namespaces.keys()) {
    const monitored = selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace));
    if (monitored && !isIgnoredByOperator(namespace, operatorNamespace)) namespaces.add(namespace);
  }
  for (const namespace of namespaces) {
    const sidecar = restrictingSidecarsFor(model, namespace)[0];
    if (sidecar?.outboundPolicy) {
      return {
        origin: sidecar.outboundPolicy.origin,
        what: `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} sets outboundTrafficPolicy REGISTRY_ONLY for namespace ${namespace}`,
      };
    }
  }
  return undefined;
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
