import { describe, expect, it } from '@jest/globals';
import { diffModels } from '../../src/diff/index.js';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { parseYamlText } from '../../src/parse/yaml.js';

function model(files: Record<string, string>): ClusterModel {
  return buildModel(Object.entries(files).map(([file, text]) => parseYamlText(file, text)));
}

const DYNAKUBE = `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: prod
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  enableIstio: false
  oneAgent:
    cloudNativeFullStack:
      namespaceSelector:
        matchLabels:
          monitoring: dynatrace
  activeGate:
    capabilities:
      - routing
      - kubernetes-monitoring
`;

const ISTIOD = (values: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      version: 1.27.3
  values:
${values}`;

const NAMESPACE = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
${labels}`;

const PEER_AUTH = (namespace: string, mode: string) => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${namespace}
spec:
  mtls:
    mode: ${mode}
`;

describe('diffModels', () => {
  it('reports an enableIstio switch with before, after and the line on head', () => {
    const base = model({ 'dk.yaml': DYNAKUBE });
    const head = model({ 'dk.yaml': DYNAKUBE.replace('enableIstio: false', 'enableIstio: true') });
    expect(diffModels(base, head)).toEqual([
      {
        resource: 'DynaKube dynatrace/prod',
        path: 'enableIstio',
        before: false,
        after: true,
        file: 'dk.yaml',
        line: 8,
      },
    ]);
  });

  it('shows no change when the same settings are only written differently', () => {
    const reformatted = `# rewritten by a formatter
kind: DynaKube
apiVersion: dynatrace.com/v1beta5
metadata: {namespace: dynatrace, name: prod}
spec:
    activeGate: {capabilities: [kubernetes-monitoring, routing]}
    oneAgent:
        cloudNativeFullStack: {namespaceSelector: {matchLabels: {"monitoring": 'dynatrace'}}}
    enableIstio: no
    apiUrl: "https://abc12345.live.dynatrace.com/api"
`;
    expect(diffModels(model({ 'dk.yaml': DYNAKUBE }), model({ 'other/place.yaml': reformatted }))).toEqual(
      [],
    );
  });

  it('reports a DynaKube added or removed as one change listing its settings', () => {
    const [added] = diffModels(model({}), model({ 'dk.yaml': DYNAKUBE }));
    expect(added).toMatchObject({
      resource: 'DynaKube dynatrace/prod',
      path: '',
      before: null,
      file: 'dk.yaml',
    });
    expect(added.after).toMatchObject({
      enableIstio: false,
      'oneAgent mode': 'cloudNativeFullStack',
      namespaceSelector: 'monitoring=dynatrace',
      'activeGate.capabilities': ['kubernetes-monitoring', 'routing'],
    });
    const removed = diffModels(model({ 'dk.yaml': DYNAKUBE }), model({}));
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ path: '', after: null });
  });

  it('reports DynaKube mode, selector, images, ActiveGate and apiVersion changes by field', () => {
    const head = DYNAKUBE.replace('v1beta5', 'v1beta6')
      .replace('cloudNativeFullStack:', 'applicationMonitoring:\n      codeModulesImage: quay.io/dt/cm:1.2')
      .replace('monitoring: dynatrace', 'monitoring: all')
      .replace('      - routing\n', '')
      .replace(
        '  activeGate:\n',
        '  networkZone: eu\n  activeGate:\n    labels:\n      sidecar.istio.io/inject: "true"\n',
      );
    const changes = diffModels(model({ 'dk.yaml': DYNAKUBE }), model({ 'dk.yaml': head }));
    const byPath = Object.fromEntries(changes.map((c) => [c.path, [c.before, c.after]]));
    expect(byPath).toEqual({
      apiVersion: ['dynatrace.com/v1beta5', 'dynatrace.com/v1beta6'],
      'oneAgent mode': ['cloudNativeFullStack', 'applicationMonitoring'],
      networkZone: [null, 'eu'],
      namespaceSelector: ['monitoring=dynatrace', 'monitoring=all'],
      codeModulesImage: [null, 'quay.io/dt/cm:1.2'],
      'activeGate.capabilities': [['kubernetes-monitoring', 'routing'], ['kubernetes-monitoring']],
      'activeGate.labels.sidecar.istio.io/inject': [null, 'true'],
    });
  });

  it('reports the mesh outbound policy, root namespace, export default and native sidecars', () => {
    const base = model({ 'istiod.yaml': ISTIOD('    pilot:\n      env: {}\n') });
    const head = model({
      'istiod.yaml': ISTIOD(`    pilot:
      env:
        ENABLE_NATIVE_SIDECARS: "false"
    meshConfig:
      rootNamespace: mesh-root
      defaultServiceExportTo: ["."]
      outboundTrafficPolicy:
        mode: REGISTRY_ONLY
`),
    });
    const changes = diffModels(base, head);
    expect(changes.map((c) => [c.resource, c.path, c.before, c.after])).toEqual([
      ['Istio mesh', 'outboundTrafficPolicy.mode', 'ALLOW_ANY', 'REGISTRY_ONLY'],
      ['Istio mesh', 'rootNamespace', 'istio-system', 'mesh-root'],
      ['Istio mesh', 'defaultServiceExportTo', ['*'], ['.']],
      ['Istio control plane', 'env.ENABLE_NATIVE_SIDECARS', null, 'false'],
      ['Istio control plane', 'native sidecars', 'auto', 'off'],
    ]);
    expect(changes[0]).toMatchObject({ file: 'istiod.yaml', line: 19 });
  });

  it('reports the Istio version from the chart version', () => {
    const base = model({ 'istiod.yaml': ISTIOD('    pilot: {}\n') });
    const head = model({ 'istiod.yaml': ISTIOD('    pilot: {}\n').replace('1.27.3', '1.28.0') });
    expect(diffModels(base, head)).toMatchObject([
      { resource: 'Istio control plane', path: 'version', before: '1.27.3', after: '1.28.0' },
    ]);
    const older = model({ 'istiod.yaml': ISTIOD('    pilot: {}\n').replace('1.27.3', '1.26.4') });
    expect(diffModels(older, base).map((c) => [c.path, c.before, c.after])).toEqual([
      ['version', '1.26.4', '1.27.3'],
      ['native sidecars', 'off', 'auto'],
    ]);
  });

  it('reports mesh-wide and per-namespace mTLS and data-plane modes', () => {
    const base = model({
      'ns.yaml': NAMESPACE('shop', '    team: shop\n'),
      'pa.yaml': PEER_AUTH('istio-system', 'PERMISSIVE'),
    });
    const head = model({
      'ns.yaml': NAMESPACE('shop', '    team: shop\n    istio.io/dataplane-mode: ambient\n'),
      'pa.yaml': `${PEER_AUTH('istio-system', 'STRICT')}---\n${PEER_AUTH('shop', 'PERMISSIVE')}`,
    });
    expect(diffModels(base, head).map((c) => [c.resource, c.path, c.before, c.after])).toEqual([
      ['Istio mesh', 'mTLS mode', 'PERMISSIVE', 'STRICT'],
      ['Namespace shop', 'data plane', null, 'ambient'],
      ['Namespace shop', 'mTLS mode', 'PERMISSIVE (mesh-wide)', 'PERMISSIVE'],
    ]);
  });

  // A namespace's row shows the mode that applies to it, and where it comes from when the namespace has no policy
  // of its own on that side: a removed namespace policy is not "no mTLS" when the mesh-wide one is STRICT.
  it.each([
    [
      'own STRICT replaced by a mesh-wide STRICT',
      `${PEER_AUTH('shop', 'STRICT')}`,
      `${PEER_AUTH('istio-system', 'STRICT')}`,
      [
        ['Istio mesh', 'mTLS mode', 'PERMISSIVE', 'STRICT'],
        ['Namespace shop', 'mTLS mode', 'STRICT', 'STRICT (mesh-wide)'],
      ],
    ],
    [
      'own STRICT removed, nothing mesh-wide',
      `${PEER_AUTH('shop', 'STRICT')}`,
      `${PEER_AUTH('other', 'STRICT')}`,
      [
        ['Namespace other', 'mTLS mode', 'PERMISSIVE (default)', 'STRICT'],
        ['Namespace shop', 'mTLS mode', 'STRICT', 'PERMISSIVE (default)'],
      ],
    ],
    [
      'own UNSET inherits the mesh-wide mode',
      `${PEER_AUTH('istio-system', 'PERMISSIVE')}---\n${PEER_AUTH('shop', 'UNSET')}`,
      `${PEER_AUTH('istio-system', 'STRICT')}---\n${PEER_AUTH('shop', 'UNSET')}`,
      [
        ['Istio mesh', 'mTLS mode', 'PERMISSIVE', 'STRICT'],
        ['Namespace shop', 'mTLS mode', 'PERMISSIVE (mesh-wide)', 'STRICT (mesh-wide)'],
      ],
    ],
  ])('reports the effective namespace mTLS mode: %s', (_name, base, head, expected) => {
    const changes = diffModels(model({ 'pa.yaml': base }), model({ 'pa.yaml': head }));
    expect(changes.map((c) => [c.resource, c.path, c.before, c.after])).toEqual(expected);
  });

  it('points a namespace row that now inherits at the mesh-wide policy on head', () => {
    const head = model({ 'mesh.yaml': PEER_AUTH('istio-system', 'STRICT') });
    const changes = diffModels(model({ 'pa.yaml': PEER_AUTH('shop', 'STRICT') }), head);
    expect(changes.find((c) => c.resource === 'Namespace shop')).toMatchObject({
      file: 'mesh.yaml',
      line: 8,
    });
  });

  it('takes a PeerAuthentication whose selector has no labels for the namespace-wide one, as Istio and the rules do', () => {
    // The only label is unquoted, so not read: the selector is empty and the policy covers the namespace.
    const emptySelector = (namespace: string, mode: string) =>
      PEER_AUTH(namespace, mode).replace(
        'spec:\n',
        'spec:\n  selector:\n    matchLabels:\n      canary: true\n',
      );
    const base = model({ 'pa.yaml': PEER_AUTH('istio-system', 'PERMISSIVE') });
    const head = model({
      'pa.yaml': `${emptySelector('istio-system', 'STRICT')}---\n${emptySelector('shop', 'DISABLE')}`,
    });
    expect(diffModels(base, head).map((c) => [c.resource, c.path, c.before, c.after])).toEqual([
      ['Istio mesh', 'mTLS mode', 'PERMISSIVE', 'STRICT'],
      ['Namespace shop', 'mTLS mode', 'PERMISSIVE (mesh-wide)', 'DISABLE'],
    ]);
  });

  it('reports injection label changes as data-plane changes', () => {
    const base = model({ 'ns.yaml': NAMESPACE('shop', '    istio-injection: enabled\n') });
    const head = model({ 'ns.yaml': NAMESPACE('shop', '    istio.io/rev: canary\n') });
    expect(diffModels(base, head)).toMatchObject([
      {
        resource: 'Namespace shop',
        path: 'data plane',
        before: 'sidecar (istio-injection=enabled)',
        after: 'sidecar (istio.io/rev=canary)',
        file: 'ns.yaml',
        line: 6,
      },
    ]);
  });

  it('reports CNI switched on and its pod annotations per key', () => {
    const cni = (annotations: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
  values:
${annotations}`;
    const off = model({});
    const on = model({ 'cni.yaml': cni('    excludeNamespaces: [kube-system]\n') });
    const annotated = model({
      'cni.yaml': cni(
        '    excludeNamespaces: [kube-system]\n    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n',
      ),
    });
    expect(diffModels(off, on).map((c) => [c.path, c.before, c.after])).toEqual([
      ['enabled', false, true],
      ['namespace', null, 'istio-system'],
    ]);
    expect(diffModels(on, annotated)).toMatchObject([
      {
        resource: 'Istio CNI',
        path: 'podAnnotations.oneagent.dynatrace.com/inject',
        before: null,
        after: 'false',
        file: 'cni.yaml',
      },
    ]);
  });

  it('treats a ServiceEntry as one object when added, and by field when changed', () => {
    const entry = (hosts: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: registry
  namespace: dynatrace
spec:
  hosts: [${hosts}]
  ports: [{number: 443, name: https, protocol: HTTPS}]
`;
    expect(diffModels(model({}), model({ 'se.yaml': entry('quay.io') }))).toMatchObject([
      { resource: 'ServiceEntry dynatrace/registry', path: '', before: null, after: { hosts: ['quay.io'] } },
    ]);
    expect(
      diffModels(
        model({ 'se.yaml': entry('quay.io') }),
        model({ 'se.yaml': entry('quay.io, cdn01.quay.io') }),
      ),
    ).toMatchObject([{ path: 'hosts', before: ['quay.io'], after: ['cdn01.quay.io', 'quay.io'] }]);
  });

  it('orders DynaKubes before mesh settings before namespaces', () => {
    const base = model({ 'ns.yaml': NAMESPACE('shop', '    a: b\n') });
    const head = model({
      'ns.yaml': NAMESPACE('shop', '    istio-injection: enabled\n'),
      'dk.yaml': DYNAKUBE,
      'pa.yaml': PEER_AUTH('istio-system', 'STRICT'),
    });
    expect(diffModels(base, head).map((c) => c.resource)).toEqual([
      'DynaKube dynatrace/prod',
      'Istio mesh',
      'Namespace shop',
    ]);
  });

  it('reports the pod labels and annotations of workloads that Istio or Dynatrace read, and nothing else', () => {
    const deployment = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
      annotations:
${annotations}
    spec:
      containers: [{name: web, image: nginx}]
`;
    const plain = model({ 'web.yaml': deployment('        team: shop\n') });
    const scraped = model({
      'web.yaml': deployment('        team: web-team\n        metrics.dynatrace.com/scrape: "true"\n'),
    });
    expect(diffModels(model({}), plain)).toEqual([]);
    expect(diffModels(plain, scraped)).toEqual([
      {
        resource: 'Deployment shop/web',
        path: 'pod annotations.metrics.dynatrace.com/scrape',
        before: null,
        after: 'true',
        file: 'web.yaml',
        line: 12,
      },
    ]);
    // A workload that mentions neither Istio nor Dynatrace may be skipped by the pre-filter: its absence on one
    // side is no removal, so only its settings are compared.
    expect(diffModels(scraped, model({}))).toMatchObject([
      {
        resource: 'Deployment shop/web',
        path: 'pod annotations.metrics.dynatrace.com/scrape',
        before: 'true',
        after: null,
      },
    ]);
  });
});
