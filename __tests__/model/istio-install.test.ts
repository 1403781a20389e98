import { describe, expect, it } from '@jest/globals';
import { lineOf, modelOf } from './helpers.js';

describe('Istio chart semantics', () => {
  it.each([
    ['flat 1.24+ podAnnotations', ['podAnnotations:', '  a: "1"'], { a: '1' }, 1],
    ['legacy cni.podAnnotations (≤1.20)', ['cni:', '  podAnnotations:', '    a: "2"'], { a: '2' }, 2],
    [
      'cni.* wins over flat keys',
      ['podAnnotations:', '  a: "1"', '  b: "1"', 'cni:', '  podAnnotations:', '    a: "2"'],
      { a: '2', b: '1' },
      5,
    ],
  ])('cni chart: %s', (_name, lines, expected, line) => {
    const model = modelOf({ 'cni.yaml': lines }, { charts: { cni: ['cni.yaml'] } });
    const [cni] = model.cniInstalls;
    expect(cni.podAnnotations.value).toEqual(expected);
    expect(cni.podAnnotations.origin).toMatchObject({ file: 'cni.yaml', line });
  });

  const pinnedCni = (version: string | undefined, values: string[]) => [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istio-cni, namespace: istio-system}',
    'spec:',
    `  chart: {spec: {chart: cni${version ? `, version: "${version}"` : ''}}}`,
    '  values:',
    ...values.map((line) => `    ${line}`),
  ];
  const flatValues = ['podAnnotations: {a: "1"}', 'ambient: {enabled: true}', 'excludeNamespaces: [x]'];

  // Before 1.24 the templates read `.Values.cni.*` only; 1.24 added the flat keys (zzy_descope_legacy.yaml).
  it.each([
    ['1.20.3', false],
    ['1.23.6', false],
    ['~1.22.0', false],
    ['1.24.0', true],
    ['1.30.3', true],
    [undefined, true],
  ])('cni chart %s reads the flat keys: %s', (version, read) => {
    const [cni] = modelOf({ 'hr.yaml': pinnedCni(version, flatValues) }).cniInstalls;
    expect(cni.podAnnotations.value).toEqual(read ? { a: '1' } : {});
    expect(cni.ambient?.value).toBe(read ? true : undefined);
    expect(cni.excludeNamespaces?.value).toEqual(read ? ['x'] : undefined);
    expect(cni.annotationsTarget?.path).toEqual(
      read ? ['spec', 'values', 'podAnnotations'] : ['spec', 'values', 'cni', 'podAnnotations'],
    );
    expect(cni.ignoredPodAnnotations?.annotations).toEqual(
      read ? undefined : { value: { a: '1' }, origin: expect.objectContaining({ file: 'hr.yaml', line: 7 }) },
    );
  });

  it('a pre-1.24 cni chart still reads the cni: map', () => {
    const values = ['cni:', '  podAnnotations: {a: "2"}', '  ambient: {enabled: true}'];
    const [cni] = modelOf({ 'hr.yaml': pinnedCni('1.20.3', values) }).cniInstalls;
    expect(cni.podAnnotations).toMatchObject({ value: { a: '2' }, origin: { line: 8 } });
    expect(cni.ambient?.value).toBe(true);
    expect(cni.ignoredPodAnnotations).toBeUndefined();
  });

  it.each([
    ['pilot.cni.enabled', ['pilot:', '  cni:', '    enabled: true'], true, 3],
    ['flat cni.enabled (1.24+)', ['cni:', '  enabled: yes'], true, 2],
    [
      'pilot.* wins over the flat key',
      ['cni: {enabled: true}', 'pilot:', '  cni:', '    enabled: false'],
      false,
      4,
    ],
    ['istio_cni.enabled on a pre-1.24 chart', ['istio_cni:', '  enabled: true'], true, 2],
  ])('istiod chart CNI flag: %s', (_name, lines, expected, line) => {
    const model = modelOf({ 'istiod.yaml': lines }, { charts: { istiod: ['istiod.yaml'] } });
    const pilot = model.pilotInstalls[0];
    expect(pilot.cniEnabled?.value).toBe(expected);
    expect(pilot.cniEnabled?.origin).toMatchObject({ file: 'istiod.yaml', line });
  });

  it('ignores istio_cni.enabled from 1.24 on', () => {
    const release = [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: istiod, namespace: istio-system}',
      'spec:',
      '  chart: {spec: {chart: istiod, version: 1.25.0}}',
      '  values:',
      '    istio_cni: {enabled: true}',
    ];
    expect(modelOf({ 'hr.yaml': release }).pilotInstalls[0].cniEnabled).toBeUndefined();
  });

  it('applies the ambient preset under user values, facts pointing at the profile line', () => {
    const values = ['profile: ambient', 'pilot:', '  env:', '    EXTRA: "1"'];
    const model = modelOf({
      'istiod.yaml': values,
      'cni.yaml': ['profile: ambient', 'excludeNamespaces: [kube-system]'],
    });
    const pilot = model.pilotInstalls[0];
    expect(pilot.env.PILOT_ENABLE_AMBIENT).toMatchObject({
      value: 'true',
      origin: { file: 'istiod.yaml', line: 1 },
    });
    expect(pilot.env.EXTRA).toMatchObject({ value: '1', origin: { file: 'istiod.yaml', line: 4 } });
    const [cni] = model.cniInstalls;
    expect(cni.ambient).toMatchObject({ value: true, origin: { file: 'cni.yaml', line: 1 } });
    expect(cni.excludeNamespaces?.value).toEqual(['kube-system']);
  });

  it('lets user pilot.env override a preset; a flat env key loses to the preset pilot.env (the chart copies pilot.* last)', () => {
    const pilotModel = modelOf({
      'istiod.yaml': ['profile: ambient', 'pilot:', '  env:', '    PILOT_ENABLE_AMBIENT: "false"'],
    });
    expect(pilotModel.pilotInstalls[0].env.PILOT_ENABLE_AMBIENT).toMatchObject({
      value: 'false',
      origin: { line: 4 },
    });
    const flatModel = modelOf({
      'istiod.yaml': ['profile: ambient', 'meshConfig: {}', 'env:', '  PILOT_ENABLE_AMBIENT: "false"'],
    });
    expect(flatModel.pilotInstalls[0].env.PILOT_ENABLE_AMBIENT).toMatchObject({
      value: 'true',
      origin: { line: 1 },
    });
  });

  it.each([
    ['1.26', 'false'],
    ['1.24', 'false'],
    ['1.27', undefined],
  ])('compatibilityVersion %s sets ENABLE_NATIVE_SIDECARS to %s', (version, expected) => {
    const model = modelOf({ 'istiod.yaml': ['meshConfig: {}', `compatibilityVersion: "${version}"`] });
    const pilot = model.pilotInstalls[0];
    expect(pilot.compatibilityVersion?.value).toBe(version);
    expect(pilot.env.ENABLE_NATIVE_SIDECARS?.value).toBe(expected);
    if (expected)
      expect(pilot.env.ENABLE_NATIVE_SIDECARS.origin).toMatchObject({ file: 'istiod.yaml', line: 2 });
  });

  it('does not take global.compatibilityVersion (the chart reads only the top-level key)', () => {
    const model = modelOf({
      'istiod.yaml': ['meshConfig: {}', 'global:', '  compatibilityVersion: "1.26"'],
    });
    const pilot = model.pilotInstalls[0];
    expect(pilot.compatibilityVersion).toBeUndefined();
    expect(pilot.env.ENABLE_NATIVE_SIDECARS).toBeUndefined();
  });

  it('reads revision, platform and global.profile', () => {
    const model = modelOf({
      'istiod.yaml': [
        'meshConfig: {}',
        'revision: 1-30-3',
        'global:',
        '  platform: openshift',
        '  profile: ambient',
      ],
    });
    const pilot = model.pilotInstalls[0];
    expect(pilot.revision).toMatchObject({ value: '1-30-3', origin: { line: 2 } });
    expect(pilot.platform).toMatchObject({ value: 'openshift', origin: { line: 4 } });
    expect(pilot.profile).toMatchObject({ value: 'ambient', origin: { line: 5 } });
    expect(pilot.env.PILOT_ENABLE_AMBIENT?.value).toBe('true');
  });
});

describe('IstioOperator', () => {
  const iop = [
    'apiVersion: install.istio.io/v1alpha1',
    'kind: IstioOperator',
    'metadata: {name: control-plane, namespace: istio-system}',
    'spec:',
    '  profile: default',
    '  revision: 1-22-1',
    '  tag: 1.22.1',
    '  meshConfig:',
    '    outboundTrafficPolicy: {mode: ALLOW_ANY}',
    '  components:',
    '    cni:',
    '      enabled: true',
    '      namespace: kube-system',
    '    pilot:',
    '      k8s:',
    '        env:',
    '          - {name: ENABLE_NATIVE_SIDECARS, value: "true"}',
    '  values:',
    '    meshConfig:',
    '      outboundTrafficPolicy: {mode: REGISTRY_ONLY}',
    '    pilot:',
    '      env:',
    '        ENABLE_NATIVE_SIDECARS: "false"',
    '    cni:',
    '      excludeNamespaces: [kube-system]',
  ];
  const model = modelOf({ 'iop.yaml': iop });

  it('spec.values.meshConfig wins over spec.meshConfig', () => {
    expect(model.meshConfigs[0].outboundPolicy).toMatchObject({
      value: 'REGISTRY_ONLY',
      origin: { file: 'iop.yaml', line: lineOf(iop, 'REGISTRY_ONLY') },
    });
  });

  it('components.pilot.k8s.env patches the Deployment, so it wins over values.pilot.env', () => {
    expect(model.pilotInstalls[0].env.ENABLE_NATIVE_SIDECARS).toMatchObject({
      value: 'true',
      origin: { line: lineOf(iop, 'name: ENABLE_NATIVE_SIDECARS') },
    });
  });

  it('components.cni installs CNI in its namespace and tells istiod', () => {
    const [cni] = model.cniInstalls;
    expect(cni.enabled).toMatchObject({ value: true, origin: { line: lineOf(iop, 'enabled: true') } });
    expect(cni.namespace.value).toBe('kube-system');
    expect(cni.excludeNamespaces?.value).toEqual(['kube-system']);
    const pilot = model.pilotInstalls[0];
    expect(pilot.cniEnabled?.value).toBe(true);
    expect(pilot.revision).toMatchObject({ value: '1-22-1', origin: { line: 6 } });
    expect(pilot.version).toMatchObject({ value: '1.22.1', origin: { line: 7 } });
  });

  it('profile ambient installs CNI with ambient on', () => {
    const ambient = modelOf({
      'a.yaml': [
        'apiVersion: install.istio.io/v1alpha1',
        'kind: IstioOperator',
        'metadata: {name: a}',
        'spec:',
        '  profile: ambient',
      ],
    });
    expect(ambient.cniInstalls[0]).toMatchObject({
      enabled: { value: true, origin: { line: 5 } },
      ambient: { value: true },
    });
  });

  // kubeflow/manifests keeps its istioctl inputs (common/istio/profile.yaml, profile-overlay.yaml) beside the
  // rendered output it applies (istio-install/base/install.yaml): the rendered istiod is the install.
  it('istioctl input beside a rendered istiod is generator input: noted, not a second istiod', () => {
    const input = [
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      'spec:',
      '  profile: default',
    ];
    const rendered = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: istiod, namespace: istio-system}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: discovery',
      '          image: docker.io/istio/pilot:1.29.1',
    ];
    const read = modelOf({ 'common/istio/profile.yaml': input, 'istio-install/base/install.yaml': rendered });
    expect(read.pilotInstalls.map((pilot) => pilot.via)).toEqual(['Deployment istio-system/istiod']);
    expect(read.notEvaluable).toEqual([
      {
        file: 'common/istio/profile.yaml',
        line: 1,
        reason:
          'IstioOperator without metadata.name is istioctl input, and the repository holds a rendered istiod (istio-install/base/install.yaml:8), which is read instead',
      },
    ]);
  });

  // dt-wv/aiops-easytrade commits the Istio 1.24.0 release next to its own IstioOperator: the release's
  // manifests/profiles/*.yaml, built into istioctl, were ten more istiods, each with a native-sidecars error.
  it("reads istioctl's built-in profiles of a vendored Istio tree as no install, the repository's own one as one", () => {
    const profile = (name: string) => [
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      'spec:',
      `  profile: ${name}`,
    ];
    const tree = {
      'istio-1.24.0/manifests/charts/base/Chart.yaml': ['apiVersion: v2', 'name: base', 'version: 1.24.0'],
      'istio-1.24.0/manifests/profiles/demo.yaml': profile('demo'),
      'istio-1.24.0/manifests/profiles/ambient.yaml': profile('ambient'),
      'istio/istio-operator.yaml': profile('demo'),
      'platform/manifests/profiles/prod.yaml': profile('default'),
    };
    expect(modelOf(tree).pilotInstalls.map((pilot) => pilot.origin.file)).toEqual([
      'istio/istio-operator.yaml',
      'platform/manifests/profiles/prod.yaml',
    ]);
  });

  // Gabrielmadrid73/gitops-istio-multi-cluster installs its east-west gateway with a second IstioOperator on the
  // `empty` profile, which disables every component (istio/istio manifests/profiles/empty.yaml): it installs no
  // istiod, and its meshConfig reaches no mesh ConfigMap (the istiod chart renders that). It was read as a second
  // istiod, open to native-sidecar and outbound-policy findings whose fix changes nothing.
  it.each([
    ['profile: empty', ['  profile: empty']],
    ['components.pilot.enabled: false', ['  components:', '    pilot: {enabled: false}']],
  ])('a gateway-only IstioOperator (%s) installs no istiod', (_name, disabled) => {
    const gateway = [
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      'metadata: {name: eastwest, namespace: istio-system}',
      'spec:',
      ...disabled,
      '  meshConfig:',
      '    outboundTrafficPolicy: {mode: REGISTRY_ONLY}',
      '  values:',
      '    gateways: {istio-ingressgateway: {injectionTemplate: gateway}}',
    ];
    const read = modelOf({ 'eastwest.yaml': gateway });
    expect(read.pilotInstalls).toEqual([]);
    expect(read.meshConfigs).toEqual([]);
  });

  it('a CNI-only IstioOperator on the empty profile installs CNI', () => {
    const read = modelOf({
      'cni.yaml': [
        'apiVersion: install.istio.io/v1alpha1',
        'kind: IstioOperator',
        'metadata: {name: cni}',
        'spec:',
        '  profile: empty',
        '  components:',
        '    cni: {enabled: true, namespace: kube-system}',
      ],
    });
    expect(read.pilotInstalls).toEqual([]);
    expect(read.cniInstalls.map((cni) => [cni.enabled.value, cni.namespace.value])).toEqual([
      [true, 'kube-system'],
    ]);
  });

  // `istioctl install -f` and `istioctl manifest generate -f` take the file as input, not as an object of the
  // cluster: Istio's own examples leave `metadata` out, and istioctl names the copy it stores `installed-state`
  // (istio/istio operator/cmd/mesh/install.go, savedIOPName). popecruzdt/istio-servicemesh-workshop writes it so.
  it.each([
    ['no metadata', []],
    ['metadata without a name', ['metadata: {namespace: istio-system}']],
  ])('istioctl input with %s is read as the install', (_name, metadata) => {
    const input = [
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      ...metadata,
      'spec:',
      '  profile: demo',
      '  meshConfig:',
      '    outboundTrafficPolicy: {mode: REGISTRY_ONLY}',
    ];
    const read = modelOf({ 'istio/istio-operator.yaml': input });
    expect(read.meshConfigs[0]?.outboundPolicy).toMatchObject({
      value: 'REGISTRY_ONLY',
      origin: { file: 'istio/istio-operator.yaml', line: lineOf(input, 'REGISTRY_ONLY') },
    });
    expect(read.pilotInstalls).toHaveLength(1);
    expect(read.notEvaluable).toEqual([]);
  });
});

describe('Sail operator and Maistra', () => {
  const istio = [
    'apiVersion: sailoperator.io/v1',
    'kind: Istio',
    'metadata: {name: default}',
    'spec:',
    '  version: v1.24.5',
    '  namespace: istio-system',
    '  profile: ambient',
    '  values:',
    '    pilot:',
    '      cni: {enabled: true}',
    '    meshConfig:',
    '      discoverySelectors:',
    '        - matchLabels: {istio-discovery: enabled}',
  ];
  const cni = [
    'apiVersion: sailoperator.io/v1',
    'kind: IstioCNI',
    'metadata: {name: default}',
    'spec:',
    '  version: v1.24.5',
    '  profile: ambient',
    '  values:',
    '    cni:',
    '      podAnnotations:',
    '        oneagent.dynatrace.com/inject: "false"',
  ];
  const model = modelOf({ 'sail/istio.yaml': istio, 'sail/cni.yaml': cni });

  it('reads Istio spec.values as istiod chart values with its version and profile preset', () => {
    const pilot = model.pilotInstalls[0];
    expect(pilot.version).toMatchObject({ value: '1.24.5', origin: { file: 'sail/istio.yaml', line: 5 } });
    expect(pilot.profile).toMatchObject({ value: 'ambient', origin: { line: 7 } });
    expect(pilot.env.PILOT_ENABLE_AMBIENT).toMatchObject({ value: 'true', origin: { line: 7 } });
    expect(pilot.cniEnabled?.value).toBe(true);
    expect(pilot.namespace?.value).toBe('istio-system');
    expect(model.meshConfigs[0].discoverySelectors).toMatchObject({
      value: [{ matchLabels: { 'istio-discovery': 'enabled' } }],
      origin: { file: 'sail/istio.yaml', line: 12 },
    });
  });

  it('reads IstioCNI in its default namespace istio-cni, with the pod annotations', () => {
    const [install] = model.cniInstalls;
    expect(install.namespace.value).toBe('istio-cni');
    expect(install.podAnnotations).toMatchObject({
      value: { 'oneagent.dynatrace.com/inject': 'false' },
      origin: { file: 'sail/cni.yaml', line: 9 },
    });
    expect(install.ambient).toMatchObject({ value: true, origin: { line: 6 } });
    expect(install.annotationsTarget?.path).toEqual(['spec', 'values', 'cni', 'podAnnotations']);
  });

  it('ignores the flat keys of an IstioCNI: Sail keeps only spec.values.cni and spec.values.global', () => {
    const flat = [
      'apiVersion: sailoperator.io/v1',
      'kind: IstioCNI',
      'metadata: {name: default}',
      'spec:',
      '  version: v1.28.0',
      '  values:',
      '    podAnnotations:',
      '      oneagent.dynatrace.com/inject: "false"',
      '    ambient: {enabled: true}',
    ];
    const [install] = modelOf({ 'sail/cni.yaml': flat }).cniInstalls;
    expect(install.podAnnotations.value).toEqual({});
    expect(install.ambient).toBeUndefined();
    expect(install.annotationsTarget?.path).toEqual(['spec', 'values', 'cni', 'podAnnotations']);
    expect(install.ignoredPodAnnotations?.annotations).toMatchObject({
      value: { 'oneagent.dynatrace.com/inject': 'false' },
      origin: { file: 'sail/cni.yaml', line: 7 },
    });
  });

  it('flags an openshift profile and a Maistra control plane, reading its egress policy', () => {
    const smcp = [
      'apiVersion: maistra.io/v2',
      'kind: ServiceMeshControlPlane',
      'metadata: {name: basic, namespace: istio-system}',
      'spec:',
      '  version: v2.5',
      '  proxy:',
      '    networking:',
      '      trafficControl:',
      '        outbound:',
      '          policy: REGISTRY_ONLY',
    ];
    const openshift = [
      'apiVersion: sailoperator.io/v1',
      'kind: Istio',
      'metadata: {name: default}',
      'spec:',
      '  profile: openshift',
    ];
    const both = modelOf({ 'smcp.yaml': smcp, 'ossm3.yaml': openshift });
    expect(both.distributionHints.map((h) => [h.origin.file, h.origin.line])).toEqual(
      expect.arrayContaining([
        ['smcp.yaml', 3],
        ['ossm3.yaml', 5],
      ]),
    );
    expect(both.meshConfigs.find((m) => m.via.startsWith('ServiceMesh'))?.outboundPolicy).toMatchObject({
      value: 'REGISTRY_ONLY',
      origin: { file: 'smcp.yaml', line: 10 },
    });
  });
});

describe('rendered Istio manifests', () => {
  it('reads the istiod Deployment env, image tag and revision', () => {
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: istiod-1-29',
      '  namespace: istio-system',
      '  labels: {istio.io/rev: 1-29}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: discovery',
      '          image: docker.io/istio/pilot:1.29.1',
      '          env:',
      '            - name: ENABLE_NATIVE_SIDECARS',
      '              value: "false"',
      '            - name: POD_NAME',
      '              valueFrom: {fieldRef: {fieldPath: metadata.name}}',
    ];
    const pilot = modelOf({ 'install.yaml': deployment }).pilotInstalls[0];
    expect(pilot.env).toEqual({
      ENABLE_NATIVE_SIDECARS: {
        value: 'false',
        origin: expect.objectContaining({ file: 'install.yaml', line: 14 }),
      },
    });
    expect(pilot.version).toMatchObject({ value: '1.29.1', origin: { line: 12 } });
    expect(pilot.revision?.value).toBe('1-29');
  });

  it.each(['istio', 'istio-1-22', 'istio-shared-configmap-asm-1-22', 'istio-asm-managed-rapid'])(
    'reads data.mesh of ConfigMap %s with outer lines',
    (name) => {
      const configMap = [
        'apiVersion: v1',
        'kind: ConfigMap',
        `metadata: {name: ${name}, namespace: aks-istio-system}`,
        'data:',
        '  mesh: |-',
        '    rootNamespace: aks-istio-system',
        '    outboundTrafficPolicy:',
        '      mode: REGISTRY_ONLY',
      ];
      const [mesh] = modelOf({ 'cm.yaml': configMap }).meshConfigs;
      expect(mesh.outboundPolicy).toMatchObject({
        value: 'REGISTRY_ONLY',
        origin: { file: 'cm.yaml', line: 8 },
      });
      expect(mesh.rootNamespace).toMatchObject({ value: 'aks-istio-system', origin: { line: 6 } });
    },
  );
});

// istiod parses the mesh config with jsonpb, whose enum names are case-sensitive; on an error it keeps its last valid
// mesh config (pkg/config/mesh/meshwatcher/collection.go, "invalid mesh config, using last known state").
describe('mesh config outbound modes as istiod parses them', () => {
  it('notes a mode that is no enum name as written, and does not read it as REGISTRY_ONLY', () => {
    const values = ['meshConfig:', '  outboundTrafficPolicy:', '    mode: registry_only'];
    const model = modelOf({ 'istiod.yaml': values }, { charts: { istiod: ['istiod.yaml'] } });
    expect(model.meshConfigs[0].outboundPolicy?.value).toBe('registry_only');
    expect(model.notEvaluable).toEqual([
      {
        file: 'istiod.yaml',
        line: 3,
        reason: expect.stringContaining(
          'outboundTrafficPolicy.mode "registry_only" is not one of REGISTRY_ONLY, ALLOW_ANY, ALLOW_ANY_DYNAMIC_DNS',
        ),
      },
    ]);
  });
});

// aws-samples/eks-anywhere-addons installs Tetrate Istio Distribution with its umbrella chart `tetrate-istio` from a
// Helm repository: istiod values at the top, base and CNI under subchart keys the tool does not know. The install was
// dropped without a word, so the model said "no istiod" of a repository that installs one.
describe('a HelmRelease of a chart the tool does not read, with istiod values', () => {
  const release = (chart: string, values: string[]) => [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: tetrate-istiod, namespace: tetrate-istio-system}',
    'spec:',
    '  chart:',
    '    spec:',
    `      chart: ${chart}`,
    '      version: 1.18.1',
    '  values:',
    ...values.map((line) => `    ${line}`),
  ];

  it('is noted at its chart, naming the settings not evaluated', () => {
    const lines = release('tetrate-istio', [
      'revision: 1-18-1',
      'pilot: {env: {A: "true"}}',
      'meshConfig: {}',
    ]);
    const model = modelOf({ 'tetrate-istiod.yaml': lines });
    expect(model.pilotInstalls).toEqual([]);
    expect(model.notEvaluable).toEqual([
      {
        file: 'tetrate-istiod.yaml',
        line: lineOf(lines, 'chart: tetrate-istio'),
        reason:
          'HelmRelease tetrate-istio-system/tetrate-istiod installs chart tetrate-istio, not one of the Istio charts the tool reads (base, istiod, cni, ztunnel, gateway): its istiod values (pilot, meshConfig) are not evaluated',
      },
    ]);
  });

  it('a chart of something else with no istiod values is not noted', () => {
    expect(modelOf({ 'podinfo.yaml': release('podinfo', ['replicaCount: 2']) }).notEvaluable).toEqual([]);
  });
});
