import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { NotEvaluable } from '../model/provenance.js';
import { hasCollectionKey, TEMPLATE_REASON, templateActionOffset } from './template.js';

export type PathSegment = string | number;

/** One YAML document with its plain value and a way to find the line of any node in it. */
export interface ParsedDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  value: unknown;
  /** First line of the document's content (1-based). */
  line: number;
  /** Line of the key (for a mapping entry) or of the item at `path`; undefined when absent. */
  lineAt(path: readonly PathSegment[]): number | undefined;
  /** Line and 1-based column where the key (or item) at `path` starts, in the outer file. */
  positionAt(path: readonly PathSegment[]): { line: number; col: number } | undefined;
  /** First and last line of the value at `path`. */
  rangeAt(path: readonly PathSegment[]): { startLine: number; endLine: number } | undefined;
  /** Shape of the node at `path`, in outer-file coordinates, for edits that insert or replace text. */
  describeAt(path: readonly PathSegment[]): NodeShape | undefined;
  /**
   * Parses the YAML held in the string at `path` (a Helm `values: |` or the mesh ConfigMap's `mesh`), lines mapped to
   * this file. With `text`, that text is parsed in the string's place, mapped the same way: the string after an
   * ApplicationSet filled in its `{{ }}` parameters, which changes a line's content but not its line.
   */
  nestedAt(path: readonly PathSegment[], text?: string): ParsedFile | undefined;
  /**
   * The file that holds the value at `path` when it is not `file`: a document changed by a kustomize patch answers
   * with the patch's file for the paths the patch wrote. Absent on plain documents.
   */
  fileAt?(path: readonly PathSegment[]): string;
  /**
   * Every document that writes the value at `path`, top-most first: the kustomize patches that wrote it, then the
   * document they were applied to, when the value there still reaches the result. Absent on plain documents,
   * which are their own only writer.
   */
  writersAt?(path: readonly PathSegment[]): Writer[];
}

/** A document writing part of an overlaid document's value: the node at `path` of `document`. */
export interface Writer {
  document: ParsedDocument;
  path: PathSegment[];
  /** Whether `document` is a patch applied to another document (not the object's own file). */
  patch: boolean;
}

/** The value at `path` in a plain value; undefined where the path leads nowhere. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The writers of `path` in `document`: the document itself when it is no overlay and holds the path. */
export function writersOf(document: ParsedDocument, path: readonly PathSegment[]): Writer[] {
  if (document.writersAt) return document.writersAt(path);
  return document.describeAt(path) ? [{ document, path: [...path], patch: false }] : [];
}

export interface NodeShape {
  kind: 'map' | 'seq' | 'scalar' | 'null';
  flow: boolean;
  /** Position of the key (mapping entry) or the node itself. */
  start: { line: number; col: number };
  /** Last line of the value. */
  endLine: number;
  /** Column (1-based) of the first child of a block collection. */
  childCol?: number;
}

export interface ParsedFile {
  file: string;
  text: string;
  documents: ParsedDocument[];
  problems: NotEvaluable[];
}

/** Kubernetes reads YAML 1.1 style: yes/no/on/off booleans and `<<` merge keys. */
const PARSE_OPTIONS = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  // Warnings would go to the process's stderr; what matters about a document is reported as a problem instead.
  logLevel: 'error',
} as const;
/** Bounds the expansion of aliases so a "billion laughs" document cannot exhaust memory. */
export const MAX_ALIAS_COUNT = 1000;

interface Located {
  key?: Node;
  value?: Node;
}

/** Follows an alias to the node its anchor names; other nodes are returned as they are. */
function resolved(node: Node | undefined, doc: Document.Parsed): Node | undefined {
  let current = node;
  for (let hops = 0; current && isAlias(current) && hops < 32; hops++)
    current = current.resolve(doc) as Node | undefined;
  return current;
}

const MERGE_KEY = '<<';

/** With `merge: true` the parser gives a `<<` key a symbol value. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.source === MERGE_KEY);
}

/**
 * The pair of `key` that the value comes from: with a repeated key the last one (the decoder keeps the last value,
 * so a finding and its fix must point there, not at the overridden one).
 */
function lastPairWithKey(map: YAMLMap, key: string): Pair | undefined {
  for (let index = map.items.length - 1; index >= 0; index--) {
    const item = map.items[index];
    if (isPair(item) && isScalar(item.key) && !isMergeKey(item.key) && String(item.key.value) === key)
      return item;
  }
  return undefined;
}

/** The pair for `segment` in a map: its own keys first, then the maps merged in with `<<` (earlier merges win). */
function findPair(map: YAMLMap, segment: PathSegment, doc: Document.Parsed, depth = 0): Located | undefined {
  const own = lastPairWithKey(map, String(segment));
  if (own) return { key: own.key as Node, value: (own.value ?? undefined) as Node | undefined };
  if (depth > 16) return undefined;
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    const merged = resolved(item.value as Node | undefined, doc);
    const sources = isSeq(merged) ? merged.items.map((entry) => resolved(entry as Node, doc)) : [merged];
    for (const source of sources) {
      if (!isMap(source)) continue;
      const found = findPair(source, segment, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function locate(
  root: Node | null | undefined,
  path: readonly PathSegment[],
  doc: Document.Parsed,
): Located | undefined {
  let current: Located = { value: root ?? undefined };
  for (const segment of path) {
    const node = resolved(current.value, doc);
    if (isMap(node)) {
      const found = findPair(node, segment, doc);
      if (!found) return undefined;
      current = found;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return undefined;
      current = { value: item as Node };
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Whether a value holds itself: an alias inside the node its anchor names, which go-yaml refuses ("anchor … value
 * contains itself") and which no JSON can hold. Each object is walked once.
 */
function containsItself(root: unknown): boolean {
  const ancestors = new Set<object>();
  const done = new Set<object>();
  const visit = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || done.has(value)) return false;
    if (ancestors.has(value)) return true;
    ancestors.add(value);
    const children = value instanceof Map ? [...value.values()] : Object.values(value);
    const found = children.some(visit);
    ancestors.delete(value);
    done.add(value);
    return found;
  };
  return visit(root);
}

/** Position mapping: nested documents report lines and columns of the outer file. */
export type PositionMapper = (line: number, col: number) => { line: number; col: number };
const identity: PositionMapper = (line, col) => ({ line, col });

export function makeDocument(
  file: string,
  index: number,
  doc: Document.Parsed,
  lines: LineCounter,
  text: string,
  mapPosition: PositionMapper = identity,
): ParsedDocument {
  const positionOf = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return mapPosition(line, col);
  };
  const lineOfOffset = (offset: number) => positionOf(offset).line;
  const contents = doc.contents as Node | null;
  const startOffset = contents?.range?.[0] ?? doc.range?.[0] ?? 0;
  const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  // Only a document with an alias can contain itself; most have none, and are not walked again.
  if (text.slice(doc.range[0], doc.range[2]).includes('*') && containsItself(value))
    throw new Error("an anchor's value contains itself (an alias inside the node it names)");
  return {
    file,
    index,
    value,
    line: lineOfOffset(startOffset),
    lineAt(path) {
      const found = locate(contents, path, doc);
      const node = found?.key ?? found?.value;
      return node?.range ? lineOfOffset(node.range[0]) : undefined;
    },
    positionAt(path) {
      const found = locate(contents, path, doc);
      const node = found?.key ?? found?.value;
      return node?.range ? positionOf(node.range[0]) : undefined;
    },
    rangeAt(path) {
      const found = locate(contents, path, doc);
      const first = found?.key ?? found?.value;
      if (!first?.range) return undefined;
      const last = found?.value?.range ? found.value : first;
      const endOffset = Math.max(last.range![1] - 1, first.range[0]);
      return { startLine: lineOfOffset(first.range[0]), endLine: lineOfOffset(endOffset) };
    },
    describeAt(path) {
      const found = locate(contents, path, doc);
      if (!found) return undefined;
      const value = found.value;
      const anchor = found.key ?? value;
      if (!anchor?.range) return undefined;
      const start = positionOf(anchor.range[0]);
      const valueRange = value?.range ?? anchor.range;
      const endLine = lineOfOffset(Math.max(valueRange[1] - 1, valueRange[0]));
      const isNull = !value || (isScalar(value) && value.value === null);
      const kind = isMap(value) ? 'map' : isSeq(value) ? 'seq' : isNull ? 'null' : 'scalar';
      const flow = (isMap(value) || isSeq(value)) && value.flow === true;
      const firstChild = isMap(value)
        ? (value.items[0]?.key as Node | undefined)
        : isSeq(value)
          ? (value.items[0] as Node | undefined)
          : undefined;
      const childCol = firstChild?.range ? positionOf(firstChild.range[0]).col : undefined;
      return { kind, flow, start, endLine: isNull ? start.line : endLine, ...(childCol ? { childCol } : {}) };
    },
    nestedAt(path, replacement) {
      const node = resolved(locate(contents, path, doc)?.value, doc);
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
      const header = lines.linePos(node.range[0]);
      const nested = replacement ?? node.value;
      // A block scalar's content starts on the line after its `|` header, one line per line, indented.
      const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      if (!isBlock) return parseYamlText(file, nested, () => mapPosition(header.line, header.col));
      const indent = blockIndent(text, node.range[0]);
      return parseYamlText(file, nested, (line, col) => mapPosition(header.line + line, col + indent));
    },
  };
}

/** Indentation of the first non-empty content line of the block scalar whose header starts at `offset`. */
function blockIndent(text: string, offset: number): number {
  const lines = text.slice(offset).split('\n').slice(1);
  const first = lines.find((line) => line.trim() !== '');
  return first ? first.length - first.trimStart().length : 0;
}

/** Parses a multi-document YAML text. Never throws: syntax errors become `problems` with file and line. */
export function parseYamlText(
  file: string,
  rawText: string,
  mapPosition: PositionMapper = identity,
): ParsedFile {
  const mapLine = (line: number) => mapPosition(line, 1).line;
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const documents: ParsedDocument[] = [];
  const problems: NotEvaluable[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as Document.Parsed[];
  } catch (error) {
    return {
      file,
      text,
      documents,
      problems: [{ file, line: 1, reason: `YAML could not be read: ${messageOf(error)}` }],
    };
  }
  if (!Array.isArray(parsed)) parsed = [];
  // Errors at the end of the text point one past its last line; a line there cannot be annotated.
  const lastLine = Math.max(1, lineCounter.linePos(Math.max(0, text.trimEnd().length - 1)).line);
  const lineOf = (offset: number) => mapLine(Math.min(lineCounter.linePos(offset).line, lastLine));
  parsed.forEach((doc, index) => {
    const template = templateActionOffset(text, doc.range[0], doc.range[2]);
    if (template !== undefined && (doc.errors.length > 0 || hasCollectionKey(doc))) {
      problems.push({ file, line: lineOf(template), reason: TEMPLATE_REASON });
      return;
    }
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      problems.push({ file, line: lineOf(error.pos[0]), reason: syntaxReason(error.message) });
      return;
    }
    if (isEmptyDocument(doc)) return;
    for (const duplicate of duplicateKeys(doc)) {
      const line = lineOf(duplicate.offset);
      const first = lineOf(duplicate.firstOffset);
      problems.push({
        file,
        line,
        reason: `duplicate key "${duplicate.key}" (first at line ${first}); the last value is used`,
      });
    }
    try {
      documents.push(makeDocument(file, index, doc, lineCounter, text, mapPosition));
    } catch (error) {
      const reason = isStackOverflow(error)
        ? TOO_DEEP
        : `YAML document could not be read: ${messageOf(error)}`;
      problems.push({ file, line: lineOf(doc.range[0]), reason });
    }
  });
  return { file, text, documents, problems };
}

const TOO_DEEP = 'YAML document is nested too deeply to be read';

/** The parser reports running out of stack as an error of the document; that is depth, not a typo. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || /maximum call stack/i.test(messageOf(error));
}

function syntaxReason(message: string): string {
  return isStackOverflow(message) ? TOO_DEEP : `YAML syntax error: ${firstLine(message)}`;
}

/** An empty or comment-only document parses to a null scalar (or no contents at all). */
function isEmptyDocument(doc: Document.Parsed): boolean {
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
}

interface DuplicateKey {
  key: string;
  offset: number;
  firstOffset: number;
}

/**
 * Keys repeated in one mapping. Kubernetes' decoder keeps the last one silently; a reviewer should know, because
 * the first one is what a person reading the file sees.
 */
function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      // One by one: a spread of a long flow sequence would overflow the call stack.
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && !isMergeKey(key) && key.range) {
          const name = String(key.value);
          const first = seen.get(name);
          if (first === undefined) seen.set(name, key.range[0]);
          else found.push({ key: name, offset: key.range[0], firstOffset: first });
        }
        stack.push(pair.value);
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

export function messageOf(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

/** A view of the node at `prefix` as a document of its own (an item of a `kind: List`). */
export function subDocument(
  document: ParsedDocument,
  prefix: readonly PathSegment[],
  value: unknown,
): ParsedDocument {
  const full = (path: readonly PathSegment[]) => [...prefix, ...path];
  return {
    file: document.file,
    index: document.index,
    value,
    line: document.lineAt(prefix) ?? document.line,
    lineAt: (path) => document.lineAt(full(path)),
    positionAt: (path) => document.positionAt(full(path)),
    rangeAt: (path) => document.rangeAt(full(path)),
    describeAt: (path) => document.describeAt(full(path)),
    nestedAt: (path, text) => document.nestedAt(full(path), text),
    ...(document.fileAt ? { fileAt: (path: readonly PathSegment[]) => document.fileAt!(full(path)) } : {}),
    ...(document.writersAt
      ? { writersAt: (path: readonly PathSegment[]) => document.writersAt!(full(path)) }
      : {}),
  };
}

/** Where part of an overlaid document comes from: the value at `path` was written by `document` at `documentPath`. */
export interface OverlaySource {
  path: PathSegment[];
  document: ParsedDocument;
  documentPath: PathSegment[];
}

/**
 * A document whose value was changed after parsing (a kustomize patch, a Flux substitution): lines, ranges and
 * nested documents of the paths a source wrote come from that source (the patch file), the others from `base`.
 */
export function overlayDocument(
  base: ParsedDocument,
  value: unknown,
  sources: OverlaySource[],
): ParsedDocument {
  /** The source that wrote `path` last (later sources win), if any wrote it or a node above it. */
  const topSource = (path: readonly PathSegment[]): OverlaySource | undefined => {
    for (let i = sources.length - 1; i >= 0; i--) {
      const source = sources[i];
      if (
        source.path.length <= path.length &&
        source.path.every((segment, j) => String(segment) === String(path[j]))
      )
        return source;
    }
    return undefined;
  };
  const mapped = (source: OverlaySource, path: readonly PathSegment[]): PathSegment[] => [
    ...source.documentPath,
    ...path.slice(source.path.length),
  ];
  const route = (path: readonly PathSegment[]): { document: ParsedDocument; path: PathSegment[] } => {
    const source = topSource(path);
    return source
      ? { document: source.document, path: mapped(source, path) }
      : { document: base, path: [...path] };
  };
  return {
    file: base.file,
    index: base.index,
    value,
    line: base.line,
    lineAt: (path) => {
      const target = route(path);
      return target.document.lineAt(target.path);
    },
    positionAt: (path) => {
      const target = route(path);
      return target.document.positionAt(target.path);
    },
    rangeAt: (path) => {
      const target = route(path);
      return target.document.rangeAt(target.path);
    },
    describeAt: (path) => {
      const target = route(path);
      return target.document.describeAt(target.path);
    },
    nestedAt: (path, text) => {
      const target = route(path);
      // The string as it is now: a Flux substitution changed its text (on the same lines) but not the source's.
      const current = valueAt(value, path);
      return target.document.nestedAt(
        target.path,
        text ?? (typeof current === 'string' ? current : undefined),
      );
    },
    fileAt: (path) => {
      const target = route(path);
      return target.document.fileAt?.(target.path) ?? target.document.file;
    },
    writersAt: (path) => {
      // A value a later patch removed has no writer left: editing the files that show it would change nothing.
      if (valueAt(value, path) === undefined) return [];
      const top = topSource(path);
      if (!top) return writersOf(base, path);
      const writer: Writer = { document: top.document, path: mapped(top, path), patch: true };
      // A source that replaced a whole subtree above `path` hides what the documents below wrote there.
      return top.path.length < path.length ? [writer] : [writer, ...writersOf(base, path)];
    },
  };
}
