import { afterEach, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { generateManifests } from '../../src/generate/index.js';
import type { IstioObject } from '../../src/generate/objects.js';
import { connectionInfoHandler, modelOf, startApi } from './helpers.js';

// Field by field against what the operator's enableIstio builds, read from Dynatrace/dynatrace-operator
// (HEAD 70d37e5ee): pkg/controllers/dynakube/istio/{reconciler,serviceentry,virtualservice}.go,
// pkg/controllers/dynakube/connectioninfo/communication_hosts.go (URL → protocol/host/port, default ports),
// pkg/util/dtapiurl/dtapiurl.go (`.apps.` → `.live.`), pkg/util/kubernetes/fields/k8slabel/labels.go
// (NewCoreLabels) and pkg/api/latest/dynakube/activegate/props.go (IsEnabled). The operator sets no exportTo,
// endpoints, workloadSelector or VirtualService gateways; neither does the generator.
//
// Deliberate differences, each for an object Istio accepts and that means what the operator means:
// - no repeated host in `hosts` (the operator lists a host once per port, and Istio rejects a VirtualService
//   with "duplicate hosts in virtual service");
// - `/128` for an IPv6 address (the operator's `/32` on IPv6 declares 2^96 addresses);
// - `exportTo: ["*"]` on the ServiceEntries when meshConfig.defaultServiceExportTo would keep them in their own
//   namespace (round-trip.test.ts); under the default mesh, as here, none;
// - no `app.kubernetes.io/version`, template-hash annotation or owner reference (they describe objects the
//   operator itself created).

function dynakube(spec: string, apiVersion = 'dynatrace.com/v1beta6'): string {
  const body = spec
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `apiVersion: ${apiVersion}\nkind: DynaKube\nmetadata:\n  name: dk\n  namespace: dynatrace\nspec:\n${body}\n`;
}

function labels(component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'dynatrace-operator',
    'app.kubernetes.io/created-by': 'dk',
    'app.kubernetes.io/component': component,
  };
}

function fqdnEntry(component: string, hosts: string[], ports: [string, number][]) {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'ServiceEntry',
    metadata: { name: `dk-fqdn-${component}`, namespace: 'dynatrace', labels: labels(component) },
    spec: {
      hosts,
      ports: ports.map(([protocol, number]) => ({
        name: `${protocol}-${number}`,
        number,
        protocol: protocol.toUpperCase(),
      })),
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    },
  };
}

function ipEntry(component: string, addresses: string[], ports: number[]) {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'ServiceEntry',
    metadata: { name: `dk-ip-${component}`, namespace: 'dynatrace', labels: labels(component) },
    spec: {
      hosts: ['ignored.subdomain'],
      addresses,
      ports: ports.map((number) => ({ name: `TCP-${number}`, number, protocol: 'TCP' })),
      location: 'MESH_EXTERNAL',
      resolution: 'NONE',
    },
  };
}

type Route = ['tls' | 'http', string, number];

function virtualService(component: string, hosts: string[], routes: Route[]) {
  const destination = (host: string, port: number) => ({ destination: { host, port: { number: port } } });
  const tls = routes
    .filter(([kind]) => kind === 'tls')
    .map(([, host, port]) => ({ match: [{ sniHosts: [host], port }], route: [destination(host, port)] }));
  const http = routes
    .filter(([kind]) => kind === 'http')
    .map(([, host, port]) => ({ match: [{ port }], route: [destination(host, port)] }));
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'VirtualService',
    metadata: { name: `dk-fqdn-${component}`, namespace: 'dynatrace', labels: labels(component) },
    spec: { hosts, ...(tls.length > 0 ? { tls } : {}), ...(http.length > 0 ? { http } : {}) },
  };
}

function objectsOf(generated: { yaml: string }[]): IstioObject[] {
  return generated.map((manifest) => parse(manifest.yaml) as IstioObject);
}

describe('the apiUrl host (component operator), as ReconcileAPIURL builds it', () => {
  const TENANT = 'abc12345.live.dynatrace.com';
  it.each([
    [
      'second-generation FQDN, https default port',
      'https://abc12345.live.dynatrace.com/api',
      [
        fqdnEntry('operator', [TENANT], [['https', 443]]),
        virtualService('operator', [TENANT], [['tls', TENANT, 443]]),
      ],
    ],
    [
      'third generation X.apps.<domain> → X.live.<domain> (dtapiurl.ToSecondGen)',
      'https://abc12345.apps.dynatrace.com',
      [
        fqdnEntry('operator', [TENANT], [['https', 443]]),
        virtualService('operator', [TENANT], [['tls', TENANT, 443]]),
      ],
    ],
    [
      'third generation with a dotted prefix drops `.apps` only',
      'https://abc12345.sprint.apps.dynatracelabs.com/',
      [
        fqdnEntry('operator', ['abc12345.sprint.dynatracelabs.com'], [['https', 443]]),
        virtualService(
          'operator',
          ['abc12345.sprint.dynatracelabs.com'],
          [['tls', 'abc12345.sprint.dynatracelabs.com', 443]],
        ),
      ],
    ],
    [
      'third generation keeps a custom port',
      'https://abc12345.apps.dynatrace.com:8443',
      [
        fqdnEntry('operator', [TENANT], [['https', 8443]]),
        virtualService('operator', [TENANT], [['tls', TENANT, 8443]]),
      ],
    ],
    [
      'http without a port: 80, an http route',
      'http://managed.example.com/e/abc/api',
      [
        fqdnEntry('operator', ['managed.example.com'], [['http', 80]]),
        virtualService('operator', ['managed.example.com'], [['http', 'managed.example.com', 80]]),
      ],
    ],
    [
      'http with a custom port',
      'http://managed.example.com:8080/e/abc/api',
      [
        fqdnEntry('operator', ['managed.example.com'], [['http', 8080]]),
        virtualService('operator', ['managed.example.com'], [['http', 'managed.example.com', 8080]]),
      ],
    ],
    [
      'https on 443 written out is the same as the default',
      'https://abc12345.live.dynatrace.com:443/api',
      [
        fqdnEntry('operator', [TENANT], [['https', 443]]),
        virtualService('operator', [TENANT], [['tls', TENANT, 443]]),
      ],
    ],
    [
      'IPv4 apiUrl: only the -ip- entry, no VirtualService',
      'https://10.20.30.40/e/abc/api',
      [ipEntry('operator', ['10.20.30.40/32'], [443])],
    ],
    [
      'IPv4 apiUrl on http with a port',
      'http://10.20.30.40:8080/e/abc/api',
      [ipEntry('operator', ['10.20.30.40/32'], [8080])],
    ],
    [
      'IPv6 apiUrl: brackets dropped, a one-address /128',
      'https://[fd00::5]:9999/e/abc/api',
      [ipEntry('operator', ['fd00::5/128'], [9999])],
    ],
  ])('%s', async (_case, apiUrl, expected) => {
    const model = modelOf({ 'dk.yaml': dynakube(`apiUrl: ${apiUrl}\noneAgent:\n  hostMonitoring: {}`) });
    const result = await generateManifests(model, { scope: 'all' });
    expect(result.notes).toEqual([]);
    expect(objectsOf(result.generated)).toEqual(expected);
  });
});

describe('communication endpoints from the connection-info API (components oneagent, activegate)', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function generate(spec: string, oneAgent: unknown, activeGate: unknown, apiVersion?: string) {
    const api = await startApi(connectionInfoHandler(oneAgent, activeGate));
    close = api.close;
    const model = modelOf({ 'dk.yaml': dynakube(spec, apiVersion) });
    const result = await generateManifests(model, {
      scope: 'all',
      dynatrace: { apiUrl: api.url, token: 't' },
    });
    const objects = objectsOf(result.generated).filter(
      (object) => !object.metadata.name.endsWith('-operator'),
    );
    return { objects, notes: result.notes };
  }

  const CLOUD_NATIVE =
    'apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api\noneAgent:\n  cloudNativeFullStack: {}';
  const H = 'sg.example.com';

  it.each([
    [
      // ParseOACommunicationHosts: de-duplicated by protocol://host:port and sorted by it.
      'one host on two ports: one host in hosts, a port and a TLS route for each',
      ['https://sg.example.com:9999/communication', 'https://sg.example.com/communication'],
      [
        fqdnEntry(
          'oneagent',
          [H],
          [
            ['https', 443],
            ['https', 9999],
          ],
        ),
        virtualService(
          'oneagent',
          [H],
          [
            ['tls', H, 443],
            ['tls', H, 9999],
          ],
        ),
      ],
    ],
    [
      'http and https on one port number: the first (in key order) names the port',
      ['https://b.example.com:8443', 'http://a.example.com:8443'],
      [
        fqdnEntry('oneagent', ['a.example.com', 'b.example.com'], [['http', 8443]]),
        virtualService(
          'oneagent',
          ['a.example.com', 'b.example.com'],
          [
            ['tls', 'b.example.com', 8443],
            ['http', 'a.example.com', 8443],
          ],
        ),
      ],
    ],
    [
      'IPv4 and IPv6 endpoints share the -ip- entry, each a single address',
      ['https://10.0.0.1:443/communication', 'https://[fd00::7]:443/communication'],
      [ipEntry('oneagent', ['10.0.0.1/32', 'fd00::7/128'], [443])],
    ],
    [
      'an IP on two ports: the address once, both TCP ports',
      ['https://10.0.0.1:9999', 'https://10.0.0.1'],
      [ipEntry('oneagent', ['10.0.0.1/32'], [443, 9999])],
    ],
  ])('%s', async (_case, endpoints, expected) => {
    const { objects, notes } = await generate(CLOUD_NATIVE, { communicationEndpoints: endpoints }, {});
    expect(notes).toEqual([]);
    expect(objects).toEqual(expected);
  });

  const AG_ENDPOINTS = { communicationEndpoints: 'https://abc12345.live.dynatrace.com/communication' };
  const AG_OBJECTS = [
    fqdnEntry('activegate', ['abc12345.live.dynatrace.com'], [['https', 443]]),
    virtualService(
      'activegate',
      ['abc12345.live.dynatrace.com'],
      [['tls', 'abc12345.live.dynatrace.com', 443]],
    ),
  ];
  const HOST_AGENTS = 'apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api\noneAgent:\n  hostMonitoring: {}';

  // activegate.Spec.IsEnabled(): capabilities, or extensions that need an ActiveGate.
  it.each([
    ['a capability', `${HOST_AGENTS}\nactiveGate:\n  capabilities: [routing]`, undefined, AG_OBJECTS],
    ['v1beta6 extensions.prometheus', `${HOST_AGENTS}\nextensions:\n  prometheus: {}`, undefined, AG_OBJECTS],
    [
      'v1beta6 extensions.databases',
      `${HOST_AGENTS}\nextensions:\n  databases:\n  - id: pg`,
      undefined,
      AG_OBJECTS,
    ],
    ['v1beta5 extensions: {}', `${HOST_AGENTS}\nextensions: {}`, 'dynatrace.com/v1beta5', AG_OBJECTS],
    ['v1beta6 extensions: {} (nothing turned on)', `${HOST_AGENTS}\nextensions: {}`, undefined, []],
    ['no ActiveGate at all', HOST_AGENTS, undefined, []],
    ['an activeGate without capabilities', `${HOST_AGENTS}\nactiveGate:\n  capabilities: []`, undefined, []],
  ])('ActiveGate entries with %s', async (_case, spec, apiVersion, expected) => {
    const { objects } = await generate(spec, {}, AG_ENDPOINTS, apiVersion);
    expect(objects.filter((object) => object.kind !== 'PeerAuthentication')).toEqual(expected);
  });
});
