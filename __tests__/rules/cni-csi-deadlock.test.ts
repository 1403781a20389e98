import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cniCsiDeadlock as rule } from '../../src/rules/cni-csi-deadlock.js';
import { applyFixes, appOnlyDynaKube, modelOf, runRule, yaml, type Tree } from './harness.js';

const dynakube = (mode: string, selector = '') =>
  yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    oneAgent:
      ${mode}:
        image: ""
` + selector;

const cniRelease = (namespace: string, values = '') =>
  yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: istio-cni
    namespace: ${namespace}
  spec:
    chart:
      spec:
        chart: cni
    values:
      profile: default
` + values;

/** A cni chart release pinned to `version`, with `values` as written (indented for `spec.values`). */
const pinnedCniRelease = (version: string, values: string) =>
  yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: istio-cni
    namespace: istio-system
  spec:
    chart:
      spec:
        chart: cni
        version: "${version}"
    values:
` + values;

const flatOptOut = '    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n';
const legacyOptOut = '    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n';

/** A Sail IstioCNI on 1.28, with `values` (indented for `spec.values`) when given. */
const sailCni = (values = '') =>
  yaml`
  apiVersion: sailoperator.io/v1
  kind: IstioCNI
  metadata:
    name: default
  spec:
    version: v1.28.0
    namespace: istio-cni
` + (values ? `  values:\n${values}` : '');

const operator = (values: string) =>
  yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: dynatrace-operator
    namespace: dynatrace
  spec:
    chart:
      spec:
        chart: dynatrace-operator
    values:
` + values;

const injectedOperatorNamespace =
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n  labels:\n    istio-injection: enabled\n';

const istioOperator = (annotations: string) =>
  yaml`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata:
    name: iop
    namespace: istio-system
  spec:
    components:
      cni:
        enabled: true
    values:
      cni:
        cniBinDir: /opt/cni/bin
` + annotations;

const excludeSelector =
  '      namespaceSelector:\n        matchExpressions:\n          - key: kubernetes.io/metadata.name\n            operator: NotIn\n            values: [istio-system]\n';

/** A cloudNativeFullStack DynaKube with `feature.dynatrace.com/automatic-injection` set to `value` (as written). */
const withAutomaticInjection = (value: string) =>
  dynakube('cloudNativeFullStack').replace(
    '  namespace: dynatrace\n',
    `  namespace: dynatrace\n  annotations:\n    feature.dynatrace.com/automatic-injection: ${value}\n`,
  );

const cases: { name: string; tree: Tree; severity?: 'error' | 'warning' }[] = [
  {
    name: 'cloudNativeFullStack can inject the CNI pods',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': cniRelease('istio-system') },
    severity: 'warning',
  },
  {
    name: 'applicationMonitoring can inject the CNI pods',
    tree: { 'dk.yaml': dynakube('applicationMonitoring'), 'cni.yaml': cniRelease('istio-system') },
    severity: 'warning',
  },
  {
    name: 'the operator namespace is in the mesh: deadlock',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system'),
      'ns.yaml': injectedOperatorNamespace,
    },
    severity: 'error',
  },
  {
    name: 'csidriver.labels opt the CSI pods into the mesh',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system'),
      'op.yaml': operator('      csidriver:\n        labels:\n          sidecar.istio.io/inject: "true"\n'),
    },
    severity: 'error',
  },
  {
    name: 'IstioOperator with components.cni.enabled',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'iop.yaml': istioOperator('') },
    severity: 'warning',
  },
  {
    name: 'annotation present (flat layout)',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease(
        'istio-system',
        '    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n',
      ),
    },
  },
  {
    name: 'annotation present (legacy cni. layout)',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease(
        'istio-system',
        '    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n',
      ),
    },
  },
  {
    name: 'annotation in IstioOperator values.cni.podAnnotations',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'iop.yaml': istioOperator('      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n'),
    },
  },
  {
    name: 'classicFullStack does not inject code modules',
    tree: { 'dk.yaml': dynakube('classicFullStack'), 'cni.yaml': cniRelease('istio-system') },
  },
  {
    name: 'hostMonitoring does not inject code modules',
    tree: { 'dk.yaml': dynakube('hostMonitoring'), 'cni.yaml': cniRelease('istio-system') },
  },
  {
    name: 'CNI in kube-system, which the operator ignores',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': cniRelease('kube-system') },
  },
  {
    name: 'CNI in kube-system with a DynaKube whose ignored-namespaces flag drops kube-*',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack').replace(
        '  namespace: dynatrace\n',
        '  namespace: dynatrace\n  annotations:\n    feature.dynatrace.com/ignored-namespaces: \'["^dynatrace$"]\'\n',
      ),
      'cni.yaml': cniRelease('kube-system'),
    },
    severity: 'warning',
  },
  {
    name: 'namespaceSelector excludes the CNI namespace',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack', excludeSelector),
      'cni.yaml': cniRelease('istio-system'),
    },
  },
  {
    name: 'CSI driver disabled',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system'),
      'op.yaml': operator('      csidriver:\n        enabled: false\n'),
    },
  },
  {
    // modules.json `csiDriver` is false: new pods get an emptyDir, the CSI driver only cleans up (chart 1.10 on).
    name: 'CSI driver in migration mode',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system'),
      'op.yaml': operator('      csidriver:\n        migrationMode: true\n'),
    },
  },
  { name: 'no CNI', tree: { 'dk.yaml': dynakube('cloudNativeFullStack') } },
  {
    name: 'cni chart 1.20 reads only cni.podAnnotations: a flat podAnnotations opt-out does not count',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': pinnedCniRelease('1.20.3', flatOptOut) },
    severity: 'warning',
  },
  {
    name: 'cni chart 1.23 (defaults.cni layout) still reads only cni.podAnnotations',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': pinnedCniRelease('1.23.6', flatOptOut) },
    severity: 'warning',
  },
  {
    name: 'cni chart 1.20 with the opt-out under cni.podAnnotations',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': pinnedCniRelease('1.20.3', legacyOptOut),
    },
  },
  {
    name: 'cni chart 1.24 reads the flat podAnnotations',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': pinnedCniRelease('1.24.0', flatOptOut) },
  },
  {
    name: 'Sail IstioCNI without an opt-out',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': sailCni() },
    severity: 'warning',
  },
  {
    name: 'Sail IstioCNI drops a flat spec.values.podAnnotations (its values keep only cni and global)',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': sailCni(flatOptOut) },
    severity: 'warning',
  },
  {
    name: 'Sail IstioCNI with the opt-out under spec.values.cni.podAnnotations',
    tree: { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': sailCni(legacyOptOut) },
  },
  // The webhook parses the pod annotation with Go's strconv.ParseBool, the DynaKube's automatic-injection flag as
  // the default when the pod has none.
  {
    name: 'opt-out written "False" (Go ParseBool)',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system', flatOptOut.replace('"false"', '"False"')),
    },
  },
  {
    name: 'opt-out written "0" (Go ParseBool)',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system', flatOptOut.replace('"false"', '"0"')),
    },
  },
  {
    name: 'dynatrace.com/inject "false" turns every injection of the CNI pods off',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system', '    podAnnotations:\n      dynatrace.com/inject: "false"\n'),
    },
  },
  {
    name: 'opt-out written "fAlse" is no opt-out (Go ParseBool refuses it)',
    tree: {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system', flatOptOut.replace('"false"', '"fAlse"')),
    },
    severity: 'warning',
  },
  {
    name: 'automatic-injection "false": the CNI pods, without an opt-in, are not injected',
    tree: { 'dk.yaml': withAutomaticInjection('"false"'), 'cni.yaml': cniRelease('istio-system') },
  },
  {
    name: 'automatic-injection "false" but the CNI pods opt in',
    tree: {
      'dk.yaml': withAutomaticInjection('"false"'),
      'cni.yaml': cniRelease('istio-system', flatOptOut.replace('"false"', '"true"')),
    },
    severity: 'warning',
  },
  {
    name: 'automatic-injection "true" is the default',
    tree: { 'dk.yaml': withAutomaticInjection('"true"'), 'cni.yaml': cniRelease('istio-system') },
    severity: 'warning',
  },
];

describe('cni-csi-deadlock', () => {
  it.each(cases)('$name', ({ tree, severity }) => {
    expect(modelOf(tree).notEvaluable).toEqual([]);
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(severity ? 1 : 0);
    if (severity) expect(findings[0].severity).toBe(severity);
  });

  it.each(cases.filter((c) => c.severity))('the fix adds the pod annotation ($name)', ({ tree }) => {
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(Object.values(fixed).join('\n')).toContain('oneagent.dynatrace.com/inject: "false"');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('adds the annotation under the existing legacy cni: key, keeping comments', () => {
    const values = '    # legacy layout\n    cni:\n      excludeNamespaces: [kube-system]\n';
    const tree = {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease('istio-system', values),
    };
    const fixed = applyFixes(tree, runRule(rule, tree))['cni.yaml'];
    expect(fixed).toContain('# legacy layout');
    expect(fixed).toContain(
      '    cni:\n      excludeNamespaces: [kube-system]\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n',
    );
  });
});

describe('cni-csi-deadlock, an opt-out under a key the install does not read', () => {
  it.each([
    {
      name: 'Sail IstioCNI',
      cni: sailCni(flatOptOut),
      target:
        '  values:\n    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n',
      ignored: 'spec.values.podAnnotations (cni.yaml:9)',
    },
    {
      name: 'cni chart 1.20.3',
      cni: pinnedCniRelease('1.20.3', flatOptOut),
      target:
        '  values:\n    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n',
      ignored: 'spec.values.podAnnotations (cni.yaml:12)',
    },
  ])(
    '$name: says the flat key is ignored and the fix writes cni.podAnnotations',
    ({ cni, target, ignored }) => {
      const tree = { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': cni };
      const findings = runRule(rule, tree);
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain(
        `oneagent.dynatrace.com/inject: "false"\` at ${ignored} has no effect`,
      );
      const fixed = applyFixes(tree, findings);
      expect(fixed['cni.yaml'].endsWith(target)).toBe(true);
      expect(runRule(rule, fixed)).toHaveLength(0);
    },
  );

  it('a cni chart of unknown version may be 1.24+, so the flat key counts and the fix writes it there', () => {
    const tree = { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': cniRelease('istio-system') };
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['cni.yaml']).toBe(
      `${tree['cni.yaml']}    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n`,
    );
  });

  it('a Sail IstioCNI without values gets spec.values.cni.podAnnotations', () => {
    const tree = { 'dk.yaml': dynakube('cloudNativeFullStack'), 'cni.yaml': sailCni() };
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['cni.yaml']).toBe(
      `${tree['cni.yaml']}  values:\n    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n`,
    );
  });

  it('a pre-1.24 chart without annotations gets cni.podAnnotations', () => {
    const tree = {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': pinnedCniRelease('1.22.1', '    revision: ""\n'),
    };
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['cni.yaml']).toBe(
      `${tree['cni.yaml']}    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n`,
    );
  });
});

describe('cni-csi-deadlock, CNI pod annotations written by a kustomize overlay', () => {
  const patch = yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: istio-cni
    spec:
      values:
        podAnnotations:
          prometheus.io/scrape: "true"
  `;

  it('adds the annotation to the podAnnotations the patch file writes, not to the base', () => {
    const tree: Tree = {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'base/kustomization.yaml': 'resources: [cni.yaml]\n',
      'base/cni.yaml': cniRelease('istio-system'),
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: cni-patch.yaml\n',
      'overlay/cni-patch.yaml': patch,
    };
    expect(modelOf(tree).notEvaluable).toEqual([]);
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    expect(findings[0].fix?.edits.map((edit) => edit.file)).toEqual(['overlay/cni-patch.yaml']);
    const fixed = applyFixes(tree, findings);
    expect(fixed['base/cni.yaml']).toBe(tree['base/cni.yaml']);
    expect(fixed['overlay/cni-patch.yaml']).toBe(`${patch}      oneagent.dynatrace.com/inject: "false"\n`);
    expect(runRule(rule, fixed)).toHaveLength(0);
  });
});

describe('cni-csi-deadlock, useCSIDriver of v1beta1/v1beta2 applicationMonitoring', () => {
  const appOnly = (version: string, useCSIDriver?: boolean) => appOnlyDynaKube(version, { useCSIDriver });
  const pinned = (version: string) =>
    operator('    csidriver:\n      enabled: true\n').replace(
      /^( +)chart: dynatrace-operator\n/m,
      `$1chart: dynatrace-operator\n$1version: '${version}'\n`,
    );

  // Without the CSI driver the code modules come from an init container: the CNI pod waits for no CSI volume.
  const cases: { name: string; tree: Tree; fires: boolean }[] = [
    { name: 'v1beta1 useCSIDriver: false', tree: { 'dk.yaml': appOnly('v1beta1', false) }, fires: false },
    {
      name: 'v1beta1 useCSIDriver: false, operator 1.2.2 pinned',
      tree: { 'dk.yaml': appOnly('v1beta1', false), 'op.yaml': pinned('1.2.2') },
      fires: false,
    },
    { name: 'v1beta1 without useCSIDriver', tree: { 'dk.yaml': appOnly('v1beta1') }, fires: false },
    { name: 'v1beta2 without useCSIDriver', tree: { 'dk.yaml': appOnly('v1beta2') }, fires: false },
    { name: 'v1beta1 useCSIDriver: true', tree: { 'dk.yaml': appOnly('v1beta1', true) }, fires: true },
    { name: 'v1beta2 useCSIDriver: true', tree: { 'dk.yaml': appOnly('v1beta2', true) }, fires: true },
    {
      name: 'v1beta1 useCSIDriver: false, operator 1.5.0 pinned (converts it away: CSI when installed)',
      tree: { 'dk.yaml': appOnly('v1beta1', false), 'op.yaml': pinned('1.5.0') },
      fires: true,
    },
    { name: 'v1beta6 applicationMonitoring', tree: { 'dk.yaml': appOnly('v1beta6') }, fires: true },
  ];

  it.each(cases)('$name', ({ tree, fires }) => {
    const full: Tree = {
      ...tree,
      'cni.yaml': cniRelease('istio-system'),
      'ns.yaml': injectedOperatorNamespace,
    };
    if (tree['op.yaml'])
      expect(modelOf(full).operatorInstalls.map((install) => install.version?.value)).toEqual([
        expect.stringMatching(/^1\.[25]\.\d$/),
      ]);
    const findings = runRule(rule, full);
    expect(findings).toHaveLength(fires ? 1 : 0);
    if (fires) expect(findings[0].severity).toBe('error');
  });
});

describe('cni-csi-deadlock, the cni chart as a dependency of an umbrella chart', () => {
  const umbrella = (version: string, values: string): Tree => ({
    'dk.yaml': dynakube('cloudNativeFullStack'),
    'add-ons/istio/Chart.yaml': yaml`
      apiVersion: v2
      name: platform-istio
      version: 0.1.0
      dependencies:
        - name: cni
          version: ${version}
          repository: https://istio-release.storage.googleapis.com/charts
          condition: cni.enabled
        - name: istiod
          version: ${version}
          repository: https://istio-release.storage.googleapis.com/charts
    `,
    'add-ons/istio/values.yaml': values,
  });

  it.each([
    {
      name: 'the opt-out under the cni key counts',
      tree: umbrella('1.28.0', 'cni:\n  podAnnotations:\n    oneagent.dynatrace.com/inject: "false"\n'),
      fixed: undefined,
    },
    {
      name: 'a cni chart installed with its defaults gets the annotation under a new cni key',
      tree: umbrella('1.28.0', 'istiod:\n  pilot: {}\n'),
      fixed: 'istiod:\n  pilot: {}\ncni:\n  podAnnotations:\n    oneagent.dynatrace.com/inject: "false"\n',
    },
    {
      name: "the dependency's version decides the layout: a 1.22 chart reads only cni.cni.podAnnotations",
      tree: umbrella('1.22.1', 'cni:\n  podAnnotations:\n    oneagent.dynatrace.com/inject: "false"\n'),
      fixed:
        'cni:\n  podAnnotations:\n    oneagent.dynatrace.com/inject: "false"\n  cni:\n    podAnnotations:\n      oneagent.dynatrace.com/inject: "false"\n',
    },
    {
      name: 'a cni dependency switched off by its condition is not installed',
      tree: umbrella('1.28.0', 'cni:\n  enabled: false\nistiod:\n  pilot: {}\n'),
      fixed: undefined,
    },
  ])('$name', ({ tree, fixed }) => {
    expect(modelOf(tree).notEvaluable).toEqual([]);
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(fixed === undefined ? 0 : 1);
    if (fixed === undefined) return;
    const after = applyFixes(tree, findings);
    expect(after['add-ons/istio/values.yaml']).toBe(fixed);
    expect(runRule(rule, after)).toHaveLength(0);
  });
});

describe('cni-csi-deadlock, an unquoted boolean opt-out', () => {
  // Annotation values must be strings: Helm's toYaml renders `false` bare and the API server rejects the pods' template.
  const unquoted = 'oneagent.dynatrace.com/inject: false';
  const cases: { name: string; tree: Tree; file: string }[] = [
    {
      name: 'flat podAnnotations of the cni chart',
      tree: {
        'dk.yaml': dynakube('cloudNativeFullStack'),
        'cni.yaml': cniRelease('istio-system', `    podAnnotations:\n      ${unquoted}\n`),
      },
      file: 'cni.yaml',
    },
    {
      name: 'legacy cni.podAnnotations of the cni chart',
      tree: {
        'dk.yaml': dynakube('cloudNativeFullStack'),
        'cni.yaml': cniRelease('istio-system', `    cni:\n      podAnnotations:\n        ${unquoted}\n`),
      },
      file: 'cni.yaml',
    },
    {
      name: 'IstioOperator values.cni.podAnnotations',
      tree: {
        'dk.yaml': dynakube('cloudNativeFullStack'),
        'iop.yaml': istioOperator(`      podAnnotations:\n        ${unquoted}\n`),
      },
      file: 'iop.yaml',
    },
    {
      name: 'a rendered istio-cni-node DaemonSet',
      tree: {
        'dk.yaml': dynakube('cloudNativeFullStack'),
        'cni.yaml': yaml`
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: istio-cni-node
            namespace: istio-system
          spec:
            template:
              metadata:
                annotations:
                  ${unquoted}
        `,
      },
      file: 'cni.yaml',
    },
  ];

  it.each(cases)('is no opt-out and the finding says to quote it: $name', ({ tree, file }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`oneagent.dynatrace.com/inject: false` in the pod annotations');
    expect(findings[0].message).toContain(
      'is a YAML boolean, not a string: annotation values must be strings',
    );
    expect(findings[0].message).toContain('Quote it: `oneagent.dynatrace.com/inject: "false"`');
    const fixed = applyFixes(tree, findings);
    expect(fixed[file]).toContain('oneagent.dynatrace.com/inject: "false"');
    expect(fixed[file]).not.toContain(unquoted);
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('a quoted "false" under the legacy key wins over an unquoted flat one', () => {
    const tree = {
      'dk.yaml': dynakube('cloudNativeFullStack'),
      'cni.yaml': cniRelease(
        'istio-system',
        `    podAnnotations:\n      ${unquoted}\n    cni:\n      podAnnotations:\n        oneagent.dynatrace.com/inject: "false"\n`,
      ),
    };
    expect(runRule(rule, tree)).toHaveLength(0);
  });
});

describe('cni-csi-deadlock, an Argo CD Application of the cni chart vendored in the repository', () => {
  const upstreamValues = readFileSync(
    path.resolve(process.cwd(), '../shared/fixtures/istio-charts/istio-cni-values.yaml'),
    'utf8',
  );
  const vendored = (values: string): Tree => ({
    'dk.yaml': dynakube('cloudNativeFullStack'),
    'apps/istio-cni.yaml': yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: istio-cni, namespace: argocd}
      spec:
        destination: {namespace: istio-system}
        source:
          repoURL: https://github.com/example/platform.git
          path: manifests/charts/istio-cni
          helm:
            valuesObject:
              excludeNamespaces: [kube-system]
    `,
    'manifests/charts/istio-cni/Chart.yaml': 'apiVersion: v2\nname: cni\nversion: 1.28.0\n',
    'manifests/charts/istio-cni/values.yaml': values,
  });

  it("counts the opt-out in the chart's own values.yaml, which Helm applies first", () => {
    const optedOut = upstreamValues.replace(
      /^ {2}podAnnotations: \{\}$/m,
      '  podAnnotations:\n    oneagent.dynatrace.com/inject: "false"',
    );
    expect(optedOut).not.toBe(upstreamValues);
    expect(runRule(rule, vendored(optedOut))).toEqual([]);
  });

  it("without it, fixes the Application's valuesObject and leaves the chart's values.yaml alone", () => {
    const tree = vendored(upstreamValues);
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    const fixed = applyFixes(tree, findings);
    expect(fixed['manifests/charts/istio-cni/values.yaml']).toBe(upstreamValues);
    expect(fixed['apps/istio-cni.yaml']).toContain('oneagent.dynatrace.com/inject: "false"');
    expect(runRule(rule, fixed)).toEqual([]);
  });
});
