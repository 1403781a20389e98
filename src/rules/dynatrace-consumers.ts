import {
  activeGatePod,
  podMeshMembership,
  workloadPod,
  type PodMeshMembership,
  type PodShape,
} from '../model/facts-dataplane.js';
import { operatorNamespaces } from '../model/effective.js';
import { monitoredNamespaces } from '../model/monitored-namespaces.js';
import type { ClusterModel, DynaKube } from '../model/types.js';

/** A namespace where Dynatrace traffic leaves through a sidecar, and why it needs that traffic. */
export interface SidecarConsumer {
  namespace: string;
  why: string;
}

/** An ordinary pod of `namespace` gets a sidecar (namespace-level enrolment; pod opt-ins are not known). */
export function namespaceHasSidecars(model: ClusterModel, namespace: string): boolean {
  return (
    podMeshMembership(model, { namespace, labels: {}, annotations: {}, hostNetwork: false })?.mode ===
    'sidecar'
  );
}

/** Per model: each namespace's first workload whose pods run with a sidecar (see {@link sidecarWorkloadPod}). */
const sidecarWorkloadPods = new WeakMap<ClusterModel, ReadonlyMap<string, PodShape>>();

/**
 * The pod of a workload of `namespace` in the repository that runs with a sidecar, even where the namespace does not
 * enrol its pods: a pod opt-in, or a template `istioctl kube-inject` already injected (stefanprodan/gitops-istio
 * keeps its apps that way, in a namespace labelled `istio-injection: disabled`). Its code modules reach Dynatrace
 * through that sidecar. Worked out once per model, in one pass over the workloads: callers ask per namespace, and
 * a dense repository holds thousands of workloads.
 */
export function sidecarWorkloadPod(model: ClusterModel, namespace: string): PodShape | undefined {
  let pods = sidecarWorkloadPods.get(model);
  if (!pods) {
    const found = new Map<string, PodShape>();
    for (const workload of model.workloads) {
      const pod = workloadPod(workload);
      if (!found.has(pod.namespace) && podMeshMembership(model, pod)?.mode === 'sidecar')
        found.set(pod.namespace, pod);
    }
    sidecarWorkloadPods.set(model, found);
    pods = found;
  }
  return pods.get(namespace);
}

/** The CSI driver pods run in the operator's namespace with `csidriver.labels`; undefined when not in the mesh. */
export function csiDriverMembership(
  model: ClusterModel,
): (PodMeshMembership & { namespace: string }) | undefined {
  const labels = Object.assign({}, ...model.operatorInstalls.map((install) => install.csiDriverLabels));
  for (const namespace of operatorNamespaces(model)) {
    const membership = podMeshMembership(model, {
      namespace: namespace.value,
      labels,
      annotations: {},
      hostNetwork: false,
    });
    if (membership) return { ...membership, namespace: namespace.value };
  }
  return undefined;
}

/**
 * Namespaces whose sidecars carry a DynaKube's traffic to Dynatrace: the namespaces it injects code modules into,
 * its ActiveGate's namespace when the ActiveGate has a sidecar, and the operator's namespace when enrolled.
 * Ambient pods are left out: ztunnel ignores `exportTo` and Sidecar resources do not apply to them.
 */
export function sidecarConsumers(model: ClusterModel, dynakube: DynaKube): SidecarConsumer[] {
  const consumers: SidecarConsumer[] = [];
  for (const namespace of monitoredNamespaces(model, dynakube)) {
    if (namespaceHasSidecars(model, namespace) || sidecarWorkloadPod(model, namespace))
      consumers.push({ namespace, why: `code modules of DynaKube ${dynakube.name}` });
  }
  const activeGate = activeGatePod(model, dynakube);
  if (activeGate && podMeshMembership(model, activeGate)?.mode === 'sidecar')
    consumers.push({ namespace: activeGate.namespace, why: `the ActiveGate of DynaKube ${dynakube.name}` });
  for (const namespace of operatorNamespaces(model)) {
    if (namespaceHasSidecars(model, namespace.value))
      consumers.push({ namespace: namespace.value, why: 'the Dynatrace Operator' });
  }
  const seen = new Set<string>();
  return consumers.filter((consumer) => !seen.has(consumer.namespace) && !!seen.add(consumer.namespace));
}
