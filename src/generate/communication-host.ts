import { isIP } from 'node:net';

/** One Dynatrace endpoint as the operator sees it (`connectioninfo.CommunicationHost`). */
export interface CommunicationHost {
  protocol: 'http' | 'https';
  host: string;
  port: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const DEFAULT_PORTS = { http: 80, https: 443 } as const;

/** The operator's separators: OneAgent endpoints are `;`-joined, ActiveGate endpoints `,`-joined. */
export const ONEAGENT_ENDPOINT_SEPARATOR = ';';
export const ACTIVEGATE_ENDPOINT_SEPARATOR = ',';

/** URL → {protocol, host, port}, the way the operator parses it: only http/https, default ports, path dropped. */
export function parseCommunicationHost(endpoint: string): ParseResult<CommunicationHost> {
  const text = endpoint.trim();
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text))
    return { ok: false, error: `no protocol provided in "${text}"` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `"${text}" is not a valid URL` };
  }
  const protocol = url.protocol.slice(0, -1).toLowerCase();
  if (protocol !== 'http' && protocol !== 'https')
    return { ok: false, error: `unknown protocol "${protocol}" in "${text}"` };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, error: `no host in "${text}"` };
  // WHATWG URL drops a port equal to the scheme's default, so an empty port means the default.
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[protocol];
  return { ok: true, value: { protocol, host, port } };
}

export function communicationHostKey(host: CommunicationHost): string {
  return `${host.protocol}://${host.host}:${host.port}`;
}

/**
 * Parses a separator-joined endpoint list. Like the operator, one unparsable entry fails the whole list, and
 * the result is de-duplicated by `protocol://host:port` and sorted by that key.
 */
export function parseCommunicationHosts(
  endpoints: string | readonly string[],
  separator: string,
): ParseResult<CommunicationHost[]> {
  const entries = (typeof endpoints === 'string' ? endpoints.split(separator) : endpoints)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const byKey = new Map<string, CommunicationHost>();
  for (const entry of entries) {
    const parsed = parseCommunicationHost(entry);
    if (!parsed.ok) return parsed;
    byKey.set(communicationHostKey(parsed.value), parsed.value);
  }
  const sorted = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, host]) => host);
  return { ok: true, value: sorted };
}

/** IP endpoints and FQDN endpoints go into different ServiceEntries: Istio cannot mix them in one. */
export function splitByAddressKind(hosts: readonly CommunicationHost[]): {
  fqdn: CommunicationHost[];
  ip: CommunicationHost[];
} {
  return {
    fqdn: hosts.filter((host) => isIP(host.host) === 0),
    ip: hosts.filter((host) => isIP(host.host) !== 0),
  };
}

const THIRD_GEN_MARKER = '.apps.';

/**
 * Third-generation tenant URLs (`X.apps.<domain>`) map to the second-generation API host the operator talks to:
 * `X.live.<domain>`, or `X.<domain>` when X already has a dot; the path becomes `/api`.
 */
export function toSecondGenApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    return apiUrl;
  }
  const at = url.hostname.indexOf(THIRD_GEN_MARKER);
  if (at <= 0) return apiUrl.trim();
  const prefix = url.hostname.slice(0, at);
  const suffix = url.hostname.slice(at + THIRD_GEN_MARKER.length);
  url.hostname = prefix.includes('.') ? `${prefix}.${suffix}` : `${prefix}.live.${suffix}`;
  url.pathname = '/api';
  url.search = '';
  url.hash = '';
  return url.toString();
}
