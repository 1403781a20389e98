/**
 * The action's run (src/action/main.ts) in process against the fake GitHub: on each event a workflow may run it on,
 * and on a pull request's timeline: pushes that follow each other quickly (a run for an older head that finishes
 * last), and a later push that drops every manifest change.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from './fake-github.js';
import {
  dynakubeWorkspace,
  fakeOptions,
  pullRequestEvent,
  readmeOnlyWorkspace,
  tempDir,
  type Workspace,
} from './harness.js';
import { runActionInProcess } from './run-in-process.js';

const MARKER = '<!-- dynakube-istio-guard -->';
const SUGGESTION = (fingerprint: string) =>
  `\`\`\`suggestion\nold fix\n\`\`\`\n\n<!-- dynakube-istio-guard:suggestion ${fingerprint} -->`;
const env = { DKIG_RETRY_UNIT_MS: '10', DKIG_REQUEST_TIMEOUT_MS: '5000' };
const fakes: FakeGitHub[] = [];
/** The workspaces are only read by the runs: made once. */
let checked: Workspace;
let moved: Workspace;
let readmeOnly: Workspace;

beforeAll(async () => {
  [checked, moved, readmeOnly] = await Promise.all([
    dynakubeWorkspace(),
    // The secure-mesh example with a README added by a later push: the PR's head moved on.
    dynakubeWorkspace(async (head) => fs.writeFile(path.join(head, 'README.md'), '# prod\n')),
    readmeOnlyWorkspace(),
  ]);
}, 60_000);

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function fakeFor(workspace: Workspace): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start(fakeOptions(workspace));
  fakes.push(fake);
  return fake;
}

/** The event of a push to the PR, dated as GitHub dates `pull_request.updated_at`. */
function pushEvent(workspace: Workspace, updatedAt: string) {
  const event = pullRequestEvent(workspace);
  (event.payload as { pull_request: Record<string, unknown> }).pull_request.updated_at = updatedAt;
  return event;
}

/** The sticky comment as the run for `workspace`'s head, at `updatedAt`, wrote it. */
function stickyOf(workspace: Workspace, updatedAt: string, text: string): string {
  return `${MARKER}\n<!-- dynakube-istio-guard:head ${workspace.headSha} ${updatedAt} -->\n${text}`;
}

const writes = (fake: FakeGitHub) =>
  fake.requests.filter((request) => request.method !== 'GET' && request.operationId !== 'graphql');
const marked = (fake: FakeGitHub) => fake.comments.filter((comment) => comment.body.includes(MARKER));

interface EventRow {
  name: string;
  event: () => { name: string; payload: unknown };
  /** What the log says the run compared with. */
  compared: string;
  posts: boolean;
}

function pullRequest(name: string, action: string) {
  const { payload } = pullRequestEvent(checked);
  return { name, payload: { ...(payload as object), action } };
}

const ROWS: EventRow[] = [
  {
    name: 'pull_request',
    event: () => pullRequest('pull_request', 'synchronize'),
    compared: 'Pull request #42: 1 changed file(s), from git',
    posts: true,
  },
  {
    name: 'merge_group',
    event: () => ({
      name: 'merge_group',
      payload: {
        action: 'checks_requested',
        merge_group: { base_sha: checked.baseSha, head_sha: checked.headSha },
      },
    }),
    compared: "Event 'merge_group': 1 changed file(s), from git",
    posts: false,
  },
  ...['push', 'workflow_dispatch', 'schedule'].map((name) => ({
    name,
    event: () => ({ name, payload: name === 'push' ? { after: checked.headSha } : {} }),
    compared: `Event '${name}': no pull request to compare with, so every finding counts as new`,
    posts: false,
  })),
  {
    name: 'pull_request_target',
    event: () => pullRequest('pull_request_target', 'opened'),
    compared: 'Pull request #42: 1 changed file(s), from git',
    posts: true,
  },
];

describe('the action on each event', () => {
  it.each(ROWS)('$name', async (row) => {
    const fake = await fakeFor(checked);
    // An update, not a create: the Octokit throttling this process shares spaces comment creates 3 s apart.
    const earlier = fake.addComment(`${MARKER}\nan earlier push`);
    const out = await tempDir('events');
    const result = await runActionInProcess({
      workspace: checked.dir,
      fake,
      event: row.event(),
      inputs: { suggestions: 'false', 'output-dir': out },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(row.compared);
    // The DynaKube this head adds is a new error under every event: the step fails, and says so in its outputs.
    expect(result.code).toBe(1);
    expect(result.outputs).toEqual({
      conclusion: 'failure',
      errors: '1',
      warnings: '0',
      'new-findings': '1',
      report: path.join(out, 'report.json'),
      'generated-manifests': path.join(out, 'generated'),
      ...(row.posts ? { 'comment-id': String(earlier.id) } : {}),
    });
    if (row.posts) expect(fake.comments[0].body).toContain('enable-istio-required');
    else expect(fake.requests).toEqual([]);
  });
});

describe('a run for a head the PR has moved past', () => {
  it('writes nothing to the PR, says so in the log and summary, and still sets outputs and the exit status', async () => {
    const fake = await fakeFor(moved);
    const newer = stickyOf(moved, '2026-11-27T06:00:10Z', 'the report for the newer head');
    fake.addComment(newer);
    fake.addReviewComment({
      path: 'clusters/prod/dynatrace/dynakube.yaml',
      line: 3,
      body: SUGGESTION('0123456789abcdef'),
    });

    const result = await runActionInProcess({
      workspace: checked.dir,
      fake,
      event: pushEvent(checked, '2026-11-27T06:00:00Z'),
      inputs: { comment: 'on-findings' },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(writes(fake)).toEqual([]);
    expect(marked(fake).map((comment) => comment.body)).toEqual([newer]);
    expect(fake.reviewComments).toHaveLength(1);
    const said = `head moved to ${moved.headSha.slice(0, 12)} while this run checked ${checked.headSha.slice(0, 12)}`;
    expect(result.stdout).toContain(said);
    expect(result.summary).toContain(said);
    // The result is still this run's: the new error fails the check.
    expect(result.summary).toContain('enable-istio-required');
    expect(result.code).toBe(1);
    expect(result.outputs.conclusion).toBe('failure');
    expect(Number(result.outputs.errors)).toBeGreaterThan(0);
    expect(Number(result.outputs['new-findings'])).toBeGreaterThan(0);
    expect(result.outputs['comment-id']).toBeUndefined();
    // One question about the PR's head, whatever the number of files.
    expect(fake.calls('pulls/get')).toHaveLength(1);
  });

  it('does not remove the comment of the newer head when its own PR changed no manifests (on-findings)', async () => {
    const fake = await fakeFor(moved);
    const newer = stickyOf(moved, '2026-11-27T06:00:10Z', 'the report for the newer head');
    fake.addComment(newer);

    // The run checked a head that only added a README; the later push changed manifests again.
    const result = await runActionInProcess({
      workspace: readmeOnly.dir,
      fake,
      event: pushEvent(readmeOnly, '2026-11-27T06:00:00Z'),
      inputs: { comment: 'on-findings' },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(writes(fake)).toEqual([]);
    expect(marked(fake).map((comment) => comment.body)).toEqual([newer]);
    expect(result.stdout).toContain('changes no Kubernetes manifests');
    expect(result.summary).toContain(`head moved to ${moved.headSha.slice(0, 12)}`);
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ conclusion: 'success', errors: '0', 'new-findings': '0' });
  });
});

describe('the stamp of the sticky comment', () => {
  it('keeps a comment written for a later push even when the head had not moved yet when asked', async () => {
    // GitHub still answers the run's own head: the push came after the question, and its run posted first.
    const fake = await fakeFor(checked);
    const newer = stickyOf(moved, '2026-11-27T06:00:10Z', 'the report for the newer head');
    const comment = fake.addComment(newer);

    const result = await runActionInProcess({
      workspace: checked.dir,
      fake,
      event: pushEvent(checked, '2026-11-27T06:00:00Z'),
      inputs: { suggestions: 'false' },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(writes(fake)).toEqual([]);
    expect(marked(fake).map((c) => c.body)).toEqual([newer]);
    expect(result.stdout).toContain(
      `The PR comment (id ${comment.id}) was written by the run for a later push`,
    );
    expect(result.summary).toContain('was written by the run for a later push');
    expect(result.outputs.conclusion).toBe('failure');
    expect(result.outputs['comment-id']).toBeUndefined();
  });

  it('overwrites a comment of an earlier push, and stamps its own with its head and date', async () => {
    const earlier = moved;
    const fake = await fakeFor(checked);
    const comment = fake.addComment(
      stickyOf(earlier, '2026-11-27T05:59:00Z', 'the report for an earlier head'),
    );

    const result = await runActionInProcess({
      workspace: checked.dir,
      fake,
      event: pushEvent(checked, '2026-11-27T06:00:00Z'),
      inputs: { suggestions: 'false' },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(fake.calls('issues/update-comment')).toHaveLength(1);
    const [body] = marked(fake).map((c) => c.body);
    expect(body).toContain(`<!-- dynakube-istio-guard:head ${checked.headSha} 2026-11-27T06:00:00Z -->`);
    expect(body).toContain('enable-istio-required');
    expect(result.outputs['comment-id']).toBe(String(comment.id));
  });

  it('withdraws the comment it created when a run for a later push created one at the same time', async () => {
    const fake = await fakeFor(checked);
    const newer = stickyOf(moved, '2026-11-27T06:00:10Z', 'the report for the newer head');
    fake.hooks['issues/create-comment'] = (server) => {
      if (server.comments.length === 0) server.addComment(newer);
    };

    const result = await runActionInProcess({
      workspace: checked.dir,
      fake,
      event: pushEvent(checked, '2026-11-27T06:00:00Z'),
      inputs: { suggestions: 'false' },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(marked(fake).map((c) => c.body)).toEqual([newer]);
    expect(result.stdout).toContain('was written by the run for a later push');
  });
});

describe('a later push that drops every manifest change', () => {
  it('removes the suggestions earlier runs made, as it removes those of fixed findings', async () => {
    const fake = await fakeFor(readmeOnly);
    const own = fake.addReviewComment({ path: 'platform/istio/cni.yaml', line: 5, body: SUGGESTION('a1') });
    const discussed = fake.addReviewComment({
      path: 'platform/dynatrace/operator.yaml',
      line: 2,
      body: SUGGESTION('b2'),
    });
    fake.addReviewComment({
      path: 'platform/dynatrace/operator.yaml',
      line: 2,
      body: 'Why this one?',
      login: 'alice',
      in_reply_to_id: discussed.id,
    });
    const person = fake.addReviewComment({
      path: 'platform/istio/cni.yaml',
      line: 7,
      body: SUGGESTION('c3'),
      login: 'alice',
    });

    const result = await runActionInProcess({
      workspace: readmeOnly.dir,
      fake,
      event: pullRequestEvent(readmeOnly),
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(result.stdout).toContain('changes no Kubernetes manifests');
    expect(fake.calls('pulls/delete-review-comment').map((call) => call.path)).toEqual([
      `/repos/acme/platform/pulls/comments/${own.id}`,
    ]);
    expect(fake.reviewComments.map((comment) => comment.id)).not.toContain(own.id);
    expect(fake.reviewComments.map((comment) => comment.id)).toEqual(
      expect.arrayContaining([discussed.id, person.id]),
    );
    expect(result.stdout).toMatch(/Suggestions: 1 outdated removed, 1 outdated kept for their replies/);
    expect(fake.calls('pulls/create-review')).toHaveLength(0);
    expect(result.code).toBe(0);
  });

  it('leaves suggestions alone with suggestions: false', async () => {
    const fake = await fakeFor(readmeOnly);
    fake.addReviewComment({ path: 'platform/istio/cni.yaml', line: 5, body: SUGGESTION('a1') });

    await runActionInProcess({
      workspace: readmeOnly.dir,
      fake,
      event: pullRequestEvent(readmeOnly),
      inputs: { suggestions: 'false' },
      env,
    });

    expect(fake.calls('pulls/list-review-comments')).toHaveLength(0);
    expect(fake.reviewComments).toHaveLength(1);
  });
});
