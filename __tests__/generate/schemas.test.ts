import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = process.cwd();
const crdFile = path.resolve(repo, '../shared/fixtures/crds/istio-crd-all.gen.yaml');

describe('src/generate/schemas/istio-schemas.json', () => {
  it('equals a fresh extraction from the Istio CRD fixture', async () => {
    const { stdout } = await run(
      process.execPath,
      ['scripts/extract-istio-schemas.mjs', crdFile, '--stdout'],
      { cwd: repo },
    );
    const committed = await readFile(path.resolve(repo, 'src/generate/schemas/istio-schemas.json'), 'utf8');
    expect(committed).toBe(stdout);
    const parsed = JSON.parse(committed) as { schemas: Record<string, { group: string; version: string }> };
    expect(
      Object.entries(parsed.schemas).map(([kind, schema]) => `${schema.group}/${schema.version} ${kind}`),
    ).toEqual([
      'networking.istio.io/v1 ServiceEntry',
      'networking.istio.io/v1 VirtualService',
      'security.istio.io/v1 PeerAuthentication',
    ]);
  });

  it('the precompiled validators in istio-validators.js equal a fresh generation from it', async () => {
    const { stdout } = await run(process.execPath, ['scripts/istio-validators.mjs', '--stdout'], {
      cwd: repo,
    });
    const committed = await readFile(path.resolve(repo, 'src/generate/schemas/istio-validators.js'), 'utf8');
    // After an Ajv upgrade or a schema change: run `node scripts/extract-istio-schemas.mjs` and commit.
    expect(committed).toBe(stdout);
    expect(committed).toMatch(/^export const ServiceEntry = /m);
    expect(committed).toMatch(/^export const VirtualService = /m);
    expect(committed).toMatch(/^export const PeerAuthentication = /m);
    expect(committed).not.toMatch(/\brequire\(/);
  });

  it('the script fails clearly on a file without the CRDs', async () => {
    await expect(
      run(process.execPath, ['scripts/extract-istio-schemas.mjs', 'package.json', '--stdout'], { cwd: repo }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /kinds not found in the CRD file: ServiceEntry, VirtualService, PeerAuthentication/,
      ),
    });
  });
});
