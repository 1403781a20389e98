import type { Origin } from '../model/provenance.js';

/**
 * One setting of one side of the repository, in domain terms: what it is about (`resource`), which setting
 * (`path`), its meaning (`value`, normalized so that formatting does not matter) and where it is written.
 */
export interface DomainFact {
  resource: string;
  path: string;
  /** Normalized value; `null` when the setting is absent and has no default worth showing. */
  value: unknown;
  /** Where the value is written; undefined for defaults. */
  origin?: Origin;
  /** Where the resource itself is written, to point at when the setting is removed. */
  resourceOrigin?: Origin;
  /** Orders the sections of the change table: DynaKubes first, then the operator, the mesh, namespaces. */
  section: number;
}

export const SECTION = {
  dynakube: 0,
  operator: 1,
  mesh: 2,
  controlPlane: 3,
  cni: 4,
  namespace: 5,
  policy: 6,
  egress: 7,
  workload: 8,
} as const;

/** Collects facts in the order they are added; a later fact with the same resource and path replaces it. */
export class FactSet {
  readonly facts = new Map<string, DomainFact>();

  add(fact: DomainFact): void {
    this.facts.set(factKey(fact), fact);
  }

  /** Adds one fact per entry of a string map (labels, annotations), so a change names the key that changed. */
  addMap(
    base: Omit<DomainFact, 'path' | 'value'>,
    path: string,
    map: Record<string, string>,
    locate: (key: string) => Origin | undefined = () => undefined,
  ): void {
    for (const key of Object.keys(map).sort()) {
      const origin = locate(key) ?? base.origin;
      this.add({ ...base, path: `${path}.${key}`, value: map[key], ...(origin ? { origin } : {}) });
    }
  }
}

export function factKey(fact: Pick<DomainFact, 'resource' | 'path'>): string {
  return `${fact.resource}\u0000${fact.path}`;
}

/** Origin of a fact only when it is written in the repository (defaults carry an empty file). */
export function writtenOrigin(origin: Origin | undefined): Origin | undefined {
  return origin && origin.file ? origin : undefined;
}

/** JSON with sorted keys: two values mean the same when their canonical forms are equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined)
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}
