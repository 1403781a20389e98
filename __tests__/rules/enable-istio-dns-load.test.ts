import { describe, expect, it } from '@jest/globals';
import { enableIstioDnsLoad as rule } from '../../src/rules/enable-istio-dns-load.js';
import { findingsOf, runRule, yaml } from './harness.js';

function dynakube(extra: string): string {
  return (
    yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
    spec:
      apiUrl: https://abc12345.live.dynatrace.com/api
  ` + extra
  );
}

const cases: { name: string; extra: string; fires: boolean }[] = [
  { name: 'enableIstio on, no networkZone', extra: '  enableIstio: true\n', fires: true },
  {
    name: 'enableIstio on, empty networkZone',
    extra: '  enableIstio: true\n  networkZone: ""\n',
    fires: true,
  },
  {
    name: 'enableIstio on with a networkZone',
    extra: '  enableIstio: true\n  networkZone: eu-west\n',
    fires: false,
  },
  {
    name: 'networkZone from a substitution',
    extra: '  enableIstio: true\n  networkZone: ${CLUSTER_ZONE}\n',
    fires: false,
  },
  { name: 'enableIstio off', extra: '  enableIstio: false\n', fires: false },
  { name: 'enableIstio absent', extra: '', fires: false },
];

describe('enable-istio-dns-load', () => {
  it.each(cases)('$name', ({ extra, fires }) => {
    const findings = runRule(rule, { 'dk.yaml': dynakube(extra) });
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0].origin).toMatchObject({ file: 'dk.yaml', line: 8 });
  });

  it('is an info finding', () => {
    expect(findingsOf(rule, { 'dk.yaml': dynakube(cases[0].extra) })[0].severity).toBe('info');
  });
});
