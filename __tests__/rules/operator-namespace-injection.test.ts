import { describe, expect, it } from '@jest/globals';
import { operatorNamespaceInjection as rule } from '../../src/rules/operator-namespace-injection.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

const dynakube = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
`;

function namespace(name: string, labels: Record<string, string>): string {
  const lines = Object.entries(labels).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    '    team: observability',
    ...lines,
    '',
  ].join('\n');
}

const operatorRelease = yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: dynatrace-operator
    namespace: flux-system
  spec:
    targetNamespace: dt-system
    chart:
      spec:
        chart: dynatrace-operator
`;

const cases: { name: string; tree: Tree; fires: number; line?: number }[] = [
  {
    name: 'istio-injection=enabled on the DynaKube namespace',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }) },
    fires: 1,
    line: 7,
  },
  {
    name: 'istio.io/rev on the operator namespace',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio.io/rev': 'stable' }) },
    fires: 1,
    line: 7,
  },
  {
    name: 'ambient data-plane mode on the operator namespace',
    tree: {
      'dk.yaml': dynakube,
      'ns.yaml': namespace('dynatrace', { 'istio.io/dataplane-mode': 'ambient' }),
    },
    fires: 1,
  },
  {
    name: 'the operator namespace from the HelmRelease targetNamespace',
    tree: { 'op.yaml': operatorRelease, 'ns.yaml': namespace('dt-system', { 'istio-injection': 'enabled' }) },
    fires: 1,
  },
  {
    name: 'injection disabled',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio-injection': 'disabled' }) },
    fires: 0,
  },
  {
    name: 'istio-injection=disabled wins over istio.io/rev',
    tree: {
      'dk.yaml': dynakube,
      'ns.yaml': namespace('dynatrace', { 'istio-injection': 'disabled', 'istio.io/rev': 'stable' }),
    },
    fires: 0,
  },
  {
    name: 'another namespace is injected',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('shop', { 'istio-injection': 'enabled' }) },
    fires: 0,
  },
  {
    name: 'ambient mode none',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio.io/dataplane-mode': 'none' }) },
    fires: 0,
  },
  { name: 'no Namespace manifest in the repository', tree: { 'dk.yaml': dynakube }, fires: 0 },
];

describe('operator-namespace-injection', () => {
  it.each(cases)('$name', ({ tree, fires, line }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(fires);
    if (line) expect(findings[0].origin).toMatchObject({ file: 'ns.yaml', line });
  });

  it.each(cases.filter((c) => c.fires > 0))('the fix removes the label: $name', ({ tree }) => {
    const findings = runRule(rule, tree);
    const fixed = applyFixes(tree, findings);
    expect(runRule(rule, fixed)).toHaveLength(0);
    expect(fixed['ns.yaml']).toContain('team: observability');
  });
});
