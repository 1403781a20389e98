import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { explainModel } from '../../src/report/explain.js';
import { bundle } from '../helpers/bundle.js';
import { modelOf } from '../model/helpers.js';

const tree: Record<string, string[]> = {
  'clusters/prod/istio/istiod.yaml': [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    '  chart: {spec: {chart: istiod, version: 1.28.1}}',
    '  values:',
    '    meshConfig:',
    '      outboundTrafficPolicy:',
    '        mode: REGISTRY_ONLY',
  ],
  'clusters/prod/istio/cni.yaml': [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istio-cni, namespace: kube-system}',
    'spec:',
    '  chart: {spec: {chart: cni, version: 1.28.1}}',
  ],
  'clusters/prod/apps/ns.yaml': [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: shop',
    '  labels:',
    '    istio-injection: enabled',
  ],
  'clusters/prod/istio/strict.yaml': [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata: {name: default, namespace: istio-system}',
    'spec:',
    '  mtls: {mode: STRICT}',
  ],
  'clusters/prod/dynatrace/dynakube.yaml': [
    'apiVersion: dynatrace.com/v1beta1',
    'kind: DynaKube',
    'metadata: {name: prod, namespace: dynatrace}',
    'spec:',
    '  apiUrl: ${apiurl}',
    '  oneAgent:',
    '    cloudNativeFullStack: {}',
  ],
};

describe('explain: the effective facts with their origins', () => {
  const text = explainModel(modelOf(tree));

  it.each([
    ['outbound traffic policy: REGISTRY_ONLY  (clusters/prod/istio/istiod.yaml:9, ', 'policy and its line'],
    [
      'native sidecars: auto — Istio 1.28.1 defaults ENABLE_NATIVE_SIDECARS to "auto"',
      'native sidecars on 1.28',
    ],
    ['CNI agent: true  (clusters/prod/istio/cni.yaml:5, HelmRelease kube-system/istio-cni)', 'CNI install'],
    ['namespace: kube-system', 'CNI namespace'],
    ['shop: sidecar  (clusters/prod/apps/ns.yaml:6)', 'data-plane mode'],
    ['mTLS: STRICT [mesh]  (clusters/prod/istio/strict.yaml:5)', 'mesh-wide mTLS'],
    ['enableIstio: false  (default; clusters/prod/dynatrace/dynakube.yaml:4)', 'defaulted enableIstio'],
    ['CSI driver enabled: true  (default)', 'CSI default'],
    [
      'clusters/prod/dynatrace/dynakube.yaml:5: DynaKube dynatrace/prod spec.apiUrl: ${apiurl}',
      'not evaluated',
    ],
  ])('shows %s (%s)', (expected) => {
    expect(text).toContain(expected);
  });

  it('prints the same through the CLI `model` subcommand', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'dkig-model-'));
    for (const [file, lines] of Object.entries(tree)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), lines.join('\n') + '\n');
    }
    const result = spawnSync(process.execPath, [bundle('cli'), 'model', '--repo', repo], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(text);
  });

  it('rejects an unknown option with exit status 2', () => {
    const result = spawnSync(process.execPath, [bundle('cli'), 'model', '--nope'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^dynakube-istio-guard: /);
  });
});
