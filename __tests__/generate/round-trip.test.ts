import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { analyze } from '../../src/engine.js';
import { generateManifests, manifestsByFile } from '../../src/generate/index.js';
import { serviceEntryConflict } from '../../src/rules/service-entry-conflict.js';
import { serviceEntryInvalid } from '../../src/rules/service-entry-invalid.js';
import { serviceEntryVisibility } from '../../src/rules/service-entry-visibility.js';
import { connectionInfoHandler, modelOf, startApi } from './helpers.js';

// The generated manifests, committed next to the repository they were generated for, must satisfy the tool's own
// ServiceEntry rules: an entry the tool offers and then reports (hidden from the namespaces that need it, or
// clashing with an entry of the repository) leaves the user's traffic as broken as before.

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
    '      outboundTrafficPolicy:',
    '        mode: REGISTRY_ONLY',
    ...meshConfig.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata:
  name: dynatrace
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
`;

// The placeholder apiUrl is replaced by the local API's URL; the tenant host comes in the endpoints.
const DYNAKUBE = `apiVersion: dynatrace.com/v1beta6
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api
  oneAgent:
    cloudNativeFullStack: {}
  activeGate:
    capabilities: [routing]
`;

function serviceEntry(
  name: string,
  hosts: string[],
  protocol: string,
  resolution: string,
  exportTo?: string,
  addresses?: string,
) {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${name}`,
    '  namespace: dynatrace',
    'spec:',
    `  hosts: [${hosts.join(', ')}]`,
    `  ports: [{ name: p-443, number: 443, protocol: ${protocol} }]`,
    '  location: MESH_EXTERNAL',
    `  resolution: ${resolution}`,
    ...(exportTo ? [`  exportTo: ${exportTo}`] : []),
    ...(addresses ? [`  addresses: ${addresses}`] : []),
    '',
  ].join('\n');
}

const RULES = [serviceEntryConflict, serviceEntryInvalid, serviceEntryVisibility];

let api: Awaited<ReturnType<typeof startApi>>;

function treeWith(extra: Record<string, string>): Record<string, string> {
  return { 'istio.yaml': istiod([]), 'ns.yaml': NAMESPACES, 'dt/dk.yaml': DYNAKUBE, ...extra };
}

async function generate(tree: Record<string, string>) {
  return generateManifests(modelOf(tree), {
    dynatrace: { apiUrl: api.url.replace('127.0.0.1', 'localhost'), token: 't' },
  });
}

beforeAll(async () => {
  api = await startApi(
    connectionInfoHandler(
      {
        communicationEndpoints: [
          'https://abc12345.live.dynatrace.com/communication',
          'https://sg-1.example.com:9999/communication',
          'https://10.1.2.3:443/communication',
        ],
      },
      { communicationEndpoints: 'https://abc12345.live.dynatrace.com:443/communication' },
    ),
  );
});
afterAll(async () => api.close());

describe('generated manifests added to the repository', () => {
  it.each([
    ['the default mesh', {}],
    ['defaultServiceExportTo ["."]', { 'istio.yaml': istiod(['defaultServiceExportTo: ["."]']) }],
    [
      'defaultServiceExportTo naming namespaces (istiod exports such entries nowhere)',
      { 'istio.yaml': istiod(['defaultServiceExportTo: [dynatrace, shop]']) },
    ],
    [
      'a hand-written TLS entry for the tenant host',
      { 'dt/tenant.yaml': serviceEntry('tenant', ['abc12345.live.dynatrace.com'], 'TLS', 'DNS') },
    ],
    [
      'a hand-written TLS entry for the tenant host under defaultServiceExportTo ["."], exported everywhere',
      {
        'istio.yaml': istiod(['defaultServiceExportTo: ["."]']),
        'dt/tenant.yaml': serviceEntry('tenant', ['abc12345.live.dynatrace.com'], 'TLS', 'DNS', '["*"]'),
      },
    ],
  ])('%s: pass its ServiceEntry rules, and a second run generates the same', async (_case, extra) => {
    const tree = treeWith(extra);
    const { generated, notes } = await generate(tree);
    expect(notes).toEqual([]);
    expect(generated.length).toBeGreaterThan(0);
    const withGenerated = { ...tree, ...Object.fromEntries(manifestsByFile(generated)) };
    const findings = analyze(modelOf(withGenerated), undefined, { rules: RULES }).report.findings;
    expect(findings.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
    // The committed copies carry the operator's names: they are what the generator writes, not the user's own.
    expect((await generate(withGenerated)).generated).toEqual(generated);
  });
});

describe('endpoints the repository already declares are left out of the generated entries', () => {
  const TENANT = 'abc12345.live.dynatrace.com';
  const ALL = {
    'ServiceEntry dk-fqdn-oneagent': [TENANT, 'sg-1.example.com'],
    'VirtualService dk-fqdn-oneagent': [TENANT, 'sg-1.example.com'],
    'ServiceEntry dk-ip-oneagent': ['10.1.2.3/32'],
    'ServiceEntry dk-fqdn-activegate': [TENANT],
  };
  const WITHOUT_TENANT = {
    'ServiceEntry dk-fqdn-oneagent': ['sg-1.example.com'],
    'VirtualService dk-fqdn-oneagent': ['sg-1.example.com'],
    'ServiceEntry dk-ip-oneagent': ['10.1.2.3/32'],
  };
  it.each([
    ['nothing declared', {}, ALL],
    [
      'the tenant host, exported everywhere',
      { 'dt/tenant.yaml': serviceEntry('tenant', [TENANT], 'HTTPS', 'DNS') },
      WITHOUT_TENANT,
    ],
    [
      'the tenant host under a wildcard',
      { 'dt/tenant.yaml': serviceEntry('tenant', ['"*.live.dynatrace.com"'], 'TLS', 'NONE') },
      WITHOUT_TENANT,
    ],
    [
      'the tenant host, but only in the DynaKube namespace: shop still needs it',
      { 'dt/tenant.yaml': serviceEntry('tenant', [TENANT], 'HTTPS', 'DNS', '["."]') },
      ALL,
    ],
    [
      'the tenant host on another port',
      {
        'dt/tenant.yaml': serviceEntry('tenant', [TENANT], 'HTTPS', 'DNS').replace(
          'number: 443',
          'number: 8443',
        ),
      },
      ALL,
    ],
    [
      'an entry Istio rejects (two hosts on a TCP port with DNS resolution)',
      { 'dt/tenant.yaml': serviceEntry('tenant', [TENANT, 'x.example.com'], 'TCP', 'DNS') },
      ALL,
    ],
    [
      'the IP endpoint inside a CIDR',
      { 'dt/ip.yaml': serviceEntry('ips', ['dt.ips.internal'], 'TCP', 'NONE', undefined, '[10.0.0.0/8]') },
      Object.fromEntries(Object.entries(ALL).filter(([key]) => !key.includes('-ip-'))),
    ],
    [
      'a copy of an entry the generator writes (the operator name)',
      { 'dt/copy.yaml': serviceEntry('dk-fqdn-activegate', [TENANT], 'HTTPS', 'DNS') },
      ALL,
    ],
  ])('%s', async (_case, extra, expected) => {
    const { generated } = await generate(treeWith(extra));
    const hostsOf = Object.fromEntries(
      generated
        .filter((manifest) => manifest.name.startsWith('dk-') && !manifest.name.endsWith('-operator'))
        .map((manifest) => {
          const spec = (parse(manifest.yaml) as { spec: { hosts: string[]; addresses?: string[] } }).spec;
          return [`${manifest.kind} ${manifest.name}`, spec.addresses ?? spec.hosts];
        }),
    );
    expect(hostsOf).toEqual(expected);
  });
});

// istioctl analyze reports IST0109 ConflictingMeshGatewayVirtualServiceHosts, an error ("undefined behavior"), for
// every host that two VirtualServices bound to the mesh define (pkg/config/analysis/analyzers/virtualservice/
// conflictingmeshgatewayhosts.go): the operator's shape repeats the tenant host in its operator, oneagent and
// activegate VirtualServices. The routes add nothing to the ServiceEntries' own (SNI by host for HTTPS, the Host
// header for HTTP), so a host routed by an earlier generated VirtualService is left out of the later ones.
describe('each host is in one generated VirtualService', () => {
  const SECOND = DYNAKUBE.replace('name: dk', 'name: other').replace(
    'namespace: dynatrace',
    'namespace: other',
  );
  it.each([
    [
      'one DynaKube: the tenant host of the ActiveGate is routed by the OneAgent VirtualService already',
      { 'dt/dk.yaml': DYNAKUBE },
      {
        'dynatrace/dk-fqdn-operator': ['localhost'],
        'dynatrace/dk-fqdn-oneagent': ['abc12345.live.dynatrace.com', 'sg-1.example.com'],
      },
    ],
    [
      'two DynaKubes of one tenant in two namespaces: the second routes nothing new',
      { 'dt/dk.yaml': DYNAKUBE, 'other/dk.yaml': SECOND },
      {
        'dynatrace/dk-fqdn-operator': ['localhost'],
        'dynatrace/dk-fqdn-oneagent': ['abc12345.live.dynatrace.com', 'sg-1.example.com'],
      },
    ],
  ])('%s', async (_case, files, expected) => {
    const { generated } = await generate({ 'istio.yaml': istiod([]), 'ns.yaml': NAMESPACES, ...files });
    const virtualServices = generated.filter((manifest) => manifest.kind === 'VirtualService');
    expect(
      Object.fromEntries(
        virtualServices.map((manifest) => {
          const spec = (parse(manifest.yaml) as { spec: { hosts: string[] } }).spec;
          return [`${manifest.namespace}/${manifest.name}`, spec.hosts];
        }),
      ),
    ).toEqual(expected);
    // The ServiceEntries still declare every endpoint of every DynaKube.
    const entries = generated.filter((manifest) => manifest.kind === 'ServiceEntry').map((m) => m.name);
    expect(entries).toEqual(expect.arrayContaining(['dk-fqdn-oneagent', 'dk-fqdn-activegate']));
  });
});
