import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { modelOf } from './helpers.js';

const CRDS = path.resolve(process.cwd(), '../shared/fixtures/crds');

interface Schema {
  properties?: Record<string, Schema>;
}

/** Each served or unserved version's `spec` schema: v1beta1–v1beta5 from v1.7.0, v1beta6 from main. */
function specSchemas(): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const file of ['dynatrace.com_dynakubes.v1.7.0.yaml', 'dynatrace.com_dynakubes.main-70d37e5e.yaml']) {
    const crd = parse(readFileSync(path.join(CRDS, file), 'utf8')) as {
      spec: { versions: { name: string; schema: { openAPIV3Schema: Schema } }[] };
    };
    for (const version of crd.spec.versions)
      if (!schemas.has(version.name))
        schemas.set(version.name, version.schema.openAPIV3Schema.properties!.spec);
  }
  return schemas;
}

const schemas = specSchemas();

/** Whether the version's schema has `spec.<path>`: the API server prunes a field it does not. */
function hasField(version: string, fieldPath: string): boolean {
  let schema: Schema | undefined = schemas.get(version);
  for (const key of fieldPath.split('.')) schema = schema?.properties?.[key];
  return schema !== undefined;
}

/** A cloudNativeFullStack DynaKube that writes the fields some versions have and others prune. */
function dynakube(version: string): string {
  return `apiVersion: dynatrace.com/${version}
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  publicRegistryOverride: registry.example.com
  namespaceSelector:
    matchLabels:
      written: top-level
  oneAgent:
    cloudNativeFullStack:
      codeModulesImage: registry.example.com/codemodules:1.0
      namespaceSelector:
        matchLabels:
          written: under-the-mode
`;
}

describe('readDynaKube reads a field only where the version has it (the CRD schema fixtures)', () => {
  it('has the schemas of v1beta1 to v1beta6', () => {
    expect([...schemas.keys()].sort()).toEqual([
      'v1beta1',
      'v1beta2',
      'v1beta3',
      'v1beta4',
      'v1beta5',
      'v1beta6',
    ]);
  });

  it.each([...schemas.keys()])('%s', (version) => {
    const [read] = modelOf({ 'dk.yaml': dynakube(version) }).dynakubes;
    const modeSelector = hasField(version, 'oneAgent.cloudNativeFullStack.namespaceSelector');
    const topSelector = hasField(version, 'namespaceSelector');
    // The version's one selector: both are never in one schema.
    expect(modeSelector && topSelector).toBe(false);
    expect(read.namespaceSelector?.value.matchLabels?.written).toBe(
      modeSelector ? 'under-the-mode' : topSelector ? 'top-level' : undefined,
    );
    expect(read.publicRegistryOverride?.value).toBe(
      hasField(version, 'publicRegistryOverride') ? 'registry.example.com' : undefined,
    );
    expect(read.codeModulesImage?.value).toBe(
      hasField(version, 'oneAgent.cloudNativeFullStack.codeModulesImage')
        ? 'registry.example.com/codemodules:1.0'
        : undefined,
    );
  });
});

describe('readDynaKube, a OneAgent mode written without a value', () => {
  // The modes are `nullable` pointers (pkg/api/latest/dynakube/oneagent/spec.go `+nullable`): the API server keeps
  // the null and Go's JSON decoding makes it a nil pointer, which the operator reads as the mode being off
  // (`IsCloudNativeFullstackMode`: `CloudNativeFullStack != nil`).
  it.each(['v1beta1', 'v1beta5', 'v1beta6'])('%s: a null mode is off, the other is read', (version) => {
    const [read] = modelOf({
      'dk.yaml': `apiVersion: dynatrace.com/${version}
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  oneAgent:
    classicFullStack:
      # tolerations: [...]
    cloudNativeFullStack: {}
    applicationMonitoring: null
`,
    }).dynakubes;
    expect(read.modes.map((mode) => [mode.value, mode.origin.line])).toEqual([['cloudNativeFullStack', 11]]);
  });
});
