import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { chartGlobsFromConfig, type ChartGlobs } from './config/charts.js';
import { assumedVersionProblem, type AssumedVersions } from './model/assumed-versions.js';
import { ConfigError, loadConfig, ruleLevel, type GuardConfig } from './config/load.js';
import {
  check,
  InputError,
  isDirectory,
  loadModel,
  ParseCache,
  resolveSource,
  type LoadStats,
} from './engine.js';
import { OutputError, writeOutputFile } from './output-file.js';
import { explainModel } from './report/explain.js';
import { directorySource } from './sources/directory.js';
import { isUnreadableGlob, ownOutputExcludes, type RunOutputs } from './sources/select.js';
import { DEFAULT_TIMEOUT_MS } from './generate/dynatrace-api.js';
import { writeGeneratedManifests, type GenerateOptions } from './generate/index.js';
import { requestTimeoutMs } from './request-timeout.js';
import { ALL_RULES } from './rules/index.js';
import { renderJson } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderText } from './report/text.js';
import { failingFindings, type FailPolicy } from './report/format.js';
import type { FailOn, FailScope, Report } from './report/types.js';
import { git, GitError } from './sources/git.js';
import packageJson from '../package.json' with { type: 'json' };

const USAGE = `Usage: dynakube-istio-guard check [options]

Reviews DynaKube and Istio configuration: what breaks, on base and head of a change.

Options:
  --base <dir|git-ref>     the state before the change (a directory, or a git ref in --repo)
  --head <dir|git-ref>     the state after the change (default: the working tree of --repo)
  --repo <path>            the repository (default: .)
  --config <file>          config file (default: .github/dynakube-istio-guard.yml in --repo, if present)
  --format <f>             text | json | markdown | sarif (default: text)
  --output <file>          write the report to a file instead of stdout (its folder is made if missing)
  --fail-on <level>        error | warning | info | never (default: error)
  --fail-scope <scope>     new | all (default: new)
  --rule <id=level>        change a rule's severity or switch it off (repeatable), e.g. --rule cni-csi-deadlock=off
  --dynatrace-api-url <url>
                           Dynatrace API URL for the generated ServiceEntries; with the token in the
                           DT_API_TOKEN environment variable, OneAgent / ActiveGate endpoints are queried live
  --generate <scope>       needed | all: which manifests to generate (default: needed, what the mesh calls for)
  --output-dir <dir>       write generated manifests (<dir>/generated/<namespace>.yaml) and report.json
  --istio-version <v>      Istio version of installs the repository does not pin (default: the newest release)
  --kubernetes-version <v> the cluster's Kubernetes version: decides Istio's "auto" native sidecars (on from 1.33)
  --paths <glob>           files to read (repeatable; default **/*.yaml, **/*.yml)
  --exclude <glob>         files to skip (repeatable)
  -h, --help               show this help
  --version                print the version

Paths given on the command line (--repo, --base, --head, --config, --output, --output-dir) are relative to the
current directory, as in kubectl or eslint; only the default config file is looked up in --repo. Globs (--paths,
--exclude, the config file's) match paths relative to the tree read: --repo, or a --head / --base folder.

Exit status: 0 pass, 1 findings at or above --fail-on, 2 bad invocation, unreadable input, a glob that cannot
be parsed (--paths, --exclude or the config file), --paths that match no file, or an output that cannot be
written.

       dynakube-istio-guard model [--head <dir|git-ref>] [--repo <path>] [--config <file>] [--output <file>]
                                  [--paths <glob>] [--exclude <glob>] [--istio-version <v>]
                                  [--kubernetes-version <v>]

Prints the effective Dynatrace and mesh facts the rules see (outbound policy, mTLS and data-plane mode per
namespace, CNI, native sidecars, versions, operator namespace, CSI driver), each with the file and line it
comes from, and what could not be evaluated.`;

class UsageError extends Error {}

type FlagSpecs = NonNullable<ParseArgsConfig['options']>;

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const FAIL_SCOPE = ['new', 'all'] as const;

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as T;
}

function parseRuleFlags(flags: string[]): Record<string, 'error' | 'warning' | 'info' | 'off'> {
  const known = new Set(ALL_RULES.map((rule) => rule.meta.id));
  const settings: Record<string, 'error' | 'warning' | 'info' | 'off'> = {};
  for (const flag of flags) {
    const [id, level, ...rest] = flag.split('=');
    if (!known.has(id)) throw new UsageError(`--rule: unknown rule '${id}'`);
    const setting = rest.length === 0 ? ruleLevel(level) : undefined;
    if (!setting) throw new UsageError(`--rule ${flag}: write <id>=<error|warning|info|off>`);
    settings[id] = setting;
  }
  return settings;
}

/**
 * The globs of a repeatable `--paths` / `--exclude` flag, refusing one picomatch cannot parse: it would match
 * nothing, so the run would silently read (or skip) no file.
 */
function globFlag(flag: 'paths' | 'exclude', globs: string[] | undefined): string[] {
  const unreadable = (globs ?? []).find(isUnreadableGlob);
  if (unreadable !== undefined)
    throw new InputError(`--${flag} has a glob that is not valid: '${unreadable}'`);
  return globs ?? [];
}

interface RenderOptions {
  /** Text for a terminal: colour unless NO_COLOR. */
  toTerminal: boolean;
  failPolicy: FailPolicy;
  /** SARIF: the tree's folder below the top of its git repository. */
  uriPrefix: string;
}

function render(report: Report, format: (typeof FORMATS)[number], options: RenderOptions): string {
  const { toTerminal, failPolicy, uriPrefix } = options;
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report, { failPolicy });
  if (format === 'sarif') return renderSarif(report, { toolVersion: packageJson.version, uriPrefix });
  return renderText(report, { color: toTerminal && !process.env.NO_COLOR, failPolicy });
}

/**
 * The chart mappings of an explicit `--config` file for the model build. Without `--config` the build reads the tree's
 * own config file, so each side of a check uses the mappings of its own revision.
 */
function chartsOf(explicitConfig: string | undefined, config: GuardConfig): { charts?: ChartGlobs } {
  return explicitConfig ? { charts: chartGlobsFromConfig(config.raw) } : {};
}

/** `--paths` that match no file would pass a run that read nothing: a mistyped glob must not look like a clean tree. */
function refuseUnmatchedPaths(paths: string[], filesListed: number | undefined, where: string): void {
  if (paths.length > 0 && filesListed === 0)
    throw new InputError(`--paths ${paths.join(', ')} matches no file ${where}`);
}

/** `DKIG_STATS=1`: one JSON line on stderr with counts, time and peak memory, for `npm run bench`. */
function writeStats(stats: LoadStats | undefined): void {
  const usage = process.resourceUsage();
  const line = {
    ...stats,
    ms: Math.round(performance.now()),
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    maxRssMB: Math.round(usage.maxRSS / 1024),
  };
  process.stderr.write(`dkig-stats ${JSON.stringify(line)}\n`);
}

/**
 * Whether `text` parses as an http(s) URL with a host. A looser test let `http://host:port-typo` through, and the
 * generator, unable to read it, then queried each DynaKube's own tenant with the token.
 */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/** The API token only comes from the environment, so it never shows in a process list or shell history. */
function generateOptions(apiUrl: string | undefined, scope: string | undefined): GenerateOptions {
  // Not repeated in the message: a URL may carry the token (userinfo, query), and stderr ends up in CI logs.
  if (apiUrl !== undefined && !isHttpUrl(apiUrl)) {
    throw new UsageError(
      '--dynatrace-api-url must be an http(s) URL, e.g. https://<environment-id>.live.dynatrace.com/api',
    );
  }
  const token = process.env.DT_API_TOKEN?.trim();
  return {
    scope: oneOf('generate', scope, ['needed', 'all'] as const, 'needed'),
    ...(apiUrl || token
      ? {
          dynatrace: {
            ...(apiUrl ? { apiUrl } : {}),
            ...(token ? { token } : {}),
            timeoutMs: requestTimeoutMs(DEFAULT_TIMEOUT_MS),
          },
        }
      : {}),
  };
}

/** The flags of `check`, as `parseArgs` takes them; the help text and the README list each one. */
export const CHECK_OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  repo: { type: 'string', default: '.' },
  config: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  'fail-scope': { type: 'string' },
  rule: { type: 'string', multiple: true, default: [] },
  paths: { type: 'string', multiple: true, default: [] },
  exclude: { type: 'string', multiple: true, default: [] },
  'dynatrace-api-url': { type: 'string' },
  generate: { type: 'string' },
  'output-dir': { type: 'string' },
  'istio-version': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies FlagSpecs;

/** The flags of `model`. */
export const MODEL_OPTIONS = {
  head: { type: 'string' },
  repo: { type: 'string', default: '.' },
  config: { type: 'string' },
  output: { type: 'string' },
  paths: { type: 'string', multiple: true, default: [] },
  exclude: { type: 'string', multiple: true, default: [] },
  'istio-version': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies FlagSpecs;

/** `--istio-version` / `--kubernetes-version`, each checked to name a release. */
function assumedVersions(values: { 'istio-version'?: string; 'kubernetes-version'?: string }): {
  assume?: AssumedVersions;
} {
  const assume: AssumedVersions = {};
  for (const [flag, key] of [
    ['istio-version', 'istioVersion'],
    ['kubernetes-version', 'kubernetesVersion'],
  ] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    const problem = assumedVersionProblem(`--${flag}`, value);
    if (problem) throw new UsageError(problem);
    assume[key] = value.trim();
  }
  return Object.keys(assume).length > 0 ? { assume } : {};
}

/**
 * The flags of one command, refusing an empty value (`--base=`, `--output ""`): taken as given it would read as
 * the flag left out (no base, so no diff; the report on stdout) without a word, or reach a glob parser that throws.
 */
function parseFlags<T extends FlagSpecs>(args: string[], options: T) {
  const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
  for (const [name, value] of Object.entries(values)) {
    const empty = Array.isArray(value) ? value.some((item) => item === '') : value === '';
    if (empty) throw new UsageError(`--${name} needs a value`);
  }
  return values;
}

function printVersion(): number {
  process.stdout.write(`dynakube-istio-guard ${packageJson.version}\n`);
  return 0;
}

async function runCheck(args: string[]): Promise<number> {
  const values = parseFlags(args, CHECK_OPTIONS);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) return printVersion();
  const paths = globFlag('paths', values.paths);
  const excluded = globFlag('exclude', values.exclude);
  const format = oneOf('format', values.format, FORMATS, 'text');
  const failOn: FailOn = oneOf('fail-on', values['fail-on'], FAIL_ON, 'error');
  const failScope: FailScope = oneOf('fail-scope', values['fail-scope'], FAIL_SCOPE, 'new');
  const repo = values.repo ?? '.';
  const repoStat = await fs.stat(repo).catch(() => undefined);
  if (!repoStat?.isDirectory()) throw new InputError(`--repo ${repo} is not a directory`);
  const config = await loadConfig(repo, values.config, process.cwd());
  const settings = { ...config.rules, ...parseRuleFlags(values.rule ?? []) };
  const { report, stats } = await check({
    repo,
    cwd: process.cwd(),
    ...(values.head ? { head: values.head } : {}),
    ...(values.base ? { base: values.base } : {}),
    selection: {
      include: paths.length > 0 ? paths : config.include,
      exclude: [
        ...config.exclude,
        ...excluded,
        ...(await ownOutputsIn(repo, [values.head, values.base], {
          dirs: values['output-dir'] ? [values['output-dir']] : [],
          files: values.output ? [values.output] : [],
        })),
      ],
    },
    settings,
    ...chartsOf(values.config, config),
    ...assumedVersions(values),
    generate: generateOptions(values['dynatrace-api-url'], values.generate),
  });
  refuseUnmatchedPaths(paths, stats?.files, 'on either side: nothing was checked');
  const output = render(report, format, {
    toTerminal: !values.output && process.stdout.isTTY === true,
    failPolicy: { failOn, failScope },
    uriPrefix: format === 'sarif' ? await treeFolderInGit(repo, values.head) : '',
  });
  if (process.env.DKIG_STATS === '1') writeStats(stats);
  if (values.output) await writeOutputFile(values.output, output);
  else process.stdout.write(output);
  const outputDir = values['output-dir'];
  if (outputDir) {
    await writeOutputFile(path.join(outputDir, 'report.json'), renderJson(report));
    await writeGeneratedManifests(outputDir, report.generated);
  }
  const failing = failingFindings(report, { failOn, failScope });
  // JSON and SARIF have no headline: when the check fails on something else than new errors (unchanged findings
  // with --fail-scope all, warnings with --fail-on warning), one line says why it exits 1.
  if (failing.length > 0 && !report.findings.some((f) => f.status === 'new' && f.severity === 'error'))
    process.stderr.write(
      `dynakube-istio-guard: failing on ${failing.length} ${failScope === 'new' ? 'new' : 'open'} finding(s) at or above '${failOn}'\n`,
    );
  return failing.length > 0 ? 1 : 0;
}

/**
 * Exclude globs for this run's outputs inside the trees it reads: `--repo`, and `--head` / `--base` when they are
 * folders (paths of a folder side are relative to it). Paths on the command line are taken from the current directory.
 */
async function ownOutputsIn(
  repo: string,
  sides: (string | undefined)[],
  outputs: RunOutputs,
): Promise<string[]> {
  const roots = [repo];
  for (const side of sides) {
    const folder = await folderOfSide(side);
    if (folder) roots.push(folder);
  }
  return [...new Set(roots.flatMap((root) => ownOutputExcludes(root, outputs)))];
}

/** The folder a `--head` / `--base` names (from the current directory), or undefined for a git ref or none. */
async function folderOfSide(side: string | undefined): Promise<string | undefined> {
  if (side === undefined) return undefined;
  const folder = path.resolve(side);
  return (await isDirectory(folder)) ? folder : undefined;
}

/**
 * Where the tree read (a `--head` folder, else `--repo`) lies below the top of its git repository (`clusters/prod/`),
 * for SARIF: code scanning resolves paths from the repository's top. Empty at the top, and outside git.
 */
async function treeFolderInGit(repo: string, head: string | undefined): Promise<string> {
  const tree = (await folderOfSide(head)) ?? repo;
  return (await git(tree, ['rev-parse', '--show-prefix']).catch(() => '')).trim();
}

/** `model`: the effective facts of one tree with their origins, for a person checking what the tool read. */
async function runModel(args: string[]): Promise<number> {
  const values = parseFlags(args, MODEL_OPTIONS);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) return printVersion();
  const paths = globFlag('paths', values.paths);
  const excluded = globFlag('exclude', values.exclude);
  const repo = values.repo ?? '.';
  const repoStat = await fs.stat(repo).catch(() => undefined);
  if (!repoStat?.isDirectory()) throw new InputError(`--repo ${repo} is not a directory`);
  const config = await loadConfig(repo, values.config, process.cwd());
  const selection = {
    include: paths.length > 0 ? paths : config.include,
    exclude: [...config.exclude, ...excluded],
  };
  const source = values.head
    ? await resolveSource(repo, values.head, selection, { cwd: process.cwd() })
    : directorySource(repo, selection);
  const cache = new ParseCache();
  // As check builds it: an explicit config file's chart mappings decide which values files belong to which chart.
  const model = await loadModel(source, cache, {
    ...chartsOf(values.config, config),
    ...assumedVersions(values),
  });
  refuseUnmatchedPaths(paths, cache.stats.files, 'in the tree read: no fact to show');
  const output = explainModel(model);
  if (values.output) await writeOutputFile(values.output, output);
  else process.stdout.write(output);
  return 0;
}

/** Runs one command line (without `node` and the script) and returns the exit status; never throws. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError("no command given (try 'check', 'model' or 'help')");
    if (command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command === '--version' || command === 'version') return printVersion();
    if (command === 'model') return await runModel(rest);
    if (command !== 'check') throw new UsageError(`unknown command '${command}' (try 'check' or 'model')`);
    return await runCheck(rest);
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof InputError ||
      error instanceof ConfigError ||
      error instanceof GitError ||
      error instanceof OutputError;
    const isArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message =
      known || isArgError ? (error as Error).message : `internal error: ${(error as Error).message}`;
    process.stderr.write(`dynakube-istio-guard: ${message.split('\n')[0]}\n`);
    return 2;
  }
}
