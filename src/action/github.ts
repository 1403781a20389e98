import * as core from './workflow.js';
import type { getOctokit } from '@actions/github';
import { positiveNumber, requestTimeoutMs } from '../request-timeout.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** How many times a rate-limited request is tried again before the run gives up on that channel. */
const RATE_LIMIT_RETRIES = 2;

/** How long one request may wait for GitHub's answer; a run makes a handful, so this bounds the whole run. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Environment override, for tests that must not wait real seconds: the unit of the retry plugins' backoff
 * (`Retry-After: 2` waits two of these; 5xx retries wait 1, 4, 9 of them). The request timeout is
 * `DKIG_REQUEST_TIMEOUT_MS` (see request-timeout.ts).
 */
const BACKOFF_UNIT_ENV = 'DKIG_RETRY_UNIT_MS';

/** GitHub accepted the connection but did not answer in time. Not retried: a write may have landed. */
export class GitHubTimeoutError extends Error {
  constructor(method: string, url: string, timeoutMs: number) {
    super(`no answer from GitHub within ${timeoutMs / 1000} s to ${method} ${pathOf(url)}`);
    this.name = 'GitHubTimeoutError';
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}

type OctokitPlugin = NonNullable<Parameters<typeof getOctokit>[2]>;

/**
 * Every attempt gets its own deadline. Registered before the retry plugins, so it wraps each single attempt
 * (innermost), and its error carries no `request`, so neither plugin retries it.
 */
function requestTimeout(timeoutMs: number): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      const signal = AbortSignal.timeout(timeoutMs);
      // The inner hooks are bound to this very options object: set the signal on it, per attempt.
      options.request = { ...options.request, signal };
      try {
        return await request(options);
      } catch (error) {
        if (signal.aborted) throw new GitHubTimeoutError(options.method, options.url, timeoutMs);
        throw error;
      }
    });
  };
}

/**
 * An Octokit with a per-request timeout, retries for 5xx and backoff for primary and secondary rate limits.
 * Loaded on first use (dynamic import), so runs that post nothing do not pay for loading the client. The base URL
 * follows `GITHUB_API_URL` (GitHub Enterprise Server, tests).
 */
export async function createClient(token: string): Promise<GitHubClient> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
  const timeoutMs = requestTimeoutMs(DEFAULT_REQUEST_TIMEOUT_MS);
  const backoffUnitMs = positiveNumber(process.env[BACKOFF_UNIT_ENV], 1000);
  return getOctokit(
    token,
    {
      baseUrl,
      log: { debug: core.debug, info: core.debug, warn: core.debug, error: core.debug },
      throttle: {
        retryAfterBaseValue: backoffUnitMs,
        onRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          core.info(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
          return count < RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          core.info(
            `GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`,
          );
          return count < RATE_LIMIT_RETRIES;
        },
      },
      // 429 is left to the throttling plugin, which waits as long as Retry-After says.
      retry: {
        retries: 3,
        retryAfterBaseValue: backoffUnitMs,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
    },
    requestTimeout(timeoutMs),
    retry,
    throttling,
  );
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Primary and secondary rate limits. "abuse detection" is GitHub's older wording of the secondary limit (still
 * quoted by reviewdog): a 403 that is no refused write, so the next channel is still tried.
 */
function isRateLimit(error: unknown): boolean {
  return /rate limit|abuse detection/i.test((error as Error).message ?? '');
}

/** The token cannot write here: a fork PR's read-only token, or missing `pull-requests: write`. */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  if (isRateLimit(error)) return false;
  return status === 403 || (status === 404 && /not found/i.test((error as Error).message ?? ''));
}

/**
 * After these nothing else is asked of GitHub: a refused token (401) fails every request alike, and a server
 * that did not answer would make every further request wait out its timeout too.
 */
export function isFatalForRun(error: unknown): boolean {
  return statusOf(error) === 401 || error instanceof GitHubTimeoutError;
}

/** One line for a log message, without anything a server might echo back at length. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = ((error as Error).message ?? String(error)).split('\n')[0].slice(0, 300);
  return status ? `HTTP ${status}: ${message}` : message;
}
