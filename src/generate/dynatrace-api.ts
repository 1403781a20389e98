import { toSecondGenApiUrl } from './communication-host.js';

/** Where the endpoints of one component come from, already split into entries. */
export interface ConnectionInfo {
  endpoints: string[];
}

/** `timedOut`: the host accepted the request but did not answer in time, so asking it again would wait as long. */
export type ApiResult =
  { ok: true; value: ConnectionInfo } | { ok: false; error: string; timedOut?: boolean };

export interface DynatraceApiOptions {
  apiUrl: string;
  token: string;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const ONEAGENT_PATH = '/v1/deployment/installer/agent/connectioninfo';
const ACTIVEGATE_PATH = '/v1/deployment/installer/gateway/connectioninfo';

/**
 * A minimal client for the two connection-info endpoints the operator reads. Every failure becomes a message
 * (never an exception) and no message ever contains the token.
 */
export class DynatraceApiClient {
  /** The API base the operator talks to (third-generation URLs mapped to second generation), without a trailing `/`. */
  readonly baseUrl: string;
  readonly timeoutMs: number;

  constructor(private readonly options: DynatraceApiOptions) {
    this.baseUrl = withoutQuery(toSecondGenApiUrl(options.apiUrl)).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** OneAgent endpoints; with a network zone the operator asks for that zone with fallback to the default zone. */
  async oneAgentConnectionInfo(networkZone?: string): Promise<ApiResult> {
    const query = networkZone
      ? `?networkZone=${encodeURIComponent(networkZone)}&defaultZoneFallback=true`
      : '';
    const result = await this.getJson(`${this.baseUrl}${ONEAGENT_PATH}${query}`);
    if (!result.ok) {
      if (result.status === 400 && networkZone) {
        return {
          ok: false,
          error:
            `the Dynatrace API could not find the network zone "${networkZone}" or deliver the default fallback ` +
            '(HTTP 400); is an ActiveGate configured for the network zone?',
        };
      }
      return result;
    }
    return { ok: true, value: { endpoints: oneAgentEndpoints(result.body) } };
  }

  async activeGateConnectionInfo(): Promise<ApiResult> {
    const result = await this.getJson(`${this.baseUrl}${ACTIVEGATE_PATH}`);
    if (!result.ok) return result;
    return { ok: true, value: { endpoints: activeGateEndpoints(result.body) } };
  }

  private async getJson(
    url: string,
  ): Promise<
    { ok: true; body: unknown } | { ok: false; error: string; status?: number; timedOut?: boolean }
  > {
    const where = redact(url);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: `Api-Token ${this.options.token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      return {
        ok: false,
        error: `${where}: ${this.scrub(describeFetchError(error, this.timeoutMs))}`,
        ...(isTimeout(error) ? { timedOut: true } : {}),
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        status: response.status,
        error: `${where}: ${describeStatus(response.status, response.statusText)}`,
      };
    }
    try {
      return { ok: true, body: JSON.parse(await response.text()) as unknown };
    } catch (error) {
      return {
        ok: false,
        error: `${where}: ${this.scrub(describeFetchError(error, this.timeoutMs, 'the response is not JSON'))}`,
        ...(isTimeout(error) ? { timedOut: true } : {}),
      };
    }
  }

  /** fetch's own messages may quote the URL, credentials in it included (it refuses such URLs saying so). */
  private scrub(message: string): string {
    const withoutUserinfo = message.replace(/\/\/[^/\s@]*@/g, '//***@');
    return this.options.token ? withoutUserinfo.split(this.options.token).join('***') : withoutUserinfo;
  }
}

/** The endpoint paths are appended to the base, so a query or fragment on the given URL would swallow them. */
function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** URL without query string or credentials, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the Dynatrace API';
  }
}

function describeStatus(status: number, statusText: string): string {
  const text = statusText ? ` ${statusText}` : '';
  if (status === 401 || status === 403) {
    return `HTTP ${status}${text}: the API token was rejected (it needs the PaaS / InstallerDownload scope)`;
  }
  if (status === 404) return `HTTP ${status}${text}: not found (is the API URL right, ending in /api?)`;
  return `HTTP ${status}${text}`;
}

/** Errors may come from another realm (fetch's own), so they are read by shape, not by `instanceof`. */
function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function describeFetchError(error: unknown, timeoutMs: number, fallback = 'request failed'): string {
  const failure = (error ?? {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (isTimeout(error)) return `no answer within ${timeoutMs} ms`;
  if (failure.name === 'SyntaxError') return fallback;
  if (failure.cause?.code) return `could not connect (${failure.cause.code})`;
  const detail = failure.cause?.message ?? failure.message;
  return detail ? `${fallback}: ${detail}` : fallback;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * OneAgent connection info: `communicationEndpoints` (array) is what the newest operator reads; older ones read
 * `formattedCommunicationEndpoints` (one `;`-joined string); the oldest API shape had `communicationHosts`.
 */
export function oneAgentEndpoints(body: unknown): string[] {
  const info = record(body);
  const list = strings(info.communicationEndpoints);
  if (list.length > 0) return list;
  if (typeof info.formattedCommunicationEndpoints === 'string')
    return info.formattedCommunicationEndpoints.split(';');
  return hostsToUrls(info.communicationHosts);
}

/** ActiveGate connection info: `communicationEndpoints` is one `,`-joined string. */
export function activeGateEndpoints(body: unknown): string[] {
  const info = record(body);
  const endpoints = info.communicationEndpoints;
  if (typeof endpoints === 'string') return endpoints.split(',');
  return strings(endpoints);
}

function hostsToUrls(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const host = record(item);
    if (typeof host.host !== 'string' || typeof host.protocol !== 'string') return [];
    const port = typeof host.port === 'number' || typeof host.port === 'string' ? `:${host.port}` : '';
    return [`${host.protocol}://${host.host.includes(':') ? `[${host.host}]` : host.host}${port}`];
  });
}
