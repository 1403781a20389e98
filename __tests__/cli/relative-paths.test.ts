import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TempGitRepo } from '../helpers/git-repo.js';
import { runCli } from './run-in-process.js';

const EXAMPLE = path.resolve('examples/secure-mesh-gains-dynakube');

/**
 * A platform engineer's shell: the repository (a git repository holding the example's head) is not the current
 * directory, which holds folders and a config file of its own. Every relative path on the command line must be read
 * from the current directory, as kubectl, eslint or helm read theirs; only the default config file is looked up in
 * `--repo`.
 */
let repo: TempGitRepo;
let cwd: string;
/** `--repo` as a user in `cwd` writes it: relative to where they are. */
let repoArg: string;

beforeAll(() => {
  repo = new TempGitRepo();
  repo.replaceTreeWith(path.join(EXAMPLE, 'head'));
  repo.write('settings/guard.yml', 'rules:\n  enable-istio-required: warning\n');
  repo.commit('head');
  cwd = mkdtempSync(path.join(tmpdir(), 'dkig-cwd-'));
  cpSync(path.join(EXAMPLE, 'base'), path.join(cwd, 'before'), { recursive: true });
  cpSync(path.join(EXAMPLE, 'head'), path.join(cwd, 'after'), { recursive: true });
  writeFileSync(path.join(cwd, 'guard.yml'), 'rules:\n  enable-istio-required: warning\n');
  // A default config file in the current directory is not the repository's: it must not be read.
  mkdirSync(path.join(cwd, '.github'));
  writeFileSync(path.join(cwd, '.github/dynakube-istio-guard.yml'), 'rules:\n  enable-istio-required: off\n');
  repoArg = path.relative(cwd, repo.dir);
});
afterAll(() => {
  repo.remove();
  rmSync(cwd, { recursive: true, force: true });
});

const check = (...args: string[]) =>
  runCli(['check', '--repo', repoArg, '--format', 'json', ...args], { cwd });
const findingsOf = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { ruleId: string; severity: string; status: string }[] }).findings.map(
    ({ ruleId, severity, status }) => `${ruleId} ${severity} ${status}`,
  );

describe('relative paths on the command line are taken from the current directory', () => {
  it('--base: a folder of the current directory, compared with the repository', async () => {
    const { code, stdout, stderr } = await check('--base', 'before');
    expect(stderr).toBe('');
    // The base folder has no DynaKube: the repository's is new, and so is its error.
    expect(findingsOf(stdout)).toEqual(['enable-istio-required error new']);
    expect((JSON.parse(stdout) as { changes: unknown[] }).changes).not.toEqual([]);
    expect(code).toBe(1);
  });

  it('--head: a folder of the current directory, read instead of the repository', async () => {
    const onBase = await check('--head', 'before');
    expect(onBase.stderr).toBe('');
    expect(findingsOf(onBase.stdout)).toEqual([]);
    expect(onBase.code).toBe(0);
  });

  it('--config: a file of the current directory; the default one only in --repo', async () => {
    const configured = await check('--config', 'guard.yml');
    expect(configured.stderr).toBe('');
    expect(findingsOf(configured.stdout)).toEqual(['enable-istio-required warning new']);
    expect(configured.code).toBe(0);
    // The current directory's .github/dynakube-istio-guard.yml (rule off) is not the repository's.
    expect(findingsOf((await check()).stdout)).toEqual(['enable-istio-required error new']);
  });

  it('--output and --output-dir: written below the current directory, not into the repository', async () => {
    const { stderr } = await check('--output', 'reports/r.json', '--output-dir', 'artifacts');
    expect(stderr).toBe('');
    expect(findingsOf(readFileSync(path.join(cwd, 'reports/r.json'), 'utf8'))).toHaveLength(1);
    expect(existsSync(path.join(cwd, 'artifacts/report.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'artifacts/generated/dynatrace.yaml'))).toBe(true);
    expect(existsSync(path.join(repo.dir, 'reports'))).toBe(false);
    expect(existsSync(path.join(repo.dir, 'artifacts'))).toBe(false);
  });

  it('never reads back what it wrote into a --head folder named from the current directory', async () => {
    cpSync(path.join(EXAMPLE, 'head'), path.join(cwd, 'written'), { recursive: true });
    const args = ['--head', 'written', '--output-dir', 'written/out'];
    const first = await check(...args);
    expect(existsSync(path.join(cwd, 'written/out/generated/dynatrace.yaml'))).toBe(true);
    // The generated ServiceEntries read as the tree's own would change the report.
    expect((await check(...args)).stdout).toBe(first.stdout);
  });

  it('model: --head and --config from the current directory too', async () => {
    const fromCwd = await runCli(['model', '--repo', repoArg, '--head', 'before', '--config', 'guard.yml'], {
      cwd,
    });
    expect(fromCwd.stderr).toBe('');
    expect(fromCwd.stdout).toBe((await runCli(['model', '--repo', path.join(cwd, 'before')])).stdout);
  });
});

it('says so in --help and in the README CLI section', async () => {
  const rule = /relative to the\s+current directory/;
  expect((await runCli(['check', '--help'])).stdout).toMatch(rule);
  const readme = readFileSync('README.md', 'utf8');
  expect(readme.slice(readme.indexOf('## CLI'), readme.indexOf('## Rules'))).toMatch(rule);
});

describe('a path that does not work says why in one line, exit 2', () => {
  it.each([
    [
      'a folder of --repo named relative to it',
      ['--base', 'clusters'],
      /^'clusters' is neither a directory nor a git ref in \S+ \(a relative folder is taken from the current directory; the one in \S+ is \S+\/clusters\)$/,
    ],
    [
      'a config file of --repo named relative to it',
      ['--config', 'settings/guard.yml'],
      /^config file settings\/guard\.yml cannot be read \(a relative path is taken from the current directory; the one in \S+ is \S+\/settings\/guard\.yml\)$/,
    ],
  ])('%s', async (_, args, reason) => {
    const { code, stdout, stderr } = await check(...args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr.replace(/^dynakube-istio-guard: /, '').trimEnd()).toMatch(reason);
  });

  it.each([
    ['check', '--base'],
    ['model', '--head'],
  ])('%s %s <git ref> when --repo is not in a git repository', async (command, flag) => {
    const { code, stdout, stderr } = await runCli([command, '--repo', 'after', flag, 'main'], { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      "dynakube-istio-guard: 'main' is not a directory, and git cannot read refs in after: not a git repository (or any of the parent directories): .git\n",
    );
  });

  it('a git ref a shallow clone does not have (a CI checkout by default)', async () => {
    const shallow = path.join(cwd, 'shallow');
    repo.commit('second');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow]);
    const { code, stderr } = await runCli(['check', '--repo', 'shallow', '--base', 'HEAD~1'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe(
      "dynakube-istio-guard: 'HEAD~1' is neither a directory nor a git ref in shallow (the clone is shallow: fetch that ref, or clone with history, e.g. fetch-depth: 0)\n",
    );
  });
});

describe('SARIF paths start at the top of the git repository, where code scanning looks for them', () => {
  const uris = (stdout: string) =>
    (
      JSON.parse(stdout) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      }
    ).runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri);

  it.each([
    ['--repo a folder below the top', () => ['--repo', path.join(repoArg, 'clusters/prod')]],
    [
      '--repo a folder below the top, --head a git ref',
      () => ['--repo', path.join(repoArg, 'clusters/prod'), '--head', 'HEAD'],
    ],
    [
      '--head a folder below the top',
      () => ['--repo', repoArg, '--head', path.join(repoArg, 'clusters/prod')],
    ],
  ])('%s', async (_, args) => {
    const sarif = await runCli(['check', ...args(), '--format', 'sarif'], { cwd });
    expect(sarif.stderr).toBe('');
    expect(uris(sarif.stdout)).toEqual(['clusters/prod/dynatrace/dynakube.yaml']);
    // The JSON report keeps paths relative to the tree read, as documented.
    const json = await runCli(['check', ...args(), '--format', 'json'], { cwd });
    expect(JSON.parse(json.stdout).findings[0].file).toBe('dynatrace/dynakube.yaml');
  });

  it('a tree outside git: relative to the tree', async () => {
    const sarif = await runCli(['check', '--repo', 'after', '--format', 'sarif'], { cwd });
    expect(uris(sarif.stdout)).toEqual(['clusters/prod/dynatrace/dynakube.yaml']);
  });
});
