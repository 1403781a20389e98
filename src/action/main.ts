import path from 'node:path';
import * as core from './workflow.js';
import { loadConfig } from '../config/load.js';
import {
  addGenerated,
  analyze,
  loadModel,
  ParseCache,
  shouldFail,
  type LoadStats,
  type RuleSettings,
} from '../engine.js';
import type { GenerateOptions } from '../generate/index.js';
import { DEFAULT_TIMEOUT_MS } from '../generate/dynatrace-api.js';
import type { BuildOptions } from '../model/build.js';
import type { ClusterModel } from '../model/types.js';
import { COMMENT_MARKER, renderMarkdown } from '../report/markdown.js';
import type { FailPolicy } from '../report/format.js';
import { SUMMARY_LIMIT } from '../report/truncate.js';
import type { Report } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import { directorySource } from '../sources/directory.js';
import { overlaySource } from '../sources/overlay.js';
import { fileMatcher, ownOutputExcludes } from '../sources/select.js';
import type { FileSelection, FileSource } from '../sources/types.js';
import {
  apiBaseReader,
  changesFromGit,
  changesFromListedFiles,
  checkoutHasHead,
  completeListing,
  listedHeadSha,
  listPullRequestFiles,
  type PullRequestFiles,
} from './changes.js';
import {
  commentScope,
  refreshExistingSticky,
  reportCommentBody,
  stampOf,
  stickyBody,
  upsertSticky,
  type StickyResult,
} from './comment.js';
import { readRunContext, type PullRequestContext } from './event.js';
import {
  createClient,
  describeError,
  isFatalForRun,
  isPermissionError,
  type GitHubClient,
} from './github.js';
import { requestTimeoutMs } from '../request-timeout.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { parsePatch, type RightSideLines } from './patch.js';
import {
  annotate,
  appendSummary,
  overflowNote,
  setOutputs,
  summaryNotes,
  writeOutputDir,
  writeSarif,
  writeSummary,
  type RunOutputs,
} from './publish.js';
import { postSuggestions, type OutdatedRemoval, type RestListedIn } from './review.js';
import { planSuggestions, suggestionLines } from './suggestions.js';

/** Everything the run learns about the PR from GitHub, fetched once and on first need. */
class PullRequestApi {
  private client?: Promise<GitHubClient>;
  private files?: ReturnType<typeof listPullRequestFiles>;
  private head?: Promise<string>;
  /** Set once a write was refused, the token rejected or a request timed out: nothing else is tried. */
  readOnly = false;

  constructor(
    readonly pr: PullRequestContext,
    private readonly token: string,
  ) {}

  get available(): boolean {
    return this.token !== '';
  }

  github(): Promise<GitHubClient> {
    if (!this.available) return Promise.reject(new Error('no github-token'));
    this.client ??= createClient(this.token);
    return this.client;
  }

  async listedFiles() {
    this.files ??= this.github().then((client) => listPullRequestFiles(client, this.pr));
    return this.files;
  }

  /** The PR's head commit now, in lower case: one `GET /pulls/{n}` per run. */
  currentHead(): Promise<string> {
    this.head ??= this.github().then(async (client) => {
      const { data } = await client.rest.pulls.get({
        owner: this.pr.owner,
        repo: this.pr.repo,
        pull_number: this.pr.number,
      });
      return data.head.sha.toLowerCase();
    });
    return this.head;
  }
}

function selectionOf(
  inputs: ActionInputs,
  config: { include: string[]; exclude: string[] },
  workspace: string,
): FileSelection {
  // Outputs are resolved against the workspace (see publish.ts): a later step's run must not read them back.
  const outputs = {
    dirs: inputs.outputDir ? [path.resolve(workspace, inputs.outputDir)] : [],
    files: inputs.sarifFile ? [path.resolve(workspace, inputs.sarifFile)] : [],
  };
  return {
    include: inputs.paths.length > 0 ? inputs.paths : config.include,
    exclude: [...config.exclude, ...inputs.exclude, ...ownOutputExcludes(workspace, outputs)],
  };
}

/** Changed files from git when the base commit is in the clone, else from the API. */
async function pullRequestFiles(api: PullRequestApi, workspace: string): Promise<PullRequestFiles> {
  const local = await changesFromGit(workspace, api.pr.baseSha);
  if (local) return local;
  const client = await api.github();
  return {
    changes: changesFromListedFiles(completeListing(await api.listedFiles(), api.pr)),
    readBase: apiBaseReader(client, api.pr),
    via: 'the GitHub API',
    local: false,
  };
}

function touchesManifests(files: PullRequestFiles, selection: FileSelection): boolean {
  const matches = fileMatcher(selection);
  return files.changes.some(
    (change) => matches(change.path) || (change.previousPath !== undefined && matches(change.previousPath)),
  );
}

/** A refused write (fork PR, missing permission), a rejected token or a timeout turns posting off, with one warning. */
function stopPostingOn(api: PullRequestApi, what: string, error: unknown): void {
  if (isPermissionError(error)) {
    api.readOnly = true;
    core.warning(
      `dynakube-istio-guard cannot write to this pull request (${describeError(error)}): the ${what} and anything after it were skipped. ` +
        'This is expected for pull requests from forks; the result is in the annotations, the job summary and the check status. ' +
        "Grant 'pull-requests: write' (or use pull_request_target) to get the PR comment.",
    );
  } else if (isFatalForRun(error)) {
    api.readOnly = true;
    core.warning(
      `dynakube-istio-guard could not post the ${what} (${describeError(error)}); nothing more is sent to GitHub in this run. ` +
        'The result is in the annotations, the job summary and the check status.',
    );
  } else {
    core.warning(`dynakube-istio-guard could not post the ${what}: ${describeError(error)}`);
  }
}

/** Runs a posting step; a failure is one warning (see `stopPostingOn`), never a failed run. */
async function posting<T>(api: PullRequestApi, what: string, step: () => Promise<T>): Promise<T | undefined> {
  if (api.readOnly || !api.available) return undefined;
  try {
    return await step();
  } catch (error) {
    stopPostingOn(api, what, error);
    return undefined;
  }
}

/** What the run would write to the PR, for the log; undefined when it writes nothing. */
function plannedWrites(api: PullRequestApi, inputs: ActionInputs): string | undefined {
  if (api.readOnly || !api.available) return undefined;
  const writes = [
    inputs.suggestions ? 'review with suggestions' : undefined,
    inputs.comment !== 'off' ? 'PR comment' : undefined,
  ].filter((write) => write !== undefined);
  return writes.length > 0 ? writes.join(' and the ') : undefined;
}

/**
 * The head a later push moved the PR to, when it did. Two pushes in quick succession start two runs, and the older
 * one may finish last: it must not overwrite what the run for the newer head wrote (the comment, the suggestions and
 * which of them are outdated), so it writes nothing to the PR. Its result still goes to the log, the annotations, the
 * job summary, the outputs and the exit status. One `GET /pulls/{n}`, asked only when the run would write; when it
 * cannot be asked, the run posts, and the comment's stamp still keeps a later push's comment (see comment.ts).
 */
async function movedHead(
  api: PullRequestApi,
  inputs: ActionInputs,
  notes: string[],
): Promise<string | undefined> {
  const writes = plannedWrites(api, inputs);
  if (!writes) return undefined;
  let head: string;
  try {
    head = await api.currentHead();
  } catch (error) {
    if (isPermissionError(error) || isFatalForRun(error)) stopPostingOn(api, writes, error);
    else
      core.info(
        `The pull request's current head could not be read (${describeError(error)}); posting anyway.`,
      );
    return undefined;
  }
  if (head === api.pr.headSha.toLowerCase()) return undefined;
  notes.push(
    `${headMovedTo(head, api.pr)}: nothing was posted to the pull request (the run for the new head posts its ` +
      `${writes}). This result is for ${api.pr.headSha.slice(0, 12)}.`,
  );
  core.info(notes.at(-1)!);
  return head;
}

function headMovedTo(head: string, pr: PullRequestContext): string {
  return `The pull request's head moved to ${head.slice(0, 12)} while this run checked ${pr.headSha.slice(0, 12)}`;
}

async function headLinesOf(source: FileSource, paths: Iterable<string>): Promise<Map<string, string[]>> {
  const lines = new Map<string, string[]>();
  for (const path of paths) {
    const text = await source.read(path);
    if (text !== undefined) lines.set(path, suggestionLines(text));
  }
  return lines;
}

/**
 * Suggestions are placed by the listing's patches and sent for the event's head commit: when a later push moved
 * the PR's head, the patches are the new commit's and would misplace them (or have the review rejected). The run
 * for the new head suggests, and judges which earlier suggestions are outdated; this one leaves both to it.
 */
function headMoved(
  pr: PullRequestContext,
  listed: Awaited<ReturnType<PullRequestApi['listedFiles']>>,
): boolean {
  const listedHead = listedHeadSha(listed);
  if (listedHead === undefined || listedHead === pr.headSha.toLowerCase()) return false;
  core.info(
    `${headMovedTo(listedHead, pr)}: no suggestions from this run (the run for the new head makes them); ` +
      'fixes are in the PR comment.',
  );
  return true;
}

/** Outdated suggestions that could not all be removed stay on the PR: a line in the log, never a failed run. */
function reportOutdated(api: PullRequestApi, outdated: OutdatedRemoval): string {
  const { removed, keptForReplies, alreadyGone, error } = outdated;
  if (error !== undefined) {
    if (isFatalForRun(error)) api.readOnly = true;
    core.info(
      `Outdated suggestions of earlier runs could not all be removed (${describeError(error)}); the rest stay on the PR.`,
    );
  }
  return `${removed} outdated removed${alreadyGone > 0 ? ` (${alreadyGone} already gone)` : ''}, ${keptForReplies} outdated kept for their replies`;
}

async function postSuggestionsFor(
  api: PullRequestApi,
  report: Report,
  head: FileSource,
  selection: FileSelection,
  restListedIn: RestListedIn,
): Promise<Set<string> | undefined> {
  const listed = await api.listedFiles();
  if (headMoved(api.pr, listed)) return undefined;
  const diffs = new Map<string, RightSideLines>(
    listed.map((file) => [file.filename, parsePatch(file.patch)]),
  );
  const files = new Set(
    report.findings.flatMap((finding) => finding.fix?.edits.map((edit) => edit.file) ?? []),
  );
  const plan = planSuggestions(report.findings, diffs, await headLinesOf(head, files));
  const result = await postSuggestions(
    await api.github(),
    api.pr,
    plan,
    fileMatcher(selection),
    restListedIn,
  );
  core.info(
    `Suggestions: ${result.posted} posted, ${result.repeated} already on the PR, ${result.overflow} over the per-review cap, ${plan.outsideDiff} outside the diff; ${reportOutdated(api, result.outdated)}.`,
  );
  return result.suggestedKeys;
}

/** The headline of the comment and the summary says what fails the check, as the check's conclusion does. */
function failPolicyOf(inputs: ActionInputs): FailPolicy {
  return { failOn: inputs.failOn, failScope: inputs.failScope };
}

function runLink(): string {
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  const repo = process.env.GITHUB_REPOSITORY;
  const run = process.env.GITHUB_RUN_ID;
  return repo && run ? `${server}/${repo}/actions/runs/${run}` : '';
}

function fileLinkBase(pr: PullRequestContext): string {
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  return `${server}/${pr.owner}/${pr.repo}/blob/${pr.headSha}`;
}

/** A run over some `paths` owns a comment of its own, headed by those paths. */
function scopeOf(inputs: ActionInputs): { key: string; label: string } | undefined {
  const key = commentScope(inputs.paths, inputs.exclude);
  if (!key) return undefined;
  const label = inputs.paths.length > 0 ? inputs.paths.join(', ') : `all but ${inputs.exclude.join(', ')}`;
  return { key, label };
}

/**
 * The review goes first: the fixes it suggests on the diff are then not repeated as patches in the comment.
 * Each step degrades on its own; a refused write stops both.
 */
async function publishToPullRequest(
  api: PullRequestApi,
  inputs: ActionInputs,
  report: Report,
  head: FileSource,
  selection: FileSelection,
): Promise<number | undefined> {
  const suggested = inputs.suggestions
    ? await posting(api, 'review with suggestions', () =>
        postSuggestionsFor(
          api,
          report,
          head,
          selection,
          inputs.comment === 'off' ? 'the job summary' : 'the PR comment',
        ),
      )
    : undefined;
  if (inputs.comment === 'off') return undefined;
  const link = runLink();
  const scope = scopeOf(inputs);
  const body = core.redact(
    reportCommentBody(
      report,
      {
        fileLinkBase: fileLinkBase(api.pr),
        failPolicy: failPolicyOf(inputs),
        ...(suggested && suggested.size > 0
          ? { suggested: (finding: Finding) => suggested.has(finding.key) }
          : {}),
      },
      link ? `The full report is in the [job summary](${link}).` : 'The full report is in the job summary.',
      scope,
      stampOf(api.pr),
    ),
  );
  const keep = inputs.comment === 'sticky' || report.findings.some((finding) => finding.status !== 'fixed');
  return settledComment(
    await posting(api, 'PR comment', async () =>
      upsertSticky(await api.github(), api.pr, body, keep, scope?.key),
    ),
  );
}

/**
 * What became of the sticky comment, in the log; its id when it is this run's. A comment a run for a later push
 * wrote was left as it is: that is said in the summary too, so the reader knows why the comment is not this run's.
 */
async function settledComment(result: StickyResult | undefined): Promise<number | undefined> {
  if (!result) return undefined;
  if (result.action === 'left for a newer head') {
    const note = `The PR comment${result.commentId ? ` (id ${result.commentId})` : ''} was written by the run for a later push: this run left it as it is.`;
    core.info(note);
    await appendSummary(summaryNotes([note]));
    return undefined;
  }
  core.info(`PR comment: ${result.action}${result.commentId ? ` (id ${result.commentId})` : ''}.`);
  return result.commentId;
}

/**
 * An empty token (a secret that is not set, or not passed to fork PRs) would otherwise skip the comment and the
 * review without a word.
 */
function warnNoToken(inputs: ActionInputs): void {
  if (inputs.comment === 'off' && !inputs.suggestions) return;
  core.warning(
    'dynakube-istio-guard has no github-token (the input is empty): the PR comment and the review with suggestions were skipped. ' +
      'The result is in the annotations, the job summary and the check status. ' +
      'Pass `${{ github.token }}` (the default) or a secret that is set for this event.',
  );
}

/** The check must read the PR's files; under pull_request_target the default checkout is the base branch. */
async function warnIfNotHead(pr: PullRequestContext, workspace: string): Promise<void> {
  const hasHead = await checkoutHasHead(workspace, pr.headSha);
  if (hasHead === false || (hasHead === undefined && pr.eventName === 'pull_request_target')) {
    core.warning(
      `The workspace does not contain the pull request's head commit ${pr.headSha.slice(0, 12)}: the check reads whatever is checked out. ` +
        'With pull_request_target, check out `${{ github.event.pull_request.head.sha }}` (safe here: the files are only read, never run).',
    );
  }
}

const NO_CHANGES_NOTE =
  'This pull request changes no Kubernetes manifests that dynakube-istio-guard reads: nothing to check.';

/**
 * A misspelt `paths` would otherwise make a required check pass with nothing read. Asked of the head's listing
 * (a walk of the tree, no file read), which a full run has made anyway.
 */
async function warnIfPathsMatchNothing(
  inputs: ActionInputs,
  head: FileSource,
  notes: string[],
): Promise<void> {
  if (inputs.paths.length === 0 || (await head.list()).length > 0) return;
  notes.push(`paths ${inputs.paths.join(', ')} match no file of the workspace: nothing was checked.`);
  core.warning(notes.at(-1)!);
}

/**
 * The SARIF file and `output-dir` describe the tree, and later steps expect them (upload-sarif fails on a missing
 * file): a PR that changes no manifest still gets them, from the tree checked against itself, so every finding is
 * `unchanged`, as a full run would find.
 */
async function writeFilesOfUnchangedTree(
  inputs: ActionInputs,
  settings: RuleSettings,
  head: FileSource,
  cache: ParseCache,
  workspace: string,
): Promise<{ report: Report; files: OutputFiles } | undefined> {
  if (!inputs.sarifFile && !inputs.outputDir) return undefined;
  const model = await loadModel(head, cache, { assume: inputs.assume });
  const { report } = await addGenerated(analyze(model, model, { settings }), generateOptions(inputs));
  return { report, files: await writeOutputFiles(report, inputs, workspace) };
}

/**
 * Removes this action's suggestions of earlier pushes on the files this run reads, as a full run removes those
 * whose finding is gone: a PR that no longer changes a manifest has nothing left to suggest. Replies keep theirs.
 */
async function removeEarlierSuggestions(api: PullRequestApi, selection: FileSelection): Promise<void> {
  const result = await posting(api, 'removal of outdated suggestions', async () =>
    postSuggestions(await api.github(), api.pr, { comments: [], outsideDiff: 0 }, fileMatcher(selection)),
  );
  if (result) core.info(`Suggestions: ${reportOutdated(api, result.outdated)}.`);
}

/**
 * A PR without manifest changes passes at once; an earlier sticky comment is told so (removed with
 * `comment: on-findings`), never created, and this action's earlier suggestions are removed. A run whose PR head
 * moved on writes nothing to the PR (see `movedHead`).
 */
async function passWithoutChanges(
  api: PullRequestApi,
  inputs: ActionInputs,
  selection: FileSelection,
  notes: string[],
  written?: { report: Report; files: OutputFiles },
): Promise<void> {
  core.info(NO_CHANGES_NOTE);
  const moved = await movedHead(api, inputs, notes);
  await appendSummary(
    `${summaryNotes(notes)}${COMMENT_MARKER}\n### dynakube-istio-guard\n\n✅ ${NO_CHANGES_NOTE}\n`,
  );
  if (!moved && inputs.suggestions) await removeEarlierSuggestions(api, selection);
  let commentId: number | undefined;
  if (!moved && inputs.comment !== 'off') {
    const scope = scopeOf(inputs);
    const body = stickyBody(
      `${COMMENT_MARKER}\n### dynakube-istio-guard\n\n✅ ${NO_CHANGES_NOTE}\n`,
      '',
      scope,
      stampOf(api.pr),
    );
    // Nothing to report: `on-findings` removes its comment, as a full run with no findings does.
    commentId = await settledComment(
      await posting(api, 'PR comment', async () =>
        inputs.comment === 'on-findings'
          ? upsertSticky(await api.github(), api.pr, body, false, scope?.key)
          : refreshExistingSticky(await api.github(), api.pr, body, scope?.key),
      ),
    );
  }
  if (written) {
    setOutputs(written.report, { ...written.files, conclusion: 'success', commentId });
    return;
  }
  core.setOutput('conclusion', 'success');
  core.setOutput('errors', 0);
  core.setOutput('warnings', 0);
  core.setOutput('new-findings', 0);
  if (commentId !== undefined) core.setOutput('comment-id', commentId);
}

/**
 * Head and base of a run without a pull request that has a base (a merge queue's base branch), from git only: with no PR
 * there is no file listing to ask GitHub for. Without the base commit in the clone every finding counts as new.
 */
async function branchModels(
  eventName: string,
  baseSha: string,
  head: FileSource,
  cache: ParseCache,
  build: BuildOptions,
  selection: FileSelection,
  workspace: string,
  notes: string[],
): Promise<{ head?: ClusterModel; base?: ClusterModel }> {
  const files = await changesFromGit(workspace, baseSha);
  if (!files) {
    notes.push(
      `Event '${eventName}': the base commit ${baseSha.slice(0, 12)} is not in the clone, so every finding counts as new. ` +
        'Check out with `fetch-depth: 0` to compare with it.',
    );
    core.warning(notes.at(-1)!);
    return {};
  }
  return modelsWithChanges(`Event '${eventName}'`, head, files, selection, cache, build);
}

/**
 * Head, and base as head with `files`' changes undone. The base source is made before head is read, so git can
 * start on base's files; head is loaded first, so the base takes every file the changes left alone from head's reads.
 */
async function modelsWithChanges(
  run: string,
  headSource: FileSource,
  files: PullRequestFiles,
  selection: FileSelection,
  cache: ParseCache,
  build: BuildOptions,
): Promise<{ head: ClusterModel; base: ClusterModel }> {
  core.info(`${run}: ${files.changes.length} changed file(s), from ${files.via}.`);
  const overlay = overlaySource(headSource, files.changes, files.readBase, selection, {
    readEarly: files.local,
  });
  const head = await loadModel(headSource, cache, build);
  return { head, base: await loadModel(overlay, cache, build) };
}

/** One log line on what was read, so a slow run shows where its files came from. */
function readSummary(stats: LoadStats): string {
  const { filesRead, reused, documents, documentsParsed } = stats;
  return `Read ${filesRead} file(s) (${reused} shared by base and head), ${documents} document(s), ${documentsParsed} of them through the full YAML parser.`;
}

/** Manifest generation: live endpoints from the Dynatrace API when the inputs give one. */
function generateOptions(inputs: ActionInputs): GenerateOptions {
  return {
    dynatrace: {
      apiUrl: inputs.dynatraceApiUrl,
      token: inputs.dynatraceApiToken,
      timeoutMs: requestTimeoutMs(DEFAULT_TIMEOUT_MS),
    },
  };
}

type OutputFiles = Omit<RunOutputs, 'conclusion' | 'commentId'>;

/** The SARIF file and the output folder, when the inputs ask for them. */
async function writeOutputFiles(
  report: Report,
  inputs: ActionInputs,
  workspace: string,
): Promise<OutputFiles> {
  const files: OutputFiles = {};
  if (inputs.sarifFile) files.sarifFile = await writeSarif(report, inputs.sarifFile, workspace);
  if (inputs.outputDir) {
    const written = await writeOutputDir(report, inputs.outputDir, workspace);
    files.reportFile = written.report;
    files.generatedDir = written.generated;
  }
  return files;
}

async function writeLocalOutputs(
  report: Report,
  inputs: ActionInputs,
  workspace: string,
  notes: string[],
): Promise<OutputFiles> {
  if (inputs.annotations) {
    const note = overflowNote(annotate(report));
    if (note) notes.push(note);
  }
  await writeSummary(
    renderMarkdown(report, { maxLength: SUMMARY_LIMIT - 10_000, failPolicy: failPolicyOf(inputs) }),
    notes,
  );
  return writeOutputFiles(report, inputs, workspace);
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const context = await readRunContext();
    const config = await loadConfig(workspace, inputs.config);
    const selection = selectionOf(inputs, config, workspace);
    const cache = new ParseCache();
    // What the model assumes where the repository pins no version (istio-version, kubernetes-version).
    const build: BuildOptions = { assume: inputs.assume };
    const headSource = directorySource(workspace, selection);
    const api = context.kind === 'pull_request' ? new PullRequestApi(context, inputs.token) : undefined;
    const notes: string[] = [];
    if (api && !api.available) warnNoToken(inputs);
    let base: ClusterModel | undefined;
    let head: ClusterModel | undefined;
    if (api) {
      // Independent git questions (a few processes each): asked together.
      const [, files] = await Promise.all([
        warnIfNotHead(api.pr, workspace),
        pullRequestFiles(api, workspace).catch((error: unknown) => {
          if (isFatalForRun(error)) api.readOnly = true;
          notes.push(
            `The PR's base could not be read (${describeError(error)}); every finding counts as new.`,
          );
          core.warning(notes.at(-1)!);
          return undefined;
        }),
      ]);
      if (files && !touchesManifests(files, selection) && inputs.failScope === 'new') {
        await warnIfPathsMatchNothing(inputs, headSource, notes);
        const written = await writeFilesOfUnchangedTree(inputs, config.rules, headSource, cache, workspace);
        await passWithoutChanges(api, inputs, selection, notes, written);
        return;
      }
      if (files)
        ({ head, base } = await modelsWithChanges(
          `Pull request #${api.pr.number}`,
          headSource,
          files,
          selection,
          cache,
          build,
        ));
    } else if (context.baseSha) {
      ({ head, base } = await branchModels(
        context.eventName,
        context.baseSha,
        headSource,
        cache,
        build,
        selection,
        workspace,
        notes,
      ));
    } else {
      core.info(
        `Event '${context.eventName}': no pull request to compare with, so every finding counts as new.`,
      );
    }
    head ??= await loadModel(headSource, cache, build);
    core.info(readSummary(cache.stats));
    await warnIfPathsMatchNothing(inputs, headSource, notes);
    const { report } = await addGenerated(
      analyze(head, base, { settings: config.rules }),
      generateOptions(inputs),
    );
    const failed = shouldFail(report, inputs.failOn, inputs.failScope);
    const moved = api ? await movedHead(api, inputs, notes) : undefined;
    const outputs = await writeLocalOutputs(report, inputs, workspace, notes);
    const commentId =
      api && !moved ? await publishToPullRequest(api, inputs, report, headSource, selection) : undefined;
    setOutputs(report, {
      ...outputs,
      conclusion: failed ? 'failure' : 'success',
      ...(commentId ? { commentId } : {}),
    });
    if (failed)
      core.setFailed(
        `dynakube-istio-guard: ${inputs.failScope === 'new' ? 'new ' : ''}findings at or above '${inputs.failOn}' (${report.summary.errors} error(s), ${report.summary.warnings} warning(s), ${report.summary.new} new)`,
      );
  } catch (error) {
    core.setFailed(`dynakube-istio-guard: ${describeError(error)}`);
    // A later step's `if:` on the conclusion must see the failure, not an empty string.
    try {
      core.setOutput('conclusion', 'failure');
    } catch {
      // GITHUB_OUTPUT cannot be written: the step's failure above is all that can be said.
    }
  }
}
