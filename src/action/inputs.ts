import * as core from '@actions/core';
import type { FailOn, FailScope } from '../report/types.js';

export interface ActionInputs {
  paths: string[];
  exclude: string[];
  config?: string;
  failOn: FailOn;
  failScope: FailScope;
  annotations: boolean;
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`input '${name}' must be one of ${allowed.join(', ')} (got '${value}')`);
  }
  return value as T;
}

export function readInputs(): ActionInputs {
  const config = core.getInput('config').trim();
  return {
    paths: list('paths'),
    exclude: list('exclude'),
    ...(config ? { config } : {}),
    failOn: choice('fail-on', ['error', 'warning', 'info', 'never'] as const, 'error'),
    failScope: choice('fail-scope', ['new', 'all'] as const, 'new'),
    annotations: choice('annotations', ['true', 'false'] as const, 'true') === 'true',
  };
}
