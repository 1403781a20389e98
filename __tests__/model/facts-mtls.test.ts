import { describe, expect, it } from '@jest/globals';
import { effectiveMtls } from '../../src/model/facts-mtls.js';
import { modelOf } from './helpers.js';

/** A PeerAuthentication file: `selector` as `key=value`, `port` as `number:MODE`. */
function policy(namespace: string, name: string, mode: string, selector?: string, port?: string): string[] {
  const lines = [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    `metadata: {name: ${name}, namespace: ${namespace}}`,
    'spec:',
    `  mtls: {mode: ${mode}}`,
  ];
  if (selector) lines.push(`  selector: {matchLabels: {${selector.replace('=', ': ')}}}`);
  if (port) lines.push(`  portLevelMtls: {"${port.split(':')[0]}": {mode: ${port.split(':')[1]}}}`);
  return lines;
}

const APP = { app: 'shop' };

describe('effectiveMtls: the narrowest PeerAuthentication wins', () => {
  const cases: [string, Record<string, string[]>, string, number | undefined, string, string][] = [
    ['no policy: PERMISSIVE by default', {}, 'shop', undefined, 'PERMISSIVE', 'default'],
    [
      'mesh-wide policy in the root namespace',
      { 'mesh.yaml': policy('istio-system', 'default', 'STRICT') },
      'shop',
      undefined,
      'STRICT',
      'mesh',
    ],
    [
      'the namespace overrides the mesh',
      {
        'mesh.yaml': policy('istio-system', 'default', 'STRICT'),
        'ns.yaml': policy('shop', 'default', 'PERMISSIVE'),
      },
      'shop',
      undefined,
      'PERMISSIVE',
      'namespace',
    ],
    [
      'UNSET in the namespace inherits the mesh',
      {
        'mesh.yaml': policy('istio-system', 'default', 'STRICT'),
        'ns.yaml': policy('shop', 'default', 'UNSET'),
      },
      'shop',
      undefined,
      'STRICT',
      'mesh',
    ],
    [
      'a workload policy that selects the pod overrides the namespace',
      {
        'ns.yaml': policy('shop', 'default', 'STRICT'),
        'app.yaml': policy('shop', 'app', 'DISABLE', 'app=shop'),
      },
      'shop',
      undefined,
      'DISABLE',
      'workload',
    ],
    [
      'a workload policy for other pods does not apply',
      {
        'ns.yaml': policy('shop', 'default', 'STRICT'),
        'app.yaml': policy('shop', 'other', 'DISABLE', 'app=cart'),
      },
      'shop',
      undefined,
      'STRICT',
      'namespace',
    ],
    [
      'a policy of another namespace does not apply',
      { 'ns.yaml': policy('cart', 'default', 'STRICT') },
      'shop',
      undefined,
      'PERMISSIVE',
      'default',
    ],
    [
      'port-level mTLS of the selecting policy wins for its port',
      { 'app.yaml': policy('shop', 'app', 'STRICT', 'app=shop', '9090:PERMISSIVE') },
      'shop',
      9090,
      'PERMISSIVE',
      'port',
    ],
    [
      'port-level mTLS does not apply to other ports',
      { 'app.yaml': policy('shop', 'app', 'STRICT', 'app=shop', '9090:PERMISSIVE') },
      'shop',
      8080,
      'STRICT',
      'workload',
    ],
    [
      'a policy with a selector in the root namespace is ignored',
      { 'root.yaml': policy('istio-system', 'app', 'STRICT', 'app=shop') },
      'istio-system',
      undefined,
      'PERMISSIVE',
      'default',
    ],
    // The CRD's mode enum is case-sensitive: the API server rejects `strict`, so it decides nothing.
    [
      'a lower-case mode is no mode',
      { 'ns.yaml': policy('shop', 'default', 'strict') },
      'shop',
      undefined,
      'PERMISSIVE',
      'default',
    ],
    [
      'a lower-case port-level mode inherits the workload mode',
      { 'app.yaml': policy('shop', 'app', 'PERMISSIVE', 'app=shop', '8080:strict') },
      'shop',
      8080,
      'PERMISSIVE',
      'workload',
    ],
    [
      'of two namespace-wide policies the first one read',
      {
        'a.yaml': policy('shop', 'first', 'DISABLE'),
        'b.yaml': policy('shop', 'second', 'STRICT'),
      },
      'shop',
      undefined,
      'DISABLE',
      'namespace',
    ],
  ];

  it.each(cases)('%s', (_name, tree, namespace, port, mode, scope) => {
    const result = effectiveMtls(modelOf(tree), namespace, APP, port);
    expect({ value: result.value, scope: result.scope }).toEqual({ value: mode, scope });
  });

  it('names the deciding policy and its line', () => {
    const result = effectiveMtls(modelOf({ 'ns.yaml': policy('shop', 'default', 'STRICT') }), 'shop', APP);
    expect(result).toMatchObject({
      policy: 'PeerAuthentication shop/default',
      origin: { file: 'ns.yaml', line: 5 },
    });
  });

  it('sees a policy added to the model after an earlier answer', () => {
    const model = modelOf({ 'mesh.yaml': policy('istio-system', 'default', 'PERMISSIVE') });
    expect(effectiveMtls(model, 'shop', APP).value).toBe('PERMISSIVE');
    const strict = modelOf({ 'ns.yaml': policy('shop', 'default', 'STRICT') }).peerAuthentications[0];
    model.peerAuthentications.push(strict);
    expect(effectiveMtls(model, 'shop', APP)).toMatchObject({ value: 'STRICT', scope: 'namespace' });
  });
});

// The istiod chart renders `rootNamespace` as meshConfig.rootNamespace, else global.istioNamespace
// (manifests/charts/istio-control/istio-discovery/templates/configmap.yaml, 1.20 to 1.28); IstioOperator renders the
// same chart from spec.values, and Sail sets global.istioNamespace to spec.namespace (sail-operator
// pkg/istiovalues/overrides.go). ComposePeerAuthentication (pilot/pkg/security/authn/policy_applier.go) takes a
// selector-less policy in the root namespace as the mesh-wide one.
describe('effectiveMtls: the mesh-wide policy lives in the root namespace the install renders', () => {
  const meshPolicy = policy('istio-config', 'default', 'STRICT');
  const istiodValues = (lines: string[]) =>
    modelOf({ 'istiod.yaml': lines, 'mesh.yaml': meshPolicy }, { charts: { istiod: ['istiod.yaml'] } });
  const operator = (values: string[]) =>
    modelOf({
      'iop.yaml': [
        'apiVersion: install.istio.io/v1alpha1',
        'kind: IstioOperator',
        'metadata: {name: control-plane, namespace: istio-config}',
        'spec:',
        '  values:',
        ...values.map((line) => `    ${line}`),
      ],
      'mesh.yaml': meshPolicy,
    });
  const sail = (spec: string[]) =>
    modelOf({
      'istio.yaml': [
        'apiVersion: sailoperator.io/v1',
        'kind: Istio',
        'metadata: {name: default}',
        'spec:',
        ...spec,
      ],
      'mesh.yaml': meshPolicy,
    });

  it.each([
    [
      'istiod values global.istioNamespace',
      istiodValues(['global:', '  istioNamespace: istio-config']),
      'STRICT',
    ],
    [
      'istiod values meshConfig.rootNamespace wins over global.istioNamespace',
      istiodValues(['global: {istioNamespace: istio-config}', 'meshConfig: {rootNamespace: istio-system}']),
      'PERMISSIVE',
    ],
    [
      'IstioOperator spec.values.global.istioNamespace',
      operator(['global: {istioNamespace: istio-config}']),
      'STRICT',
    ],
    ['Sail Istio spec.namespace', sail(['  namespace: istio-config']), 'STRICT'],
    ['Sail Istio in the default namespace', sail(['  version: v1.26.0']), 'PERMISSIVE'],
  ])('%s', (_name, model, mode) => {
    expect(effectiveMtls(model, 'shop', APP).value).toBe(mode);
  });

  it('points at the line that names the root namespace', () => {
    const model = sail(['  version: v1.26.0', '  namespace: istio-config']);
    expect(model.meshConfigs[0].rootNamespace).toMatchObject({
      value: 'istio-config',
      origin: { file: 'istio.yaml', line: 6 },
    });
  });
});
