import { describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/engine.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { modelOf, yaml } from './harness.js';

const dynakube = (annotations: string) => yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
    annotations:
      team: platform
      ${annotations}
  spec:
    apiUrl: https://abc12345.live.dynatrace.com
    enableIstio: true
`;

function ruleIds(annotations: string): string[] {
  const model = modelOf({ 'dk.yaml': dynakube(annotations) });
  return analyze(model, undefined, { rules: ALL_RULES })
    .report.findings.map((f) => f.ruleId)
    .sort();
}

describe('suppression annotation dynakube-istio-guard.io/suppress', () => {
  it('leaves findings alone without the annotation', () => {
    expect(ruleIds('owner: me')).toEqual(['dynakube-spec', 'enable-istio-dns-load']);
  });

  it('suppresses one rule, a list of rules, or all of them on the object', () => {
    expect(ruleIds('dynakube-istio-guard.io/suppress: dynakube-spec')).toEqual(['enable-istio-dns-load']);
    expect(ruleIds('dynakube-istio-guard.io/suppress: "enable-istio-dns-load, dynakube-spec"')).toEqual([]);
    expect(ruleIds('dynakube-istio-guard.io/suppress: "*"')).toEqual([]);
  });

  it('does not suppress other rules or other objects', () => {
    expect(ruleIds('dynakube-istio-guard.io/suppress: cni-csi-deadlock')).toEqual([
      'dynakube-spec',
      'enable-istio-dns-load',
    ]);
    const other = dynakube('owner: me').replace('name: dk', 'name: other');
    const model = modelOf({
      'dk.yaml': dynakube('dynakube-istio-guard.io/suppress: "*"'),
      'other.yaml': other,
    });
    expect(analyze(model, undefined).report.findings.map((f) => f.resource)).toEqual([
      'DynaKube dynatrace/other',
      'DynaKube dynatrace/other',
    ]);
  });
});
