import type { ParsedDocument } from '../parse/yaml.js';
import { valuesOrigin } from './helm.js';
import { fact, type Fact, type Origin } from './provenance.js';
import { asArray, asBoolean, asRecord, asString, getIn, stringMap, type Json } from './read.js';
import { originAt } from './resource.js';
import { toSelector } from './dynakube.js';
import type { ChartValues, CniInstall, MeshConfigSource, PilotInstall, ResourceBase } from './types.js';

type Locate = (path: (string | number)[]) => Origin;

/** Reads mesh-wide settings from a MeshConfig object found at `meshPath`. */
export function readMeshConfig(
  meshConfig: Json,
  locate: Locate,
  via: string,
  origin: Origin,
): MeshConfigSource {
  const source: MeshConfigSource = { via, origin };
  const policy = asRecord(meshConfig.outboundTrafficPolicy);
  if (policy) {
    // `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY (the protobuf enum's zero value).
    const mode = asString(policy.mode)?.toUpperCase() ?? 'REGISTRY_ONLY';
    source.outboundPolicy = fact(
      mode,
      locate(policy.mode !== undefined ? ['outboundTrafficPolicy', 'mode'] : ['outboundTrafficPolicy']),
    );
  }
  const root = asString(meshConfig.rootNamespace);
  if (root) source.rootNamespace = fact(root, locate(['rootNamespace']));
  if (meshConfig.defaultServiceExportTo !== undefined) {
    const exportTo = asArray(meshConfig.defaultServiceExportTo)
      .map(asString)
      .filter((v): v is string => !!v);
    source.defaultServiceExportTo = fact(exportTo, locate(['defaultServiceExportTo']));
  }
  if (meshConfig.discoverySelectors !== undefined) {
    const selectors = asArray(meshConfig.discoverySelectors)
      .map(toSelector)
      .filter((s) => s !== undefined);
    source.discoverySelectors = fact(selectors, locate(['discoverySelectors']));
  }
  return source;
}

export function isMeshConfigMap(resource: ResourceBase): boolean {
  return resource.kind === 'ConfigMap' && resource.apiVersion === 'v1' && /^istio(-.+)?$/.test(resource.name);
}

/** The `istio` / `istio-<rev>` ConfigMap keeps the mesh config as a YAML string under `data.mesh`. */
export function readMeshConfigMap(resource: ResourceBase): {
  source?: MeshConfigSource;
  problem?: string;
  line: number;
} {
  const nested = resource.document.nestedAt(['data', 'mesh']);
  const line = resource.document.lineAt(['data', 'mesh']) ?? resource.origin.line;
  if (!nested) return { line };
  if (nested.problems.length > 0)
    return { line: nested.problems[0].line, problem: `mesh config: ${nested.problems[0].reason}` };
  const document = nested.documents[0];
  const mesh = asRecord(document?.value) ?? {};
  const locate: Locate = (path) => ({
    file: resource.origin.file,
    line: document?.lineAt(path) ?? line,
    path: `data.mesh:${path.join('.')}`,
  });
  const via = `ConfigMap ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  return { source: readMeshConfig(mesh, locate, via, resource.origin), line };
}

/** istiod chart values: mesh config, pilot env (`pilot.*` wins over the flat 1.24+ keys), CNI-in-use flag. */
export function readIstiodValues(values: ChartValues): {
  mesh?: MeshConfigSource;
  pilot: PilotInstall;
  cniInUse?: Fact<boolean>;
} {
  const at = (path: (string | number)[]) => valuesOrigin(values, path);
  const meshConfig = asRecord(values.values.meshConfig);
  const mesh = meshConfig
    ? readMeshConfig(meshConfig, (p) => at(['meshConfig', ...p]), values.via, values.origin)
    : undefined;
  const env: Record<string, Fact<string>> = {};
  for (const prefix of [['env'], ['pilot', 'env']]) {
    for (const [key, raw] of Object.entries(asRecord(getIn(values.values, prefix)) ?? {})) {
      const text = asString(raw);
      if (text !== undefined) env[key] = fact(text, at([...prefix, key]));
    }
  }
  const envPrefix =
    getIn(values.values, ['pilot', 'env']) !== undefined || getIn(values.values, ['env']) === undefined
      ? ['pilot', 'env']
      : ['env'];
  let cniInUse: Fact<boolean> | undefined;
  for (const prefix of [['cni'], ['pilot', 'cni']]) {
    const enabled = asBoolean(getIn(values.values, [...prefix, 'enabled']));
    if (enabled !== undefined) cniInUse = fact(enabled, at([...prefix, 'enabled']));
  }
  const pilot: PilotInstall = {
    env,
    envTarget: { document: values.document, path: [...values.valuesPath, ...envPrefix] },
    via: values.via,
    ...optionalFact('version', values.chartVersion, values.origin),
    ...optionalFact(
      'compatibilityVersion',
      asString(values.values.compatibilityVersion),
      at(['compatibilityVersion']),
    ),
    ...optionalFact('profile', asString(values.values.profile), at(['profile'])),
  };
  return { ...(mesh ? { mesh } : {}), pilot, ...(cniInUse ? { cniInUse } : {}) };
}

function optionalFact<K extends string>(key: K, value: string | undefined, origin: Origin) {
  return value === undefined ? {} : ({ [key]: fact(value, origin) } as Record<K, Fact<string>>);
}

/** The cni chart: pod annotations flat (1.24+) or under `cni.` (older layout, still accepted and winning). */
export function readCniValues(values: ChartValues): CniInstall {
  const flat = stringMap(values.values.podAnnotations);
  const legacy = stringMap(getIn(values.values, ['cni', 'podAnnotations']));
  const hasLegacy = getIn(values.values, ['cni', 'podAnnotations']) !== undefined;
  const hasFlat = values.values.podAnnotations !== undefined;
  const annotationsPath =
    hasLegacy || (!hasFlat && asRecord(values.values.cni)) ? ['cni', 'podAnnotations'] : ['podAnnotations'];
  return {
    enabled: fact(true, values.origin),
    namespace: fact(values.releaseNamespace ?? 'istio-system', values.origin, !values.releaseNamespace),
    podAnnotations: fact({ ...flat, ...legacy }, valuesOrigin(values, annotationsPath)),
    annotationsTarget: { document: values.document, path: [...values.valuesPath, ...annotationsPath] },
    via: values.via,
  };
}

export function isIstioOperator(resource: ResourceBase): boolean {
  return resource.kind === 'IstioOperator' && resource.apiVersion.startsWith('install.istio.io/');
}

/** IstioOperator: `spec.values.meshConfig` wins over `spec.meshConfig`; `components.cni.enabled` installs CNI. */
export function readIstioOperator(resource: ResourceBase): {
  mesh?: MeshConfigSource;
  pilot: PilotInstall;
  cni?: CniInstall;
} {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const via = `IstioOperator ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  const at = (path: (string | number)[]) => originAt(resource, ['spec', ...path]);
  let mesh: MeshConfigSource | undefined;
  for (const prefix of [['meshConfig'], ['values', 'meshConfig']]) {
    const meshConfig = asRecord(getIn(spec, prefix));
    if (!meshConfig) continue;
    const next = readMeshConfig(meshConfig, (p) => at([...prefix, ...p]), via, resource.origin);
    mesh = mesh ? { ...mesh, ...definedOnly(next) } : next;
  }
  const env: Record<string, Fact<string>> = {};
  asArray(getIn(spec, ['components', 'pilot', 'k8s', 'env'])).forEach((item, index) => {
    const name = asString(asRecord(item)?.name);
    const value = asString(asRecord(item)?.value);
    if (name && value !== undefined)
      env[name] = fact(value, at(['components', 'pilot', 'k8s', 'env', index]));
  });
  for (const [key, raw] of Object.entries(asRecord(getIn(spec, ['values', 'pilot', 'env'])) ?? {})) {
    const text = asString(raw);
    if (text !== undefined) env[key] = fact(text, at(['values', 'pilot', 'env', key]));
  }
  const compatibility =
    asString(spec.compatibilityVersion) ?? asString(getIn(spec, ['values', 'compatibilityVersion']));
  const pilot: PilotInstall = {
    env,
    envTarget: { document: resource.document, path: ['spec', 'values', 'pilot', 'env'] },
    via,
    ...optionalFact('version', asString(spec.tag), at(['tag'])),
    ...optionalFact('profile', asString(spec.profile), at(['profile'])),
    ...optionalFact('compatibilityVersion', compatibility, at(['compatibilityVersion'])),
  };
  const cniEnabled =
    asBoolean(getIn(spec, ['components', 'cni', 'enabled'])) ??
    (asString(spec.profile) === 'ambient' ? true : undefined);
  let cni: CniInstall | undefined;
  if (cniEnabled !== undefined) {
    const namespace = asString(getIn(spec, ['components', 'cni', 'namespace']));
    cni = {
      enabled: fact(cniEnabled, at(['components', 'cni', 'enabled'])),
      namespace: fact(namespace ?? 'istio-system', at(['components', 'cni']), !namespace),
      podAnnotations: fact(
        stringMap(getIn(spec, ['values', 'cni', 'podAnnotations'])),
        at(['values', 'cni', 'podAnnotations']),
      ),
      annotationsTarget: { document: resource.document, path: ['spec', 'values', 'cni', 'podAnnotations'] },
      via,
    };
  }
  return { ...(mesh ? { mesh } : {}), pilot, ...(cni ? { cni } : {}) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A rendered `istio-cni-node` DaemonSet: CNI is installed in its namespace with its pod annotations. */
export function readCniDaemonSet(resource: ResourceBase): CniInstall | undefined {
  if (resource.kind !== 'DaemonSet' || resource.name !== 'istio-cni-node') return undefined;
  const path = ['spec', 'template', 'metadata', 'annotations'];
  return {
    enabled: fact(true, resource.origin),
    namespace: fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
    podAnnotations: fact(stringMap(getIn(resource.document.value, path)), originAt(resource, path)),
    annotationsTarget: { document: resource.document as ParsedDocument, path },
    via: `DaemonSet ${resource.namespace ?? ''}/${resource.name}`,
  };
}
