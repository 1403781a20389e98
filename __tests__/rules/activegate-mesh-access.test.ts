import { describe, expect, it } from '@jest/globals';
import { activeGateMeshAccess } from '../../src/rules/activegate-mesh-access.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

const strictMesh = yaml`
  apiVersion: security.istio.io/v1
  kind: PeerAuthentication
  metadata:
    name: default
    namespace: istio-system
  spec:
    mtls:
      mode: STRICT
`;

function namespace(labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`);
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: dynatrace',
    ...(entries.length > 0 ? ['  labels:', ...entries] : []),
    '',
  ].join('\n');
}

function dynakube(options: {
  mode?: string;
  capabilities?: string[];
  labels?: Record<string, string>;
  enableIstio?: boolean;
  name?: string;
  networkZone?: string;
}): string {
  const lines = [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata:',
    `  name: ${options.name ?? 'dynakube'}`,
    '  namespace: dynatrace',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
  ];
  if (options.enableIstio !== undefined) lines.push(`  enableIstio: ${options.enableIstio}`);
  if (options.networkZone) lines.push(`  networkZone: ${options.networkZone}`);
  if (options.mode) lines.push('  oneAgent:', `    ${options.mode}: {}`);
  if (options.capabilities) {
    lines.push('  activeGate:', '    capabilities:', ...options.capabilities.map((c) => `      - ${c}`));
    const labels = Object.entries(options.labels ?? {});
    if (labels.length > 0) lines.push('    labels:', ...labels.map(([k, v]) => `      ${k}: "${v}"`));
  }
  return lines.join('\n') + '\n';
}

const inMeshBySidecarLabel = { 'sidecar.istio.io/inject': 'true' };

describe('activegate-mesh-access', () => {
  const fires: [string, Tree, string][] = [
    [
      'classicFullStack OneAgents and a routing ActiveGate with a sidecar under mesh-wide STRICT',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/ns.yaml': namespace(),
        'dt/dk.yaml': dynakube({
          mode: 'classicFullStack',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
      'spec.activeGate|mtls',
    ],
    [
      'hostMonitoring OneAgents, ActiveGate in an injected namespace, namespace-wide STRICT',
      {
        'istio/mtls.yaml': strictMesh.replace('istio-system', 'dynatrace'),
        'dt/ns.yaml': namespace({ 'istio-injection': 'enabled' }),
        'dt/dk.yaml': dynakube({ mode: 'hostMonitoring', capabilities: ['routing'], enableIstio: true }),
      },
      'spec.activeGate|mtls',
    ],
    [
      'ambient ActiveGate and cloudNativeFullStack host agents under STRICT',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/dk.yaml': dynakube({
          mode: 'cloudNativeFullStack',
          capabilities: ['routing', 'kubernetes-monitoring'],
          labels: { 'istio.io/dataplane-mode': 'ambient' },
          enableIstio: true,
        }),
      },
      'spec.activeGate|mtls',
    ],
    [
      'OneAgents of another DynaKube in the same network zone',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/ag.yaml': dynakube({
          name: 'ag',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
          networkZone: 'eu',
        }),
        'dt/oa.yaml': dynakube({ name: 'oa', mode: 'classicFullStack', networkZone: 'eu' }),
      },
      'spec.activeGate|mtls',
    ],
    [
      'a PERMISSIVE policy with a selector in the root namespace is ignored by Istio',
      {
        'istio/mtls.yaml': strictMesh,
        'istio/pa.yaml': yaml`
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: ag-no-mtls
            namespace: istio-system
          spec:
            mtls:
              mode: PERMISSIVE
            selector:
              matchLabels:
                app.kubernetes.io/name: activegate
        `,
        'dt/dk.yaml': dynakube({
          mode: 'classicFullStack',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
      'spec.activeGate|mtls',
    ],
    [
      'ActiveGate labelled into the mesh while enableIstio is off',
      { 'dt/dk.yaml': dynakube({ capabilities: ['kubernetes-monitoring'], labels: inMeshBySidecarLabel }) },
      'spec.activeGate.labels|enableIstio',
    ],
  ];

  it.each(fires)('fires: %s', (_name, tree, field) => {
    const drafts = runRule(activeGateMeshAccess, tree);
    expect(drafts.map((d) => d.field)).toEqual([field]);
    expect(drafts[0].origin.file).toMatch(/^dt\//);
  });

  const silent: [string, Tree][] = [
    [
      'no strict mTLS (default PERMISSIVE)',
      {
        'dt/dk.yaml': dynakube({
          mode: 'classicFullStack',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
    [
      'ActiveGate outside the mesh',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/ns.yaml': namespace(),
        'dt/dk.yaml': dynakube({ mode: 'classicFullStack', capabilities: ['routing'], enableIstio: true }),
      },
    ],
    [
      'ActiveGate opted out of an injected namespace',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/ns.yaml': namespace({ 'istio-injection': 'enabled' }),
        'dt/dk.yaml': dynakube({
          mode: 'classicFullStack',
          capabilities: ['routing'],
          labels: { 'sidecar.istio.io/inject': 'false' },
          enableIstio: true,
        }),
      },
    ],
    [
      'a PERMISSIVE PeerAuthentication for the ActiveGate already exists',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/pa.yaml': yaml`
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: ag-no-mtls
            namespace: dynatrace
          spec:
            mtls:
              mode: PERMISSIVE
            selector:
              matchLabels:
                app.kubernetes.io/managed-by: dynatrace-operator
                app.kubernetes.io/name: activegate
        `,
        'dt/dk.yaml': dynakube({
          mode: 'classicFullStack',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
    [
      'a namespace-wide PERMISSIVE policy overrides the mesh-wide STRICT one',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/pa.yaml': yaml`
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: permissive
            namespace: dynatrace
          spec:
            mtls:
              mode: PERMISSIVE
        `,
        'dt/dk.yaml': dynakube({
          mode: 'hostMonitoring',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
    [
      'port-level PERMISSIVE on the ActiveGate port',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/pa.yaml': yaml`
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: ag-port
            namespace: dynatrace
          spec:
            selector:
              matchLabels:
                app.kubernetes.io/name: activegate
            portLevelMtls:
              9999:
                mode: PERMISSIVE
        `,
        'dt/dk.yaml': dynakube({
          mode: 'hostMonitoring',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
    [
      'only applicationMonitoring: no host-network OneAgents',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/dk.yaml': dynakube({
          mode: 'applicationMonitoring',
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
    [
      'no routing capability: OneAgents do not connect to this ActiveGate',
      {
        'istio/mtls.yaml': strictMesh,
        'dt/dk.yaml': dynakube({
          mode: 'classicFullStack',
          capabilities: ['kubernetes-monitoring'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
    [
      'ActiveGate labelled for the mesh with enableIstio on',
      {
        'dt/dk.yaml': dynakube({
          capabilities: ['routing'],
          labels: inMeshBySidecarLabel,
          enableIstio: true,
        }),
      },
    ],
  ];

  it.each(silent)('does not fire: %s', (_name, tree) => {
    expect(runRule(activeGateMeshAccess, tree)).toEqual([]);
  });

  it('offers a PeerAuthentication in a new file that ends the finding', () => {
    const tree: Tree = {
      'istio/mtls.yaml': strictMesh,
      'dt/dk.yaml': dynakube({
        mode: 'classicFullStack',
        capabilities: ['routing'],
        labels: inMeshBySidecarLabel,
        enableIstio: true,
      }),
    };
    const drafts = runRule(activeGateMeshAccess, tree);
    const edit = drafts[0].fix!.edits[0];
    expect(edit).toMatchObject({ file: 'dt/activegate-peer-authentication.yaml', startLine: 1, endLine: 0 });
    expect(drafts[0].fix!.description).toContain('new file');
    const fixed = applyFixes(tree, drafts);
    expect(fixed['dt/activegate-peer-authentication.yaml']).toContain('mode: PERMISSIVE');
    expect(runRule(activeGateMeshAccess, fixed)).toEqual([]);
  });

  it('sets enableIstio: true when the ActiveGate is labelled into the mesh', () => {
    const tree: Tree = {
      'dt/dk.yaml': dynakube({ capabilities: ['routing'], labels: inMeshBySidecarLabel }),
    };
    const drafts = runRule(activeGateMeshAccess, tree);
    const fixed = applyFixes(tree, drafts);
    expect(fixed['dt/dk.yaml']).toContain('  enableIstio: true\n');
    expect(runRule(activeGateMeshAccess, fixed)).toEqual([]);
  });

  // The operator runs the ActiveGate for extensions too, without capabilities (activegate.Spec.IsEnabled(),
  // props.go): v1beta3–v1beta5 `extensions`, v1beta6 `extensions.prometheus`. Without either, no ActiveGate runs.
  const extensionsOnly = (version: string, extensions: string) =>
    yaml`
    apiVersion: dynatrace.com/${version}
    kind: DynaKube
    metadata:
      name: dynakube
      namespace: dynatrace
    spec:
      apiUrl: https://abc12345.live.dynatrace.com/api
      activeGate:
        labels:
          sidecar.istio.io/inject: "true"
  ` + extensions;
  it.each([
    { name: 'v1beta5 `extensions: {}`', version: 'v1beta5', extensions: '  extensions: {}\n', count: 1 },
    {
      name: 'v1beta6 `extensions.prometheus`',
      version: 'v1beta6',
      extensions: '  extensions:\n    prometheus: {}\n',
      count: 1,
    },
    {
      name: 'v1beta6 `extensions: {}` (turns nothing on)',
      version: 'v1beta6',
      extensions: '  extensions: {}\n',
      count: 0,
    },
    { name: 'no extensions and no capability (no ActiveGate)', version: 'v1beta5', extensions: '', count: 0 },
  ])('an ActiveGate labelled into the mesh, $name: $count finding(s)', ({ version, extensions, count }) => {
    const findings = runRule(activeGateMeshAccess, { 'dt/dk.yaml': extensionsOnly(version, extensions) });
    expect(findings.map((finding) => finding.field)).toEqual(
      Array(count).fill('spec.activeGate.labels|enableIstio'),
    );
  });
});
