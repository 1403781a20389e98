import { promises as fs } from 'node:fs';
import path from 'node:path';
import { egressMap } from './diff/egress.js';
import { diffModels } from './diff/index.js';
import { generateManifests, type GenerateOptions } from './generate/index.js';
import { buildModel } from './model/build.js';
import type { NotEvaluable } from './model/provenance.js';
import type { ClusterModel } from './model/types.js';
import { parseYamlText, type ParsedFile } from './parse/yaml.js';
import { ALL_RULES } from './rules/index.js';
import { isSuppressed, resourceIndex } from './rules/suppress.js';
import {
  docsUrl,
  SEVERITY_RANK,
  type Finding,
  type FindingDraft,
  type Rule,
  type RuleContext,
} from './rules/types.js';
import {
  attachRenderContext,
  type Report,
  type Summary,
  type FailOn,
  type FailScope,
} from './report/types.js';
import { directorySource } from './sources/directory.js';
import { gitRefSource } from './sources/git.js';
import type { FileSelection, FileSource } from './sources/types.js';

/** Files larger than this are skipped with a note: manifests are small, and a huge file is not config. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export class InputError extends Error {}

/** A `--base`/`--head` argument: a directory is read as a tree; anything else is a git ref in `repo`. */
export async function resolveSource(
  repo: string,
  spec: string,
  selection: FileSelection,
): Promise<FileSource> {
  const asDirectory = path.resolve(repo, spec);
  const stat = await fs.stat(asDirectory).catch(() => undefined);
  if (stat?.isDirectory()) return directorySource(asDirectory, selection);
  try {
    return await gitRefSource(repo, spec, selection);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/** Parses each distinct (path, content) once, so files equal on base and head are read once. */
export class ParseCache {
  private readonly parsed = new Map<string, ParsedFile>();

  parse(file: string, text: string): ParsedFile {
    const key = `${file}\0${text}`;
    let result = this.parsed.get(key);
    if (!result) {
      result = parseYamlText(file, text);
      this.parsed.set(key, result);
    }
    return result;
  }
}

export async function loadModel(source: FileSource, cache: ParseCache): Promise<ClusterModel> {
  const files: ParsedFile[] = [];
  const skipped: NotEvaluable[] = [];
  for (const file of await source.list()) {
    const text = await source.read(file);
    if (text === undefined) continue;
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
      skipped.push({ file, line: 1, reason: `file is larger than ${MAX_FILE_BYTES} bytes and was not read` });
      continue;
    }
    if (text.includes('\u0000')) {
      skipped.push({ file, line: 1, reason: 'file is binary, not YAML' });
      continue;
    }
    files.push(cache.parse(file, text));
  }
  const model = buildModel(files);
  model.notEvaluable.push(...skipped);
  return model;
}

export interface RuleSettings {
  /** Rule id → severity override, or 'off'. */
  [ruleId: string]: Finding['severity'] | 'off';
}

function runRules(
  rules: readonly Rule[],
  context: RuleContext,
  settings: RuleSettings,
): Omit<Finding, 'status'>[] {
  const findings: Omit<Finding, 'status'>[] = [];
  const index = resourceIndex(context.head);
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    if (setting === 'off') continue;
    for (const draft of rule.check(context)) {
      if (isSuppressed(rule.meta.id, draft, index)) continue;
      findings.push(toFinding(rule, draft, setting));
    }
  }
  return findings;
}

/** Values the rules needed but could not know, for the report's `notEvaluable` (never findings). */
function ruleNotes(rules: readonly Rule[], context: RuleContext, settings: RuleSettings): NotEvaluable[] {
  return rules
    .filter((rule) => settings[rule.meta.id] !== 'off' && rule.notEvaluable)
    .flatMap((rule) => rule.notEvaluable!(context));
}

function toFinding(
  rule: Rule,
  draft: FindingDraft,
  override: Finding['severity'] | undefined,
): Omit<Finding, 'status'> {
  return {
    ruleId: rule.meta.id,
    severity: override ?? draft.severity ?? rule.meta.severity,
    message: draft.message,
    file: draft.origin.file,
    line: draft.origin.line,
    endLine: draft.origin.endLine ?? draft.origin.line,
    resource: draft.resource,
    docs: rule.meta.docs || docsUrl(rule.meta.id),
    ...(draft.fix ? { fix: draft.fix } : {}),
    key: `${rule.meta.id}|${draft.resource}|${draft.field}`,
  };
}

/** Findings on head are `new` or `unchanged` by their key; base findings missing on head are `fixed`. */
export function withStatuses(
  head: Omit<Finding, 'status'>[],
  base: Omit<Finding, 'status'>[] | undefined,
): Finding[] {
  if (!base) return head.map((finding) => ({ ...finding, status: 'new' }));
  const baseKeys = new Set(base.map((finding) => finding.key));
  const headKeys = new Set(head.map((finding) => finding.key));
  return [
    ...head.map((finding): Finding => ({
      ...finding,
      status: baseKeys.has(finding.key) ? 'unchanged' : 'new',
    })),
    ...base
      .filter((finding) => !headKeys.has(finding.key))
      .map((finding): Finding => ({ ...finding, status: 'fixed' })),
  ];
}

export function summarize(findings: Finding[]): Summary {
  const open = findings.filter((f) => f.status !== 'fixed');
  return {
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    infos: open.filter((f) => f.severity === 'info').length,
    new: findings.filter((f) => f.status === 'new').length,
    unchanged: findings.filter((f) => f.status === 'unchanged').length,
    fixed: findings.filter((f) => f.status === 'fixed').length,
  };
}

export interface AnalyzeOptions {
  rules?: readonly Rule[];
  settings?: RuleSettings;
}

export interface Analysis {
  report: Report;
  head: ClusterModel;
  base?: ClusterModel;
}

/** Runs the rules on head (and base, for statuses) and assembles the report. */
export function analyze(
  head: ClusterModel,
  base: ClusterModel | undefined,
  options: AnalyzeOptions = {},
): Analysis {
  const rules = options.rules ?? ALL_RULES;
  const settings = options.settings ?? {};
  const headContext: RuleContext = { head, ...(base ? { base } : {}) };
  const headFindings = runRules(rules, headContext, settings);
  const baseFindings = base ? runRules(rules, { head: base }, settings) : undefined;
  const findings = sortFindings(withStatuses(headFindings, baseFindings));
  const report: Report = {
    version: 1,
    summary: summarize(findings),
    findings,
    generated: [],
    changes: base ? diffModels(base, head) : [],
    notEvaluable: dedupeNotes([...head.notEvaluable, ...ruleNotes(rules, headContext, settings)]),
  };
  const egress = egressMap(head, base);
  attachRenderContext(report, { files: head.files, ...(egress ? { egress } : {}) });
  return { report, head, ...(base ? { base } : {}) };
}

function sortFindings(findings: Finding[]): Finding[] {
  const statusRank = { new: 0, unchanged: 1, fixed: 2 };
  return findings.sort(
    (a, b) =>
      statusRank[a.status] - statusRank[b.status] ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function dedupeNotes(notes: NotEvaluable[]): NotEvaluable[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = `${note.file}:${note.line}:${note.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether the check fails: findings at or above `failOn`, counting only new ones unless the scope is `all`. */
export function shouldFail(report: Report, failOn: FailOn, scope: FailScope): boolean {
  if (failOn === 'never') return false;
  return report.findings.some(
    (finding) =>
      finding.status !== 'fixed' &&
      (scope === 'all' || finding.status === 'new') &&
      SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn],
  );
}

/** Fills `report.generated` from the head model; what could not be generated joins `notEvaluable`. */
export async function addGenerated(analysis: Analysis, options: GenerateOptions = {}): Promise<Analysis> {
  const { generated, notes } = await generateManifests(analysis.head, options);
  analysis.report.generated = generated;
  analysis.report.notEvaluable = dedupeNotes([...analysis.report.notEvaluable, ...notes]);
  return analysis;
}

export interface CheckOptions extends AnalyzeOptions {
  repo: string;
  /** Manifest generation: Dynatrace API access for live endpoints, and the scope. */
  generate?: GenerateOptions;
  head?: string;
  base?: string;
  selection: FileSelection;
}

/** The whole check for the CLI: read base and head, build both models, run the rules. */
export async function check(options: CheckOptions): Promise<Analysis> {
  const cache = new ParseCache();
  const headSource = options.head
    ? await resolveSource(options.repo, options.head, options.selection)
    : directorySource(options.repo, options.selection);
  const baseSource = options.base
    ? await resolveSource(options.repo, options.base, options.selection)
    : undefined;
  const head = await loadModel(headSource, cache);
  const base = baseSource ? await loadModel(baseSource, cache) : undefined;
  return addGenerated(analyze(head, base, options), options.generate);
}
