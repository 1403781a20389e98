import { readSimpleDocument } from './simple-document.js';
import { isTrimmedSpace } from '../text-lines.js';
import { parseYamlText, type ParsedDocument, type ParsedFile } from './yaml.js';

/**
 * A cheap text pre-filter run before the position-keeping parse: most documents of a GitOps repository
 * (Services, Roles, most Deployments) cannot matter to any rule, and the `yaml` parse costs far more than reading
 * them. The filter looks only at lines that start in column 0, and keeps a document whenever it is unsure, so it
 * can only save work, never change what the rules see.
 *
 * When the model starts reading a new kind, add it here (or to {@link KEPT_API_GROUPS}): a test scans
 * `src/model` and `src/rules` for kind names and fails when one of them would be dropped.
 */

/** Kinds kept whatever their apiVersion: everything the model reads or follows a reference to. */
export const KEPT_KINDS: readonly string[] = [
  // Dynatrace
  'DynaKube',
  'EdgeConnect',
  // Core objects the model reads (namespaces for labels; any ConfigMap may be a `valuesFrom` / `substituteFrom`
  // target or the mesh config `istio` / `istio-<rev>`).
  'Namespace',
  'ConfigMap',
  'List',
  // Flux
  'HelmRelease',
  'HelmChart',
  'HelmRepository',
  'OCIRepository',
  'GitRepository',
  'Bucket',
  // Argo CD
  'Application',
  'ApplicationSet',
  'AppProject',
  // Kustomize (kustomize.config.k8s.io and Flux's kustomize.toolkit.fluxcd.io)
  'Kustomization',
  'Component',
  // Istio install: istioctl, Sail operator, Maistra / OpenShift Service Mesh
  'IstioOperator',
  'Istio',
  'IstioCNI',
  'ZTunnel',
  'IstioRevision',
  'IstioRevisionTag',
  'ServiceMeshControlPlane',
  'ServiceMeshMemberRoll',
  'ServiceMeshMember',
  // OLM: an OpenShift Service Mesh operator subscription (operators.coreos.com)
  'Subscription',
  // Managed Istio (Anthos Service Mesh's control-plane revision tells the distribution)
  'ControlPlaneRevision',
  // Istio resources (networking.istio.io, security.istio.io, telemetry.istio.io)
  'ServiceEntry',
  'VirtualService',
  'Sidecar',
  'PeerAuthentication',
  'DestinationRule',
  'Gateway',
  'AuthorizationPolicy',
  'RequestAuthentication',
  'EnvoyFilter',
  'WorkloadEntry',
  'WorkloadGroup',
  'ProxyConfig',
  'Telemetry',
  'WasmPlugin',
];

/** API groups (matched as a suffix of the group) whose objects are always kept, whatever their kind. */
export const KEPT_API_GROUPS: readonly string[] = [
  'dynatrace.com',
  'istio.io',
  'sailoperator.io',
  'maistra.io',
  'fluxcd.io',
  'argoproj.io',
  'kustomize.config.k8s.io',
];

/** Kinds with a pod template: kept only when their text mentions one of {@link WORKLOAD_MARKERS}. */
export const WORKLOAD_KINDS: readonly string[] = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
];

/**
 * What makes a workload matter: annotations and labels `metrics.dynatrace.com/*`, `oneagent.dynatrace.com/*`,
 * `sidecar.istio.io/*`, `istio.io/*`, `prometheus.io/*`, and names or images such as `istio-cni-node`, `istiod`,
 * `dynatrace-*`. A plain substring test, so a mention anywhere (even a comment) keeps the document.
 */
export const WORKLOAD_MARKERS = /istio|dynatrace|prometheus/i;

const keptKinds = new Set(KEPT_KINDS);
const keptGroups = new Set(KEPT_API_GROUPS);
const KEPT_GROUP_SUFFIXES = KEPT_API_GROUPS.map((group) => `.${group}`);
const workloadKinds = new Set(WORKLOAD_KINDS);

/** Whether an object of this kind and apiVersion can matter to a rule without looking at its text. */
export function isKeptKind(kind: string, apiVersion = ''): boolean {
  if (keptKinds.has(kind) || kind.endsWith('List')) return true;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return keptGroups.has(group) || KEPT_GROUP_SUFFIXES.some((suffix) => group.endsWith(suffix));
}

/**
 * What the pair of column-0 values says about a document, before its text is looked at. A repository has few
 * distinct pairs and thousands of documents of each, so the answer is kept by kind, then apiVersion.
 */
type KindClass = 'unreadable' | 'kept' | 'configMap' | 'workload' | 'other';

const kindClasses = new Map<string, Map<string, KindClass>>();

function kindClassOf(kind: string, apiVersion: string): KindClass {
  let byVersion = kindClasses.get(kind);
  if (!byVersion) kindClasses.set(kind, (byVersion = new Map()));
  let known = byVersion.get(apiVersion);
  if (known === undefined) byVersion.set(apiVersion, (known = classifyKind(kind, apiVersion)));
  return known;
}

function classifyKind(kind: string, apiVersion: string): KindClass {
  if (!KIND_VALUE.test(kind) || !API_VERSION_VALUE.test(apiVersion)) return 'unreadable';
  if (kind === 'ConfigMap' && apiVersion === 'v1') return 'configMap';
  if (isKeptKind(kind, apiVersion)) return 'kept';
  return workloadKinds.has(kind) ? 'workload' : 'other';
}

/**
 * What the filter decided about one document:
 * - `keep` / `drop`: decided from the document alone;
 * - `configMap`: an ordinary ConfigMap, kept when its name is referenced by a kept document of the same side
 *   (`valuesFrom`, `substituteFrom`, `configMapGenerator` merges, …) or it mentions Istio or Dynatrace.
 *
 * Kustomizations are always kept: which folders have one decides what Flux and the kustomize model build.
 */
export type Verdict = 'keep' | 'drop' | 'configMap';

/** One document of a file: `[start, end)` offsets, first line being its `---` marker when it has one. */
export interface DocumentSpan {
  start: number;
  end: number;
  /** False for an empty or comment-only document. */
  hasContent: boolean;
  verdict: Verdict;
  /** `metadata.name` of a `configMap`. */
  name?: string;
}

/** A top-level `kind:` / `apiVersion:` value the filter trusts: plain or simply quoted, no templates. */
const KIND_VALUE = /^[A-Za-z][A-Za-z0-9]*$/;
const API_VERSION_VALUE = /^[A-Za-z0-9][A-Za-z0-9.-]*(\/[A-Za-z0-9.-]+)?$/;
const NAME_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const INDIRECTION = /<<|(?:^|[\s[{,])[&*!][^\s\]},]/;
const MENTIONS_MESH_OR_DYNATRACE = /istio|dynatrace/i;

/**
 * Per document of a file: what the filter can say from the file alone. `undefined` means: leave the whole file
 * to the parser (directives).
 */
export function planDocuments(text: string): DocumentSpan[] | undefined {
  const spans: DocumentSpan[] = [];
  let current = newScan(0);
  let offset = 0;
  const close = (end: number) => spans.push(finish(text, current, end));
  while (offset < text.length) {
    const first = text.charCodeAt(offset);
    if (first === SPACE && current.hasContent && !current.inMetadata) {
      // Indented lines say nothing more once the document has content outside `metadata:`: jump over them.
      offset = runEnd(INDENTED_RUN_END, text, offset);
      continue;
    }
    const childIndent = current.inMetadata ? current.metadataIndent : undefined;
    if (first === SPACE && childIndent !== undefined && text.startsWith(spaces(childIndent + 1), offset)) {
      // Below the children of `metadata:` (labels, annotations): nothing there can be its `name:`.
      offset = runEnd(deeperRunEnd(childIndent), text, offset);
      continue;
    }
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const next = newline < 0 ? text.length : newline + 1;
    if (first === DASH && isMarker(text, offset, lineEnd, '---')) {
      if (offset > current.start) close(offset);
      current = newScan(offset);
      // Content after `---` on the same line (`--- !tag`, `--- {…}`) is not looked into: keep the document.
      if (!isBlankOrComment(text, offset + 3, lineEnd)) current.unsure = current.hasContent = true;
    } else if (first === DOT && isMarker(text, offset, lineEnd, '...')) {
      close(next);
      current = newScan(next);
    } else if (!scanLine(text, offset, lineEnd, current)) {
      return undefined;
    }
    offset = next;
  }
  if (text.length > current.start) close(text.length);
  return spans;
}

/** The end of a run of indented lines: a newline followed by anything but a space (the next line's start). */
const INDENTED_RUN_END = /\n[^ ]/g;

/** The end of a run of lines indented deeper than `indent`, by indent (few distinct ones occur). */
const DEEPER_RUN_ENDS: RegExp[] = [];

function deeperRunEnd(indent: number): RegExp {
  return (DEEPER_RUN_ENDS[indent] ??= new RegExp(`\\n(?! {${indent + 1}})`, 'g'));
}

const SPACES: string[] = [];

function spaces(count: number): string {
  return (SPACES[count] ??= ' '.repeat(count));
}

/** The start of the line that ends the run `runEnd` matches from `offset` (the text's end when none does). */
function runEnd(expression: RegExp, text: string, offset: number): number {
  expression.lastIndex = offset;
  const found = expression.exec(text);
  return found ? found.index + 1 : text.length;
}

const DASH = 0x2d;
const DOT = 0x2e;
const SPACE = 0x20;

interface Scan {
  start: number;
  kind?: string;
  apiVersion?: string;
  hasMetadata: boolean;
  hasContent: boolean;
  unsure: boolean;
  /** Inside `metadata:`: the indentation of its children once seen, and `name:` among them. */
  inMetadata: boolean;
  metadataIndent?: number;
  name?: string;
}

function newScan(start: number): Scan {
  return { start, hasMetadata: false, hasContent: false, unsure: false, inMetadata: false };
}

function isMarker(text: string, offset: number, lineEnd: number, marker: string): boolean {
  if (!text.startsWith(marker, offset)) return false;
  const after = text.charCodeAt(offset + 3);
  return offset + 3 >= lineEnd || after === 0x20 || after === 0x09 || after === 0x0d;
}

/** Whether `text[from, to)` is empty, white space or a comment (white space as `String.prototype.trim` sees it). */
function isBlankOrComment(text: string, from: number, to: number): boolean {
  let at = from;
  while (at < to && isTrimmedSpace(text.charCodeAt(at))) at++;
  return at >= to || text.charCodeAt(at) === 0x23;
}

/** Reads one line of a document; returns false when the file must not be filtered at all (directives). */
function scanLine(text: string, offset: number, lineEnd: number, scan: Scan): boolean {
  const first = text.charCodeAt(offset);
  if (!scan.hasContent) scan.hasContent = !isBlankOrComment(text, offset, lineEnd);
  if (first === SPACE) {
    if (scan.inMetadata) readMetadataLine(text, offset, lineEnd, scan);
    return true;
  }
  if (first === 0x25) return false; // `%` directive: it applies to later documents; leave the file to the parser
  if (first === 0x0d || first === 0x0a || first === 0x23) return true; // blank line or comment
  scan.inMetadata = false;
  if (isLetter(first)) return readTopLevelKey(text, offset, lineEnd, scan);
  // Quoted or complex keys, flow collections, anchors, aliases, tags, block scalars, tabs and a byte order mark
  // at column 0: the plain key scan could miss or misread a key. `- item` lines belong to a sequence value.
  if (first !== DASH) scan.unsure = true;
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function readTopLevelKey(text: string, offset: number, lineEnd: number, scan: Scan): boolean {
  // `test`, not `exec`: most documents have a dozen top-level keys and only three matter, so no key is copied.
  TOP_LEVEL_KEY.lastIndex = offset;
  if (!TOP_LEVEL_KEY.test(text)) {
    // `key :`, a plain multi-line scalar or something else the scan does not understand.
    scan.unsure = true;
    return true;
  }
  const valueStart = TOP_LEVEL_KEY.lastIndex;
  const keyLength = valueStart - offset - 1;
  if (isKeyAt(text, offset, keyLength, 'kind'))
    scan.kind = topLevelValue(text.slice(valueStart, lineEnd), scan.kind);
  else if (isKeyAt(text, offset, keyLength, 'apiVersion'))
    scan.apiVersion = topLevelValue(text.slice(valueStart, lineEnd), scan.apiVersion);
  else if (isKeyAt(text, offset, keyLength, 'metadata')) {
    if (scan.hasMetadata || !isBlankOrComment(text, valueStart, lineEnd)) scan.unsure = true;
    scan.hasMetadata = true;
    // Only a ConfigMap's name is needed: below the `metadata:` of any other kind, lines are jumped over.
    scan.inMetadata = scan.kind === undefined || scan.kind === 'ConfigMap';
  }
  return true;
}

function isKeyAt(text: string, offset: number, keyLength: number, key: string): boolean {
  return keyLength === key.length && text.startsWith(key, offset);
}

/** A plain key at the scan position, its colon followed by white space or the line's end (not consumed). */
const TOP_LEVEL_KEY = /[A-Za-z_][A-Za-z0-9_.-]*:(?=[ \t\r\n]|$)/y;

/** Finds `name:` among the direct children of `metadata:`. */
function readMetadataLine(text: string, offset: number, lineEnd: number, scan: Scan): void {
  let indent = 0;
  while (text.charCodeAt(offset + indent) === SPACE) indent++;
  const code = text.charCodeAt(offset + indent);
  if (offset + indent >= lineEnd || code === 0x23 || code === 0x0d) return;
  scan.metadataIndent ??= indent;
  if (indent !== scan.metadataIndent || !text.startsWith('name:', offset + indent)) return;
  const value = topLevelValue(text.slice(offset + indent + 5, lineEnd), scan.name);
  scan.name = value;
}

/** The value of a top-level key; a second occurrence (duplicate key) yields '' so the document is kept. */
function topLevelValue(raw: string, previous: string | undefined): string {
  if (previous !== undefined) return '';
  let value = raw;
  const hash = value.indexOf('#');
  if (hash >= 0) value = value.slice(0, hash); // a `#` inside a plain kind, apiVersion or name is not valid anyway
  value = value.trim();
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote))
    value = value.slice(1, -1);
  return value;
}

function finish(text: string, scan: Scan, end: number): DocumentSpan {
  const span: DocumentSpan = { start: scan.start, end, hasContent: scan.hasContent, verdict: 'drop' };
  if (!scan.hasContent) return span;
  span.verdict = objectVerdict(text, scan, end);
  if (span.verdict === 'configMap') span.name = scan.name;
  return span;
}

function objectVerdict(text: string, scan: Scan, end: number): Verdict {
  const { kind, apiVersion } = scan;
  // Not a Kubernetes object by its column-0 keys (values files, lists, JSON, templates): keep.
  if (scan.unsure || !kind || !apiVersion || !scan.hasMetadata) return 'keep';
  const kindClass = kindClassOf(kind, apiVersion);
  if (kindClass === 'unreadable' || hasIndirection(text, scan.start, end)) return 'keep';
  if (kindClass === 'configMap' && scan.name && NAME_VALUE.test(scan.name)) {
    return MENTIONS_MESH_OR_DYNATRACE.test(text.slice(scan.start, end)) ? 'keep' : 'configMap';
  }
  // A ConfigMap without a plain name is kept: the filter cannot tell whether it is referred to.
  if (kindClass === 'kept' || kindClass === 'configMap') return 'keep';
  if (kindClass === 'workload' && WORKLOAD_MARKERS.test(text.slice(scan.start, end))) return 'keep';
  return 'drop';
}

/** Anchors, aliases, merge keys and tags: they can make a document say more than its lines show. */
function hasIndirection(text: string, start: number, end: number): boolean {
  const body = text.slice(start, end);
  if (!body.includes('&') && !body.includes('*') && !body.includes('!') && !body.includes('<<')) return false;
  return INDIRECTION.test(body);
}

/** One file of a side, with the per-document plan from {@link planDocuments}. */
export interface PlannedFile {
  path: string;
  text: string;
  spans: DocumentSpan[] | undefined;
  /**
   * What the plan says on its own, filled in by {@link decideDocuments} on first use: the sides that share a file
   * (a PR's base and head) share it. A field rather than a side table: ten thousand lookups per side cost more
   * than the decisions themselves.
   */
  summary?: PlanSummary;
}

/**
 * Decides, for every file of one side (base or head), which documents to parse: per file (in the order given),
 * `undefined` = the whole file, else one flag per span. ConfigMaps are decided here because whether they matter
 * depends on the other files of the side.
 */
export function decideDocuments(files: readonly PlannedFile[]): (boolean[] | undefined)[] {
  const summaries = files.map(summaryOf);
  const names = sameAsLastNames(configMapNames(summaries));
  const referenced = new Set<string>();
  if (names.size > 0)
    files.forEach((file, index) => {
      const summary = summaries[index];
      // A file left to the parser as a whole keeps every document: all its words count.
      const words = summary
        ? namedBy(file, summary, names)
        : wordsOf(file.text).filter((word) => names.has(word));
      for (const word of words) referenced.add(word);
    });
  return summaries.map((summary) => flagsOf(summary, referenced));
}

/** What a plan says on its own, computed once per file. */
export interface PlanSummary {
  /** Keep flags of the documents decided on their own (ConfigMaps to decide: false). */
  flags: boolean[];
  /** Whether any document is kept on its own: only those documents' words can name a ConfigMap. */
  keepsAny: boolean;
  /** The ConfigMaps to decide, by span index and name. */
  configMaps: { index: number; name: string }[];
  /**
   * The words (name-like tokens) of the kept documents that are among `names`, kept for the next side with the
   * same names. Only these few are kept, not every word: thousands of kept documents' words held for the whole run
   * made every young-generation collection copy them, and a side with other names reads them again from the text.
   */
  named?: { names: Set<string>; words: string[] };
}

function configMapNames(summaries: (PlanSummary | undefined)[]): Set<string> {
  const names = new Set<string>();
  for (const summary of summaries) {
    if (summary?.configMaps.length) for (const { name } of summary.configMaps) names.add(name);
  }
  return names;
}

/**
 * The names of the side decided last when they are the same (base and head of most pull requests): the words of
 * each file that name one of them are then known already (see {@link namedBy}).
 */
let lastNames = new Set<string>();

function sameAsLastNames(names: Set<string>): Set<string> {
  const same = names.size === lastNames.size && [...names].every((name) => lastNames.has(name));
  if (!same) lastNames = names;
  return lastNames;
}

/** The words of a file's kept documents that are among `names`. */
function namedBy(file: PlannedFile, summary: PlanSummary, names: Set<string>): string[] {
  if (!summary.keepsAny) return [];
  if (summary.named?.names === names) return summary.named.words;
  // Most words have no name's length: comparing lengths first spares hashing them.
  const lengths = lengthsOf(names);
  const words: string[] = [];
  for (const span of file.spans!) {
    if (span.verdict !== 'keep') continue;
    for (const word of wordsOf(file.text.slice(span.start, span.end)))
      if (lengths.has(word.length) && names.has(word)) words.push(word);
  }
  summary.named = { names, words };
  return words;
}

const nameLengths = new WeakMap<Set<string>, Set<number>>();

function lengthsOf(names: Set<string>): Set<number> {
  let lengths = nameLengths.get(names);
  if (!lengths) nameLengths.set(names, (lengths = new Set([...names].map((name) => name.length))));
  return lengths;
}

const WORD_SEPARATORS = /[^A-Za-z0-9._-]+/;

/** The summary of a file's plan; undefined for a file the filter leaves to the parser as a whole. */
function summaryOf(file: PlannedFile): PlanSummary | undefined {
  if (!file.spans || file.summary) return file.summary;
  const summary: PlanSummary = { flags: [], keepsAny: false, configMaps: [] };
  file.spans.forEach((span, index) => {
    const keep = span.verdict === 'keep';
    summary.flags.push(keep);
    if (keep) summary.keepsAny = true;
    else if (span.verdict === 'configMap') summary.configMaps.push({ index, name: span.name! });
  });
  return (file.summary = summary);
}

function wordsOf(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter((word) => word !== '');
}

/** Keep flags of a file on one side: its ConfigMaps kept when a kept document of the side names them. */
function flagsOf(summary: PlanSummary | undefined, referenced: Set<string>): boolean[] | undefined {
  if (!summary || summary.configMaps.length === 0) return summary?.flags;
  const flags = [...summary.flags];
  for (const { index, name } of summary.configMaps) flags[index] = referenced.has(name);
  return flags;
}

/** What the pre-filter did with one file. */
export interface FilteredParse {
  parsed: ParsedFile;
  /** Documents in the file (kept or not). */
  documents: number;
  /** Documents handed to the position-keeping parser. */
  parsedDocuments: number;
}

/** Parses the documents of a file that `keep` marks (all of them when `keep` is undefined). */
export function parseKept(
  file: string,
  text: string,
  spans: DocumentSpan[] | undefined,
  keep: boolean[] | undefined,
): FilteredParse {
  if (!spans) return parseWithYaml(file, text, spans, keep);
  if (keep && !keep.includes(true)) return nothingKept(file, text, spans);
  const simple = readSimpleDocuments(file, text, spans, keep);
  if (simple.size === 0) return parseWithYaml(file, text, spans, keep);
  const rest = spans.map((span, index) => span.hasContent && !simple.has(index) && (!keep || keep[index]));
  const parsed = parseWithYaml(file, text, spans, rest);
  const documents = [...simple.values(), ...parsed.parsed.documents].sort((a, b) => a.index - b.index);
  return { ...parsed, parsed: { ...parsed.parsed, documents } };
}

/** Most files of a big repository: no document to parse, only the count of documents. */
function nothingKept(file: string, text: string, spans: DocumentSpan[]): FilteredParse {
  let documents = 0;
  for (const span of spans) if (span.hasContent) documents++;
  const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { parsed: { file, text: original, documents: [], problems: [] }, documents, parsedDocuments: 0 };
}

/** Parses the documents `keep` marks with the `yaml` parser (all of them when `keep` is undefined). */
function parseWithYaml(
  file: string,
  text: string,
  spans: DocumentSpan[] | undefined,
  keep: boolean[] | undefined,
): FilteredParse {
  if (!spans) {
    const parsed = parseYamlText(file, text);
    return { parsed, documents: parsed.documents.length, parsedDocuments: parsed.documents.length };
  }
  const documents = spans.filter((span) => span.hasContent).length;
  if (!keep || spans.every((span, index) => keep[index] || !span.hasContent)) {
    return { parsed: parseYamlText(file, text), documents, parsedDocuments: documents };
  }
  const kept = keep.filter(Boolean).length;
  if (kept === 0) return nothingKept(file, text, spans);
  const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const masked = spans
    .map((span, index) => (keep[index] ? text.slice(span.start, span.end) : blanked(text, span)))
    .join('');
  return { parsed: { ...parseYamlText(file, masked), text: original }, documents, parsedDocuments: kept };
}

/**
 * The kept documents {@link readSimpleDocument} reads without the `yaml` parser, by span index. Each gets the
 * index `yaml` gives it: spans before it count when they open with `---` or have content (a leading comment block
 * is the first document's prelude). Files with `...` end markers or a byte order mark are left to `yaml`.
 */
function readSimpleDocuments(
  file: string,
  text: string,
  spans: DocumentSpan[],
  keep: boolean[] | undefined,
): Map<number, ParsedDocument> {
  const read = new Map<number, ParsedDocument>();
  if (text.charCodeAt(0) === 0xfeff || (text.includes('...') && END_MARKER.test(text))) return read;
  let documentIndex = 0;
  let line = 1;
  let lineCountedTo = 0;
  spans.forEach((span, index) => {
    const isDocument = span.hasContent || text.startsWith('---', span.start);
    if (span.hasContent && (!keep || keep[index])) {
      line += countNewlines(text, lineCountedTo, span.start);
      lineCountedTo = span.start;
      const fullParse = fullParser(file, text, spans, index, documentIndex);
      const document = readSimpleDocument(file, text, span.start, span.end, line, documentIndex, fullParse);
      if (document) read.set(index, document);
    }
    if (isDocument) documentIndex++;
  });
  return read;
}

/**
 * The `yaml` parse of one document, for a simple document to make on first use. Made out here so that the function
 * holds only what it needs: a closure made inside the loop would keep the file's whole map of documents alive.
 */
function fullParser(
  file: string,
  text: string,
  spans: DocumentSpan[],
  index: number,
  yamlIndex: number,
): () => ParsedDocument | undefined {
  return () => {
    const only = spans.map((_, other) => other === index);
    return parseWithYaml(file, text, spans, only).parsed.documents.find((doc) => doc.index === yamlIndex);
  };
}

const END_MARKER = /^\.\.\.(?:[ \t\r]|$)/m;

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Dropped documents become empty lines (their `---` / `...` markers stay), so the kept documents keep their
 * lines, columns and document indexes.
 */
function blanked(text: string, span: DocumentSpan): string {
  const lines = text.slice(span.start, span.end).split('\n');
  return lines
    .map((line, index) => {
      if (isMarker(line, 0, line.length, '---') || isMarker(line, 0, line.length, '...')) return line;
      // A dropped first document without `---` leaves an explicit empty one, so later indexes do not shift.
      // A dropped leading comment block stays a prelude (blank lines), as it was for the document after it.
      return index === 0 && span.start === 0 && span.hasContent ? '---' : '';
    })
    .join('\n');
}

/** Pre-filters and parses one file on its own (its ConfigMaps kept only when the file itself names them). */
export function parseRelevant(file: string, text: string): FilteredParse {
  const spans = planDocuments(text);
  const planned = { path: file, text, spans };
  return parseKept(file, text, spans, decideDocuments([planned])[0]);
}
