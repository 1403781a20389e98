import { describe, expect, it } from '@jest/globals';
import { podMeshMembership } from '../../src/model/facts-dataplane.js';
import { modelOf } from './helpers.js';

/** A model with namespace `apps` labelled `labels` (none: the namespace is not declared). */
function namespaceModel(labels?: Record<string, string>) {
  if (!labels) return modelOf({});
  const lines = Object.entries(labels).map(([key, value]) => `    ${key}: "${value}"`);
  return modelOf({
    'ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', '  labels:', ...lines],
  });
}

const pod = (labels: Record<string, string> = {}, annotations: Record<string, string> = {}) => ({
  namespace: 'apps',
  labels,
  annotations,
  hostNetwork: false,
});

const INJECT = 'sidecar.istio.io/inject';

// Istio's injection webhooks: the MutatingWebhookConfiguration's selectors decide whether the injector is asked at
// all (label values matched exactly), then `injectRequired` reads the pod's word (label over annotation): "y", "yes",
// "true", "on" in any case inject, any other non-empty value keeps the sidecar out, an empty one takes the default.
describe('podMeshMembership: sidecar injection', () => {
  it.each([
    ['istio-injection=enabled, no word from the pod', { 'istio-injection': 'enabled' }, pod(), 'sidecar'],
    [
      'istio-injection=enabled, pod label "false"',
      { 'istio-injection': 'enabled' },
      pod({ [INJECT]: 'false' }),
      undefined,
    ],
    [
      'istio-injection=enabled, pod label "no"',
      { 'istio-injection': 'enabled' },
      pod({ [INJECT]: 'no' }),
      undefined,
    ],
    [
      'istio-injection=enabled, pod label "off"',
      { 'istio-injection': 'enabled' },
      pod({ [INJECT]: 'off' }),
      undefined,
    ],
    [
      'istio-injection=enabled, pod annotation "disabled"',
      { 'istio-injection': 'enabled' },
      pod({}, { [INJECT]: 'disabled' }),
      undefined,
    ],
    [
      'istio-injection=enabled, pod label "Yes"',
      { 'istio-injection': 'enabled' },
      pod({ [INJECT]: 'Yes' }),
      'sidecar',
    ],
    [
      'istio-injection=enabled, empty pod label takes the default',
      { 'istio-injection': 'enabled' },
      pod({ [INJECT]: '' }),
      'sidecar',
    ],
    [
      'label wins over annotation',
      { 'istio-injection': 'enabled' },
      pod({ [INJECT]: 'true' }, { [INJECT]: 'false' }),
      'sidecar',
    ],
    [
      'istio.io/rev namespace, pod label "n"',
      { 'istio.io/rev': 'canary' },
      pod({ [INJECT]: 'n' }),
      undefined,
    ],
    ['istio.io/rev namespace, no word from the pod', { 'istio.io/rev': 'canary' }, pod(), 'sidecar'],
    ['unlabelled namespace, pod label "true"', {}, pod({ [INJECT]: 'true' }), 'sidecar'],
    // The object selector of the namespace-less webhook is `sidecar.istio.io/inject In [true]`: exact.
    [
      'unlabelled namespace, pod label "True" does not reach the injector',
      {},
      pod({ [INJECT]: 'True' }),
      undefined,
    ],
    [
      'unlabelled namespace, pod annotation "true" does not reach the injector',
      {},
      pod({}, { [INJECT]: 'true' }),
      undefined,
    ],
    [
      'unlabelled namespace, pod istio.io/rev, label "no"',
      {},
      pod({ 'istio.io/rev': 'canary', [INJECT]: 'no' }),
      undefined,
    ],
    ['unlabelled namespace, pod istio.io/rev', {}, pod({ 'istio.io/rev': 'canary' }), 'sidecar'],
  ])('%s', (_name, nsLabels, shape, mode) => {
    expect(podMeshMembership(namespaceModel(nsLabels), shape)?.mode).toBe(mode);
  });
});

// The istiod chart writes `global.proxy.autoInject` as the injector's `policy` (istiod-injector-configmap.yaml);
// `injectRequired` (pkg/kube/inject/inject.go) injects a pod that says nothing only under `enabled`, its default.
describe('podMeshMembership: the injector policy global.proxy.autoInject', () => {
  const namespace = (labels: string) =>
    ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', `  labels: {${labels}}`].join('\n');
  const istiod = (autoInject?: string) =>
    autoInject ? ['global:', '  proxy:', `    autoInject: ${autoInject}`] : ['meshConfig: {}'];
  const operator = [
    'apiVersion: install.istio.io/v1alpha1',
    'kind: IstioOperator',
    'metadata: {name: control-plane, namespace: istio-system}',
    'spec:',
    '  values: {global: {proxy: {autoInject: disabled}}}',
  ];

  it.each([
    [
      'disabled, namespace istio-injection=enabled, no word',
      'disabled',
      'istio-injection: enabled',
      pod(),
      undefined,
    ],
    ['disabled, namespace istio.io/rev, no word', 'disabled', 'istio.io/rev: canary', pod(), undefined],
    [
      'disabled, unlabelled namespace, pod istio.io/rev',
      'disabled',
      'team: a',
      pod({ 'istio.io/rev': 'canary' }),
      undefined,
    ],
    [
      'disabled, namespace enabled, pod label "true"',
      'disabled',
      'istio-injection: enabled',
      pod({ [INJECT]: 'true' }),
      'sidecar',
    ],
    ['the chart default (enabled)', undefined, 'istio-injection: enabled', pod(), 'sidecar'],
    ['enabled, written', 'enabled', 'istio-injection: enabled', pod(), 'sidecar'],
  ])('%s', (_name, autoInject, nsLabels, shape, mode) => {
    const model = modelOf(
      { 'ns.yaml': namespace(nsLabels), 'istiod.yaml': istiod(autoInject) },
      { charts: { istiod: ['istiod.yaml'] } },
    );
    expect(podMeshMembership(model, shape)?.mode).toBe(mode);
  });

  it('reads IstioOperator spec.values; one install left at the default keeps injection on', () => {
    const nsEnabled = namespace('istio-injection: enabled');
    expect(podMeshMembership(modelOf({ 'ns.yaml': nsEnabled, 'iop.yaml': operator }), pod())).toBeUndefined();
    const both = modelOf(
      { 'ns.yaml': nsEnabled, 'iop.yaml': operator, 'istiod.yaml': istiod() },
      { charts: { istiod: ['istiod.yaml'] } },
    );
    expect(podMeshMembership(both, pod())?.mode).toBe('sidecar');
  });
});

// sidecarInjectorWebhook.enableNamespacesByDefault adds the `auto.` webhook (mutatingwebhook.yaml): pods of namespaces
// with neither istio-injection nor istio.io/rev, themselves without sidecar.istio.io/inject or istio.io/rev labels.
describe('podMeshMembership: enableNamespacesByDefault', () => {
  const byDefault = (labels = '') =>
    modelOf({
      'istiod.yaml': ['sidecarInjectorWebhook:', '  enableNamespacesByDefault: true'],
      'ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', `  labels: {${labels}}`],
    });

  it.each([
    ['an unlabelled namespace, no word from the pod', byDefault(), pod(), 'sidecar'],
    [
      'an unlabelled namespace, pod annotation "false"',
      byDefault(),
      pod({}, { [INJECT]: 'false' }),
      undefined,
    ],
    ['an unlabelled namespace, pod label "false"', byDefault(), pod({ [INJECT]: 'false' }), undefined],
    ['istio-injection=disabled', byDefault('istio-injection: disabled'), pod(), undefined],
    ['without enableNamespacesByDefault', namespaceModel({ team: 'a' }), pod(), undefined],
  ])('%s', (_name, model, shape, mode) => {
    expect(podMeshMembership(model, shape)?.mode).toBe(mode);
  });
});
