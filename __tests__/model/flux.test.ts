import { describe, expect, it } from '@jest/globals';
import { lineOf, modelOf } from './helpers.js';

const helmRelease = [
  'apiVersion: helm.toolkit.fluxcd.io/v2',
  'kind: HelmRelease',
  'metadata:',
  '  name: istiod',
  '  namespace: flux-system',
  'spec:',
  '  targetNamespace: istio-system',
  '  chart:',
  '    spec:',
  '      chart: istiod',
  '      version: 1.24.2',
  '      sourceRef: {kind: HelmRepository, name: istio}',
  '  valuesFrom:',
  '    - kind: ConfigMap',
  '      name: istiod-values',
  '    - kind: Secret',
  '      name: istiod-secret-values',
  '    - kind: ConfigMap',
  '      name: istiod-env',
  '      valuesKey: native',
  '      targetPath: pilot.env.ENABLE_NATIVE_SIDECARS',
  '  values:',
  '    meshConfig:',
  '      rootNamespace: istio-config',
];

const valuesConfigMap = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: istiod-values',
  '  namespace: flux-system',
  'data:',
  '  values.yaml: |',
  '    meshConfig:',
  '      rootNamespace: ignored-because-spec-values-wins',
  '      outboundTrafficPolicy:',
  '        mode: REGISTRY_ONLY',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: istiod-env',
  '  namespace: flux-system',
  'data:',
  '  native: "false"',
];

describe('Flux HelmRelease', () => {
  const model = modelOf({ 'istio/istiod.yaml': helmRelease, 'istio/values-cm.yaml': valuesConfigMap });
  const [values] = model.chartValues;

  it('reads chart, version and targetNamespace', () => {
    expect(model.chartValues).toHaveLength(1);
    expect(values).toMatchObject({
      chart: 'istiod',
      chartVersion: '1.24.2',
      releaseNamespace: 'istio-system',
    });
    expect(values.origin).toMatchObject({
      file: 'istio/istiod.yaml',
      line: lineOf(helmRelease, 'chart: istiod'),
    });
  });

  it('merges valuesFrom ConfigMaps under spec.values, each fact at its own line', () => {
    const [mesh] = model.meshConfigs;
    expect(mesh.outboundPolicy?.value).toBe('REGISTRY_ONLY');
    expect(mesh.outboundPolicy?.origin).toMatchObject({
      file: 'istio/values-cm.yaml',
      line: lineOf(valuesConfigMap, 'mode: REGISTRY_ONLY'),
    });
    expect(mesh.rootNamespace?.value).toBe('istio-config');
    expect(mesh.rootNamespace?.origin).toMatchObject({
      file: 'istio/istiod.yaml',
      line: lineOf(helmRelease, 'rootNamespace'),
    });
  });

  it('applies a valuesFrom targetPath value at its ConfigMap line', () => {
    const env = model.pilotInstalls[0].env.ENABLE_NATIVE_SIDECARS;
    expect(env.value).toBe('false');
    expect(env.origin).toMatchObject({
      file: 'istio/values-cm.yaml',
      line: lineOf(valuesConfigMap, 'native:'),
    });
  });

  it('reports a valuesFrom Secret as not evaluable at its line', () => {
    expect(model.notEvaluable).toContainEqual({
      file: 'istio/istiod.yaml',
      line: lineOf(helmRelease, 'kind: Secret'),
      reason: expect.stringMatching(/Secret istiod-secret-values/),
    });
  });

  it('reports a valuesFrom ConfigMap that is not in the repository', () => {
    const alone = modelOf({ 'istio/istiod.yaml': helmRelease });
    expect(alone.notEvaluable).toContainEqual({
      file: 'istio/istiod.yaml',
      line: lineOf(helmRelease, 'name: istiod-values') - 1,
      reason: 'valuesFrom ConfigMap istiod-values: not in the repository',
    });
    expect(alone.meshConfigs[0].outboundPolicy).toBeUndefined();
  });

  it('follows chartRef to an OCIRepository for the chart name and version', () => {
    const release = [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: mesh-cni, namespace: kube-system}',
      'spec:',
      '  chartRef: {kind: OCIRepository, name: cni-chart}',
      '  values:',
      '    podAnnotations:',
      '      oneagent.dynatrace.com/inject: "false"',
    ];
    const source = [
      'apiVersion: source.toolkit.fluxcd.io/v1beta2',
      'kind: OCIRepository',
      'metadata: {name: cni-chart, namespace: kube-system}',
      'spec:',
      '  url: oci://registry.istio.io/release/charts/cni',
      '  ref: {tag: 1.30.3}',
    ];
    const cniModel = modelOf({ 'a/release.yaml': release, 'a/source.yaml': source });
    expect(cniModel.chartValues[0]).toMatchObject({
      chart: 'cni',
      chartVersion: '1.30.3',
      releaseNamespace: 'kube-system',
    });
    const [cni] = cniModel.cniInstalls;
    expect(cni.namespace.value).toBe('kube-system');
    expect(cni.podAnnotations.value).toEqual({ 'oneagent.dynatrace.com/inject': 'false' });
    expect(cni.podAnnotations.origin).toMatchObject({
      file: 'a/release.yaml',
      line: lineOf(release, 'podAnnotations'),
    });
  });

  // source-controller's OCIRepository: `ref.semver` takes precedence over `ref.tag` (its API reference).
  it('reads the version of an OCIRepository from ref.semver before ref.tag', () => {
    const release = [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: istiod, namespace: istio-system}',
      'spec:',
      '  chartRef: {kind: OCIRepository, name: istiod}',
    ];
    const source = [
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: OCIRepository',
      'metadata: {name: istiod, namespace: istio-system}',
      'spec:',
      '  url: oci://registry.istio.io/release/charts/istiod',
      '  ref: {tag: 1.22.0, semver: ">=1.27.0 <1.28.0"}',
    ];
    const model = modelOf({ 'a/release.yaml': release, 'a/source.yaml': source });
    expect(model.chartValues[0].chartVersion).toBe('>=1.27.0 <1.28.0');
  });

  it('reads a valuesFrom ConfigMap made by a kustomize configMapGenerator', () => {
    const release = [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: dynatrace-operator, namespace: dynatrace}',
      'spec:',
      '  chart: {spec: {chart: dynatrace-operator, version: 1.7.0}}',
      '  valuesFrom:',
      '    - {kind: ConfigMap, name: operator-values}',
    ];
    const kustomization = [
      'resources: [release.yaml]',
      'configMapGenerator:',
      '  - name: operator-values',
      '    files:',
      '      - values.yaml=operator-values.yaml',
    ];
    const operatorValues = ['csidriver:', '  enabled: false'];
    const generated = modelOf({
      'dt/release.yaml': release,
      'dt/kustomization.yaml': kustomization,
      'dt/operator-values.yaml': operatorValues,
    });
    expect(generated.operatorInstalls).toHaveLength(1);
    const [operator] = generated.operatorInstalls;
    expect(operator.csiDriverEnabled.value).toBe(false);
    expect(operator.csiDriverEnabled.origin).toMatchObject({ file: 'dt/operator-values.yaml', line: 2 });
    expect(operator.namespace.value).toBe('dynatrace');
    expect(operator.version?.value).toBe('1.7.0');
  });
});

/**
 * helm-controller's values (fluxcd/pkg chartutil/values.go ChartValuesFromReferences): a targetPath reference is
 * set into the values merged so far with spec.values, so it overrides spec.values ("it will overwrite everything
 * before, including inline values", docs/spec/v2/helmreleases.md); the value is typed as `--set` types it unless
 * quoted or `literal: true`.
 */
describe('Flux HelmRelease valuesFrom targetPath', () => {
  const release = (references: string[], inline: string[]) => [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    '  chart: {spec: {chart: istiod, version: 1.26.0}}',
    '  valuesFrom:',
    ...references.map((line) => `    ${line}`),
    '  values:',
    ...inline.map((line) => `    ${line}`),
  ];
  const configMaps = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: cluster-values, namespace: istio-system}',
    'data:',
    '  mode: REGISTRY_ONLY',
    '  enabled: "false"',
    '  quoted: \'"false"\'',
    '  values.yaml: |',
    '    meshConfig:',
    '      outboundTrafficPolicy:',
    '        mode: ALLOW_ANY',
  ];
  const modeTarget =
    '- {kind: ConfigMap, name: cluster-values, valuesKey: mode, targetPath: meshConfig.outboundTrafficPolicy.mode}';
  const inlineMode = ['meshConfig:', '  outboundTrafficPolicy:', '    mode: ALLOW_ANY'];

  it('overrides the same key in spec.values, at the ConfigMap line', () => {
    const hr = release([modeTarget], inlineMode);
    const model = modelOf({ 'istio/hr.yaml': hr, 'istio/cm.yaml': configMaps });
    const [mesh] = model.meshConfigs;
    expect(mesh.outboundPolicy?.value).toBe('REGISTRY_ONLY');
    expect(mesh.outboundPolicy?.origin).toMatchObject({
      file: 'istio/cm.yaml',
      line: lineOf(configMaps, 'mode: REGISTRY_ONLY'),
    });
  });

  it('loses to spec.values where an earlier reference made the map it is set into (as Flux merges)', () => {
    const hr = release(['- {kind: ConfigMap, name: cluster-values}', modeTarget], inlineMode);
    const model = modelOf({ 'istio/hr.yaml': hr, 'istio/cm.yaml': configMaps });
    const [mesh] = model.meshConfigs;
    expect(mesh.outboundPolicy?.value).toBe('ALLOW_ANY');
    expect(mesh.outboundPolicy?.origin).toMatchObject({
      file: 'istio/hr.yaml',
      line: lineOf(hr, 'mode: ALLOW_ANY'),
    });
  });

  it.each([
    ['a bare value, typed as --set', '', 'enabled', false],
    ['a quoted value, kept a string', '', 'quoted', 'false'],
    ['a literal value, kept verbatim', ', literal: true', 'enabled', 'false'],
  ])('sets %s', (_name, extra, key, expected) => {
    const hr = release(
      [`- {kind: ConfigMap, name: cluster-values, valuesKey: ${key}, targetPath: pilot.cni.enabled${extra}}`],
      ['pilot:', '  cni:', '    enabled: true'],
    );
    const model = modelOf({ 'istio/hr.yaml': hr, 'istio/cm.yaml': configMaps });
    expect(model.chartValues[0].values).toEqual({ pilot: { cni: { enabled: expected } } });
  });
});
