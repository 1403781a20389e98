import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub, type FakeGitHubOptions, type Fault, type PullFile } from '../action/fake-github.js';
import {
  fakeOptions,
  makeWorkspace,
  placeholderTenantWorkspace,
  pullRequestEvent,
  runAction,
  shallowClone,
  tempDir,
  type RunResult,
  type Workspace,
} from '../action/harness.js';
import { startApi } from '../generate/helpers.js';
import { bundle } from '../helpers/bundle.js';

/**
 * The GitHub API fault matrix: the bundled action runs as a process against the fake GitHub with one fault
 * injected per row. Each row asserts what the action did about the fault (retried it, fell back to the next
 * channel, or gave up with one clear line) and that the check's result is the one the findings decide, exactly as
 * in a run without faults. Backoff waits are shortened to 10 ms units (`DKIG_RETRY_UNIT_MS`), so retries are
 * counted, not timed.
 */

const MARKER = '<!-- dynakube-istio-guard -->';
const RETRY_UNIT_MS = 10;
// Long enough that a loaded machine does not time out the fake server in a run without faults; each hanging row
// waits it out once per try.
const TIMEOUT_MS = 1_500;
const TIMEOUT_S = TIMEOUT_MS / 1000;
const env = { DKIG_RETRY_UNIT_MS: String(RETRY_UNIT_MS), DKIG_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) };

let action: string;
let workspace: Workspace;
let reference: RunResult;
const fakes: FakeGitHub[] = [];

async function fakeFor(extra: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start(fakeOptions(workspace, extra));
  fakes.push(fake);
  return fake;
}

function run(fake: FakeGitHub, inputs: Record<string, string> = {}, dir = workspace.dir) {
  return runAction({
    bundle: action,
    workspace: dir,
    fake,
    event: pullRequestEvent(workspace),
    inputs,
    env,
  });
}

/** The CNI example with a change at the top of operator.yaml, so one fix is a suggestion and one is not. */
async function cniWorkspace(): Promise<Workspace> {
  return makeWorkspace('cni-without-annotation', async (head) => {
    const file = path.join(head, 'platform/dynatrace/operator.yaml');
    await fs.writeFile(
      file,
      `# Operator install, reviewed by the platform team.\n${await fs.readFile(file, 'utf8')}`,
    );
  });
}

beforeAll(async () => {
  action = bundle('action');
  workspace = await cniWorkspace();
  const fake = await fakeFor();
  reference = await run(fake);
}, 240_000);

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

const statuses = (fake: FakeGitHub, operationId: string) =>
  fake.calls(operationId).map((call) => call.status);
const marked = (fake: FakeGitHub) => fake.comments.filter((comment) => comment.body.includes(MARKER));
const warnings = (result: RunResult) =>
  result.stdout.split('\n').filter((line) => line.startsWith('::warning'));
const rateLimited = (
  status: number,
  message: string,
  headers: Record<string, string>,
): Omit<Fault, 'times'> => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
  headers,
});
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
const ABUSE =
  'You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.';

interface FaultRow {
  name: string;
  faults: Fault[];
  inputs?: Record<string, string>;
  token?: string;
  fake?: Partial<FakeGitHubOptions>;
  /** The outcome of this fault: what was retried, what was posted instead, what was said. */
  outcome(fake: FakeGitHub, result: RunResult): void;
}

const noSuggestions = { suggestions: 'false' };
/** A suggestion an earlier push got, whose finding this head no longer has. */
const outdatedSuggestion = {
  path: 'platform/istio/cni.yaml',
  line: 5,
  body: '```suggestion\nold fix\n```\n\n<!-- dynakube-istio-guard:suggestion 0123456789abcdef -->',
};

const rows: FaultRow[] = [
  {
    name: '401 bad credentials: one request, one line, nothing more is sent',
    faults: [],
    token: 'not-the-token',
    outcome(fake, result) {
      expect(fake.requests.map((request) => request.status)).toEqual([401]);
      expect(warnings(result)).toEqual([
        expect.stringMatching(/HTTP 401: Bad credentials.*nothing more is sent/),
      ]);
    },
  },
  {
    name: '404 on the pull request: not retried, treated as no access, posting stops',
    faults: [
      { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } },
    ],
    outcome(fake, result) {
      expect(fake.requests.map((request) => request.status)).toEqual([404]);
      expect(warnings(result)).toEqual([
        expect.stringMatching(/cannot write to this pull request \(HTTP 404/),
      ]);
    },
  },
  {
    name: '422 on the review (a line outside the diff): not retried, the fixes go to the comment',
    faults: [
      {
        operationId: 'pulls/create-review',
        status: 422,
        body: {
          message: 'Unprocessable Entity',
          errors: ['Pull request review thread line must be part of the diff'],
          documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request',
          status: '422',
        },
      },
    ],
    outcome(fake, result) {
      expect(statuses(fake, 'pulls/create-review')).toEqual([422]);
      expect(fake.reviews).toHaveLength(0);
      expect(warnings(result)).toEqual([
        expect.stringMatching(/could not post the review with suggestions: HTTP 422: Unprocessable Entity/),
      ]);
      // The suggestion that could not be posted is in the comment as a patch instead.
      expect(marked(fake)).toHaveLength(1);
      expect(marked(fake)[0].body).toContain('oneagent.dynatrace.com/inject: "false"');
    },
  },
  {
    name: '429 secondary rate limit with Retry-After: waited out, then posted',
    faults: [
      {
        operationId: 'issues/create-comment',
        times: 1,
        ...rateLimited(429, SECONDARY, { 'retry-after': '2' }),
      },
    ],
    inputs: noSuggestions,
    outcome(fake, result) {
      expect(statuses(fake, 'issues/create-comment')).toEqual([429, 201]);
      expect(result.stdout).toMatch(/secondary rate limit on POST .*retrying in 2s/);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: '403 secondary rate limit with Retry-After: waited out, not taken for a refused write',
    faults: [
      {
        operationId: 'pulls/create-review',
        times: 1,
        ...rateLimited(403, SECONDARY, { 'retry-after': '1' }),
      },
    ],
    outcome(fake, result) {
      expect(statuses(fake, 'pulls/create-review')).toEqual([403, 200]);
      expect(fake.reviews).toHaveLength(1);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: '403 secondary rate limit without Retry-After: waited the documented minute (in test units), then posted',
    faults: [{ operationId: 'pulls/create-review', times: 1, ...rateLimited(403, SECONDARY, {}) }],
    outcome(fake, result) {
      expect(statuses(fake, 'pulls/create-review')).toEqual([403, 200]);
      expect(result.stdout).toMatch(/secondary rate limit on POST .*retrying in 60s/);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: "403 abuse detection (GitHub's older wording of the secondary limit): not taken for a refused write",
    faults: [{ operationId: 'pulls/create-review', ...rateLimited(403, ABUSE, { 'retry-after': '1' }) }],
    outcome(fake, result) {
      expect(fake.reviews).toHaveLength(0);
      expect(warnings(result)).toEqual([
        expect.stringMatching(
          /could not post the review with suggestions: HTTP 403: You have triggered an abuse/,
        ),
      ]);
      // The next channel is still tried: the comment carries the fixes.
      expect(marked(fake)).toHaveLength(1);
      expect(marked(fake)[0].body).toContain('oneagent.dynatrace.com/inject: "false"');
    },
  },
  {
    name: '403 primary rate limit (x-ratelimit-remaining: 0): waited until the reset, then posted',
    faults: [
      {
        operationId: 'issues/list-comments',
        times: 1,
        ...rateLimited(403, 'API rate limit exceeded for installation ID 1.', {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
        }),
      },
    ],
    inputs: noSuggestions,
    outcome(fake, result) {
      expect(statuses(fake, 'issues/list-comments')).toEqual([403, 200, 200]);
      expect(result.stdout).toMatch(/GitHub rate limit on GET/);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: 'secondary rate limit that does not lift: tried 3 times, then one warning (not a permission error)',
    // An update, not a create: the throttling plugin spaces writes that notify 3 s apart, a needless wait here.
    faults: [
      { operationId: 'issues/update-comment', ...rateLimited(403, SECONDARY, { 'retry-after': '1' }) },
    ],
    fake: { comments: [{ body: `${MARKER}\nearlier run`, login: 'github-actions[bot]' }] },
    inputs: noSuggestions,
    outcome(fake, result) {
      expect(statuses(fake, 'issues/update-comment')).toEqual([403, 403, 403]);
      expect(marked(fake)[0].body).toBe(`${MARKER}\nearlier run`);
      expect(warnings(result)).toEqual([
        expect.stringMatching(
          /could not post the PR comment: HTTP 403: You have exceeded a secondary rate limit/,
        ),
      ]);
    },
  },
  {
    name: '403 on deleting an outdated suggestion (a token that may not): kept, one log line, the run goes on',
    faults: [{ operationId: 'pulls/delete-review-comment', status: 403 }],
    fake: { reviewComments: [outdatedSuggestion] },
    outcome(fake, result) {
      expect(statuses(fake, 'pulls/delete-review-comment')).toEqual([403]);
      expect(fake.reviewComments.map((comment) => comment.body)).toContain(outdatedSuggestion.body);
      expect(result.stdout).toMatch(
        /outdated suggestions of earlier runs could not all be removed \(HTTP 403/i,
      );
      expect(warnings(result)).toEqual([]);
      expect(fake.reviews).toHaveLength(1);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: '404 on deleting an outdated suggestion (someone deleted it first): taken as gone',
    faults: [{ operationId: 'pulls/delete-review-comment', status: 404 }],
    fake: { reviewComments: [outdatedSuggestion] },
    outcome(fake, result) {
      expect(statuses(fake, 'pulls/delete-review-comment')).toEqual([404]);
      expect(result.stdout).toMatch(/0 outdated removed \(1 already gone\)/);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: '500 on the review: retried, then posted',
    faults: [{ operationId: 'pulls/create-review', status: 500, times: 1 }],
    outcome(fake, result) {
      expect(statuses(fake, 'pulls/create-review')).toEqual([500, 200]);
      expect(fake.reviews).toHaveLength(1);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: '502 twice on the comment: retried, then posted',
    faults: [{ operationId: 'issues/create-comment', status: 502, times: 2 }],
    inputs: noSuggestions,
    outcome(fake, result) {
      expect(statuses(fake, 'issues/create-comment')).toEqual([502, 502, 201]);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: '502 on every comment write: 4 attempts, one warning, the review is still posted',
    faults: [{ operationId: 'issues/create-comment', status: 502 }],
    outcome(fake, result) {
      expect(statuses(fake, 'issues/create-comment')).toEqual([502, 502, 502, 502]);
      expect(fake.reviews).toHaveLength(1);
      expect(warnings(result)).toEqual([expect.stringMatching(/could not post the PR comment: HTTP 502/)]);
    },
  },
  {
    name: '500 on every request: each channel tried 4 times, one warning each, nothing posted',
    faults: [{ status: 500 }],
    outcome(fake, result) {
      // The PR's head could not be read: a line in the log, and the run posts as it would have.
      expect(statuses(fake, 'pulls/get')).toEqual([500, 500, 500, 500]);
      expect(result.stdout).toContain("The pull request's current head could not be read (HTTP 500");
      expect(statuses(fake, 'pulls/list-files')).toEqual([500, 500, 500, 500]);
      expect(statuses(fake, 'issues/list-comments')).toEqual([500, 500, 500, 500]);
      expect(fake.requests).toHaveLength(12);
      expect(warnings(result)).toEqual([
        expect.stringMatching(/could not post the review with suggestions: HTTP 500/),
        expect.stringMatching(/could not post the PR comment: HTTP 500/),
      ]);
    },
  },
  {
    name: 'connection dropped without an answer: retried, then posted',
    faults: [{ operationId: 'issues/list-comments', status: 0, behavior: 'close', times: 1 }],
    inputs: noSuggestions,
    outcome(fake, result) {
      expect(fake.calls('issues/list-comments').length).toBe(3);
      expect(warnings(result)).toEqual([]);
      expect(marked(fake)).toHaveLength(1);
    },
  },
  {
    name: 'no answer on a read: given up after the request timeout, not retried, nothing more is sent',
    faults: [{ operationId: 'pulls/list-files', status: 0, behavior: 'hang' }],
    outcome(fake, result) {
      expect(fake.requests.map((request) => request.operationId)).toEqual(['pulls/get', 'pulls/list-files']);
      expect(warnings(result)).toEqual([
        expect.stringContaining(
          `could not post the review with suggestions (no answer from GitHub within ${TIMEOUT_S} s to GET /repos/acme/platform/pulls/42/files); nothing more is sent`,
        ),
      ]);
    },
  },
  {
    name: 'no answer on a write: given up after the request timeout, not retried (it may have landed)',
    faults: [{ operationId: 'issues/create-comment', status: 0, behavior: 'hang' }],
    outcome(fake, result) {
      expect(fake.reviews).toHaveLength(1);
      expect(fake.calls('issues/create-comment')).toHaveLength(1);
      expect(warnings(result)).toEqual([
        expect.stringMatching(
          new RegExp(
            `could not post the PR comment \\(no answer from GitHub within ${TIMEOUT_S} s to POST /repos/\\S+/comments\\); nothing more is sent`,
          ),
        ),
      ]);
    },
  },
];

/** What every row must keep: the result, the local channels, and a clean log. */
function expectResultKept(result: RunResult): void {
  expect(result.code).toBe(reference.code);
  for (const output of ['conclusion', 'errors', 'warnings', 'new-findings'])
    expect(result.outputs[output]).toBe(reference.outputs[output]);
  expect(result.summary).toContain('cni-csi-deadlock');
  expect(result.stdout).toContain('::error title=cni-csi-deadlock,file=platform/istio/cni.yaml');
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toMatch(/^\s+at |node:internal|RequestError|HttpError/m);
  // Workflow commands escape line breaks; a warning with %0A would be a multi-line message.
  for (const line of warnings(result)) expect(line).not.toMatch(/%0A|%0D/);
}

describe('GitHub API faults through the bundled action', () => {
  it('the reference run without faults fails the check on its new errors and posts review and comment', () => {
    expect(reference.code).toBe(1);
    expect(reference.outputs.conclusion).toBe('failure');
    expect(Number(reference.outputs['new-findings'])).toBeGreaterThanOrEqual(1);
    expect(warnings(reference)).toEqual([]);
  });

  it.each(rows)('$name', async (row) => {
    const fake = await fakeFor(row.fake);
    fake.faults.push(...row.faults.map((fault) => ({ ...fault })));
    const started = Date.now();
    const result = await run(fake, { ...row.inputs, ...(row.token ? { 'github-token': row.token } : {}) });
    const elapsed = Date.now() - started;
    expect(fake.violations).toEqual([]);
    row.outcome(fake, result);
    expectResultKept(result);
    // Bounded: no row waits more than a few timeouts or backoff units.
    expect(elapsed).toBeLessThan(15_000);
  });

  it('pages through 3,000 changed files (30 requests) and still finds what file #2,999 changes', async () => {
    const filler: PullFile[] = Array.from({ length: 3_000 - workspace.files.length }, (_, i) => ({
      filename: `docs/notes/note-${String(i).padStart(4, '0')}.md`,
      status: 'added',
      patch: '@@ -0,0 +1 @@\n+note',
      additions: 1,
    }));
    // The CNI install (the fix the review suggests) is file #2,999 of 3,000.
    const cni = workspace.files.find((file) => file.filename === 'platform/istio/cni.yaml')!;
    const others = workspace.files.filter((file) => file !== cni);
    const files = [...filler, ...others.slice(0, -1), cni, ...others.slice(-1)];
    expect(files).toHaveLength(3_000);
    expect(files.indexOf(cni)).toBe(2_998);

    // The clone has no base commit, so the changes come from the API: the list decides what is new.
    const shallow = await shallowClone(workspace);
    const out = await tempDir('faults-3000');
    const inputs = { 'output-dir': out };
    const small = await fakeFor();
    await run(small, inputs, shallow);
    const large = await fakeFor({ files });
    const result = await run(large, inputs, shallow);

    expect(large.violations).toEqual([]);
    const pages = large.calls('pulls/list-files').map((call) => Number(call.query.get('page') ?? 1));
    expect(pages).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(large.calls('pulls/list-files').every((call) => call.query.get('per_page') === '100')).toBe(true);
    // The same requests as with the 3 files of the example, plus 29 more pages of the list.
    expect(small.calls('pulls/list-files')).toHaveLength(1);
    expect(large.requests.length - small.requests.length).toBe(29);

    const report = JSON.parse(await fs.readFile(path.join(out, 'report.json'), 'utf8'));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'cni-csi-deadlock', file: 'platform/istio/cni.yaml', status: 'new' }),
    );
    expect(large.reviewComments.map((comment) => comment.path)).toContain('platform/istio/cni.yaml');
    expect(result.code).toBe(reference.code);
    expect(result.outputs.conclusion).toBe(reference.outputs.conclusion);
    expect(result.outputs['new-findings']).toBe(reference.outputs['new-findings']);
  });
});

describe('a pull request larger than GitHub lists', () => {
  it('does not take a listing cut at 3,000 files for all changes: no pass on what lies past the cut', async () => {
    const filler: PullFile[] = Array.from({ length: 3_000 }, (_, i) => ({
      filename: `docs/notes/note-${String(i).padStart(4, '0')}.md`,
      status: 'added',
      patch: '@@ -0,0 +1 @@\n+note',
      additions: 1,
    }));
    // Every manifest the PR changes lies past the 3,000 files GitHub lists.
    const files = [...filler, ...workspace.files];
    const shallow = await shallowClone(workspace);
    const out = await tempDir('faults-3000-cut');
    const fake = await fakeFor({ files });
    const event = pullRequestEvent(workspace);
    const payload = event.payload as { pull_request: Record<string, unknown> };
    payload.pull_request.changed_files = files.length;
    const result = await runAction({
      bundle: action,
      workspace: shallow,
      fake,
      event,
      inputs: { 'output-dir': out },
      env,
    });

    expect(fake.violations).toEqual([]);
    expect(fake.calls('pulls/list-files')).toHaveLength(30);
    expect(result.stdout).not.toContain('changes no Kubernetes manifests');
    expect(warnings(result)).toContainEqual(
      expect.stringMatching(
        /GitHub lists only 3,000 of the 3,00\d files this pull request changes.*fetch-depth: 2/,
      ),
    );
    // Without the PR's changes there is no base: every finding counts, and the new error fails the check.
    const report = JSON.parse(await fs.readFile(path.join(out, 'report.json'), 'utf8'));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'cni-csi-deadlock', file: 'platform/istio/cni.yaml', status: 'new' }),
    );
    expect(result.code).toBe(1);
    expect(result.outputs.conclusion).toBe('failure');
    expect(result.stderr).toBe('');
  });
});

describe('Dynatrace API faults through the bundled action', () => {
  let meshWorkspace: Workspace;

  beforeAll(async () => {
    meshWorkspace = await placeholderTenantWorkspace();
  }, 240_000);

  it('a Dynatrace API that never answers costs one timeout, a note, and nothing else', async () => {
    const hanging = await startApi(() => {});
    try {
      const runWith = async (inputs: Record<string, string>) => {
        const fake = await FakeGitHub.start(fakeOptions(meshWorkspace));
        fakes.push(fake);
        const out = await tempDir('faults-dynatrace');
        const result = await runAction({
          bundle: action,
          workspace: meshWorkspace.dir,
          fake,
          event: pullRequestEvent(meshWorkspace),
          inputs: { ...inputs, 'output-dir': out },
          env,
        });
        const report = JSON.parse(await fs.readFile(path.join(out, 'report.json'), 'utf8'));
        return { result, notes: JSON.stringify(report.notEvaluable) };
      };
      const without = await runWith({});
      const started = Date.now();
      const { result, notes } = await runWith({
        'dynatrace-api-url': hanging.url,
        'dynatrace-api-token': 'dt0c01.FAKE',
      });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(hanging.requests.length).toBeGreaterThan(0);
      expect(notes).toMatch(new RegExp(`no answer within ${TIMEOUT_MS} ms`));
      expect(result.code).toBe(without.result.code);
      for (const output of ['conclusion', 'errors', 'warnings', 'new-findings'])
        expect(result.outputs[output]).toBe(without.result.outputs[output]);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toMatch(/^\s+at |node:internal|AbortError|TimeoutError/m);
    } finally {
      await hanging.close();
    }
  });
});
