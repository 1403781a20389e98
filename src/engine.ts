import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { egressMap } from './diff/egress.js';
import { diffModels } from './diff/index.js';
import { generateManifests, type GenerateOptions } from './generate/index.js';
import { buildModel, type BuildOptions } from './model/build.js';
import type { ChartGlobs } from './config/charts.js';
import { limitNotesPerFile } from './model/note-limit.js';
import type { NotEvaluable } from './model/provenance.js';
import type { ClusterModel } from './model/types.js';
import {
  decideDocuments,
  parseKept,
  planDocuments,
  type DocumentSpan,
  type FilteredParse,
  type PlannedFile,
} from './parse/prefilter.js';
import type { ParsedFile } from './parse/yaml.js';
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

/** Counts of one run, for `DKIG_STATS=1` and the benchmark. */
export interface LoadStats {
  /** Files listed on each side, summed over base and head. */
  files: number;
  /** Documents in those files (the same file on both sides counts twice). */
  documents: number;
  /** Files actually read from disk or git. */
  filesRead: number;
  /** Documents given to the position-keeping parser (each distinct file once). */
  documentsParsed: number;
  /** Files whose parse was reused (same path and content on base and head). */
  reused: number;
  /** Wall milliseconds per phase, summed over base and head: where a slow run spends its time. */
  phases: Record<Phase, number>;
}

export type Phase = 'read' | 'parse' | 'build' | 'analyze' | 'generate';

/** Runs `work` and adds its wall time to `phase`. */
async function timed<T>(stats: LoadStats, phase: Phase, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    stats.phases[phase] += Math.round(performance.now() - start);
  }
}

/** One file of one side, read (or reused) and planned by the pre-filter; or a note saying why it was not read. */
type ReadFile =
  { file: string; blob: string; text: string; spans: DocumentSpan[] | undefined } | { skipped: NotEvaluable };

/** The git blob id of a text, so files from a directory and from a git ref are compared without reading both. */
export function gitBlobId(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text, 'utf8')
    .digest('hex');
}

export interface ParseCacheOptions {
  /** Skip documents no rule can read before parsing (default true; false only to prove the filter changes nothing). */
  prefilter?: boolean;
}

/**
 * Reads and parses each distinct (path, content) once, keyed by the git blob id: when base is head with the
 * PR's files undone, every file the PR did not touch is neither read again from git nor parsed again.
 */
export class ParseCache {
  readonly stats: LoadStats = {
    files: 0,
    documents: 0,
    filesRead: 0,
    documentsParsed: 0,
    reused: 0,
    phases: { read: 0, parse: 0, build: 0, analyze: 0, generate: 0 },
  };
  private readonly files = new Map<string, ReadFile>();
  /** What each source read, by path: a source built on another one takes its unchanged files from here. */
  private readonly bySource = new Map<FileSource, Map<string, ReadFile>>();
  private readonly parses = new Map<string, FilteredParse>();
  private readonly prefilter: boolean;

  constructor(options: ParseCacheOptions = {}) {
    this.prefilter = options.prefilter ?? true;
  }

  /** Reads one file of a source, or reuses what was read for the same path and blob id. */
  async read(source: FileSource, file: string): Promise<ReadFile | undefined> {
    this.stats.files++;
    const shared = source.sameFileIn?.(file);
    const known = shared && this.bySource.get(shared)?.get(file);
    if (known) {
      this.stats.reused++;
      return this.remember(source, file, known);
    }
    const read = await this.readOnce(source, file);
    return read && this.remember(source, file, read);
  }

  private remember(source: FileSource, file: string, read: ReadFile): ReadFile {
    let files = this.bySource.get(source);
    if (!files) this.bySource.set(source, (files = new Map()));
    files.set(file, read);
    return read;
  }

  private async readOnce(source: FileSource, file: string): Promise<ReadFile | undefined> {
    const blob = source.blobId ? await source.blobId(file) : undefined;
    const known = blob === undefined ? undefined : this.files.get(cacheKey(file, blob));
    if (known) {
      this.stats.reused++;
      return known;
    }
    const text = await source.read(file);
    if (text === undefined) return undefined;
    this.stats.filesRead++;
    const id = blob ?? gitBlobId(text);
    const key = cacheKey(file, id);
    let read = this.files.get(key);
    if (!read) {
      read = this.plan(file, id, text);
      this.files.set(key, read);
    } else this.stats.reused++;
    return read;
  }

  private plan(file: string, blob: string, text: string): ReadFile {
    // UTF-8 needs at most 3 bytes per UTF-16 unit, so only long texts need their bytes counted.
    if (
      text.length > MAX_FILE_BYTES ||
      (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_FILE_BYTES)
    ) {
      return {
        skipped: { file, line: 1, reason: `file is larger than ${MAX_FILE_BYTES} bytes and was not read` },
      };
    }
    if (text.includes('\u0000')) return { skipped: { file, line: 1, reason: 'file is binary, not YAML' } };
    const replaced = text.indexOf('\uFFFD');
    if (replaced >= 0) {
      // Sources decode bytes that are not UTF-8 as U+FFFD. The API server rejects such a file, and the names and
      // values read from it would be guesses.
      const line = text.slice(0, replaced).split('\n').length;
      return { skipped: { file, line, reason: 'file is not valid UTF-8 and was not read' } };
    }
    return { file, blob, text, spans: this.prefilter ? planDocuments(text) : undefined };
  }

  /** Parses the files of one side: each (path, content, kept documents) once across base and head. */
  parseSide(files: PlannedFile[], blobs: Map<string, string>): ParsedFile[] {
    const decisions = this.prefilter ? decideDocuments(files) : new Map<string, undefined>();
    return files.map(({ path, text, spans }) => {
      const keep = decisions.get(path);
      if (keep && !keep.includes(true)) {
        // Most files of a big repository: nothing in them is parsed, so a cache entry would cost more than it saves.
        const nothingKept = parseKept(path, text, spans, keep);
        this.stats.documents += nothingKept.documents;
        return nothingKept.parsed;
      }
      const key = `${cacheKey(path, blobs.get(path)!)}\0${keep ? keep.map(Number).join('') : '*'}`;
      let parsed = this.parses.get(key);
      if (!parsed) {
        parsed = parseKept(path, text, spans, keep);
        this.stats.documentsParsed += parsed.parsedDocuments;
        this.parses.set(key, parsed);
      }
      this.stats.documents += parsed.documents;
      return parsed.parsed;
    });
  }
}

function cacheKey(file: string, blob: string): string {
  return `${blob}\0${file}`;
}

/** Reads this many files at once, so a git source can pipeline its requests. */
const READS_IN_FLIGHT = 64;

/** Lists and reads every file of a source, a few at a time so a git source can pipeline its requests. */
async function readAll(source: FileSource, cache: ParseCache): Promise<(ReadFile | undefined)[]> {
  const paths = await source.list();
  const read: (ReadFile | undefined)[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      read[index] = await cache.read(source, paths[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, paths.length) }, worker));
  return read;
}

export async function loadModel(
  source: FileSource,
  cache: ParseCache,
  options: BuildOptions = {},
): Promise<ClusterModel> {
  const read = await timed(cache.stats, 'read', () => readAll(source, cache));
  const planned: PlannedFile[] = [];
  const blobs = new Map<string, string>();
  const skipped: NotEvaluable[] = [];
  for (const file of read) {
    if (!file) continue;
    if ('skipped' in file) {
      skipped.push(file.skipped);
      continue;
    }
    planned.push({ path: file.file, text: file.text, spans: file.spans });
    blobs.set(file.file, file.blob);
  }
  const parsed = await timed(cache.stats, 'parse', () => cache.parseSide(planned, blobs));
  const model = await timed(cache.stats, 'build', () => buildModel(parsed, options));
  for (const note of [...skipped, ...(source.skipped?.() ?? [])]) model.notEvaluable.push(note);
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
  /** What reading and parsing took (set by `check`). */
  stats?: LoadStats;
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
    notEvaluable: limitNotesPerFile(
      dedupeNotes([...head.notEvaluable, ...ruleNotes(rules, headContext, settings)]),
    ),
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

export interface CheckOptions extends AnalyzeOptions, ParseCacheOptions {
  repo: string;
  /** Manifest generation: Dynatrace API access for live endpoints, and the scope. */
  generate?: GenerateOptions;
  head?: string;
  base?: string;
  selection: FileSelection;
  /** Chart mappings of values files from a config file outside the tree (`--config`); else the tree's own. */
  charts?: ChartGlobs;
}

/** The whole check for the CLI: read base and head, build both models, run the rules. */
export async function check(options: CheckOptions): Promise<Analysis> {
  const cache = new ParseCache({ ...(options.prefilter === false ? { prefilter: false } : {}) });
  const headSource = options.head
    ? await resolveSource(options.repo, options.head, options.selection)
    : directorySource(options.repo, options.selection);
  const baseSource = options.base
    ? await resolveSource(options.repo, options.base, options.selection)
    : undefined;
  const build = options.charts ? { charts: options.charts } : {};
  const head = await loadModel(headSource, cache, build);
  const base = baseSource ? await loadModel(baseSource, cache, build) : undefined;
  const analyzed = await timed(cache.stats, 'analyze', () => analyze(head, base, options));
  const analysis = await timed(cache.stats, 'generate', () => addGenerated(analyzed, options.generate));
  return { ...analysis, stats: cache.stats };
}
