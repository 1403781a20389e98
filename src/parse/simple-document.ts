import type { ParsedDocument, PathSegment } from './yaml.js';

/**
 * A fast path for the plainest YAML documents, which are most of what a big GitOps repository keeps after the
 * pre-filter (`kustomization.yaml` files, Namespaces): block mappings and sequences of simple scalars. Reading them
 * costs a small fraction of the `yaml` package's position-keeping parse.
 *
 * The path accepts only a subset whose meaning leaves no room for doubt and gives up on everything else (flow
 * collections, anchors, tags, block scalars, escapes, YAML 1.1 words such as `yes`/`on`, numbers other than plain
 * integers, tabs, CRLF, templates, duplicate keys, …); the caller then parses the document with `yaml` as before.
 * It answers `value`, `line`, `lineAt` and `positionAt` itself (tests prove them equal to the `yaml` parse);
 * ranges, shapes and nested documents come from a full parse made the first time one is asked for.
 */

/** Where a node of the fast-path document starts, and where its children start. */
interface NodePosition {
  /** Offset of the node itself (for a mapping entry's value: the value; see `entries` for its key). */
  start: number;
  entries?: Map<string, { key: number; value: NodePosition }>;
  items?: NodePosition[];
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

const giveUp = (): never => {
  throw new GiveUp();
};

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/**
 * Plain scalars read as strings: a letter, `/`, `./` or `../` first (never an indicator, a number or a YAML 1.1
 * float such as `.5`), then any visible characters, single spaces between words.
 */
const PLAIN_STRING = /^(?:[A-Za-z_/]|\.\.?\/)[!-~]*(?: [!-~]+)*$/;
/** Kubernetes quantities (`500m`, `1.5Gi`): digits then letters are no YAML 1.1 number; a leading 0 could be hex. */
const QUANTITY = /^(?:[1-9][0-9]*|0(?=\.))(?:\.[0-9]+)?[A-Za-z]+$/;
const PLAIN_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** YAML 1.1 words that are not strings (booleans, null) in any spelling: left to the full parser. */
const SPECIAL_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads the single document of `text` that spans `[start, end)` (a `---` line may open it), or undefined when it
 * is not in the subset. Lines and columns are those of `text`; `firstLine` is the 1-based line at `start`.
 */
export function readSimpleDocument(
  file: string,
  text: string,
  start: number,
  end: number,
  firstLine: number,
  fullParse: () => ParsedDocument | undefined,
): ParsedDocument | undefined {
  if (/[\r\uFEFF]|\{\{/.test(text.slice(start, end))) return undefined;
  let lines: Line[];
  let root: { value: unknown; position: NodePosition };
  try {
    lines = contentLines(text, start, end, firstLine);
    if (lines.length === 0 || lines[0].indent !== 0) return undefined;
    const reader = new BlockReader(lines);
    root = reader.mapping(0);
    if (!reader.done()) return undefined;
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
  return simpleDocument(file, text, lines[0].number, root, fullParse);
}

/** Content lines of the document: blank lines, comment lines and the opening `---` are skipped. */
function contentLines(text: string, start: number, end: number, firstLine: number): Line[] {
  const lines: Line[] = [];
  let offset = start;
  let number = firstLine;
  while (offset < end) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    const raw = text.slice(offset, lineEnd).trimEnd();
    const indent = raw.length - raw.trimStart().length;
    const content = raw.slice(indent);
    const isComment = content.startsWith('#');
    // Tabs and backslashes only in comment text: indentation, separation and escapes are the full parser's.
    if (/[\t\\]/.test(isComment ? raw.slice(0, indent) : raw)) giveUp();
    if (offset === start && raw.startsWith('---')) {
      if (raw !== '---') giveUp();
    } else if (content !== '' && !isComment) {
      if (content.startsWith('---') || content.startsWith('...') || content.startsWith('%')) giveUp();
      lines.push({ offset, number, indent, content });
    }
    offset = lineEnd + 1;
    number++;
  }
  return lines;
}

/** Recursive descent over block collections, one content line at a time. */
class BlockReader {
  private index = 0;

  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.index >= this.lines.length;
  }

  private get current(): Line | undefined {
    return this.lines[this.index];
  }

  /** A block mapping whose keys sit at column `indent`. */
  mapping(indent: number): { value: Record<string, unknown>; position: NodePosition } {
    const value: Record<string, unknown> = {};
    const entries = new Map<string, { key: number; value: NodePosition }>();
    const start = this.current!.offset + this.current!.indent;
    for (let line = this.current; line && line.indent >= indent; line = this.current) {
      if (line.indent > indent || isItem(line.content)) giveUp();
      const { key, rest } = splitEntry(line.content);
      if (key === undefined || entries.has(key)) giveUp();
      const keyOffset = line.offset + line.indent;
      this.index++;
      const child = rest === '' ? this.nested(indent, keyOffset + key!.length + 1) : this.inline(line, rest);
      value[key!] = child.value;
      entries.set(key!, { key: keyOffset, value: child.position });
    }
    return { value, position: { start, entries } };
  }

  /** A block sequence whose `-` sit at column `indent`. */
  sequence(indent: number): { value: unknown[]; position: NodePosition } {
    const value: unknown[] = [];
    const items: NodePosition[] = [];
    const start = this.current!.offset + this.current!.indent;
    for (let line = this.current; line && line.indent >= indent; line = this.current) {
      if (line.indent > indent || !isItem(line.content)) break;
      const after = line.content.slice(1);
      const gap = after.length - after.trimStart().length;
      const content = after.trimStart();
      if (gap === 0 || content === '' || isItem(content) || content.startsWith('#')) giveUp();
      // The item's content is read as a line of its own, at the column where it starts (compact mappings).
      const itemLine: Line = { ...line, indent: line.indent + 1 + gap, content };
      this.lines[this.index] = itemLine;
      const item =
        splitEntry(content).key !== undefined ? this.mapping(itemLine.indent) : this.scalarLine(itemLine);
      value.push(item.value);
      items.push(item.position);
    }
    const next = this.current;
    // A deeper line, or a same-column line that is not an item where the sequence is not a mapping's value.
    if (next && next.indent > indent) giveUp();
    return { value, position: { start, items } };
  }

  /** The value of `key:` with nothing after it: a nested block, a same-column sequence, or null. */
  private nested(indent: number, afterColon: number): { value: unknown; position: NodePosition } {
    const next = this.current;
    if (next && next.indent > indent)
      return isItem(next.content) ? this.sequence(next.indent) : this.mapping(next.indent);
    if (next && next.indent === indent && isItem(next.content)) return this.sequence(indent);
    return { value: null, position: { start: afterColon } };
  }

  private inline(line: Line, rest: string): { value: unknown; position: NodePosition } {
    const next = this.current;
    // A deeper line after a scalar is a multi-line scalar or an error: both are the full parser's.
    if (next && next.indent > line.indent) giveUp();
    const offset = line.offset + line.indent + line.content.length - rest.length;
    return { value: scalar(rest), position: { start: offset } };
  }

  /** A scalar item; what may follow it (another item, a shallower line) is checked by {@link sequence}. */
  private scalarLine(line: Line): { value: unknown; position: NodePosition } {
    this.index++;
    return { value: scalar(line.content), position: { start: line.offset + line.indent } };
  }
}

function isItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** `key: rest` (rest without its comment); key undefined when the content is not a plain-key entry. */
function splitEntry(content: string): { key?: string; rest: string } {
  const colon = content.indexOf(':');
  if (colon <= 0) return { rest: content };
  const after = content.charCodeAt(colon + 1);
  if (colon + 1 < content.length && after !== 0x20) return { rest: content };
  const key = content.slice(0, colon);
  if (!PLAIN_KEY.test(key) || SPECIAL_WORDS.has(key.toLowerCase()) || FORBIDDEN_KEYS.has(key)) giveUp();
  return { key, rest: withoutComment(content.slice(colon + 1)).trim() };
}

/** Drops a ` #` comment; quoted text is checked by {@link scalar}, which gives up on a `#` inside quotes. */
function withoutComment(text: string): string {
  const hash = text.indexOf(' #');
  return hash < 0 ? text : text.slice(0, hash);
}

/** The value of a scalar in the subset; gives up on anything else. */
function scalar(raw: string): unknown {
  const text = withoutComment(raw).trim();
  const quote = text[0];
  if (quote === "'" || quote === '"') {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith(quote) || inner.includes(quote) || inner.includes('#')) giveUp();
    return inner;
  }
  if (PLAIN_INTEGER.test(text)) return Number(text);
  if (QUANTITY.test(text)) return text;
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (SPECIAL_WORDS.has(text.toLowerCase()) || !PLAIN_STRING.test(text) || text.includes(': ')) giveUp();
  if (text.endsWith(':')) giveUp();
  return text;
}

function simpleDocument(
  file: string,
  text: string,
  line: number,
  root: { value: unknown; position: NodePosition },
  fullParse: () => ParsedDocument | undefined,
): ParsedDocument {
  let full: ParsedDocument | undefined | null = null;
  const parsed = () => (full === null ? (full = fullParse()) : full);
  let lineStarts: number[] | undefined;
  const positionOf = (offset: number) => {
    lineStarts ??= startsOfLines(text);
    const index = lastAtOrBefore(lineStarts, offset);
    return { line: index + 1, col: offset - lineStarts[index] + 1 };
  };
  const startOf = (path: readonly PathSegment[]) => {
    const found = locate(root.position, path);
    return found === undefined ? undefined : positionOf(found);
  };
  return {
    file,
    index: 0,
    value: root.value,
    line,
    lineAt: (path) => startOf(path)?.line,
    positionAt: startOf,
    rangeAt: (path) => parsed()?.rangeAt(path),
    describeAt: (path) => parsed()?.describeAt(path),
    nestedAt: (path) => parsed()?.nestedAt(path),
  };
}

/** Offset of the key (mapping entry) or item at `path`, as the `yaml`-backed document answers it. */
function locate(root: NodePosition, path: readonly PathSegment[]): number | undefined {
  let node: NodePosition | undefined = root;
  let offset = root.start;
  for (const segment of path) {
    if (node?.entries) {
      const entry = node.entries.get(String(segment));
      if (!entry) return undefined;
      offset = entry.key;
      node = entry.value;
    } else if (node?.items && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) return undefined;
      offset = node.start;
    } else {
      return undefined;
    }
  }
  return offset;
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
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
