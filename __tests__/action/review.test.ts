/**
 * The review step in process, with a real Octokit client against the fake GitHub on 127.0.0.1: which of this
 * action's earlier suggestions it deletes, which it keeps, what that costs in requests, and that a refused or
 * failed delete never fails the step.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { PullRequestContext } from '../../src/action/event.js';
import { createClient, type GitHubClient } from '../../src/action/github.js';
import { postSuggestions } from '../../src/action/review.js';
import {
  SUGGESTION_MARKER,
  type SuggestionComment,
  type SuggestionPlan,
} from '../../src/action/suggestions.js';
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js';

const HEAD_SHA = 'a'.repeat(40);
const PATCH = ['@@ -0,0 +1,30 @@', ...Array.from({ length: 30 }, (_, i) => `+line ${i + 1}`)].join('\n');
const FILES = ['platform/istio/cni.yaml', 'platform/dynatrace/operator.yaml', 'apps/web/deploy.yaml'];

const pr: PullRequestContext = {
  kind: 'pull_request',
  eventName: 'pull_request',
  owner: 'acme',
  repo: 'platform',
  number: 42,
  baseSha: 'b'.repeat(40),
  headSha: HEAD_SHA,
  fromFork: false,
};

const options: FakeGitHubOptions = {
  owner: 'acme',
  repo: 'platform',
  pullNumber: 42,
  baseSha: pr.baseSha,
  headSha: HEAD_SHA,
  files: FILES.map((filename) => ({ filename, status: 'added', patch: PATCH })),
};

/** A run over `platform/**` (a matrix job over cluster folders): `apps/**` belongs to another run. */
const readsPlatform = (path: string) => path.startsWith('platform/');

const fakes: FakeGitHub[] = [];
const savedEnv = { ...process.env };

beforeAll(() => {
  process.env.DKIG_RETRY_UNIT_MS = '10';
  process.env.DKIG_REQUEST_TIMEOUT_MS = '5000';
});

afterAll(() => {
  process.env = savedEnv;
});

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function start(): Promise<{ fake: FakeGitHub; client: GitHubClient }> {
  const fake = await FakeGitHub.start(options);
  fakes.push(fake);
  process.env.GITHUB_API_URL = fake.url;
  return { fake, client: await createClient('fake-token') };
}

function body(fingerprint: string): string {
  return `**cni-csi-deadlock** (error)\n\n\`\`\`suggestion\nfixed\n\`\`\`\n\n<!-- ${SUGGESTION_MARKER} ${fingerprint} -->`;
}

function suggestion(path: string, line: number, fingerprint: string): SuggestionComment {
  return {
    path,
    line,
    side: 'RIGHT',
    body: body(fingerprint),
    fingerprint,
    replacement: 'fixed',
    findingKeys: [`finding-${fingerprint}`],
  };
}

const plan = (...comments: SuggestionComment[]): SuggestionPlan => ({ comments, outsideDiff: 0 });

/** An earlier run's suggestion, by the token's user unless `login` says otherwise. */
function earlier(fake: FakeGitHub, path: string, line: number, fingerprint: string, login?: string) {
  return fake.addReviewComment({ path, line, body: body(fingerprint), ...(login ? { login } : {}) });
}

const ids = (comments: readonly { id: number }[]) => comments.map((comment) => comment.id).sort();
const writes = (fake: FakeGitHub) =>
  fake.requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql');

describe('outdated suggestions of earlier runs', () => {
  it('deletes its own that this run no longer makes, and keeps replies, people, other scopes and current ones', async () => {
    const { fake, client } = await start();
    const fixed = earlier(fake, 'platform/istio/cni.yaml', 19, '1111111111111111');
    const current = earlier(fake, 'platform/istio/cni.yaml', 5, '2222222222222222');
    const discussed = earlier(fake, 'platform/dynatrace/operator.yaml', 3, '3333333333333333');
    const reply = fake.addReviewComment({
      path: 'platform/dynatrace/operator.yaml',
      line: 3,
      body: `Why? Quoting: <!-- ${SUGGESTION_MARKER} 3333333333333333 -->`,
      login: 'octocat',
      in_reply_to_id: discussed.id,
    });
    const copied = earlier(fake, 'platform/istio/cni.yaml', 7, '4444444444444444', 'octocat');
    const person = fake.addReviewComment({
      path: 'platform/istio/cni.yaml',
      line: 8,
      body: 'nit',
      login: 'octocat',
    });
    const otherScope = earlier(fake, 'apps/web/deploy.yaml', 2, '5555555555555555');
    const moved = earlier(fake, 'platform/istio/cni.yaml', 12, '6666666666666666');

    const result = await postSuggestions(
      client,
      pr,
      plan(
        suggestion('platform/istio/cni.yaml', 5, '2222222222222222'),
        suggestion('platform/istio/cni.yaml', 14, '6666666666666666'),
      ),
      readsPlatform,
    );

    expect(fake.violations).toEqual([]);
    // The fix that moved to line 14 is posted there; its copy on line 12 goes with the fixed one.
    expect(fake.reviews).toHaveLength(1);
    expect(fake.reviews[0].comments.map((c) => `${c.path}:${c.line}`)).toEqual([
      'platform/istio/cni.yaml:14',
    ]);
    expect(
      ids(
        fake
          .calls('pulls/delete-review-comment')
          .map((call) => ({ id: Number(call.path.split('/').at(-1)) })),
      ),
    ).toEqual(ids([fixed, moved]));
    expect(ids(fake.reviewComments)).toEqual(
      ids([current, discussed, reply, copied, person, otherScope, fake.reviews[0].comments[0]]),
    );
    expect(result.outdated).toEqual({ removed: 2, alreadyGone: 0, keptForReplies: 1 });
    expect(result.repeated).toBe(1);
    // The review's author is the token's user: no need to ask who that is.
    expect(fake.calls('graphql')).toHaveLength(0);
  });

  it('asks once who the token is when it posts no review, and removes all when nothing is suggested any more', async () => {
    const { fake, client } = await start();
    const own = [
      earlier(fake, 'platform/istio/cni.yaml', 19, '1111111111111111'),
      earlier(fake, 'platform/istio/cni.yaml', 21, '7777777777777777'),
      earlier(fake, 'platform/dynatrace/operator.yaml', 4, '8888888888888888'),
    ];
    const result = await postSuggestions(client, pr, plan(), readsPlatform);

    expect(fake.violations).toEqual([]);
    expect(fake.reviewComments).toEqual([]);
    expect(result.outdated).toEqual({ removed: 3, alreadyGone: 0, keptForReplies: 0 });
    // One listing, one question, one delete per outdated suggestion: nothing else.
    expect(fake.requests.map((r) => r.operationId)).toEqual([
      'pulls/list-review-comments',
      'graphql',
      ...own.map(() => 'pulls/delete-review-comment'),
    ]);
  });

  it('goes by the marker alone when the listing names no author (user: null), and asks nothing', async () => {
    const { fake, client } = await start();
    fake.addReviewComment({
      path: 'platform/istio/cni.yaml',
      line: 19,
      body: body('1111111111111111'),
      login: null,
    });
    const result = await postSuggestions(client, pr, plan(), readsPlatform);

    expect(fake.violations).toEqual([]);
    expect(result.outdated.removed).toBe(1);
    expect(fake.calls('graphql')).toHaveLength(0);
  });

  it('keeps everything when the token cannot delete (403, a fork): one try, reported, not thrown', async () => {
    const { fake, client } = await start();
    earlier(fake, 'platform/istio/cni.yaml', 19, '1111111111111111');
    earlier(fake, 'platform/istio/cni.yaml', 21, '7777777777777777');
    fake.faults.push({
      operationId: 'pulls/delete-review-comment',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      },
    });
    const result = await postSuggestions(client, pr, plan(), readsPlatform);

    expect(fake.violations).toEqual([]);
    expect(fake.reviewComments).toHaveLength(2);
    expect(writes(fake)).toHaveLength(1);
    expect(result.outdated.removed).toBe(0);
    expect((result.outdated.error as { status?: number }).status).toBe(403);
  });

  it('counts a suggestion already deleted (404) as gone and goes on with the rest', async () => {
    const { fake, client } = await start();
    earlier(fake, 'platform/istio/cni.yaml', 19, '1111111111111111');
    earlier(fake, 'platform/istio/cni.yaml', 21, '7777777777777777');
    fake.faults.push({ operationId: 'pulls/delete-review-comment', status: 404, times: 1 });
    const result = await postSuggestions(client, pr, plan(), readsPlatform);

    expect(result.outdated).toEqual({ removed: 1, alreadyGone: 1, keptForReplies: 0 });
    expect(result.outdated.error).toBeUndefined();
    expect(fake.reviewComments).toHaveLength(1);
  });

  it('reads every page of a listing past 100 comments: no repeat, and outdated ones on the last page go', async () => {
    const { fake, client } = await start();
    for (let i = 0; i < 230; i += 1)
      fake.addReviewComment({
        path: 'platform/istio/cni.yaml',
        line: 1 + (i % 30),
        body: `note ${i}`,
        login: 'octocat',
      });
    earlier(fake, 'platform/istio/cni.yaml', 5, '2222222222222222');
    const gone = earlier(fake, 'platform/istio/cni.yaml', 19, '1111111111111111');
    const result = await postSuggestions(
      client,
      pr,
      plan(suggestion('platform/istio/cni.yaml', 5, '2222222222222222')),
      readsPlatform,
    );

    expect(fake.violations).toEqual([]);
    const pages = fake.calls('pulls/list-review-comments').map((call) => Number(call.query.get('page') ?? 1));
    expect(pages).toEqual([1, 2, 3]);
    expect(fake.calls('pulls/create-review')).toHaveLength(0);
    expect(result.repeated).toBe(1);
    expect(fake.reviewComments.map((c) => c.id)).not.toContain(gone.id);
    expect(fake.reviewComments).toHaveLength(231);
  });

  it('never deletes when the review is refused: the earlier suggestions stay with the fixes they hold', async () => {
    const { fake, client } = await start();
    earlier(fake, 'platform/istio/cni.yaml', 19, '1111111111111111');
    // Line 40 is not in the diff: GitHub rejects the whole review.
    await expect(
      postSuggestions(
        client,
        pr,
        plan(suggestion('platform/istio/cni.yaml', 40, '9999999999999999')),
        readsPlatform,
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.calls('pulls/delete-review-comment')).toHaveLength(0);
    expect(fake.reviewComments).toHaveLength(1);
    fake.violations.length = 0;
  });
});

describe('the review body', () => {
  it('says where the fixes outside the diff are listed: the PR comment, or the job summary without one', async () => {
    const outside: SuggestionPlan = {
      comments: [suggestion('platform/istio/cni.yaml', 5, '2222222222222222')],
      outsideDiff: 2,
    };
    const { fake, client } = await start();
    await postSuggestions(client, pr, outside, readsPlatform);
    expect(fake.reviews[0].body).toContain(
      '2 fix(es) touch lines outside the diff; they are listed in the PR comment.',
    );

    const { fake: other, client: otherClient } = await start();
    await postSuggestions(otherClient, pr, outside, readsPlatform, 'the job summary');
    expect(other.reviews[0].body).toContain('they are listed in the job summary.');
    expect(other.reviews[0].body).not.toContain('PR comment');
  });
});
