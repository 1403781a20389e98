import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { chartGlobsFromConfig } from '../../src/config/charts.js';
import { recognizeChart } from '../../src/model/values-files.js';
import { lineOf, modelOf } from './helpers.js';

const fixtures = path.resolve(process.cwd(), '../shared/fixtures/istio-charts');

describe('plain values files', () => {
  it('maps files to charts by the globs of .github/dynakube-istio-guard.yml', () => {
    const config = [
      'rules: {cni-csi-deadlock: warning}',
      'charts:',
      "  cni: ['clusters/*/istio/cni.yaml']",
      '  unknown: [x]',
    ];
    const cni = ['global:', '  hub: docker.io/istio', 'podAnnotations: {}'];
    const model = modelOf({
      '.github/dynakube-istio-guard.yml': config,
      'clusters/prod/istio/cni.yaml': cni,
    });
    expect(model.chartValues.map((v) => [v.chart, v.document.file])).toEqual([
      ['cni', 'clusters/prod/istio/cni.yaml'],
    ]);
    expect(model.cniInstalls[0].podAnnotations.origin).toMatchObject({
      file: 'clusters/prod/istio/cni.yaml',
      line: 3,
    });
    expect(model.cniInstalls[0].namespace).toMatchObject({ value: 'istio-system', defaulted: true });
  });

  // The model reads the config file of both sides; a base whose glob picomatch refuses (longer than 64 KiB) crashed
  // the run, as one that does not compile made it match nothing.
  it('passes over a chart glob picomatch cannot read, and maps files by the others', () => {
    const config = [
      'charts:',
      '  istiod:',
      `    - ${'a'.repeat(70_000)}`,
      '    - "x/{values.yaml"',
      '    - x/*.yaml',
    ];
    const model = modelOf({ '.github/dynakube-istio-guard.yml': config, 'x/values.yaml': ['global: {}'] });
    expect(model.chartValues.map((v) => [v.chart, v.document.file])).toEqual([['istiod', 'x/values.yaml']]);
  });

  it('takes globs from build options over the config file', () => {
    const model = modelOf({ 'x/values.yaml': ['global: {}'] }, { charts: { istiod: ['x/*.yaml'] } });
    expect(model.chartValues[0].chart).toBe('istiod');
    expect(model.pilotInstalls).toHaveLength(1);
  });

  it.each([
    ['istiod: meshConfig + pilot', { meshConfig: {}, pilot: {} }, 'istiod'],
    ['cni 1.24+ flat keys', { cniBinDir: '/opt/cni/bin', excludeNamespaces: [] }, 'cni'],
    ['cni ≤1.20 legacy map', { cni: { podAnnotations: {} } }, 'cni'],
    ['istiod flat cni flag is not the cni chart', { cni: { enabled: true } }, undefined],
    ['dynatrace-operator', { csidriver: { enabled: true }, operator: {} }, 'dynatrace-operator'],
    ['dynatrace-operator installCRD', { installCRD: true }, 'dynatrace-operator'],
    ['unrelated chart', { replicaCount: 2, image: { tag: 'x' } }, undefined],
  ])('recognizes %s', (_name, values, chart) => {
    expect(recognizeChart(values as Record<string, unknown>)).toBe(chart);
  });

  it('recognizes the upstream istiod and cni chart defaults (Istio 1.30.3)', () => {
    const istiod = readFileSync(path.join(fixtures, 'istio-discovery-values.yaml'), 'utf8');
    const cni = readFileSync(path.join(fixtures, 'istio-cni-values.yaml'), 'utf8');
    // The upstream files nest everything under `_internal_defaults_do_not_set`; a user's file is flat.
    const flat = (text: string) =>
      text.replace(/^_internal_defaults_do_not_set:\n/m, '').replace(/^ {2}/gm, '');
    const model = modelOf({ 'istio/istiod.yaml': flat(istiod), 'istio/cni.yaml': flat(cni) });
    expect(model.chartValues.map((v) => v.chart).sort()).toEqual(['cni', 'istiod']);
    const lines = flat(istiod).split('\n');
    const pilot = model.pilotInstalls[0];
    expect(pilot.via).toMatch(/recognized/);
    expect(model.meshConfigs).toHaveLength(1);
    expect(model.meshConfigs[0].origin.file).toBe('istio/istiod.yaml');
    expect(lines[lineOf(lines, 'meshConfig:') - 1]).toMatch(/^meshConfig:/);
  });

  it('does not read a values file twice when a reference already read it', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  sources:',
      '    - {chart: istiod, repoURL: https://istio-release.storage.googleapis.com/charts, helm: {valueFiles: [$v/istiod.yaml]}}',
      '    - {repoURL: https://github.com/x/y, ref: v}',
    ];
    const model = modelOf({ 'app.yaml': app, 'istiod.yaml': ['meshConfig: {rootNamespace: a}'] });
    expect(model.chartValues).toHaveLength(1);
    expect(model.meshConfigs[0].rootNamespace).toMatchObject({
      value: 'a',
      origin: { file: 'istiod.yaml', line: 1 },
    });
  });

  // dt-wv/aiops-easytrade commits the Istio 1.24.0 release: every chart's files/profile-*.yaml (presets its templates
  // read with .Files.Get) was an istiod install of its own, each with a native-sidecars error.
  it("reads no file in a chart's templates/, files/, crds/ or ci/ folder as values, unless the config maps it", () => {
    const chart = ['apiVersion: v2', 'name: istiod', 'version: 1.24.0'];
    const preset = [
      'meshConfig: {accessLogFile: /dev/stdout}',
      'pilot: {env: {PILOT_ENABLE_AMBIENT: "true"}}',
    ];
    const tree = {
      'istio-1.24.0/manifests/charts/istio-control/istio-discovery/Chart.yaml': chart,
      'istio-1.24.0/manifests/charts/istio-control/istio-discovery/files/profile-ambient.yaml': preset,
      'istio-1.24.0/manifests/charts/istio-control/istio-discovery/ci/test-values.yaml': preset,
      'istio/istiod-values.yaml': preset,
      'istio/files/istiod.yaml': preset,
    };
    expect(modelOf(tree).chartValues.map((v) => v.document.file)).toEqual([
      'istio/istiod-values.yaml',
      'istio/files/istiod.yaml',
    ]);
    const configured = modelOf(tree, { charts: { istiod: ['istio-1.24.0/**/ci/*.yaml'] } });
    expect(configured.chartValues.map((v) => v.document.file)).toContain(
      'istio-1.24.0/manifests/charts/istio-control/istio-discovery/ci/test-values.yaml',
    );
  });

  // yogeshwaran-98/enterprise-eks-gitops: a PR moved the istiod Application from `helm.valueFiles` to
  // `helm.valuesObject` and left environments/production/istiod-values.yaml behind, which read as a second istiod
  // install (unpinned) and doubled the findings about istiod.
  describe('a values file nothing references, next to a deployer that installs its chart', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod, namespace: argocd}',
      'spec:',
      '  source:',
      '    chart: istiod',
      '    repoURL: https://istio-release.storage.googleapis.com/charts',
      '    targetRevision: 1.28.0',
      '    helm: {valuesObject: {meshConfig: {accessLogFile: /dev/stdout}}}',
      '  destination: {namespace: istio-system}',
    ];
    const leftover = ['meshConfig:', '  accessLogFile: /dev/stdout', 'pilot: {autoscaleEnabled: true}'];

    it('is not read as another install of that chart', () => {
      const model = modelOf({ 'apps/istiod.yaml': app, 'env/istiod-values.yaml': leftover });
      expect(model.chartValues.map((v) => v.via)).toEqual([expect.stringMatching(/^Application/)]);
      expect(model.pilotInstalls).toHaveLength(1);
      expect(model.pilotInstalls[0].version?.value).toBe('1.28.0');
      expect(model.notEvaluable).toEqual([]);
    });

    it('is still read when the config maps it to the chart', () => {
      const model = modelOf(
        { 'apps/istiod.yaml': app, 'env/istiod-values.yaml': leftover },
        { charts: { istiod: ['env/*.yaml'] } },
      );
      expect(model.pilotInstalls).toHaveLength(2);
    });

    it.each([
      ['no deployer at all (helm install -f)', {}],
      ['a deployer of another chart only', { 'apps/operator.yaml': operatorApp() }],
    ])('is still an install with %s', (_name, extra) => {
      const model = modelOf({ ...extra, 'istio/values.yaml': leftover });
      expect(model.pilotInstalls.map((p) => p.via)).toEqual([
        'values file istio/values.yaml (chart recognized from its keys)',
      ]);
    });
  });

  it('config loader tolerates unknown keys and wrong types', () => {
    expect(
      chartGlobsFromConfig({ charts: { istiod: 'a/*.yaml', cni: [1, 'b.yaml'], x: ['c'] }, other: 1 }),
    ).toEqual({
      istiod: ['a/*.yaml'],
      cni: ['b.yaml'],
    });
    expect(chartGlobsFromConfig('nonsense')).toEqual({});
    expect(chartGlobsFromConfig({ charts: [] })).toEqual({});
  });
});

function operatorApp(): string[] {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata: {name: dynatrace-operator}',
    'spec:',
    '  source:',
    '    chart: dynatrace-operator',
    '    repoURL: https://raw.githubusercontent.com/Dynatrace/dynatrace-operator/main/config/helm/repos/stable',
    '    targetRevision: 1.6.0',
    '  destination: {namespace: dynatrace}',
  ];
}
