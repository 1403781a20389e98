import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createIstioAjv, specSchemas, type IstioKind } from '../../scripts/istio-validators.mjs';
import { generateManifests } from '../../src/generate/index.js';
import type { IstioObject } from '../../src/generate/objects.js';
import {
  buildFqdnServiceEntry,
  buildIpServiceEntry,
  buildVirtualService,
} from '../../src/generate/operator-objects.js';
import { activeGatePeerAuthentication } from '../../src/generate/peer-authentication.js';
import * as precompiled from '../../src/generate/schemas/istio-validators.js';
import { modelOf } from './helpers.js';

interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  maxItems?: number;
  maxLength?: number;
}
type Path = (string | number)[];
interface Case {
  name: string;
  kind: IstioKind;
  /** How the generated spec was broken; none for the spec as generated. */
  breakage?: string;
  spec: unknown;
}

const repo = process.cwd();
const schemas = specSchemas(
  JSON.parse(readFileSync(path.resolve(repo, 'src/generate/schemas/istio-schemas.json'), 'utf8')),
) as Record<IstioKind, Schema>;
const owner = { name: 'dk', namespace: 'dynatrace' };

/** What the generator emits for the 25 upstream DynaKube samples (offline, real tenant) and from its builders. */
async function generatedObjects(): Promise<IstioObject[]> {
  const samplesDir = path.resolve(repo, '../shared/fixtures/dynatrace-samples');
  const objects: IstioObject[] = [
    buildFqdnServiceEntry(owner, 'oneagent', [
      { protocol: 'https', host: 'a.example.com', port: 443 },
      { protocol: 'http', host: 'b.example.com', port: 80 },
    ]),
    buildVirtualService(owner, 'oneagent', [
      { protocol: 'https', host: 'a.example.com', port: 443 },
      { protocol: 'http', host: 'b.example.com', port: 80 },
    ]),
    buildIpServiceEntry(owner, 'activegate', [
      { protocol: 'https', host: '10.0.0.1', port: 443 },
      { protocol: 'https', host: '10.0.0.2', port: 9999 },
    ]),
    activeGatePeerAuthentication('dynatrace'),
  ];
  for (const file of readdirSync(samplesDir).filter((name) => name.endsWith('.yaml'))) {
    const text = readFileSync(path.join(samplesDir, file), 'utf8').replaceAll('ENVIRONMENTID', 'abc12345');
    const result = await generateManifests(modelOf({ [file]: text }), { scope: 'all' });
    objects.push(...result.generated.map((manifest) => parse(manifest.yaml) as IstioObject));
  }
  const distinct = new Map(objects.map((object) => [JSON.stringify([object.kind, object.spec]), object]));
  return [...distinct.values()];
}

const WRONG_TYPE: Record<string, unknown> = { string: 42, integer: 'a string', number: 'a string' };

/** Ways to break the value at `at`, read from its schema: each yields the path and the value to put there. */
function* breakages(value: unknown, schema: Schema, at: Path): Generator<[string, Path, unknown]> {
  if (schema.enum) yield ['wrong enum', at, 'NOT_IN_THE_ENUM'];
  if (schema.type) yield ['wrong type', at, WRONG_TYPE[schema.type] ?? 'a string'];
  if (typeof value === 'string' && schema.maxLength !== undefined) {
    // Ajv counts code points like Kubernetes: maxLength emoji fit, one more does not (each is 2 UTF-16 units).
    yield ['longest string', at, '\u{1F600}'.repeat(schema.maxLength)];
    yield ['too long', at, '\u{1F600}'.repeat(schema.maxLength + 1)];
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > 0)
      yield ['too many items', at, Array.from({ length: schema.maxItems + 1 }, () => value[0])];
    const items = schema.items;
    if (items) for (const [index, item] of value.entries()) yield* breakages(item, items, [...at, index]);
  } else if (value !== null && typeof value === 'object') {
    const fields = schema.properties;
    if (fields) yield ['unknown field', at, { ...value, notAField: true }];
    for (const [key, field] of Object.entries(value)) {
      const fieldSchema = fields?.[key] ?? schema.additionalProperties;
      if (typeof fieldSchema === 'object') yield* breakages(field, fieldSchema, [...at, key]);
    }
  }
}

function withValue(spec: unknown, at: Path, value: unknown): unknown {
  if (at.length === 0) return value;
  const [key, ...rest] = at;
  const copy = (Array.isArray(spec) ? [...spec] : { ...(spec as object) }) as Record<
    string | number,
    unknown
  >;
  copy[key] = withValue(copy[key], rest, value);
  return copy;
}

function casesOf(object: IstioObject): Case[] {
  const kind = object.kind as IstioKind;
  const name = `${kind} ${object.metadata.name}`;
  const broken = [...breakages(object.spec, schemas[kind], [])].map(([what, at, value]) => ({
    name: `${name}, ${what} at spec${at.map((key) => `.${key}`).join('')}`,
    kind,
    breakage: what,
    spec: withValue(object.spec, at, value),
  }));
  // Several problems at once: the errors must come in the same order too.
  const several = [...breakages(object.spec, schemas[kind], [])]
    .filter(([, at]) => at.length === 1)
    .reduce<unknown>((merged, [, at, value]) => withValue(merged, at, value), object.spec);
  return [
    { name, kind, spec: object.spec },
    ...broken,
    { name: `${name}, every top-level field broken`, kind, breakage: 'several', spec: several },
    {
      name: `${name}, spec is not an object`,
      kind,
      breakage: 'not an object',
      spec: ['not', 'an', 'object'],
    },
  ];
}

describe('the precompiled Istio validators', () => {
  let cases: Case[];
  let compiled: Record<IstioKind, ValidateFunction>;

  beforeAll(async () => {
    cases = (await generatedObjects()).flatMap(casesOf);
    const ajv = createIstioAjv();
    compiled = {
      ServiceEntry: ajv.compile(schemas.ServiceEntry),
      VirtualService: ajv.compile(schemas.VirtualService),
      PeerAuthentication: ajv.compile(schemas.PeerAuthentication),
    };
  });

  it('agree with a run-time ajv.compile of the same schemas: same verdict, same errors in the same order', () => {
    const disagreements = cases.flatMap(({ name, kind, spec }) => {
      const expected = compiled[kind](spec);
      const actual = precompiled[kind](spec);
      const same =
        actual === expected &&
        JSON.stringify(precompiled[kind].errors ?? null) === JSON.stringify(compiled[kind].errors ?? null);
      return same ? [] : [name];
    });
    expect(disagreements).toEqual([]);
  });

  it('were tried on every kind, on valid objects and on each kind of breakage', () => {
    const outcomes = cases.map(({ kind, breakage, spec }) => ({
      kind,
      breakage,
      valid: precompiled[kind](spec),
      keywords: (precompiled[kind].errors ?? []).map((error) => error.keyword),
    }));
    for (const kind of ['ServiceEntry', 'VirtualService', 'PeerAuthentication'] as const) {
      expect(outcomes.filter((o) => o.kind === kind && o.valid).length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.kind === kind && !o.valid).length).toBeGreaterThan(0);
    }
    const unmutated = outcomes.filter((o) => o.breakage === undefined);
    expect(unmutated.length).toBeGreaterThanOrEqual(5);
    expect(unmutated.every((o) => o.valid)).toBe(true);
    const keywords = new Set(outcomes.flatMap((o) => o.keywords));
    for (const keyword of ['additionalProperties', 'enum', 'type', 'maxItems', 'maxLength'])
      expect(keywords).toContain(keyword);
    expect(outcomes.filter((o) => o.breakage === 'longest string').every((o) => o.valid)).toBe(true);
    expect(outcomes.filter((o) => o.breakage === 'too long').every((o) => !o.valid)).toBe(true);
  });
});
