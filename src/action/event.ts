import { promises as fs } from 'node:fs';

/**
 * What the workflow run is about. Read from the runner's environment and event file directly, so the action
 * needs no GitHub client until it posts something.
 */
export type RunContext = PullRequestContext | BranchContext;

export interface Repository {
  owner: string;
  repo: string;
}

/**
 * `pull_request` and `pull_request_target`. The latter runs with a write token even for fork PRs; it is safe here
 * because the action only reads the checked-out files as data and never runs anything from the PR.
 */
export interface PullRequestContext extends Repository {
  kind: 'pull_request';
  eventName: string;
  number: number;
  baseSha: string;
  headSha: string;
  /** Whether the head is in another repository (a fork): its token is read-only under `pull_request`. */
  fromFork: boolean;
  /** How many files the PR changes, as the event says (GitHub's file listing stops at 3,000). */
  changedFiles?: number;
  /** When GitHub last updated the PR as of this event (a push moves it on): orders the runs of successive pushes. */
  updatedAt?: string;
}

/**
 * `push`, `workflow_dispatch`, `schedule`, …: no base to compare with, every finding counts, nothing is posted.
 * `merge_group` has a base (the branch the queue merges into): the queue must decide as the PR's check did.
 */
export interface BranchContext extends Repository {
  kind: 'branch';
  eventName: string;
  sha?: string;
  /** The commit the run is compared with: `merge_group.base_sha`. */
  baseSha?: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string; repo?: { full_name?: string } };
  head?: { sha?: string; repo?: { full_name?: string } | null };
  changed_files?: number;
  updated_at?: string;
}

async function readPayload(eventPath: string | undefined): Promise<Record<string, unknown>> {
  if (!eventPath) return {};
  try {
    return JSON.parse(await fs.readFile(eventPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot read the event file ${eventPath}: ${(error as Error).message}`);
  }
}

function repository(env: NodeJS.ProcessEnv): Repository {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return { owner, repo };
}

export async function readRunContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const payload = await readPayload(env.GITHUB_EVENT_PATH);
  const repo = repository(env);
  const pr = payload.pull_request as PullRequestPayload | undefined;
  if (PULL_REQUEST_EVENTS.has(eventName) && pr?.base?.sha && pr.head?.sha) {
    const number = pr.number ?? (payload.number as number | undefined);
    if (typeof number !== 'number') throw new Error(`the ${eventName} event has no pull request number`);
    return {
      kind: 'pull_request',
      eventName,
      ...repo,
      number,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      fromFork: (pr.head.repo?.full_name ?? '') !== (pr.base.repo?.full_name ?? ''),
      ...(typeof pr.changed_files === 'number' ? { changedFiles: pr.changed_files } : {}),
      ...(typeof pr.updated_at === 'string' ? { updatedAt: pr.updated_at } : {}),
    };
  }
  const mergeGroup = payload.merge_group as { base_sha?: unknown } | undefined;
  const baseSha =
    eventName === 'merge_group' && typeof mergeGroup?.base_sha === 'string' ? mergeGroup.base_sha : undefined;
  return {
    kind: 'branch',
    eventName,
    ...repo,
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(baseSha ? { baseSha } : {}),
  };
}
