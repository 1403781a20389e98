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
