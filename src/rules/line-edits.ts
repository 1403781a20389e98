import type { ParsedDocument, PathSegment } from '../parse/yaml.js';
import type { ClusterModel } from '../model/types.js';
import { startsWithKey, writtenBelow, writtenNode } from './edits.js';
import type { TextEdit } from './types.js';

/**
 * Replaces the first `search` on the line of the node at `path` with `replacement`, keeping the rest of the line
 * (indent, comments), in the file that holds the node (a kustomize patch's file when a patch wrote it).
 */
export function replaceOnLine(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
  search: string,
  replacement: string,
): TextEdit | undefined {
  const written = writtenNode(model, document, path);
  if (!written) return undefined;
  const line = written.shape.start.line;
  const text = written.lines[line - 1];
  if (text === undefined || !text.includes(search)) return undefined;
  return {
    file: written.file,
    startLine: line,
    endLine: line,
    replacement: text.replace(search, replacement),
  };
}

/**
 * Replaces the value of a block sequence item or mapping entry on its own line (`- old` → `- new`), in the file
 * that holds it (also the `value:` of a JSON6902 operation, whose scalar is replaced the same way).
 */
export function replaceScalarEdit(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
  oldValue: string,
  newValue: string,
): TextEdit | undefined {
  const written = writtenNode(model, document, path);
  if (!written) return undefined;
  const { file, lines, shape } = written;
  if (shape.kind !== 'scalar' || shape.endLine !== shape.start.line) return undefined;
  const text = lines[shape.start.line - 1];
  if (text === undefined) return undefined;
  const from = text.indexOf(oldValue, shape.start.col - 1);
  if (from < 0) return undefined;
  const replaced = text.slice(0, from) + newValue + text.slice(from + oldValue.length);
  return { file, startLine: shape.start.line, endLine: shape.start.line, replacement: replaced };
}

/**
 * Moves the mapping entry at `from` (key and block value) to become the last entry of the block mapping at
 * `toParent`, re-indented to the parent's children. Both must be held by one file. Undefined where that cannot
 * be done as plain line edits, or where moving inside a kustomize patch would leave the base's entry in place.
 */
export function moveEntryEdits(
  model: ClusterModel,
  document: ParsedDocument,
  from: readonly PathSegment[],
  toParent: readonly PathSegment[],
): TextEdit[] | undefined {
  const source = writtenNode(model, document, from);
  const target = writtenNode(model, document, toParent);
  if (!source || !target || source.file !== target.file || source.shape.flow) return undefined;
  const { file, lines } = source;
  if (!startsWithKey(lines[source.shape.start.line - 1], String(from.at(-1)))) return undefined;
  if (writtenBelow(document, from)) return undefined;
  const start = source.shape.start;
  const parent = target.shape;
  const block = lines.slice(start.line - 1, source.shape.endLine);
  const oldIndent = start.col - 1;
  const reindent = (indent: number) =>
    block.map((line) =>
      line.trim() === '' ? line : ' '.repeat(indent) + line.slice(Math.min(oldIndent, leading(line))),
    );
  const removal: TextEdit = { file, startLine: start.line, endLine: source.shape.endLine, replacement: '' };
  if (parent.kind === 'map' && !parent.flow && parent.childCol !== undefined) {
    if (parent.endLine >= start.line && parent.start.line <= source.shape.endLine) return undefined;
    const insert = parent.endLine + 1;
    return [
      removal,
      { file, startLine: insert, endLine: insert - 1, replacement: reindent(parent.childCol - 1).join('\n') },
    ];
  }
  const header = lines[parent.start.line - 1];
  if (parent.kind === 'null' || (parent.kind === 'map' && parent.flow && /:\s*\{\}\s*(#.*)?$/.test(header))) {
    const fromParent = writtenNode(model, document, from.slice(0, -1));
    const parentCol = fromParent?.file === file ? fromParent.shape.start.col : 1;
    const step = oldIndent - parentCol + 1 || 2;
    const indent = parent.start.col - 1 + step;
    return [
      removal,
      {
        file,
        startLine: parent.start.line,
        endLine: parent.start.line,
        replacement: [header.replace(/:\s*(\{\}|null|~)?\s*(#.*)?$/, ':'), ...reindent(indent)].join('\n'),
      },
    ];
  }
  return undefined;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}
