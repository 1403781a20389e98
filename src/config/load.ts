import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { asArray, asRecord, asString } from '../model/read.js';
import type { RuleSettings } from '../engine.js';

export const DEFAULT_CONFIG_PATH = '.github/dynakube-istio-guard.yml';

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

/** Reads the config file; a missing default file is an empty config, a missing explicit file is an error. */
export async function loadConfig(repo: string, explicitPath?: string): Promise<GuardConfig> {
  const file = path.resolve(repo, explicitPath ?? DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    if (explicitPath) throw new ConfigError(`config file ${explicitPath} cannot be read`);
    return emptyConfig();
  }
  return parseConfig(text, explicitPath ?? DEFAULT_CONFIG_PATH);
}

export function parseConfig(text: string, label: string): GuardConfig {
  let raw: unknown;
  try {
    raw = parse(text, { version: '1.1' });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    throw new ConfigError(`${label}:${line}: not valid YAML`);
  }
  const record = asRecord(raw) ?? {};
  const rules: RuleSettings = {};
  for (const [id, value] of Object.entries(asRecord(record.rules) ?? {})) {
    const setting = value === false ? 'off' : asString(value)?.toLowerCase();
    if (!setting || !SETTINGS.has(setting)) {
      throw new ConfigError(`${label}: rules.${id} must be one of error, warning, info, off`);
    }
    rules[id] = setting as RuleSettings[string];
  }
  const strings = (value: unknown) =>
    asArray(value)
      .map(asString)
      .filter((s): s is string => !!s);
  return { rules, include: strings(record.paths), exclude: strings(record.exclude), raw: record };
}
