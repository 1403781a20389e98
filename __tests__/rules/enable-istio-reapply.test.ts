import { describe, expect, it } from '@jest/globals';
import { enableIstioReapply as rule } from '../../src/rules/enable-istio-reapply.js';
import { findingsOf, runRule, yaml } from './harness.js';

function dynakube(enableIstio: string | undefined, extra = ''): string {
  return (
    yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
    spec:
      apiUrl: https://abc12345.live.dynatrace.com/api
  ` +
    (enableIstio === undefined ? '' : `  enableIstio: ${enableIstio}\n`) +
    extra
  );
}

const cloudNative = '  oneAgent:\n    cloudNativeFullStack: {}\n  activeGate:\n    capabilities: [routing]\n';

describe('enable-istio-reapply', () => {
  it('fires when enableIstio is switched on, with delete and apply commands', () => {
    const findings = runRule(rule, { 'dk.yaml': dynakube('true') }, { 'dk.yaml': dynakube(undefined) });
    expect(findings).toHaveLength(1);
    expect(findings[0].origin).toMatchObject({ file: 'dk.yaml', line: 8 });
    expect(findings[0].fix?.commands).toEqual([
      'kubectl delete dynakube dk -n dynatrace',
      'kubectl apply -f dk.yaml',
    ]);
  });

  it('fires when switched off and lists the operator-made objects to delete', () => {
    const findings = runRule(
      rule,
      { 'dk.yaml': dynakube('false', cloudNative) },
      { 'dk.yaml': dynakube('true', cloudNative) },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('dk-fqdn-operator stays behind');
    expect(findings[0].fix?.commands).toEqual([
      'kubectl delete dynakube dk -n dynatrace',
      'kubectl apply -f dk.yaml',
      'kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n dynatrace --ignore-not-found dk-fqdn-operator dk-fqdn-oneagent dk-fqdn-activegate',
      'kubectl delete serviceentries.networking.istio.io -n dynatrace --ignore-not-found dk-ip-operator dk-ip-oneagent dk-ip-activegate',
    ]);
  });

  it('lists only the operator component for a DynaKube without injection or ActiveGate', () => {
    const findings = runRule(rule, { 'dk.yaml': dynakube(undefined) }, { 'dk.yaml': dynakube('yes') });
    expect(findings[0].fix?.commands?.slice(2)).toEqual([
      'kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n dynatrace --ignore-not-found dk-fqdn-operator',
      'kubectl delete serviceentries.networking.istio.io -n dynatrace --ignore-not-found dk-ip-operator',
    ]);
    expect(findings[0].origin.line).toBe(4);
  });

  it.each([
    ['unchanged on', dynakube('true'), dynakube('true')],
    ['unchanged off (explicit false vs absent)', dynakube('false'), dynakube(undefined)],
    ['other fields change', dynakube('true', cloudNative), dynakube('true')],
  ])('does not fire: %s', (_name, head, base) => {
    expect(runRule(rule, { 'dk.yaml': head }, { 'dk.yaml': base })).toHaveLength(0);
  });

  it('does not fire for a new DynaKube or without a base', () => {
    expect(runRule(rule, { 'dk.yaml': dynakube('true') }, {})).toHaveLength(0);
    expect(runRule(rule, { 'dk.yaml': dynakube('true') })).toHaveLength(0);
  });

  it('follows a DynaKube that moved to another file', () => {
    expect(
      runRule(rule, { 'new/dk.yaml': dynakube('true') }, { 'dk.yaml': dynakube(undefined) }),
    ).toHaveLength(1);
  });

  it('is a new warning in the engine report', () => {
    const findings = findingsOf(rule, { 'dk.yaml': dynakube('true') }, { 'dk.yaml': dynakube(undefined) });
    expect(findings.map((f) => [f.severity, f.status])).toEqual([['warning', 'new']]);
  });
});
