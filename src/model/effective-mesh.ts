import { valuesOrigin } from './helm.js';
import { fact, type Fact, type Origin } from './provenance.js';
import { asBoolean, getIn } from './read.js';
import { imageTag } from './facts-versions.js';
import type { ClusterModel, CniInstall, Workload } from './types.js';

const NO_ORIGIN: Origin = { file: '', line: 0 };

export type NamespaceDataPlane = 'sidecar' | 'ambient' | 'none';

/** How a namespace joins the mesh, from its labels (and the injector's `enableNamespacesByDefault`). */
export interface NamespaceMode extends Fact<NamespaceDataPlane> {
  /** `istio.io/rev` when the namespace selects a revision. */
  revision?: string;
  /** Both a sidecar label and `istio.io/dataplane-mode: ambient`: the sidecar wins, but the mix is unsupported. */
  mixed?: boolean;
}

/** Namespaces the injector never touches (`IgnoredNamespaces` in Istio's injector). */
const NEVER_INJECTED = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];

/**
 * The data-plane mode of a namespace: `istio-injection=enabled` or `istio.io/rev` mean sidecars (the legacy
 * label wins over the revision, any other `istio-injection` value injects nothing), `istio.io/dataplane-mode:
 * ambient` means ambient unless sidecars are also selected; unlabelled namespaces are outside the mesh unless
 * the injector enables namespaces by default.
 */
export function namespaceDataPlaneMode(model: ClusterModel, namespace: string): NamespaceMode {
  const resource = model.namespaces.get(namespace);
  const labels = resource?.labels ?? {};
  const at = (key: string): Origin =>
    resource
      ? {
          file: resource.document.fileAt?.(['metadata', 'labels', key]) ?? resource.origin.file,
          line: resource.document.lineAt(['metadata', 'labels', key]) ?? resource.origin.line,
          path: `metadata.labels.${key}`,
        }
      : NO_ORIGIN;
  const ambient = labels['istio.io/dataplane-mode'] === 'ambient';
  const injection = labels['istio-injection'];
  const revision = labels['istio.io/rev'];
  if (injection !== undefined) {
    if (injection === 'enabled')
      return { ...fact('sidecar', at('istio-injection')), ...(ambient ? { mixed: true } : {}) };
    return ambient ? fact('ambient', at('istio.io/dataplane-mode')) : fact('none', at('istio-injection'));
  }
  if (revision !== undefined)
    return { ...fact('sidecar', at('istio.io/rev')), revision, ...(ambient ? { mixed: true } : {}) };
  if (ambient) return fact('ambient', at('istio.io/dataplane-mode'));
  if (labels['istio.io/dataplane-mode'] === 'none') return fact('none', at('istio.io/dataplane-mode'));
  const byDefault = injectsByDefault(model);
  if (byDefault && !NEVER_INJECTED.includes(namespace)) return fact('sidecar', byDefault.origin);
  return fact('none', resource?.origin ?? NO_ORIGIN, true);
}

/** `sidecarInjectorWebhook.enableNamespacesByDefault: true` in the istiod values injects every unlabelled namespace. */
export function injectsByDefault(model: ClusterModel): Fact<boolean> | undefined {
  for (const values of model.chartValues) {
    if (values.chart !== 'istiod') continue;
    const path = ['sidecarInjectorWebhook', 'enableNamespacesByDefault'];
    if (asBoolean(getIn(values.values, path)) === true) return fact(true, valuesOrigin(values, path));
  }
  return undefined;
}

/** The per-pod override `sidecar.istio.io/nativeSidecar` (Istio ≥ 1.24), when a workload sets it. */
export function podNativeSidecar(workload: Workload): Fact<boolean> | undefined {
  const raw = workload.podAnnotations['sidecar.istio.io/nativeSidecar'];
  const value = asBoolean(raw);
  if (value === undefined) return undefined;
  const path = [...workload.podMetadataPath, 'annotations', 'sidecar.istio.io/nativeSidecar'];
  return fact(value, {
    file: workload.document.fileAt?.(path) ?? workload.origin.file,
    line: workload.document.lineAt(path) ?? workload.origin.line,
    path: path.join('.'),
  });
}

const ISTIO_IMAGE = /\/(pilot|proxyv2|install-cni|ztunnel)(:|@|$)/;

/** Every Istio version the repository states: chart versions, `spec.tag`, Sail `spec.version`, Istio image tags. */
export function istioVersions(model: ClusterModel): (Fact<string> & { via: string })[] {
  const found: (Fact<string> & { via: string })[] = [];
  for (const pilot of model.pilotInstalls)
    if (pilot.version) found.push({ ...pilot.version, via: pilot.via });
  for (const cni of model.cniInstalls) if (cni.version) found.push({ ...cni.version, via: cni.via });
  for (const workload of model.workloads) {
    const containers = getIn(workload.document.value, [
      ...workload.podMetadataPath.slice(0, -1),
      'spec',
      'containers',
    ]);
    (Array.isArray(containers) ? containers : []).forEach((container, index) => {
      const image =
        typeof (container as { image?: unknown })?.image === 'string'
          ? (container as { image: string }).image
          : '';
      const tag = ISTIO_IMAGE.test(image) ? imageTag(image) : undefined;
      if (!tag) return;
      const path = [...workload.podMetadataPath.slice(0, -1), 'spec', 'containers', index, 'image'];
      found.push({
        ...fact(tag, {
          file: workload.origin.file,
          line: workload.document.lineAt(path) ?? workload.origin.line,
          path: path.join('.'),
        }),
        via: `${workload.kind} ${workload.name} image`,
      });
    });
  }
  return found;
}

export type IstioDistribution = 'upstream' | 'openshift-service-mesh' | 'managed-asm' | 'managed-aks';

/** Which Istio this is: OpenShift Service Mesh (Maistra, Sail `openshift*`, Red Hat images), managed ASM / AKS, or upstream. */
export function istioDistribution(model: ClusterModel): Fact<IstioDistribution> {
  const hint = model.distributionHints[0];
  if (hint) return fact('openshift-service-mesh', hint.origin);
  for (const workload of model.workloads) {
    if (JSON.stringify(workload.document.value).includes('registry.redhat.io/openshift-service-mesh/'))
      return fact('openshift-service-mesh', workload.origin);
  }
  for (const resource of model.resources) {
    if (
      resource.kind === 'ControlPlaneRevision' ||
      (resource.kind === 'ConfigMap' && /^istio-asm-managed/.test(resource.name))
    )
      return fact('managed-asm', resource.origin);
    if (resource.kind === 'ConfigMap' && /^istio-shared-configmap-/.test(resource.name))
      return fact('managed-aks', resource.origin);
  }
  return fact('upstream', NO_ORIGIN, true);
}

/** The CNI agent as the mesh sees it: installed (with namespace and pod annotations), or only announced to istiod. */
export interface CniState extends Fact<boolean> {
  install?: CniInstall;
}

/**
 * Whether the Istio CNI agent runs: an install in the repository that is enabled, else istiod being told CNI is in
 * use (`pilot.cni.enabled`) with the agent installed elsewhere, else off.
 */
export function effectiveCni(model: ClusterModel): CniState[] {
  const installs = model.cniInstalls.filter((cni) => cni.enabled.value);
  if (installs.length > 0) return installs.map((install) => ({ ...install.enabled, install }));
  const told = model.pilotInstalls.find((pilot) => pilot.cniEnabled?.value);
  if (told?.cniEnabled) return [told.cniEnabled];
  return [fact(false, NO_ORIGIN, true)];
}
