import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { GENERATED_FILE_HEADER, writeGeneratedManifests } from '../../src/generate/index.js';

const ENTRY = {
  kind: 'ServiceEntry',
  namespace: 'dynatrace',
  name: 'dk-fqdn-operator',
  yaml: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: dk-fqdn-operator\n',
};

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeGeneratedManifests', () => {
  it("replaces what an earlier run wrote in generated/ and leaves the user's own manifests there", async () => {
    // `--output-dir .` in a repository that keeps rendered charts in generated/.
    folder = mkdtempSync(path.join(tmpdir(), 'dkig-output-dir-'));
    mkdirSync(path.join(folder, 'generated'));
    const own = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rendered\n';
    writeFileSync(path.join(folder, 'generated/rendered-istio.yaml'), own);
    writeFileSync(
      path.join(folder, 'generated/payments.yaml'),
      `${GENERATED_FILE_HEADER}kind: ServiceEntry\n`,
    );

    const written = await writeGeneratedManifests(folder, [ENTRY]);

    expect(written).toEqual([path.join(folder, 'generated/dynatrace.yaml')]);
    expect(readdirSync(path.join(folder, 'generated')).sort()).toEqual([
      'dynatrace.yaml',
      'rendered-istio.yaml',
    ]);
    expect(readFileSync(path.join(folder, 'generated/rendered-istio.yaml'), 'utf8')).toBe(own);
    // The header is a comment: the file applies as the manifests alone.
    const text = readFileSync(written[0], 'utf8');
    expect(text.startsWith(GENERATED_FILE_HEADER)).toBe(true);
    expect(parseAllDocuments(text).map((document) => document.toJS())).toEqual([
      { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'dk-fqdn-operator' } },
    ]);
  });
});
