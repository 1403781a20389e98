import { describe, expect, it } from '@jest/globals';
import {
  effectiveCni,
  istioDistribution,
  istioVersions,
  namespaceDataPlaneMode,
  namespaceMeshEnrollment,
  podNativeSidecar,
} from '../../src/model/effective.js';
import { nativeSidecarState } from '../../src/model/facts-native-sidecars.js';
import { lineOf, modelOf } from './helpers.js';

const namespace = (name: string, labels: Record<string, string>) => [
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  `  name: ${name}`,
  '  labels:',
  ...Object.entries(labels).map(([key, value]) => `    ${key}: "${value}"`),
];

describe('data-plane mode per namespace', () => {
  it.each([
    [{ 'istio-injection': 'enabled' }, 'sidecar', 6, false],
    [{ 'istio-injection': 'disabled' }, 'none', 6, false],
    [{ 'istio.io/rev': 'asm-managed-rapid' }, 'sidecar', 6, false],
    [{ 'istio.io/dataplane-mode': 'ambient' }, 'ambient', 6, false],
    [{ 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }, 'sidecar', 6, true],
    [{ 'istio-injection': 'disabled', 'istio.io/dataplane-mode': 'ambient' }, 'ambient', 7, false],
  ])('%j is %s', (labels, mode, line, mixed) => {
    const result = namespaceDataPlaneMode(modelOf({ 'ns.yaml': namespace('app', labels) }), 'app');
    expect(result.value).toBe(mode);
    expect(result.origin).toMatchObject({ file: 'ns.yaml', line });
    expect(result.mixed ?? false).toBe(mixed);
  });

  it('injects unlabelled namespaces when the injector enables them by default, never kube-system', () => {
    const model = modelOf({
      'istiod.yaml': ['meshConfig: {}', 'sidecarInjectorWebhook:', '  enableNamespacesByDefault: true'],
    });
    expect(namespaceDataPlaneMode(model, 'shop')).toMatchObject({
      value: 'sidecar',
      origin: { file: 'istiod.yaml', line: 3 },
    });
    expect(namespaceDataPlaneMode(model, 'kube-system').value).toBe('none');
    expect(namespaceDataPlaneMode(modelOf({}), 'shop')).toMatchObject({ value: 'none', defaulted: true });
  });

  it('reports the revision a namespace selects', () => {
    const result = namespaceDataPlaneMode(
      modelOf({ 'ns.yaml': namespace('app', { 'istio.io/rev': '1-22' }) }),
      'app',
    );
    expect(result.revision).toBe('1-22');
  });
});

describe('mesh enrollment per namespace', () => {
  const BASE = {
    'base/kustomization.yaml': ['resources: [ns.yaml]'],
    'base/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: dynatrace'],
  };
  const STRATEGIC_PATCH = [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: dynatrace',
    '  labels:',
    '    istio-injection: enabled',
  ];
  const JSON_PATCH = [
    'resources: [../base]',
    'patches:',
    '  - target: {kind: Namespace, name: dynatrace}',
    '    patch: |-',
    '      - op: add',
    '        path: /metadata/labels',
    '        value: {istio.io/rev: canary}',
  ];
  it.each([
    [
      'a label in the Namespace file',
      { 'ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }) },
      { label: 'istio-injection', value: 'enabled', origin: { file: 'ns.yaml', line: 6 } },
    ],
    [
      'a label a kustomize strategic-merge patch adds: the patch file and its line',
      {
        ...BASE,
        'overlay/kustomization.yaml': ['resources: [../base]', 'patches:', '  - path: enroll.yaml'],
        'overlay/enroll.yaml': STRATEGIC_PATCH,
      },
      {
        label: 'istio-injection',
        value: 'enabled',
        origin: { file: 'overlay/enroll.yaml', line: 6, path: 'metadata.labels.istio-injection' },
      },
    ],
    [
      'a label an inline JSON6902 patch adds: the kustomization and the line of the value',
      { ...BASE, 'overlay/kustomization.yaml': JSON_PATCH },
      {
        label: 'istio.io/rev',
        value: 'canary',
        origin: { file: 'overlay/kustomization.yaml', line: lineOf(JSON_PATCH, 'value:') },
      },
    ],
  ])('%s', (_name, tree, expected) => {
    expect(namespaceMeshEnrollment(modelOf(tree), 'dynatrace')).toMatchObject(expected);
  });
});

describe('native sidecars', () => {
  const release = (lines: string[], version?: string) => [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    `  chart: {spec: {chart: istiod${version ? `, version: "${version}"` : ''}}}`,
    '  values:',
    ...lines.map((line) => `    ${line}`),
  ];
  const istiod = (lines: string[], version?: string) =>
    modelOf({ 'hr.yaml': release(lines, version) }).pilotInstalls[0];

  it.each([
    [['pilot: {env: {ENABLE_NATIVE_SIDECARS: "true"}}'], '1.25.0', 'on', 7],
    [['env: {ENABLE_NATIVE_SIDECARS: "false"}'], '1.28.0', 'off', 7],
    [['env: {ENABLE_NATIVE_SIDECARS: "auto"}'], '1.26.0', 'off', 7],
    [['compatibilityVersion: "1.26"'], '1.28.0', 'off', 7],
    [['meshConfig: {}'], '1.28.0', 'auto', 5],
    [['meshConfig: {}'], '1.27.0', 'auto', 5],
    [['meshConfig: {}'], '1.26.3', 'off', 5],
    // A range installs the newest version it allows (Flux source-controller, Helm, Argo CD).
    [['meshConfig: {}'], '>=1.25 <1.28', 'auto', 5],
    [['meshConfig: {}'], '^1.25.0', 'auto', 5],
    [['meshConfig: {}'], '>=1.24 <1.27', 'off', 5],
    // No version: the newest release, pointed at where the pilot env that switches it off would go (`values:`).
    [['meshConfig: {}'], undefined, 'auto', 6],
  ])('%j on %s is %s', (lines, version, expected, line) => {
    const state = nativeSidecarState(istiod(lines, version));
    expect(state.state).toBe(expected);
    expect(state.origin.line).toBe(line);
  });

  // The action's kubernetes-version input (CLI --kubernetes-version): `auto` needs every node at 1.33 or newer.
  it.each([
    ['1.28.0', undefined, 'auto'],
    ['1.28.0', '1.32', 'off'],
    ['1.28.0', 'v1.33.2', 'on'],
    ['1.26.3', '1.34', 'off'],
  ])('Istio %s on Kubernetes %s is %s', (version, kubernetesVersion, expected) => {
    const model = modelOf(
      { 'hr.yaml': release(['meshConfig: {}'], version) },
      { assume: { kubernetesVersion } },
    );
    const state = nativeSidecarState(model.pilotInstalls[0], model.kubernetesVersion);
    expect(state.state).toBe(expected);
    if (kubernetesVersion && version >= '1.27')
      expect(state.reason).toContain(`Kubernetes ${kubernetesVersion}`);
  });

  // The action's istio-version input (CLI --istio-version) is the version of installs that pin none.
  it('an unpinned install takes the assumed Istio version, and says so', () => {
    const model = modelOf({ 'hr.yaml': release(['meshConfig: {}']) }, { assume: { istioVersion: '1.26.2' } });
    const pilot = model.pilotInstalls[0];
    expect(pilot.version).toMatchObject({ value: '1.26.2', defaulted: true });
    expect(nativeSidecarState(pilot)).toMatchObject({
      state: 'off',
      reason: expect.stringContaining('Istio 1.26.2 (istio-version: the repository pins none)'),
    });
    // A pinned version wins over the assumed one.
    const pinned = modelOf(
      { 'hr.yaml': release(['meshConfig: {}'], '1.28.0') },
      { assume: { istioVersion: '1.26.2' } },
    );
    expect(nativeSidecarState(pinned.pilotInstalls[0]).state).toBe('auto');
  });

  it('reads the per-pod annotation', () => {
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: app, namespace: shop}',
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        sidecar.istio.io/nativeSidecar: "false"',
    ];
    const [workload] = modelOf({ 'd.yaml': deployment }).workloads;
    expect(podNativeSidecar(workload)).toMatchObject({ value: false, origin: { file: 'd.yaml', line: 8 } });
  });
});

describe('Istio version, distribution and CNI', () => {
  it('collects versions from charts and Istio images', () => {
    const model = modelOf({
      'cni.yaml': [
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata: {name: istio-cni-node, namespace: kube-system}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: install-cni',
        '          image: gcr.io/istio-release/install-cni:1.22.3-distroless',
      ],
    });
    expect(istioVersions(model)).toEqual([
      expect.objectContaining({
        value: '1.22.3-distroless',
        origin: expect.objectContaining({ file: 'cni.yaml', line: 9 }),
      }),
    ]);
  });

  it.each([
    [
      {
        'smcp.yaml': [
          'apiVersion: maistra.io/v2',
          'kind: ServiceMeshControlPlane',
          'metadata: {name: basic, namespace: istio-system}',
        ],
      },
      'openshift-service-mesh',
    ],
    [
      {
        'cm.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata: {name: istio-asm-managed-rapid, namespace: istio-system}',
          'data: {mesh: ""}',
        ],
      },
      'managed-asm',
    ],
    [
      {
        'cm.yaml': [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata: {name: istio-shared-configmap-asm-1-22, namespace: aks-istio-system}',
        ],
      },
      'managed-aks',
    ],
    [{}, 'upstream'],
  ])('distribution of %j is %s', (tree, expected) => {
    expect(istioDistribution(modelOf(tree)).value).toBe(expected);
  });

  it('CNI: installed with its namespace, announced to istiod only, or off', () => {
    const installed = effectiveCni(modelOf({ 'cni.yaml': ['cniBinDir: /opt/cni/bin'] }));
    expect(installed[0]).toMatchObject({
      value: true,
      install: { namespace: { value: 'istio-system', defaulted: true } },
    });
    const announced = effectiveCni(
      modelOf({ 'istiod.yaml': ['meshConfig: {}', 'pilot: {cni: {enabled: true}}'] }),
    );
    expect(announced[0]).toMatchObject({ value: true, origin: { file: 'istiod.yaml', line: 2 } });
    expect(announced[0].install).toBeUndefined();
    expect(effectiveCni(modelOf({}))[0]).toMatchObject({ value: false, defaulted: true });
  });
});
