import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { egressMap } from './diff/egress.js';
import { diffModels } from './diff/index.js';
import { generateManifests, type GenerateOptions } from './generate/index.js';
import { buildModel, type BuildOptions } from './model/build.js';
import type { ChartGlobs } from './config/charts.js';
import type { AssumedVersions } from './model/assumed-versions.js';
import { limitNotesPerFile } from './model/note-limit.js';
import type { NotEvaluable } from './model/provenance.js';
import type { ClusterModel } from './model/types.js';
import {
  decideDocuments,
  parseKept,
  planDocuments,
  type FilteredParse,
  type PlannedFile,
} from './parse/prefilter.js';
import type { ParsedFile } from './parse/yaml.js';
import { ALL_RULES } from './rules/index.js';
import { collapseSameLine } from './rules/same-line.js';
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
import { failingFindings } from './report/format.js';
import { directorySource } from './sources/directory.js';
import { gitRefSource, verifyCommit } from './sources/git.js';
import type { FileSelection, FileSource } from './sources/types.js';
import { shortMessage } from './short-text.js';
import { byCodeUnits } from './text-order.js';

/** Files larger than this are skipped with a note: manifests are small, and a huge file is not config. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export class InputError extends Error {}

export interface SourceOptions {
  /**
   * The repository's checked-out files as a source (head when base is a git ref): git tells which of them the ref
   * shares, so those are not read again.
   */
  workingTree?: FileSource;
  /**
   * The folder a relative directory is taken from. The CLI gives the current directory, as for any path on a command
   * line; default `repo`.
   */
  cwd?: string;
}

/** A `--base`/`--head` argument: a directory is read as a tree; anything else is a git ref in `repo`. */
export async function resolveSource(
  repo: string,
  spec: string,
  selection: FileSelection,
  options: SourceOptions = {},
): Promise<FileSource> {
  const asDirectory = path.resolve(options.cwd ?? repo, spec);
  if (await isDirectory(asDirectory)) return directorySource(asDirectory, selection);
  await refuseFolderOfRepo(repo, spec, options.cwd);
  const { workingTree } = options;
  try {
    return await gitRefSource(repo, spec, selection, workingTree ? { workingTree } : {});
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

export async function isDirectory(target: string): Promise<boolean> {
  return (await fs.stat(target).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * A folder of the repository named relative to it while relative folders are taken from `cwd` (earlier versions of
 * the CLI took them from `--repo`), and no git ref has that name: the reason says which path names the folder, so the
 * reader does not hunt for a mistyped ref. Git is asked only in this rare case; a ref otherwise fails when read.
 */
async function refuseFolderOfRepo(repo: string, spec: string, cwd: string | undefined): Promise<void> {
  if (cwd === undefined || path.isAbsolute(spec) || !(await isDirectory(path.resolve(repo, spec)))) return;
  try {
    await verifyCommit(repo, spec);
  } catch (error) {
    const folder = path.join(repo, spec);
    throw new InputError(
      `${(error as Error).message} (a relative folder is taken from the current directory; the one in ${repo} is ${folder})`,
    );
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
  /** The loading phases of each side, in the order the sides were loaded (head, then base). */
  sides: Record<LoadPhase, number>[];
}

export type Phase = 'read' | 'parse' | 'build' | 'analyze' | 'generate';
/** The phases that run once per side. */
export type LoadPhase = Extract<Phase, 'read' | 'parse' | 'build'>;

/** Runs `work` and adds its wall time to `phase`, and to the side's own figures when given. */
async function timed<T>(
  stats: LoadStats,
  phase: Phase,
  work: () => T | Promise<T>,
  side?: Partial<Record<Phase, number>>,
): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const ms = Math.round(performance.now() - start);
    stats.phases[phase] += ms;
    if (side) side[phase] = (side[phase] ?? 0) + ms;
  }
}

/**
 * One file as read and planned by the pre-filter, shared by every side that has the same content at the same path
 * (the pre-filter's {@link PlannedFile} plus what reuse needs).
 */
interface ReadFile extends PlannedFile {
  /** Git blob id: known from a git source, or computed once a git source's file must be compared with this one. */
  blob?: string;
  /** Why the file is not read as YAML (too large, binary, not UTF-8). */
  skipped?: NotEvaluable;
  /** Parses of this content with the documents each kept: base and head parse a file they share once. */
  parses?: { keep: boolean[] | undefined; parsed: FilteredParse }[];
  /** The parse when no document is kept (most files): kept apart, a map per file would cost more than it saves. */
  nothingKept?: FilteredParse;
}

/** {@link ParseCache.readNow}'s answer when the file can only be read asynchronously. */
const LATER = Symbol('read later');

/** The git blob id of a text, so files from a directory and from a git ref are compared without reading both. */
function gitBlobId(text: string): string {
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
 * Reads and parses each distinct (path, content) once: a file that base and head share (the source says so, or
 * their git blob ids or texts are equal) is neither read again nor parsed again. Blob ids of files read from a
 * directory are computed only when a git source's file must be compared with them.
 */
export class ParseCache {
  readonly stats: LoadStats = {
    files: 0,
    documents: 0,
    filesRead: 0,
    documentsParsed: 0,
    reused: 0,
    phases: { read: 0, parse: 0, build: 0, analyze: 0, generate: 0 },
    sides: [],
  };
  /**
   * What each source read, by path: a source built on another one takes its unchanged files from here, and a file
   * read again (by another source) is looked for here by text or blob id: a run has two or three sources, so no
   * second index of every content by path is kept.
   */
  private readonly bySource = new Map<FileSource, Map<string, ReadFile>>();
  private readonly prefilter: boolean;
  /** The inputs and the model of the side built last. */
  private lastBuilt?: { inputs: ModelInputs; model: ClusterModel };

  constructor(options: ParseCacheOptions = {}) {
    this.prefilter = options.prefilter ?? true;
  }

  /**
   * Reads one file now when no promise is needed (a file shared with another source, or a source that reads
   * synchronously); {@link LATER} otherwise. A directory of ten thousand files is read without ten thousand promises.
   */
  readNow(source: FileSource, path: string): ReadFile | undefined | typeof LATER {
    this.stats.files++;
    const shared = this.sharedRead(source, path);
    if (shared) return shared;
    if (!source.readNow || source.blobId) return LATER;
    const text = source.readNow(path);
    return text === undefined ? undefined : this.remember(source, path, this.accept(path, text, undefined));
  }

  /** Reads one file that {@link readNow} left for later. */
  async readLater(source: FileSource, path: string): Promise<ReadFile | undefined> {
    const blob = source.blobId ? await source.blobId(path) : undefined;
    const known = blob === undefined ? undefined : this.withBlob(path, blob);
    if (known) {
      this.stats.reused++;
      return this.remember(source, path, known);
    }
    const text = await source.read(path);
    return text === undefined ? undefined : this.remember(source, path, this.accept(path, text, blob));
  }

  /** The read of the source this one shares the file with (a PR's base built on its head). */
  private sharedRead(source: FileSource, path: string): ReadFile | undefined {
    const owner = source.sameFileIn?.(path);
    const known = owner && this.bySource.get(owner)?.get(path);
    if (!known) return undefined;
    this.stats.reused++;
    return this.remember(source, path, known);
  }

  private remember(source: FileSource, path: string, read: ReadFile): ReadFile {
    let files = this.bySource.get(source);
    if (!files) this.bySource.set(source, (files = new Map()));
    files.set(path, read);
    return read;
  }

  /** A read of `path` by a source read so far that `matches`. */
  private earlierRead(path: string, matches: (read: ReadFile) => boolean): ReadFile | undefined {
    for (const files of this.bySource.values()) {
      const read = files.get(path);
      if (read && matches(read)) return read;
    }
    return undefined;
  }

  /** A read of `path` with this blob id; reads whose id is unknown are hashed now, once. */
  private withBlob(path: string, blob: string): ReadFile | undefined {
    return this.earlierRead(path, (read) => (read.blob ??= gitBlobId(read.text)) === blob);
  }

  /** A text just read: the earlier read of the same path and text when there is one, else a new plan. */
  private accept(path: string, text: string, blob: string | undefined): ReadFile {
    this.stats.filesRead++;
    const same = this.earlierRead(path, (read) => read.text === text);
    if (same) {
      this.stats.reused++;
      same.blob ??= blob;
      return same;
    }
    const read = this.plan(path, text);
    if (blob !== undefined) read.blob = blob;
    return read;
  }

  private plan(path: string, text: string): ReadFile {
    const skipped = (line: number, reason: string): ReadFile => ({
      path,
      text,
      spans: undefined,
      skipped: { file: path, line, reason },
    });
    // UTF-8 needs at most 3 bytes per UTF-16 unit, so only long texts need their bytes counted.
    if (
      text.length > MAX_FILE_BYTES ||
      (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_FILE_BYTES)
    ) {
      return skipped(1, `file is larger than ${MAX_FILE_BYTES} bytes and was not read`);
    }
    if (text.includes('\u0000')) return skipped(1, 'file is binary, not YAML');
    const replaced = text.indexOf('\uFFFD');
    if (replaced >= 0) {
      // Sources decode bytes that are not UTF-8 as U+FFFD. The API server rejects such a file, and the names and
      // values read from it would be guesses.
      return skipped(text.slice(0, replaced).split('\n').length, 'file is not valid UTF-8 and was not read');
    }
    return { path, text, spans: this.prefilter ? planDocuments(text) : undefined };
  }

  /** Parses the files of one side: each (path, content, kept documents) once across base and head. */
  parseSide(files: ReadFile[]): ParsedFile[] {
    const decisions = this.prefilter ? decideDocuments(files) : undefined;
    return files.map((file, index) => {
      const parsed = this.parseOnce(file, decisions?.[index]);
      this.stats.documents += parsed.documents;
      return parsed.parsed;
    });
  }

  /** The model of a side: the one built last when its inputs give the same model, else a new one. */
  model(inputs: ModelInputs): ClusterModel {
    if (this.lastBuilt && sameModelInputs(this.lastBuilt.inputs, inputs)) return this.lastBuilt.model;
    const model = buildModel(inputs.parsed, inputs.options);
    for (const note of inputs.notes) model.notEvaluable.push(note);
    this.lastBuilt = { inputs, model };
    return model;
  }

  private parseOnce(file: ReadFile, keep: boolean[] | undefined): FilteredParse {
    if (keep && !keep.includes(true))
      return (file.nothingKept ??= parseKept(file.path, file.text, file.spans, keep));
    // A file has one or two sets of flags (its ConfigMaps kept on one side only): a list, not a map.
    const known = file.parses?.find((parse) => sameFlags(parse.keep, keep));
    if (known) return known.parsed;
    const parsed = parseKept(file.path, file.text, file.spans, keep);
    this.stats.documentsParsed += parsed.parsedDocuments;
    (file.parses ??= []).push({ keep, parsed });
    return parsed;
  }
}

/** Whether two sets of keep flags (undefined: keep all) are the same. */
function sameFlags(a: boolean[] | undefined, b: boolean[] | undefined): boolean {
  if (a === b) return true;
  return !!a && !!b && a.length === b.length && a.every((flag, index) => flag === b[index]);
}

/** What a side's model is built from. */
interface ModelInputs {
  parsed: ParsedFile[];
  /** Files not read, with the reason. */
  notes: NotEvaluable[];
  options: BuildOptions;
}

/**
 * Whether two sides give the same model: the same paths, and for each the same parse (base and head share the
 * parse of every file they share) or no document and no problem on both sides. A pull request that changes
 * only documents the pre-filter drops (a Service, a Role) has such sides; its base then is the head's model.
 */
function sameModelInputs(a: ModelInputs, b: ModelInputs): boolean {
  const empty = (file: ParsedFile) => file.documents.length === 0 && file.problems.length === 0;
  return (
    JSON.stringify(a.options) === JSON.stringify(b.options) &&
    a.parsed.length === b.parsed.length &&
    a.parsed.every((file, index) => {
      const other = b.parsed[index];
      return file === other || (file.file === other.file && empty(file) && empty(other));
    }) &&
    JSON.stringify(a.notes) === JSON.stringify(b.notes)
  );
}

/** Git sources pipeline their reads: this many files are asked for at once. */
const READS_IN_FLIGHT = 64;

/**
 * Milliseconds of synchronous reading between two turns of the event loop. Git runs meanwhile on the other core
 * (the other side's `ls-tree` and `diff`); its output is taken in at each turn, so its pipe never stays full while
 * thousands of files are read. Timed rather than counted: a side whose files are all shared with the other one
 * (a PR's base) goes through ten thousand paths in a few milliseconds and needs no turn.
 */
const MS_PER_TURN = 8;

/** Files read between two looks at the clock (a few hundred microseconds of reading). */
const FILES_PER_CLOCK_READ = 16;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lists and reads every file of a source: at once what needs no promise, the rest a few at a time. */
async function readAll(source: FileSource, cache: ParseCache): Promise<(ReadFile | undefined)[]> {
  const paths = await source.list();
  const read: (ReadFile | undefined | typeof LATER)[] = [];
  let turnStart = performance.now();
  for (const path of paths) {
    read.push(cache.readNow(source, path));
    // Reading the clock costs about as much as deciding a shared file: it is read every few files.
    if (read.length % FILES_PER_CLOCK_READ === 0 && performance.now() - turnStart > MS_PER_TURN) {
      await nextTurn();
      turnStart = performance.now();
    }
  }
  const later = read.flatMap((file, index) => (file === LATER ? [index] : []));
  let next = 0;
  const worker = async () => {
    while (next < later.length) {
      const index = later[next++];
      read[index] = await cache.readLater(source, paths[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, later.length) }, worker));
  return read as (ReadFile | undefined)[];
}

export async function loadModel(
  source: FileSource,
  cache: ParseCache,
  options: BuildOptions = {},
): Promise<ClusterModel> {
  const side = { read: 0, parse: 0, build: 0 };
  cache.stats.sides.push(side);
  const read = await timed(cache.stats, 'read', () => readAll(source, cache), side);
  const planned: ReadFile[] = [];
  const skipped: NotEvaluable[] = [];
  for (const file of read) {
    if (file?.skipped) skipped.push(file.skipped);
    else if (file) planned.push(file);
  }
  const parsed = await timed(cache.stats, 'parse', () => cache.parseSide(planned), side);
  const notes = [...skipped, ...(source.skipped?.() ?? [])];
  return timed(cache.stats, 'build', () => cache.model({ parsed, notes, options }), side);
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
  // Messages quote names and values from the input, which can be megabytes long: they are shown shortened. The
  // key keeps the whole resource, so that two long names are still two resources.
  return {
    ruleId: rule.meta.id,
    severity: override ?? draft.severity ?? rule.meta.severity,
    message: shortMessage(draft.message),
    file: draft.origin.file,
    line: draft.origin.line,
    endLine: draft.origin.endLine ?? draft.origin.line,
    resource: shortMessage(draft.resource),
    docs: rule.meta.docs || docsUrl(rule.meta.id),
    ...(draft.fix ? { fix: { ...draft.fix, description: shortMessage(draft.fix.description) } } : {}),
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
  // A base that is head's own model (the PR changed nothing a rule reads) has head's findings: rules report a
  // difference between base and head only when there is one (a test holds every rule to it).
  const baseFindings = !base
    ? undefined
    : base === head
      ? headFindings
      : runRules(rules, { head: base }, settings);
  const findings = sortFindings(collapseSameLine(withStatuses(headFindings, baseFindings)));
  const report: Report = {
    version: 1,
    summary: summarize(findings),
    findings,
    generated: [],
    changes: base ? diffModels(base, head) : [],
    notEvaluable: limitNotesPerFile(
      reportedNotes([...head.notEvaluable, ...ruleNotes(rules, headContext, settings)]),
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
      byCodeUnits(a.file, b.file) ||
      a.line - b.line ||
      byCodeUnits(a.ruleId, b.ruleId),
  );
}

/** Notes as the report lists them: each once, the values they quote from the input shortened. */
function reportedNotes(notes: NotEvaluable[]): NotEvaluable[] {
  const seen = new Set<string>();
  return notes.flatMap((note) => {
    const shown = { ...note, reason: shortMessage(note.reason) };
    const key = `${shown.file}:${shown.line}:${shown.reason}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [shown];
  });
}

/**
 * Whether the check fails: findings at or above `failOn`, counting only new ones unless the scope is `all` (the
 * report's headline counts the same ones, `failingFindings`).
 */
export function shouldFail(report: Report, failOn: FailOn, scope: FailScope): boolean {
  return failingFindings(report, { failOn, failScope: scope }).length > 0;
}

/** Fills `report.generated` from the head model; what could not be generated joins `notEvaluable`. */
export async function addGenerated(analysis: Analysis, options: GenerateOptions = {}): Promise<Analysis> {
  const { generated, notes } = await generateManifests(analysis.head, options);
  analysis.report.generated = generated;
  analysis.report.notEvaluable = reportedNotes([...analysis.report.notEvaluable, ...notes]);
  return analysis;
}

export interface CheckOptions extends AnalyzeOptions, ParseCacheOptions {
  repo: string;
  /** The folder a relative `head` / `base` directory is taken from (the CLI: the current directory); default `repo`. */
  cwd?: string;
  /** Manifest generation: Dynatrace API access for live endpoints, and the scope. */
  generate?: GenerateOptions;
  head?: string;
  base?: string;
  selection: FileSelection;
  /** Chart mappings of values files from a config file outside the tree (`--config`); else the tree's own. */
  charts?: ChartGlobs;
  /** Versions the user states for what the repository does not pin (`--istio-version`, `--kubernetes-version`). */
  assume?: AssumedVersions;
}

/** The whole check for the CLI: read base and head, build both models, run the rules. */
export async function check(options: CheckOptions): Promise<Analysis> {
  const cache = new ParseCache({ ...(options.prefilter === false ? { prefilter: false } : {}) });
  const cwd = options.cwd ? { cwd: options.cwd } : {};
  const headSource = options.head
    ? await resolveSource(options.repo, options.head, options.selection, cwd)
    : directorySource(options.repo, options.selection);
  const baseSource = options.base
    ? await resolveSource(options.repo, options.base, options.selection, {
        ...cwd,
        // Without `--head`, head is the checked-out tree: git tells which of its files base shares.
        ...(options.head ? {} : { workingTree: headSource }),
      })
    : undefined;
  const build = {
    ...(options.charts ? { charts: options.charts } : {}),
    ...(options.assume ? { assume: options.assume } : {}),
  };
  const head = await loadModel(headSource, cache, build);
  const base = baseSource ? await loadModel(baseSource, cache, build) : undefined;
  const analyzed = await timed(cache.stats, 'analyze', () => analyze(head, base, options));
  const analysis = await timed(cache.stats, 'generate', () => addGenerated(analyzed, options.generate));
  return { ...analysis, stats: cache.stats };
}
