import { describe, expect, it } from '@jest/globals';
import { buildModel } from '../../src/model/build.js';
import { substituteText } from '../../src/model/flux.js';
import { getIn } from '../../src/model/read.js';
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

  // kustomize merges valuesInline into valuesFile (valuesMerge: override, the default, or merge: the file wins, or
  // replace: the file is dropped), and hands helm that file before every additionalValuesFiles entry, which therefore
  // win over valuesInline (api/internal/builtins/HelmChartInflationGenerator.go, replaceValuesInline;
  // api/types/helmchartargs.go, AsHelmArgs). valuesInline was read as the last word.
  it.each([
    ['', { mode: 'additional.yaml', sidecars: 'kustomization.yaml', trace: 'values.yaml' }],
    [
      'valuesMerge: override',
      { mode: 'additional.yaml', sidecars: 'kustomization.yaml', trace: 'values.yaml' },
    ],
    ['valuesMerge: merge', { mode: 'additional.yaml', sidecars: 'values.yaml', trace: 'values.yaml' }],
    ['valuesMerge: replace', { mode: 'additional.yaml', sidecars: 'kustomization.yaml', trace: undefined }],
  ])('orders helmCharts values as kustomize hands them to helm (%s)', (valuesMerge, expected) => {
    const model = modelOf({
      'istio/kustomization.yaml': [
        'helmCharts:',
        '  - name: istiod',
        '    version: 1.28.0',
        '    namespace: istio-system',
        ...(valuesMerge ? [`    ${valuesMerge}`] : []),
        '    valuesFile: values.yaml',
        '    additionalValuesFiles: [additional.yaml]',
        '    valuesInline:',
        '      meshConfig: {outboundTrafficPolicy: {mode: ALLOW_ANY}}',
        '      pilot: {env: {ENABLE_NATIVE_SIDECARS: "false"}}',
      ],
      'istio/values.yaml': [
        'meshConfig: {outboundTrafficPolicy: {mode: ALLOW_ANY}}',
        'pilot: {env: {ENABLE_NATIVE_SIDECARS: "true", PILOT_TRACE_SAMPLING: "5"}}',
      ],
      'istio/additional.yaml': ['meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'],
    });
    const file = (origin: { file: string } | undefined) => origin?.file.replace('istio/', '');
    expect(file(model.meshConfigs[0].outboundPolicy?.origin)).toBe(expected.mode);
    const env = model.pilotInstalls[0].env;
    expect(file(env.ENABLE_NATIVE_SIDECARS?.origin)).toBe(expected.sidecars);
    expect(file(env.PILOT_TRACE_SAMPLING?.origin)).toBe(expected.trace);
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

  // A Component's transformers run on the resources its parent has gathered (kustomize
  // api/internal/target/kusttarget.go, accumulateDirectory: a component adds to the parent's accumulator), not only
  // on the component's own resources: the kubeflow ambient-mode component patches the parent's Namespace.
  it("applies a component's patches to its parent's resources, for every parent that lists it", () => {
    const component = [
      'apiVersion: kustomize.config.k8s.io/v1alpha1',
      'kind: Component',
      'patches:',
      '  - target: {kind: Namespace}',
      '    patch: |-',
      '      - op: add',
      '        path: /metadata/labels/istio.io~1dataplane-mode',
      '        value: ambient',
    ];
    const namespace = (name: string) => ['apiVersion: v1', 'kind: Namespace', `metadata: {name: ${name}}`];
    const model = modelOf({
      'components/ambient/kustomization.yaml': component,
      'apps/a/kustomization.yaml': ['resources: [ns.yaml]', 'components: [../../components/ambient]'],
      'apps/a/ns.yaml': namespace('a'),
      'apps/b/kustomization.yaml': ['resources: [ns.yaml]', 'components: [../../components/ambient]'],
      'apps/b/ns.yaml': namespace('b'),
      'apps/c/kustomization.yaml': ['resources: [ns.yaml]'],
      'apps/c/ns.yaml': namespace('c'),
    });
    for (const name of ['a', 'b']) {
      const labels = model.namespaces.get(name)?.labels;
      expect([name, labels]).toEqual([name, { 'istio.io/dataplane-mode': 'ambient' }]);
      const path = ['metadata', 'labels', 'istio.io/dataplane-mode'];
      expect(model.namespaces.get(name)?.document.fileAt?.(path)).toBe(
        'components/ambient/kustomization.yaml',
      );
    }
    expect(model.namespaces.get('c')?.labels).toEqual({});
  });

  it("puts the parent's resources into a component's namespace, unless the parent sets its own", () => {
    const tree = (parentNamespace: string[]) => ({
      'components/mesh-wide/kustomization.yaml': [
        'apiVersion: kustomize.config.k8s.io/v1alpha1',
        'kind: Component',
        'namespace: istio-system',
      ],
      'strict/kustomization.yaml': [
        ...parentNamespace,
        'resources: [peer.yaml]',
        'components: [../components/mesh-wide]',
      ],
      'strict/peer.yaml': [
        'apiVersion: security.istio.io/v1',
        'kind: PeerAuthentication',
        'metadata: {name: default}',
        'spec: {mtls: {mode: STRICT}}',
      ],
    });
    expect(modelOf(tree([])).peerAuthentications.map((p) => p.namespace)).toEqual(['istio-system']);
    expect(modelOf(tree(['namespace: shop'])).peerAuthentications.map((p) => p.namespace)).toEqual(['shop']);
  });

  // kustomize's label and annotation transformers (api/internal/target/kusttarget_configplugin.go, LabelTransformer;
  // field specs in api/internal/konfig/builtinpluginconsts/metadatalabels.go, commonannotations.go): `labels[].pairs`
  // go to metadata.labels, and to pod templates with `includeTemplates` or `includeSelectors`; `commonLabels` and
  // `commonAnnotations` go to both. A mesh label written there is the Namespace's label.
  it('adds labels, commonLabels and commonAnnotations to metadata, and to pod templates where kustomize does', () => {
    const kustomization = [
      'namespace: shop',
      'resources: [ns.yaml, app.yaml]',
      'labels:',
      '  - pairs:',
      '      istio-injection: enabled',
      '  - includeTemplates: true',
      '    pairs:',
      '      sidecar.istio.io/inject: "true"',
      'commonLabels:',
      '  team: shop',
      'commonAnnotations:',
      '  dynatrace.com/inject: "false"',
    ];
    const model = modelOf({
      'shop/kustomization.yaml': kustomization,
      'shop/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop, labels: {team: old}}'],
      'shop/app.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: app}',
        'spec:',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec: {containers: [{name: web, image: nginx}]}',
      ],
    });
    const namespace = model.namespaces.get('shop')!;
    expect(namespace.labels).toEqual({
      team: 'shop',
      'istio-injection': 'enabled',
      'sidecar.istio.io/inject': 'true',
    });
    const injection = ['metadata', 'labels', 'istio-injection'];
    expect(namespace.document.lineAt(injection)).toBe(lineOf(kustomization, 'istio-injection'));
    expect(namespace.document.fileAt?.(injection)).toBe('shop/kustomization.yaml');
    expect(namespace.document.lineAt(['metadata', 'labels', 'team'])).toBe(
      lineOf(kustomization, 'team: shop'),
    );
    const workload = model.workloads.find((w) => w.name === 'app')!;
    expect(workload.labels).toEqual({
      team: 'shop',
      'istio-injection': 'enabled',
      'sidecar.istio.io/inject': 'true',
    });
    expect(workload.podLabels).toEqual({ app: 'web', team: 'shop', 'sidecar.istio.io/inject': 'true' });
    expect(workload.podAnnotations).toEqual({ 'dynatrace.com/inject': 'false' });
    expect(workload.annotations).toEqual({ 'dynatrace.com/inject': 'false' });
  });

  it("lets an overlay's labels override a base's, and a later patch override both", () => {
    const model = modelOf({
      'base/kustomization.yaml': ['resources: [ns.yaml]', 'labels: [{pairs: {istio-injection: enabled}}]'],
      'base/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop}'],
      'overlay/kustomization.yaml': [
        'resources: [../base]',
        'commonLabels: {istio-injection: disabled, istio.io/rev: canary}',
        'patchesJson6902:',
        '  - target: {version: v1, kind: Namespace, name: shop}',
        '    patch: |-',
        '      - {op: remove, path: /metadata/labels/istio.io~1rev}',
      ],
    });
    expect(model.namespaces.get('shop')?.labels).toEqual({ 'istio-injection': 'disabled' });
  });

  // An overlay's configMapGenerator with `behavior: merge` or `replace` changes the ConfigMap of that name its bases
  // made (kustomize api/resmap/reswrangler.go, appendReplaceOrMerge): the base's own file was read instead.
  it.each([
    ['merge', { outbound: 'REGISTRY_ONLY', rootNamespace: 'istio-config' }],
    ['replace', { outbound: 'REGISTRY_ONLY', rootNamespace: undefined }],
  ])('reads a valuesFrom ConfigMap an overlay generator changes with behavior: %s', (behavior, expected) => {
    const model = modelOf({
      'istio/base/kustomization.yaml': [
        'resources: [release.yaml]',
        'configMapGenerator:',
        '  - name: istiod-values',
        '    files: [values.yaml, extra.yaml]',
      ],
      'istio/base/release.yaml': [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata: {name: istiod, namespace: istio-system}',
        'spec:',
        '  chart: {spec: {chart: istiod, version: 1.28.0}}',
        '  valuesFrom:',
        '    - {kind: ConfigMap, name: istiod-values, valuesKey: values.yaml}',
        '    - {kind: ConfigMap, name: istiod-values, valuesKey: extra.yaml, optional: true}',
      ],
      'istio/base/values.yaml': ['meshConfig:', '  outboundTrafficPolicy:', '    mode: ALLOW_ANY'],
      'istio/base/extra.yaml': ['meshConfig:', '  rootNamespace: istio-config'],
      'istio/overlays/prod/kustomization.yaml': [
        'resources: [../../base]',
        'configMapGenerator:',
        '  - name: istiod-values',
        `    behavior: ${behavior}`,
        '    files: [values.yaml=prod-values.yaml]',
      ],
      'istio/overlays/prod/prod-values.yaml': [
        'meshConfig:',
        '  outboundTrafficPolicy:',
        '    mode: REGISTRY_ONLY',
      ],
    });
    const [mesh] = model.meshConfigs;
    expect(mesh.outboundPolicy).toMatchObject({
      value: expected.outbound,
      origin: { file: 'istio/overlays/prod/prod-values.yaml', line: 3 },
    });
    expect(mesh.rootNamespace?.value).toBe(expected.rootNamespace);
  });

  it('chains generator merges through overlays of overlays, and keeps the first of two sibling overlays', () => {
    const generator = (behavior: string, file: string) => [
      'configMapGenerator:',
      `  - {name: istiod-values, behavior: ${behavior}, files: [values.yaml=${file}]}`,
    ];
    const mode = (value: string) => ['meshConfig:', '  outboundTrafficPolicy:', `    mode: ${value}`];
    const tree = {
      'base/kustomization.yaml': [
        'resources: [release.yaml]',
        'configMapGenerator: [{name: istiod-values, files: [values.yaml]}]',
      ],
      'base/release.yaml': [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata: {name: istiod, namespace: istio-system}',
        'spec:',
        '  chart: {spec: {chart: istiod}}',
        '  valuesFrom: [{kind: ConfigMap, name: istiod-values, valuesKey: values.yaml}]',
      ],
      'base/values.yaml': mode('ALLOW_ANY'),
      'a/kustomization.yaml': ['resources: [../base]', ...generator('merge', 'a.yaml')],
      'a/a.yaml': mode('REGISTRY_ONLY'),
      'b/kustomization.yaml': ['resources: [../a]', ...generator('replace', 'b.yaml')],
      'b/b.yaml': mode('ALLOW_ANY'),
    };
    expect(modelOf(tree).meshConfigs[0].outboundPolicy?.origin.file).toBe('b/b.yaml');
    const siblings = {
      ...tree,
      'b/kustomization.yaml': ['resources: [../base]', ...generator('replace', 'b.yaml')],
    };
    expect(modelOf(siblings).meshConfigs[0].outboundPolicy?.origin.file).toBe('a/a.yaml');
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

  // enchantednatures/HomeCluster disables files by commenting their line out of the folder's kustomization: an
  // IstioOperator and ServiceEntries that kustomize never builds were read as live (native-sidecars and
  // service-entry-invalid errors on objects that are not in the cluster).
  it('leaves out a file its folder’s kustomization does not list, unless another kustomization lists it', () => {
    const serviceEntry = (name: string) => [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      `metadata: {name: ${name}, namespace: monitoring}`,
      'spec: {hosts: [api.example.com], location: MESH_EXTERNAL, resolution: DNS}',
    ];
    const model = modelOf({
      'monitoring/app/kustomization.yaml': [
        'resources:',
        '  - ./helmrelease-entry.yaml',
        '  # - ./istio-config.yaml  # Disabled due to IstioOperator CRD issue',
      ],
      'monitoring/app/helmrelease-entry.yaml': serviceEntry('listed'),
      'monitoring/app/istio-config.yaml': serviceEntry('disabled'),
      'monitoring/app/extra/entry.yaml': serviceEntry('listed-from-above'),
      'monitoring/kustomization.yaml': ['resources: [app, app/extra/entry.yaml]'],
      'plain/entry.yaml': serviceEntry('no-kustomization-here'),
    });
    expect(model.serviceEntries.map((entry) => entry.name).sort()).toEqual([
      'listed',
      'listed-from-above',
      'no-kustomization-here',
    ]);
    // Not silently: a file someone applies by hand would otherwise go unchecked without a word.
    expect(model.notEvaluable.filter((note) => note.reason.includes('not listed'))).toEqual([
      {
        file: 'monitoring/app/kustomization.yaml',
        line: 1,
        reason: expect.stringContaining(
          'not read as objects of the cluster: monitoring/app/istio-config.yaml',
        ),
      },
    ]);
  });

  it('notes left-out files once per folder, and only those holding objects the rules read', () => {
    const role = ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata: {name: r}'];
    const entry = (name: string) => [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      `metadata: {name: ${name}}`,
      'spec: {hosts: [a.example.com], location: MESH_EXTERNAL, resolution: DNS}',
    ];
    const model = modelOf({
      'app/kustomization.yaml': ['resources: [listed.yaml]'],
      'app/listed.yaml': entry('listed'),
      'app/role.yaml': role,
      'app/a.yaml': entry('a'),
      'app/b.yaml': entry('b'),
      'app/c.yaml': entry('c'),
      'app/d.yaml': entry('d'),
    });
    const notes = model.notEvaluable.filter((note) => note.reason.includes('not listed'));
    expect(notes).toHaveLength(1);
    expect(notes[0].reason).toContain('app/a.yaml, app/b.yaml, app/c.yaml and 1 more');
    expect(notes[0].reason).not.toContain('role.yaml');
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

  // Only YAML files are read (sources/select.ts): a JSON6902 patch kept in a .json file changed the objects it targets
  // with no word that it was not evaluated.
  it('reports the objects a patch file it does not read would change', () => {
    const model = modelOf({
      'app/kustomization.yaml': [
        'resources: [ns.yaml]',
        'patchesJson6902:',
        '  - target: {version: v1, kind: Namespace, name: app}',
        '    path: ns-patch.json',
        '  - target: {version: v1, kind: Namespace, name: other}',
        '    path: other-patch.json',
        'patchesStrategicMerge: [mesh-patch.yml]',
      ],
      'app/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: app, labels: {a: x}}'],
    });
    expect(model.notEvaluable).toEqual([
      {
        file: 'app/kustomization.yaml',
        line: 7,
        reason:
          'patch file app/mesh-patch.yml is not a YAML file of this repository; the patch is not evaluated',
      },
      {
        file: 'app/kustomization.yaml',
        line: 3,
        reason:
          'Namespace app is changed by an overlay, not evaluated (patch file app/ns-patch.json is not a YAML file of this repository)',
      },
    ]);
  });

  // kustomize keeps the patched object's kind, name and namespace whatever a strategic-merge patch writes there,
  // unless the entry allows a change (api/resource/resource.go, ApplySmPatch): with a target, the patch's name is a
  // placeholder. The Namespace was renamed to the placeholder, and its labels went with it.
  it.each([
    ['keeps', '', 'shop'],
    ['with allowNameChange takes', '    options: {allowNameChange: true}', 'renamed'],
  ])(
    "%s the object's name under a strategic-merge patch with a target, and keeps its namespace",
    (_what, options, name) => {
      const model = modelOf({
        'app/kustomization.yaml': [
          'resources: [ns.yaml, peer.yaml]',
          'patches:',
          '  - target: {kind: Namespace, labelSelector: team=shop}',
          '    patch: |-',
          '      apiVersion: v1',
          '      kind: Namespace',
          '      metadata: {name: renamed, labels: {istio-injection: enabled}}',
          ...(options ? [options] : []),
          '  - target: {kind: PeerAuthentication}',
          '    patch: |-',
          '      apiVersion: security.istio.io/v1',
          '      kind: PeerAuthentication',
          '      metadata: {name: any, namespace: istio-system}',
          '      spec: {mtls: {mode: STRICT}}',
        ],
        'app/ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop, labels: {team: shop}}'],
        'app/peer.yaml': [
          'apiVersion: security.istio.io/v1',
          'kind: PeerAuthentication',
          'metadata: {name: default, namespace: shop}',
          'spec: {mtls: {mode: PERMISSIVE}}',
        ],
      });
      expect([...model.namespaces.keys()]).toEqual([name]);
      expect(model.namespaces.get(name)?.labels).toEqual({ team: 'shop', 'istio-injection': 'enabled' });
      expect(model.peerAuthentications.map((p) => [p.namespace, p.name, p.mtlsMode?.value])).toEqual([
        ['shop', 'default', 'STRICT'],
      ]);
      expect(model.peerAuthentications[0].document.lineAt(['metadata', 'namespace'])).toBe(3);
    },
  );

  // A list in a strategic-merge patch merges item by item only where kustomize's schema gives it a merge key: it has
  // one for Kubernetes kinds (containers and env by name), none for custom resources, whose lists the patch replaces
  // (kyaml/yaml/merge2/merge2.go: Merge infers no associative lists; walk.go replaces a non-associative one). The
  // IstioOperator kept the base's env items the patch had dropped.
  it("replaces a custom resource's list under a strategic-merge patch, and merges a Deployment's by name", () => {
    const model = modelOf({
      'istio/kustomization.yaml': [
        'resources: [operator.yaml, istiod.yaml]',
        'patches: [{path: patch.yaml}]',
      ],
      'istio/operator.yaml': [
        'apiVersion: install.istio.io/v1alpha1',
        'kind: IstioOperator',
        'metadata: {name: control-plane, namespace: istio-system}',
        'spec:',
        '  components:',
        '    pilot:',
        '      k8s:',
        '        env:',
        '          - {name: ENABLE_NATIVE_SIDECARS, value: "true"}',
        '          - {name: PILOT_TRACE_SAMPLING, value: "1"}',
      ],
      'istio/istiod.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: istiod, namespace: istio-system}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: discovery',
        '          image: docker.io/istio/pilot:1.28.0',
        '          env:',
        '            - {name: ENABLE_NATIVE_SIDECARS, value: "true"}',
        '            - {name: PILOT_TRACE_SAMPLING, value: "1"}',
      ],
      'istio/patch.yaml': [
        'apiVersion: install.istio.io/v1alpha1',
        'kind: IstioOperator',
        'metadata: {name: control-plane, namespace: istio-system}',
        'spec:',
        '  components:',
        '    pilot:',
        '      k8s:',
        '        env:',
        '          - {name: PILOT_TRACE_SAMPLING, value: "100"}',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: istiod, namespace: istio-system}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: discovery',
        '          env:',
        '            - {name: PILOT_TRACE_SAMPLING, value: "100"}',
      ],
    });
    const operator = model.resources.find((r) => r.kind === 'IstioOperator')!;
    expect(getIn(operator.document.value, ['spec', 'components', 'pilot', 'k8s', 'env'])).toEqual([
      { name: 'PILOT_TRACE_SAMPLING', value: '100' },
    ]);
    const istiod = model.resources.find((r) => r.kind === 'Deployment')!;
    expect(getIn(istiod.document.value, ['spec', 'template', 'spec', 'containers', 0])).toEqual({
      name: 'discovery',
      image: 'docker.io/istio/pilot:1.28.0',
      env: [
        { name: 'ENABLE_NATIVE_SIDECARS', value: 'true' },
        { name: 'PILOT_TRACE_SAMPLING', value: '100' },
      ],
    });
  });

  // kustomize takes an entry it cannot load from the disk as a git repository (api/internal/git/repospec.go): also
  // with go-getter's `git::` prefix, which it strips, or a host of its own with a `.git` repository path. Those were
  // read as missing local folders, with no word that a base was not read.
  it.each([
    'git::https://github.com/example/istio//base?version=v1',
    'git::git@gitlab.example.com:platform/istio.git//base',
    'gitlab.example.com/platform/istio.git//base',
    'gitlab.example.com/platform/istio.git',
    'https://gitlab.example.com/platform/istio//base',
  ])('reports %s as a remote base', (entry) => {
    const model = modelOf({ 'app/kustomization.yaml': ['resources:', `  - ${entry}`] });
    expect(model.notEvaluable).toEqual([
      { file: 'app/kustomization.yaml', line: 2, reason: `remote kustomize base ${entry} is not evaluated` },
    ]);
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

  // A target selects by every field it has (kustomize api/resmap/reswrangler.go, Select; api/types/selector.go):
  // group, version, kind, name and namespace are patterns anchored at both ends, an empty one selects all; the
  // namespace is the one written or the one the kustomizations below gave, `default` when there is none; label and
  // annotation selectors are Kubernetes selector strings. Only kind and name were read: the others patched more.
  describe('patch targets', () => {
    const tree = (target: string) => ({
      'base/kustomization.yaml': ['namespace: shop', 'resources: [peer.yaml]'],
      'base/peer.yaml': [
        'apiVersion: security.istio.io/v1',
        'kind: PeerAuthentication',
        'metadata: {name: default}',
        'spec: {mtls: {mode: STRICT}}',
      ],
      'overlay/kustomization.yaml': [
        'resources: [objects.yaml, ../base]',
        'patches:',
        `  - target: ${target}`,
        '    patch: |-',
        '      - {op: add, path: /metadata/labels, value: {patched: "yes"}}',
      ],
      'overlay/objects.yaml': [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: shop, labels: {team: shop, tier: web}, annotations: {owner: a}}',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: pay, labels: {team: pay}}',
        '---',
        'apiVersion: security.istio.io/v1',
        'kind: PeerAuthentication',
        'metadata: {name: default, namespace: istio-system}',
        'spec: {mtls: {mode: STRICT}}',
        '---',
        'apiVersion: security.istio.io/v1beta1',
        'kind: PeerAuthentication',
        'metadata: {name: legacy}',
        'spec: {mtls: {mode: PERMISSIVE}}',
      ],
    });
    const patched = (target: string) => {
      const model = modelOf(tree(target));
      return [
        ...[...model.namespaces.values()].map((ns) => ({ id: `Namespace ${ns.name}`, labels: ns.labels })),
        ...model.peerAuthentications.map((p) => ({
          id: `${p.namespace ?? '-'}/${p.name}`,
          labels: p.labels,
        })),
      ]
        .filter((object) => object.labels.patched === 'yes')
        .map((object) => object.id)
        .sort();
    };
    it.each([
      ['{labelSelector: "team=shop"}', ['Namespace shop']],
      ['{labelSelector: "team in (shop, pay), tier"}', ['Namespace shop']],
      ['{kind: Namespace, labelSelector: "team!=shop"}', ['Namespace pay']],
      ['{kind: Namespace, labelSelector: "!tier"}', ['Namespace pay']],
      ['{annotationSelector: owner=a}', ['Namespace shop']],
      ['{kind: "Namespace|PeerAuthentication", name: "pay|legacy"}', ['-/legacy', 'Namespace pay']],
      ['{kind: PeerAuthentication, namespace: istio-system}', ['istio-system/default']],
      ['{kind: PeerAuthentication, namespace: shop}', ['shop/default']],
      // The namespace-less object the base put into shop was in `default` first.
      ['{kind: PeerAuthentication, namespace: default}', ['-/legacy', 'shop/default']],
      ['{namespace: "shop|pay"}', ['shop/default']],
      ['{kind: PeerAuthentication, version: v1beta1}', ['-/legacy']],
      ['{group: security.istio.io, version: v1}', ['istio-system/default', 'shop/default']],
      ['{group: "", kind: PeerAuthentication, name: default}', ['istio-system/default', 'shop/default']],
    ])('target %s patches %j', (target, expected) => {
      expect(patched(target)).toEqual(expected);
    });

    // The deprecated patchesJson6902 run after the kustomization's own `namespace:`, `patches` before it
    // (api/internal/target/kusttarget_configplugin.go, configureBuiltinTransformers).
    it.each([
      ['patchesJson6902', 'STRICT'],
      ['patches', 'PERMISSIVE'],
    ])("lets %s select by the kustomization's own namespace as kustomize's order does", (key, mode) => {
      const model = modelOf({
        'mesh/kustomization.yaml': [
          'namespace: istio-system',
          'resources: [peer.yaml]',
          `${key}:`,
          '  - target: {group: security.istio.io, version: v1, kind: PeerAuthentication, namespace: istio-system}',
          '    patch: |-',
          '      - {op: replace, path: /spec/mtls/mode, value: STRICT}',
        ],
        'mesh/peer.yaml': [
          'apiVersion: security.istio.io/v1',
          'kind: PeerAuthentication',
          'metadata: {name: default}',
          'spec: {mtls: {mode: PERMISSIVE}}',
        ],
      });
      expect(model.peerAuthentications.map((p) => [p.namespace, p.mtlsMode?.value])).toEqual([
        ['istio-system', mode],
      ]);
    });

    it('reports a selector it cannot read at the patch, and applies nothing', () => {
      const model = modelOf(tree('{labelSelector: "team in shop"}'));
      expect(model.notEvaluable).toEqual([
        {
          file: 'overlay/kustomization.yaml',
          line: 3,
          reason: expect.stringMatching(/^patch target labelSelector, the string "team in shop", is not/),
        },
      ]);
      expect(model.namespaces.get('shop')?.labels.patched).toBeUndefined();
    });
  });

  // Without `target:`, kustomize applies a strategic-merge patch to the object with the patch's own apiVersion, kind,
  // name and namespace (api/internal/builtins/PatchTransformer.go, GetById with the patch's id; no namespace is
  // `default`, and the object's namespace may be the one written or the one given since). The namespace was not
  // compared: a patch of one namespace's `default` PeerAuthentication changed every namespace's.
  it.each([
    ['namespace: shop', ['istio-system/STRICT', 'shop/PERMISSIVE', 'team/STRICT']],
    ['namespace: team', ['istio-system/STRICT', 'shop/STRICT', 'team/PERMISSIVE']],
    ['namespace: default', ['istio-system/STRICT', 'shop/STRICT', 'team/PERMISSIVE']],
    ['', ['istio-system/STRICT', 'shop/STRICT', 'team/PERMISSIVE']],
    ['namespace: other', ['istio-system/STRICT', 'shop/STRICT', 'team/STRICT']],
  ])("applies a patch without target to the object of the patch's namespace (%s)", (namespace, expected) => {
    const peer = (written: string) => [
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      `metadata: {name: default${written}}`,
      'spec: {mtls: {mode: STRICT}}',
    ];
    const model = modelOf({
      'team/kustomization.yaml': ['namespace: team', 'resources: [peer.yaml]'],
      'team/peer.yaml': peer(''),
      'mesh/kustomization.yaml': [
        'resources: [mesh.yaml, shop.yaml, ../team]',
        'patches:',
        '  - patch: |-',
        '      apiVersion: security.istio.io/v1',
        '      kind: PeerAuthentication',
        `      metadata: {name: default${namespace ? `, ${namespace}` : ''}}`,
        '      spec: {mtls: {mode: PERMISSIVE}}',
      ],
      'mesh/mesh.yaml': peer(', namespace: istio-system'),
      'mesh/shop.yaml': peer(', namespace: shop'),
    });
    expect(model.peerAuthentications.map((p) => `${p.namespace}/${p.mtlsMode?.value}`).sort()).toEqual(
      expected,
    );
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
  // stefanprodan/gitops-istio: `apps` has no kustomization, `apps/backend` has one whose patch labels the pods into
  // the mesh. Flux generates a kustomization for `apps` that lists `backend` as a folder and does not descend into it
  // (fluxcd/pkg kustomize/kustomize_generator.go, scanManifests), so the backend's namespace and patches apply.
  it('a folder without a kustomization lists the subfolders that have one, not their files', () => {
    const model = modelOf({
      'clusters/prod/apps.yaml': [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: {name: apps, namespace: flux-system}',
        'spec: {path: ./apps, targetNamespace: apps}',
      ],
      'apps/frontend.yaml': [
        'apiVersion: networking.istio.io/v1',
        'kind: ServiceEntry',
        'metadata: {name: frontend}',
        'spec: {hosts: [frontend.example.com], resolution: DNS}',
      ],
      'apps/backend/kustomization.yaml': [
        'namespace: backend',
        'resources: [entry.yaml]',
        'patches:',
        '  - target: {kind: ServiceEntry, name: backend}',
        "    patch: '[{op: replace, path: /spec/hosts/0, value: patched.example.com}]'",
      ],
      'apps/backend/entry.yaml': [
        'apiVersion: networking.istio.io/v1',
        'kind: ServiceEntry',
        'metadata: {name: backend}',
        'spec: {hosts: [backend.example.com], resolution: DNS}',
      ],
    });
    const entries = model.serviceEntries.map((entry) => [entry.name, entry.namespace, entry.hosts.value]);
    expect(entries.sort()).toEqual([
      ['backend', 'apps', ['patched.example.com']],
      ['frontend', 'apps', ['frontend.example.com']],
    ]);
    expect(model.notEvaluable).toEqual([]);
  });

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

  // kustomize-controller substitutes the text of each resource (fluxcd/pkg kustomize/kustomize_varsub.go), so a
  // variable inside a ConfigMap's values.yaml or mesh string is filled in too.
  const valuesConfigMap = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: istiod-values, namespace: istio-system}',
    'data:',
    '  values.yaml: |',
    '    meshConfig:',
    '      outboundTrafficPolicy:',
    '        mode: ${egress}',
  ];
  const meshConfigMap = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: istio, namespace: istio-system}',
    'data:',
    '  mesh: |-',
    '    outboundTrafficPolicy:',
    '      mode: ${egress}',
  ];
  const release = [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    '  chart: {spec: {chart: istiod, version: 1.26.0}}',
    '  valuesFrom: [{kind: ConfigMap, name: istiod-values}]',
  ];
  it.each([
    ['a valuesFrom ConfigMap values.yaml', { 'istio/hr.yaml': release, 'istio/cm.yaml': valuesConfigMap }, 8],
    ['the mesh ConfigMap', { 'istio/cm.yaml': meshConfigMap }, 7],
  ])('fills variables in the YAML string of %s', (_name, files, line) => {
    const model = modelOf({
      'clusters/prod/istio.yaml': [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: {name: istio, namespace: flux-system}',
        'spec:',
        '  path: ./istio',
        '  postBuild: {substitute: {egress: REGISTRY_ONLY}}',
      ],
      ...files,
    });
    expect(model.meshConfigs[0].outboundPolicy).toMatchObject({
      value: 'REGISTRY_ONLY',
      origin: { file: 'istio/cm.yaml', line },
    });
    expect(model.notEvaluable).toEqual([]);
  });

  // fluxcd/pkg kustomize/kustomize_varsub.go: the label disables substitution as the annotation does, and a
  // variable's value loses its newlines.
  const substituted = 'https://abc.live.dynatrace.com/api';
  const unsubstituted = 'https://${tenant}.live.dynatrace.com/api';
  it.each([
    ['no marker', 'abc', [], substituted],
    ['the label', 'abc', ['  labels: {kustomize.toolkit.fluxcd.io/substitute: disabled}'], unsubstituted],
    [
      'the annotation',
      'abc',
      ['  annotations: {kustomize.toolkit.fluxcd.io/substitute: disabled}'],
      unsubstituted,
    ],
    ['no marker', '"ab\\nc\\n"', [], substituted],
  ])('with %s, tenant %s', (_name, tenant, marker, apiUrl) => {
    const model = modelOf({
      'clusters/prod/apps.yaml': [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: {name: apps, namespace: flux-system}',
        'spec:',
        '  path: ./apps',
        `  postBuild: {substitute: {tenant: ${tenant}}}`,
      ],
      'apps/dynakube.yaml': [
        'apiVersion: dynatrace.com/v1beta5',
        'kind: DynaKube',
        'metadata:',
        '  name: dk',
        '  namespace: dynatrace',
        ...marker,
        'spec:',
        `  apiUrl: ${unsubstituted}`,
      ],
    });
    expect(model.dynakubes[0].apiUrl?.value).toBe(apiUrl);
  });

  // kustomize-controller substitutes only with at least one variable, unless `substituteStrategy: Always`.
  it.each([
    ['{substitute: {}}', '${root:=istio-system}'],
    ['{substitute: {}, substituteStrategy: Always}', 'istio-system'],
    ['{substitute: {other: x}}', 'istio-system'],
    ['{substituteFrom: [{kind: Secret, name: vars}]}', 'istio-system'],
  ])('with postBuild %s, reads ${root:=istio-system} as %s', (postBuild, rootNamespace) => {
    const model = modelOf({
      'clusters/prod/istio.yaml': [
        'apiVersion: kustomize.toolkit.fluxcd.io/v1',
        'kind: Kustomization',
        'metadata: {name: istio, namespace: flux-system}',
        'spec:',
        '  path: ./istio',
        `  postBuild: ${postBuild}`,
      ],
      'istio/values.yaml': [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata: {name: istiod, namespace: istio-system}',
        'spec:',
        '  chart: {spec: {chart: istiod, version: 1.26.0}}',
        '  values: {meshConfig: {rootNamespace: "${root:=istio-system}"}}',
      ],
    });
    expect(model.meshConfigs[0].rootNamespace?.value).toBe(rootNamespace);
  });

  it.each([
    ['${a}', 'A'],
    ['${missing}', '${missing}'],
    ['${missing:=dflt}', 'dflt'],
    ['${missing:-dflt}', 'dflt'],
    ['${empty:=dflt}', 'dflt'],
    // fluxcd/pkg envsubst funcs.go toDefault: every default form takes the default for an empty value too.
    ['${empty=dflt}', 'dflt'],
    ['${empty-dflt}', 'dflt'],
    ['x-${a}-${b}', 'x-A-B'],
    // envsubst parse/scan.go: `$$` is an escaped `$`, so `$${a}` is the text `${a}`.
    ['$${a}', '${a}'],
    ['$$${a}', '$A'],
    ['cost: $$5', 'cost: $5'],
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
