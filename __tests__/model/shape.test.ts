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
