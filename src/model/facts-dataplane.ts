import { injectsByDefault, operatorNamespaces } from './effective.js';
import type { ClusterModel, DynaKube, Workload } from './types.js';

export type DataPlaneMode = 'sidecar' | 'ambient';

/** How a pod joins the mesh, and the label that makes it so (for messages). */
export interface PodMeshMembership {
  mode: DataPlaneMode;
  reason: string;
}

/** Istio's injector never injects here (`IgnoredNamespaces` in `pkg/kube/inject`). */
const INJECTOR_IGNORED = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];

/**
 * The injector's record of what it added. `istioctl kube-inject` writes it into the pod template it outputs
 * together with the `istio-proxy` container, so a template carrying it has its sidecar whatever the namespace's
 * labels say (the webhook skips such pods as already injected).
 */
const INJECTION_STATUS = 'sidecar.istio.io/status';

export interface PodShape {
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  hostNetwork: boolean;
}

/** The pods of a workload (Deployment, DaemonSet, …), as the injection webhooks see them. */
export function workloadPod(workload: Workload): PodShape {
  return {
    namespace: workload.namespace ?? 'default',
    labels: workload.podLabels,
    annotations: workload.podAnnotations,
    hostNetwork: workload.hostNetwork,
  };
}

const SIDECAR_INJECT = 'sidecar.istio.io/inject';

/**
 * The pod's own word on injection as the injector reads it (`injectRequired` in pkg/kube/inject): the label, else
 * the deprecated annotation; `y`, `yes`, `true`, `on` in any case say yes, any other non-empty value says no, an
 * empty or missing one leaves it to the namespace.
 */
function podInjectionWord(pod: PodShape): 'yes' | 'no' | undefined {
  const word = pod.labels[SIDECAR_INJECT] ?? pod.annotations[SIDECAR_INJECT];
  if (!word) return undefined;
  return ['y', 'yes', 'true', 'on'].includes(word.toLowerCase()) ? 'yes' : 'no';
}

/**
 * Whether a pod gets a sidecar, following the injection webhooks: their label selectors decide whether the injector
 * is asked (label values match exactly), then the injector reads the pod's word ({@link podInjectionWord}). A
 * namespace with `istio-injection=enabled` or `istio.io/rev` injects unless the pod says no; any other
 * `istio-injection` value injects nothing; an unlabelled namespace injects only pods labelled exactly
 * `sidecar.istio.io/inject: "true"`, or labelled `istio.io/rev` without saying no; under `global.proxy.autoInject:
 * disabled` a pod that says nothing counts as saying no. Host-network pods are never
 * injected. A template that `istioctl kube-inject` already injected has its sidecar.
 */
function sidecarReason(model: ClusterModel, pod: PodShape): string | undefined {
  if (pod.hostNetwork) return undefined;
  if (pod.annotations[INJECTION_STATUS] !== undefined)
    return `the pod template is already injected (${INJECTION_STATUS}, istioctl kube-inject output)`;
  if (INJECTOR_IGNORED.includes(pod.namespace)) return undefined;
  const nsLabels = model.namespaces.get(pod.namespace)?.labels ?? {};
  const word = podInjectionWord(pod);
  // Under `autoInject: disabled` the injector leaves out a pod that says nothing, as one that says no.
  const optedOut = word === 'no' || (word === undefined && injectsOnlyOnRequest(model));
  const injection = nsLabels['istio-injection'];
  if (injection !== undefined) {
    return injection === 'enabled' && !optedOut
      ? `namespace ${pod.namespace} has istio-injection=enabled`
      : undefined;
  }
  if (nsLabels['istio.io/rev'] !== undefined)
    return optedOut ? undefined : `namespace ${pod.namespace} has istio.io/rev=${nsLabels['istio.io/rev']}`;
  if (pod.labels[SIDECAR_INJECT] === 'true') return 'the pod is labelled sidecar.istio.io/inject: "true"';
  if (pod.labels['istio.io/rev'] !== undefined && !optedOut)
    return `the pod is labelled istio.io/rev=${pod.labels['istio.io/rev']}`;
  // The `auto.` webhook of `enableNamespacesByDefault` (mutatingwebhook.yaml) asks the injector about pods of
  // unlabelled namespaces that carry neither label.
  const byDefault = pod.labels[SIDECAR_INJECT] === undefined && !optedOut && injectsByDefault(model);
  return byDefault ? 'the injector enables namespaces by default (enableNamespacesByDefault)' : undefined;
}

/**
 * Whether the injector adds sidecars only to pods that ask (`injectRequired` in pkg/kube/inject/inject.go under
 * policy `disabled`): every istiod install in the repository that shows its `global.proxy.autoInject` says
 * `disabled`. Installs disagreeing (revisions) or none showing it keep the chart default `enabled`.
 */
function injectsOnlyOnRequest(model: ClusterModel): boolean {
  const policies = model.pilotInstalls.flatMap((pilot) => (pilot.autoInject ? [pilot.autoInject.value] : []));
  return policies.length > 0 && policies.every((policy) => policy === 'disabled');
}

/** A sidecar wins over ambient; a pod's `istio.io/dataplane-mode` (ambient / none) wins over its namespace's. */
export function podMeshMembership(model: ClusterModel, pod: PodShape): PodMeshMembership | undefined {
  const sidecar = sidecarReason(model, pod);
  if (sidecar) return { mode: 'sidecar', reason: sidecar };
  if (pod.hostNetwork) return undefined;
  const podMode = pod.labels['istio.io/dataplane-mode'];
  if (podMode === 'ambient')
    return { mode: 'ambient', reason: 'the pod is labelled istio.io/dataplane-mode=ambient' };
  if (podMode === 'none') return undefined;
  if (model.namespaces.get(pod.namespace)?.labels['istio.io/dataplane-mode'] === 'ambient')
    return { mode: 'ambient', reason: `namespace ${pod.namespace} has istio.io/dataplane-mode=ambient` };
  return undefined;
}

/** The namespace a DynaKube's operands (ActiveGate, CSI driver) run in. */
export function dynakubeNamespace(model: ClusterModel, dynakube: DynaKube): string {
  return dynakube.namespace ?? operatorNamespaces(model)[0].value;
}

/** The labels the operator puts on ActiveGate pods (`k8slabel.NewAppLabels`), plus `spec.activeGate.labels`. */
export function activeGatePodLabels(dynakube: DynaKube): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'activegate',
    'app.kubernetes.io/managed-by': 'dynatrace-operator',
    'app.kubernetes.io/component': 'activegate',
    'app.kubernetes.io/created-by': dynakube.name,
    ...(dynakube.activeGate?.labels ?? {}),
  };
}

/** The ActiveGate pods of a DynaKube as a pod shape; undefined when it has no ActiveGate. */
export function activeGatePod(model: ClusterModel, dynakube: DynaKube): PodShape | undefined {
  if (!dynakube.activeGate) return undefined;
  return {
    namespace: dynakubeNamespace(model, dynakube),
    labels: activeGatePodLabels(dynakube),
    annotations: dynakube.activeGate.annotations,
    hostNetwork: false,
  };
}
