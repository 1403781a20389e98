import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateManifests } from '../../src/generate/index.js';
import type { IstioObject } from '../../src/generate/objects.js';
import { validateIstioObject } from '../../src/generate/schema-validate.js';
import { validateServiceEntrySpec } from '../../src/generate/validate-service-entry.js';
import type { GeneratedManifest } from '../../src/report/types.js';
import { connectionInfoHandler, modelOf, startApi } from './helpers.js';

const samplesDir = path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples');
const samples = readdirSync(samplesDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => [file, readFileSync(path.join(samplesDir, file), 'utf8')] as const);

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function repeated(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/**
 * The properties every generated set must have: each object passes Istio's CRD schema and its ServiceEntry /
 * VirtualService validation; names are DNS-1123 labels of at most 63 characters, unique per kind and namespace;
 * no object lists a host or address twice, no two VirtualServices list one host; and no two ServiceEntries declare one host and port differently
 * (Istio would keep only one), while a registry entry never repeats a host and port another entry declares.
 */
async function expectAllValid(generated: GeneratedManifest[]) {
  const objects = generated.map((manifest) => {
    const object = parse(manifest.yaml) as IstioObject;
    expect(object.kind).toBe(manifest.kind);
    expect(object.metadata.name).toBe(manifest.name);
    return object;
  });
  for (const object of objects) {
    expect(await validateIstioObject(object)).toEqual([]);
    if (object.kind === 'ServiceEntry')
      expect(validateServiceEntrySpec(object.spec).filter((p) => p.severity === 'error')).toEqual([]);
    expect(object.metadata.name.length).toBeLessThanOrEqual(63);
    expect(object.metadata.name).toMatch(DNS1123_LABEL);
    const spec = object.spec as { hosts?: string[]; addresses?: string[] };
    expect(repeated(spec.hosts ?? [])).toEqual([]);
    expect(repeated(spec.addresses ?? [])).toEqual([]);
  }
  expect(repeated(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`))).toEqual([]);
  // istioctl analyze IST0109: two VirtualServices bound to the mesh must not define one host.
  expect(
    repeated(
      objects.filter((o) => o.kind === 'VirtualService').flatMap((o) => (o.spec.hosts as string[]) ?? []),
    ),
  ).toEqual([]);

  const declarations = new Map<string, { settings: string; registry: boolean; name: string }[]>();
  for (const object of objects.filter((o) => o.kind === 'ServiceEntry')) {
    const spec = object.spec as {
      hosts: string[];
      ports: { number: number; protocol: string }[];
      resolution: string;
    };
    const registry = object.metadata.labels?.['app.kubernetes.io/component'] === 'registry';
    for (const host of spec.hosts)
      for (const port of spec.ports) {
        const key = `${object.metadata.namespace} ${host}:${port.number}`;
        const list = declarations.get(key) ?? [];
        list.push({ settings: `${port.protocol} ${spec.resolution}`, registry, name: object.metadata.name });
        declarations.set(key, list);
      }
  }
  for (const [key, list] of declarations) {
    if (list.length < 2) continue;
    expect([key, new Set(list.map((d) => d.settings)).size]).toEqual([key, 1]);
    expect([key, list.filter((d) => d.registry).map((d) => d.name)]).toEqual([key, []]);
  }
}

describe('the 25 upstream DynaKube samples', () => {
  it('are all there', () => {
    expect(samples).toHaveLength(25);
  });

  it.each(samples)('%s offline: a placeholder note per DynaKube, nothing invalid', async (file, text) => {
    const model = modelOf({ [file]: text });
    expect(model.dynakubes.length).toBeGreaterThan(0);
    const result = await generateManifests(model, { scope: 'all' });
    for (const dynakube of model.dynakubes) {
      expect(result.notes).toContainEqual({
        file,
        line: dynakube.apiUrl?.origin.line,
        reason: expect.stringMatching(
          new RegExp(`^ServiceEntries for DynaKube ${dynakube.name} not generated: apiUrl .* placeholder`),
        ),
      });
    }
    await expectAllValid(result.generated);
  });

  it.each(samples)(
    '%s with a real tenant but no token: the apiUrl entries, notes for the rest',
    async (file, text) => {
      const model = modelOf({ [file]: text.replaceAll('ENVIRONMENTID', 'abc12345') });
      const result = await generateManifests(model, { scope: 'all' });
      for (const dynakube of model.dynakubes) {
        const names = result.generated.filter((m) => m.kind !== 'PeerAuthentication').map((m) => m.name);
        expect(names).toContain(`${dynakube.name}-fqdn-operator`);
      }
      expect(result.notes.every((note) => /no Dynatrace API token/.test(note.reason))).toBe(true);
      await expectAllValid(result.generated);
    },
  );

  /**
   * A sample with what its comments offer switched on: custom images (one registry redirecting blobs to a wildcard
   * store, one on its own port), a network zone, the public registry, and endpoints of every form the operator
   * parses (IPv4, IPv6, http, one host on two ports, the tenant host again).
   */
  function enriched(text: string): string {
    return text
      .replace('applicationMonitoring: {}', 'applicationMonitoring:') // its commented fields follow
      .replace(/# codeModulesImage: ""/g, 'codeModulesImage: "myacr.azurecr.io/dynatrace/codemodules:1.311"')
      .replace(/# image: ""/g, 'image: "registry.example.com:5000/dynatrace/image:1"')
      .replace(/# networkZone: name-of-my-network-zone/g, 'networkZone: eu-west')
      .replace(
        /^metadata:\n/gm,
        'metadata:\n  annotations:\n    feature.dynatrace.com/use-public-registry: "true"\n',
      );
  }

  describe('live, with every option and endpoint form', () => {
    let api: Awaited<ReturnType<typeof startApi>>;
    beforeAll(async () => {
      api = await startApi(
        connectionInfoHandler(
          {
            communicationEndpoints: [
              'https://abc12345.live.dynatrace.com/communication',
              'https://abc12345.live.dynatrace.com:9999/communication',
              'http://sg.example.com:8080/communication',
              'https://10.1.2.3:443/communication',
              'https://[fd00::1]:443/communication',
            ],
          },
          {
            communicationEndpoints:
              'https://abc12345.live.dynatrace.com:443/communication,https://10.1.2.4:9999/communication',
          },
        ),
      );
    });
    afterAll(async () => api.close());

    it.each(samples)('%s: every generated object well-formed', async (file, text) => {
      const model = modelOf({ [file]: enriched(text) });
      expect(model.dynakubes.length).toBeGreaterThan(0);
      const result = await generateManifests(model, {
        scope: 'all',
        dynatrace: { apiUrl: api.url.replace('127.0.0.1', 'localhost'), token: 't' },
      });
      expect(result.notes.filter((note) => !/wildcard/.test(note.reason))).toEqual([]);
      await expectAllValid(result.generated);
    });
  });

  describe('live, against a local API', () => {
    let api: Awaited<ReturnType<typeof startApi>>;
    beforeAll(async () => {
      api = await startApi(
        connectionInfoHandler(
          {
            tenantUUID: 'abc12345',
            communicationEndpoints: [
              'https://abc12345.live.dynatrace.com/communication',
              'https://10.1.2.3:443/communication',
            ],
          },
          {
            tenantUUID: 'abc12345',
            communicationEndpoints: 'https://abc12345.live.dynatrace.com:443/communication',
          },
        ),
      );
    });
    afterAll(async () => api.close());

    it.each(samples)('%s: every component the operator would cover, all valid', async (file, text) => {
      const model = modelOf({ [file]: text });
      const result = await generateManifests(model, {
        scope: 'all',
        dynatrace: { apiUrl: api.url, token: 't' },
      });
      expect(result.notes).toEqual([]);
      for (const dynakube of model.dynakubes) {
        const names = result.generated.map((m) => `${m.kind} ${m.name}`);
        expect(names).toContain(`ServiceEntry ${dynakube.name}-ip-operator`);
        const injects = dynakube.modes.some(
          (m) => m.value === 'cloudNativeFullStack' || m.value === 'applicationMonitoring',
        );
        expect(names.includes(`ServiceEntry ${dynakube.name}-ip-oneagent`)).toBe(injects);
        const activeGate = (dynakube.activeGate?.capabilities.value.length ?? 0) > 0;
        expect(names.includes(`ServiceEntry ${dynakube.name}-fqdn-activegate`)).toBe(activeGate);
      }
      await expectAllValid(result.generated);
    });
  });
});
