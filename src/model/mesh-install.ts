import type { ParsedDocument } from '../parse/yaml.js';
import { valuesOrigin } from './helm.js';
import { fact, type Fact, type NotEvaluable, type Origin } from './provenance.js';
import {
  asArray,
  asBoolean,
  asRecord,
  asString,
  getIn,
  nonStringKeys,
  stringMap,
  type Json,
} from './read.js';
import { atLeast, releaseLine } from './facts-versions.js';
import { presetSetting, type PresetKey } from './istio-presets.js';
import { fileAt, originAt } from './resource.js';
import { toSelector } from './dynakube.js';
import { helmMerge } from './chart-values.js';
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
    // `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY (the protobuf enum's zero value). A mode is kept as
    // written: istiod parses enum names case-sensitively (see `unreadableMeshModes`).
    const mode = asString(policy.mode) ?? 'REGISTRY_ONLY';
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
      .map((selector) => toSelector(selector))
      .filter((s) => s !== undefined);
    source.discoverySelectors = fact(selectors, locate(['discoverySelectors']));
  }
  return source;
}

/** The names of `MeshConfig.OutboundTrafficPolicy.Mode` (`ALLOW_ANY_DYNAMIC_DNS` since Istio 1.30). */
const MESH_OUTBOUND_MODES = ['REGISTRY_ONLY', 'ALLOW_ANY', 'ALLOW_ANY_DYNAMIC_DNS'];

/**
 * Notes for mesh configs whose outbound mode is no enum name as written (`registry_only`). istiod reads the mesh
 * config with jsonpb, which matches enum names exactly; on an error it discards the whole config and keeps its last
 * valid one, or the default ALLOW_ANY (`meshwatcher`, "invalid mesh config, using last known state").
 */
export function unreadableMeshModes(sources: readonly MeshConfigSource[]): NotEvaluable[] {
  return sources.flatMap((source) => {
    const mode = source.outboundPolicy;
    if (!mode || MESH_OUTBOUND_MODES.includes(mode.value)) return [];
    return [
      {
        file: mode.origin.file,
        line: mode.origin.line,
        reason:
          `${source.via}: outboundTrafficPolicy.mode "${mode.value}" is not one of ${MESH_OUTBOUND_MODES.join(', ')} ` +
          '(as written, upper case); istiod rejects the mesh config and keeps its last valid one, so it is not read as a restriction',
      },
    ];
  });
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
  const file = fileAt(resource.document, ['data', 'mesh']);
  const locate: Locate = (path) => ({
    file,
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
  const mesh = withChartRootNamespace(
    meshConfig
      ? readMeshConfig(meshConfig, (p) => at(['meshConfig', ...p]), values.via, values.origin)
      : undefined,
    values.values,
    at,
    values.via,
    values.origin,
  );
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
  const cniInUse = istiodCniFlag(values, at);
  const namespace = values.releaseNamespace;
  const pilot: PilotInstall = {
    origin: values.origin,
    env,
    envTarget: { document: values.document, path: [...values.valuesPath, ...envPrefix] },
    via: values.via,
    ...chartVersionFact(values),
    ...presetFact(values, 'compatibilityVersion'),
    ...presetFact(values, 'profile'),
    ...optionalFact('revision', asString(values.values.revision) || undefined, at(['revision'])),
    ...presetFact(values, 'platform'),
    namespace: fact(namespace ?? 'istio-system', values.origin, !namespace),
    ...(cniInUse ? { cniEnabled: cniInUse } : {}),
    autoInject: autoInjectPolicy(values.values, at, values.origin),
  };
  return { ...(mesh ? { mesh } : {}), pilot, ...(cniInUse ? { cniInUse } : {}) };
}

/**
 * `global.proxy.autoInject`, which the istiod chart writes as the injector's `policy` (`istiod-injector-configmap.yaml`):
 * `enabled` (the chart default) injects pods that say nothing, `disabled` injects only pods that ask.
 */
function autoInjectPolicy(values: Json, at: Locate, origin: Origin): Fact<string> {
  const path = ['global', 'proxy', 'autoInject'];
  const written = asString(getIn(values, path));
  return written ? fact(written, at(path)) : fact('enabled', origin, true);
}

/**
 * The istiod chart renders `rootNamespace` as `meshConfig.rootNamespace`, else `global.istioNamespace`
 * (`templates/configmap.yaml`, 1.20 to 1.28; IstioOperator renders the same chart from `spec.values`), so a mesh
 * config without a root namespace of its own has the chart's. Sail sets `global.istioNamespace` to the CR's
 * `spec.namespace` (see `readSailResource`).
 */
function withChartRootNamespace(
  mesh: MeshConfigSource | undefined,
  values: Json,
  at: Locate,
  via: string,
  origin: Origin,
): MeshConfigSource | undefined {
  if (mesh?.rootNamespace) return mesh;
  const istioNamespace = asString(getIn(values, ['global', 'istioNamespace']));
  if (!istioNamespace) return mesh;
  const rootNamespace = fact(istioNamespace, at(['global', 'istioNamespace']));
  return { ...(mesh ?? { via, origin }), rootNamespace };
}

/**
 * Whether istiod is told the CNI agent is in use. 1.24+ reads only `pilot.cni.enabled` (the flat `cni.enabled` is
 * copied there, `pilot.*` winning); 1.22–1.23 also `istio_cni.enabled`, which older charts used alone.
 */
function istiodCniFlag(
  values: ChartValues,
  at: (path: (string | number)[]) => Origin,
): Fact<boolean> | undefined {
  for (const prefix of [['pilot', 'cni'], ['cni']]) {
    const enabled = asBoolean(getIn(values.values, [...prefix, 'enabled']));
    if (enabled !== undefined) return fact(enabled, at([...prefix, 'enabled']));
  }
  const legacy = asBoolean(getIn(values.values, ['istio_cni', 'enabled']));
  const minor = /^v?1\.(\d+)/.exec(values.chartVersion ?? '');
  if (legacy !== undefined && (!minor || Number(minor[1]) < 24))
    return fact(legacy, at(['istio_cni', 'enabled']));
  return undefined;
}

/** A preset setting as a fact at the key the chart reads it from (see {@link presetSetting}). */
function presetFact<K extends PresetKey>(values: ChartValues, key: K): Partial<Record<K, Fact<string>>> {
  const chosen = presetSetting(values.values, key);
  return optionalFact(key, chosen?.value, valuesOrigin(values, chosen?.path ?? [key]));
}

function optionalFact<K extends string>(key: K, value: string | undefined, origin: Origin) {
  return value === undefined ? {} : ({ [key]: fact(value, origin) } as Record<K, Fact<string>>);
}

/**
 * Why the cni chart does not read its flat top-level keys (`podAnnotations`, `ambient`, …) here, or undefined when
 * it does. The flat layout came with 1.24; a chart of unknown version may be that new, so its flat keys count (as
 * `istio_cni.enabled` counts for an istiod chart of unknown version). Sail keeps only the `cni` and `global` maps of
 * an IstioCNI's values (its CNIValues type has no other field), whatever the version.
 */
function whyFlatCniKeysIgnored(values: ChartValues): string | undefined {
  if (values.installer === 'sail')
    return "Sail passes only `cni` and `global` of an IstioCNI's spec.values to the chart";
  const line = releaseLine(values.chartVersion);
  if (line && !atLeast(line, 1, 24))
    return `the cni chart ${values.chartVersion} reads only the \`cni:\` map (the flat keys came with 1.24)`;
  return undefined;
}

/**
 * The cni chart. Up to 1.23 its templates read only the `cni:` map; from 1.24 the keys are flat, and the chart still
 * copies `cni.*` over the flat keys, so `cni.*` wins wherever both are set.
 */
export function readCniValues(values: ChartValues): CniInstall {
  const flatIgnored = whyFlatCniKeysIgnored(values);
  const legacyMap = asRecord(values.values.cni);
  const hasLegacy = getIn(values.values, ['cni', 'podAnnotations']) !== undefined;
  const hasFlat = values.values.podAnnotations !== undefined;
  const annotationsPath =
    flatIgnored || hasLegacy || (!hasFlat && legacyMap) ? ['cni', 'podAnnotations'] : ['podAnnotations'];
  const pick = (key: string[]): { value: unknown; path: string[] } | undefined => {
    const legacy = getIn(values.values, ['cni', ...key]);
    if (legacy !== undefined) return { value: legacy, path: ['cni', ...key] };
    const flat = flatIgnored ? undefined : getIn(values.values, key);
    return flat !== undefined ? { value: flat, path: key } : undefined;
  };
  const ambient = pick(['ambient', 'enabled']);
  const ambientEnabled = asBoolean(ambient?.value);
  const exclude = pick(['excludeNamespaces']);
  const at = (path: (string | number)[]) => valuesOrigin(values, path);
  const flatAnnotations = stringMap(values.values.podAnnotations);
  // The chart copies `cni.podAnnotations` over the flat map: a key's value as written is the one that wins.
  const writtenAnnotations = {
    ...(flatIgnored ? {} : asRecord(values.values.podAnnotations)),
    ...asRecord(legacyMap?.podAnnotations),
  };
  return {
    enabled: fact(true, values.origin),
    namespace: fact(values.releaseNamespace ?? 'istio-system', values.origin, !values.releaseNamespace),
    podAnnotations: fact(stringMap(writtenAnnotations), at(annotationsPath)),
    nonStringPodAnnotations: nonStringKeys(writtenAnnotations),
    annotationsTarget: { document: values.document, path: [...values.valuesPath, ...annotationsPath] },
    ...(flatIgnored && hasFlat
      ? {
          ignoredPodAnnotations: {
            annotations: fact(flatAnnotations, at(['podAnnotations'])),
            reason: flatIgnored,
          },
        }
      : {}),
    via: values.via,
    ...(ambient && ambientEnabled !== undefined ? { ambient: fact(ambientEnabled, at(ambient.path)) } : {}),
    ...(exclude
      ? {
          excludeNamespaces: fact(
            asArray(exclude.value)
              .map(asString)
              .filter((v): v is string => !!v),
            at(exclude.path),
          ),
        }
      : {}),
    ...chartVersionFact(values),
  };
}

/** The chart version as the install's Istio version; `defaulted` when it is the assumed one. */
function chartVersionFact(values: ChartValues): { version?: Fact<string> } {
  if (!values.chartVersion) return {};
  const origin = values.chartVersionOrigin ?? values.origin;
  return { version: fact(values.chartVersion, origin, values.chartVersionAssumed) };
}

export function isIstioOperator(resource: ResourceBase): boolean {
  return resource.kind === 'IstioOperator' && resource.apiVersion.startsWith('install.istio.io/');
}

/** IstioOperator: `spec.values.meshConfig` wins over `spec.meshConfig`; `components.cni.enabled` installs CNI. */
export function readIstioOperator(resource: ResourceBase): {
  mesh?: MeshConfigSource;
  /** Undefined when the IstioOperator installs no istiod (gateways or CNI only). */
  pilot?: PilotInstall;
  cni?: CniInstall;
} {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const via = `IstioOperator ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  const at = (path: (string | number)[]) => originAt(resource, ['spec', ...path]);
  // istioctl merges `spec.meshConfig` into `spec.values.meshConfig` and then the user's `spec.values` on top, key by
  // key (operator/pkg/render/manifest.go): a `values.meshConfig.outboundTrafficPolicy` without `mode` keeps the mode of
  // `spec.meshConfig`. Each setting points at the map that wrote it.
  const topMesh = asRecord(spec.meshConfig);
  const valuesMesh = asRecord(getIn(spec, ['values', 'meshConfig']));
  let mesh: MeshConfigSource | undefined =
    topMesh || valuesMesh
      ? readMeshConfig(
          helmMerge(topMesh ?? {}, valuesMesh ?? {}),
          (p) =>
            at(getIn(valuesMesh, p) !== undefined ? ['values', 'meshConfig', ...p] : ['meshConfig', ...p]),
          via,
          resource.origin,
        )
      : undefined;
  mesh = withChartRootNamespace(
    mesh,
    asRecord(spec.values) ?? {},
    (p) => at(['values', ...p]),
    via,
    resource.origin,
  );
  // `components.pilot.k8s.env` patches the rendered Deployment, so it wins over `values.pilot.env`.
  const env: Record<string, Fact<string>> = {};
  for (const [key, raw] of Object.entries(asRecord(getIn(spec, ['values', 'pilot', 'env'])) ?? {})) {
    const text = asString(raw);
    if (text !== undefined) env[key] = fact(text, at(['values', 'pilot', 'env', key]));
  }
  asArray(getIn(spec, ['components', 'pilot', 'k8s', 'env'])).forEach((item, index) => {
    const name = asString(asRecord(item)?.name);
    const value = asString(asRecord(item)?.value);
    if (name && value !== undefined)
      env[name] = fact(value, at(['components', 'pilot', 'k8s', 'env', index]));
  });
  const compatibilityPath =
    spec.compatibilityVersion !== undefined ? ['compatibilityVersion'] : ['values', 'compatibilityVersion'];
  const profile = asString(spec.profile);
  const cniComponent = iopCniComponent(spec, profile, at);
  const pilotCni = asBoolean(getIn(spec, ['values', 'pilot', 'cni', 'enabled']));
  const cniInUse =
    pilotCni !== undefined
      ? fact(pilotCni, at(['values', 'pilot', 'cni', 'enabled']))
      : cniComponent?.enabled;
  const namespace = asString(spec.namespace) ?? asString(getIn(spec, ['values', 'global', 'istioNamespace']));
  const pilot: PilotInstall = {
    origin: resource.origin,
    env,
    envTarget: { document: resource.document, path: ['spec', 'values', 'pilot', 'env'] },
    via,
    ...optionalFact(
      'version',
      asString(spec.tag) ?? asString(getIn(spec, ['values', 'global', 'tag'])),
      at(spec.tag !== undefined ? ['tag'] : ['values', 'global', 'tag']),
    ),
    ...optionalFact('profile', profile, at(['profile'])),
    ...optionalFact('compatibilityVersion', asString(getIn(spec, compatibilityPath)), at(compatibilityPath)),
    ...optionalFact('revision', asString(spec.revision) || undefined, at(['revision'])),
    ...optionalFact(
      'platform',
      asString(getIn(spec, ['values', 'global', 'platform'])),
      at(['values', 'global', 'platform']),
    ),
    namespace: fact(
      namespace ?? 'istio-system',
      namespace
        ? at(spec.namespace !== undefined ? ['namespace'] : ['values', 'global', 'istioNamespace'])
        : resource.origin,
      !namespace,
    ),
    ...(cniInUse ? { cniEnabled: cniInUse } : {}),
    autoInject: autoInjectPolicy(asRecord(spec.values) ?? {}, (p) => at(['values', ...p]), resource.origin),
  };
  let cni: CniInstall | undefined;
  if (cniComponent) {
    const cniNamespace = asString(getIn(spec, ['components', 'cni', 'namespace']));
    const ambient =
      asBoolean(getIn(spec, ['values', 'cni', 'ambient', 'enabled'])) ??
      (profile?.includes('ambient') ? true : undefined);
    const exclude = getIn(spec, ['values', 'cni', 'excludeNamespaces']);
    cni = {
      enabled: cniComponent.enabled,
      namespace: fact(cniNamespace ?? 'istio-system', at(['components', 'cni']), !cniNamespace),
      podAnnotations: fact(
        stringMap(getIn(spec, ['values', 'cni', 'podAnnotations'])),
        at(['values', 'cni', 'podAnnotations']),
      ),
      nonStringPodAnnotations: nonStringKeys(getIn(spec, ['values', 'cni', 'podAnnotations'])),
      annotationsTarget: { document: resource.document, path: ['spec', 'values', 'cni', 'podAnnotations'] },
      via,
      ...(ambient !== undefined
        ? {
            ambient: fact(
              ambient,
              at(
                getIn(spec, ['values', 'cni', 'ambient', 'enabled']) !== undefined
                  ? ['values', 'cni', 'ambient', 'enabled']
                  : ['profile'],
              ),
            ),
          }
        : {}),
      ...(exclude !== undefined
        ? {
            excludeNamespaces: fact(
              asArray(exclude)
                .map(asString)
                .filter((v): v is string => !!v),
              at(['values', 'cni', 'excludeNamespaces']),
            ),
          }
        : {}),
      ...(pilot.version ? { version: pilot.version } : {}),
    };
  }
  // The `empty` profile disables every component (istio/istio manifests/profiles/empty.yaml), and
  // `components.pilot.enabled: false` istiod: such an IstioOperator installs gateways or CNI only, and its meshConfig
  // reaches no mesh ConfigMap, which the istiod chart renders.
  const installsIstiod = asBoolean(getIn(spec, ['components', 'pilot', 'enabled'])) ?? profile !== 'empty';
  if (!installsIstiod) return cni ? { cni } : {};
  return { ...(mesh ? { mesh } : {}), pilot, ...(cni ? { cni } : {}) };
}

/** IstioOperator profiles that install the CNI agent without `components.cni.enabled`. */
const CNI_PROFILES = ['ambient', 'openshift', 'openshift-ambient'];

/** `components.cni.enabled`, or a profile that installs CNI; undefined when the IstioOperator says nothing. */
function iopCniComponent(
  spec: Json,
  profile: string | undefined,
  at: Locate,
): { enabled: Fact<boolean> } | undefined {
  const explicit = asBoolean(getIn(spec, ['components', 'cni', 'enabled']));
  if (explicit !== undefined) return { enabled: fact(explicit, at(['components', 'cni', 'enabled'])) };
  if (profile && CNI_PROFILES.includes(profile)) return { enabled: fact(true, at(['profile'])) };
  return undefined;
}

/** A rendered `istio-cni-node` DaemonSet: CNI is installed in its namespace with its pod annotations. */
export function readCniDaemonSet(resource: ResourceBase): CniInstall | undefined {
  if (resource.kind !== 'DaemonSet' || resource.name !== 'istio-cni-node') return undefined;
  const path = ['spec', 'template', 'metadata', 'annotations'];
  return {
    enabled: fact(true, resource.origin),
    namespace: fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
    podAnnotations: fact(stringMap(getIn(resource.document.value, path)), originAt(resource, path)),
    nonStringPodAnnotations: nonStringKeys(getIn(resource.document.value, path)),
    annotationsTarget: { document: resource.document as ParsedDocument, path },
    via: `DaemonSet ${resource.namespace ?? ''}/${resource.name}`,
  };
}
