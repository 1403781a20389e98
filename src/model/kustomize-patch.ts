import { overlayDocument, type OverlaySource, type ParsedDocument, type PathSegment } from '../parse/yaml.js';
import { asRecord, type Json } from './read.js';

/** The result of patching one object: its new document, or `deleted` for `$patch: delete`. */
export type PatchOutcome = { document: ParsedDocument } | { deleted: true } | { unsupported: string };

/**
 * Strategic merge as kustomize does it for the cases that matter here: maps merge, `null` deletes a key,
 * `$patch: delete` deletes the object, `$patch: replace` replaces a map, lists of objects with `name` merge by
 * name (containers, env), other lists are replaced. Every written value keeps the patch's file and line.
 */
export function applyStrategicMerge(target: ParsedDocument, patch: ParsedDocument): PatchOutcome {
  const patchValue = asRecord(patch.value);
  if (!patchValue) return { unsupported: 'the patch is not a mapping' };
  if (patchValue.$patch === 'delete') return { deleted: true };
  const sources: OverlaySource[] = [];
  const merged = mergeMap(asRecord(target.value) ?? {}, patchValue, [], patch, sources);
  return { document: overlayDocument(target, merged, sources) };
}

function mergeMap(
  base: Json,
  patch: Json,
  path: PathSegment[],
  patchDocument: ParsedDocument,
  sources: OverlaySource[],
): Json {
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    sources.push({ path, document: patchDocument, documentPath: path });
    return rest;
  }
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    const at = [...path, key];
    if (value === null) {
      delete result[key];
      continue;
    }
    const left = result[key];
    if (asRecord(left) && asRecord(value)) {
      result[key] = mergeMap(asRecord(left)!, asRecord(value)!, at, patchDocument, sources);
    } else if (Array.isArray(left) && Array.isArray(value) && isNamedList(value)) {
      result[key] = mergeNamedList(left, value, at, patchDocument, sources);
    } else {
      result[key] = value;
      sources.push({ path: at, document: patchDocument, documentPath: at });
    }
  }
  return result;
}

function isNamedList(list: unknown[]): boolean {
  return list.length > 0 && list.every((item) => typeof asRecord(item)?.name === 'string');
}

function mergeNamedList(
  base: unknown[],
  patch: unknown[],
  path: PathSegment[],
  patchDocument: ParsedDocument,
  sources: OverlaySource[],
): unknown[] {
  const result = [...base];
  patch.forEach((item, patchIndex) => {
    const entry = asRecord(item)!;
    const index = result.findIndex((existing) => asRecord(existing)?.name === entry.name);
    if (entry.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      return;
    }
    if (index >= 0) {
      // The merged item keeps its place; lines of what the patch wrote come from the patch's item.
      const itemSources: OverlaySource[] = [];
      result[index] = mergeMap(asRecord(result[index]) ?? {}, entry, [], patchDocument, itemSources);
      for (const source of itemSources) {
        sources.push({
          path: [...path, index, ...source.path],
          document: patchDocument,
          documentPath: [...path, patchIndex, ...source.documentPath],
        });
      }
    } else {
      result.push(entry);
      sources.push({
        path: [...path, result.length - 1],
        document: patchDocument,
        documentPath: [...path, patchIndex],
      });
    }
  });
  return result;
}

/** JSON pointer (`/metadata/labels/istio.io~1rev`) to a path. */
export function pointerPath(pointer: string): PathSegment[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * JSON6902 `add`, `replace` and `remove` (the operations real overlays use on these objects); any other
 * operation makes the whole patch unsupported, so nothing half-applied is evaluated.
 */
export function applyJson6902(target: ParsedDocument, operations: ParsedDocument): PatchOutcome {
  const list = Array.isArray(operations.value) ? operations.value : [];
  const value = structuredClone(target.value) as Json;
  const sources: OverlaySource[] = [];
  for (let index = 0; index < list.length; index++) {
    const operation = asRecord(list[index]);
    const op = typeof operation?.op === 'string' ? operation.op : '';
    const path = pointerPath(typeof operation?.path === 'string' ? operation.path : '');
    if (!['add', 'replace', 'remove'].includes(op) || path.length === 0) {
      return { unsupported: `JSON6902 operation ${op || '(none)'} ${String(operation?.path ?? '')}` };
    }
    const parent = containerAt(value, path.slice(0, -1), op === 'add');
    const last = path[path.length - 1];
    if (parent === undefined)
      return { unsupported: `JSON6902 ${op} ${String(operation?.path)}: the parent does not exist` };
    if (op === 'remove') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete (parent as Json)[String(last)];
      continue;
    }
    let written = path;
    if (Array.isArray(parent)) {
      const position = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(position, 0, operation!.value);
      else parent[position] = operation!.value;
      written = [...path.slice(0, -1), position];
    } else {
      (parent as Json)[String(last)] = operation!.value;
    }
    sources.push({ path: written, document: operations, documentPath: [index, 'value'] });
  }
  return { document: overlayDocument(target, value, sources) };
}

function containerAt(root: Json, path: PathSegment[], create: boolean): Json | unknown[] | undefined {
  let current: unknown = root;
  for (const segment of path) {
    const container = current as Record<string | number, unknown>;
    if (container === null || typeof container !== 'object') return undefined;
    if (container[segment] === undefined && create) container[segment] = {};
    current = container[segment];
  }
  return current !== null && typeof current === 'object' ? (current as Json | unknown[]) : undefined;
}
