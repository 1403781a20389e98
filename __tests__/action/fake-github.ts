/**
 * A fake GitHub REST API on 127.0.0.1 for end-to-end tests of the bundled action. Every request body is checked
 * against GitHub's OpenAPI description (@octokit/openapi) and so is every response the fake sends, so the fake
 * cannot drift from the real API's shapes. Rules the schema cannot express are enforced as GitHub does: comment
 * bodies of at most 65,536 characters, review comments only on lines of the PR's diff hunks (one bad line rejects
 * the whole review). Faults (status codes, once or always) can be injected per operation for a fault matrix.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const SPEC_PATH = require.resolve('@octokit/openapi/generated/api.github.com.json');

export const BODY_LIMIT = 65_536;
/** `pulls.listFiles` answers with at most this many files ("Responses include a maximum of 3000 files"). */
export const LISTED_FILES_LIMIT = 3_000;

interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: string[];
  op: Operation;
}

interface Spec {
  routes: Route[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
  /** GitHub's own example of a pull request (`components.examples.pull-request`). */
  pullRequestExample: PullRequestExample;
}

interface PullRequestExample {
  head: Record<string, unknown>;
  base: Record<string, unknown>;
}

let loadedSpec: Spec | undefined;

/** Loads the 13 MB description once per process; schemas compile lazily, per operation. */
function spec(): Spec {
  if (loadedSpec) return loadedSpec;
  const document = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
    components: { examples: Record<string, { value: unknown }> };
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ components: document.components }, 'gh');
  const routes: Route[] = [];
  for (const [template, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params: string[] = [];
      const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        params.push(name);
        return name === 'path' ? '(.+)' : '([^/]+)';
      });
      routes.push({ method: method.toUpperCase(), template, pattern: new RegExp(`^${source}$`), params, op });
    }
  }
  // Literal paths before templated ones: /pulls/comments/{id} must not be read as /pulls/{number}/…
  routes.sort((a, b) => a.params.length - b.params.length);
  loadedSpec = {
    routes,
    ajv,
    validators: new Map(),
    pullRequestExample: document.components.examples['pull-request'].value as PullRequestExample,
  };
  return loadedSpec;
}

function validator(key: string, schema: unknown): ValidateFunction {
  const { ajv, validators } = spec();
  let validate = validators.get(key);
  if (!validate) {
    const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/'));
    validate = ajv.compile(rewritten);
    validators.set(key, validate);
  }
  return validate;
}

export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  patch?: string;
  previous_filename?: string;
  additions?: number;
  deletions?: number;
}

export interface StoredComment {
  id: number;
  body: string;
  login: string;
}

export interface StoredReviewComment {
  id: number;
  reviewId: number;
  path: string;
  line: number;
  start_line?: number;
  side: string;
  body: string;
  /** Author; the token's user (BOT) unless a test says otherwise; null for a deleted account (`user: null`). */
  login?: string | null;
  /** A reply in the thread of this comment. */
  in_reply_to_id?: number;
}

export interface StoredReview {
  id: number;
  body: string;
  event: string;
  commit_id: string;
  comments: StoredReviewComment[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  query: URLSearchParams;
  body: unknown;
  /** The body as sent, also for requests the fake refused before reading it (bad token, faults). */
  raw: string;
  status: number;
}

/** A status to answer instead of the real handler: on every matching request, or on the first `times` ones. */
export interface Fault {
  operationId?: string;
  method?: string;
  status: number;
  times?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Accept the request and never answer (a hung server), or drop the connection without an answer. */
  behavior?: 'hang' | 'close';
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /** The PR's files as `pulls.listFiles` returns them (patch included). */
  files: PullFile[];
  /** File contents at the base commit, for `repos.getContent` with `ref` = base sha. */
  baseContents?: Record<string, string>;
  /** Comments already on the PR. */
  comments?: Omit<StoredComment, 'id'>[];
  /** Review comments already on the PR (an earlier run's suggestions, people's comments). */
  reviewComments?: Parameters<FakeGitHub['addReviewComment']>[0][];
  /** The token the fake accepts (`Authorization: token <it>`); any other gets 401 Bad credentials. */
  token?: string;
}

const BOT = 'github-actions[bot]';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** Requests GitHub would reject, and responses of the fake that do not match the description. */
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly comments: StoredComment[] = [];
  readonly reviews: StoredReview[] = [];
  /** Review comments that came with no review of this fake: earlier runs', people's, replies. */
  readonly looseReviewComments: StoredReviewComment[] = [];
  /** Called before a handler runs, e.g. to add a comment "concurrently" when the action creates its own. */
  readonly hooks: Record<string, (fake: FakeGitHub, body: unknown) => void> = {};
  private nextId = 1000;
  private server?: http.Server;
  url = '';

  constructor(readonly options: FakeGitHubOptions) {
    for (const comment of options.comments ?? []) this.addComment(comment.body, comment.login);
    for (const comment of options.reviewComments ?? []) this.addReviewComment(comment);
  }

  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    spec();
    await fake.listen();
    return fake;
  }

  private listen(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    return new Promise((resolve) => {
      this.server!.listen(0, '127.0.0.1', () => {
        this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addComment(body: string, login = BOT): StoredComment {
    const comment = { id: this.nextId++, body, login };
    this.comments.push(comment);
    return comment;
  }

  /** A review comment already on the PR (an earlier run's suggestion, a person's comment or a reply). */
  addReviewComment(
    comment: Omit<StoredReviewComment, 'id' | 'reviewId' | 'side'> & { side?: string },
  ): StoredReviewComment {
    const stored = { side: 'RIGHT', ...comment, id: this.nextId++, reviewId: this.nextId++ };
    this.looseReviewComments.push(stored);
    return stored;
  }

  /** Every review comment on the PR, oldest first, as `pulls.listReviewComments` lists them. */
  get reviewComments(): StoredReviewComment[] {
    return [...this.looseReviewComments, ...this.reviews.flatMap((review) => review.comments)].sort(
      (a, b) => a.id - b.id,
    );
  }

  /** Requests of one operation, e.g. `issues/create-comment`. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.operationId === operationId);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const route = spec().routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      operationId: route?.op.operationId,
      query: url.searchParams,
      body: undefined,
      raw,
      status: 0,
    };
    this.requests.push(record);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (route && status < 300) this.checkResponse(route, status, data);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    if (method === 'POST' && url.pathname === '/graphql') {
      this.graphql(req, raw, record, send);
      return;
    }
    try {
      if (!route) throw this.violation(404, `${method} ${url.pathname} is not in GitHub's API description`);
      if (req.headers.authorization !== `token ${this.options.token ?? 'fake-token'}`)
        throw new HttpError(401, 'Bad credentials');
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      record.body = body;
      this.checkRequest(route, body);
      const fault = this.takeFault(route.op.operationId, method);
      if (fault?.behavior === 'hang') return;
      if (fault?.behavior === 'close') {
        req.socket.destroy();
        return;
      }
      if (fault) {
        send(
          fault.status,
          fault.body ?? {
            message: `fault ${fault.status}`,
            documentation_url: 'https://docs.github.com/rest',
          },
          fault.headers,
        );
        return;
      }
      this.hooks[route.op.operationId]?.(this, body);
      const params = Object.fromEntries(
        route.params.map((name, i) => [name, decodeURIComponent(route.pattern.exec(url.pathname)![i + 1])]),
      );
      const [status, data, headers] = this.dispatch(route.op.operationId, params, url, body);
      send(status, data, headers);
    } catch (error) {
      if (error instanceof HttpError) {
        send(error.status, {
          message: error.message,
          documentation_url: 'https://docs.github.com/rest',
          ...(error.errors ? { errors: error.errors, status: String(error.status) } : {}),
        });
      } else {
        this.violations.push(`fake error on ${method} ${url.pathname}: ${(error as Error).stack}`);
        send(500, { message: 'fake server error' });
      }
    }
  }

  /** GraphQL (not in the REST description): only `viewer { login }`, the token's user, as GitHub answers it. */
  private graphql(
    req: http.IncomingMessage,
    raw: string,
    record: RecordedRequest,
    send: (status: number, data?: unknown) => void,
  ): void {
    record.operationId = 'graphql';
    if (req.headers.authorization !== `token ${this.options.token ?? 'fake-token'}`) {
      send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
      return;
    }
    const body = JSON.parse(raw) as { query?: string };
    record.body = body;
    const fault = this.takeFault('graphql', 'POST');
    if (fault) {
      send(fault.status, fault.body ?? { message: `fault ${fault.status}` });
      return;
    }
    if (!/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(body.query ?? '')) {
      this.violations.push(`the fake answers only { viewer { login } }, not ${body.query}`);
      send(200, { errors: [{ message: 'unsupported query' }] });
      return;
    }
    send(200, { data: { viewer: { login: BOT } } });
  }

  private violation(status: number, message: string, errors?: unknown[]): HttpError {
    this.violations.push(message);
    return new HttpError(status, message, errors);
  }

  private takeFault(operationId: string, method: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.operationId === undefined || f.operationId === operationId) &&
        (f.method === undefined || new RegExp(`^(${f.method})$`).test(method)) &&
        (f.times === undefined || f.times > 0),
    );
    if (fault && fault.times !== undefined) fault.times -= 1;
    return fault;
  }

  private checkRequest(route: Route, body: unknown): void {
    const schema = route.op.requestBody?.content?.['application/json']?.schema;
    if (!schema) return;
    const validate = validator(`${route.op.operationId}:request`, schema);
    if (!validate(body)) {
      const detail = spec().ajv.errorsText(validate.errors);
      throw this.violation(422, `${route.op.operationId}: request body does not match the schema: ${detail}`);
    }
  }

  private checkResponse(route: Route, status: number, data: unknown): void {
    const content = route.op.responses?.[String(status)]?.content;
    const schema = content?.['application/json']?.schema;
    if (!schema) return;
    const validate = validator(`${route.op.operationId}:${status}`, schema);
    if (!validate(data))
      this.violations.push(
        `fake response of ${route.op.operationId} does not match the schema: ${spec().ajv.errorsText(validate.errors)}`,
      );
  }

  private dispatch(
    operationId: string,
    params: Record<string, string>,
    url: URL,
    body: unknown,
  ): [number, unknown?, Record<string, string>?] {
    this.checkRepository(params);
    switch (operationId) {
      case 'pulls/get':
        return [200, this.pullRequest()];
      case 'pulls/list-files':
        // GitHub lists at most 3,000 files of a pull request, without saying that it stopped.
        return this.page(
          url,
          this.options.files.slice(0, LISTED_FILES_LIMIT).map((file) => this.diffEntry(file)),
        );
      case 'repos/get-content':
        return this.content(params.path, url.searchParams.get('ref'));
      case 'issues/list-comments':
        return this.page(
          url,
          this.comments.map((comment) => this.issueComment(comment)),
        );
      case 'issues/create-comment':
        return [201, this.issueComment(this.addComment(this.checkedBody(body)))];
      case 'issues/update-comment': {
        const comment = this.comment(params.comment_id);
        comment.body = this.checkedBody(body);
        return [200, this.issueComment(comment)];
      }
      case 'issues/delete-comment': {
        const comment = this.comment(params.comment_id);
        this.comments.splice(this.comments.indexOf(comment), 1);
        return [204];
      }
      case 'pulls/list-review-comments':
        return this.page(
          url,
          this.reviewComments.map((comment) => this.reviewComment(comment)),
        );
      case 'pulls/create-review':
        return [200, this.createReview(body as ReviewRequest)];
      case 'pulls/delete-review-comment':
        this.deleteReviewComment(Number(params.comment_id));
        return [204];
      default:
        throw this.violation(501, `the fake does not implement ${operationId}`);
    }
  }

  private checkRepository(params: Record<string, string>): void {
    if (params.owner !== this.options.owner || params.repo !== this.options.repo)
      throw this.violation(404, `unknown repository ${params.owner}/${params.repo}`);
    const number = params.pull_number ?? params.issue_number;
    if (number !== undefined && Number(number) !== this.options.pullNumber)
      throw this.violation(404, `unknown pull request ${number}`);
  }

  private checkedBody(body: unknown): string {
    const text = (body as { body: string }).body;
    if (text.length > BODY_LIMIT)
      throw this.violation(422, `Body is too long (maximum is ${BODY_LIMIT} characters)`, [
        { resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long' },
      ]);
    return text;
  }

  private deleteReviewComment(id: number): void {
    const loose = this.looseReviewComments.findIndex((comment) => comment.id === id);
    if (loose >= 0) {
      this.looseReviewComments.splice(loose, 1);
      return;
    }
    for (const review of this.reviews) {
      const index = review.comments.findIndex((comment) => comment.id === id);
      if (index >= 0) {
        review.comments.splice(index, 1);
        return;
      }
    }
    throw new HttpError(404, 'Not Found');
  }

  private comment(id: string): StoredComment {
    const comment = this.comments.find((c) => c.id === Number(id));
    if (!comment) throw new HttpError(404, 'Not Found');
    return comment;
  }

  /** GitHub's pagination: `per_page` (max 100), `page`, and a Link header to the next page. */
  private page(url: URL, items: unknown[]): [number, unknown[], Record<string, string>] {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('per_page', String(perPage));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return [200, slice, headers];
  }

  private content(path: string, ref: string | null): [number, unknown] {
    const text = ref === this.options.baseSha ? this.options.baseContents?.[path] : undefined;
    if (text === undefined) throw new HttpError(404, 'Not Found');
    const api = `${this.url}/repos/${this.options.owner}/${this.options.repo}/contents/${path}?ref=${ref}`;
    return [
      200,
      {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text),
        name: path.split('/').at(-1),
        path,
        content: Buffer.from(text).toString('base64'),
        sha: 'a'.repeat(40),
        url: api,
        git_url: null,
        html_url: null,
        download_url: null,
        _links: { git: null, html: null, self: api },
      },
    ];
  }

  private createReview(request: ReviewRequest): unknown {
    if (request.commit_id && request.commit_id !== this.options.headSha)
      this.violations.push(`review on commit ${request.commit_id}, not the PR head ${this.options.headSha}`);
    if ((request.body ?? '').length > BODY_LIMIT) throw this.violation(422, 'review body is too long');
    const review: StoredReview = {
      id: this.nextId++,
      body: request.body ?? '',
      event: request.event ?? 'PENDING',
      commit_id: request.commit_id ?? this.options.headSha,
      comments: [],
    };
    for (const comment of request.comments ?? []) review.comments.push(this.reviewLine(review.id, comment));
    this.reviews.push(review);
    return {
      id: review.id,
      node_id: `PRR_${review.id}`,
      user: user(BOT),
      body: review.body,
      state: review.event === 'COMMENT' ? 'COMMENTED' : review.event,
      commit_id: review.commit_id,
      html_url: `https://github.com/${this.repoPath}/pull/${this.options.pullNumber}#pullrequestreview-${review.id}`,
      pull_request_url: `${this.url}/repos/${this.repoPath}/pulls/${this.options.pullNumber}`,
      _links: {
        html: { href: `https://github.com/${this.repoPath}/pull/${this.options.pullNumber}` },
        pull_request: { href: `${this.url}/repos/${this.repoPath}/pulls/${this.options.pullNumber}` },
      },
      author_association: 'NONE',
    };
  }

  /** GitHub's checks on one review comment; any failure rejects the whole review (422). */
  private reviewLine(reviewId: number, comment: ReviewCommentRequest): StoredReviewComment {
    const reject = (why: string) =>
      this.violation(422, `Unprocessable Entity: ${comment.path}:${comment.line}: ${why}`);
    const file = this.options.files.find((f) => f.filename === comment.path);
    if (!file) throw reject('Path could not be resolved');
    if (comment.line === undefined) throw reject('line is required');
    if (comment.side !== undefined && comment.side !== 'RIGHT' && comment.side !== 'LEFT')
      throw reject(`side must be LEFT or RIGHT, not ${comment.side}`);
    if (comment.side === 'LEFT') throw reject('suggestions must be on the RIGHT side');
    if (comment.body.length > BODY_LIMIT) throw reject('Body is too long');
    const hunks = rightSideHunks(file.patch);
    const hunk = hunks.get(comment.line);
    if (hunk === undefined) throw reject('Pull request review thread line must be part of the diff');
    if (comment.start_line !== undefined) {
      if (comment.start_line >= comment.line) throw reject('start line must precede the end line');
      if (hunks.get(comment.start_line) !== hunk)
        throw reject('start line must be part of the same hunk as the line');
      if (comment.start_side !== undefined && comment.start_side !== 'RIGHT')
        throw reject('start_side must be RIGHT');
    }
    return {
      id: this.nextId++,
      reviewId,
      path: comment.path,
      line: comment.line,
      ...(comment.start_line !== undefined ? { start_line: comment.start_line } : {}),
      side: comment.side ?? 'RIGHT',
      body: comment.body,
    };
  }

  private get repoPath(): string {
    return `${this.options.owner}/${this.options.repo}`;
  }

  private issueComment(comment: StoredComment): unknown {
    const api = `${this.url}/repos/${this.repoPath}`;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${this.repoPath}/pull/${this.options.pullNumber}#issuecomment-${comment.id}`,
      issue_url: `${api}/issues/${this.options.pullNumber}`,
      body: comment.body,
      user: user(comment.login),
      created_at: '2026-11-26T05:00:00Z',
      updated_at: '2026-11-26T05:00:00Z',
      author_association: 'NONE',
    };
  }

  private reviewComment(comment: StoredReviewComment): unknown {
    const api = `${this.url}/repos/${this.repoPath}`;
    const file = this.options.files.find((f) => f.filename === comment.path);
    return {
      url: `${api}/pulls/comments/${comment.id}`,
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      pull_request_review_id: comment.reviewId,
      diff_hunk: file?.patch ?? '',
      path: comment.path,
      commit_id: this.options.headSha,
      original_commit_id: this.options.headSha,
      ...(comment.in_reply_to_id !== undefined ? { in_reply_to_id: comment.in_reply_to_id } : {}),
      user: comment.login === null ? null : user(comment.login ?? BOT),
      body: comment.body,
      created_at: '2026-11-26T05:00:00Z',
      updated_at: '2026-11-26T05:00:00Z',
      html_url: `https://github.com/${this.repoPath}/pull/${this.options.pullNumber}#discussion_r${comment.id}`,
      pull_request_url: `${api}/pulls/${this.options.pullNumber}`,
      author_association: 'NONE',
      _links: {
        self: { href: `${api}/pulls/comments/${comment.id}` },
        html: {
          href: `https://github.com/${this.repoPath}/pull/${this.options.pullNumber}#discussion_r${comment.id}`,
        },
        pull_request: { href: `${api}/pulls/${this.options.pullNumber}` },
      },
      line: comment.line,
      original_line: comment.line,
      side: comment.side,
      ...(comment.start_line !== undefined ? { start_line: comment.start_line, start_side: 'RIGHT' } : {}),
    };
  }

  /** The PR as `pulls.get` answers: GitHub's example pull request with this fake's number, head and base. */
  private pullRequest(): unknown {
    const example = structuredClone(spec().pullRequestExample);
    const api = `${this.url}/repos/${this.repoPath}/pulls/${this.options.pullNumber}`;
    return {
      ...example,
      url: api,
      number: this.options.pullNumber,
      state: 'open',
      // The example's team lacks the `type` its own schema requires.
      requested_teams: [],
      head: { ...example.head, sha: this.options.headSha },
      base: { ...example.base, sha: this.options.baseSha },
    };
  }

  private diffEntry(file: PullFile): unknown {
    const blob = `https://github.com/${this.repoPath}/blob/${this.options.headSha}/${file.filename}`;
    return {
      sha: 'b'.repeat(40),
      filename: file.filename,
      status: file.status,
      additions: file.additions ?? 0,
      deletions: file.deletions ?? 0,
      changes: (file.additions ?? 0) + (file.deletions ?? 0),
      blob_url: blob,
      raw_url: blob.replace('/blob/', '/raw/'),
      contents_url: `${this.url}/repos/${this.repoPath}/contents/${file.filename}?ref=${this.options.headSha}`,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
      ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
    };
  }
}

interface ReviewCommentRequest {
  path: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  body: string;
}

interface ReviewRequest {
  commit_id?: string;
  body?: string;
  event?: string;
  comments?: ReviewCommentRequest[];
}

/** Head line → hunk index for the RIGHT side of a unified-diff patch (added and context lines). */
export function rightSideHunks(patch: string | undefined): Map<number, number> {
  const lines = new Map<number, number>();
  let hunk = -1;
  let next = 0;
  for (const row of (patch ?? '').split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      hunk += 1;
      next = Number(header[1]);
    } else if (hunk >= 0 && (row.startsWith('+') || row.startsWith(' '))) {
      lines.set(next, hunk);
      next += 1;
    }
  }
  return lines;
}

function user(login: string): unknown {
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    login,
    id: 41898282,
    node_id: 'MDM6Qm90NDE4OTgyODI=',
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/apps/github-actions`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}
