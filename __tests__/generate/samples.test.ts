import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateManifests } from '../../src/generate/index.js';
import type { IstioObject } from '../../src/generate/objects.js';
import { validateIstioObject } from '../../src/generate/schema-validate.js';
import type { GeneratedManifest } from '../../src/report/types.js';
import { connectionInfoHandler, modelOf, startApi } from './helpers.js';

const samplesDir = path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples');
const samples = readdirSync(samplesDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => [file, readFileSync(path.join(samplesDir, file), 'utf8')] as const);

async function expectAllValid(generated: GeneratedManifest[]) {
  for (const manifest of generated) {
    const object = parse(manifest.yaml) as IstioObject;
    expect(object.kind).toBe(manifest.kind);
    expect(object.metadata.name).toBe(manifest.name);
    expect(await validateIstioObject(object)).toEqual([]);
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
        expect(names.includes(`VirtualService ${dynakube.name}-fqdn-activegate`)).toBe(activeGate);
      }
      await expectAllValid(result.generated);
    });
  });
});
