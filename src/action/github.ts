import * as core from './workflow.js';
import type { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** How many times a rate-limited request is tried again before the run gives up on that channel. */
const RATE_LIMIT_RETRIES = 2;

/**
 * An Octokit with retries for 5xx and backoff for primary and secondary rate limits. Loaded on first use (dynamic
 * import), so runs that post nothing do not pay for loading the client. The base URL follows `GITHUB_API_URL`
 * (GitHub Enterprise Server, tests).
 */
export async function createClient(token: string): Promise<GitHubClient> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
  return getOctokit(
    token,
    {
      baseUrl,
      log: { debug: core.debug, info: core.debug, warn: core.debug, error: core.debug },
      throttle: {
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
      retry: { retries: 3 },
    },
    retry,
    throttling,
  );
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The token cannot write here: a fork PR's read-only token, or missing `pull-requests: write`. */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  return status === 403 || (status === 404 && /not found/i.test((error as Error).message ?? ''));
}

/** One line for a log message, without anything a server might echo back at length. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  const message = ((error as Error).message ?? String(error)).split('\n')[0].slice(0, 300);
  return status ? `HTTP ${status}: ${message}` : message;
}
