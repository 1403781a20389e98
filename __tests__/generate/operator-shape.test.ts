import { afterEach, describe, expect, it } from '@jest/globals';
import { generateManifests } from '../../src/generate/index.js';
import { buildFqdnServiceEntry } from '../../src/generate/operator-objects.js';
import type { GeneratedManifest } from '../../src/report/types.js';
import { connectionInfoHandler, modelOf, startApi } from './helpers.js';

// Expected objects are written by hand from the operator's code (reference/dynatrace.md §1.2–1.7): names
// `<dk>-fqdn-<component>` / `<dk>-ip-<component>`, core labels, `<protocol>-<port>` / `TCP-<port>` ports,
// `ignored.subdomain` + `/32`, VirtualService tls/http routes.

function dynakube(spec: string, name = 'dynakube', namespace = 'dynatrace'): string {
  return `apiVersion: dynatrace.com/v1beta6
kind: DynaKube
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${spec
  .trim()
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;
}

function labels(component: string, dk = 'dynakube'): string {
  return `  labels:
    app.kubernetes.io/name: dynatrace-operator
    app.kubernetes.io/created-by: ${dk}
    app.kubernetes.io/component: ${component}`;
}

function yamlOf(generated: GeneratedManifest[]): string {
  return generated.map((manifest) => manifest.yaml).join('---\n');
}

const TENANT_OPERATOR = `apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynakube-fqdn-operator
  namespace: dynatrace
${labels('operator')}
spec:
  hosts:
  - abc12345.live.dynatrace.com
  ports:
  - name: https-443
    number: 443
    protocol: HTTPS
  location: MESH_EXTERNAL
  resolution: DNS
---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: dynakube-fqdn-operator
  namespace: dynatrace
${labels('operator')}
spec:
  hosts:
  - abc12345.live.dynatrace.com
  tls:
  - match:
    - sniHosts:
      - abc12345.live.dynatrace.com
      port: 443
    route:
    - destination:
        host: abc12345.live.dynatrace.com
        port:
          number: 443
`;

describe('offline: the apiUrl host (component operator)', () => {
  it('FQDN apiUrl: ServiceEntry + VirtualService exactly as the operator writes them', async () => {
    const model = modelOf({
      'dk.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com/api\noneAgent:\n  hostMonitoring: {}'),
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(yamlOf(result.generated)).toBe(TENANT_OPERATOR);
    expect(result.notes).toEqual([]);
    expect(result.generated.map((m) => [m.kind, m.namespace, m.name, m.file])).toEqual([
      ['ServiceEntry', 'dynatrace', 'dynakube-fqdn-operator', 'generated/dynatrace.yaml'],
      ['VirtualService', 'dynatrace', 'dynakube-fqdn-operator', 'generated/dynatrace.yaml'],
    ]);
  });

  it('third-generation apiUrl X.apps.<domain> gives the X.live.<domain> host', async () => {
    const model = modelOf({
      'dk.yaml': dynakube('apiUrl: https://abc12345.apps.dynatrace.com\noneAgent:\n  hostMonitoring: {}'),
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(yamlOf(result.generated)).toBe(TENANT_OPERATOR);
  });

  it('http apiUrl with an explicit port: http-<port> port and an http route', async () => {
    const model = modelOf({
      'dk.yaml': dynakube(
        'apiUrl: http://managed.example.com:8080/e/abc/api\noneAgent:\n  hostMonitoring: {}',
        'managed',
        'dt',
      ),
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(yamlOf(result.generated)).toBe(`apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: managed-fqdn-operator
  namespace: dt
${labels('operator', 'managed')}
spec:
  hosts:
  - managed.example.com
  ports:
  - name: http-8080
    number: 8080
    protocol: HTTP
  location: MESH_EXTERNAL
  resolution: DNS
---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: managed-fqdn-operator
  namespace: dt
${labels('operator', 'managed')}
spec:
  hosts:
  - managed.example.com
  http:
  - match:
    - port: 8080
    route:
    - destination:
        host: managed.example.com
        port:
          number: 8080
`);
  });

  it('IP apiUrl: only the -ip- ServiceEntry, with ignored.subdomain, /32 and TCP-<port>', async () => {
    const model = modelOf({
      'dk.yaml': dynakube('apiUrl: https://10.20.30.40:9999/e/abc/api\noneAgent:\n  classicFullStack: {}'),
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(yamlOf(result.generated)).toBe(`apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynakube-ip-operator
  namespace: dynatrace
${labels('operator')}
spec:
  hosts:
  - ignored.subdomain
  addresses:
  - 10.20.30.40/32
  ports:
  - name: TCP-9999
    number: 9999
    protocol: TCP
  location: MESH_EXTERNAL
  resolution: NONE
`);
  });

  it('without a token, says which OneAgent and ActiveGate entries are missing and why', async () => {
    const model = modelOf({
      'dk.yaml': dynakube(`apiUrl: https://abc12345.live.dynatrace.com/api
oneAgent:
  cloudNativeFullStack: {}
activeGate:
  capabilities: [routing]`),
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(result.generated.map((m) => m.name)).toEqual([
      'dynakube-fqdn-operator',
      'dynakube-fqdn-operator',
      'dynatrace-activegate-permissive',
    ]);
    expect(result.notes.map((n) => [n.file, n.line, n.reason.replace(/:.*/, '')])).toEqual([
      ['dk.yaml', 9, 'dynakube-fqdn-oneagent / dynakube-ip-oneagent not generated'],
      ['dk.yaml', 10, 'dynakube-fqdn-activegate / dynakube-ip-activegate not generated'],
    ]);
    expect(result.notes[0].reason).toMatch(/no Dynatrace API token/);
  });

  // `<your-environment-id>` and `TENANT_TOREPLACE` were taken for a URL (the note then said it is invalid, and a
  // --dynatrace-api-url given for it was not used).
  it.each([
    'https://ENVIRONMENTID.live.dynatrace.com/api',
    'https://<your-environment-id>.live.dynatrace.com/api',
    'https://TENANT_TOREPLACE.live.dynatrace.com/api',
    // isItObservable/k6 `dynatrace/dynakube.yaml`: a VirtualService for `environment_url_to_replace` was generated.
    'https://ENVIRONMENT_URL_TO_REPLACE/api',
  ])('a placeholder apiUrl (%s) gives a note and no entry', async (apiUrl) => {
    const model = modelOf({
      'dk.yaml': dynakube(`apiUrl: ${apiUrl}\noneAgent:\n  hostMonitoring: {}`),
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(result.generated).toEqual([]);
    expect(result.notes).toEqual([
      {
        file: 'dk.yaml',
        line: 7,
        reason: expect.stringMatching(
          /^ServiceEntries for DynaKube dynakube not generated: apiUrl .* is a placeholder/,
        ),
      },
    ]);
  });
});

describe('ports and routes', () => {
  it('one port per distinct number: the first host (in key order) decides the protocol', () => {
    const entry = buildFqdnServiceEntry({ name: 'dk', namespace: 'ns' }, 'oneagent', [
      { protocol: 'http', host: 'a.example.com', port: 8443 },
      { protocol: 'https', host: 'b.example.com', port: 8443 },
      { protocol: 'https', host: 'a.example.com', port: 443 },
    ]);
    expect(entry.spec).toEqual({
      hosts: ['a.example.com', 'b.example.com'],
      ports: [
        { name: 'http-8443', number: 8443, protocol: 'HTTP' },
        { name: 'https-443', number: 443, protocol: 'HTTPS' },
      ],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    });
  });
});

describe('live: OneAgent and ActiveGate endpoints from the Dynatrace API', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  const ONEAGENT_ENDPOINTS = [
    'https://abc12345.live.dynatrace.com:443/communication',
    'https://10.0.0.1:443/communication',
    'http://sg.example.com:8080/communication',
    'https://sg.example.com:9999/communication',
    'https://abc12345.live.dynatrace.com/communication',
    'https://10.0.0.2:9999',
  ];
  const ACTIVEGATE_ENDPOINTS =
    'https://abc12345.live.dynatrace.com/communication,https://10.0.0.3:9999/communication';

  const EXPECTED_ONEAGENT = `apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynakube-fqdn-oneagent
  namespace: dynatrace
${labels('oneagent')}
spec:
  hosts:
  - sg.example.com
  - abc12345.live.dynatrace.com
  ports:
  - name: http-8080
    number: 8080
    protocol: HTTP
  - name: https-443
    number: 443
    protocol: HTTPS
  - name: https-9999
    number: 9999
    protocol: HTTPS
  location: MESH_EXTERNAL
  resolution: DNS
---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: dynakube-fqdn-oneagent
  namespace: dynatrace
${labels('oneagent')}
spec:
  hosts:
  - sg.example.com
  - abc12345.live.dynatrace.com
  tls:
  - match:
    - sniHosts:
      - abc12345.live.dynatrace.com
      port: 443
    route:
    - destination:
        host: abc12345.live.dynatrace.com
        port:
          number: 443
  - match:
    - sniHosts:
      - sg.example.com
      port: 9999
    route:
    - destination:
        host: sg.example.com
        port:
          number: 9999
  http:
  - match:
    - port: 8080
    route:
    - destination:
        host: sg.example.com
        port:
          number: 8080
---
apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynakube-ip-oneagent
  namespace: dynatrace
${labels('oneagent')}
spec:
  hosts:
  - ignored.subdomain
  addresses:
  - 10.0.0.1/32
  - 10.0.0.2/32
  ports:
  - name: TCP-443
    number: 443
    protocol: TCP
  - name: TCP-9999
    number: 9999
    protocol: TCP
  location: MESH_EXTERNAL
  resolution: NONE
`;

  // No dynakube-fqdn-activegate VirtualService: its only host is routed by dynakube-fqdn-oneagent already (a second
  // VirtualService for one host is istioctl analyze's IST0109; round-trip.test.ts).
  const EXPECTED_ACTIVEGATE = `apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynakube-fqdn-activegate
  namespace: dynatrace
${labels('activegate')}
spec:
  hosts:
  - abc12345.live.dynatrace.com
  ports:
  - name: https-443
    number: 443
    protocol: HTTPS
  location: MESH_EXTERNAL
  resolution: DNS
---
apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynakube-ip-activegate
  namespace: dynatrace
${labels('activegate')}
spec:
  hosts:
  - ignored.subdomain
  addresses:
  - 10.0.0.3/32
  ports:
  - name: TCP-9999
    number: 9999
    protocol: TCP
  location: MESH_EXTERNAL
  resolution: NONE
`;

  // The documented placeholder apiUrl: the tenant comes from the given API URL (here the local server).
  const CLOUD_NATIVE_WITH_AG = `apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api
networkZone: eu-west
oneAgent:
  cloudNativeFullStack: {}
activeGate:
  capabilities: [routing, kubernetes-monitoring]`;

  it.each([
    [
      'communicationEndpoints (array)',
      { tenantUUID: 'abc12345', communicationEndpoints: ONEAGENT_ENDPOINTS },
    ],
    [
      'formattedCommunicationEndpoints (";"-joined)',
      { tenantUUID: 'abc12345', formattedCommunicationEndpoints: ONEAGENT_ENDPOINTS.join(';') },
    ],
  ])(
    'mixed FQDN/IP, http/https, ports, duplicates and a network zone, from %s',
    async (_shape, oneAgentInfo) => {
      const api = await startApi(
        connectionInfoHandler(oneAgentInfo, {
          tenantUUID: 'abc12345',
          communicationEndpoints: ACTIVEGATE_ENDPOINTS,
        }),
      );
      close = api.close;
      const model = modelOf({ 'dk.yaml': dynakube(CLOUD_NATIVE_WITH_AG) });
      const result = await generateManifests(model, {
        scope: 'all',
        dynatrace: { apiUrl: api.url, token: 'dt0c01.TOKEN' },
      });

      const byName = (prefix: string) => yamlOf(result.generated.filter((m) => m.name.endsWith(prefix)));
      expect(byName('-oneagent')).toBe(EXPECTED_ONEAGENT);
      expect(byName('-activegate')).toBe(EXPECTED_ACTIVEGATE);
      expect(result.generated.filter((m) => m.name.endsWith('-operator')).map((m) => m.name)).toEqual([
        'dynakube-ip-operator',
      ]);
      expect(result.notes).toEqual([]);
      expect(api.requests).toEqual([
        {
          path: '/api/v1/deployment/installer/agent/connectioninfo?networkZone=eu-west&defaultZoneFallback=true',
          authorization: 'Api-Token dt0c01.TOKEN',
        },
        {
          path: '/api/v1/deployment/installer/gateway/connectioninfo',
          authorization: 'Api-Token dt0c01.TOKEN',
        },
      ]);
    },
  );

  it('asks without a network zone when none is set, and once per tenant for several DynaKubes', async () => {
    const api = await startApi(
      connectionInfoHandler(
        { communicationEndpoints: ['https://abc12345.live.dynatrace.com/communication'] },
        { communicationEndpoints: ACTIVEGATE_ENDPOINTS },
      ),
    );
    close = api.close;
    const spec =
      'apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api\noneAgent:\n  applicationMonitoring: {}';
    const model = modelOf({ 'a.yaml': dynakube(spec, 'first'), 'b.yaml': dynakube(spec, 'second') });
    const result = await generateManifests(model, {
      scope: 'all',
      dynatrace: { apiUrl: api.url, token: 't' },
    });
    expect(api.requests.map((r) => r.path)).toEqual(['/api/v1/deployment/installer/agent/connectioninfo']);
    expect(result.generated.map((m) => `${m.kind} ${m.name}`)).toEqual([
      'ServiceEntry first-ip-operator',
      'ServiceEntry first-fqdn-oneagent',
      'VirtualService first-fqdn-oneagent',
      'ServiceEntry second-ip-operator',
      'ServiceEntry second-fqdn-oneagent',
    ]);
  });

  it('does not send the token for one tenant to a DynaKube of another tenant', async () => {
    const api = await startApi(connectionInfoHandler({ communicationEndpoints: ONEAGENT_ENDPOINTS }, {}));
    close = api.close;
    const model = modelOf({
      'dk.yaml': dynakube(
        'apiUrl: https://other.live.dynatrace.com/api\noneAgent:\n  cloudNativeFullStack: {}',
      ),
    });
    const result = await generateManifests(model, {
      scope: 'all',
      dynatrace: { apiUrl: api.url, token: 't' },
    });
    expect(api.requests).toEqual([]);
    expect(result.generated.map((m) => m.name)).toEqual(['dynakube-fqdn-operator', 'dynakube-fqdn-operator']);
    expect(result.notes.map((n) => n.reason)).toEqual([
      expect.stringMatching(
        /not generated: the API token is for 127\.0\.0\.1:\d+, not for this DynaKube's tenant other\.live\.dynatrace\.com/,
      ),
    ]);
  });

  it('sends the token nowhere when the API URL given does not parse (a DynaKube of the PR names a tenant)', async () => {
    const api = await startApi(connectionInfoHandler({ communicationEndpoints: ONEAGENT_ENDPOINTS }, {}));
    close = api.close;
    const model = modelOf({
      'dk.yaml': dynakube(`apiUrl: ${api.url}/api\noneAgent:\n  cloudNativeFullStack: {}`),
    });
    const result = await generateManifests(model, {
      scope: 'all',
      dynatrace: { apiUrl: 'https://abc12345.live.dynatrace.com:44x/api', token: 't' },
    });
    expect(api.requests).toEqual([]);
    expect(result.notes.map((n) => n.reason)).toEqual([
      expect.stringMatching(
        /not generated: the Dynatrace API URL given is not a valid URL, so the token is sent nowhere/,
      ),
    ]);
  });

  it('hostMonitoring and classicFullStack get no oneagent entries (host agents are outside the mesh)', async () => {
    const api = await startApi(connectionInfoHandler({ communicationEndpoints: ONEAGENT_ENDPOINTS }, {}));
    close = api.close;
    const model = modelOf({
      'dk.yaml': dynakube(
        'apiUrl: https://abc12345.live.dynatrace.com/api\noneAgent:\n  classicFullStack: {}',
      ),
    });
    const result = await generateManifests(model, {
      scope: 'all',
      dynatrace: { apiUrl: api.url, token: 't' },
    });
    expect(api.requests).toEqual([]);
    expect(result.generated.map((m) => m.name)).toEqual(['dynakube-fqdn-operator', 'dynakube-fqdn-operator']);
  });
});
