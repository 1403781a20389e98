import type { EgressMap } from '../diff/egress.js';
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
  /** What the renderers need beyond the contract; never serialized (see `attachRenderContext`). */
  context?: RenderContext;
}

/** Inputs of the human renderers that are not part of the JSON contract. */
export interface RenderContext {
  /** Head file texts by repo-relative path: the patches are made from them. */
  files: ReadonlyMap<string, string>;
  /** Dynatrace's paths through the mesh on head, for the egress map. */
  egress?: EgressMap;
}

/** Attaches the render context without making it part of the JSON contract: it is not enumerable. */
export function attachRenderContext(report: Report, context: RenderContext): Report {
  Object.defineProperty(report, 'context', {
    value: context,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return report;
}

export type FailOn = Severity | 'never';
export type FailScope = 'new' | 'all';
