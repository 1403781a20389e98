import { describe, expect, it } from '@jest/globals';
import { buildModel } from '../../src/model/build.js';
import { substituteText } from '../../src/model/flux.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import { lineOf, modelOf } from './helpers.js';

describe('kustomize without the binary', () => {
  it('applies namespace: to objects without one and renames a placeholder Namespace (solanyn/home-ops form)', () => {
    const model = modelOf({
      'kubernetes/apps/istio-system/kustomization.yaml': [
        'namespace: istio-system',
        'resources:',
        '  - namespace.yaml',
        '  - istiod',
      ],
      'kubernetes/apps/istio-system/namespace.yaml': [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: _',
        '  labels:',
        '    istio-injection: enabled',
      ],
      'kubernetes/apps/istio-system/istiod/kustomization.yaml': ['resources: [helmrelease.yaml]'],
      'kubernetes/apps/istio-system/istiod/helmrelease.yaml': [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata: {name: istiod}',
        'spec:',
        '  chart: {spec: {chart: istiod, version: 1.26.2}}',
        '  values: {meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}}',
      ],
    });
    const namespace = model.namespaces.get('istio-system');
    expect(namespace?.labels['istio-injection']).toBe('enabled');
    expect(namespace?.origin).toMatchObject({ file: 'kubernetes/apps/istio-system/namespace.yaml', line: 4 });
    expect(model.namespaces.has('_')).toBe(false);
    expect(model.chartValues[0].releaseNamespace).toBe('istio-system');
    expect(model.pilotInstalls[0].namespace?.value).toBe('istio-system');
    expect(model.pilotInstalls[0].namespace?.defaulted).toBeFalsy();
  });

  it('makes a namespace-less PeerAuthentication mesh-wide through namespace: (anthos form)', () => {
    const model = modelOf({
      'strict/kustomization.yaml': ['namespace: istio-system', 'resources: [mesh-strict.yaml]'],
      'strict/mesh-strict.yaml': [
        'apiVersion: security.istio.io/v1',
        'kind: PeerAuthentication',
        'metadata: {name: default}',
        'spec: {mtls: {mode: STRICT}}',
      ],
    });
    expect(model.peerAuthentications[0]).toMatchObject({
      namespace: 'istio-system',
      mtlsMode: { value: 'STRICT', origin: { file: 'strict/mesh-strict.yaml', line: 4 } },
    });
  });

  it('reports a base that two overlays put into different namespaces once, not once per file', () => {
    const object = (kind: string, name: string) => [
      kind === 'ServiceEntry' ? 'apiVersion: networking.istio.io/v1' : 'apiVersion: security.istio.io/v1',
      `kind: ${kind}`,
      `metadata: {name: ${name}}`,
      kind === 'ServiceEntry'
        ? 'spec: {hosts: [a.example.com], resolution: DNS}'
        : 'spec: {mtls: {mode: STRICT}}',
    ];
    const tree = {
      'base/kustomization.yaml': ['resources: [a.yaml, b.yaml, c.yaml]'],
      'base/a.yaml': object('ServiceEntry', 'a'),
      'base/b.yaml': object('ServiceEntry', 'b'),
      'base/c.yaml': object('PeerAuthentication', 'c'),
      'overlays/prod/kustomization.yaml': ['namespace: prod', 'resources: [../../base]'],
      'overlays/staging/kustomization.yaml': ['namespace: staging', 'resources: [../../base]'],
    };
    const notes = modelOf(tree).notEvaluable.filter((note) => note.reason.includes('different namespaces'));
    expect(notes).toEqual([
      {
        file: 'base/kustomization.yaml',
        line: 1,
        reason:
          'kustomize overlays set different namespaces for the 3 files of base (overlays/prod: prod, overlays/staging: staging); prod is used',
      },
    ]);
    expect(modelOf(tree).serviceEntries.map((entry) => entry.namespace)).toEqual(['prod', 'prod']);
    const single = modelOf({ ...tree, 'base/kustomization.yaml': ['resources: [a.yaml]'] }).notEvaluable;
    expect(
      single.filter((note) => note.reason.includes('different namespaces for base/a.yaml')),
    ).toHaveLength(1);
  });

  // solanyn/home-ops and xunholy/k8s-gitops list one alerts component from every app folder's kustomization, each
  // with its own namespace: that was one note per pair of overlays (14 notes on one folder).
  it('one note per shared folder, however many overlays, naming a few of them', () => {
    const alert = ['apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata: {name: a}'];
    const apps = ['a', 'b', 'c', 'd', 'e'];
    const tree: Record<string, string[]> = {
      'components/alerts/kustomization.yaml': ['resources: [alert.yaml]'],
      'components/alerts/alert.yaml': alert,
    };
    for (const app of apps)
      tree[`apps/${app}/kustomization.yaml`] = [`namespace: ${app}`, 'components: [../../components/alerts]'];
    const notes = modelOf(tree).notEvaluable.filter((note) => note.reason.includes('different namespaces'));
    expect(notes.map((note) => note.reason)).toEqual([
      'kustomize overlays set different namespaces for components/alerts/alert.yaml (apps/a: a, apps/b: b, apps/c: c and 2 more); a is used',
    ]);
  });

  it('no note for a shared folder none of whose files hold an object the rules read', () => {
    const notes = modelOf({
      'base/kustomization.yaml': ['resources: [broker.yaml]'],
      'base/broker.yaml': [
        'apiVersion: broker.amq.io/v1beta1',
        'kind: ActiveMQArtemis',
        'metadata: {name: b}',
      ],
      'overlays/prod/kustomization.yaml': ['namespace: prod', 'resources: [../../base]'],
      'overlays/staging/kustomization.yaml': ['namespace: staging', 'resources: [../../base]'],
    }).notEvaluable;
    expect(notes.filter((note) => note.reason.includes('different namespaces'))).toEqual([]);
  });

  // PHACDataHub/cpho-phase2: an ephemeral overlay per branch (`namespace: ${BRANCH_NAME}`) and the prod one share
  // the base; the first in path order was the placeholder, so the base's objects sat in a namespace named
  // `${BRANCH_NAME}`.
  it('a literal namespace wins over one filled in at deploy time', () => {
    const tree = {
      'base/kustomization.yaml': ['resources: [entry.yaml]'],
      'base/entry.yaml': [
        'apiVersion: networking.istio.io/v1',
        'kind: ServiceEntry',
        'metadata: {name: a}',
        'spec: {hosts: [a.example.com], resolution: DNS}',
      ],
      'overlays/ephemeral/kustomization.yaml': ['namespace: ${BRANCH_NAME}', 'resources: [../../base]'],
      'overlays/prod/kustomization.yaml': ['namespace: server', 'resources: [../../base]'],
    };
    const model = modelOf(tree);
    expect(model.serviceEntries.map((entry) => entry.namespace)).toEqual(['server']);
    expect(
      model.notEvaluable.filter((note) => note.reason.includes('different namespaces')).map((n) => n.reason),
    ).toEqual([
      'kustomize overlays set different namespaces for base/entry.yaml (overlays/prod: server, overlays/ephemeral: ${BRANCH_NAME}); server is used',
    ]);
  });

  it('reads helmCharts values: valuesFile, then valuesInline, with namespace and version', () => {
    const kustomization = [
      'helmCharts:',
      '  - name: istiod',
      '    repo: https://istio-release.storage.googleapis.com/charts',
      '    version: 1.28.0',
      '    releaseName: istiod',
      '    namespace: istio-system',
      '    valuesFile: istiod-values.yaml',
      '    valuesInline:',
      '      pilot:',
      '        env:',
      '          ENABLE_NATIVE_SIDECARS: "false"',
      '  - name: cni',
      '    repo: https://istio-release.storage.googleapis.com/charts',
      '    namespace: kube-system',
    ];
    const model = modelOf({
      'istio/kustomization.yaml': kustomization,
      'istio/istiod-values.yaml': [
        'meshConfig:',
        '  outboundTrafficPolicy:',
        '    mode: REGISTRY_ONLY',
        'pilot:',
        '  env:',
        '    ENABLE_NATIVE_SIDECARS: "true"',
      ],
    });
    expect(model.chartValues.map((v) => [v.chart, v.releaseNamespace, v.chartVersion])).toEqual([
      ['istiod', 'istio-system', '1.28.0'],
      ['cni', 'kube-system', undefined],
    ]);
    expect(model.meshConfigs[0].outboundPolicy?.origin).toMatchObject({
      file: 'istio/istiod-values.yaml',
      line: 3,
    });
    expect(model.pilotInstalls[0].env.ENABLE_NATIVE_SIDECARS).toMatchObject({
      value: 'false',
      origin: { file: 'istio/kustomization.yaml', line: lineOf(kustomization, 'ENABLE_NATIVE_SIDECARS') },
    });
    expect(model.cniInstalls[0].namespace.value).toBe('kube-system');
  });

  it('applies an inline JSON6902 patch to a Namespace label, its line in the kustomization (kubeflow form)', () => {
    const kustomization = [
      'apiVersion: kustomize.config.k8s.io/v1alpha1',
      'kind: Component',
      'resources: [../base]',
      'patches:',
      '  - target: {kind: Namespace, name: kubeflow}',
      '    patch: |-',
      '      - op: add',
      '        path: /metadata/labels/istio.io~1dataplane-mode',
      '        value: ambient',
    ];
    const model = modelOf({
      'overlay/kustomization.yaml': kustomization,
      'base/kustomization.yaml': ['resources: [ns.yaml]'],
      'base/ns.yaml': [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: kubeflow',
        '  labels: {istio-injection: enabled}',
      ],
    });
    const namespace = model.namespaces.get('kubeflow')!;
    expect(namespace.labels).toEqual({ 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' });
    const path = ['metadata', 'labels', 'istio.io/dataplane-mode'];
    expect(namespace.document.lineAt(path)).toBe(lineOf(kustomization, 'value: ambient'));
    expect(namespace.document.fileAt?.(path)).toBe('overlay/kustomization.yaml');
    expect(namespace.document.lineAt(['metadata', 'labels', 'istio-injection'])).toBe(5);
  });

  it('applies a strategic-merge patch file that replaces the istio ConfigMap mesh', () => {
    const patch = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: istio, namespace: istio-system}',
      'data:',
      '  mesh: |-',
      '    accessLogFile: /dev/stdout',
      '    outboundTrafficPolicy:',
      '      mode: REGISTRY_ONLY',
    ];
    const model = modelOf({
      'istio/kustomization.yaml': ['resources: [install.yaml]', 'patchesStrategicMerge: [patches/mesh.yaml]'],
      'istio/install.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: istio, namespace: istio-system}',
        'data:',
        '  mesh: |-',
        '    rootNamespace: istio-system',
      ],
      'istio/patches/mesh.yaml': patch,
    });
    expect(model.meshConfigs).toHaveLength(1);
    expect(model.meshConfigs[0].outboundPolicy).toMatchObject({
      value: 'REGISTRY_ONLY',
      origin: { file: 'istio/patches/mesh.yaml', line: 8 },
    });
    expect(model.meshConfigs[0].rootNamespace).toBeUndefined();
  });

  it('keeps a patch file as an object where another kustomization lists it as a resource', () => {
    const serviceEntry = (name: string) => [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      `metadata: {name: ${name}, namespace: shop}`,
      'spec: {hosts: [api.example.com], location: MESH_EXTERNAL, resolution: DNS}',
    ];
    const tree = (listed: boolean) => ({
      'base/kustomization.yaml': ['resources: [entry.yaml]'],
      'base/entry.yaml': serviceEntry('api'),
      'overlay/kustomization.yaml': ['resources: [../base]', 'patchesStrategicMerge: [../shared/entry.yaml]'],
      'shared/entry.yaml': serviceEntry('api'),
      ...(listed ? { 'shared/kustomization.yaml': ['resources: [entry.yaml]'] } : {}),
    });
    const files = (listed: boolean) =>
      modelOf(tree(listed))
        .serviceEntries.map((entry) => entry.origin.file)
        .sort();
    expect(files(false)).toEqual(['base/entry.yaml']);
    expect(files(true)).toEqual(['base/entry.yaml', 'shared/entry.yaml']);
  });

  it('reports patches it cannot apply, and remote bases', () => {
    const kustomization = [
      'resources:',
      '  - github.com/GoogleCloudPlatform/microservices-demo/release?ref=main',
      '  - ns.yaml',
      'patches:',
      '  - target: {kind: Namespace, name: app}',
      '    patch: |-',
      '      - {op: move, from: /metadata/labels/a, path: /metadata/labels/b}',
    ];
    const model = modelOf({
      'app/kustomization.yaml': kustomization,
      'app/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: app, labels: {a: x}}'],
    });
    expect(model.notEvaluable).toEqual(
      expect.arrayContaining([
        { file: 'app/kustomization.yaml', line: 2, reason: expect.stringMatching(/^remote kustomize base/) },
        {
          file: 'app/kustomization.yaml',
          line: 5,
          reason: expect.stringMatching(/^Namespace app is changed by an overlay, not evaluated/),
        },
      ]),
    );
    expect(model.namespaces.get('app')?.labels).toEqual({ a: 'x' });
  });

  it('deletes an object patched with $patch: delete', () => {
    const model = modelOf({
      'o/kustomization.yaml': [
        'resources: [../b]',
        'patches:',
        '  - patch: |-',
        '      apiVersion: apps/v1',
        '      kind: DaemonSet',
        '      metadata: {name: istio-cni-node}',
        '      $patch: delete',
      ],
      'b/kustomization.yaml': ['resources: [cni.yaml]'],
      'b/cni.yaml': [
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata: {name: istio-cni-node, namespace: kube-system}',
        'spec: {template: {metadata: {}}}',
      ],
    });
    expect(model.cniInstalls).toEqual([]);
  });

  /** A kustomization patching the Namespace `app` of ns.yaml, with the patch's `target:` line given. */
  function patchedNamespace(target: string) {
    return modelOf({
      'app/kustomization.yaml': [
        'resources: [ns.yaml]',
        'patches:',
        `  - target: ${target}`,
        '    patch: |-',
        '      - {op: add, path: /metadata/labels/istio-injection, value: enabled}',
      ],
      'app/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: app, labels: {a: x}}'],
    });
  }

  // The target name was compiled as `^(?:name)$` for every resource: a pattern JavaScript does not compile threw,
  // and the run ended in "internal error: Invalid regular expression".
  it.each([
    [
      'that does not compile',
      '{kind: Namespace, name: "app("}',
      /^patch target name, the string "app\(", is not/,
    ],
    [
      'too large to run',
      `{kind: Namespace, name: "${'a'.repeat(70_000)}"}`,
      /^patch target name, the string "a{40}…"/,
    ],
  ])('reports a target name pattern %s at the patch, and applies nothing', (_what, target, reason) => {
    const model = patchedNamespace(target);
    expect(model.notEvaluable).toEqual([
      { file: 'app/kustomization.yaml', line: 3, reason: expect.stringMatching(reason) },
    ]);
    expect(model.namespaces.get('app')?.labels).toEqual({ a: 'x' });
  });

  it('matches a target name as a pattern anchored at both ends', () => {
    expect(patchedNamespace('{kind: Namespace, name: "a.p"}').namespaces.get('app')?.labels).toEqual({
      a: 'x',
      'istio-injection': 'enabled',
    });
    expect(patchedNamespace('{kind: Namespace, name: "ap"}').namespaces.get('app')?.labels).toEqual({
      a: 'x',
    });
  });

  // Without `target:`, kustomize selects the object with the patch's own kind and name, as written: a name that is no
  // pattern (`app(`) crashed the run like a target's.
  it("selects by the patch's own name as written when there is no target", () => {
    const patch = (name: string) => [
      'resources: [ns.yaml]',
      'patches:',
      '  - patch: |-',
      '      apiVersion: v1',
      '      kind: Namespace',
      `      metadata: {name: "${name}", labels: {istio-injection: enabled}}`,
    ];
    const ns = ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: app, labels: {a: x}}'];
    for (const name of ['app(', 'a.p']) {
      const model = modelOf({ 'app/kustomization.yaml': patch(name), 'app/ns.yaml': ns });
      expect(model.notEvaluable).toEqual([]);
      expect(model.namespaces.get('app')?.labels).toEqual({ a: 'x' });
    }
    const patched = modelOf({ 'app/kustomization.yaml': patch('app'), 'app/ns.yaml': ns });
    expect(patched.namespaces.get('app')?.labels).toEqual({ a: 'x', 'istio-injection': 'enabled' });
  });
});

describe('Flux Kustomization entry points', () => {
  const tree = {
    'clusters/my-cluster/istio.yaml': [
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      'metadata: {name: istio-system, namespace: flux-system}',
      'spec:',
      '  path: ./istio/system',
      '  targetNamespace: istio-system',
      '  postBuild:',
      '    substitute: {cluster: prod}',
      '    substituteFrom:',
      '      - {kind: ConfigMap, name: istio-version}',
      '      - {kind: Secret, name: cluster-secrets}',
    ],
    'clusters/my-cluster/istio-version.yaml': [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: istio-version, namespace: flux-system}',
      'data: {version: 1.19.3}',
    ],
    'istio/system/istio.yaml': [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: istiod}',
      'spec:',
      '  chart: {spec: {version: "${version}", chart: istiod}}',
      '  values:',
      '    meshConfig:',
      '      rootNamespace: "${root:=istio-system}"',
      '      outboundTrafficPolicy: {mode: "${egress}"}',
    ],
  };

  it('resolves postBuild substitutions and targetNamespace for the files under spec.path', () => {
    const model = modelOf(tree);
    expect(model.chartValues[0]).toMatchObject({ chartVersion: '1.19.3', releaseNamespace: 'istio-system' });
    expect(model.meshConfigs[0].rootNamespace).toMatchObject({
      value: 'istio-system',
      origin: { file: 'istio/system/istio.yaml', line: 8 },
    });
    expect(model.notEvaluable).toEqual(
      expect.arrayContaining([
        {
          file: 'clusters/my-cluster/istio.yaml',
          line: 11,
          reason: expect.stringMatching(/Secret cluster-secrets/),
        },
        {
          file: 'istio/system/istio.yaml',
          line: 9,
          reason: expect.stringMatching(/\$\{egress\} is a substitution variable/),
        },
      ]),
    );
  });

  it.each([
    ['${istio}', [], true],
    ['${missing:=true}', [], true],
    ['${missing}', [/\$\{missing\} is a substitution variable/], false],
  ])(
    'reads enableIstio: %s as the variable it is filled with, never as a string of the wrong type',
    (written, notes, enableIstio) => {
      const model = modelOf({
        'clusters/prod/apps.yaml': [
          'apiVersion: kustomize.toolkit.fluxcd.io/v1',
          'kind: Kustomization',
          'metadata: {name: apps, namespace: flux-system}',
          'spec:',
          '  path: ./apps',
          '  postBuild: {substitute: {istio: "true", tenant: abc}}',
        ],
        'apps/dynakube.yaml': [
          'apiVersion: dynatrace.com/v1beta5',
          'kind: DynaKube',
          'metadata: {name: dk, namespace: dynatrace}',
          'spec:',
          '  apiUrl: https://${tenant}.live.dynatrace.com/api',
          `  enableIstio: ${written}`,
        ],
      });
      expect(model.dynakubes[0].enableIstio.value).toBe(enableIstio);
      const reasons = model.notEvaluable
        .filter((note) => note.file === 'apps/dynakube.yaml')
        .map((note) => note.reason);
      expect(reasons).toEqual(notes.map((pattern) => expect.stringMatching(pattern)));
    },
  );

  it.each([
    ['${a}', 'A'],
    ['${missing}', '${missing}'],
    ['${missing:=dflt}', 'dflt'],
    ['${missing:-dflt}', 'dflt'],
    ['${empty:=dflt}', 'dflt'],
    ['${empty=dflt}', ''],
    ['x-${a}-${b}', 'x-A-B'],
  ])('substitutes %s as %s', (text, expected) => {
    expect(
      substituteText(
        text,
        new Map([
          ['a', 'A'],
          ['b', 'B'],
          ['empty', ''],
        ]),
      ),
    ).toBe(expected);
  });
});

describe('kustomize trees shared by two sides', () => {
  const parse = (path: string, lines: string[]) => parseYamlText(path, lines.join('\n') + '\n');
  const peerAuthentication = parse('base/mtls.yaml', [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata: {name: default}',
    'spec: {mtls: {mode: STRICT}}',
  ]);
  const overlay = (namespace: string) =>
    parse('overlay/kustomization.yaml', [`namespace: ${namespace}`, 'resources: [../base]']);
  const base = parse('base/kustomization.yaml', ['resources: [mtls.yaml, extra.yaml]']);
  const namespaceOf = (model: ReturnType<typeof buildModel>) =>
    model.peerAuthentications.map((item) => item.namespace);

  it('gives each side the namespace of its own kustomizations when a pull request changes one', () => {
    const shared = [base, peerAuthentication];
    expect(namespaceOf(buildModel([...shared, overlay('istio-system')]))).toEqual(['istio-system']);
    // The same parses again (the other side of a PR that left them alone), then one changed kustomization.
    const sides = [
      [...shared, overlay('istio-system')],
      [...shared, overlay('mesh')],
    ];
    const head = sides[0];
    expect(namespaceOf(buildModel(head))).toEqual(['istio-system']);
    expect(namespaceOf(buildModel(head))).toEqual(['istio-system']);
    expect(namespaceOf(buildModel(sides[1]))).toEqual(['mesh']);
  });

  it('lists a file only on the side that has it, with the same kustomization parses on both', () => {
    const kustomization = overlay('istio-system');
    const extra = parse('base/extra.yaml', [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      'metadata: {name: extra}',
      'spec: {hosts: [extra.example.com], location: MESH_EXTERNAL, resolution: DNS}',
    ]);
    // Read without the file first: nodes kept from that side would not list it.
    const without = buildModel([base, peerAuthentication, kustomization]);
    const withExtra = buildModel([base, extra, peerAuthentication, kustomization]);
    expect(without.serviceEntries).toEqual([]);
    expect(namespaceOf(without)).toEqual(['istio-system']);
    expect(withExtra.serviceEntries.map((entry) => entry.namespace)).toEqual(['istio-system']);
  });

  it('reports a remote base on every side that lists it', () => {
    const remote = parse('overlay/kustomization.yaml', [
      'resources: [github.com/example/istio//base?ref=v1, ../base]',
    ]);
    const notes = () =>
      buildModel([base, peerAuthentication, remote]).notEvaluable.filter((note) =>
        note.reason.includes('remote kustomize base'),
      );
    expect(notes()).toHaveLength(1);
    expect(notes()).toHaveLength(1);
  });
});
