import { documentLayer, layeredChartValues } from './chart-values.js';
import { readMeshConfig } from './mesh-install.js';
import { fact, type Fact } from './provenance.js';
import { asArray, asRecord, asString, getIn } from './read.js';
import { apiGroup, originAt } from './resource.js';
import type {
  ChartValues,
  HelmChart,
  MeshConfigSource,
  PilotInstall,
  ResourceBase,
  ValuesLayer,
} from './types.js';

/** Sail operator kinds (OpenShift Service Mesh 3 and upstream Sail) and the chart each one installs. */
const SAIL_KINDS: Record<string, { chart: HelmChart; namespace: string }> = {
  Istio: { chart: 'istiod', namespace: 'istio-system' },
  IstioRevision: { chart: 'istiod', namespace: 'istio-system' },
  IstioCNI: { chart: 'cni', namespace: 'istio-cni' },
  ZTunnel: { chart: 'ztunnel', namespace: 'ztunnel' },
};

export function isSailResource(resource: ResourceBase): boolean {
  const group = apiGroup(resource.apiVersion);
  // Before August 2024 development builds of Sail used `operator.istio.io`.
  return (group === 'sailoperator.io' || group === 'operator.istio.io') && resource.kind in SAIL_KINDS;
}

/**
 * A Sail CR is a Helm install in disguise: `spec.values` are the chart's values, `spec.version` its version,
 * `spec.namespace` the release namespace, `spec.profile` the chart preset.
 */
export function readSailResource(resource: ResourceBase): ChartValues {
  const { chart, namespace } = SAIL_KINDS[resource.kind];
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const via = `${resource.kind} ${resource.name}`;
  const layers: ValuesLayer[] = [];
  const profile = asString(spec.profile);
  if (profile) {
    layers.push({
      via: `${via} spec.profile`,
      values: { profile },
      locate: () => originAt(resource, ['spec', 'profile']),
    });
  }
  layers.push(documentLayer(resource.document, ['spec', 'values'], `${via} spec.values`));
  // Sail overrides `global.istioNamespace` with `spec.namespace` (pkg/istiovalues/overrides.go); for istiod that is
  // also the mesh's root namespace unless meshConfig names one.
  const specNamespace = asString(spec.namespace);
  if (chart === 'istiod' && specNamespace) {
    layers.push({
      via: `${via} spec.namespace`,
      values: { global: { istioNamespace: specNamespace } },
      locate: () => originAt(resource, ['spec', 'namespace']),
    });
  }
  const version = asString(spec.version)?.replace(/^v(?=\d)/, '');
  const values = layeredChartValues(chart, layers, {
    via,
    origin: originAt(resource, spec.version !== undefined ? ['spec', 'version'] : ['spec']),
    releaseNamespace: asString(spec.namespace) ?? namespace,
    chartVersion: version,
    releaseName: resource.name,
    fallback: { document: resource.document, valuesPath: ['spec', 'values'] },
  });
  return { ...values, installer: 'sail' };
}

/** Sail profiles `openshift*` mean OpenShift Service Mesh. */
export function sailDistributionHint(resource: ResourceBase): Fact<string> | undefined {
  const profile = asString(getIn(resource.document.value, ['spec', 'profile']));
  if (!profile?.startsWith('openshift')) return undefined;
  return fact(
    `${resource.kind} ${resource.name} profile ${profile} (OpenShift Service Mesh)`,
    originAt(resource, ['spec', 'profile']),
  );
}

export function isMaistraControlPlane(resource: ResourceBase): boolean {
  return resource.kind === 'ServiceMeshControlPlane' && apiGroup(resource.apiVersion) === 'maistra.io';
}

/** Maistra keeps the egress policy at `spec.proxy.networking.trafficControl.outbound.policy`. */
export function readMaistraControlPlane(resource: ResourceBase): MeshConfigSource {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const via = `ServiceMeshControlPlane ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  const meshConfig = asRecord(spec.meshConfig) ?? {};
  const source = readMeshConfig(
    meshConfig,
    (path) => originAt(resource, ['spec', 'meshConfig', ...path]),
    via,
    resource.origin,
  );
  const policyPath = ['spec', 'proxy', 'networking', 'trafficControl', 'outbound', 'policy'];
  const policy = asString(getIn(resource.document.value, policyPath));
  if (policy) source.outboundPolicy = fact(policy.toUpperCase(), originAt(resource, policyPath));
  // A Maistra control plane is its own root namespace.
  if (!source.rootNamespace && resource.namespace)
    source.rootNamespace = fact(resource.namespace, resource.origin, true);
  return source;
}

/** A rendered istiod Deployment (`istiod`, `istiod-<rev>`): container `discovery`'s env, image tag, revision. */
export function readIstiodDeployment(resource: ResourceBase): PilotInstall | undefined {
  if (resource.kind !== 'Deployment' || !/^istiod(-.+)?$/.test(resource.name)) return undefined;
  const containersPath = ['spec', 'template', 'spec', 'containers'];
  const containers = asArray(getIn(resource.document.value, containersPath));
  const index = containers.findIndex((c) => asString(asRecord(c)?.name) === 'discovery');
  if (index < 0) return undefined;
  const container = asRecord(containers[index]) ?? {};
  const env: Record<string, Fact<string>> = {};
  asArray(container.env).forEach((item, envIndex) => {
    const name = asString(asRecord(item)?.name);
    const value = asString(asRecord(item)?.value);
    if (name && value !== undefined)
      env[name] = fact(value, originAt(resource, [...containersPath, index, 'env', envIndex]));
  });
  const image = asString(container.image);
  const tag = image?.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : undefined;
  const revision = resource.labels['istio.io/rev'];
  const containerPath = [...containersPath, index];
  return {
    // istiod's settings are the discovery container's env: where one is added, or the container when it has none.
    origin: originAt(resource, container.env !== undefined ? [...containerPath, 'env'] : containerPath),
    env,
    via: `Deployment ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`,
    ...(tag ? { version: fact(tag, originAt(resource, [...containersPath, index, 'image'])) } : {}),
    ...(revision && revision !== 'default'
      ? { revision: fact(revision, originAt(resource, ['metadata', 'labels', 'istio.io/rev'])) }
      : {}),
    namespace: fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
  };
}
