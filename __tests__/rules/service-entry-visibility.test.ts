import { describe, expect, it } from '@jest/globals';
import { serviceEntryVisibility } from '../../src/rules/service-entry-visibility.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

const tenant = 'abc12345.live.dynatrace.com';

function dynakube(options: { enableIstio?: boolean; selector?: string } = {}): string {
  return [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata:',
    '  name: prod',
    '  namespace: dynatrace',
    'spec:',
    `  apiUrl: https://${tenant}/api`,
    `  enableIstio: ${options.enableIstio ?? false}`,
    '  oneAgent:',
    '    cloudNativeFullStack:',
    '      namespaceSelector:',
    '        matchLabels:',
    `          monitoring: ${options.selector ?? 'dynatrace'}`,
    '',
  ].join('\n');
}

function namespace(name: string, labels: Record<string, string>): string {
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`),
    '',
  ].join('\n');
}

function tenantEntry(exportTo?: string): string {
  return (
    yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: dynatrace-tenant
        namespace: dynatrace
      spec:
        hosts:
          - ${tenant}
        ports:
          - number: 443
            name: https-443
            protocol: HTTPS
        location: MESH_EXTERNAL
        resolution: DNS
    ` + (exportTo ? `  exportTo: ${exportTo}\n` : '')
  );
}

const shopNamespace = namespace('shop', { 'istio-injection': 'enabled', monitoring: 'dynatrace' });

/** An istiod HelmRelease whose meshConfig holds `meshConfig` (YAML lines at the meshConfig level). */
function istiod(meshConfig: string[]): string {
  return [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istiod',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    '  values:',
    '    meshConfig:',
    ...meshConfig.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

const registryOnly = ['outboundTrafficPolicy:', '  mode: REGISTRY_ONLY'];
const dotExport = ['defaultServiceExportTo:', '  - "."'];
/** A mesh that drops unknown egress: only there does a hidden entry block Dynatrace traffic. */
const istiodRegistryOnly = istiod(registryOnly);
const istiodDotExport = istiod([...registryOnly, ...dotExport]);

function sidecar(hosts: string[], options: { namespace?: string; outbound?: string } = {}): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata:',
    '  name: default',
    `  namespace: ${options.namespace ?? 'shop'}`,
    'spec:',
    ...(options.outbound ? ['  outboundTrafficPolicy:', `    mode: ${options.outbound}`] : []),
    '  egress:',
    '    - hosts:',
    ...hosts.map((h) => `        - "${h}"`),
    '',
  ].join('\n');
}

describe('service-entry-visibility', () => {
  const fires: [string, Tree, string, boolean][] = [
    [
      'exportTo "." keeps the tenant entry from an injected, monitored namespace',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry('["."]'),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodRegistryOnly,
      },
      'dt/se.yaml',
      true,
    ],
    [
      'no exportTo and defaultServiceExportTo ["."]',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodDotExport,
      },
      'dt/se.yaml',
      true,
    ],
    [
      'the operator-made entry under defaultServiceExportTo ["."]',
      {
        'dt/dk.yaml': dynakube({ enableIstio: true }),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodDotExport,
      },
      'istio/istiod.yaml',
      false,
    ],
    // istiod reads only "." and "*" of meshConfig.defaultServiceExportTo, "." first (initServiceRegistry and
    // IsServiceVisible, pilot/pkg/model/push_context.go): named namespaces there export an entry nowhere.
    [
      'no exportTo and defaultServiceExportTo naming the namespace (istiod does not read names there)',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiod([...registryOnly, 'defaultServiceExportTo: [shop, dynatrace]']),
      },
      'dt/se.yaml',
      true,
    ],
    [
      'no exportTo and defaultServiceExportTo [".", "*"] ("." wins)',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiod([...registryOnly, 'defaultServiceExportTo: [".", "*"]']),
      },
      'dt/se.yaml',
      true,
    ],
    [
      'a Sidecar egress list without the dynatrace namespace',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'apps/sidecar.yaml': sidecar(['./*', 'istio-system/*']),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
      'apps/sidecar.yaml',
      false,
    ],
    // stefanprodan/gitops-istio: apps injected by `istioctl kube-inject` in a namespace labelled
    // istio-injection: disabled, behind a namespace Sidecar that lists only its own and istio-system's services.
    [
      'a Sidecar egress list hides the entry from a kube-injected workload in a namespace without injection',
      {
        'dt/dk.yaml': dynakube({ enableIstio: true }),
        'apps/ns.yaml': namespace('shop', { 'istio-injection': 'disabled', monitoring: 'dynatrace' }),
        'apps/backend.yaml': yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: backend
            namespace: shop
          spec:
            template:
              metadata:
                annotations:
                  sidecar.istio.io/status: '{"containers":["istio-proxy"],"revision":"default"}'
              spec:
                containers:
                  - name: backend
                    image: ghcr.io/stefanprodan/podinfo:6.1.0
                  - name: istio-proxy
                    image: docker.io/istio/proxyv2:1.19.3
        `,
        'apps/sidecar.yaml': sidecar(['prod/*', 'istio-system/*']),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
      'apps/sidecar.yaml',
      false,
    ],
    [
      'an ALLOW_ANY mesh, but the namespace Sidecar sets REGISTRY_ONLY and leaves the entry out',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'apps/sidecar.yaml': sidecar(['./*', 'istio-system/*'], { outbound: 'REGISTRY_ONLY' }),
      },
      'apps/sidecar.yaml',
      false,
    ],
    [
      'a REGISTRY_ONLY mesh and a root-namespace Sidecar without a policy of its own (it inherits REGISTRY_ONLY)',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'mesh/sidecar.yaml': sidecar(['./*', 'istio-system/*'], { namespace: 'istio-system' }),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
      'mesh/sidecar.yaml',
      false,
    ],
  ];

  it.each(fires)('fires: %s', (_name, tree, file, fixable) => {
    const drafts = runRule(serviceEntryVisibility, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].origin.file).toBe(file);
    expect(drafts[0].message).toContain('shop');
    expect(drafts[0].fix !== undefined).toBe(fixable);
  });

  const silent: [string, Tree][] = [
    [
      'exported everywhere',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    [
      // An empty list leaves the mesh config's repeated field unset: istiod exports everywhere.
      'defaultServiceExportTo: [] (the default, "*")',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiod([...registryOnly, 'defaultServiceExportTo: []']),
      },
    ],
    [
      'exported to the namespace by name',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry('[".", "shop"]'),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    [
      'the namespaceSelector excludes the namespace',
      {
        'dt/dk.yaml': dynakube({ selector: 'other' }),
        'dt/se.yaml': tenantEntry('["."]'),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    [
      'the monitored namespace has no sidecars',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry('["."]'),
        'apps/ns.yaml': namespace('shop', { monitoring: 'dynatrace' }),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    [
      'ambient namespace: ztunnel ignores exportTo and Sidecars do not apply',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry('["."]'),
        'apps/ns.yaml': namespace('shop', { 'istio.io/dataplane-mode': 'ambient', monitoring: 'dynatrace' }),
        'apps/sidecar.yaml': sidecar(['./*']),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    [
      'the Sidecar egress list includes the entry',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'apps/sidecar.yaml': sidecar(['./*', `dynatrace/${tenant}`]),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    [
      'an entry that is not for Dynatrace',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry('["."]').replace(tenant, 'api.example.org'),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
    // Under ALLOW_ANY a proxy sends traffic for a host it does not know through the passthrough cluster, so an
    // entry it cannot see blocks nothing (QA repro s21-vis).
    [
      'an ALLOW_ANY mesh (the default) and exportTo "."',
      { 'dt/dk.yaml': dynakube(), 'dt/se.yaml': tenantEntry('["."]'), 'apps/ns.yaml': shopNamespace },
    ],
    [
      'an ALLOW_ANY mesh and defaultServiceExportTo ["."] hiding the operator-made entry',
      {
        'dt/dk.yaml': dynakube({ enableIstio: true }),
        'apps/ns.yaml': shopNamespace,
        'istio/istiod.yaml': istiod(dotExport),
      },
    ],
    [
      'a root-namespace Sidecar with ALLOW_ANY that leaves the operator-made entry out (s21-vis)',
      {
        'dt/dk.yaml': dynakube({ enableIstio: true }),
        'apps/ns.yaml': shopNamespace,
        'mesh/sidecar.yaml': sidecar(['./*', 'istio-system/*'], {
          namespace: 'istio-config',
          outbound: 'ALLOW_ANY',
        }),
        'istio/istiod.yaml': istiod(['rootNamespace: istio-config']),
      },
    ],
    [
      'a REGISTRY_ONLY mesh, but the namespace Sidecar sets ALLOW_ANY',
      {
        'dt/dk.yaml': dynakube(),
        'dt/se.yaml': tenantEntry(),
        'apps/ns.yaml': shopNamespace,
        'apps/sidecar.yaml': sidecar(['./*', 'istio-system/*'], { outbound: 'ALLOW_ANY' }),
        'istio/istiod.yaml': istiodRegistryOnly,
      },
    ],
  ];

  it.each(silent)('does not fire: %s', (_name, tree) => {
    expect(runRule(serviceEntryVisibility, tree)).toEqual([]);
  });

  it.each([
    ['replaces an existing exportTo', tenantEntry('["."]')],
    ['adds exportTo when the mesh default hides the entry', tenantEntry()],
  ])('fix: %s', (_name, entry) => {
    const tree: Tree = {
      'dt/dk.yaml': dynakube(),
      'dt/se.yaml': entry,
      'apps/ns.yaml': shopNamespace,
      'istio/istiod.yaml': istiodDotExport,
    };
    const drafts = runRule(serviceEntryVisibility, tree);
    const fixed = applyFixes(tree, drafts);
    expect(fixed['dt/se.yaml']).toContain('  exportTo: [".", "shop"]');
    expect(runRule(serviceEntryVisibility, fixed)).toEqual([]);
  });

  it('says how istiod reads a mesh default of namespace names, and the fix exports to the namespace itself', () => {
    const tree: Tree = {
      'dt/dk.yaml': dynakube(),
      'dt/se.yaml': tenantEntry(),
      'apps/ns.yaml': shopNamespace,
      'istio/istiod.yaml': istiod([...registryOnly, 'defaultServiceExportTo: [shop]']),
    };
    const drafts = runRule(serviceEntryVisibility, tree);
    expect(drafts[0].message).toContain(
      'meshConfig.defaultServiceExportTo is [shop] (istio/istiod.yaml:14), and istiod reads only "." and "*" there',
    );
    const fixed = applyFixes(tree, drafts);
    expect(fixed['dt/se.yaml']).toContain('  exportTo: ["shop"]');
    expect(runRule(serviceEntryVisibility, fixed)).toEqual([]);
  });

  it.each([
    ['[".", "*"]', 'is [., *] (istio/istiod.yaml:14), and istiod reads only "." there when it is listed.'],
    ['[istio-system, "."]', 'is [istio-system, .] (istio/istiod.yaml:14).'],
  ])('under defaultServiceExportTo %s the message says how istiod reads it', (written, reading) => {
    const tree: Tree = {
      'dt/dk.yaml': dynakube(),
      'dt/se.yaml': tenantEntry(),
      'apps/ns.yaml': shopNamespace,
      'istio/istiod.yaml': istiod([...registryOnly, `defaultServiceExportTo: ${written}`]),
    };
    const drafts = runRule(serviceEntryVisibility, tree);
    expect(drafts[0].message).toContain(`meshConfig.defaultServiceExportTo ${reading}`);
    const fixed = applyFixes(tree, drafts);
    expect(fixed['dt/se.yaml']).toContain('exportTo: [".", "shop"]');
    expect(runRule(serviceEntryVisibility, fixed)).toEqual([]);
  });
});

describe('service-entry-visibility, the registry entry the CSI driver needs', () => {
  const registryEntry = yaml`
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
      ports:
        - number: 443
          name: https-443
          protocol: HTTPS
      location: MESH_EXTERNAL
      resolution: DNS
      exportTo: ["istio-system"]
  `;
  const appOnly = (version: string, useCSIDriver?: boolean) =>
    [
      `apiVersion: dynatrace.com/${version}`,
      'kind: DynaKube',
      'metadata:',
      '  name: prod',
      '  namespace: dynatrace',
      'spec:',
      `  apiUrl: https://${tenant}/api`,
      '  oneAgent:',
      '    applicationMonitoring:',
      ...(useCSIDriver === undefined ? [] : [`      useCSIDriver: ${useCSIDriver}`]),
      '      codeModulesImage: docker.io/acme/codemodules:1.2.3',
      '',
    ].join('\n');

  // Only the CSI driver pulls codeModulesImage from the operator's namespace; without it nothing there needs the entry.
  const cases: { name: string; dynakube: string; fires: boolean }[] = [
    { name: 'v1beta1 useCSIDriver: true', dynakube: appOnly('v1beta1', true), fires: true },
    { name: 'v1beta5 applicationMonitoring', dynakube: appOnly('v1beta5'), fires: true },
    { name: 'v1beta1 useCSIDriver: false', dynakube: appOnly('v1beta1', false), fires: false },
    { name: 'v1beta2 without useCSIDriver', dynakube: appOnly('v1beta2'), fires: false },
  ];

  it.each(cases)('$name', ({ dynakube: dk, fires }) => {
    const tree: Tree = {
      'dk.yaml': dk,
      'ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }),
      'se.yaml': registryEntry,
      'istiod.yaml': istiodRegistryOnly,
    };
    const findings = runRule(serviceEntryVisibility, tree);
    expect(findings.map((finding) => finding.resource)).toEqual(
      fires ? ['ServiceEntry dynatrace/codemodules-docker-io'] : [],
    );
  });

  it('stays quiet under an ALLOW_ANY mesh: the CSI driver pulls through the passthrough cluster', () => {
    const tree: Tree = {
      'dk.yaml': appOnly('v1beta5'),
      'ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }),
      'se.yaml': registryEntry,
    };
    expect(runRule(serviceEntryVisibility, tree)).toEqual([]);
  });
});
