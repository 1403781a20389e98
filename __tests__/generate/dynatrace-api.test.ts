import { afterEach, describe, expect, it } from '@jest/globals';
import {
  activeGateEndpoints,
  DynatraceApiClient,
  oneAgentEndpoints,
} from '../../src/generate/dynatrace-api.js';
import { generateManifests } from '../../src/generate/index.js';
import { connectionInfoHandler, json, modelOf, startApi } from './helpers.js';

const TOKEN = 'dt0c01.ABCDEFGHIJKLMNOP.VERYSECRETPART';

describe('DynatraceApiClient against a real local server', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function serve(handler: Parameters<typeof startApi>[0]) {
    const api = await startApi(handler);
    close = api.close;
    return api;
  }

  it('401: says the token was rejected, without the token', async () => {
    const api = await serve((_req, res) =>
      json(res, 401, { error: { code: 401, message: 'Token Authentication failed' } }),
    );
    const result = await new DynatraceApiClient({ apiUrl: api.url, token: TOKEN }).oneAgentConnectionInfo();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/HTTP 401 Unauthorized: the API token was rejected/);
    expect(result.error).toContain('/api/v1/deployment/installer/agent/connectioninfo');
    expect(result.error).not.toContain(TOKEN);
  });

  it('400 for a network zone: explains the unknown zone', async () => {
    const api = await serve((_req, res) => json(res, 400, { error: { code: 400, message: 'Bad request' } }));
    const result = await new DynatraceApiClient({ apiUrl: api.url, token: TOKEN }).oneAgentConnectionInfo(
      'nowhere',
    );
    expect(result).toEqual({
      ok: false,
      error:
        'the Dynatrace API could not find the network zone "nowhere" or deliver the default fallback (HTTP 400); ' +
        'is an ActiveGate configured for the network zone?',
    });
    expect(api.requests[0].path).toBe(
      '/api/v1/deployment/installer/agent/connectioninfo?networkZone=nowhere&defaultZoneFallback=true',
    );
  });

  it('400 without a network zone is a plain HTTP error', async () => {
    const api = await serve((_req, res) => json(res, 400, {}));
    const result = await new DynatraceApiClient({ apiUrl: api.url, token: TOKEN }).oneAgentConnectionInfo();
    expect(result.ok || result.error).toMatch(/HTTP 400 Bad Request$/);
  });

  it('500: reports the status', async () => {
    const api = await serve((_req, res) => json(res, 500, { error: 'boom' }));
    const result = await new DynatraceApiClient({ apiUrl: api.url, token: TOKEN }).activeGateConnectionInfo();
    expect(result.ok || result.error).toMatch(/gateway\/connectioninfo: HTTP 500 Internal Server Error$/);
  });

  it('a server that never answers times out', async () => {
    const api = await serve(() => undefined);
    const started = Date.now();
    const result = await new DynatraceApiClient({
      apiUrl: api.url,
      token: TOKEN,
      timeoutMs: 200,
    }).activeGateConnectionInfo();
    expect(result.ok || result.error).toMatch(/no answer within 200 ms$/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a closed port is a connection error', async () => {
    const api = await serve(() => undefined);
    const url = api.url;
    await api.close();
    close = undefined;
    const result = await new DynatraceApiClient({ apiUrl: url, token: TOKEN }).activeGateConnectionInfo();
    expect(result.ok || result.error).toMatch(/could not connect \(ECONNREFUSED\)$/);
  });

  it('credentials in the URL: fetch refuses it, and the message has neither them nor the token', async () => {
    const api = await serve((_req, res) => json(res, 200, {}));
    const apiUrl = api.url.replace('http://', `http://user:${TOKEN}@`);
    const result = await new DynatraceApiClient({ apiUrl, token: TOKEN }).activeGateConnectionInfo();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/deployment\/installer\/gateway\/connectioninfo: /,
    );
    expect(result.error).not.toContain(TOKEN);
    expect(result.error).not.toContain('VERYSECRETPART');
    expect(api.requests).toHaveLength(0);
  });

  it('a query on the API URL does not swallow the endpoint path', async () => {
    const api = await serve(connectionInfoHandler({}, { communicationEndpoints: 'https://a.example.com' }));
    const client = new DynatraceApiClient({ apiUrl: `${api.url}/?Api-Token=${TOKEN}#x`, token: TOKEN });
    expect(client.baseUrl).toBe(api.url);
    const result = await client.activeGateConnectionInfo();
    expect(result).toEqual({ ok: true, value: { endpoints: ['https://a.example.com'] } });
    expect(api.requests[0].path).toBe('/api/v1/deployment/installer/gateway/connectioninfo');
  });

  it('a body that is not JSON', async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    const result = await new DynatraceApiClient({ apiUrl: api.url, token: TOKEN }).activeGateConnectionInfo();
    expect(result.ok || result.error).toMatch(/the response is not JSON$/);
  });

  it('third-generation apiUrl is queried on the second-generation host path /api', async () => {
    const api = await serve(connectionInfoHandler({}, { communicationEndpoints: 'https://a.example.com' }));
    const client = new DynatraceApiClient({ apiUrl: api.url.replace('/api', '/'), token: TOKEN });
    expect(client.baseUrl).toBe(api.url.replace('/api', ''));
    const secondGen = new DynatraceApiClient({ apiUrl: 'https://abc.apps.dynatrace.com', token: TOKEN });
    expect(secondGen.baseUrl).toBe('https://abc.live.dynatrace.com/api');
  });
});

describe('connection-info response shapes', () => {
  it('OneAgent: communicationEndpoints, else formattedCommunicationEndpoints, else communicationHosts', () => {
    expect(
      oneAgentEndpoints({
        communicationEndpoints: ['https://a', 'https://b'],
        formattedCommunicationEndpoints: 'x',
      }),
    ).toEqual(['https://a', 'https://b']);
    expect(oneAgentEndpoints({ formattedCommunicationEndpoints: 'https://a;https://b' })).toEqual([
      'https://a',
      'https://b',
    ]);
    expect(
      oneAgentEndpoints({
        communicationHosts: [
          { protocol: 'https', host: 'a.example.com', port: 443 },
          { protocol: 'https', host: '2001:db8::1', port: 9999 },
          { host: 'no-protocol' },
        ],
      }),
    ).toEqual(['https://a.example.com:443', 'https://[2001:db8::1]:9999']);
    expect(oneAgentEndpoints('nonsense')).toEqual([]);
  });

  it('ActiveGate: a ","-joined string (or a list)', () => {
    expect(activeGateEndpoints({ communicationEndpoints: 'https://a,https://b' })).toEqual([
      'https://a',
      'https://b',
    ]);
    expect(activeGateEndpoints({ communicationEndpoints: ['https://a'] })).toEqual(['https://a']);
    expect(activeGateEndpoints(null)).toEqual([]);
  });
});

describe('generateManifests with API failures', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  const DYNAKUBE = `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api
  networkZone: nowhere
  oneAgent:
    cloudNativeFullStack: {}
  activeGate:
    capabilities: [routing]
`;

  it.each([
    [401, /oneagent not generated: .*HTTP 401/, /activegate not generated: .*HTTP 401/],
    [400, /oneagent not generated: .*network zone "nowhere"/, /activegate not generated: .*HTTP 400/],
    [500, /oneagent not generated: .*HTTP 500/, /activegate not generated: .*HTTP 500/],
  ])(
    'HTTP %s: the apiUrl entries are still generated, the others become notes',
    async (status, oneAgent, activeGate) => {
      const api = await startApi(connectionInfoHandler({ error: 'x' }, { error: 'x' }, status));
      close = api.close;
      const result = await generateManifests(modelOf({ 'dk.yaml': DYNAKUBE }), {
        scope: 'all',
        dynatrace: { apiUrl: api.url, token: TOKEN },
      });
      expect(result.generated.map((m) => m.name)).toEqual([
        'dk-ip-operator',
        'dynatrace-activegate-permissive',
      ]);
      expect(result.notes.map((n) => n.reason)).toEqual([
        expect.stringMatching(oneAgent),
        expect.stringMatching(activeGate),
      ]);
      expect(JSON.stringify(result)).not.toContain('VERYSECRET');
    },
  );

  it('a timeout becomes a note too', async () => {
    const api = await startApi(() => undefined);
    close = api.close;
    const result = await generateManifests(modelOf({ 'dk.yaml': DYNAKUBE }), {
      scope: 'all',
      dynatrace: { apiUrl: api.url, token: TOKEN, timeoutMs: 150 },
    });
    expect(result.notes.map((n) => n.reason)).toEqual([
      expect.stringMatching(/no answer within 150 ms/),
      expect.stringMatching(/no answer within 150 ms/),
    ]);
  });

  it('a tenant that let one request time out is not asked again in the run: a hung API costs one timeout', async () => {
    const api = await startApi(() => undefined);
    close = api.close;
    const zoned = (name: string, zone: string) =>
      DYNAKUBE.replace('name: dk', `name: ${name}`).replace('networkZone: nowhere', `networkZone: ${zone}`);
    const result = await generateManifests(
      modelOf({
        'a.yaml': zoned('a', 'zone-a'),
        'b.yaml': zoned('b', 'zone-b'),
        'c.yaml': zoned('c', 'zone-c'),
      }),
      { scope: 'all', dynatrace: { apiUrl: api.url, token: TOKEN, timeoutMs: 150 } },
    );
    expect(api.requests).toHaveLength(1);
    const reasons = result.notes.map((n) => n.reason);
    expect(reasons).toHaveLength(6);
    expect(reasons[0]).toMatch(/^a-fqdn-oneagent .* not generated: .*no answer within 150 ms$/);
    for (const reason of reasons.slice(1)) {
      expect(reason).toMatch(
        /not generated: http:\/\/127\.0\.0\.1:\d+\/api was not asked: an earlier request of this run got no answer within 150 ms$/,
      );
    }
  });

  it('an unparsable endpoint fails its component, as in the operator', async () => {
    const api = await startApi(
      connectionInfoHandler(
        { communicationEndpoints: ['https://a.example.com', 'tcp://b.example.com:9999'] },
        { communicationEndpoints: '' },
      ),
    );
    close = api.close;
    const result = await generateManifests(modelOf({ 'dk.yaml': DYNAKUBE }), {
      scope: 'all',
      dynatrace: { apiUrl: api.url, token: TOKEN },
    });
    expect(result.generated.map((m) => m.name)).toEqual([
      'dk-ip-operator',
      'dynatrace-activegate-permissive',
    ]);
    expect(result.notes.map((n) => n.reason)).toEqual([
      'dk-fqdn-oneagent / dk-ip-oneagent not generated: OneAgent endpoint unknown protocol "tcp" in "tcp://b.example.com:9999"',
      'dk-fqdn-activegate / dk-ip-activegate not generated: the Dynatrace API lists no ActiveGate communication endpoints',
    ]);
  });
});

describe('bad API URLs never crash', () => {
  const dynakube = (apiUrl: string) => `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: ${apiUrl}
  oneAgent:
    cloudNativeFullStack: {}
`;

  it.each([
    [
      'a DynaKube apiUrl that is not a URL',
      dynakube('tenant.example.com/api'),
      'https://abc.live.dynatrace.com/api',
    ],
    [
      'a given API URL that is not a URL',
      dynakube('https://ENVIRONMENTID.live.dynatrace.com/api'),
      'not a url',
    ],
  ])('%s: a note, no request', async (_name, text, apiUrl) => {
    const result = await generateManifests(modelOf({ 'dk.yaml': text }), {
      scope: 'all',
      dynatrace: { apiUrl, token: TOKEN },
    });
    expect(result.generated).toEqual([]);
    expect(result.notes).toEqual([
      {
        file: 'dk.yaml',
        line: 7,
        reason: expect.stringMatching(
          /^ServiceEntries for DynaKube dk not generated: apiUrl no protocol provided/,
        ),
      },
    ]);
  });
});
