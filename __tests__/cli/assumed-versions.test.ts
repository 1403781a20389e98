import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run-in-process.js';

// An istiod HelmRelease that pins no chart version (the newest release: native sidecars "auto") next to a DynaKube
// that injects code modules: what native-sidecars says depends on the versions the user states.
const repo = mkdtempSync(path.join(tmpdir(), 'dkig-assumed-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
mkdirSync(path.join(repo, 'istio'));
writeFileSync(
  path.join(repo, 'istio/istiod.yaml'),
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    '  chart: {spec: {chart: istiod}}',
    '  values:',
    '    meshConfig: {}',
    '',
  ].join('\n'),
);
writeFileSync(
  path.join(repo, 'dk.yaml'),
  [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata: {name: dk, namespace: dynatrace}',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    '    cloudNativeFullStack: {}',
    '',
  ].join('\n'),
);

async function nativeSidecarFindings(flags: string[]) {
  const run = await runCli(['check', '--repo', repo, '--format', 'json', '--fail-on', 'never', ...flags]);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] };
  return report.findings.filter((finding) => finding.ruleId === 'native-sidecars');
}

describe('--istio-version and --kubernetes-version', () => {
  it('without them, an unpinned istiod is the newest release: "auto" native sidecars are a risk', async () => {
    const [finding] = await nativeSidecarFindings([]);
    expect(finding.message).toContain('an unpinned (newest) Istio');
  });

  it('--kubernetes-version below 1.33: "auto" leaves native sidecars off, nothing to report', async () => {
    expect(await nativeSidecarFindings(['--kubernetes-version', '1.32'])).toEqual([]);
  });

  it('--kubernetes-version 1.33 or newer: "auto" turns them on, and the message says why', async () => {
    const [finding] = await nativeSidecarFindings(['--kubernetes-version', '1.33.1']);
    expect(finding.message).toContain('Kubernetes 1.33.1 (kubernetes-version), so they are on');
  });

  it('--istio-version before 1.27 for the unpinned install: classic sidecars', async () => {
    expect(await nativeSidecarFindings(['--istio-version', '1.26.3'])).toEqual([]);
  });

  it('model shows the assumed version as such', async () => {
    const run = await runCli([
      'model',
      '--repo',
      repo,
      '--istio-version',
      '1.28.0',
      '--kubernetes-version',
      '1.30',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Istio 1.28.0 (istio-version: the repository pins none)');
    expect(run.stdout).toContain('native sidecars: off');
  });

  it.each([
    ['--istio-version', 'latest'],
    ['--kubernetes-version', '1.3x'],
  ])('%s %s is a usage error', async (flag, value) => {
    const run = await runCli(['check', '--repo', repo, flag, value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${flag} must be a version such as 1.28 or 1.28.2 (got '${value}')`);
  });
});
