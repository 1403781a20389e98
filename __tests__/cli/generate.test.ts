import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { bundle } from '../helpers/bundle.js';
import { connectionInfoHandler, startApi } from '../generate/helpers.js';

const TOKEN = 'dt0c01.CLITEST.SECRETSECRET';

let cli: string;
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  cli = bundle('cli');
  api = await startApi(
    connectionInfoHandler(
      {
        communicationEndpoints: [
          'https://abc12345.live.dynatrace.com/communication',
          'https://10.0.0.7:9999',
        ],
      },
      { communicationEndpoints: 'https://abc12345.live.dynatrace.com/communication' },
    ),
  );
});
afterAll(async () => api.close());

/** Runs the bundled CLI as a child process without blocking this process, so the local API can answer it. */
function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, NO_COLOR: '1', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dkig-gen-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const MESH = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
---
apiVersion: v1
kind: Namespace
metadata:
  name: dynatrace
  labels:
    istio-injection: enabled
`;

const DYNAKUBE = `apiVersion: dynatrace.com/v1beta6
kind: DynaKube
metadata:
  name: dynakube
  namespace: dynatrace
spec:
  apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api
  oneAgent:
    applicationMonitoring:
      codeModulesImage: ghcr.io/acme/codemodules:1
`;

describe('check: generated manifests', () => {
  it('live: --dynatrace-api-url and DT_API_TOKEN, one YAML file per namespace under --output-dir', async () => {
    const repo = repoWith({ 'istio/mesh.yaml': MESH, 'dynatrace/dk.yaml': DYNAKUBE });
    const out = mkdtempSync(path.join(tmpdir(), 'dkig-gen-out-'));
    const { stdout, stderr } = await run(
      ['check', '--repo', repo, '--format', 'json', '--dynatrace-api-url', api.url, '--output-dir', out],
      { DT_API_TOKEN: TOKEN },
    );
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as {
      generated: { kind: string; name: string; file: string }[];
      notEvaluable: unknown[];
    };
    expect(report.generated.map((m) => `${m.kind} ${m.name}`)).toEqual([
      'ServiceEntry dynakube-ip-operator',
      'ServiceEntry dynakube-fqdn-oneagent',
      'VirtualService dynakube-fqdn-oneagent',
      'ServiceEntry dynakube-ip-oneagent',
      'ServiceEntry dynatrace-registry-ghcr-io',
    ]);
    expect(readdirSync(path.join(out, 'generated'))).toEqual(['dynatrace.yaml']);
    const documents = parseAllDocuments(
      readFileSync(path.join(out, 'generated', 'dynatrace.yaml'), 'utf8'),
    ).map((d) => d.toJS());
    expect(documents.map((d) => d.metadata.name)).toEqual(report.generated.map((m) => m.name));
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).generated).toHaveLength(5);
    expect(stdout).not.toContain('SECRET');
    expect(api.requests.at(-1)?.authorization).toBe(`Api-Token ${TOKEN}`);
  });

  it('offline: notes say what was not generated and why', async () => {
    const repo = repoWith({ 'istio/mesh.yaml': MESH, 'dynatrace/dk.yaml': DYNAKUBE });
    const { stdout } = await run(['check', '--repo', repo, '--format', 'json'], { DT_API_TOKEN: '' });
    const report = JSON.parse(stdout) as {
      generated: { name: string }[];
      notEvaluable: { file: string; reason: string }[];
    };
    expect(report.generated.map((m) => m.name)).toEqual(['dynatrace-registry-ghcr-io']);
    expect(report.notEvaluable).toContainEqual({
      file: 'dynatrace/dk.yaml',
      line: 7,
      reason: expect.stringMatching(
        /^ServiceEntries for DynaKube dynakube not generated: apiUrl .* placeholder/,
      ),
    });
  });

  it('never reads its own --output-dir back, and leaves there only what the last run generated', async () => {
    const repo = repoWith({ 'istio/mesh.yaml': MESH, 'dynatrace/dk.yaml': DYNAKUBE });
    const check = () =>
      run(['check', '--repo', repo, '--format', 'json', '--output-dir', path.join(repo, 'out')]);
    const first = await check();
    expect(readdirSync(path.join(repo, 'out', 'generated'))).toEqual(['dynatrace.yaml']);
    const second = await check();
    // The generated registry entry in out/ is not the repository's: the second run sees what the first saw.
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(first.code).toBe(1);

    // Nothing needed any more (the mesh allows egress): the earlier manifests are gone, other files stay.
    writeFileSync(path.join(repo, 'istio/mesh.yaml'), MESH.replace('REGISTRY_ONLY', 'ALLOW_ANY'));
    writeFileSync(path.join(repo, 'out', 'generated', 'README.txt'), 'mine');
    const third = await check();
    expect((JSON.parse(third.stdout) as { generated: unknown[] }).generated).toEqual([]);
    expect(readdirSync(path.join(repo, 'out', 'generated'))).toEqual(['README.txt']);
  });

  it('DKIG_REQUEST_TIMEOUT_MS sets the Dynatrace API timeout; a hung API is asked once for all DynaKubes', async () => {
    const hung = await startApi(() => undefined);
    try {
      const zoned = (name: string, zone: string) =>
        DYNAKUBE.replace('name: dynakube', `name: ${name}`).replace(
          '  apiUrl:',
          `  networkZone: ${zone}\n  apiUrl:`,
        );
      const repo = repoWith({
        'istio/mesh.yaml': MESH,
        'dynatrace/a.yaml': zoned('a', 'zone-a'),
        'dynatrace/b.yaml': zoned('b', 'zone-b'),
        'dynatrace/c.yaml': zoned('c', 'zone-c'),
      });
      const { stdout } = await run(
        ['check', '--repo', repo, '--format', 'json', '--dynatrace-api-url', hung.url],
        { DT_API_TOKEN: TOKEN, DKIG_REQUEST_TIMEOUT_MS: '300' },
      );
      const reasons = (JSON.parse(stdout) as { notEvaluable: { reason: string }[] }).notEvaluable
        .map((n) => n.reason)
        .filter((reason) => reason.includes('oneagent not generated'));
      expect(reasons).toEqual([
        expect.stringMatching(/no answer within 300 ms$/),
        expect.stringMatching(/was not asked: an earlier request of this run got no answer within 300 ms$/),
        expect.stringMatching(/was not asked: an earlier request of this run got no answer within 300 ms$/),
      ]);
      expect(hung.requests).toHaveLength(1);
    } finally {
      await hung.close();
    }
  });

  it('--generate all generates without a restricted mesh; a bad --dynatrace-api-url is a usage error', async () => {
    const repo = repoWith({ 'dk.yaml': DYNAKUBE.replace('ENVIRONMENTID', 'abc12345') });
    const all = await run(['check', '--repo', repo, '--format', 'json', '--generate', 'all']);
    expect((JSON.parse(all.stdout) as { generated: unknown[] }).generated.length).toBeGreaterThan(0);
    const bad = await run(['check', '--repo', repo, '--dynatrace-api-url', 'abc12345.live.dynatrace.com']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dynatrace-api-url must be an http\(s\) URL/);
  });
});
