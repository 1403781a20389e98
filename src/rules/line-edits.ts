import type { ParsedDocument, PathSegment } from '../parse/yaml.js';
import type { ClusterModel } from '../model/types.js';
import type { TextEdit } from './types.js';

/** The lines of a repository file as the model read it. */
export function linesOf(model: ClusterModel, file: string): string[] | undefined {
  return model.files
    .get(file)
    ?.replace(/^\uFEFF/, '')
    .split(/\r?\n/);
}

/** Replaces the first `search` on a line with `replacement`, keeping the rest of the line (indent, comments). */
export function replaceOnLine(
  model: ClusterModel,
  file: string,
  line: number,
  search: string,
  replacement: string,
): TextEdit | undefined {
  const text = linesOf(model, file)?.[line - 1];
  if (text === undefined || !text.includes(search)) return undefined;
  return { file, startLine: line, endLine: line, replacement: text.replace(search, replacement) };
}

/** Replaces the value of a block sequence item or mapping entry on its own line (`- old` → `- new`). */
export function replaceScalarEdit(
  model: ClusterModel,
  document: ParsedDocument,
  path: readonly PathSegment[],
  oldValue: string,
  newValue: string,
): TextEdit | undefined {
  const shape = document.describeAt(path);
  if (!shape || shape.kind !== 'scalar' || shape.endLine !== shape.start.line) return undefined;
  const text = linesOf(model, document.file)?.[shape.start.line - 1];
  if (text === undefined) return undefined;
  const from = text.indexOf(oldValue, shape.start.col - 1);
  if (from < 0) return undefined;
  const replaced = text.slice(0, from) + newValue + text.slice(from + oldValue.length);
  return {
    file: document.file,
    startLine: shape.start.line,
    endLine: shape.start.line,
    replacement: replaced,
  };
}

/** Removes the lines of the entry at `path` (its key line through the end of its value). */
export function removeLinesEdit(
  document: ParsedDocument,
  path: readonly PathSegment[],
): TextEdit | undefined {
  const shape = document.describeAt(path);
  if (!shape) return undefined;
  return { file: document.file, startLine: shape.start.line, endLine: shape.endLine, replacement: '' };
}

/**
 * Moves the mapping entry at `from` (key and block value) to become the last entry of the block mapping at
 * `toParent`, re-indented to the parent's children. Undefined where that cannot be done as plain line edits.
 */
export function moveEntryEdits(
  model: ClusterModel,
  document: ParsedDocument,
  from: readonly PathSegment[],
  toParent: readonly PathSegment[],
): TextEdit[] | undefined {
  const lines = linesOf(model, document.file);
  const source = document.describeAt(from);
  const parent = document.describeAt(toParent);
  if (!lines || !source || !parent || source.flow) return undefined;
  const block = lines.slice(source.start.line - 1, source.endLine);
  const oldIndent = source.start.col - 1;
  const reindent = (indent: number) =>
    block.map((line) =>
      line.trim() === '' ? line : ' '.repeat(indent) + line.slice(Math.min(oldIndent, leading(line))),
    );
  const removal: TextEdit = {
    file: document.file,
    startLine: source.start.line,
    endLine: source.endLine,
    replacement: '',
  };
  if (parent.kind === 'map' && !parent.flow && parent.childCol !== undefined) {
    if (parent.endLine >= source.start.line && parent.start.line <= source.endLine) return undefined;
    const insert = parent.endLine + 1;
    return [
      removal,
      {
        file: document.file,
        startLine: insert,
        endLine: insert - 1,
        replacement: reindent(parent.childCol - 1).join('\n'),
      },
    ];
  }
  const header = lines[parent.start.line - 1];
  if (parent.kind === 'null' || (parent.kind === 'map' && parent.flow && /:\s*\{\}\s*(#.*)?$/.test(header))) {
    const step = oldIndent - (document.describeAt(from.slice(0, -1))?.start.col ?? 1) + 1 || 2;
    const indent = parent.start.col - 1 + step;
    return [
      removal,
      {
        file: document.file,
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
