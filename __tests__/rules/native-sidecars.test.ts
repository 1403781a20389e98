import { describe, expect, it } from '@jest/globals';
import { nativeSidecars as rule } from '../../src/rules/native-sidecars.js';
import { applyFixes, expectFixInFile, runRule, yaml, type Tree } from './harness.js';

const injecting = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    oneAgent:
      cloudNativeFullStack: {}
`;

const hostOnly = injecting.replace('cloudNativeFullStack', 'hostMonitoring');

function istiod(version: string | undefined, values = ''): string {
  return (
    yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: istiod
      namespace: istio-system
    spec:
      chart:
        spec:
          chart: istiod
  ` +
    (version ? `      version: "${version}"\n` : '') +
    '  values:\n' +
    (values || '    meshConfig:\n      accessLogFile: /dev/stdout # keep\n')
  );
}

const istioOperator = (env: string) => yaml`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata:
    name: control-plane
    namespace: istio-system
  spec:
    tag: 1.28.1
    components:
      pilot:
        k8s:
          env:
            - name: PILOT_TRACE_SAMPLING
              value: "1"
            - name: ENABLE_NATIVE_SIDECARS
              value: "${env}"
`;

const renderedIstiod = (version: string, env: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: istiod
    namespace: istio-system
  spec:
    template:
      spec:
        containers:
          - name: discovery
            image: docker.io/istio/pilot:${version}
            env:
              - name: ENABLE_NATIVE_SIDECARS
                value: "${env}"
`;

const cases: { name: string; tree: Tree; fires: number; line?: number }[] = [
  {
    name: 'Istio 1.28 (auto default)',
    tree: { 'dk.yaml': injecting, 'istiod.yaml': istiod('1.28.0') },
    fires: 1,
    line: 9,
  },
  {
    name: 'Istio 1.27 (auto default)',
    tree: { 'dk.yaml': injecting, 'istiod.yaml': istiod('1.27.3') },
    fires: 1,
  },
  {
    name: 'an unpinned Istio chart is the newest',
    tree: { 'dk.yaml': injecting, 'istiod.yaml': istiod(undefined) },
    fires: 1,
  },
  {
    name: 'explicit true on Istio 1.25',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.25.0', '    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: "true"\n'),
    },
    fires: 1,
    line: 14,
  },
  {
    name: 'explicit true wins over compatibilityVersion 1.26',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod(
        '1.28.0',
        '    compatibilityVersion: "1.26"\n    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: "true"\n',
      ),
    },
    fires: 1,
  },
  {
    name: 'IstioOperator k8s env true',
    tree: { 'dk.yaml': injecting, 'iop.yaml': istioOperator('true') },
    fires: 1,
  },
  {
    name: 'rendered istiod 1.29',
    tree: { 'dk.yaml': injecting, 'istiod.yaml': renderedIstiod('1.29.0', 'auto') },
    fires: 1,
  },
  {
    name: 'explicit false',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.28.0', '    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: "false"\n'),
    },
    fires: 0,
  },
  {
    name: 'flat env false (1.24+ layout)',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.28.0', '    env:\n      ENABLE_NATIVE_SIDECARS: false\n'),
    },
    fires: 0,
  },
  {
    name: 'compatibilityVersion 1.26',
    tree: { 'dk.yaml': injecting, 'istiod.yaml': istiod('1.28.0', '    compatibilityVersion: "1.26"\n') },
    fires: 0,
  },
  {
    // zzz_profile.yaml coalesces only `profile` and `platform` with `global.`; this key is ignored.
    name: 'global.compatibilityVersion 1.26 is not read by the chart (1.28 keeps its auto default)',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.28.0', '    global:\n      compatibilityVersion: "1.26"\n'),
    },
    fires: 1,
  },
  {
    name: 'Istio 1.26 (classic sidecars by default)',
    tree: { 'dk.yaml': injecting, 'istiod.yaml': istiod('1.26.2') },
    fires: 0,
  },
  {
    name: 'auto on Istio 1.26 is not a valid value there',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.26.2', '    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: auto\n'),
    },
    fires: 0,
  },
  // pilot/pkg/features: before 1.27 ENABLE_NATIVE_SIDECARS is a bool variable read by strconv.ParseBool ("1", "t",
  // "True" are true); from 1.27 a string compared with "true", "false", "auto" exactly, anything else off.
  {
    name: '"1" on Istio 1.25 is true (Go ParseBool)',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.25.0', '    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: "1"\n'),
    },
    fires: 1,
  },
  {
    name: '"True" on Istio 1.28 is no value there: off',
    tree: {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.28.0', '    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: "True"\n'),
    },
    fires: 0,
  },
  {
    name: 'IstioOperator k8s env false',
    tree: { 'dk.yaml': injecting, 'iop.yaml': istioOperator('false') },
    fires: 0,
  },
  {
    name: 'no DynaKube injects code modules',
    tree: { 'dk.yaml': hostOnly, 'istiod.yaml': istiod('1.28.0') },
    fires: 0,
  },
  { name: 'no Istio install in the repository', tree: { 'dk.yaml': injecting }, fires: 0 },
];

const nativePod = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: shop
    namespace: shop
  spec:
    template:
      metadata:
        annotations:
          sidecar.istio.io/nativeSidecar: "true"
      spec:
        containers: [{ name: app, image: shop:1 }]
`;
const injectedNamespace =
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n';

describe('native-sidecars', () => {
  it.each(cases)('$name', ({ tree, fires, line }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(fires);
    if (line) expect(findings[0].origin.line).toBe(line);
  });

  it.each(cases.filter((c) => c.fires > 0))('the fix switches native sidecars off: $name', ({ tree }) => {
    const findings = runRule(rule, tree);
    expect(findings[0].fix?.edits).toHaveLength(1);
    expect(runRule(rule, applyFixes(tree, findings))).toHaveLength(0);
  });

  it('adds the setting under pilot.env and keeps comments', () => {
    const tree = cases[0].tree;
    const fixed = applyFixes(tree, runRule(rule, tree))['istiod.yaml'];
    expect(fixed).toContain('    meshConfig:\n      accessLogFile: /dev/stdout # keep\n');
    expect(fixed).toContain('    pilot:\n      env:\n        ENABLE_NATIVE_SIDECARS: "false"');
  });

  it('edits the IstioOperator k8s env item, which overrides values', () => {
    const tree = cases[5].tree;
    const fixed = applyFixes(tree, runRule(rule, tree))['iop.yaml'];
    expect(fixed).toMatch(/- name: ENABLE_NATIVE_SIDECARS\n {12}value: "false"\n/);
    expect(fixed).not.toContain('values:');
  });

  it('points at the discovery container of a rendered istiod that pins neither a version nor the setting', () => {
    const untagged = renderedIstiod('1.29.0', 'auto').replace(':1.29.0', '');
    const withoutEnv = untagged.slice(0, untagged.indexOf('env:')).trimEnd() + '\n';
    const otherEnv = untagged.replace('ENABLE_NATIVE_SIDECARS', 'PILOT_TRACE_SAMPLING');
    const placeOf = (istiodYaml: string) =>
      runRule(rule, { 'dk.yaml': injecting, 'istiod.yaml': istiodYaml }).map((f) => [
        f.origin.file,
        f.origin.line,
      ]);
    // `- name: discovery`, where the env goes; `env:` when the container has one.
    expect(placeOf(withoutEnv)).toEqual([['istiod.yaml', 10]]);
    expect(placeOf(otherEnv)).toEqual([['istiod.yaml', 12]]);
  });

  it('fires on a pod that asks for a native sidecar itself, and fixes the annotation', () => {
    const tree = {
      'dk.yaml': injecting,
      'istiod.yaml': istiod('1.26.0'),
      'ns.yaml': injectedNamespace,
      'shop.yaml': nativePod,
    };
    const findings = runRule(rule, tree);
    expect(findings.map((f) => [f.resource, f.origin.line])).toEqual([['Deployment shop/shop', 10]]);
    expect(runRule(rule, applyFixes(tree, findings))).toHaveLength(0);
    expect(
      runRule(rule, { ...tree, 'ns.yaml': injectedNamespace.replace('enabled', 'disabled') }),
    ).toHaveLength(0);
  });
});

describe('native-sidecars, pod annotation written by a kustomize overlay', () => {
  const plainPod = nativePod.replace(
    '      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n',
    '      labels:\n        app: shop\n',
  );
  const base: Tree = {
    'dk.yaml': injecting,
    'istiod.yaml': istiod('1.26.0'),
    'ns.yaml': injectedNamespace,
    'base/kustomization.yaml': 'resources: [shop.yaml]\n',
    'base/shop.yaml': plainPod,
  };
  const annotationPatch = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: shop
    spec:
      template:
        metadata:
          annotations:
            team: shop
            sidecar.istio.io/nativeSidecar: "true"
  `;

  function fixesInPatch(tree: Tree, file: string, line: number): Tree {
    const { finding, fixed } = expectFixInFile(rule, tree, file, line);
    expect(finding.resource).toBe('Deployment shop/shop');
    return fixed;
  }

  it('fixes the annotation in the strategic-merge patch file that adds it', () => {
    const tree: Tree = {
      ...base,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: native.yaml\n',
      'overlay/native.yaml': annotationPatch,
    };
    const fixed = fixesInPatch(tree, 'overlay/native.yaml', 10);
    expect(fixed['overlay/native.yaml']).toBe(annotationPatch.replace('"true"', '"false"'));
  });

  it('fixes the `value:` of an inline JSON6902 operation that adds it', () => {
    const kustomization = [
      'resources: [../base]',
      'patches:',
      '  - target: {kind: Deployment, name: shop}',
      '    patch: |-',
      '      - op: add',
      '        path: /spec/template/metadata/annotations',
      '        value:',
      '          sidecar.istio.io/nativeSidecar: "true"',
      '',
    ].join('\n');
    const tree: Tree = { ...base, 'overlay/kustomization.yaml': kustomization };
    const fixed = fixesInPatch(tree, 'overlay/kustomization.yaml', 8);
    expect(fixed['overlay/kustomization.yaml']).toBe(kustomization.replace('"true"', '"false"'));
  });
});

describe('native-sidecars on an ambient mesh', () => {
  const ambientIstiod = istiod('1.28.0', '    profile: ambient\n');
  const namespaceWith = (labels: Record<string, string>, name = 'shop') =>
    [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      `  name: ${name}`,
      '  labels:',
      ...Object.entries(labels).map(([key, value]) => `    ${key}: "${value}"`),
      '',
    ].join('\n');
  const ambientNamespace = namespaceWith({ 'istio.io/dataplane-mode': 'ambient' });
  const deployment = (labels: Record<string, string>, annotations: Record<string, string> = {}) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: edge',
      '  namespace: shop',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      ...Object.entries(labels).map(([key, value]) => `        ${key}: "${value}"`),
      ...(Object.keys(annotations).length > 0 ? ['      annotations:'] : []),
      ...Object.entries(annotations).map(([key, value]) => `        ${key}: "${value}"`),
      '    spec:',
      '      containers: [{ name: app, image: edge:1 }]',
      '',
    ].join('\n');

  // `undefined` is the rule's default severity (error).
  const cases: { name: string; tree: Tree; severity: 'info' | undefined }[] = [
    {
      name: 'pure ambient: ambient profile, ambient namespace, no sidecar anywhere (QA repro s33-ambient)',
      tree: { 'dk.yaml': injecting, 'istiod.yaml': ambientIstiod, 'ns.yaml': ambientNamespace },
      severity: 'info',
    },
    {
      name: 'pure ambient with a gateway Deployment (gateway injection template, not a sidecar)',
      tree: {
        'dk.yaml': injecting,
        'istiod.yaml': ambientIstiod,
        'ns.yaml': ambientNamespace,
        'gw.yaml': deployment(
          { 'sidecar.istio.io/inject': 'true' },
          { 'inject.istio.io/templates': 'gateway' },
        ),
      },
      severity: 'info',
    },
    {
      name: 'ambient profile, but another namespace is labelled istio-injection=enabled',
      tree: {
        'dk.yaml': injecting,
        'istiod.yaml': ambientIstiod,
        'ns.yaml': ambientNamespace,
        'other.yaml': namespaceWith({ 'istio-injection': 'enabled' }, 'legacy'),
      },
      severity: undefined,
    },
    {
      name: 'ambient profile, but a namespace mixes istio.io/rev with ambient (the sidecar wins)',
      tree: {
        'dk.yaml': injecting,
        'istiod.yaml': ambientIstiod,
        'ns.yaml': namespaceWith({ 'istio.io/dataplane-mode': 'ambient', 'istio.io/rev': 'stable' }),
      },
      severity: undefined,
    },
    {
      name: 'ambient profile, but a pod is labelled sidecar.istio.io/inject: "true"',
      tree: {
        'dk.yaml': injecting,
        'istiod.yaml': ambientIstiod,
        'ns.yaml': ambientNamespace,
        'other.yaml': namespaceWith({}, 'plain'),
        'app.yaml': deployment({ 'sidecar.istio.io/inject': 'true' }).replace(
          'namespace: shop',
          'namespace: plain',
        ),
      },
      severity: undefined,
    },
    {
      name: 'ambient profile, but the ActiveGate asks for a sidecar',
      tree: {
        'dk.yaml':
          injecting +
          '  activeGate:\n    capabilities: [routing]\n    labels:\n      sidecar.istio.io/inject: "true"\n',
        'istiod.yaml': ambientIstiod,
        'ns.yaml': ambientNamespace,
      },
      severity: undefined,
    },
    {
      name: 'ambient profile, but the injector enables namespaces by default',
      tree: {
        'dk.yaml': injecting,
        'istiod.yaml': istiod(
          '1.28.0',
          '    profile: ambient\n    sidecarInjectorWebhook:\n      enableNamespacesByDefault: true\n',
        ),
        'ns.yaml': ambientNamespace,
        'other.yaml': namespaceWith({ team: 'a' }, 'plain'),
      },
      severity: undefined,
    },
    {
      name: 'ambient profile, but no namespace in the repository: enrolment is unknown',
      tree: { 'dk.yaml': injecting, 'istiod.yaml': ambientIstiod },
      severity: undefined,
    },
    {
      // ably77/agw-federated-infra: each cluster's overlay only sets its trust domain; read alone, each was an
      // istiod without the ambient profile (two errors).
      name: 'ambient profile in the base values of an ApplicationSet with a clusters generator and per-cluster overlays',
      tree: {
        'dk.yaml': injecting,
        'ns.yaml': ambientNamespace,
        'argocd/istiod.yaml': yaml`
          apiVersion: argoproj.io/v1alpha1
          kind: ApplicationSet
          metadata: {name: istiod, namespace: argocd}
          spec:
            generators:
              - clusters: {selector: {matchLabels: {role: leaf}}}
            template:
              metadata: {name: 'istiod-{{name}}'}
              spec:
                destination: {server: '{{server}}', namespace: istio-system}
                sources:
                  - repoURL: us-docker.pkg.dev/soloio-img/istio-helm
                    chart: istiod
                    targetRevision: 1.29.2-patch0-solo
                    helm:
                      valueFiles:
                        - $values/istio/istiod-values.yaml
                        - $values/istio/overlays/{{name}}-istiod-values.yaml
                  - {repoURL: 'https://github.com/example/platform.git', ref: values}
        `,
        'istio/istiod-values.yaml': 'profile: ambient\n',
        'istio/overlays/leaf-1-istiod-values.yaml': 'meshConfig:\n  trustDomain: leaf-1.local\n',
        'istio/overlays/leaf-2-istiod-values.yaml': 'meshConfig:\n  trustDomain: leaf-2.local\n',
      },
      severity: 'info',
    },
    {
      name: 'ambient namespace, but istiod runs the default profile',
      tree: { 'dk.yaml': injecting, 'istiod.yaml': istiod('1.28.0'), 'ns.yaml': ambientNamespace },
      severity: undefined,
    },
  ];

  it.each(cases)('$name', ({ tree, severity }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe(severity);
    expect(findings[0].fix?.edits).toHaveLength(1);
  });
});
