import {
  activeGatePod,
  podMeshMembership,
  workloadPod,
  type DataPlaneMode,
} from '../model/facts-dataplane.js';
import type { Origin } from '../model/provenance.js';
import { originAt } from '../model/resource.js';
import { resourceId, type ClusterModel, type Namespace, type ResourceBase } from '../model/types.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'mixed-dataplane-modes';
const GUIDE = '"Istio East-West (sidecar combined with ambient) deployment is not supported."';

interface Enrollment {
  mode: DataPlaneMode;
  resource: ResourceBase;
  reason: string;
  origin: Origin;
}

/** The sidecar label of a namespace (`istio-injection=enabled`, or `istio.io/rev` without `istio-injection`). */
function sidecarLabel(namespace: Namespace): string | undefined {
  const labels = namespace.labels;
  if (labels['istio-injection'] !== undefined)
    return labels['istio-injection'] === 'enabled' ? 'istio-injection' : undefined;
  return labels['istio.io/rev'] !== undefined ? 'istio.io/rev' : undefined;
}

function labelOrigin(resource: ResourceBase, label: string): Origin {
  return originAt(resource, ['metadata', 'labels', label]);
}

/** Namespaces that carry both an injection label and `istio.io/dataplane-mode=ambient` (IST0123). */
function doubleLabelled(model: ClusterModel): FindingDraft[] {
  return [...model.namespaces.values()].flatMap((namespace): FindingDraft[] => {
    const sidecar = sidecarLabel(namespace);
    if (!sidecar || namespace.labels['istio.io/dataplane-mode'] !== 'ambient') return [];
    return [
      {
        message:
          `Namespace ${namespace.name} has both ${sidecar}=${namespace.labels[sidecar]} and istio.io/dataplane-mode=ambient: ` +
          `its pods get sidecars, and a sidecar wins over ambient. ${GUIDE} Keep one of the two labels.`,
        origin: labelOrigin(namespace, 'istio.io/dataplane-mode'),
        resource: resourceId(namespace),
        field: 'metadata.labels',
        subject: namespace,
      },
    ];
  });
}

/** Namespaces, workloads and ActiveGates enrolled in exactly one data-plane mode. */
function enrollments(model: ClusterModel): Enrollment[] {
  const found: Enrollment[] = [];
  for (const namespace of model.namespaces.values()) {
    const sidecar = sidecarLabel(namespace);
    const ambient = namespace.labels['istio.io/dataplane-mode'] === 'ambient';
    if (sidecar && !ambient)
      found.push({
        mode: 'sidecar',
        resource: namespace,
        reason: `${sidecar}=${namespace.labels[sidecar]}`,
        origin: labelOrigin(namespace, sidecar),
      });
    if (ambient && !sidecar)
      found.push({
        mode: 'ambient',
        resource: namespace,
        reason: 'istio.io/dataplane-mode=ambient',
        origin: labelOrigin(namespace, 'istio.io/dataplane-mode'),
      });
  }
  for (const workload of model.workloads) {
    const membership = podMeshMembership(model, workloadPod(workload));
    // Pods that only follow their namespace add nothing: the namespace is already counted.
    if (!membership || membership.reason.startsWith('namespace ')) continue;
    const origin = originAt(workload, [...workload.podMetadataPath, 'labels']);
    found.push({ mode: membership.mode, resource: workload, reason: membership.reason, origin });
  }
  for (const dynakube of model.dynakubes) {
    const pod = activeGatePod(model, dynakube);
    const membership = pod && podMeshMembership(model, pod);
    if (!membership || membership.reason.startsWith('namespace ')) continue;
    found.push({
      mode: membership.mode,
      resource: dynakube,
      reason: `its ActiveGate: ${membership.reason}`,
      origin: dynakube.activeGate!.origin,
    });
  }
  return found;
}

function describe(list: Enrollment[]): string {
  const shown = list.slice(0, 3).map((e) => `${resourceId(e.resource)} (${e.reason})`);
  return list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : shown.join(', ');
}

export const mixedDataplaneModes: Rule = {
  meta: {
    id,
    severity: 'warning',
    description: 'Dynatrace does not support sidecar and ambient data planes in one mesh.',
    docs: docsUrl(id),
    fixable: false,
  },
  check({ head }) {
    const findings = doubleLabelled(head);
    const all = enrollments(head);
    const sidecar = all.filter((e) => e.mode === 'sidecar');
    const ambient = all.filter((e) => e.mode === 'ambient');
    if (sidecar.length > 0 && ambient.length > 0) {
      const anchor = ambient[0];
      findings.push({
        message: `The mesh runs both data planes: ambient for ${describe(ambient)}; sidecars for ${describe(sidecar)}. ${GUIDE}`,
        origin: anchor.origin,
        resource: resourceId(anchor.resource),
        field: 'dataplane-mode',
        subject: anchor.resource,
      });
    }
    return findings;
  },
};
