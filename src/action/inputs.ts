import * as core from './workflow.js';
import type { FailOn, FailScope } from '../report/types.js';
import type { CommentMode } from './comment.js';
import { isUnreadableGlob } from '../sources/select.js';
import { assumedVersionProblem, type AssumedVersions } from '../model/assumed-versions.js';

export interface ActionInputs {
  token: string;
  paths: string[];
  exclude: string[];
  config?: string;
  failOn: FailOn;
  failScope: FailScope;
  comment: CommentMode;
  suggestions: boolean;
  annotations: boolean;
  sarifFile?: string;
  outputDir?: string;
  dynatraceApiUrl?: string;
  dynatraceApiToken?: string;
  /** `istio-version` / `kubernetes-version`: what the model assumes where the repository pins no version. */
  assume: AssumedVersions;
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A list of globs, each one picomatch can read. */
function globs(name: string): string[] {
  const items = list(name);
  const unreadable = items.find(isUnreadableGlob);
  if (unreadable !== undefined)
    throw new Error(`input '${name}' has a glob that is not valid: '${unreadable}'`);
  return items;
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`input '${name}' must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as T;
}

/** As `@actions/core`'s `getBooleanInput`: the YAML 1.2 core schema's spellings, `true`, `True`, `TRUE` and so on. */
function flag(name: string): boolean {
  const value = core.getInput(name).trim();
  if (value === '' || ['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new Error(`input '${name}' must be true or false (got '${value}')`);
}

function optional(name: string): string | undefined {
  return core.getInput(name).trim() || undefined;
}

/** A version input, checked to name a release (a typo must not read as "not pinned"). */
function version(name: string, key: keyof AssumedVersions): AssumedVersions {
  const value = optional(name);
  if (value === undefined) return {};
  const problem = assumedVersionProblem(`input '${name}'`, value);
  if (problem) throw new Error(problem);
  return { [key]: value };
}

/** Reads and checks the inputs; secrets are masked before anything can print them. */
export function readInputs(): ActionInputs {
  const token = core.getInput('github-token').trim();
  if (token) core.setSecret(token);
  const dynatraceToken = core.getInput('dynatrace-api-token').trim();
  if (dynatraceToken) core.setSecret(dynatraceToken);
  return {
    token,
    paths: globs('paths'),
    exclude: globs('exclude'),
    config: optional('config'),
    failOn: choice('fail-on', ['error', 'warning', 'info', 'never'] as const, 'error'),
    failScope: choice('fail-scope', ['new', 'all'] as const, 'new'),
    comment: choice('comment', ['sticky', 'on-findings', 'off'] as const, 'sticky'),
    suggestions: flag('suggestions'),
    annotations: flag('annotations'),
    sarifFile: optional('sarif-file'),
    outputDir: optional('output-dir'),
    dynatraceApiUrl: optional('dynatrace-api-url'),
    dynatraceApiToken: dynatraceToken || undefined,
    assume: {
      ...version('istio-version', 'istioVersion'),
      ...version('kubernetes-version', 'kubernetesVersion'),
    },
  };
}
