import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub, type Fault } from '../action/fake-github.js';
import {
  fakeOptions,
  placeholderTenantWorkspace,
  pullRequestEvent,
  runAction,
  shallowClone,
  tempDir,
  type Workspace,
} from '../action/harness.js';
import { json, startApi, type Handler } from '../generate/helpers.js';
import { bundle } from '../helpers/bundle.js';

/**
 * Tokens never leave the process except to the server they are for. The bundled action and CLI run with
 * recognizable tokens against servers that fail in the worst ways: error bodies that echo the Authorization
 * header back, 401s, 500s and dropped connections. Every channel a run writes is then searched for the tokens.
 * The only place a token may appear is the `::add-mask::` command that tells the runner to hide it.
 */

const GITHUB_TOKEN = 'ghp_' + 'R7kQ2mZx9LbV4cWn8YtH3sJd6FgA1pEu5oKi';
const DYNATRACE_TOKEN = `dt0c01.${'ST2EY72KQINMH574WMNVI7YN'}.${'G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM'}`;
/** Pieces that would betray a token even if it were cut or wrapped. */
const NEEDLES = [
  GITHUB_TOKEN,
  GITHUB_TOKEN.slice(4),
  DYNATRACE_TOKEN,
  DYNATRACE_TOKEN.split('.')[1],
  DYNATRACE_TOKEN.split('.')[2],
];

const MASK_LINES = new Set([`::add-mask::${GITHUB_TOKEN}`, `::add-mask::${DYNATRACE_TOKEN}`]);

/** Channel names in which a token piece was found; stdout's own mask commands are allowed. */
function leaks(channels: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, text] of Object.entries(channels)) {
    const searched =
      name === 'stdout'
        ? text
            .split('\n')
            .filter((line) => !MASK_LINES.has(line))
            .join('\n')
        : text;
    for (const needle of NEEDLES)
      if (searched.includes(needle)) found.push(`${name} has ${needle.slice(0, 12)}…`);
  }
  return found;
}

async function readTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = await fs.readFile(full, 'utf8');
  }
  return files;
}

/** A Dynatrace API that fails, each way echoing the request's Authorization header where it can. */
const DYNATRACE_FAULTS: Record<string, Handler> = {
  '401 echoing the header': (request, response) =>
    json(response, 401, {
      error: { code: 401, message: `Token Authentication failed for ${request.headers.authorization}` },
    }),
  '500 echoing the header': (request, response) => {
    response.writeHead(500, {
      'content-type': 'text/plain',
      'x-echo': String(request.headers.authorization),
    });
    response.end(`internal error while serving ${request.headers.authorization}`);
  },
  'connection closed': (request) => request.socket.destroy(),
};

function echoed(status: number, operationId?: string): Fault {
  return {
    ...(operationId ? { operationId } : {}),
    status,
    body: {
      message: `Request refused for Authorization: token ${GITHUB_TOKEN}`,
      errors: [{ resource: 'Token', code: 'invalid', message: `token ${GITHUB_TOKEN} is not valid here` }],
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}

/** The CLI as a process, without blocking this one: the fake servers live in it. */
function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
}

const CLI_ENV = { DT_API_TOKEN: DYNATRACE_TOKEN, GITHUB_TOKEN };

let action: string;
let cli: string;
let workspace: Workspace;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  action = bundle('action');
  cli = bundle('cli');
  workspace = await placeholderTenantWorkspace();
}, 240_000);

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function dynatrace(handler: Handler) {
  const api = await startApi(handler);
  closers.push(api.close);
  return api;
}

interface ActionCase {
  name: string;
  dynatrace: keyof typeof DYNATRACE_FAULTS;
  faults: Fault[];
  /** A clone without the base commit: the base is read through the (failing) API. */
  shallow?: boolean;
  posts?: boolean;
}

const ACTION_CASES: ActionCase[] = [
  {
    name: 'GitHub answers 500 echoing the token on every request; Dynatrace 401 echoing the header',
    dynatrace: '401 echoing the header',
    faults: [echoed(500)],
    shallow: true,
  },
  {
    name: 'GitHub answers 401 echoing the token; Dynatrace 500 echoing the header',
    dynatrace: '500 echoing the header',
    faults: [echoed(401)],
  },
  {
    name: 'GitHub answers 502 once (token echoed), then takes the comment; Dynatrace closes the connection',
    dynatrace: 'connection closed',
    faults: [{ ...echoed(502, 'issues/list-comments'), times: 1 }],
    posts: true,
  },
];

describe('tokens never leak', () => {
  it.each(ACTION_CASES)('action: $name', async (row) => {
    const api = await dynatrace(DYNATRACE_FAULTS[row.dynatrace]);
    const fake = await FakeGitHub.start(fakeOptions(workspace, { token: GITHUB_TOKEN }));
    closers.push(() => fake.close());
    fake.faults.push(...row.faults);
    const out = await tempDir('secrets');
    const result = await runAction({
      bundle: action,
      workspace: row.shallow ? await shallowClone(workspace) : workspace.dir,
      fake,
      event: pullRequestEvent(workspace),
      inputs: {
        'github-token': GITHUB_TOKEN,
        'dynatrace-api-url': api.url,
        'dynatrace-api-token': DYNATRACE_TOKEN,
        'sarif-file': path.join(out, 'guard.sarif'),
        'output-dir': path.join(out, 'report'),
      },
      env: { DKIG_RETRY_UNIT_MS: '1', DKIG_REQUEST_TIMEOUT_MS: '2000' },
    });

    // The runs went where the tokens are used, and failed there.
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((request) => request.authorization === `Api-Token ${DYNATRACE_TOKEN}`)).toBe(
      true,
    );
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.some((request) => request.status >= 400)).toBe(true);
    // Either GitHub took the comment after the retry (its body is searched below) or the run warned.
    if (row.posts) expect(fake.comments).toHaveLength(1);
    else expect(result.stdout).toContain('::warning::');
    const report = JSON.parse(await fs.readFile(path.join(out, 'report/report.json'), 'utf8'));
    expect(JSON.stringify(report.notEvaluable)).toMatch(
      /not generated: http:\/\/127\.0\.0\.1:\d+\/api\/v1\//,
    );
    // Both tokens are masked first thing.
    expect(result.stdout.split('\n').slice(0, 2).sort()).toEqual([...MASK_LINES].sort());

    const channels: Record<string, string> = {
      stdout: result.stdout,
      stderr: result.stderr,
      'step summary': result.summary,
      GITHUB_OUTPUT: result.outputText,
      ...(await readTree(out)),
      ...Object.fromEntries(
        fake.requests.map((request, i) => [`request ${i} ${request.method} ${request.path}`, request.raw]),
      ),
      comments: JSON.stringify(fake.comments),
      reviews: JSON.stringify(fake.reviews),
    };
    expect(Object.keys(channels)).toEqual(expect.arrayContaining(['guard.sarif', 'report/report.json']));
    expect(leaks(channels)).toEqual([]);
  });

  const formats = ['json', 'markdown', 'sarif', 'text'] as const;
  it.each(Object.keys(DYNATRACE_FAULTS))('CLI: Dynatrace %s, in every format', async (fault) => {
    const api = await dynatrace(DYNATRACE_FAULTS[fault]);
    const out = await tempDir('secrets-cli');
    const channels: Record<string, string> = {};
    for (const format of formats) {
      const file = path.join(out, `report.${format}`);
      const args = ['check', '--head', workspace.dir, '--dynatrace-api-url', api.url, '--format', format];
      const [result, written] = await Promise.all([
        runCli(args, CLI_ENV),
        runCli([...args, '--output', file], CLI_ENV),
      ]);
      expect([result.status, written.status]).toEqual([1, 1]);
      channels[`${format} stdout`] = result.stdout;
      channels[`${format} stderr`] = result.stderr + written.stderr + written.stdout;
      channels[`${format} file`] = await fs.readFile(file, 'utf8');
    }
    expect(channels['json stdout']).toMatch(/not generated: http:\/\/127\.0\.0\.1:\d+\/api\/v1\//);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((request) => request.authorization === `Api-Token ${DYNATRACE_TOKEN}`)).toBe(
      true,
    );
    expect(leaks(channels)).toEqual([]);
  });

  it('CLI: a token put in the API URL itself is not printed back', async () => {
    const api = await dynatrace(DYNATRACE_FAULTS['401 echoing the header']);
    const url = api.url.replace('http://', `http://token:${DYNATRACE_TOKEN}@`);
    const withQuery = `${api.url}?Api-Token=${DYNATRACE_TOKEN}`;
    const channels: Record<string, string> = {};
    for (const [name, apiUrl] of Object.entries({ userinfo: url, query: withQuery })) {
      const result = await runCli(
        ['check', '--head', workspace.dir, '--dynatrace-api-url', apiUrl, '--format', 'json'],
        CLI_ENV,
      );
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/not generated: http:\/\/127\.0\.0\.1:\d+\/api/);
      channels[`${name} stdout`] = result.stdout;
      channels[`${name} stderr`] = result.stderr;
    }
    expect(leaks(channels)).toEqual([]);
  });
});
