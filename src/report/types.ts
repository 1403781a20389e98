import type { NotEvaluable } from '../model/provenance.js';
import type { Finding, Severity } from '../rules/types.js';

export interface GeneratedManifest {
  kind: string;
  namespace: string;
  name: string;
  file?: string;
  yaml: string;
}

export interface Change {
  resource: string;
  path: string;
  before: unknown;
  after: unknown;
  file?: string;
  line?: number;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  new: number;
  unchanged: number;
  fixed: number;
}

/** The result of one check: the JSON contract of DESIGN §6 (`version: 1`). */
export interface Report {
  version: 1;
  summary: Summary;
  findings: Finding[];
  generated: GeneratedManifest[];
  changes: Change[];
  notEvaluable: NotEvaluable[];
}

export type FailOn = Severity | 'never';
export type FailScope = 'new' | 'all';
