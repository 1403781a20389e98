import { overlayDocument, type OverlaySource, type ParsedDocument, type PathSegment } from '../parse/yaml.js';
import { asRecord, type Json } from './read.js';
import { apiGroup } from './resource.js';

/** The result of patching one object: its new document, or `deleted` for `$patch: delete`. */
export type PatchOutcome = { document: ParsedDocument } | { deleted: true } | { unsupported: string };

/**
 * API groups of the kinds kustomize's built-in OpenAPI data describes: only their lists have merge keys. Custom
 * resources (DynaKube, IstioOperator, HelmRelease, Istio's own kinds) have none unless a kustomization brings their
 * schema, which is not read here.
 */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'certificates.k8s.io',
]);

/** What a strategic-merge patch may change besides fields: kustomize's `options` of a `patches` entry. */
export interface StrategicMergeOptions {
  allowNameChange?: boolean;
  allowKindChange?: boolean;
}

/**
 * Strategic merge as kustomize does it for the cases that matter here: maps merge, `null` deletes a key,
 * `$patch: delete` deletes the object, `$patch: replace` replaces a map. Lists of a built-in kind whose items all
 * have a `name` merge by name (containers, env: the merge key of kustomize's schema for them); other lists, and every
 * list of a custom resource, are replaced (kyaml/yaml/merge2/merge2.go: Merge infers no merge key where there is no
 * schema). The object keeps its kind, name and namespace unless `options` allow a change
 * (api/resource/resource.go, ApplySmPatch). Every written value keeps the patch's file and line.
 */
export function applyStrategicMerge(
  target: ParsedDocument,
  patch: ParsedDocument,
  options: StrategicMergeOptions = {},
): PatchOutcome {
  const patchValue = asRecord(patch.value);
  if (!patchValue) return { unsupported: 'the patch is not a mapping' };
  if (patchValue.$patch === 'delete') return { deleted: true };
  const base = asRecord(target.value) ?? {};
  const group = apiGroup(typeof base.apiVersion === 'string' ? base.apiVersion : '');
  const merge: Merge = { patchDocument: patch, sources: [], listsByName: BUILT_IN_GROUPS.has(group) };
  const merged = mergeMap(base, patchValue, [], merge);
  const kept: PathSegment[][] = [['metadata', 'namespace']];
  if (!options.allowNameChange) kept.push(['metadata', 'name']);
  if (!options.allowKindChange) kept.push(['kind']);
  for (const path of kept) keepValue(base, merged, path);
  const sources = merge.sources.filter(
    (source) => !kept.some((path) => path.every((segment, index) => source.path[index] === segment)),
  );
  return { document: overlayDocument(target, merged, sources) };
}

/** Puts back in `merged` the value `base` has at `path` (or its absence), copying the maps on the way. */
function keepValue(base: Json, merged: Json, path: PathSegment[]): void {
  let from: Json | undefined = base;
  let to = merged;
  for (const segment of path.slice(0, -1)) {
    from = asRecord(from?.[segment]);
    const next = asRecord(to[segment]);
    if (!next) {
      if (from === undefined) return;
      to[segment] = {};
    } else to[segment] = { ...next };
    to = to[segment] as Json;
  }
  const last = path[path.length - 1];
  if (from?.[last] === undefined) delete to[last];
  else to[last] = from[last];
}

interface Merge {
  patchDocument: ParsedDocument;
  sources: OverlaySource[];
  /** Whether lists of named items merge by name (a built-in kind) or are replaced (a custom resource). */
  listsByName: boolean;
}

function mergeMap(base: Json, patch: Json, path: PathSegment[], merge: Merge): Json {
  const { patchDocument, sources } = merge;
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
      result[key] = mergeMap(asRecord(left)!, asRecord(value)!, at, merge);
    } else if (merge.listsByName && Array.isArray(left) && Array.isArray(value) && isNamedList(value)) {
      result[key] = mergeNamedList(left, value, at, merge);
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

function mergeNamedList(base: unknown[], patch: unknown[], path: PathSegment[], merge: Merge): unknown[] {
  const { patchDocument, sources } = merge;
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
      result[index] = mergeMap(asRecord(result[index]) ?? {}, entry, [], { ...merge, sources: itemSources });
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
