import { describe, expect, it } from '@jest/globals';
import { egressMap, type EgressMap } from '../../src/diff/egress.js';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { activeGateMeshAccess } from '../../src/rules/activegate-mesh-access.js';
import { enableIstioRequired } from '../../src/rules/enable-istio-required.js';
import { registryEgress } from '../../src/rules/registry-egress.js';
import { parseYamlText } from '../../src/parse/yaml.js';

function model(files: Record<string, string>): ClusterModel {
  return buildModel(Object.entries(files).map(([file, text]) => parseYamlText(file, text)));
}

const dynakube = (spec: string) => `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: prod
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
${spec}`;

const namespace = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels: {${labels}}
---
`;

const REGISTRY_ONLY = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
`;

/** Edges as `from label -> to label: blocked reason or open`, for readable assertions. */
function paths(map: EgressMap | undefined): string[] {
  const label = (id: string) => map!.nodes.find((node) => node.id === id)!.label.replace(/\n/g, ' ');
  return map!.edges.map((edge) => `${label(edge.from)} -> ${label(edge.to)}: ${edge.blocked ?? 'open'}`);
}

const NAMESPACES =
  namespace('dynatrace', '') +
  namespace('shop', 'istio-injection: enabled, monitor: "yes"') +
  namespace('legacy', 'monitor: "yes"');

describe('egressMap', () => {
  it('has no map without a DynaKube', () => {
    expect(egressMap(model({ 'ns.yaml': NAMESPACES }))).toBeUndefined();
  });

  // Dynatrace's sample template with `apiUrl: ""` to fill in (Liquid-Reply/mastering-observability-2025): the
  // environment had an empty name.
  it('names an empty apiUrl as not set', () => {
    const map = egressMap(model({ 'dk.yaml': dynakube('').replace(/apiUrl: .*/, 'apiUrl: ""') }));
    expect(paths(map)[0]).toBe(
      'Dynatrace Operator ns dynatrace -> Dynatrace environment apiUrl not set: open',
    );
  });

  it('marks in-mesh paths to Dynatrace blocked under REGISTRY_ONLY when enableIstio is off', () => {
    const head = model({
      'dk.yaml': dynakube(
        '  oneAgent:\n    applicationMonitoring:\n      namespaceSelector:\n        matchLabels: {monitor: "yes"}\n',
      ),
      'ns.yaml': NAMESPACES,
      'mesh.yaml': REGISTRY_ONLY,
    });
    expect(paths(egressMap(head))).toEqual([
      'Dynatrace Operator ns dynatrace -> Dynatrace environment abc12345.live.dynatrace.com: open',
      'code modules ns legacy -> Dynatrace environment abc12345.live.dynatrace.com: open',
      'code modules ns shop -> Dynatrace environment abc12345.live.dynatrace.com: REGISTRY_ONLY (mesh-wide): no ServiceEntry, enableIstio off',
      'CSI driver ns dynatrace -> Dynatrace environment abc12345.live.dynatrace.com: open',
    ]);
    const shop = egressMap(head)!.nodes.find((node) => node.label.includes('shop'))!;
    expect(shop.inMesh).toBe(true);
  });

  // As service-entry-visibility counts them: a workload `istioctl kube-inject` already injected
  // (stefanprodan/gitops-istio, in a namespace labelled istio-injection: disabled) or one that opts in runs with a
  // sidecar, so its namespace's code modules are in the mesh and held by REGISTRY_ONLY.
  it.each([
    [
      'kube-injected',
      'istio-injection: disabled, monitor: "yes"',
      `      annotations:
        sidecar.istio.io/status: '{"containers":["istio-proxy"],"revision":"default"}'
    spec:
      containers:
        - {name: backend, image: ghcr.io/stefanprodan/podinfo:6.1.0}
        - {name: istio-proxy, image: docker.io/istio/proxyv2:1.19.3}
`,
    ],
    [
      'opted in',
      'monitor: "yes"',
      `      labels:
        sidecar.istio.io/inject: "true"
    spec:
      containers:
        - {name: backend, image: ghcr.io/stefanprodan/podinfo:6.1.0}
`,
    ],
  ])('puts a namespace whose %s workload runs a sidecar in the mesh', (_name, labels, template) => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: backend, namespace: shop}
spec:
  template:
    metadata:
${template}`;
    const head = model({
      'dk.yaml': dynakube(
        '  oneAgent:\n    applicationMonitoring:\n      namespaceSelector:\n        matchLabels: {monitor: "yes"}\n',
      ),
      'ns.yaml':
        namespace('dynatrace', '') + namespace('shop', labels) + namespace('legacy', 'monitor: "yes"'),
      'apps/backend.yaml': deployment,
      'mesh.yaml': REGISTRY_ONLY,
    });
    const map = egressMap(head)!;
    const inMesh = (name: string) =>
      map.nodes.find((node) => node.label === `code modules\nns ${name}`)!.inMesh;
    expect([inMesh('shop'), inMesh('legacy')]).toEqual([true, false]);
    expect(paths(map)).toContain(
      'code modules ns shop -> Dynatrace environment abc12345.live.dynatrace.com: REGISTRY_ONLY (mesh-wide): no ServiceEntry, enableIstio off',
    );
    expect(paths(map)).toContain(
      'code modules ns legacy -> Dynatrace environment abc12345.live.dynatrace.com: open',
    );
  });

  it('opens the paths again with enableIstio, but not the registry path', () => {
    const head = model({
      'dk.yaml': dynakube(
        '  enableIstio: true\n  oneAgent:\n    applicationMonitoring:\n      codeModulesImage: quay.io/acme/codemodules:1.0\n',
      ),
      'ns.yaml':
        namespace('dynatrace', 'istio-injection: enabled') + namespace('shop', 'istio-injection: enabled'),
      'mesh.yaml': REGISTRY_ONLY,
    });
    const lines = paths(egressMap(head));
    expect(lines).toContain(
      'code modules ns shop -> Dynatrace environment abc12345.live.dynatrace.com: open',
    );
    expect(lines).toContain(
      'CSI driver ns dynatrace -> registry quay.io: REGISTRY_ONLY (mesh-wide): no ServiceEntry',
    );
  });

  it('treats a ServiceEntry for the host as an open path', () => {
    const entry = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: dt, namespace: shop}
spec:
  hosts: ["*.live.dynatrace.com"]
  ports: [{number: 443, name: https, protocol: HTTPS}]
`;
    const head = model({
      'dk.yaml': dynakube('  oneAgent:\n    applicationMonitoring: {}\n'),
      'ns.yaml': namespace('shop', 'istio-injection: enabled'),
      'mesh.yaml': REGISTRY_ONLY,
      'se.yaml': entry,
    });
    expect(paths(egressMap(head))).toContain(
      'code modules ns shop -> Dynatrace environment abc12345.live.dynatrace.com: open',
    );
  });

  it.each([
    [
      'the guide’s Docker Hub entry',
      'index.docker.io, auth.docker.io, production.cloudflare.docker.com',
      'open',
    ],
    [
      'an entry for docker.io itself, a name no puller contacts',
      'docker.io',
      'REGISTRY_ONLY (mesh-wide): no ServiceEntry',
    ],
  ])('judges the CSI driver’s registry path as registry-egress does: %s', (_name, hosts, expected) => {
    const entry = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: codemodules-docker-io, namespace: dynatrace}
spec:
  hosts: [${hosts}]
  ports: [{name: https-443, number: 443, protocol: HTTPS}]
  location: MESH_EXTERNAL
  resolution: DNS
`;
    const head = model({
      'dk.yaml': dynakube(
        '  enableIstio: true\n  oneAgent:\n    cloudNativeFullStack:\n      codeModulesImage: docker.io/acme/codemodules:1.2.3\n',
      ),
      'ns.yaml': namespace('dynatrace', 'istio-injection: enabled'),
      'mesh.yaml': REGISTRY_ONLY,
      'se.yaml': entry,
    });
    expect(paths(egressMap(head))).toContain(`CSI driver ns dynatrace -> registry docker.io: ${expected}`);
  });

  it('routes agents through a routing ActiveGate and blocks out-of-mesh clients under STRICT mTLS', () => {
    const strict = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
`;
    const head = model({
      'dk.yaml': dynakube(
        '  oneAgent:\n    cloudNativeFullStack: {}\n  activeGate:\n    capabilities: [routing]\n',
      ),
      'ns.yaml': namespace('dynatrace', 'istio-injection: enabled'),
      'pa.yaml': strict,
    });
    expect(paths(egressMap(head))).toContain(
      'OneAgent prod host network -> ActiveGate prod ns dynatrace: STRICT mTLS at the ActiveGate, client outside the mesh',
    );
  });

  describe('agrees with activegate-mesh-access on STRICT mTLS at the ActiveGate', () => {
    const policy = (name: string, spec: string) => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: ${name}, namespace: dynatrace}
spec: ${spec}
---
`;
    const STRICT_NAMESPACE = policy('default', '{mtls: {mode: STRICT}}');
    const AG_SELECTOR =
      '{matchLabels: {app.kubernetes.io/name: activegate, app.kubernetes.io/managed-by: dynatrace-operator}}';
    const AG_DYNAKUBE = dynakube(
      '  oneAgent:\n    cloudNativeFullStack: {}\n  activeGate:\n    labels: {sidecar.istio.io/inject: "true"}\n' +
        '    capabilities: [routing]\n',
    );
    const AGENT_PATH = 'OneAgent prod host network -> ActiveGate prod ns dynatrace';
    const BLOCKED = 'STRICT mTLS at the ActiveGate, client outside the mesh';

    it.each([
      ['namespace STRICT', STRICT_NAMESPACE, BLOCKED],
      [
        'namespace STRICT, workload UNSET with port 9999 PERMISSIVE',
        STRICT_NAMESPACE +
          policy(
            'ag',
            `{selector: ${AG_SELECTOR}, mtls: {mode: UNSET}, portLevelMtls: {9999: {mode: PERMISSIVE}}}`,
          ),
        'open',
      ],
      [
        'namespace STRICT, PERMISSIVE on another port only',
        STRICT_NAMESPACE +
          policy('ag', `{selector: ${AG_SELECTOR}, portLevelMtls: {8080: {mode: PERMISSIVE}}}`),
        BLOCKED,
      ],
      [
        'namespace PERMISSIVE, port 9999 STRICT',
        policy('default', '{mtls: {mode: PERMISSIVE}}') +
          policy('ag', `{selector: ${AG_SELECTOR}, portLevelMtls: {9999: {mode: STRICT}}}`),
        BLOCKED,
      ],
    ])('%s', (_name, policies, expected) => {
      const head = model({ 'dk.yaml': AG_DYNAKUBE, 'pa.yaml': policies });
      expect(paths(egressMap(head))).toContain(`${AGENT_PATH}: ${expected}`);
      const ruleFindings = activeGateMeshAccess
        .check({ head })
        .filter((f) => f.field === 'spec.activeGate|mtls');
      expect(ruleFindings).toHaveLength(expected === BLOCKED ? 1 : 0);
    });
  });

  it('marks paths that head blocks and base left open as blocked by this change', () => {
    const files = {
      'dk.yaml': dynakube('  oneAgent:\n    applicationMonitoring: {}\n'),
      'ns.yaml': namespace('shop', 'istio-injection: enabled'),
    };
    const map = egressMap(model({ ...files, 'mesh.yaml': REGISTRY_ONLY }), model(files))!;
    const blocked = map.edges.filter((edge) => edge.blocked);
    expect(blocked).toHaveLength(1);
    expect(blocked[0].newlyBlocked).toBe(true);
    const unchanged = egressMap(
      model({ ...files, 'mesh.yaml': REGISTRY_ONLY }),
      model({ ...files, 'mesh.yaml': REGISTRY_ONLY }),
    )!;
    expect(unchanged.edges.filter((edge) => edge.newlyBlocked)).toHaveLength(0);
  });

  it('draws at most eight namespaces and counts the rest', () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      namespace(`app-${String(i).padStart(2, '0')}`, ''),
    ).join('');
    const map = egressMap(
      model({ 'dk.yaml': dynakube('  oneAgent:\n    applicationMonitoring: {}\n'), 'ns.yaml': many }),
    )!;
    expect(map.nodes.filter((node) => node.label.startsWith('code modules'))).toHaveLength(8);
    expect(map.omittedNamespaces).toBe(3);
  });

  it("leaves out each DynaKube's own namespace, as its operator does, not the first operator namespace", () => {
    // Two operators, no Helm install in the repository: each DynaKube's operator ignores the DynaKube's namespace.
    const second = dynakube('  oneAgent:\n    applicationMonitoring:\n      namespaceSelector: {}\n')
      .replace('name: prod', 'name: staging')
      .replace('namespace: dynatrace', 'namespace: dynatrace-staging');
    const map = egressMap(
      model({
        'dk.yaml': dynakube('  oneAgent:\n    applicationMonitoring: {}\n') + '---\n' + second,
        'ns.yaml': namespace('dynatrace', '') + namespace('dynatrace-staging', '') + namespace('shop', ''),
      }),
    )!;
    // One node per namespace: prod's `shop` and staging's `shop` are one node with one path.
    const codeModuleEdges = paths(map).filter((path) => path.startsWith('code modules'));
    expect(codeModuleEdges.map((path) => path.split(' -> ')[0])).toEqual([
      'code modules ns dynatrace-staging',
      'code modules ns shop',
      'code modules ns dynatrace',
    ]);
  });
});

describe('egressMap, the CSI driver’s registry path agrees with registry-egress', () => {
  const codeModulesDynaKube = (
    name: string,
    image: string,
    annotations = '',
  ) => `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: ${name}
  namespace: dynatrace
${annotations ? `  annotations: {${annotations}}\n` : ''}spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  enableIstio: true
  oneAgent:
    cloudNativeFullStack:
      codeModulesImage: ${image}
---
`;
  const NODE_PULL = 'feature.dynatrace.com/node-image-pull: "true"';
  const CSI_OFF = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: dynatrace-operator, namespace: dynatrace}
spec:
  chart: {spec: {chart: dynatrace-operator}}
  values: {csidriver: {enabled: false}}
`;

  /** The registries the map draws as blocked, and those registry-egress reports, each sorted. */
  function blockedRegistries(dynakubes: string, extra: Record<string, string> = {}) {
    const head = model({
      'dk.yaml': dynakubes,
      'ns.yaml': namespace('dynatrace', 'istio-injection: enabled'),
      'mesh.yaml': REGISTRY_ONLY,
      ...extra,
    });
    const map = egressMap(head)!;
    const label = (id: string) => map.nodes.find((node) => node.id === id)!.label;
    const drawn = map.edges
      .filter((edge) => edge.blocked && label(edge.to).startsWith('registry\n'))
      .map((edge) => label(edge.to).slice('registry\n'.length));
    const reported = registryEgress.check({ head }).map((finding) => finding.field!.split('|')[1]);
    return { map: [...new Set(drawn)].sort(), rule: [...new Set(reported)].sort() };
  }

  it.each([
    [
      'Docker Hub, pulled by the CSI driver',
      codeModulesDynaKube('a', 'docker.io/acme/cm:1'),
      {},
      ['docker.io'],
    ],
    [
      'Docker Hub under another of its names',
      codeModulesDynaKube('a', 'index.docker.io/acme/cm:1'),
      {},
      ['docker.io'],
    ],
    [
      'node-image-pull: the kubelet pulls it, outside the mesh',
      codeModulesDynaKube('a', 'docker.io/acme/cm:1', NODE_PULL),
      {},
      [],
    ],
    [
      'a private registry on its own port',
      codeModulesDynaKube('a', 'registry.acme.com:5000/dt/cm:1'),
      {},
      ['registry.acme.com'],
    ],
    ['a registry on localhost', codeModulesDynaKube('a', 'localhost:5000/cm:1'), {}, ['localhost']],
    [
      'the CSI driver switched off: an init container’s image, pulled by the kubelet',
      codeModulesDynaKube('a', 'registry.acme.com/dt/cm:1'),
      { 'op.yaml': CSI_OFF },
      [],
    ],
    ['a placeholder image', codeModulesDynaKube('a', '${REGISTRY}/dt/cm:1'), {}, []],
    [
      'two DynaKubes: one by node image pull, one by the CSI driver from a private registry',
      codeModulesDynaKube('a', 'docker.io/acme/cm:1', NODE_PULL) +
        codeModulesDynaKube('b', 'registry.acme.com:5000/dt/cm:1'),
      {},
      ['registry.acme.com'],
    ],
  ])('%s', (_name, dynakubes, extra, expected) => {
    expect(blockedRegistries(dynakubes, extra)).toEqual({ map: expected, rule: expected });
  });
});

describe('egressMap, namespaces the repository does not declare', () => {
  const rootSidecar = (mode: string) => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: istio-system}
spec: {outboundTrafficPolicy: {mode: ${mode}}}
`;
  const UNDECLARED =
    'code modules namespaces selected by prod -> Dynatrace environment abc12345.live.dynatrace.com';

  it.each([
    [
      'the mesh-wide REGISTRY_ONLY',
      {},
      'REGISTRY_ONLY (mesh-wide) for namespaces in the mesh: no ServiceEntry, enableIstio off',
    ],
    ['lifted by the root namespace’s default Sidecar', { 'sc.yaml': rootSidecar('ALLOW_ANY') }, 'open'],
  ])('follow %s, as enable-istio-required does', (_name, extra, expected) => {
    const head = model({
      'dk.yaml': dynakube('  oneAgent:\n    applicationMonitoring: {}\n'),
      'mesh.yaml': REGISTRY_ONLY,
      ...extra,
    });
    expect(paths(egressMap(head))).toContain(`${UNDECLARED}: ${expected}`);
    expect(enableIstioRequired.check({ head })).toHaveLength(expected === 'open' ? 0 : 1);
  });
});
