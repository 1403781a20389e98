import {
  parseYamlText,
  type NodeShape,
  type ParsedDocument,
  type ParsedFile,
  type PathSegment,
} from './yaml.js';
import { lineStarts } from '../text-lines.js';

/**
 * A fast path for the plainest YAML documents, which are most of what a big GitOps repository keeps after the
 * pre-filter (`kustomization.yaml` files, Namespaces, most workloads): block mappings and sequences of simple
 * scalars, with one-line flow collections. Reading them costs a small fraction of the `yaml` package's
 * position-keeping parse.
 *
 * The path accepts only a subset whose meaning leaves no room for doubt and gives up on everything else (anchors,
 * tags, block scalars, multi-line scalars and flow collections, escapes, YAML 1.1 words such as `yes`/`on`, numbers
 * other than plain integers, tabs, CRLF, templates, duplicate keys, …); the caller then parses the document with
 * `yaml` as before. Tests prove that what the path accepts reads exactly as the `yaml` parse reads it: values,
 * lines, columns, ranges and shapes. Where comment lines sit inside the document, `yaml` counts some of them into
 * the ranges of collections; ranges and shapes of such documents come from a full parse made on first use.
 */

type Kind = NodeShape['kind'];

/** A node of the document: where it starts, its last line, and its children with their key positions. */
interface Node {
  /** Offset of the node itself (for a mapping entry's value: the value, its key is at `key`). */
  start: number;
  /** Offset of the key, for the value of a mapping entry. */
  key?: number;
  /** Last line of the node's content. */
  endLine: number;
  kind: Kind;
  flow: boolean;
  value: unknown;
  entries?: Map<string, Node>;
  items?: Node[];
}

interface Line {
  /** Offset of the line's first character in the file. */
  offset: number;
  /** 1-based line number in the file. */
  number: number;
  /** Column (0-based) where the content starts: the indentation, or after `- ` for a compact item. */
  indent: number;
  /** Content from `indent` to the end of the line, trailing spaces removed. */
  content: string;
}

class GiveUp extends Error {}

/** How many spaces `text` starts with (counted, not matched: most lines are indented, no string is made). */
function leadingSpaces(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 0x20) count++;
  return count;
}

const trimSpaces = (text: string) => {
  const trimmed = withoutTrailingSpaces(text);
  const spaces = leadingSpaces(trimmed);
  return spaces === 0 ? trimmed : trimmed.slice(spaces);
};

/** Drops trailing spaces by a loop: a `/ +$/` regex retries every space of a long run and takes quadratic time. */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Control characters YAML does not allow in a scalar: the full parser reports them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;

const giveUp = (): never => {
  throw new GiveUp();
};

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/**
 * Plain scalars read as strings: a letter, `/`, `./`, `../`, `-x` or `--x` first (never an indicator, a number or
 * a YAML 1.1 float such as `.5` or `-.5`), then any visible characters, single spaces between words.
 */
const PLAIN_STRING = /^(?:[A-Za-z_/]|\.\.?\/|--?[A-Za-z])[!-~]*(?: [!-~]+)*$/;
/** Inside flow collections the flow indicators end a plain scalar, so they cannot be part of one. */
const FLOW_PLAIN_END = /[,[\]{}]|: |:$| #/;
/** Kubernetes quantities (`500m`, `1.5Gi`): digits then letters are no YAML 1.1 number; a leading 0 could be hex. */
const QUANTITY = /^(?:[1-9][0-9]*|0(?=\.))(?:\.[0-9]+)?[A-Za-z]+$/;
const PLAIN_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Versions with two dots or more (`1.26.4`, `1.0.0-rc.1`): a YAML 1.1 float has one dot at most. */
const DOTTED_VERSION = /^(?:0|[1-9][0-9]*)\.[0-9]+\.[0-9]+(?:[-+.][0-9A-Za-z.+-]+)?$/;
/** YAML 1.1 words that are not strings (booleans, null) in any spelling: left to the full parser. */
const SPECIAL_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The longest of {@link SPECIAL_WORDS}: longer text needs no lower-cased copy to be looked up. */
const LONGEST_SPECIAL_WORD = Math.max(...[...SPECIAL_WORDS].map((word) => word.length));
/**
 * The first characters of {@link SPECIAL_WORDS}: text starting otherwise (most keys and values) needs no lower-cased
 * copy either. Only ASCII letters lower-case to these characters, so the first one is lower-cased by hand.
 */
const SPECIAL_FIRST_CHARACTERS = new Set([...SPECIAL_WORDS].map((word) => word.charCodeAt(0)));

function isSpecialWord(text: string): boolean {
  if (text.length > LONGEST_SPECIAL_WORD) return false;
  const first = text.charCodeAt(0);
  const lowerFirst = first >= 0x41 && first <= 0x5a ? first + 0x20 : first;
  return SPECIAL_FIRST_CHARACTERS.has(lowerFirst) && SPECIAL_WORDS.has(text.toLowerCase());
}

/** Integers, quantities and versions all start with a digit: other text skips their patterns. */
function startsWithDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 0x30 && first <= 0x39;
}
/** Deeper documents are rare in configuration and left to the full parser, which reports them when too deep. */
const MAX_DEPTH = 64;

/**
 * Reads the document of `text` that spans `[start, end)` (a `---` line may open it), or undefined when it is not in
 * the subset. Lines and columns are those of `text`; `firstLine` is the 1-based line at `start`, `index` the
 * document's position in the file as `yaml` counts it.
 */
export function readSimpleDocument(
  file: string,
  text: string,
  start: number,
  end: number,
  firstLine: number,
  index: number,
  fullParse: () => ParsedDocument | undefined,
): ParsedDocument | undefined {
  // CR and the YAML 1.1 line breaks NEL, LS and PS change what a line is; `{{` is a template.
  if (/[\r\uFEFF\u0085\u2028\u2029]|\{\{/.test(text.slice(start, end))) return undefined;
  try {
    const read = readTree({ text, start, end, firstLine }, false);
    return read && new SimpleDocument(file, index, text, { start, end, firstLine }, read, fullParse);
  } catch (error) {
    // Running out of stack is the full parser's to report (as a document nested too deeply), like any give-up.
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Where a document is in its file's text: `[start, end)`, and the 1-based line at `start`. */
interface Span {
  start: number;
  end: number;
  firstLine: number;
}

/** The nodes of a document in the subset, and what its lines say; undefined when it is not in the subset. */
interface Tree {
  root: Node;
  /** 1-based line of the first content line. */
  line: number;
  commentsInside: boolean;
}

/**
 * Reads the document at `span` (throws {@link GiveUp} where the subset ends). Without `keepNodes` only the value is
 * wanted: block collections then keep no map of their entries nor list of their items (the first read of every
 * kept document; most are never asked for a position, and those that are read their nodes again).
 */
function readTree(
  { text, start, end, firstLine }: Span & { text: string },
  keepNodes: boolean,
): Tree | undefined {
  const { lines, commentsInside } = contentLines(text, start, end, firstLine);
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  const reader = new BlockReader(lines, keepNodes);
  const root = reader.mapping(0);
  if (!reader.done()) return undefined;
  return { root, line: lines[0].number, commentsInside };
}

/** Content lines of the document: blank lines, comment lines and the opening `---` are skipped. */
function contentLines(
  text: string,
  start: number,
  end: number,
  firstLine: number,
): { lines: Line[]; commentsInside: boolean } {
  const lines: Line[] = [];
  let commentsInside = false;
  let offset = start;
  let number = firstLine;
  while (offset < end) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    // Only spaces are trimmed: YAML indents and separates with them, other white space is content.
    const raw = withoutTrailingSpaces(text.slice(offset, lineEnd));
    const indent = leadingSpaces(raw);
    const content = raw.slice(indent);
    const isComment = content.startsWith('#');
    // Tabs and backslashes only in comment text: indentation, separation and escapes are the full parser's.
    if (/[\t\\]/.test(isComment ? raw.slice(0, indent) : raw)) giveUp();
    if (offset === start && raw.startsWith('---')) {
      if (raw !== '---') giveUp();
    } else if (isComment) {
      commentsInside ||= lines.length > 0;
    } else if (content !== '') {
      if (content.startsWith('---') || content.startsWith('...') || content.startsWith('%')) giveUp();
      lines.push({ offset, number, indent, content });
    }
    offset = lineEnd + 1;
    number++;
  }
  return { lines, commentsInside };
}

/** Recursive descent over block collections, one content line at a time. */
class BlockReader {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly lines: Line[],
    private readonly keepNodes: boolean,
  ) {}

  done(): boolean {
    return this.index >= this.lines.length;
  }

  private get current(): Line | undefined {
    return this.lines[this.index];
  }

  /** A block mapping whose keys sit at column `indent`. */
  mapping(indent: number): Node {
    return this.deeper(() => this.mappingEntries(indent));
  }

  private mappingEntries(indent: number): Node {
    const value: Record<string, unknown> = {};
    const entries = this.keepNodes ? new Map<string, Node>() : undefined;
    const first = this.current!;
    let endLine = first.number;
    for (let line = this.current; line && line.indent >= indent; line = this.current) {
      if (line.indent > indent || isItem(line.content)) giveUp();
      const entry = splitEntry(line.content);
      if (entry.key === undefined || Object.hasOwn(value, entry.key)) giveUp();
      const keyOffset = line.offset + line.indent;
      this.index++;
      const child =
        entry.rest === ''
          ? this.valueBelow(indent, line, keyOffset + entry.key!.length + 1)
          : this.inline(line, keyOffset + entry.valueColumn, entry.rest);
      value[entry.key!] = child.value;
      child.key = keyOffset;
      entries?.set(entry.key!, child);
      endLine = child.endLine;
    }
    return { start: first.offset + first.indent, endLine, kind: 'map', flow: false, value, entries };
  }

  /** A block sequence whose `-` sit at column `indent`. */
  sequence(indent: number): Node {
    return this.deeper(() => this.sequenceItems(indent));
  }

  /** One level deeper; past {@link MAX_DEPTH} the document is the full parser's. */
  private deeper(read: () => Node): Node {
    if (++this.depth > MAX_DEPTH) giveUp();
    const node = read();
    this.depth--;
    return node;
  }

  private sequenceItems(indent: number): Node {
    const value: unknown[] = [];
    const items = this.keepNodes ? ([] as Node[]) : undefined;
    const first = this.current!;
    let endLine = first.number;
    for (let line = this.current; line && line.indent >= indent; line = this.current) {
      if (line.indent > indent || !isItem(line.content)) break;
      const after = line.content.slice(1);
      const content = trimSpaces(after);
      const gap = after.length - content.length;
      if (gap === 0 || content === '' || isItem(content) || content.startsWith('#')) giveUp();
      // The item's content is read as a line of its own, at the column where it starts (compact mappings).
      const itemLine: Line = { ...line, indent: line.indent + 1 + gap, content };
      this.lines[this.index] = itemLine;
      let item: Node;
      if (!/^[[{'"]/.test(content) && entryKey(content) !== undefined) item = this.mapping(itemLine.indent);
      else {
        this.index++;
        item = inlineValue(withoutComment(content), itemLine.offset + itemLine.indent, itemLine.number);
      }
      value.push(item.value);
      items?.push(item);
      endLine = item.endLine;
    }
    const next = this.current;
    // A deeper line, or a scalar item continued on the next line: the full parser's.
    if (next && next.indent > indent) giveUp();
    return { start: first.offset + first.indent, endLine, kind: 'seq', flow: false, value, items };
  }

  /** The value of `key:` with nothing after it: a nested block, a same-column sequence, or null. */
  private valueBelow(indent: number, keyLine: Line, afterColon: number): Node {
    const next = this.current;
    if (next && next.indent > indent)
      return isItem(next.content) ? this.sequence(next.indent) : this.mapping(next.indent);
    if (next && next.indent === indent && isItem(next.content)) return this.sequence(indent);
    return { start: afterColon, endLine: keyLine.number, kind: 'null', flow: false, value: null };
  }

  private inline(line: Line, offset: number, rest: string): Node {
    const next = this.current;
    // A deeper line after a scalar is a multi-line scalar or an error: both are the full parser's.
    if (next && next.indent > line.indent) giveUp();
    return inlineValue(rest, offset, line.number);
  }
}

function isItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** `key: rest` (rest without its comment, and the column of rest in the content); key undefined if not an entry. */
function splitEntry(content: string): { key?: string; rest: string; valueColumn: number } {
  const key = entryKey(content);
  if (key === undefined) return { rest: content, valueColumn: 0 };
  const raw = content.slice(key.length + 1);
  const spaces = leadingSpaces(raw);
  return { key, rest: trimSpaces(withoutComment(raw)), valueColumn: key.length + 1 + spaces };
}

/** The key of a `key: …` or `key:` line; undefined when the line is no entry, a give-up when the key is not plain. */
function entryKey(content: string): string | undefined {
  const colon = content.indexOf(':');
  if (colon <= 0) return undefined;
  if (colon + 1 < content.length && content.charCodeAt(colon + 1) !== 0x20) return undefined;
  const key = content.slice(0, colon);
  if (!isPlainKey(key)) giveUp();
  return key;
}

/** A key read as the same string by every YAML version, and safe as a property name. */
function isPlainKey(key: string): boolean {
  return PLAIN_KEY.test(key) && !isSpecialWord(key) && !FORBIDDEN_KEYS.has(key);
}

/** Drops a ` #` comment; quoted text is checked by {@link scalar}, which gives up on a `#` inside quotes. */
function withoutComment(text: string): string {
  const hash = text.indexOf(' #');
  return withoutTrailingSpaces(hash < 0 ? text : text.slice(0, hash));
}

/** A value written on one line at `offset`: a one-line flow collection or a scalar. */
function inlineValue(text: string, offset: number, line: number): Node {
  if (text[0] !== '{' && text[0] !== '[') {
    const value = scalar(text);
    return { start: offset, endLine: line, kind: value === null ? 'null' : 'scalar', flow: false, value };
  }
  const reader = new FlowReader(text, offset, line);
  const node = reader.value();
  if (!reader.atEnd()) giveUp();
  return node;
}

/** One-line flow collections (`{ cpu: 100m }`, `[a, b]`), possibly nested. */
class FlowReader {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly offset: number,
    private readonly line: number,
  ) {}

  atEnd(): boolean {
    this.skipSpaces();
    return this.at >= this.text.length;
  }

  value(): Node {
    this.skipSpaces();
    const char = this.text[this.at];
    if (char === '{') return this.collection('map');
    if (char === '[') return this.collection('seq');
    return this.scalar();
  }

  private collection(kind: 'map' | 'seq'): Node {
    if (++this.depth > MAX_DEPTH) giveUp();
    const start = this.offset + this.at;
    const close = kind === 'map' ? '}' : ']';
    const entries = new Map<string, Node>();
    const items: Node[] = [];
    this.at++;
    this.skipSpaces();
    while (this.text[this.at] !== close) {
      if (this.at >= this.text.length) giveUp();
      if (kind === 'map') {
        const keyStart = this.at;
        const colon = this.text.indexOf(': ', keyStart);
        const key = colon < 0 ? '' : this.text.slice(keyStart, colon);
        if (!isPlainKey(key) || entries.has(key)) giveUp();
        this.at = colon + 2;
        const child = this.value();
        child.key = this.offset + keyStart;
        entries.set(key, child);
      } else {
        items.push(this.value());
      }
      this.skipSpaces();
      if (this.text[this.at] === ',') {
        this.at++;
        this.skipSpaces();
        // A trailing comma is valid YAML, but rare enough to leave to the full parser.
        if (this.text[this.at] === close) giveUp();
      } else if (this.text[this.at] !== close) giveUp();
    }
    this.at++;
    this.depth--;
    const value =
      kind === 'map'
        ? Object.fromEntries([...entries].map(([key, child]) => [key, child.value]))
        : items.map((item) => item.value);
    return {
      start,
      endLine: this.line,
      kind,
      flow: true,
      value,
      ...(kind === 'map' ? { entries } : { items }),
    };
  }

  private scalar(): Node {
    const rest = this.text.slice(this.at);
    const quote = rest[0];
    let length: number;
    if (quote === "'" || quote === '"') length = rest.indexOf(quote, 1) + 1;
    else {
      const stop = rest.search(FLOW_PLAIN_END);
      length = stop < 0 ? rest.length : stop;
      // `a: b` inside a sequence is a one-pair mapping, `a:` a key: the full parser's.
      if (rest[length] === ':') giveUp();
    }
    if (length <= 0) giveUp();
    const start = this.offset + this.at;
    this.at += length;
    const value = scalar(withoutTrailingSpaces(rest.slice(0, length)));
    return { start, endLine: this.line, kind: value === null ? 'null' : 'scalar', flow: false, value };
  }

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}

/** The value of a scalar in the subset; gives up on anything else. */
function scalar(text: string): unknown {
  const quote = text[0];
  if (quote === "'" || quote === '"') {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith(quote) || inner.includes(quote) || inner.includes('#')) giveUp();
    if (NON_PRINTABLE.test(inner)) giveUp();
    return inner;
  }
  if (startsWithDigit(text)) {
    if (PLAIN_INTEGER.test(text)) return Number(text);
    if (QUANTITY.test(text) || DOTTED_VERSION.test(text)) return text;
  }
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (isSpecialWord(text) || !PLAIN_STRING.test(text) || text.includes(': ')) giveUp();
  if (text.endsWith(':')) giveUp();
  return text;
}

/**
 * The document over its nodes. Ranges and shapes of the root, and of every node when comment lines sit inside the
 * document, come from the `yaml` parse (made on first use): `yaml` counts some comments into its collections.
 * A class, not an object of closures: a big repository keeps thousands of these. The nodes are not kept: most
 * documents are only ever read for their value (a tenth of a big repository's are asked for a line), and thousands
 * of node trees kept alive made every young-generation collection copy them; they are read again on first use.
 */
class SimpleDocument implements ParsedDocument {
  readonly value: unknown;
  readonly line: number;
  private readonly commentsInside: boolean;
  /** The nodes once read again, undefined before. */
  private tree?: Node;
  /** The `yaml` parse once made (`undefined` when it failed), `null` before. */
  private full: ParsedDocument | undefined | null = null;
  private starts?: number[];

  constructor(
    readonly file: string,
    readonly index: number,
    private readonly text: string,
    private readonly span: Span,
    read: Tree,
    private readonly fullParse: () => ParsedDocument | undefined,
  ) {
    this.value = read.root.value;
    this.line = read.line;
    this.commentsInside = read.commentsInside;
  }

  /** The document's nodes: the same text read the same way gives the same nodes. */
  private get root(): Node {
    return (this.tree ??= readTree({ text: this.text, ...this.span }, true)!.root);
  }

  lineAt(path: readonly PathSegment[]): number | undefined {
    return this.positionAt(path)?.line;
  }

  positionAt(path: readonly PathSegment[]): { line: number; col: number } | undefined {
    const node = locate(this.root, path);
    return node === undefined ? undefined : this.positionOf(node.key ?? node.start);
  }

  rangeAt(path: readonly PathSegment[]): { startLine: number; endLine: number } | undefined {
    if (this.fromFullParse(path)) return this.parsed()?.rangeAt(path);
    const node = locate(this.root, path);
    if (!node) return undefined;
    return { startLine: this.positionOf(node.key ?? node.start).line, endLine: node.endLine };
  }

  describeAt(path: readonly PathSegment[]): NodeShape | undefined {
    if (this.fromFullParse(path)) return this.parsed()?.describeAt(path);
    const node = locate(this.root, path);
    return node ? this.shapeOf(node) : undefined;
  }

  nestedAt(path: readonly PathSegment[], text?: string): ParsedFile | undefined {
    const node = locate(this.root, path);
    if (!node || node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
    const header = this.positionOf(node.start);
    return parseYamlText(this.file, text ?? node.value, () => header);
  }

  private parsed(): ParsedDocument | undefined {
    if (this.full === null) this.full = this.fullParse();
    return this.full;
  }

  private fromFullParse(path: readonly PathSegment[]): boolean {
    return this.commentsInside || path.length === 0;
  }

  /** Line and column of an offset inside the document (only the document's own lines are counted). */
  private positionOf(offset: number): { line: number; col: number } {
    // The document's own lines, not the file's: a rendered manifest of a thousand documents would count its every
    // line once per document asked for a position.
    this.starts ??= lineStarts(this.text, this.span.start, this.span.end);
    const index = lastAtOrBefore(this.starts, offset);
    return { line: this.span.firstLine + index, col: offset - this.starts[index] + 1 };
  }

  private shapeOf(node: Node): NodeShape {
    const start = this.positionOf(node.key ?? node.start);
    const firstChild = node.entries?.values().next().value?.key ?? node.items?.[0]?.start;
    const childCol = firstChild === undefined ? undefined : this.positionOf(firstChild).col;
    const flow = (node.kind === 'map' || node.kind === 'seq') && node.flow;
    return {
      kind: node.kind,
      flow,
      start,
      endLine: node.kind === 'null' ? start.line : node.endLine,
      ...(childCol ? { childCol } : {}),
    };
  }
}

/** The node at `path` (its `key` set when a mapping entry leads to it), as the `yaml`-backed document finds it. */
function locate(root: Node, path: readonly PathSegment[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (node.entries) node = node.entries.get(String(segment));
    else if (node.items && typeof segment === 'number') node = node.items[segment];
    else return undefined;
    if (!node) return undefined;
  }
  return node;
}

/** Index of the last entry of the ascending `starts` that is at or before `offset`. */
function lastAtOrBefore(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
