/** Small, total readers over plain YAML values: they never throw on a wrong type, they return undefined. */

export type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Kubernetes booleans; strings such as "true" are accepted because Helm values often quote them. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (['true', 'yes', 'on'].includes(lower)) return true;
    if (['false', 'no', 'off'].includes(lower)) return false;
  }
  return undefined;
}

export function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else {
      const record = asRecord(current);
      if (!record) return undefined;
      current = record[String(segment)];
    }
  }
  return current;
}

/** A map of string to string (labels, annotations); non-string values are stringified, other entries dropped. */
export function stringMap(value: unknown): Record<string, string> {
  const record = asRecord(value);
  const result: Record<string, string> = {};
  if (!record) return result;
  for (const [key, item] of Object.entries(record)) {
    const text = asString(item);
    if (text !== undefined) result[key] = text;
  }
  return result;
}

/** `spec.x.matchExpressions[0].key`, as kubectl names a field. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i ? `.${segment}` : segment))
    .join('');
}

/**
 * The labels or annotations of a Kubernetes object as the cluster takes them: string values only. A boolean, number
 * or null written unquoted (`sidecar.istio.io/inject: false`) is not an opt-out or opt-in the cluster ever sees (the
 * API server rejects the object), so it is left out here; `shapeNotes` says so at its line. The same holds for the
 * label maps of selectors and of `activeGate.labels` in custom resources whose schema types the values `string`.
 */
export function metadataStrings(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(asRecord(value) ?? {}))
    if (typeof item === 'string') result[key] = item;
  return result;
}

/**
 * Keys of a map (labels, annotations) whose value is a boolean or number, not a string: `stringMap` reads them as text,
 * but the API server rejects the object (Helm's `toYaml` renders an unquoted `false` as it is).
 */
export function nonStringKeys(value: unknown): string[] {
  return Object.entries(asRecord(value) ?? {})
    .filter(([, item]) => typeof item === 'boolean' || typeof item === 'number')
    .map(([key]) => key);
}

/** Deep merge where `override` wins; arrays are replaced, as Helm does. */
export function deepMerge(base: Json, override: Json): Json {
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const left = asRecord(result[key]);
    const right = asRecord(value);
    result[key] = left && right ? deepMerge(left, right) : value;
  }
  return result;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/**
 * A boolean as Go programs (the Dynatrace Operator, istiod before 1.27) parse it: `strconv.ParseBool` (`1`, `t`, `T`, `true`, `True`, `TRUE`
 * and `0`, `f`, `F`, `false`, `False`, `FALSE`), no trimming; undefined for anything else, where the operator keeps
 * the setting's default.
 */
export function parseGoBool(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  if (GO_TRUE_VALUES.has(raw)) return true;
  return GO_FALSE_VALUES.has(raw) ? false : undefined;
}

const GO_TRUE_VALUES = new Set(['1', 't', 'T', 'true', 'True', 'TRUE']);
const GO_FALSE_VALUES = new Set(['0', 'f', 'F', 'false', 'False', 'FALSE']);
