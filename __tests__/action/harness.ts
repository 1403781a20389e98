/**
 * Runs the bundled action as a real process, the way the runner does: a git workspace with a base and a head
 * commit, a pull_request event file, INPUT_* variables, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FakeGitHub, FakeGitHubOptions, PullFile } from './fake-github.js';

const exec = promisify(execFile);
export const REPO_ROOT = path.resolve(process.cwd());

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `dig-${prefix}-`));
}

/** Bundles src/index.ts with ncc into a fresh folder (never the committed dist/). */
export async function buildBundle(): Promise<string> {
  const out = await tempDir('bundle');
  await exec(path.join(REPO_ROOT, 'node_modules/.bin/ncc'), ['build', 'src/index.ts', '-o', out], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return path.join(out, 'index.js');
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function copyTree(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true });
}

async function clearTree(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir)) {
    if (entry !== '.git') await fs.rm(path.join(dir, entry), { recursive: true, force: true });
  }
}

export interface Workspace {
  dir: string;
  baseSha: string;
  headSha: string;
  /** The PR's files with GitHub-style patches, from `git diff` between the two commits. */
  files: PullFile[];
  baseContents: Record<string, string>;
}

/**
 * A git repository whose first commit is `examples/<name>/base` and second is `examples/<name>/head`,
 * with `edit` applied to the head tree before its commit.
 */
export async function makeWorkspace(
  example: string,
  edit: (head: string) => Promise<void> = async () => {},
): Promise<Workspace> {
  const dir = await tempDir('ws');
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'config', 'user.email', 'test@example.com');
  await git(dir, 'config', 'user.name', 'test');
  await copyTree(path.join(REPO_ROOT, 'examples', example, 'base'), dir);
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = (await git(dir, 'rev-parse', 'HEAD')).trim();
  await clearTree(dir);
  await copyTree(path.join(REPO_ROOT, 'examples', example, 'head'), dir);
  await edit(dir);
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'head');
  const headSha = (await git(dir, 'rev-parse', 'HEAD')).trim();
  return { dir, baseSha, headSha, ...(await pullFiles(dir, baseSha, headSha)) };
}

/** The CNI example's base with only a README added: a PR that changes no manifest. */
export function readmeOnlyWorkspace(): Promise<Workspace> {
  return makeWorkspace('cni-without-annotation', async (head) => {
    await fs.rm(path.join(head, 'platform'), { recursive: true });
    await fs.cp(
      path.join(REPO_ROOT, 'examples/cni-without-annotation/base/platform'),
      path.join(head, 'platform'),
      { recursive: true },
    );
    await fs.writeFile(path.join(head, 'README.md'), '# platform\n');
  });
}

/** The example where a PR adds a DynaKube to a locked-down mesh: one new finding, with a fix on the diff. */
export function dynakubeWorkspace(
  edit: (head: string) => Promise<void> = async () => {},
): Promise<Workspace> {
  return makeWorkspace('secure-mesh-gains-dynakube', edit);
}

/**
 * The mesh-locks-down-egress example with the DynaKube's apiUrl a placeholder: the mesh allows only registered
 * hosts, so a run asks the Dynatrace API given as input for the endpoints of the ServiceEntries it generates.
 */
export function placeholderTenantWorkspace(): Promise<Workspace> {
  return makeWorkspace('mesh-locks-down-egress', async (head) => {
    const file = path.join(head, 'clusters/eu/dynatrace/dynakube.yaml');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(
      file,
      text.replace(/apiUrl: .*/, 'apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api'),
    );
  });
}

async function pullFiles(dir: string, baseSha: string, headSha: string) {
  const files: PullFile[] = [];
  const baseContents: Record<string, string> = {};
  const statuses = (await git(dir, 'diff', '--name-status', '--no-renames', baseSha, headSha))
    .trim()
    .split('\n');
  for (const row of statuses.filter(Boolean)) {
    const [code, filename] = row.split('\t');
    const status = code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified';
    const diff = await git(dir, 'diff', '--no-renames', '-U3', baseSha, headSha, '--', filename);
    const patch = diff.slice(diff.indexOf('@@')).replace(/\n$/, '');
    files.push({ filename, status, patch });
    if (status !== 'added') baseContents[filename] = await git(dir, 'show', `${baseSha}:${filename}`);
  }
  return { files, baseContents };
}

/** Drops the base commit from the clone, as `actions/checkout` with its default depth leaves it. */
export async function shallowClone(workspace: Workspace): Promise<string> {
  const dir = await tempDir('shallow');
  await exec('git', ['clone', '-q', '--depth', '1', `file://${workspace.dir}`, dir]);
  return dir;
}

export function fakeOptions(workspace: Workspace, extra: Partial<FakeGitHubOptions> = {}): FakeGitHubOptions {
  return {
    owner: 'acme',
    repo: 'platform',
    pullNumber: 42,
    baseSha: workspace.baseSha,
    headSha: workspace.headSha,
    files: workspace.files,
    baseContents: workspace.baseContents,
    ...extra,
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** The GITHUB_OUTPUT file as written. */
  outputText: string;
  summary: string;
}

export interface RunOptions {
  bundle: string;
  workspace: string;
  fake?: FakeGitHub;
  event?: { name: string; payload: unknown };
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

export function pullRequestEvent(workspace: Workspace, number = 42): { name: string; payload: unknown } {
  const repo = { full_name: 'acme/platform' };
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        base: { sha: workspace.baseSha, ref: 'main', repo },
        head: { sha: workspace.headSha, ref: 'feature', repo },
      },
    },
  };
}

/** `name<<delimiter` blocks of a GITHUB_OUTPUT file. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3];
  return outputs;
}

/** The runner's files and environment for one run: event file, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, INPUT_*. */
export interface RunnerFiles {
  env: Record<string, string>;
  /** Reads what the run left in the runner's files. */
  collect(): Promise<Pick<RunResult, 'outputs' | 'outputText' | 'summary'>>;
}

export async function runnerFiles(options: Omit<RunOptions, 'bundle'>): Promise<RunnerFiles> {
  const scratch = await tempDir('run');
  const eventPath = path.join(scratch, 'event.json');
  const outputPath = path.join(scratch, 'output.txt');
  const summaryPath = path.join(scratch, 'summary.md');
  await fs.writeFile(eventPath, JSON.stringify(options.event?.payload ?? {}));
  await fs.writeFile(outputPath, '');
  await fs.writeFile(summaryPath, '');
  const inputs = Object.fromEntries(
    Object.entries({ 'github-token': 'fake-token', ...options.inputs }).map(([k, v]) => [
      `INPUT_${k.toUpperCase()}`,
      v,
    ]),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event?.name ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1234',
    GITHUB_API_URL: options.fake?.url ?? 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    ...inputs,
    ...options.env,
  };
  return {
    env,
    async collect() {
      const outputText = await fs.readFile(outputPath, 'utf8');
      return {
        outputs: parseOutputs(outputText),
        outputText,
        summary: await fs.readFile(summaryPath, 'utf8'),
      };
    },
  };
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const runner = await runnerFiles(options);
  const child = spawn(process.execPath, [options.bundle], { cwd: options.workspace, env: runner.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? -1)));
  return { code, stdout, stderr, ...(await runner.collect()) };
}
