import { describe, expect, it } from '@jest/globals';
import { mixedDataplaneModes as rule } from '../../src/rules/mixed-dataplane-modes.js';
import { runRule, yaml, type Tree } from './harness.js';

function namespace(name: string, labels: Record<string, string>): string {
  const lines = Object.entries(labels).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    ...lines,
    '',
  ].join('\n');
}

const sidecarNs = namespace('shop', { 'istio-injection': 'enabled' });
const ambientNs = namespace('cart', { 'istio.io/dataplane-mode': 'ambient' });

const ambientPod = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
    namespace: plain
  spec:
    template:
      metadata:
        labels:
          istio.io/dataplane-mode: ambient
      spec:
        containers: [{ name: api, image: api:1 }]
`;

const dynakube = (labels: string) => yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    activeGate:
      capabilities: [routing]
      labels:
        ${labels}
`;

const cases: { name: string; tree: Tree; fires: [string, string, number][] }[] = [
  {
    name: 'one namespace with both labels',
    tree: {
      'ns.yaml': namespace('shop', { 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }),
    },
    fires: [['Namespace shop', 'metadata.labels', 7]],
  },
  {
    name: 'istio.io/rev and ambient on one namespace',
    tree: {
      'ns.yaml': namespace('shop', { 'istio.io/rev': 'stable', 'istio.io/dataplane-mode': 'ambient' }),
    },
    fires: [['Namespace shop', 'metadata.labels', 7]],
  },
  {
    name: 'a sidecar namespace and an ambient namespace',
    tree: { 'a.yaml': sidecarNs, 'b.yaml': ambientNs },
    fires: [['Namespace cart', 'dataplane-mode', 6]],
  },
  {
    name: 'a sidecar namespace and an ambient pod elsewhere',
    tree: { 'a.yaml': sidecarNs, 'pod.yaml': ambientPod },
    fires: [['Deployment plain/api', 'dataplane-mode', 9]],
  },
  {
    name: 'an ambient namespace and an ActiveGate labelled for a sidecar',
    tree: { 'b.yaml': ambientNs, 'dk.yaml': dynakube('sidecar.istio.io/inject: "true"') },
    fires: [['Namespace cart', 'dataplane-mode', 6]],
  },
  {
    name: 'sidecars only',
    tree: { 'a.yaml': sidecarNs, 'c.yaml': namespace('c', { 'istio.io/rev': '1-30' }) },
    fires: [],
  },
  { name: 'ambient only', tree: { 'b.yaml': ambientNs, 'pod.yaml': ambientPod }, fires: [] },
  {
    name: 'ambient ActiveGate in an ambient mesh',
    tree: { 'b.yaml': ambientNs, 'dk.yaml': dynakube('istio.io/dataplane-mode: ambient') },
    fires: [],
  },
  {
    name: 'injection disabled next to ambient',
    tree: { 'a.yaml': namespace('shop', { 'istio-injection': 'disabled' }), 'b.yaml': ambientNs },
    fires: [],
  },
  {
    name: 'a pod opting out of ambient in a sidecar mesh',
    tree: {
      'a.yaml': sidecarNs,
      'pod.yaml': ambientPod.replace('dataplane-mode: ambient', 'dataplane-mode: none'),
    },
    fires: [],
  },
];

describe('mixed-dataplane-modes', () => {
  it.each(cases)('$name', ({ tree, fires }) => {
    expect(runRule(rule, tree).map((f) => [f.resource, f.field, f.origin.line])).toEqual(fires);
  });

  it('names both sides in the message', () => {
    const [finding] = runRule(rule, cases[2].tree);
    expect(finding.message).toContain('ambient for Namespace cart');
    expect(finding.message).toContain('sidecars for Namespace shop (istio-injection=enabled)');
  });
});

describe('mixed-dataplane-modes, label added by a kustomize overlay', () => {
  it('points at the label in the patch file that adds it', () => {
    const tree: Tree = {
      'base/kustomization.yaml': 'resources: [ns.yaml]\n',
      'base/ns.yaml': sidecarNs,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: ambient.yaml\n',
      'overlay/ambient.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n',
    };
    const findings = runRule(rule, tree);
    expect(findings.map((finding) => finding.origin)).toContainEqual(
      expect.objectContaining({ file: 'overlay/ambient.yaml', line: 6 }),
    );
  });
});
