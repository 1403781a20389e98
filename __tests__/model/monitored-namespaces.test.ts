import { describe, expect, it } from '@jest/globals';
import { isMonitoredNamespace, monitoredNamespaces } from '../../src/model/monitored-namespaces.js';
import { modelOf } from './helpers.js';

/** Namespaces with their labels, one document each. */
function namespaces(entries: Record<string, Record<string, string>>): string[] {
  return Object.entries(entries).flatMap(([name, labels]) => [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    ...(Object.keys(labels).length > 0
      ? ['  labels:', ...Object.entries(labels).map(([key, value]) => `    ${key}: "${value}"`)]
      : []),
    '---',
  ]);
}

interface DynaKubeOptions {
  namespace?: string;
  mode?: string;
  /** Lines of `namespaceSelector`, under the mode. */
  selector?: string[];
  /** The `feature.dynatrace.com/ignored-namespaces` annotation, as written. */
  ignored?: string;
}

function dynakube({
  namespace = 'dynatrace',
  mode = 'cloudNativeFullStack',
  selector,
  ignored,
}: DynaKubeOptions) {
  return [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata:',
    '  name: dk',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    ...(ignored === undefined
      ? []
      : ['  annotations:', `    feature.dynatrace.com/ignored-namespaces: '${ignored}'`]),
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    // A mode without fields is written `{}`: `mode:` alone is null, which the operator reads as the mode off.
    `    ${mode}:${selector ? '' : ' {}'}`,
    ...(selector ? ['      namespaceSelector:', ...selector.map((line) => `        ${line}`)] : []),
  ];
}

/** The Dynatrace Operator installed by its chart into `namespace`. */
function operatorRelease(namespace: string): string[] {
  return [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    `metadata: {name: dynatrace-operator, namespace: ${namespace}}`,
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: dynatrace-operator',
  ];
}

const EVERY_KIND = namespaces({
  shop: { team: 'shop' },
  payments: { team: 'payments', 'istio-injection': 'enabled' },
  'istio-system': {},
  dynatrace: {},
  'kube-system': {},
  'kube-public': {},
  openshift: {},
  'openshift-monitoring': {},
  openshiftlab: {},
  'gke-managed-system': {},
  'gmp-public': {},
  'team-kube-tools': {},
});

/** A name far longer than Kubernetes allows, as a mutated or generated file can hold. */
const LONG_NAME = 'x.'.repeat(30_000);

describe('monitoredNamespaces', () => {
  const cases: { name: string; tree: Record<string, string[]>; monitored: string[] }[] = [
    {
      // dynatrace-consumers, cni-csi-deadlock and the egress map ended the openshift pattern with `$`; the operator's
      // `^openshift(-.*)?` is matched unanchored (`regexp.MatchString`), so `openshiftlab` is ignored too.
      name: 'no selector: every declared namespace except the ignore list, sorted by name',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({}) },
      monitored: ['istio-system', 'payments', 'shop', 'team-kube-tools'],
    },
    {
      name: 'an empty selector selects every namespace as well',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ selector: ['{}'] }) },
      monitored: ['istio-system', 'payments', 'shop', 'team-kube-tools'],
    },
    {
      name: 'matchLabels',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ selector: ['matchLabels:', '  team: shop'] }) },
      monitored: ['shop'],
    },
    {
      name: 'matchExpressions In',
      tree: {
        'ns.yaml': EVERY_KIND,
        'dk.yaml': dynakube({
          selector: ['matchExpressions:', '  - {key: team, operator: In, values: [shop, payments]}'],
        }),
      },
      monitored: ['payments', 'shop'],
    },
    {
      name: 'matchExpressions NotIn also selects namespaces without the label',
      tree: {
        'ns.yaml': EVERY_KIND,
        'dk.yaml': dynakube({
          selector: ['matchExpressions:', '  - {key: team, operator: NotIn, values: [shop]}'],
        }),
      },
      monitored: ['istio-system', 'payments', 'team-kube-tools'],
    },
    {
      name: 'matchExpressions Exists and DoesNotExist',
      tree: {
        'ns.yaml': EVERY_KIND,
        'dk.yaml': dynakube({
          selector: [
            'matchExpressions:',
            '  - {key: team, operator: Exists}',
            '  - {key: istio-injection, operator: DoesNotExist}',
          ],
        }),
      },
      monitored: ['shop'],
    },
    {
      // The selector reader dropped the misspelt requirement, so the selector read as "everything".
      name: 'a matchExpressions operator Kubernetes does not know selects nothing',
      tree: {
        'ns.yaml': EVERY_KIND,
        'dk.yaml': dynakube({
          selector: ['matchExpressions:', '  - {key: team, operator: Equals, values: [shop]}'],
        }),
      },
      monitored: [],
    },
    {
      name: 'kubernetes.io/metadata.name, which Kubernetes puts on every namespace',
      tree: {
        'ns.yaml': EVERY_KIND,
        'dk.yaml': dynakube({ selector: ['matchLabels:', '  kubernetes.io/metadata.name: istio-system'] }),
      },
      monitored: ['istio-system'],
    },
    {
      // enable-istio-required counted the namespaces a hostMonitoring or classicFullStack DynaKube selects.
      name: 'hostMonitoring injects no code modules',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ mode: 'hostMonitoring' }) },
      monitored: [],
    },
    {
      name: 'classicFullStack injects no code modules',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ mode: 'classicFullStack' }) },
      monitored: [],
    },
    {
      name: 'applicationMonitoring injects code modules',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ mode: 'applicationMonitoring' }) },
      monitored: ['istio-system', 'payments', 'shop', 'team-kube-tools'],
    },
    {
      // The egress map ignored the operator install's namespace (`dynatrace`) instead: the default list's first
      // pattern is `^<DynaKube namespace>$`.
      name: "the DynaKube's own namespace is ignored, not the operator install's",
      tree: {
        'ns.yaml': namespaces({ dynatrace: {}, 'dynatrace-prod': {}, shop: {} }),
        'op.yaml': operatorRelease('dynatrace'),
        'dk.yaml': dynakube({ namespace: 'dynatrace-prod' }),
      },
      monitored: ['dynatrace', 'shop'],
    },
    {
      // enable-istio-required took `dynatrace` for a DynaKube without namespace; the DynaKube lives where the
      // operator does.
      name: 'a DynaKube without namespace lives with the operator, whose namespace is ignored',
      tree: {
        'ns.yaml': namespaces({ dynatrace: {}, 'dt-operator': {}, shop: {} }),
        'op.yaml': operatorRelease('dt-operator'),
        'dk.yaml': dynakube({ namespace: '' }),
      },
      monitored: ['dynatrace', 'shop'],
    },
    {
      name: 'feature.dynatrace.com/ignored-namespaces replaces the default list',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ ignored: '["^shop$", "^istio-.*"]' }) },
      monitored: [
        'dynatrace',
        'gke-managed-system',
        'gmp-public',
        'kube-public',
        'kube-system',
        'openshift',
        'openshift-monitoring',
        'openshiftlab',
        'payments',
        'team-kube-tools',
      ],
    },
    {
      // The default list's `^<namespace>$` was built from the DynaKube's namespace as read: a name of 60,000
      // characters made a pattern too large to run, and the run crashed (found by the mutation fuzzer).
      name: 'a DynaKube namespace of any length is compared as a name, not run as a pattern',
      tree: {
        'ns.yaml': namespaces({ shop: {}, [LONG_NAME]: {} }),
        'dk.yaml': dynakube({ namespace: LONG_NAME }),
      },
      monitored: ['shop'],
    },
    {
      name: 'a dot in the DynaKube namespace matches only a dot',
      tree: {
        'ns.yaml': namespaces({ 'dyna.trace': {}, dynaxtrace: {} }),
        'dk.yaml': dynakube({ namespace: 'dyna.trace' }),
      },
      monitored: ['dynaxtrace'],
    },
    {
      name: 'an ignored-namespaces pattern too large to run matches nothing, like one that does not compile',
      tree: {
        'ns.yaml': namespaces({ shop: {}, payments: {} }),
        'dk.yaml': dynakube({ ignored: JSON.stringify([`^${'a'.repeat(70_000)}$`, '^shop$', '(']) }),
      },
      monitored: ['payments'],
    },
    {
      name: 'an ignored-namespaces flag that is not a JSON list of strings leaves the default list',
      tree: { 'ns.yaml': EVERY_KIND, 'dk.yaml': dynakube({ ignored: '^shop$' }) },
      monitored: ['istio-system', 'payments', 'shop', 'team-kube-tools'],
    },
  ];

  it.each(cases)('$name', ({ tree, monitored }) => {
    const model = modelOf(tree);
    expect(monitoredNamespaces(model, model.dynakubes[0])).toEqual(monitored);
  });
});

describe('isMonitoredNamespace', () => {
  it('answers for a namespace the repository does not declare, by its name label alone', () => {
    const model = modelOf({ 'dk.yaml': dynakube({}) });
    const [dk] = model.dynakubes;
    expect(isMonitoredNamespace(model, dk, 'istio-cni')).toBe(true);
    expect(isMonitoredNamespace(model, dk, 'kube-system')).toBe(false);
    expect(isMonitoredNamespace(model, dk, 'dynatrace')).toBe(false);
  });
});
