import { describe, expect, it } from '@jest/globals';
import { lineOf, modelOf } from './helpers.js';

const namespace = [
  'apiVersion: v1',
  'kind: Namespace',
  'metadata:',
  '  name: shop',
  '  labels:',
  '    istio-injection: true',
  '    team: shop',
  '    tier: 2',
  '  annotations:',
  '    owner:',
];

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: cart, namespace: shop}',
  'spec:',
  '  template:',
  '    metadata:',
  '      labels: {app: cart, version: 1}',
  '      annotations:',
  '        sidecar.istio.io/inject: false',
  '    spec:',
  '      containers: [{name: cart, image: cart}]',
];

const cronJob = [
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata: {name: report, namespace: shop}',
  'spec:',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        metadata:',
  '          labels:',
  '            sidecar.istio.io/inject: false',
];

describe('label and annotation values that are not strings', () => {
  it('notes each unquoted key of an object with its line and how to quote it', () => {
    const model = modelOf({ 'ns.yaml': namespace });
    expect(model.notEvaluable).toEqual([
      {
        file: 'ns.yaml',
        line: lineOf(namespace, 'istio-injection'),
        reason:
          'Namespace shop: metadata.labels.istio-injection is the boolean true, not a string; label and annotation ' +
          'values must be strings, so the API server rejects the object and the rules do not read it. ' +
          'Quote it: `istio-injection: "true"`',
      },
      {
        file: 'ns.yaml',
        line: lineOf(namespace, 'tier'),
        reason: expect.stringMatching(
          /^Namespace shop: metadata\.labels\.tier is the number 2, .* `tier: "2"`$/,
        ),
      },
      {
        file: 'ns.yaml',
        line: lineOf(namespace, 'owner'),
        reason: expect.stringMatching(
          /^Namespace shop: metadata\.annotations\.owner is null, .* `owner: ""`$/,
        ),
      },
    ]);
  });

  it('does not read an unquoted value as a label the cluster sees', () => {
    const shop = modelOf({ 'ns.yaml': namespace }).namespaces.get('shop');
    expect(shop?.labels).toEqual({ team: 'shop' });
  });

  it("notes the pod template's labels and annotations of workloads, and leaves them out of the pod", () => {
    const model = modelOf({ 'deploy.yaml': deployment, 'cron.yaml': cronJob });
    expect(model.notEvaluable.map(({ file, line, reason }) => [file, line, reason.split(' is ')[0]])).toEqual(
      [
        [
          'deploy.yaml',
          lineOf(deployment, 'version: 1'),
          'Deployment cart: spec.template.metadata.labels.version',
        ],
        [
          'deploy.yaml',
          lineOf(deployment, 'sidecar.istio.io/inject'),
          'Deployment cart: spec.template.metadata.annotations.sidecar.istio.io/inject',
        ],
        [
          'cron.yaml',
          lineOf(cronJob, 'sidecar.istio.io/inject'),
          'CronJob report: spec.jobTemplate.spec.template.metadata.labels.sidecar.istio.io/inject',
        ],
      ],
    );
    const cart = model.workloads.find((workload) => workload.name === 'cart');
    expect(cart?.podLabels).toEqual({ app: 'cart' });
    expect(cart?.podAnnotations).toEqual({});
  });

  it('notes nothing for quoted values, nor for Helm values files, which templates render', () => {
    const quoted = namespace.map((line) =>
      line.replace(': true', ': "true"').replace(': 2', ': "2"').replace('owner:', 'owner: ""'),
    );
    const values = ['podAnnotations:', '  sidecar.istio.io/inject: false', 'podLabels: {version: 1}'];
    expect(modelOf({ 'ns.yaml': quoted, 'charts/app/values.yaml': values }).notEvaluable).toEqual([]);
  });
});

describe('selector and ActiveGate label values that are not strings', () => {
  const dynakube = [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata: {name: dk, namespace: dynatrace}',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    '    cloudNativeFullStack:',
    '      namespaceSelector:',
    '        matchLabels:',
    '          istio-injection: true',
    '          team: shop',
    '        matchExpressions:',
    '          - key: tier',
    '            operator: In',
    '            values: [web, 2]',
    '  activeGate:',
    '    capabilities: [routing]',
    '    labels:',
    '      sidecar.istio.io/inject: true',
    '      app: ag',
    '    annotations:',
    '      proxy.istio.io/config: ok',
    '      sidecar.istio.io/rewriteAppHTTPProbers: false',
  ];
  const v1beta1 = [
    'apiVersion: dynatrace.com/v1beta1',
    'kind: DynaKube',
    'metadata: {name: legacy, namespace: dynatrace}',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  namespaceSelector:',
    '    matchLabels: {monitor: 1}',
    '  oneAgent:',
    '    applicationMonitoring: {}',
  ];
  const sidecar = [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata: {name: egress, namespace: shop}',
    'spec:',
    '  workloadSelector:',
    '    labels:',
    '      app: cart',
    '      canary: false',
    '  outboundTrafficPolicy: {mode: REGISTRY_ONLY}',
  ];
  const peerAuthentication = [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata: {name: strict, namespace: shop}',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: cart',
    '      version: 2',
    '  mtls: {mode: STRICT}',
  ];
  const tree = {
    'dk.yaml': dynakube,
    'legacy.yaml': v1beta1,
    'sc.yaml': sidecar,
    'pa.yaml': peerAuthentication,
  };

  it('notes each unquoted value at its line, saying to quote it', () => {
    const notes = modelOf(tree).notEvaluable.map(({ file, line, reason }) => [file, line, reason]);
    expect(notes).toEqual([
      [
        'dk.yaml',
        lineOf(dynakube, 'istio-injection'),
        'DynaKube dk: spec.oneAgent.cloudNativeFullStack.namespaceSelector.matchLabels.istio-injection is the ' +
          'boolean true, not a string; label selector values must be strings, so the API server rejects the object ' +
          'and the rules do not read it. Quote it: `istio-injection: "true"`',
      ],
      [
        'dk.yaml',
        lineOf(dynakube, 'sidecar.istio.io/inject'),
        expect.stringMatching(
          /^DynaKube dk: spec\.activeGate\.labels\.sidecar\.istio\.io\/inject is the boolean true, not a string; label and annotation values must be strings, .* `sidecar\.istio\.io\/inject: "true"`$/,
        ),
      ],
      [
        'dk.yaml',
        lineOf(dynakube, 'rewriteAppHTTPProbers'),
        expect.stringMatching(/^DynaKube dk: spec\.activeGate\.annotations\.sidecar\.istio\.io\/rewrite/),
      ],
      [
        'dk.yaml',
        lineOf(dynakube, 'values: [web, 2]'),
        'DynaKube dk: spec.oneAgent.cloudNativeFullStack.namespaceSelector.matchExpressions[0].values[1] is the ' +
          'number 2, not a string; label selector values must be strings, so the API server rejects the object and ' +
          'the rules do not read it. Quote it: `"2"`',
      ],
      [
        'legacy.yaml',
        lineOf(v1beta1, 'monitor: 1'),
        expect.stringMatching(
          /^DynaKube legacy: spec\.namespaceSelector\.matchLabels\.monitor is the number 1, .* `monitor: "1"`$/,
        ),
      ],
      [
        'sc.yaml',
        lineOf(sidecar, 'canary'),
        expect.stringMatching(
          /^Sidecar egress: spec\.workloadSelector\.labels\.canary is the boolean false, .* `canary: "false"`$/,
        ),
      ],
      [
        'pa.yaml',
        lineOf(peerAuthentication, 'version'),
        expect.stringMatching(
          /^PeerAuthentication strict: spec\.selector\.matchLabels\.version is the number 2, .* `version: "2"`$/,
        ),
      ],
    ]);
  });

  it('does not read the unquoted values, as for labels', () => {
    const model = modelOf(tree);
    const [dk, legacy] = model.dynakubes;
    expect(dk.namespaceSelector?.value).toEqual({
      matchLabels: { team: 'shop' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }],
    });
    expect(legacy.namespaceSelector?.value).toEqual({ matchLabels: {} });
    expect(dk.activeGate?.labels).toEqual({ app: 'ag' });
    expect(dk.activeGate?.annotations).toEqual({ 'proxy.istio.io/config': 'ok' });
    expect(model.sidecars[0].workloadSelector).toEqual({ app: 'cart' });
    expect(model.peerAuthentications[0].selector).toEqual({ app: 'cart' });
  });

  it('notes nothing when the values are quoted', () => {
    const quote = (lines: string[]) =>
      lines.map((line) =>
        line
          .replace(/: (true|false|1|2)$/, ': "$1"')
          .replace('{monitor: 1}', '{monitor: "1"}')
          .replace('[web, 2]', '[web, "2"]'),
      );
    const quoted = {
      'dk.yaml': quote(dynakube),
      'legacy.yaml': quote(v1beta1),
      'sc.yaml': quote(sidecar),
      'pa.yaml': quote(peerAuthentication),
    };
    expect(modelOf(quoted).notEvaluable).toEqual([]);
  });
});

// The Istio CRDs' openAPIV3Schema enums (PeerAuthentication spec.mtls.mode, Sidecar
// spec.outboundTrafficPolicy.mode) are matched as written by the API server, so a lower-case mode is rejected.
describe('Istio modes that are not one of the CRD enum names as written', () => {
  const peerAuthentication = [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata: {name: default, namespace: istio-system}',
    'spec:',
    '  mtls: {mode: strict}',
  ];
  const sidecar = [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata: {name: default, namespace: istio-system}',
    'spec:',
    '  outboundTrafficPolicy:',
    '    mode: registry_only',
  ];

  it('notes each at its line, and the model reads no mode from it', () => {
    const model = modelOf({ 'pa.yaml': peerAuthentication, 'sc.yaml': sidecar });
    expect(model.notEvaluable).toEqual([
      {
        file: 'pa.yaml',
        line: 5,
        reason:
          'PeerAuthentication default: spec.mtls.mode is the string "strict", not one of UNSET, DISABLE, PERMISSIVE, STRICT (as written, upper case); the API server rejects it and the rules cannot read it',
      },
      {
        file: 'sc.yaml',
        line: 6,
        reason:
          'Sidecar default: spec.outboundTrafficPolicy.mode is the string "registry_only", not one of REGISTRY_ONLY, ALLOW_ANY (as written, upper case); the API server rejects it and the rules cannot read it',
      },
    ]);
    expect(model.sidecars[0].outboundPolicy?.value).not.toBe('REGISTRY_ONLY');
  });

  it('notes nothing for the names as written', () => {
    const model = modelOf({
      'pa.yaml': peerAuthentication.map((line) => line.replace('strict', 'STRICT')),
      'sc.yaml': sidecar.map((line) => line.replace('registry_only', 'REGISTRY_ONLY')),
    });
    expect(model.notEvaluable).toEqual([]);
  });
});
