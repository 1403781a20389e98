import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { BODY_LIMIT, FakeGitHub } from './fake-github.js';
import {
  buildBundle,
  dynakubeWorkspace,
  fakeOptions,
  makeWorkspace,
  pullRequestEvent,
  readmeOnlyWorkspace,
  runAction,
  shallowClone,
  tempDir,
  type Workspace,
} from './harness.js';

const MARKER = '<!-- dynakube-istio-guard -->';
let bundle: string;
const fakes: FakeGitHub[] = [];

beforeAll(async () => {
  bundle = await buildBundle();
}, 240_000);

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function fakeFor(workspace: Workspace, extra = {}): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start(fakeOptions(workspace, extra));
  fakes.push(fake);
  return fake;
}

function marked(fake: FakeGitHub) {
  return fake.comments.filter((comment) => comment.body.includes(MARKER));
}

/** The CNI example, with a change at the top of operator.yaml far from the label a fix would delete. */
async function cniWorkspace(): Promise<Workspace> {
  return makeWorkspace('cni-without-annotation', async (head) => {
    const file = path.join(head, 'platform/dynatrace/operator.yaml');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, `# Operator install, reviewed by the platform team.\n${text}`);
  });
}

describe('the bundled action on a pull request', () => {
  it('creates the sticky comment on the first run and updates it in place on the second', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const first = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(fake.violations).toEqual([]);
    expect(fake.calls('issues/create-comment')).toHaveLength(1);
    expect(marked(fake)).toHaveLength(1);
    const id = marked(fake)[0].id;
    expect(first.outputs['comment-id']).toBe(String(id));
    expect(marked(fake)[0].body).toContain('cni-csi-deadlock');
    // Head is read first; the base built from it reads only the files the PR changed.
    const headFiles = (await fs.readdir(workspace.dir, { recursive: true })).filter((file) =>
      /\.ya?ml$/.test(String(file)),
    ).length;
    const [, read, shared] = /Read (\d+) file\(s\) \((\d+) shared by base and head\)/
      .exec(first.stdout)!
      .map(Number);
    expect(read).toBeLessThanOrEqual(headFiles + workspace.files.length);
    expect(shared).toBeGreaterThanOrEqual(headFiles - workspace.files.length);
    expect(shared).toBeGreaterThan(0);

    const second = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(fake.violations).toEqual([]);
    expect(fake.calls('issues/create-comment')).toHaveLength(1);
    expect(fake.calls('issues/update-comment')).toHaveLength(1);
    expect(marked(fake).map((comment) => comment.id)).toEqual([id]);
    expect(second.outputs['comment-id']).toBe(String(id));
  });

  it('leaves one comment when a concurrent run created another at the same time', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    let raced = false;
    fake.hooks['issues/create-comment'] = (server) => {
      if (raced) return;
      raced = true;
      server.addComment(`${MARKER}\nfrom the other run`);
    };
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(fake.violations).toEqual([]);
    expect(raced).toBe(true);
    const left = marked(fake);
    expect(left).toHaveLength(1);
    // The oldest one is kept and carries this run's report.
    expect(left[0].body).toContain('cni-csi-deadlock');
    expect(result.outputs['comment-id']).toBe(String(left[0].id));
    expect(fake.calls('issues/delete-comment')).toHaveLength(1);
  });

  it('removes duplicates an earlier race left behind and keeps the oldest', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace, {
      comments: [
        { body: 'a human comment', login: 'alice' },
        { body: `${MARKER}\nold`, login: 'github-actions[bot]' },
        { body: `${MARKER}\nalso old`, login: 'github-actions[bot]' },
      ],
    });
    const oldest = marked(fake)[0].id;
    await runAction({ bundle, workspace: workspace.dir, fake, event: pullRequestEvent(workspace) });
    expect(fake.violations).toEqual([]);
    expect(marked(fake).map((comment) => comment.id)).toEqual([oldest]);
    expect(fake.comments.map((comment) => comment.body)).toContain('a human comment');
    expect(fake.calls('issues/create-comment')).toHaveLength(0);
  });

  it('keeps one comment per paths scope, so a matrix over cluster folders does not overwrite itself', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const run = (paths: string) =>
      runAction({
        bundle,
        workspace: workspace.dir,
        fake,
        event: pullRequestEvent(workspace),
        inputs: { paths, suggestions: 'false' },
      });
    await run('platform/istio/**');
    await run('platform/dynatrace/**');
    expect(marked(fake)).toHaveLength(2);
    await run('platform/istio/**');
    expect(fake.violations).toEqual([]);
    expect(marked(fake)).toHaveLength(2);
    expect(fake.calls('issues/create-comment')).toHaveLength(2);
    const [istio, dynatrace] = marked(fake);
    expect(istio.body).toContain('`platform/istio/**`');
    expect(dynatrace.body).toContain('`platform/dynatrace/**`');
  });

  it('posts suggestions only on lines inside the diff hunks, once', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    await runAction({ bundle, workspace: workspace.dir, fake, event: pullRequestEvent(workspace) });
    expect(fake.violations).toEqual([]);
    expect(fake.reviews).toHaveLength(1);
    const [review] = fake.reviews;
    expect(review.event).toBe('COMMENT');
    expect(review.commit_id).toBe(workspace.headSha);
    // The CNI fix is on the new file; the operator label (line 24 now) is outside the hunk at the top of the file.
    const places = review.comments.map((comment) => `${comment.path}:${comment.line}`);
    expect(places).toContain('platform/istio/cni.yaml:19');
    expect(places.filter((place) => place.startsWith('platform/dynatrace/operator.yaml'))).toEqual([]);
    const body = review.comments.find((comment) => comment.path === 'platform/istio/cni.yaml')!.body;
    expect(body).toContain('```suggestion\n        - kube-system\n      podAnnotations:\n');
    expect(body).toContain('oneagent.dynatrace.com/inject: "false"');

    await runAction({ bundle, workspace: workspace.dir, fake, event: pullRequestEvent(workspace) });
    expect(fake.violations).toEqual([]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.calls('pulls/create-review')).toHaveLength(1);
  });

  it('reads the changed files and their base from the API when the clone has no base commit', async () => {
    const workspace = await cniWorkspace();
    const shallow = await shallowClone(workspace);
    const out = await tempDir('out');
    const inputs = (name: string) => ({
      comment: 'off',
      suggestions: 'false',
      'output-dir': path.join(out, name),
    });
    const fake = await fakeFor(workspace);
    await runAction({
      bundle,
      workspace: shallow,
      fake,
      event: pullRequestEvent(workspace),
      inputs: inputs('api'),
    });
    expect(fake.violations).toEqual([]);
    expect(fake.calls('pulls/list-files').length).toBeGreaterThan(0);
    // Only the modified files are fetched at the base commit (added files have no base side).
    expect(
      fake
        .calls('repos/get-content')
        .map((call) => decodeURIComponent(call.path))
        .sort(),
    ).toEqual([
      '/repos/acme/platform/contents/platform/dynatrace/operator.yaml',
      '/repos/acme/platform/contents/platform/istio/istiod.yaml',
    ]);
    await runAction({
      bundle,
      workspace: workspace.dir,
      event: pullRequestEvent(workspace),
      inputs: inputs('git'),
    });
    const viaApi = JSON.parse(await fs.readFile(path.join(out, 'api/report.json'), 'utf8'));
    const viaGit = JSON.parse(await fs.readFile(path.join(out, 'git/report.json'), 'utf8'));
    expect(viaApi.findings).toEqual(viaGit.findings);
    // The operator label is on the base too: unchanged, not new.
    expect(viaApi.summary.unchanged).toBeGreaterThanOrEqual(1);
    expect(viaApi.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'operator-namespace-injection', status: 'unchanged' }),
    );
  });

  it('degrades to annotations, summary and exit status when writes are refused (403)', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    fake.faults.push({
      method: 'POST|PATCH|DELETE',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      },
    });
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(fake.violations).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::warning::.*cannot write to this pull request/);
    expect(result.stdout).toContain('::error title=cni-csi-deadlock,file=platform/istio/cni.yaml');
    expect(result.summary).toContain('cni-csi-deadlock');
    expect(result.outputs.conclusion).toBe('failure');
    // The token is masked before anything else and never printed otherwise.
    expect(result.stdout.split('fake-token')).toHaveLength(2);
    expect(result.stdout).toContain('::add-mask::fake-token');
    // After the first refusal nothing else is written.
    expect(fake.requests.filter((request) => request.method !== 'GET')).toHaveLength(1);
    expect(fake.comments).toHaveLength(0);
  });

  it('says that it posts nothing when the token is empty (a secret not set, or withheld from a fork)', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: { 'github-token': '' },
    });
    expect(result.stdout).toMatch(
      /::warning::dynakube-istio-guard has no github-token .*the PR comment and the review with suggestions were skipped/,
    );
    expect(fake.requests).toHaveLength(0);
    // The result does not depend on the token: git gave the base, the findings decide.
    expect(result.code).toBe(1);
    expect(result.outputs.conclusion).toBe('failure');
    expect(result.summary).toContain('cni-csi-deadlock');
  });

  it('keeps the result when the runner has no job summary, with a warning', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: { 'fail-on': 'never' },
      env: { GITHUB_STEP_SUMMARY: '' },
    });
    expect(result.stdout).toMatch(
      /::warning::dynakube-istio-guard could not write the job summary \(Unable to find/,
    );
    // The findings decide (fail-on never: a pass), the outputs are set and the comment is still posted.
    expect(result.code).toBe(0);
    expect(result.outputs.conclusion).toBe('success');
    expect(Number(result.outputs.errors)).toBeGreaterThanOrEqual(1);
    expect(marked(fake)).toHaveLength(1);
    // The comment's headline says what the conclusion says: the errors do not fail this check.
    expect(marked(fake)[0].body).toMatch(/introduced, not failing \(fail-on never\)/);
    expect(result.stderr).toBe('');
  });

  it('retries a 502 from the API', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    fake.faults.push({ operationId: 'issues/list-comments', status: 502, times: 1 });
    await runAction({ bundle, workspace: workspace.dir, fake, event: pullRequestEvent(workspace) });
    expect(fake.violations).toEqual([]);
    expect(fake.calls('issues/list-comments').map((call) => call.status)).toEqual([502, 200, 200]);
    expect(marked(fake)).toHaveLength(1);
  });

  it('truncates a report longer than a comment may be, with a note', async () => {
    const workspace = await makeWorkspace('secure-mesh-gains-dynakube', async (head) => {
      const documents = Array.from(
        { length: 400 },
        (_, i) => `apiVersion: dynatrace.com/v1beta1
kind: DynaKube
metadata:
  name: tenant-${i}-${'x'.repeat(40)}
  namespace: dynatrace
spec:
  apiUrl: https://abc${i}.live.dynatrace.com/api
  oneAgent:
    cloudNativeFullStack: {}
`,
      );
      await fs.writeFile(path.join(head, 'clusters/prod/dynatrace/many.yaml'), documents.join('---\n'));
    });
    const fake = await fakeFor(workspace);
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(fake.violations).toEqual([]);
    const [comment] = marked(fake);
    expect(comment.body.length).toBeLessThanOrEqual(BODY_LIMIT);
    // Shortened by the renderer's own fitting, or cut with a note as the last resort.
    expect(comment.body).toMatch(/shortened to fit|too large for a comment|Truncated:/);
    expect(comment.body.startsWith(MARKER)).toBe(true);
    // The renderer's fitting was enough: no hard cut, the verdict kept, no code block left open.
    expect(comment.body).not.toContain('Truncated:');
    expect(comment.body).toMatch(/^❌ \*\*\d+ errors? introduced\*\*/m);
    expect(comment.body.split('\n').filter((line) => /^\s*(`{3,}|~{3,})/.test(line)).length % 2).toBe(0);
    // The job summary keeps the whole report.
    expect(result.summary.length).toBeGreaterThan(BODY_LIMIT);
    expect(result.summary).toContain('tenant-399');
  });

  it('fails the step on new errors and passes with fail-on never', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const failing = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(failing.code).toBe(1);
    expect(failing.outputs.conclusion).toBe('failure');
    expect(failing.stdout).toContain('::error::dynakube-istio-guard: new findings');
    const passing = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: { 'fail-on': 'never', comment: 'off', suggestions: 'false' },
    });
    expect(passing.code).toBe(0);
    expect(passing.outputs.conclusion).toBe('success');
    // Same findings either way; only the threshold differs.
    expect(passing.outputs.errors).toBe(failing.outputs.errors);
    expect(Number(passing.outputs.errors)).toBeGreaterThanOrEqual(2);
    expect(fake.violations).toEqual([]);
  });

  it('passes at once when the PR changes no manifests', async () => {
    const workspace = await readmeOnlyWorkspace();
    const fake = await fakeFor(workspace);
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
    });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('changes no Kubernetes manifests');
    expect(fake.comments).toHaveLength(0);
    expect(fake.violations).toEqual([]);
  });

  it('writes the SARIF file and report.json also on a PR that changes no manifests, for the steps after it', async () => {
    const workspace = await readmeOnlyWorkspace();
    const fake = await fakeFor(workspace);
    const out = await tempDir('out');
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: { 'sarif-file': path.join(out, 'guard.sarif'), 'output-dir': path.join(out, 'report') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('changes no Kubernetes manifests');
    // upload-sarif and upload-artifact read these; a missing file fails the job of a docs-only PR.
    const sarif = JSON.parse(await fs.readFile(path.join(out, 'guard.sarif'), 'utf8'));
    const report = JSON.parse(await fs.readFile(path.join(out, 'report/report.json'), 'utf8'));
    expect(result.outputs['sarif-file']).toBe(path.join(out, 'guard.sarif'));
    expect(result.outputs.report).toBe(path.join(out, 'report/report.json'));
    expect(result.outputs['generated-manifests']).toBe(path.join(out, 'report/generated'));
    // The tree's findings as a full run sees them: all there before the PR, none new.
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'operator-namespace-injection', status: 'unchanged' }),
    );
    expect(report.summary.new).toBe(0);
    expect(sarif.runs[0].results).toHaveLength(report.findings.length);
    expect(result.outputs.errors).toBe(String(report.summary.errors));
    expect(result.outputs['new-findings']).toBe('0');
    expect(result.outputs.conclusion).toBe('success');
    // Still no comment is started on a PR with nothing to check.
    expect(fake.comments).toHaveLength(0);
    expect(fake.violations).toEqual([]);
  });

  it('writes SARIF and report.json, and posts nothing on a push', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const out = await tempDir('out');
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: { name: 'push', payload: { ref: 'refs/heads/main', after: workspace.headSha } },
      inputs: { 'sarif-file': path.join(out, 'guard.sarif'), 'output-dir': path.join(out, 'report') },
    });
    expect(fake.requests).toHaveLength(0);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(await fs.readFile(path.join(out, 'guard.sarif'), 'utf8'));
    const report = JSON.parse(await fs.readFile(path.join(out, 'report/report.json'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const ruleIds = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    expect(ruleIds).toEqual(expect.arrayContaining(['cni-csi-deadlock', 'operator-namespace-injection']));
    expect(ruleIds).toHaveLength(report.findings.length);
    // No base on a push: every finding is new.
    expect(report.summary.new).toBe(report.findings.length);
    expect(result.outputs['sarif-file']).toBe(path.join(out, 'guard.sarif'));
    expect(result.outputs.report).toBe(path.join(out, 'report/report.json'));
  });

  it.each([
    [{ 'fail-on': 'errors' }, "input 'fail-on' must be one of error, warning, info, never (got 'errors')"],
    [{ config: 'missing.yml' }, 'config file missing.yml cannot be read'],
    [{ paths: 'clusters/**, **/*.{yaml' }, "input 'paths' has a glob that is not valid: '**/*.{yaml'"],
    [{ exclude: 'vendor/[z-a]/**' }, "input 'exclude' has a glob that is not valid: 'vendor/[z-a]/**'"],
  ])('fails with one line naming the problem and conclusion failure on bad input %j', async (inputs, why) => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`::error::dynakube-istio-guard: ${why}`);
    expect(result.outputs).toEqual({ conclusion: 'failure' });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(fake.requests).toHaveLength(0);
  });

  it('compares a merge queue run with the queue base, so it decides as the PR check did', async () => {
    const workspace = await cniWorkspace();
    const fake = await fakeFor(workspace);
    const out = await tempDir('out');
    const mergeGroup = (dir: string, name: string) =>
      runAction({
        bundle,
        workspace: dir,
        fake,
        event: {
          name: 'merge_group',
          payload: {
            action: 'checks_requested',
            merge_group: {
              base_sha: workspace.baseSha,
              head_sha: workspace.headSha,
              base_ref: 'refs/heads/main',
              head_ref: 'refs/heads/gh-readonly-queue/main/pr-42-' + workspace.baseSha,
            },
          },
        },
        inputs: { 'output-dir': path.join(out, name) },
      });
    const pr = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: { comment: 'off', suggestions: 'false' },
    });
    const queue = await mergeGroup(workspace.dir, 'queue');
    expect(queue.stdout).toContain("Event 'merge_group': 3 changed file(s), from git");
    expect(queue.code).toBe(pr.code);
    for (const output of ['conclusion', 'errors', 'warnings', 'new-findings'])
      expect(queue.outputs[output]).toBe(pr.outputs[output]);
    const report = JSON.parse(await fs.readFile(path.join(out, 'queue/report.json'), 'utf8'));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'operator-namespace-injection', status: 'unchanged' }),
    );
    // Nothing is posted for a merge queue, and without the base commit the run says why every finding is new.
    const shallow = await mergeGroup(await shallowClone(workspace), 'shallow');
    expect(shallow.stdout).toMatch(
      /::warning::Event 'merge_group': the base commit [0-9a-f]{12} is not in the clone.*fetch-depth: 0/,
    );
    expect(shallow.summary).toContain('is not in the clone');
    expect(fake.requests).toHaveLength(0);
  });

  it('warns when paths match no file, so a misspelt input does not pass without a word', async () => {
    const workspace = await cniWorkspace();
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      event: { name: 'push', payload: { ref: 'refs/heads/main', after: workspace.headSha } },
      inputs: { paths: 'clusterz/**' },
    });
    const warning = 'paths clusterz/** match no file of the workspace: nothing was checked.';
    expect(result.stdout).toContain(`::warning::${warning}`);
    expect(result.summary).toContain(warning);
    expect(result.code).toBe(0);
  });

  it('warns when paths match no file also on a PR that changes no manifests and passes at once', async () => {
    const workspace = await readmeOnlyWorkspace();
    const fake = await fakeFor(workspace);
    const result = await runAction({
      bundle,
      workspace: workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: { paths: 'clusterz/**' },
    });
    expect(result.stdout).toContain('changes no Kubernetes manifests');
    const warning = 'paths clusterz/** match no file of the workspace: nothing was checked.';
    expect(result.stdout).toContain(`::warning::${warning}`);
    expect(result.summary).toContain(`> ${warning}`);
    expect(result.code).toBe(0);
    expect(fake.violations).toEqual([]);
  });
});

/** A suggestion as a person commits it: lines `start_line..line` of the file replaced by the block's text. */
async function commitSuggestion(
  dir: string,
  comment: { path: string; line: number; start_line?: number; body: string },
): Promise<void> {
  const text = /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(comment.body)![2];
  const file = path.join(dir, comment.path);
  const lines = (await fs.readFile(file, 'utf8')).split('\n');
  const start = comment.start_line ?? comment.line;
  lines.splice(start - 1, comment.line - start + 1, ...text.split('\n'));
  await fs.writeFile(file, lines.join('\n'));
}

describe('the bundled action once the findings of an earlier push are gone', () => {
  it('deletes its suggestion and, with comment: on-findings, its comment after the fix is committed', async () => {
    const before = await dynakubeWorkspace();
    const fake = await fakeFor(before);
    const inputs = { comment: 'on-findings' };
    await runAction({ bundle, workspace: before.dir, fake, event: pullRequestEvent(before), inputs });
    expect(fake.violations).toEqual([]);
    const [suggestion] = fake.reviewComments;
    expect(suggestion.path).toBe('clusters/prod/dynatrace/dynakube.yaml');
    expect(marked(fake)).toHaveLength(1);

    // The author commits the suggestion: the next push has no finding left.
    const after = await dynakubeWorkspace((head) => commitSuggestion(head, suggestion));
    Object.assign(fake.options, fakeOptions(after));
    const requestsBefore = fake.requests.length;
    const result = await runAction({
      bundle,
      workspace: after.dir,
      fake,
      event: pullRequestEvent(after),
      inputs,
    });

    expect(fake.violations).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Suggestions: 0 posted, .*; 1 outdated removed, 0 outdated kept/);
    expect(fake.reviewComments).toEqual([]);
    expect(marked(fake)).toEqual([]);
    // The PR's head, the listing, one delete for the suggestion (its author known from the listing and GraphQL),
    // sticky listing and delete.
    expect(fake.requests.slice(requestsBefore).map((request) => request.operationId)).toEqual([
      'pulls/get',
      'pulls/list-files',
      'pulls/list-review-comments',
      'graphql',
      'pulls/delete-review-comment',
      'issues/list-comments',
      'issues/delete-comment',
    ]);
  });

  it('keeps the comment and says that nothing is left, with comment: sticky', async () => {
    const before = await dynakubeWorkspace();
    const fake = await fakeFor(before);
    await runAction({ bundle, workspace: before.dir, fake, event: pullRequestEvent(before) });
    const [suggestion] = fake.reviewComments;
    const after = await dynakubeWorkspace((head) => commitSuggestion(head, suggestion));
    Object.assign(fake.options, fakeOptions(after));
    await runAction({ bundle, workspace: after.dir, fake, event: pullRequestEvent(after) });

    expect(fake.violations).toEqual([]);
    expect(marked(fake)).toHaveLength(1);
    expect(marked(fake)[0].body).not.toContain('enable-istio-required');
    expect(marked(fake)[0].body).toContain('**no new findings** — 0 new · 0 unchanged · 0 fixed');
    expect(fake.reviewComments).toEqual([]);
  });

  it('removes its comment, with comment: on-findings, once the PR changes no manifests any more', async () => {
    const before = await cniWorkspace();
    const fake = await fakeFor(before);
    const inputs = { comment: 'on-findings' };
    await runAction({ bundle, workspace: before.dir, fake, event: pullRequestEvent(before), inputs });
    expect(marked(fake)).toHaveLength(1);

    // The manifest changes were reverted: the PR now only adds a README.
    const after = await readmeOnlyWorkspace();
    Object.assign(fake.options, fakeOptions(after));
    const result = await runAction({
      bundle,
      workspace: after.dir,
      fake,
      event: pullRequestEvent(after),
      inputs,
    });

    expect(fake.violations).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('changes no Kubernetes manifests');
    expect(marked(fake)).toEqual([]);
    expect(result.outputs['comment-id']).toBeUndefined();
  });
});

describe('the bundled action when the PR head moved while it ran', () => {
  it('posts no suggestion when the push lands after it asked for the head (the listing holds the new head’s patches), only the comment', async () => {
    const checked = await dynakubeWorkspace();
    // A later push added a README: GitHub now lists the files of that commit.
    const moved = await dynakubeWorkspace(async (head) =>
      fs.writeFile(path.join(head, 'README.md'), '# prod\n'),
    );
    // GitHub still answers the checked head when asked, and has moved on by the time it lists the files.
    const fake = await fakeFor(checked);
    fake.hooks['pulls/list-files'] = (server) => Object.assign(server.options, fakeOptions(moved));
    fake.addReviewComment({
      path: 'clusters/prod/dynatrace/dynakube.yaml',
      line: 3,
      body: '<!-- dynakube-istio-guard:suggestion 0123456789abcdef -->',
    });
    const result = await runAction({
      bundle,
      workspace: checked.dir,
      fake,
      event: pullRequestEvent(checked),
    });

    expect(fake.violations).toEqual([]);
    expect(fake.calls('pulls/get')).toHaveLength(1);
    expect(fake.calls('pulls/create-review')).toHaveLength(0);
    expect(fake.calls('pulls/delete-review-comment')).toHaveLength(0);
    expect(result.stdout).toContain(`head moved to ${moved.headSha.slice(0, 12)}`);
    // The fix is in the comment instead, as a patch.
    expect(marked(fake)).toHaveLength(1);
    expect(marked(fake)[0].body).toContain('enable-istio-required');
  });
});
