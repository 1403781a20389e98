import { describe, expect, it } from '@jest/globals';
import {
  parseCommunicationHost,
  parseCommunicationHosts,
  splitByAddressKind,
  toSecondGenApiUrl,
} from '../../src/generate/communication-host.js';

describe('parseCommunicationHost', () => {
  it.each([
    ['https://abc.live.dynatrace.com/api', { protocol: 'https', host: 'abc.live.dynatrace.com', port: 443 }],
    ['http://abc.example.com/communication', { protocol: 'http', host: 'abc.example.com', port: 80 }],
    ['https://abc.example.com:443/communication', { protocol: 'https', host: 'abc.example.com', port: 443 }],
    [
      'https://managed.example.com:9999/e/abc/api',
      { protocol: 'https', host: 'managed.example.com', port: 9999 },
    ],
    ['http://10.0.0.1:8080', { protocol: 'http', host: '10.0.0.1', port: 8080 }],
    ['HTTPS://Abc.Example.COM', { protocol: 'https', host: 'abc.example.com', port: 443 }],
    ['https://[2001:db8::1]:9999/communication', { protocol: 'https', host: '2001:db8::1', port: 9999 }],
    ['  https://spaced.example.com  ', { protocol: 'https', host: 'spaced.example.com', port: 443 }],
  ])('%s', (url, expected) => {
    expect(parseCommunicationHost(url)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc.example.com:443', /no protocol/],
    ['ftp://abc.example.com', /unknown protocol "ftp"/],
    ['https://', /not a valid URL|no host/],
  ])('rejects %s', (url, message) => {
    const result = parseCommunicationHost(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('parseCommunicationHosts', () => {
  it('splits OneAgent endpoints on ";", de-duplicates by protocol://host:port and sorts by that key', () => {
    const result = parseCommunicationHosts(
      'https://b.example.com/communication;https://a.example.com:443;https://b.example.com:443/x;http://a.example.com;;',
      ';',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { protocol: 'http', host: 'a.example.com', port: 80 },
        { protocol: 'https', host: 'a.example.com', port: 443 },
        { protocol: 'https', host: 'b.example.com', port: 443 },
      ],
    });
  });

  it('splits ActiveGate endpoints on ","', () => {
    const result = parseCommunicationHosts(
      'https://example.live.dynatrace.com/communication,https://managedhost.com:9999/here/communication',
      ',',
    );
    expect(result.ok && result.value.map((host) => `${host.host}:${host.port}`)).toEqual([
      'example.live.dynatrace.com:443',
      'managedhost.com:9999',
    ]);
  });

  it('fails the whole list on one bad entry, naming it', () => {
    const result = parseCommunicationHosts(['https://a.example.com', 'tcp://b.example.com:9999'], ';');
    expect(result).toEqual({ ok: false, error: 'unknown protocol "tcp" in "tcp://b.example.com:9999"' });
  });

  it('an empty list is no hosts', () => {
    expect(parseCommunicationHosts('', ';')).toEqual({ ok: true, value: [] });
  });
});

describe('splitByAddressKind', () => {
  it('puts IPv4 and IPv6 addresses apart from names', () => {
    const hosts = [
      { protocol: 'https' as const, host: '10.0.0.1', port: 443 },
      { protocol: 'https' as const, host: 'a.example.com', port: 443 },
      { protocol: 'https' as const, host: '2001:db8::1', port: 443 },
    ];
    const { fqdn, ip } = splitByAddressKind(hosts);
    expect(fqdn.map((h) => h.host)).toEqual(['a.example.com']);
    expect(ip.map((h) => h.host)).toEqual(['10.0.0.1', '2001:db8::1']);
  });
});

describe('toSecondGenApiUrl', () => {
  it.each([
    ['https://abc123.apps.dynatrace.com', 'https://abc123.live.dynatrace.com/api'],
    ['https://abc123.apps.dynatrace.com/ui/apps', 'https://abc123.live.dynatrace.com/api'],
    ['https://abc123.dev.apps.dynatracelabs.com', 'https://abc123.dev.dynatracelabs.com/api'],
    ['https://abc123.live.dynatrace.com/api', 'https://abc123.live.dynatrace.com/api'],
    ['https://managed.example.com/e/abc/api', 'https://managed.example.com/e/abc/api'],
  ])('%s → %s', (input, expected) => {
    expect(toSecondGenApiUrl(input)).toBe(expected);
  });
});
