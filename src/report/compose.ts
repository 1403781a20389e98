import type { TextEdit } from '../rules/types.js';

/** A line of an inserted block and the lines indented under it. */
interface BlockNode {
  line: string;
  children: BlockNode[];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The lines of a block as a tree by indentation; blank lines stay with the line before them. */
function blockTree(lines: readonly string[]): BlockNode[] {
  const roots: BlockNode[] = [];
  const open: { indent: number; node: BlockNode }[] = [];
  for (const line of lines) {
    if (line.trim() === '' && open.length > 0) {
      open[open.length - 1].node.children.push({ line, children: [] });
      continue;
    }
    const indent = indentOf(line);
    while (open.length > 0 && open[open.length - 1].indent >= indent) open.pop();
    const node = { line, children: [] };
    (open.length > 0 ? open[open.length - 1].node.children : roots).push(node);
    open.push({ indent, node });
  }
  return roots;
}

/**
 * A mapping key that opens a nested block on its own line (`values:`), not a sequence item, a block scalar (`x: |`)
 * or a key with a value: only such lines can be shared by two blocks without changing what either means.
 */
const MAPPING_KEY_LINE = /^\s*(?:"[^"\\]*"|'[^']*'|[^\s#\-"'{[][^:#]*?)\s*:\s*$/;

function opensMapping(line: string): boolean {
  return MAPPING_KEY_LINE.test(line);
}

function childIndent(node: BlockNode): number | undefined {
  const child = node.children.find((one) => one.line.trim() !== '');
  return child && indentOf(child.line);
}

/** A mapping entry's indentation and key (`  values`), or undefined for a sequence item, a comment or a blank. */
function entryKey(line: string): string | undefined {
  const match = /^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#\-"'{[][^:#]*?)\s*:(?:\s|$)/.exec(line);
  return match ? `${match[1]}${match[2]}` : undefined;
}

/** Merges `from` into `into`; false where both write one key differently (a mapping may not hold it twice). */
function mergeTrees(into: BlockNode[], from: readonly BlockNode[]): boolean {
  for (const node of from) {
    const key = entryKey(node.line);
    const same = key === undefined ? undefined : into.find((other) => entryKey(other.line) === key);
    if (!same) {
      into.push({ line: node.line, children: [...node.children] });
      continue;
    }
    // Entries of one mapping share one indentation: children indented otherwise cannot join the other's.
    if (opensMapping(node.line) && opensMapping(same.line) && childIndent(same) === childIndent(node)) {
      if (!mergeTrees(same.children, node.children)) return false;
      continue;
    }
    // The same entry written by both (`ENABLE_NATIVE_SIDECARS: "false"`) once; another value is a conflict.
    if (flatten([same]).join('\n').trimEnd() !== flatten([node]).join('\n').trimEnd()) return false;
  }
  return true;
}

function flatten(nodes: readonly BlockNode[]): string[] {
  return nodes.flatMap((node) => [node.line, ...flatten(node.children)]);
}

/**
 * Two blocks inserted at the same place as one: keys that open a mapping at the same indentation in both (each
 * fix adds `values:` under an IstioOperator's `spec`) are written once, with the entries of both under them. A
 * mapping with the same key twice is invalid YAML, so inserting one block after the other would not do. An entry
 * both write alike is written once; undefined where both write one key differently.
 */
export function mergeInsertedBlocks(first: string, second: string): string | undefined {
  const tree = blockTree(first.split('\n'));
  return mergeTrees(tree, blockTree(second.split('\n'))) ? flatten(tree).join('\n') : undefined;
}

const isInsertion = (edit: TextEdit) => edit.startLine > edit.endLine;

/**
 * The edits of several fixes as one set of edits to apply together: identical edits once, insertions at the same
 * place merged (`mergeInsertedBlocks`). Undefined when they conflict: two edits replace an existing line
 * differently, an insertion falls inside lines another edit replaces, or two insertions write one key differently.
 */
export function composeEdits(edits: readonly TextEdit[]): TextEdit[] | undefined {
  const composed: TextEdit[] = [];
  for (const edit of edits) {
    const sameFile = composed.filter((other) => other.file === edit.file);
    if (
      sameFile.some(
        (other) =>
          other.startLine === edit.startLine &&
          other.endLine === edit.endLine &&
          other.replacement === edit.replacement,
      )
    )
      continue;
    if (isInsertion(edit)) {
      const at = sameFile.find((other) => isInsertion(other) && other.startLine === edit.startLine);
      if (at) {
        const merged = mergeInsertedBlocks(at.replacement, edit.replacement);
        if (merged === undefined) return undefined;
        at.replacement = merged;
        continue;
      }
      if (
        sameFile.some(
          (other) =>
            !isInsertion(other) && other.startLine < edit.startLine && edit.startLine <= other.endLine,
        )
      )
        return undefined;
    } else {
      const overlaps = (other: TextEdit) =>
        isInsertion(other)
          ? edit.startLine < other.startLine && other.startLine <= edit.endLine
          : other.startLine <= edit.endLine && edit.startLine <= other.endLine;
      if (sameFile.some(overlaps)) return undefined;
    }
    composed.push({ ...edit });
  }
  // `applyEdits` applies edits from the bottom up, in this order where they start on the same line: a replacement
  // of line n before an insertion before line n, so the insertion is not replaced with the line.
  return composed.sort((a, b) => Number(isInsertion(a)) - Number(isInsertion(b)));
}

/** The first and last line an edit touches (an insertion: the lines around it). */
function span(edit: TextEdit): [number, number] {
  return [Math.min(edit.startLine, edit.endLine), Math.max(edit.startLine, edit.endLine)];
}

/** Whether two edits of one file come within `margin` lines of each other. */
export function editsNear(a: TextEdit, b: TextEdit, margin: number): boolean {
  if (a.file !== b.file) return false;
  const [aFrom, aTo] = span(a);
  const [bFrom, bTo] = span(b);
  return aFrom <= bTo + margin && bFrom <= aTo + margin;
}
