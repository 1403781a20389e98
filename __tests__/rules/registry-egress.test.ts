import { describe, expect, it } from '@jest/globals';
import { registryEgress } from '../../src/rules/registry-egress.js';
import { applyFixes, modelOf, runRule, yaml, type Tree } from './harness.js';

const registryOnly = yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: istiod
    namespace: istio-system
  spec:
    chart:
      spec:
        chart: istiod
    values:
      meshConfig:
        outboundTrafficPolicy:
          mode: REGISTRY_ONLY
`;

function operatorNamespace(labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels);
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: dynatrace',
    ...(entries.length > 0 ? ['  labels:', ...entries.map(([k, v]) => `    ${k}: ${v}`)] : []),
    '',
  ].join('\n');
}

function dynakube(image = 'docker.io/acme/codemodules:1.2.3', annotations = ''): string {
  return (
    [
      'apiVersion: dynatrace.com/v1beta5',
      'kind: DynaKube',
      'metadata:',
      '  name: prod',
      '  namespace: dynatrace',
      ...(annotations ? ['  annotations:', `    ${annotations}`] : []),
      'spec:',
      '  apiUrl: https://abc12345.live.dynatrace.com/api',
      '  enableIstio: true',
      '  oneAgent:',
      '    cloudNativeFullStack:',
      `      codeModulesImage: ${image}`,
    ].join('\n') + '\n'
  );
}

function operatorRelease(csidriver: string): string {
  return (
    yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: dynatrace-operator
        namespace: dynatrace
      spec:
        chart:
          spec:
            chart: dynatrace-operator
        values:
          csidriver:
    ` + csidriver
  );
}

/** The guide's ServiceEntry for docker.io. */
const guideEntry = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: codemodules-docker-io
    namespace: dynatrace
  spec:
    hosts:
    - index.docker.io
    - auth.docker.io
    - production.cloudflare.docker.com
    location: MESH_EXTERNAL
    ports:
    - name: https-443
      number: 443
      protocol: HTTPS
    resolution: DNS
`;

function base(extra: Tree = {}): Tree {
  return {
    'istio/istiod.yaml': registryOnly,
    'dt/ns.yaml': operatorNamespace({ 'istio-injection': 'enabled' }),
    'dt/dk.yaml': dynakube(),
    ...extra,
  };
}

describe('registry-egress', () => {
  const fires: [string, Tree, string[]][] = [
    ['CSI driver in an injected operator namespace, Docker Hub image', base(), ['index.docker.io:443']],
    [
      'CSI driver opted in by csidriver.labels, egress closed by a Sidecar in its namespace',
      {
        'dt/ns.yaml': operatorNamespace(),
        'dt/operator.yaml': operatorRelease('      labels:\n        sidecar.istio.io/inject: "true"\n'),
        'dt/sidecar.yaml': yaml`
          apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata:
            name: default
            namespace: dynatrace
          spec:
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
        `,
        'dt/dk.yaml': dynakube('quay.io/acme/codemodules:1.2.3'),
      },
      ['quay.io:443', 'cdn.quay.io:443'],
    ],
    [
      'an entry for the registry host alone: blob redirects stall',
      base({
        'dt/se.yaml': guideEntry.replace('  - auth.docker.io\n  - production.cloudflare.docker.com\n', ''),
      }),
      ['auth.docker.io:443', 'production.cloudflare.docker.com:443'],
    ],
    [
      'the guide entry exported only to another namespace',
      base({ 'dt/se.yaml': guideEntry + '  exportTo: ["istio-system"]\n' }),
      ['index.docker.io:443'],
    ],
    [
      'a private registry on its own port',
      base({ 'dt/dk.yaml': dynakube('registry.acme.io:5000/dt/cm:1') }),
      ['registry.acme.io:5000'],
    ],
  ];

  it.each(fires)('fires: %s', (_name, tree, missing) => {
    const drafts = runRule(registryEgress, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].resource).toBe('DynaKube dynatrace/prod');
    expect(drafts[0].origin.file).toBe('dt/dk.yaml');
    for (const host of missing) expect(drafts[0].message).toContain(host);
    expect(drafts[0].fix?.description).toContain('new file');
    const fixed = applyFixes(tree, drafts);
    expect(runRule(registryEgress, fixed)).toEqual([]);
  });

  const silent: [string, Tree][] = [
    [
      'egress open (ALLOW_ANY)',
      { ...base(), 'istio/istiod.yaml': registryOnly.replace('REGISTRY_ONLY', 'ALLOW_ANY') },
    ],
    ['CSI driver outside the mesh', base({ 'dt/ns.yaml': operatorNamespace() })],
    [
      'operator namespace in ambient mode: ztunnel does not enforce REGISTRY_ONLY',
      base({ 'dt/ns.yaml': operatorNamespace({ 'istio.io/dataplane-mode': 'ambient' }) }),
    ],
    ['the guide’s ServiceEntry covers Docker Hub', base({ 'dt/se.yaml': guideEntry })],
    [
      'node image pull: the kubelet pulls the image outside the mesh',
      base({ 'dt/dk.yaml': dynakube(undefined, 'feature.dynatrace.com/node-image-pull: "true"') }),
    ],
    ['CSI driver disabled', base({ 'dt/operator.yaml': operatorRelease('      enabled: false\n') })],
    [
      'no codeModulesImage: code modules come from the Dynatrace API',
      base({ 'dt/dk.yaml': dynakube().replace(/ +codeModulesImage.*\n/, '') }),
    ],
    ['a placeholder image', base({ 'dt/dk.yaml': dynakube('${CODE_MODULES_IMAGE}') })],
  ];

  it.each(silent)('does not fire: %s', (_name, tree) => {
    expect(runRule(registryEgress, tree)).toEqual([]);
  });

  it('writes the generated registry ServiceEntry to a new file beside the DynaKube', () => {
    const tree = base();
    const [draft] = runRule(registryEgress, tree);
    const [edit] = draft.fix!.edits;
    expect(edit).toMatchObject({ file: 'dt/dynatrace-registry-docker-io.yaml', startLine: 1, endLine: 0 });
    const text = applyFixes(tree, [draft])[edit.file];
    for (const host of ['index.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com'])
      expect(text).toContain(`- ${host}`);
    expect(text).toContain('namespace: dynatrace');
    expect(text).toContain('resolution: DNS');
  });
});

describe('registry-egress coverage', () => {
  it('lists only the hosts no entry covers', () => {
    const [draft] = runRule(registryEgress, {
      'istio/istiod.yaml': registryOnly,
      'dt/ns.yaml': operatorNamespace({ 'istio-injection': 'enabled' }),
      'dt/dk.yaml': dynakube(),
      'dt/se.yaml': guideEntry.replace('  - auth.docker.io\n', ''),
    });
    expect(draft.message).toContain('auth.docker.io:443');
    expect(draft.message).not.toContain('index.docker.io:443');
    expect(draft.message).not.toContain('production.cloudflare.docker.com:443');
  });
});

/** An application-only DynaKube of `version` with `codeModulesImage`, and `useCSIDriver` when given. */
function appOnlyDynaKube(version: string, useCSIDriver?: boolean): string {
  return [
    `apiVersion: dynatrace.com/${version}`,
    'kind: DynaKube',
    'metadata:',
    '  name: prod',
    '  namespace: dynatrace',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    '    applicationMonitoring:',
    ...(useCSIDriver === undefined ? [] : [`      useCSIDriver: ${useCSIDriver}`]),
    '      codeModulesImage: docker.io/acme/codemodules:1.2.3',
    '',
  ].join('\n');
}

/** A Flux HelmRelease of the operator chart pinned at `version`. */
function pinnedOperator(version: string): string {
  return yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: dynatrace-operator
      namespace: dynatrace
    spec:
      chart:
        spec:
          chart: dynatrace-operator
          version: '${version}'
  `;
}

describe('registry-egress, useCSIDriver of v1beta1/v1beta2 applicationMonitoring', () => {
  // Only with the CSI driver does something in the operator's namespace pull codeModulesImage; without it the
  // image is an init container's, pulled by the kubelet (reference/dynatrace.md §5.2).
  const cases: { name: string; dynakube: string; operator?: string; fires: boolean }[] = [
    { name: 'v1beta1 useCSIDriver: false', dynakube: appOnlyDynaKube('v1beta1', false), fires: false },
    {
      name: 'v1beta1 useCSIDriver: false under operator 1.2.2, which keeps the field',
      dynakube: appOnlyDynaKube('v1beta1', false),
      operator: pinnedOperator('1.2.2'),
      fires: false,
    },
    {
      name: 'v1beta1 without useCSIDriver (nil reads as false)',
      dynakube: appOnlyDynaKube('v1beta1'),
      fires: false,
    },
    { name: 'v1beta2 useCSIDriver: false', dynakube: appOnlyDynaKube('v1beta2', false), fires: false },
    {
      name: 'v1beta2 without useCSIDriver (CRD default false)',
      dynakube: appOnlyDynaKube('v1beta2'),
      fires: false,
    },
    { name: 'v1beta1 useCSIDriver: true', dynakube: appOnlyDynaKube('v1beta1', true), fires: true },
    { name: 'v1beta2 useCSIDriver: true', dynakube: appOnlyDynaKube('v1beta2', true), fires: true },
    {
      name: 'v1beta1 useCSIDriver: false under operator 1.4.0, which drops the field and uses the CSI driver',
      dynakube: appOnlyDynaKube('v1beta1', false),
      operator: pinnedOperator('1.4.0'),
      fires: true,
    },
    {
      name: 'v1beta5 applicationMonitoring (no such field: the CSI driver serves when installed)',
      dynakube: appOnlyDynaKube('v1beta5'),
      fires: true,
    },
  ];

  it.each(cases)('$name', ({ dynakube: dk, operator, fires }) => {
    const tree = base({ 'dt/dk.yaml': dk, ...(operator ? { 'dt/operator.yaml': operator } : {}) });
    if (operator) expect(modelOf(tree).operatorInstalls[0].version?.value).toMatch(/^1\.[24]\.\d$/);
    expect(runRule(registryEgress, tree)).toHaveLength(fires ? 1 : 0);
  });
});
