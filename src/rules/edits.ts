import {
  valueAt,
  writersOf,
  type NodeShape,
  type ParsedDocument,
  type PathSegment,
  type Writer,
} from '../parse/yaml.js';
import type { ClusterModel } from '../model/types.js';
import type { TextEdit } from './types.js';
import { smallestIndent } from '../text-lines.js';

/** Value written by an edit: a YAML scalar as text (already quoted where needed) or a nested mapping. */
export type YamlValue = string | { [key: string]: YamlValue };

const DEFAULT_INDENT_STEP = 2;

/**
 * The lines of a file of the model, split once per text: a rule with a finding for every workload of a big
 * rendered manifest asks for the same file's lines once per finding. Never changed by a caller.
 */
function fileLines(model: ClusterModel, file: string): readonly string[] | undefined {
  const text = model.files.get(file);
  if (text === undefined) return undefined;
  let known = linesOfText.get(model.files);
  if (!known) linesOfText.set(model.files, (known = new Map()));
  const cached = known.get(file);
  if (cached?.text === text) return cached.lines;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  known.set(file, { text, lines });
  return lines;
}

const linesOfText = new WeakMap<
  Map<string, string>,
  Map<string, { text: string; lines: readonly string[] }>
>();

/** Quotes a string for YAML when it would otherwise read as something else (a boolean, a number, …). */
export function yamlString(value: string): string {
  return /^[A-Za-z_./-][\w./-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function renderEntries(key: string, value: YamlValue, indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string') return [`${pad}${formatKey(key)}: ${value}`];
  return [
    `${pad}${formatKey(key)}:`,
    ...Object.entries(value).flatMap(([k, v]) => renderEntries(k, v, indent + step, step)),
  ];
}

function formatKey(key: string): string {
  return /^[\w./-]+$/.test(key) ? key : JSON.stringify(key);
}

/** Where the node at `path` is written: the file holding it (a kustomize patch's file), its lines and its shape. */
export interface WrittenNode {
  file: string;
  lines: readonly string[];
  shape: NodeShape;
}

/**
 * The node at `path` in the file that holds it. For a document changed by a kustomize patch the lines and shape
 * come from the patch for the paths it wrote, so the file must be the patch's too. Undefined where the node is
 * absent, or where an overlay's value no longer has what the file shows (a later patch removed it: editing the
 * file would change nothing).
 */
export function writtenNode(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
): WrittenNode | undefined {
  const shape = document.describeAt(path);
  if (!shape) return undefined;
  if (document.fileAt && valueAt(document.value, path) === undefined) return undefined;
  const file = document.fileAt?.(path) ?? document.file;
  const lines = fileLines(model, file);
  return lines ? { file, lines, shape } : undefined;
}

/**
 * Sets `path` (relative to `base`) to `value` in the file that holds it, keeping the file's indentation and
 * comments: a scalar already there is replaced on its line (in a kustomize patch's file when a patch wrote it,
 * also the `value:` of a JSON6902 operation); an empty mapping there is filled with a mapping value; missing keys
 * are inserted under their deepest existing parent, in the file that holds that parent. Returns undefined where a
 * safe text edit cannot be made (flow collections, a parent that is not a mapping, a value of another shape already
 * there, a patch that removes the parent).
 */
export function setValueEdit(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
  value: YamlValue,
): TextEdit | undefined {
  const existing = document.describeAt(path);
  if (existing) {
    if (typeof value === 'string') {
      if (existing.kind !== 'scalar' && existing.kind !== 'null') return undefined;
      const written = writtenNode(model, document, path);
      return written ? replaceScalarLine(written, value) : undefined;
    }
    const empty = existing.kind === 'null' || (existing.kind === 'map' && existing.childCol === undefined);
    return empty ? insertEntries(model, document, path, Object.entries(value)) : undefined;
  }
  let depth = path.length - 1;
  while (depth >= 0 && !document.describeAt(path.slice(0, depth))) depth -= 1;
  if (depth < 0) return undefined;
  const missing = path.slice(depth);
  const nested = missing
    .slice(1)
    .reverse()
    .reduce<YamlValue>((inner, key) => ({ [String(key)]: inner }), value);
  return insertEntries(model, document, path.slice(0, depth), [[String(missing[0]), nested]]);
}

/** Inserts mapping entries as the last children of the mapping (or empty value) at `parentPath`. */
function insertEntries(
  model: ClusterModel,
  document: ParsedDocument,
  parentPath: readonly PathSegment[],
  entries: [string, YamlValue][],
): TextEdit | undefined {
  const written = writtenNode(model, document, parentPath);
  if (!written) return undefined;
  const { file, lines, shape: parent } = written;
  const emptyFlow = parent.flow && parent.childCol === undefined;
  if ((parent.flow && !emptyFlow) || (parent.kind !== 'map' && parent.kind !== 'null')) return undefined;
  const step = indentStep(lines);
  const isRoot = parentPath.length === 0;
  // A patch held in a block scalar (an inline kustomize patch) has no column 0 of its own.
  if (isRoot && parent.childCol === undefined && file !== document.file) return undefined;
  const indent =
    parent.childCol !== undefined ? parent.childCol - 1 : isRoot ? 0 : parent.start.col - 1 + step;
  const rendered = entries.flatMap(([key, value]) => renderEntries(key, value, indent, step));
  if (parent.kind !== 'null' && !emptyFlow)
    return { file, startLine: parent.endLine + 1, endLine: parent.endLine, replacement: rendered.join('\n') };
  // An empty value: its key must start its line (not `metadata: {annotations: {}}`).
  const header = lines[parent.start.line - 1] ?? '';
  if (!isRoot && !/^\s*(-\s+)?$/.test(header.slice(0, parent.start.col - 1))) return undefined;
  const emptyValue = /:\s*(\{\}|null|~)\s*(#.*)?$/;
  if (emptyValue.test(header)) {
    // `annotations: {}` or `annotations: null`: the empty value is replaced by the new block.
    return {
      file,
      startLine: parent.start.line,
      endLine: parent.start.line,
      replacement: [header.replace(emptyValue, ':'), ...rendered].join('\n'),
    };
  }
  if (emptyFlow) return undefined;
  const insertAt = parent.start.line + 1;
  return { file, startLine: insertAt, endLine: insertAt - 1, replacement: rendered.join('\n') };
}

/**
 * Replaces the whole value of the mapping entry at `path` (a block or flow list, a scalar) by `value` written after
 * its key, in the file that holds it. The key stays as it is there: in a JSON6902 operation it is `value:`.
 * Undefined unless the key starts its line (a flow mapping's line holds its siblings too).
 */
export function replaceValueEdit(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
  value: string,
): TextEdit | undefined {
  const written = writtenNode(model, document, path);
  if (!written) return undefined;
  const { file, lines, shape } = written;
  const line = lines[shape.start.line - 1] ?? '';
  if (!ownsLine(line, shape) || /,\s*$/.test((lines[shape.endLine - 1] ?? '').replace(/\s+#.*$/, '')))
    return undefined;
  const keyEnd = line.indexOf(':', shape.start.col - 1);
  if (keyEnd < 0) return undefined;
  return {
    file,
    startLine: shape.start.line,
    endLine: shape.endLine,
    replacement: `${line.slice(0, keyEnd + 1)} ${value}`,
  };
}

/**
 * Whether an entry has its line to itself: its key starts the line (after an indent or a `- `), and the line does
 * not go on with flow-collection syntax (`a: 1,`; for a scalar also `a: 1}`), whose siblings would share it.
 */
function ownsLine(line: string, shape: NodeShape): boolean {
  if (!/^\s*(-\s+)?$/.test(line.slice(0, shape.start.col - 1))) return false;
  const code = line.replace(/\s+#.*$/, '');
  return !(shape.kind === 'scalar' || shape.kind === 'null' ? /[,{}[\]]\s*$/ : /,\s*$/).test(code);
}

/** `key: old # note` → `key: new # note`, for a scalar or empty value that sits on its key's line. */
function replaceScalarLine({ file, lines, shape }: WrittenNode, value: string): TextEdit | undefined {
  if (shape.endLine !== shape.start.line) return undefined;
  const line = lines[shape.start.line - 1];
  if (line === undefined || !ownsLine(line, shape)) return undefined;
  const keyEnd = line.indexOf(':', shape.start.col - 1);
  if (keyEnd < 0) return undefined;
  const comment = / +#.*$/.exec(line.slice(keyEnd + 1))?.[0] ?? '';
  const replacement = `${line.slice(0, keyEnd + 1)} ${value}${comment}`;
  return { file, startLine: shape.start.line, endLine: shape.start.line, replacement };
}

/**
 * Removes the lines of the mapping entry at `path` (a label, an annotation), in the file that wrote it: a kustomize
 * patch's file when a patch added the entry. Undefined unless the entry starts its own line with its key (not a
 * flow mapping, not the `value:` of a JSON6902 operation, which would break the patch), and where another file
 * writes the entry too (a base, a lower overlay: removing it from one file alone would leave the other's; see
 * `removeEntryEdits`).
 */
export function removeEntryEdit(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
): TextEdit | undefined {
  const writers = writersOf(document, path);
  return writers.length === 1 ? removeOwnEntry(model, writers[0], path) : undefined;
}

/**
 * Removes the mapping entry at `path` from every file that writes it: each kustomize patch of a stack of overlays
 * and the base file. Undefined where one of them cannot be removed as whole lines.
 */
export function removeEntryEdits(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
): TextEdit[] | undefined {
  return removeEntriesEdits(model, document, [path]);
}

/**
 * One edit in every file that writes `path` (each patch of a stack of overlays, then the base); undefined when no
 * file writes it or one of them cannot be edited, as changing some of them would leave the value as it is.
 */
export function editEveryWriter(
  document: ParsedDocument,
  path: readonly PathSegment[],
  edit: (writer: Writer) => TextEdit | undefined,
): TextEdit[] | undefined {
  const edits = writersOf(document, path).map(edit);
  return edits.length > 0 && edits.every((one): one is TextEdit => one !== undefined) ? edits : undefined;
}

/** Whether a file other than the top-most writer of `path` writes it too (a base under a kustomize patch). */
export function writtenBelow(document: ParsedDocument, path: readonly PathSegment[]): boolean {
  return writersOf(document, path).length > 1;
}

/**
 * Removes the entry's lines in the file of one writer, when the entry's own key (the last segment of `path`, the
 * path in the object) starts its line: the `value:` of a JSON6902 operation does not, and removing it would break
 * the patch. In a strategic-merge patch an emptied map reads as null, which deletes that map from the target: there
 * the parents left empty go too.
 */
function removeOwnEntry(
  model: ClusterModel,
  writer: Writer,
  path: readonly PathSegment[],
): TextEdit | undefined {
  const own = ownEntryLines(model, writer, path);
  if (!own) return undefined;
  const startLine = own.patch ? emptiedParentsStart(own.lines, own.start, own.end) : own.start;
  return { file: own.file, startLine, endLine: own.end, replacement: '' };
}

/** Where one writer holds an entry: its file's lines and the entry's first and last line there. */
interface EntryLines {
  file: string;
  lines: readonly string[];
  start: number;
  end: number;
  patch: boolean;
}

/** The lines of one writer's entry at `path`, when its own key starts its line (see `removeOwnEntry`). */
function ownEntryLines(
  model: ClusterModel,
  writer: Writer,
  path: readonly PathSegment[],
): EntryLines | undefined {
  const written = writtenNode(model, writer.document, writer.path);
  if (!written) return undefined;
  const { file, lines, shape } = written;
  if (!startsWithKey(lines[shape.start.line - 1], String(path.at(-1)))) return undefined;
  return { file, lines, start: shape.start.line, end: shape.endLine, patch: writer.patch };
}

/**
 * Removes the mapping entries at `paths` (several labels of one object) from every file that writes them, as one
 * edit per file: a GitHub suggestion is one edit, and a fix meant as one click must not need several. Entries
 * that follow each other (blank or comment lines between them go with them) are removed together, so a patch
 * whose map they empty loses the emptied parents too; lines kept between entries further apart are written back
 * unchanged. Undefined where one entry cannot be removed as whole lines (see `removeEntryEdits`).
 */
export function removeEntriesEdits(
  model: ClusterModel,
  document: ParsedDocument,
  paths: readonly (readonly PathSegment[])[],
): TextEdit[] | undefined {
  const byFile = new Map<string, EntryLines[]>();
  for (const path of paths) {
    const writers = writersOf(document, path);
    if (writers.length === 0) return undefined;
    for (const writer of writers) {
      const own = ownEntryLines(model, writer, path);
      if (!own) return undefined;
      byFile.set(own.file, [...(byFile.get(own.file) ?? []), own]);
    }
  }
  return [...byFile.values()].map(oneRemoval);
}

/** One edit that removes every entry's lines in one file and writes back the lines kept between them. */
function oneRemoval(entries: EntryLines[]): TextEdit {
  const { file, lines } = entries[0];
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  const runs: { start: number; end: number; patch: boolean }[] = [];
  for (const entry of sorted) {
    const last = runs.at(-1);
    const between = last ? lines.slice(last.end, entry.start - 1) : [];
    if (last && !between.some(isContentLine)) {
      last.end = Math.max(last.end, entry.end);
      last.patch ||= entry.patch;
    } else runs.push({ start: entry.start, end: entry.end, patch: entry.patch });
  }
  for (const run of runs) if (run.patch) run.start = emptiedParentsStart(lines, run.start, run.end);
  const kept = runs.slice(1).flatMap((run, index) => lines.slice(runs[index].end, run.start - 1));
  return {
    file,
    startLine: runs[0].start,
    endLine: runs.at(-1)!.end,
    replacement: kept.join('\n'),
  };
}

/**
 * Removes the lines of the block sequence item at `path` (`- value` and what belongs to it), in the file that
 * holds it. Undefined unless the item starts its own `- ` line, or where another file (a base) writes it too.
 */
export function removeItemEdit(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
): TextEdit | undefined {
  const written = writtenNode(model, document, path);
  if (!written || typeof path.at(-1) !== 'number') return undefined;
  const { file, lines, shape } = written;
  const line = lines[shape.start.line - 1] ?? '';
  if (!/^\s*-(\s|$)/.test(line) || line.indexOf('-') >= shape.start.col - 1) return undefined;
  if (writtenBelow(document, path)) return undefined;
  return { file, startLine: shape.start.line, endLine: shape.endLine, replacement: '' };
}

/** Files other than the document's own that wrote part of its value (kustomize patches), found by walking it. */
export function patchFiles(document: ParsedDocument, limit = 5000): Set<string> {
  const files = new Set<string>();
  if (!document.fileAt) return files;
  const pending: { path: PathSegment[]; value: unknown }[] = [{ path: [], value: document.value }];
  for (let seen = 0; pending.length > 0 && seen < limit; seen++) {
    const { path, value } = pending.pop()!;
    const file = document.fileAt(path);
    if (file !== document.file) files.add(file);
    if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value))
        pending.push({ path: [...path, Array.isArray(value) ? Number(key) : key], value: child });
  }
  return files;
}

export function startsWithKey(line: string | undefined, key: string): boolean {
  const trimmed = line?.trimStart() ?? '';
  return [key, JSON.stringify(key), `'${key}'`].some((form) =>
    new RegExp(`^${escapeRegExp(form)}\\s*:`).test(trimmed),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A line that is neither blank nor only a comment. */
function isContentLine(line: string | undefined): boolean {
  return line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
}

/** The first line to remove with lines `start..end`: block-map keys above them that would be left with no entry. */
function emptiedParentsStart(lines: readonly string[], start: number, end: number): number {
  const indentOf = (line: string) => line.length - line.trimStart().length;
  let first = start;
  let indent = indentOf(lines[start - 1]);
  let next = end;
  while (next < lines.length && !isContentLine(lines[next])) next += 1;
  const after = isContentLine(lines[next]) && lines[next].trim() !== '---' ? indentOf(lines[next]) : -1;
  while (first > 1) {
    const parent = lines[first - 2];
    if (!/^\s*[^\s#-][^#]*:\s*(#.*)?$/.test(parent) || indentOf(parent) >= indent || after > indentOf(parent))
      break;
    first -= 1;
    indent = indentOf(parent);
  }
  return first;
}

/** The indentation step the file uses (smallest positive indent), 2 when unknown; once per file's lines. */
function indentStep(lines: readonly string[]): number {
  let step = indentSteps.get(lines);
  if (step === undefined) indentSteps.set(lines, (step = smallestIndent(lines) ?? DEFAULT_INDENT_STEP));
  return step;
}

const indentSteps = new WeakMap<readonly string[], number>();

/** A line of a text and the line break after it (`''` for the last line). */
interface TextLine {
  text: string;
  eol: string;
}

function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const breaks = /\r?\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = breaks.lastIndex;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** The line break most lines of a text end with (`\n` when tied or when there is none). */
export function dominantLineEnding(text: string): '\n' | '\r\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Applies edits to a text (used by tests and by the patch renderer). Edits must not overlap. A replacement's lines
 * are separated by `\n` (a `\r` before it is dropped); in the text they take the line breaks of the lines they
 * replace, and the file's dominant line break (`eol`, when the text is only part of the file) where they add lines,
 * so a CRLF file stays CRLF. A BOM and a missing final line break stay as they were.
 */
export function applyEdits(
  text: string,
  edits: TextEdit[],
  eol: '\n' | '\r\n' = dominantLineEnding(text),
): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  const sorted = [...edits].sort((a, b) => b.startLine - a.startLine);
  for (const edit of sorted) {
    const count = Math.max(0, edit.endLine - edit.startLine + 1);
    const replaced = lines.slice(edit.startLine - 1, edit.startLine - 1 + count);
    const replacement =
      edit.replacement === ''
        ? []
        : edit.replacement.split('\n').map((line, index) => ({
            text: line.replace(/\r$/, ''),
            eol: replaced[index]?.eol || eol,
          }));
    lines.splice(edit.startLine - 1, count, ...replacement);
  }
  // Only the last line goes without a line break (edits at the end may have moved it).
  lines.forEach((line, index) => (line.eol = index === lines.length - 1 ? '' : line.eol || eol));
  return bom + lines.map((line) => line.text + line.eol).join('');
}
