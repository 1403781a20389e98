import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMap, isNode, isScalar, LineCounter, parse, parseDocument } from 'yaml';
import { asArray, asRecord, asString } from '../model/read.js';
import type { RuleSettings } from '../engine.js';
import { HELM_CHARTS } from '../model/types.js';
import { ALL_RULES } from '../rules/index.js';
import { isUnreadableGlob } from '../sources/select.js';
import { shortValue } from '../short-text.js';
import { CONFIG_FILE_PATHS } from './charts.js';

export const DEFAULT_CONFIG_PATH = CONFIG_FILE_PATHS[0];

/** The repository's config file. Unknown keys are kept in `raw` for other parts (e.g. chart mappings). */
export interface GuardConfig {
  rules: RuleSettings;
  include: string[];
  exclude: string[];
  raw: Record<string, unknown>;
}

export class ConfigError extends Error {}

const SETTINGS = new Set(['error', 'warning', 'info', 'off']);

export function emptyConfig(): GuardConfig {
  return { rules: {}, include: [], exclude: [], raw: {} };
}

/**
 * Reads the config file; a missing default file (`.yml`, else `.yaml`) is an empty config, a missing explicit file
 * is an error. The default files are looked up in `repo`; an explicit relative path is taken from `explicitFrom`
 * (the CLI: the current directory, as any path on its command line; the action: the workspace).
 */
export async function loadConfig(
  repo: string,
  explicitPath?: string,
  explicitFrom = repo,
): Promise<GuardConfig> {
  if (explicitPath) {
    const text = await readText(path.resolve(explicitFrom, explicitPath));
    if (text === undefined)
      throw new ConfigError(
        `config file ${explicitPath} cannot be read${await fileInRepoHint(repo, explicitPath, explicitFrom)}`,
      );
    return parseConfig(text, explicitPath);
  }
  for (const candidate of CONFIG_FILE_PATHS) {
    const text = await readText(path.resolve(repo, candidate));
    if (text !== undefined) return parseConfig(text, candidate);
  }
  return emptyConfig();
}

function readText(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

/**
 * A relative `--config` that names a file of the repository, not of the current directory (earlier versions of the
 * CLI took it from `--repo`): which path names that file.
 */
async function fileInRepoHint(repo: string, file: string, from: string): Promise<string> {
  const inRepo = path.resolve(repo, file);
  if (path.isAbsolute(file) || inRepo === path.resolve(from, file) || (await readText(inRepo)) === undefined)
    return '';
  return ` (a relative path is taken from the current directory; the one in ${repo} is ${path.join(repo, file)})`;
}

/** The keys a config file may have: a misspelt one would otherwise be ignored without a word. */
export const CONFIG_KEYS = ['rules', 'paths', 'exclude', 'charts'];

/** A rule's level as the config file and `--rule` write it (`false` also means off), or undefined. */
export function ruleLevel(value: unknown): RuleSettings[string] | undefined {
  const setting = value === false ? 'off' : asString(value)?.toLowerCase();
  if (setting === 'false') return 'off';
  return setting && SETTINGS.has(setting) ? (setting as RuleSettings[string]) : undefined;
}

export function parseConfig(text: string, label: string): GuardConfig {
  let raw: unknown;
  try {
    // Warnings (an unresolved tag, a mapping as a key) would be printed by Node on stderr; the checks below say
    // what is wrong with such a file.
    raw = parse(text, { version: '1.1', logLevel: 'error' });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    const reason = (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${label}:${line}: not valid YAML: ${reason}`);
  }
  if (raw === null || raw === undefined) return emptyConfig(); // an empty file or only comments
  const record = asRecord(raw);
  if (!record) throw new ConfigError(`${label}: must be a mapping of ${CONFIG_KEYS.join(', ')}`);
  const unknown = Object.keys(record).find((key) => !CONFIG_KEYS.includes(key));
  if (unknown !== undefined)
    throw new ConfigError(
      `${where(label, keyLineOf(text, [unknown]))}: unknown key '${shortValue(unknown)}' (known: ${CONFIG_KEYS.join(', ')})`,
    );
  if (record.rules !== undefined && record.rules !== null && !asRecord(record.rules))
    throw new ConfigError(
      `${where(label, lineOf(text, ['rules']))}: rules must be a mapping of rule id to error, warning, info or off`,
    );
  checkCharts(record.charts, text, label);
  const known = new Set(ALL_RULES.map((rule) => rule.meta.id));
  const rules: RuleSettings = {};
  for (const [id, value] of Object.entries(asRecord(record.rules) ?? {})) {
    if (!known.has(id))
      throw new ConfigError(
        `${where(label, keyLineOf(text, ['rules', id]))}: rules.${shortValue(id)}: unknown rule`,
      );
    const setting = ruleLevel(value);
    if (!setting)
      throw new ConfigError(
        `${where(label, lineOf(text, ['rules', id]))}: rules.${id} must be one of error, warning, info, off`,
      );
    rules[id] = setting;
  }
  for (const key of ['paths', 'exclude'] as const) {
    const value = record[key];
    if (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value))
      throw new ConfigError(`${where(label, lineOf(text, [key]))}: ${key} must be a glob or a list of globs`);
  }
  checkGlobs(record, text, label);
  const strings = (value: unknown) =>
    globList(value)
      .map(asString)
      .filter((s): s is string => !!s);
  return { rules, include: strings(record.paths), exclude: strings(record.exclude), raw: record };
}

/** `charts` maps chart names to globs: a misspelt chart name (`istiodd`) would map its files to no chart. */
function checkCharts(charts: unknown, text: string, label: string): void {
  if (charts === undefined || charts === null) return;
  if (!asRecord(charts))
    throw new ConfigError(
      `${where(label, lineOf(text, ['charts']))}: charts must be a mapping of chart name to globs`,
    );
  const chart = Object.keys(asRecord(charts)!).find(
    (name) => !(HELM_CHARTS as readonly string[]).includes(name),
  );
  if (chart !== undefined)
    throw new ConfigError(
      `${where(label, keyLineOf(text, ['charts', chart]))}: charts.${shortValue(chart)}: unknown chart (known: ${HELM_CHARTS.join(', ')})`,
    );
}

/** A list of globs, or one glob written on its own (`paths: clusters/**`), as a list. */
function globList(value: unknown): unknown[] {
  return typeof value === 'string' ? [value] : asArray(value);
}

/**
 * Refuses a glob picomatch cannot read in `paths`, `exclude` or a chart's list under `charts`: picomatch would
 * make it match nothing, so the run would silently read (or skip, or map to the chart) no file.
 */
function checkGlobs(record: Record<string, unknown>, text: string, label: string): void {
  const lists: (string | number)[][] = [
    ['paths'],
    ['exclude'],
    ...HELM_CHARTS.map((chart) => ['charts', chart]),
  ];
  for (const keys of lists) {
    const value = keys.reduce<unknown>((node, key) => asRecord(node)?.[key], record);
    const entries = globList(value);
    entries.forEach((entry, index) => {
      if (typeof entry !== 'string' || !isUnreadableGlob(entry)) return;
      const at = Array.isArray(value) ? [...keys, index] : keys;
      throw new ConfigError(
        `${where(label, lineOf(text, at))}: ${keys.join('.')} has a glob that is not valid: '${shortValue(entry)}'`,
      );
    });
  }
}

/** `file:line` for an error, or the file alone when the line is not known. */
function where(label: string, line: number | undefined): string {
  return line === undefined ? label : `${label}:${line}`;
}

/** The line of the value at `keys` in the config text, read again with positions only when there is an error. */
function lineOf(text: string, keys: (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const node = parseDocument(text, { version: '1.1', lineCounter }).getIn(keys, true);
  return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

/**
 * The line of the key at `keys` (not of its value, which may be on the next line or absent): where a misspelt
 * key is written.
 */
function keyLineOf(text: string, keys: string[]): number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { version: '1.1', lineCounter });
  const parent = keys.length === 1 ? document.contents : document.getIn(keys.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === keys.at(-1))?.key;
  return isNode(key) && key.range ? lineCounter.linePos(key.range[0]).line : undefined;
}
