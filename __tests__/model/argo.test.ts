import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lineOf, modelOf } from './helpers.js';

describe('Argo CD Application', () => {
  it('reads a helm.values string with lines mapped to the Application file', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod, namespace: argocd}',
      'spec:',
      '  destination: {namespace: istio-system, server: https://kubernetes.default.svc}',
      '  source:',
      '    repoURL: https://istio-release.storage.googleapis.com/charts',
      '    chart: istiod',
      '    targetRevision: 1.27.1',
      '    helm:',
      '      values: |',
      '        profile: ambient',
      '        meshConfig:',
      '          outboundTrafficPolicy:',
      '            mode: REGISTRY_ONLY',
    ];
    const model = modelOf({ 'argocd/apps/istiod.yaml': app });
    expect(model.chartValues[0]).toMatchObject({
      chart: 'istiod',
      chartVersion: '1.27.1',
      releaseNamespace: 'istio-system',
    });
    const policy = model.meshConfigs[0].outboundPolicy!;
    expect(policy.value).toBe('REGISTRY_ONLY');
    expect(policy.origin).toMatchObject({
      file: 'argocd/apps/istiod.yaml',
      line: lineOf(app, 'mode: REGISTRY_ONLY'),
    });
    const pilot = model.pilotInstalls[0];
    expect(pilot.profile?.value).toBe('ambient');
    expect(pilot.profile?.origin.line).toBe(lineOf(app, 'profile: ambient'));
    expect(pilot.version?.value).toBe('1.27.1');
  });

  it('merges multi-source valueFiles from a $ref source, then valuesObject, then parameters', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod, namespace: argocd}',
      'spec:',
      '  destination: {namespace: istio-system}',
      '  sources:',
      '    - repoURL: https://istio-release.storage.googleapis.com/charts',
      '      chart: istiod',
      '      targetRevision: 1.26.0',
      '      helm:',
      '        valueFiles:',
      '          - $values/clusters/prod/istio/istiod-values.yaml',
      '          - $values/clusters/prod/istio/missing.yaml',
      '        values: |',
      '          meshConfig: {rootNamespace: from-values-string}',
      '        valuesObject:',
      '          meshConfig:',
      '            defaultServiceExportTo: ["."]',
      '        parameters:',
      '          - name: pilot.env.ENABLE_NATIVE_SIDECARS',
      '            value: "true"',
      '            forceString: true',
      '    - repoURL: https://github.com/example/platform.git',
      '      targetRevision: main',
      '      ref: values',
    ];
    const valuesFile = [
      'meshConfig:',
      '  rootNamespace: from-values-file',
      '  outboundTrafficPolicy:',
      '    mode: REGISTRY_ONLY',
      'pilot:',
      '  env:',
      '    ENABLE_NATIVE_SIDECARS: "false"',
    ];
    const model = modelOf({ 'apps/istiod.yaml': app, 'clusters/prod/istio/istiod-values.yaml': valuesFile });
    expect(model.chartValues).toHaveLength(1);
    const [mesh] = model.meshConfigs;
    expect(mesh.outboundPolicy?.origin).toMatchObject({
      file: 'clusters/prod/istio/istiod-values.yaml',
      line: 4,
    });
    // valuesObject replaces the values string (Argo CD renders one of them), so the file's root namespace stays.
    expect(mesh.rootNamespace?.value).toBe('from-values-file');
    expect(mesh.defaultServiceExportTo?.value).toEqual(['.']);
    expect(mesh.defaultServiceExportTo?.origin).toMatchObject({
      file: 'apps/istiod.yaml',
      line: lineOf(app, 'defaultServiceExportTo'),
    });
    const native = model.pilotInstalls[0].env.ENABLE_NATIVE_SIDECARS;
    expect(native.value).toBe('true');
    expect(native.origin).toMatchObject({ file: 'apps/istiod.yaml', line: lineOf(app, 'value: "true"') });
    expect(model.notEvaluable).toContainEqual({
      file: 'apps/istiod.yaml',
      line: lineOf(app, 'missing.yaml'),
      reason:
        'valueFiles $values/clusters/prod/istio/missing.yaml: clusters/prod/istio/missing.yaml is not a YAML file of this repository',
    });
  });

  it('uses the values string when there is no valuesObject, over valueFiles', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: cni}',
      'spec:',
      '  destination: {namespace: kube-system}',
      '  source:',
      '    repoURL: https://github.com/istio/istio.git',
      '    path: manifests/charts/istio-cni',
      '    targetRevision: 1.22.3',
      '    helm:',
      '      valueFiles: [values-prod.yaml]',
      '      values: |',
      '        cni:',
      '          podAnnotations:',
      '            oneagent.dynatrace.com/inject: "false"',
    ];
    const model = modelOf({ 'apps/cni.yaml': app });
    expect(model.chartValues[0]).toMatchObject({ chart: 'cni', chartVersion: '1.22.3' });
    const [cni] = model.cniInstalls;
    expect(cni.namespace.value).toBe('kube-system');
    expect(cni.podAnnotations.value).toEqual({ 'oneagent.dynatrace.com/inject': 'false' });
    expect(cni.podAnnotations.origin).toMatchObject({
      file: 'apps/cni.yaml',
      line: lineOf(app, 'podAnnotations'),
    });
    expect(model.notEvaluable).toContainEqual(
      expect.objectContaining({ file: 'apps/cni.yaml', line: lineOf(app, 'valueFiles') }),
    );
  });

  it('reads an absolute valueFiles path from the repository root, a relative one beside the chart', () => {
    // Argo CD util/io/path/resolved.go resolveFileOrDirectory: an absolute path is joined to the repository root.
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  destination: {namespace: istio-system}',
      '  source:',
      '    repoURL: https://github.com/example/platform.git',
      '    path: charts/istiod',
      '    helm:',
      '      valueFiles: [values-prod.yaml, /envs/prod/istiod.yaml]',
    ];
    const beside = [
      'meshConfig:',
      '  outboundTrafficPolicy:',
      '    mode: ALLOW_ANY',
      '  rootNamespace: beside',
    ];
    const fromRoot = ['meshConfig:', '  outboundTrafficPolicy:', '    mode: REGISTRY_ONLY'];
    const model = modelOf({
      'apps/istiod.yaml': app,
      'charts/istiod/values-prod.yaml': beside,
      'envs/prod/istiod.yaml': fromRoot,
    });
    expect(model.notEvaluable).toEqual([]);
    const [mesh] = model.meshConfigs;
    expect(mesh.rootNamespace?.value).toBe('beside');
    expect(mesh.outboundPolicy?.value).toBe('REGISTRY_ONLY');
    expect(mesh.outboundPolicy?.origin).toMatchObject({ file: 'envs/prod/istiod.yaml', line: 3 });
  });

  // Argo CD 3.5 reposerver/repository/repository.go getResolvedValueFiles: a glob is expanded in place, its files in
  // doublestar's walk order (a folder's own files, then its subfolders), each file passed once at its first place.
  describe('glob valueFiles', () => {
    const app = (valueFiles: string, ignoreMissing = false) => [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  source:',
      '    repoURL: https://github.com/example/platform.git',
      '    path: charts/istiod',
      '    helm:',
      ...(ignoreMissing ? ['      ignoreMissingValueFiles: true'] : []),
      `      valueFiles: ${valueFiles}`,
    ];
    const mode = (value: string) => ['meshConfig:', '  outboundTrafficPolicy:', `    mode: ${value}`];
    const files = {
      'charts/istiod/envs/a.yaml': mode('ALLOW_ANY'),
      'charts/istiod/envs/nested/c.yaml': mode('REGISTRY_ONLY'),
      'charts/istiod/envs/z.yaml': mode('ALLOW_ANY_DYNAMIC_DNS'),
    };

    it.each([
      ['[envs/*.yaml]', 'ALLOW_ANY_DYNAMIC_DNS', 'charts/istiod/envs/z.yaml'],
      ['[envs/**/*.yaml]', 'REGISTRY_ONLY', 'charts/istiod/envs/nested/c.yaml'],
      ['[envs/*.yaml, envs/a.yaml]', 'ALLOW_ANY', 'charts/istiod/envs/a.yaml'],
      ['[envs/z.yaml, envs/*.yaml]', 'ALLOW_ANY', 'charts/istiod/envs/a.yaml'],
    ])('reads %s as the last file says: %s', (valueFiles, expected, file) => {
      const model = modelOf({ 'apps/istiod.yaml': app(valueFiles), ...files });
      expect(model.notEvaluable).toEqual([]);
      expect(model.meshConfigs[0].outboundPolicy).toMatchObject({
        value: expected,
        origin: { file, line: 3 },
      });
    });

    it('notes a glob that matches no file, unless ignoreMissingValueFiles', () => {
      const lines = app('[missing/*.yaml]');
      expect(modelOf({ 'apps/istiod.yaml': lines, ...files }).notEvaluable).toEqual([
        {
          file: 'apps/istiod.yaml',
          line: lineOf(lines, 'valueFiles'),
          reason:
            'valueFiles missing/*.yaml: charts/istiod/missing/*.yaml matches no YAML file of this repository',
        },
      ]);
      expect(modelOf({ 'apps/istiod.yaml': app('[missing/*.yaml]', true), ...files }).notEvaluable).toEqual(
        [],
      );
    });

    // The glob is written in the repository a pull request changes: it must not stop or stall the run. doublestar
    // matches `*` with one backtracking point (github.com/bmatcuk/doublestar/v4 match.go), linear in the name.
    it('matches a glob of many stars against long names without backtracking', () => {
      const long = 'a'.repeat(60);
      const started = Date.now();
      const model = modelOf({
        'apps/istiod.yaml': app(`[envs/${'*a'.repeat(30)}b.yaml, envs/*${long}.yaml]`),
        ...files,
        [`charts/istiod/envs/${long}.yaml`]: mode('REGISTRY_ONLY'),
      });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(model.meshConfigs[0].outboundPolicy?.value).toBe('REGISTRY_ONLY');
    });

    it('reads a glob longer than 64 KiB (it matches no file) instead of failing the run', () => {
      const lines = app(`["envs/${'x'.repeat(70_000)}*.yaml"]`);
      const model = modelOf({ 'apps/istiod.yaml': lines, ...files });
      expect(model.notEvaluable).toEqual([
        expect.objectContaining({
          reason: expect.stringContaining('matches no YAML file of this repository'),
        }),
      ]);
    });

    it.each([
      ['an unclosed class', 'envs/[a-.yaml'],
      ['an unclosed brace', 'envs/{a,z*.yaml'],
    ])('notes %s instead of failing the run', (_name, glob) => {
      const lines = app(`["${glob}"]`);
      const model = modelOf({ 'apps/istiod.yaml': lines, ...files });
      expect(model.notEvaluable).toEqual([
        {
          file: 'apps/istiod.yaml',
          line: lineOf(lines, 'valueFiles'),
          reason: expect.stringContaining('is not a glob Argo CD reads'),
        },
      ]);
    });

    it.each([
      ['["envs/{a,z}*.yaml"]', 'ALLOW_ANY_DYNAMIC_DNS'],
      ['["envs/?.yaml"]', 'ALLOW_ANY_DYNAMIC_DNS'],
      ['["envs/[a-b].yaml"]', 'ALLOW_ANY'],
      ['["envs/[!a].yaml"]', 'ALLOW_ANY_DYNAMIC_DNS'],
      ['["envs/**/c.yaml"]', 'REGISTRY_ONLY'],
      ['["env*/n*/*.yaml"]', 'REGISTRY_ONLY'],
    ])('reads %s as doublestar matches it: %s', (valueFiles, expected) => {
      const model = modelOf({ 'apps/istiod.yaml': app(valueFiles), ...files });
      expect(model.notEvaluable).toEqual([]);
      expect(model.meshConfigs[0].outboundPolicy?.value).toBe(expected);
    });
  });

  // reposerver/repository/repository.go newEnv and v1alpha1 Env.Envsubst (os.Expand): valueFiles paths and parameter
  // values have the build environment filled in; a `$ref` path after its source is resolved.
  describe('Argo CD build environment', () => {
    const app = (metadata: string, valueFiles: string, parameters = '[]') => [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      `metadata: ${metadata}`,
      'spec:',
      '  destination: {namespace: istio-system}',
      '  sources:',
      '    - repoURL: https://github.com/example/platform.git',
      '      path: charts/istiod',
      '      helm:',
      `        valueFiles: ${valueFiles}`,
      `        parameters: ${parameters}`,
      '    - {repoURL: https://github.com/example/platform.git, ref: values}',
    ];
    const mode = (value: string) => ['meshConfig:', '  outboundTrafficPolicy:', `    mode: ${value}`];
    const files = {
      'charts/istiod/values-istiod-prod.yaml': mode('ALLOW_ANY'),
      'envs/istio-system/mesh.yaml': mode('REGISTRY_ONLY'),
      'charts/istiod/istiod-prod/mesh.yaml': mode('ALLOW_ANY_DYNAMIC_DNS'),
    };

    it.each([
      ['[values-$ARGOCD_APP_NAME.yaml]', 'ALLOW_ANY', 'charts/istiod/values-istiod-prod.yaml'],
      ['["values-${ARGOCD_APP_NAME}.yaml"]', 'ALLOW_ANY', 'charts/istiod/values-istiod-prod.yaml'],
      ['[$values/envs/$ARGOCD_APP_NAMESPACE/mesh.yaml]', 'REGISTRY_ONLY', 'envs/istio-system/mesh.yaml'],
      ['["/envs/${ARGOCD_APP_NAMESPACE}/mesh.yaml"]', 'REGISTRY_ONLY', 'envs/istio-system/mesh.yaml'],
      ['[$ARGOCD_APP_NAME/mesh.yaml]', 'ALLOW_ANY_DYNAMIC_DNS', 'charts/istiod/istiod-prod/mesh.yaml'],
    ])('fills in %s', (valueFiles, expected, file) => {
      const model = modelOf({
        'apps/istiod.yaml': app('{name: istiod-prod, namespace: argocd}', valueFiles),
        ...files,
      });
      // (The scan of `spec.sources` for placeholders still notes a `${…}` there, as it notes any.)
      expect(model.notEvaluable.filter((note) => note.reason.startsWith('valueFiles'))).toEqual([]);
      expect(model.meshConfigs[0].outboundPolicy).toMatchObject({ value: expected, origin: { file } });
    });

    // os.Expand: a name Argo CD does not set is empty, whatever it is called (not an Object method's source text).
    it('fills in an unset variable named like an Object method as empty', () => {
      const parameters = '[{name: global.istioNamespace, value: "istio$constructor$toString"}]';
      const model = modelOf({ 'apps/istiod.yaml': app('{name: istiod-prod}', '[]', parameters) });
      expect(model.chartValues[0].values).toEqual({ global: { istioNamespace: 'istio' } });
    });

    it('fills in parameter values', () => {
      const parameters = '[{name: global.istioNamespace, value: "$ARGOCD_APP_NAMESPACE"}]';
      const model = modelOf({ 'apps/istiod.yaml': app('{name: istiod-prod}', '[]', parameters) });
      expect(model.chartValues[0].values).toEqual({ global: { istioNamespace: 'istio-system' } });
    });

    it('notes a path that needs the revision, or the name of an Application outside the argocd namespace', () => {
      const revision = app('{name: istiod-prod}', '[values-$ARGOCD_APP_REVISION.yaml]');
      const elsewhere = app('{name: istiod-prod, namespace: team-a}', '[values-$ARGOCD_APP_NAME.yaml]');
      expect(modelOf({ 'apps/istiod.yaml': revision, ...files }).notEvaluable).toEqual([
        {
          file: 'apps/istiod.yaml',
          line: lineOf(revision, 'valueFiles'),
          reason:
            'valueFiles values-$ARGOCD_APP_REVISION.yaml: ARGOCD_APP_REVISION is filled in by Argo CD, not evaluated',
        },
      ]);
      expect(modelOf({ 'apps/istiod.yaml': elsewhere, ...files }).notEvaluable).toEqual([
        {
          file: 'apps/istiod.yaml',
          line: lineOf(elsewhere, 'valueFiles'),
          reason:
            'valueFiles values-$ARGOCD_APP_NAME.yaml: ARGOCD_APP_NAME is filled in by Argo CD, not evaluated',
        },
      ]);
    });
  });

  it('with ignoreMissingValueFiles, skips a missing file silently but still notes a remote one', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: cni}',
      'spec:',
      '  source:',
      '    repoURL: https://github.com/example/platform.git',
      '    path: charts/istio-cni',
      '    helm:',
      '      ignoreMissingValueFiles: true',
      '      valueFiles:',
      '        - values-missing.yaml',
      '        - https://example.com/cni-values.yaml',
    ];
    expect(modelOf({ 'apps/cni.yaml': app }).notEvaluable).toEqual([
      {
        file: 'apps/cni.yaml',
        line: lineOf(app, 'https://example.com'),
        reason: 'valueFiles https://example.com/cni-values.yaml: remote values file, not evaluated',
      },
    ]);
  });

  // helm pkg/strvals/parser.go: typedVal reads true/false/null in any case; `{a,b}` is a list (with --set-string
  // too), which Argo CD passes on unescaped (cleanSetParameters).
  it.each([
    ['pilot.env.ENABLE_NATIVE_SIDECARS', 'True', false, { pilot: { env: { ENABLE_NATIVE_SIDECARS: true } } }],
    ['pilot.cni.enabled', 'FALSE', false, { pilot: { cni: { enabled: false } } }],
    ['pilot.env.X', 'True', true, { pilot: { env: { X: 'True' } } }],
    [
      'cni.excludeNamespaces',
      '{kube-system,dynatrace}',
      false,
      { cni: { excludeNamespaces: ['kube-system', 'dynatrace'] } },
    ],
    ['cni.excludeNamespaces', '{a,1}', true, { cni: { excludeNamespaces: ['a', '1'] } }],
    ['pilot.replicaCount', '+2', false, { pilot: { replicaCount: 2 } }],
  ])('reads parameter %s=%s (forceString %s) as --set does', (name, value, forceString, expected) => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  source:',
      '    chart: istiod',
      '    repoURL: https://istio-release.storage.googleapis.com/charts',
      '    targetRevision: 1.27.0',
      '    helm:',
      `      parameters: [{name: ${name}, value: "${value}", forceString: ${forceString}}]`,
    ];
    expect(modelOf({ 'apps/istiod.yaml': app }).chartValues[0].values).toEqual(expected);
  });

  it('types helm parameters like --set: booleans unless forceString', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: dynatrace-operator}',
      'spec:',
      '  destination: {namespace: dynatrace}',
      '  source:',
      '    chart: dynatrace-operator',
      '    repoURL: https://raw.githubusercontent.com/Dynatrace/dynatrace-operator/main/config/helm/repos/stable',
      '    targetRevision: 1.6.2',
      '    helm:',
      '      parameters:',
      '        - {name: csidriver.enabled, value: "false"}',
    ];
    const model = modelOf({ 'apps/dynatrace.yaml': app });
    const [operator] = model.operatorInstalls;
    expect(model.chartValues[0].values).toEqual({ csidriver: { enabled: false } });
    expect(operator.csiDriverEnabled.value).toBe(false);
    expect(operator.csiDriverEnabled.origin).toMatchObject({ file: 'apps/dynatrace.yaml', line: 12 });
    expect(operator.version?.value).toBe('1.6.2');
    expect(operator.namespace.value).toBe('dynatrace');
  });
});

/** An umbrella chart folder whose Chart.yaml lists the istiod and cni charts (cni switched by `cni.enabled`). */
function umbrellaFolder(dir: string, values: string[]): Record<string, string[]> {
  return {
    [`${dir}/Chart.yaml`]: [
      'apiVersion: v2',
      'name: mesh',
      'version: 0.1.0',
      'dependencies:',
      '  - name: istiod',
      '    version: 1.28.0',
      '    repository: https://istio-release.storage.googleapis.com/charts',
      '  - name: cni',
      '    alias: node-agent',
      '    version: 1.28.0',
      '    repository: https://istio-release.storage.googleapis.com/charts',
      '    condition: node-agent.enabled',
    ],
    [`${dir}/values.yaml`]: values,
  };
}

describe('Argo CD Application of a local umbrella chart', () => {
  const folderValues = [
    'istiod:',
    '  meshConfig:',
    '    rootNamespace: from-chart-values',
    '    outboundTrafficPolicy: {mode: ALLOW_ANY}',
    'node-agent:',
    '  podAnnotations: {from: chart-values}',
  ];

  it('nests helm.valuesObject and parameters under each dependency key, over the folder values.yaml', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: mesh, namespace: argocd}',
      'spec:',
      '  destination: {namespace: istio-system}',
      '  source:',
      '    repoURL: https://github.com/example/platform.git',
      '    path: add-ons/mesh',
      '    targetRevision: main',
      '    helm:',
      '      valuesObject:',
      '        istiod:',
      '          meshConfig:',
      '            outboundTrafficPolicy: {mode: REGISTRY_ONLY}',
      '        meshConfig: {rootNamespace: not-a-dependency-key}',
      '      parameters:',
      '        - {name: istiod.pilot.env.ENABLE_NATIVE_SIDECARS, value: "true", forceString: true}',
      '        - {name: node-agent.enabled, value: "false"}',
    ];
    const model = modelOf({ 'apps/mesh.yaml': app, ...umbrellaFolder('add-ons/mesh', folderValues) });
    // One istiod install (the Application's, not also one for the folder's values.yaml) and no cni: switched off.
    expect(model.chartValues.map((values) => [values.chart, values.chartVersion])).toEqual([
      ['istiod', '1.28.0'],
    ]);
    const [mesh] = model.meshConfigs;
    expect(mesh.outboundPolicy?.value).toBe('REGISTRY_ONLY');
    expect(mesh.outboundPolicy?.origin).toMatchObject({
      file: 'apps/mesh.yaml',
      line: lineOf(app, 'mode: REGISTRY_ONLY'),
    });
    expect(mesh.rootNamespace?.value).toBe('from-chart-values');
    expect(mesh.rootNamespace?.origin).toMatchObject({ file: 'add-ons/mesh/values.yaml', line: 3 });
    const [pilot] = model.pilotInstalls;
    expect(pilot.env.ENABLE_NATIVE_SIDECARS.value).toBe('true');
    expect(pilot.env.ENABLE_NATIVE_SIDECARS.origin).toMatchObject({
      file: 'apps/mesh.yaml',
      line: lineOf(app, 'ENABLE_NATIVE_SIDECARS'),
    });
    expect(pilot.namespace?.value).toBe('istio-system');
    expect(pilot.via).toMatch(
      /^Application argocd\/mesh umbrella chart add-ons\/mesh\/Chart.yaml dependency istiod/,
    );
  });

  it('reads a wrapper chart named after the chart it wraps as an umbrella, not as that chart', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  destination: {namespace: istio-system}',
      '  sources:',
      '    - repoURL: https://github.com/example/platform.git',
      '      path: charts/istiod',
      '      helm:',
      '        valueFiles: [values-prod.yaml, $values/envs/prod/mesh.yaml]',
      '        values: |',
      '          node-agent:',
      '            podAnnotations: {from: values-string}',
      '    - repoURL: https://github.com/example/platform.git',
      '      ref: values',
    ];
    const model = modelOf({
      'apps/istiod.yaml': app,
      ...umbrellaFolder('charts/istiod', ['istiod: {}']),
      'charts/istiod/values-prod.yaml': ['istiod:', '  meshConfig: {rootNamespace: from-overlay}'],
      'envs/prod/mesh.yaml': ['istiod:', '  meshConfig:', '    outboundTrafficPolicy: {mode: REGISTRY_ONLY}'],
    });
    expect(model.chartValues.map((values) => [values.chart, values.valuesPath.join('.')])).toEqual([
      ['istiod', 'istiod'],
      ['cni', 'node-agent'],
    ]);
    expect(model.meshConfigs[0]).toMatchObject({
      outboundPolicy: { value: 'REGISTRY_ONLY', origin: { file: 'envs/prod/mesh.yaml', line: 3 } },
      rootNamespace: { value: 'from-overlay', origin: { file: 'charts/istiod/values-prod.yaml', line: 2 } },
    });
    expect(model.cniInstalls[0].podAnnotations.value).toEqual({ from: 'values-string' });
    expect(model.notEvaluable).toEqual([]);
  });

  it("writes fixes into the Application, not into the subchart's values.yaml it overrides", () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: mesh}',
      'spec:',
      '  source:',
      '    repoURL: https://github.com/example/platform.git',
      '    path: mesh',
      '    helm: {parameters: [{name: istiod.pilot.env.A, value: b}]}',
    ];
    const model = modelOf({
      'apps/mesh.yaml': app,
      'mesh/Chart.yaml': umbrellaFolder('mesh', [])['mesh/Chart.yaml'],
      'mesh/charts/istiod/Chart.yaml': ['apiVersion: v2', 'name: istiod', 'version: 1.28.0'],
      'mesh/charts/istiod/values.yaml': ['_internal_defaults_do_not_set:', '  pilot: {env: {}}'],
    });
    expect(model.pilotInstalls[0].env.A.origin).toMatchObject({ file: 'apps/mesh.yaml' });
    expect(model.pilotInstalls[0].envTarget).toMatchObject({
      document: { file: 'apps/mesh.yaml' },
      path: ['spec', 'source', 'helm', 'valuesObject', 'istiod', 'pilot', 'env'],
    });
  });

  it("still reads an overlay no Application names on top of the chart's values.yaml", () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: mesh-prod}',
      'spec:',
      '  source: {repoURL: https://github.com/example/platform.git, path: mesh, helm: {valueFiles: [values-prod.yaml]}}',
    ];
    const model = modelOf({
      'apps/mesh-prod.yaml': app,
      ...umbrellaFolder('mesh', ['istiod:', '  meshConfig: {rootNamespace: from-chart-values}']),
      'mesh/values-prod.yaml': ['istiod:', '  meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'],
      'mesh/values-staging.yaml': ['istiod:', '  meshConfig: {outboundTrafficPolicy: {mode: ALLOW_ANY}}'],
    });
    const istiod = model.chartValues.filter((values) => values.chart === 'istiod');
    expect(istiod.map((values) => values.values.meshConfig)).toEqual([
      { rootNamespace: 'from-chart-values', outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } },
      { rootNamespace: 'from-chart-values', outboundTrafficPolicy: { mode: 'ALLOW_ANY' } },
    ]);
  });
});

describe('Argo CD multi-source $values from the ref source repository', () => {
  /** An istiod Application reading `$values/envs/prod/istiod.yaml` from a `ref: values` source at `refUrl`. */
  const istiodApp = (refUrl: string, helmExtra: string[] = []) => [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata: {name: istiod, namespace: argocd}',
    'spec:',
    '  destination: {namespace: istio-system}',
    '  sources:',
    '    - repoURL: https://istio-release.storage.googleapis.com/charts',
    '      chart: istiod',
    '      targetRevision: 1.28.0',
    '      helm:',
    '        valueFiles: [$values/envs/prod/istiod.yaml]',
    ...helmExtra.map((line) => `        ${line}`),
    `    - {repoURL: "${refUrl}", targetRevision: main, ref: values}`,
  ];
  /** The app-of-apps that deploys `apps/` of this tree from `url`. */
  const rootApp = (url: string) => [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata: {name: root, namespace: argocd}',
    'spec:',
    `  source: {repoURL: "${url}", path: apps, targetRevision: main}`,
  ];
  const localValues = ['meshConfig:', '  outboundTrafficPolicy: {mode: REGISTRY_ONLY}'];

  it('does not read a file of the same path here when the ref source is another repository', () => {
    const app = istiodApp('https://github.com/example/mesh-values.git', ['ignoreMissingValueFiles: true']);
    const model = modelOf({
      'apps/istiod.yaml': app,
      'bootstrap/root.yaml': rootApp('https://github.com/example/platform.git'),
      'envs/prod/istiod.yaml': localValues,
    });
    expect(model.chartValues[0].values).toEqual({});
    expect(model.notEvaluable).toEqual([
      {
        file: 'apps/istiod.yaml',
        line: lineOf(app, 'valueFiles'),
        reason:
          'valueFiles $values/envs/prod/istiod.yaml: the file is in https://github.com/example/mesh-values.git, not in this repository (github.com/example/platform by the Argo CD sources whose path is here), and was not read',
      },
    ]);
  });

  it.each([
    [
      'another spelling of the app-of-apps URL',
      'git@GitHub.com:example/platform.git',
      'https://github.com/example/platform/',
    ],
    ['the same URL', 'https://github.com/example/platform', 'https://github.com/example/platform'],
  ])('reads the file here when the ref source is this repository: %s', (_name, refUrl, rootUrl) => {
    const model = modelOf({
      'apps/istiod.yaml': istiodApp(refUrl),
      'bootstrap/root.yaml': rootApp(rootUrl),
      'envs/prod/istiod.yaml': localValues,
    });
    expect(model.meshConfigs[0].outboundPolicy?.origin).toMatchObject({ file: 'envs/prod/istiod.yaml' });
    expect(model.notEvaluable).toEqual([]);
  });

  it('takes another source of the same Application with a path here as this repository', () => {
    const app = istiodApp('https://github.com/example/mesh-values.git');
    app.push('    - {repoURL: "https://github.com/example/platform.git", path: apps/extra}');
    const model = modelOf({
      'apps/istiod.yaml': app,
      'apps/extra/kustomization.yaml': ['resources: []'],
      'envs/prod/istiod.yaml': localValues,
    });
    expect(model.chartValues.find((values) => values.chart === 'istiod')?.values).toEqual({});
    expect(model.notEvaluable.map((note) => note.reason)).toEqual([
      expect.stringContaining('the file is in https://github.com/example/mesh-values.git'),
    ]);
  });

  it("reads the file here when nothing tells this repository's URL (no path source, or only the root)", () => {
    const root = rootApp('https://github.com/example/platform.git').map((line) =>
      line.replace('path: apps', 'path: .'),
    );
    const model = modelOf({
      'apps/istiod.yaml': istiodApp('https://github.com/example/mesh-values.git'),
      'bootstrap/root.yaml': root,
      'envs/prod/istiod.yaml': localValues,
    });
    expect(model.meshConfigs[0].outboundPolicy?.value).toBe('REGISTRY_ONLY');
    expect(model.notEvaluable).toEqual([]);
  });
});

describe('Argo CD Application of a flat local chart', () => {
  const fixtures = path.resolve(process.cwd(), '../shared/fixtures/istio-charts');
  /** The upstream cni chart's values.yaml (1.24+: defaults under `_internal_defaults_do_not_set`). */
  const upstreamCniValues = readFileSync(path.join(fixtures, 'istio-cni-values.yaml'), 'utf8');
  const withOptOut = upstreamCniValues.replace(
    /^ {2}podAnnotations: \{\}$/m,
    '  podAnnotations:\n    oneagent.dynatrace.com/inject: "false"',
  );
  const cniApp = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata: {name: istio-cni, namespace: argocd}',
    'spec:',
    '  destination: {namespace: istio-system}',
    '  source:',
    '    repoURL: https://github.com/example/platform.git',
    '    path: manifests/charts/istio-cni',
    '    targetRevision: main',
    '    helm:',
    '      valuesObject:',
    '        excludeNamespaces: [kube-system, dynatrace]',
  ];
  const cniChart = (values: string) => ({
    'apps/istio-cni.yaml': cniApp.join('\n') + '\n',
    'manifests/charts/istio-cni/Chart.yaml': 'apiVersion: v2\nname: cni\nversion: 1.28.0\n',
    'manifests/charts/istio-cni/values.yaml': values,
  });

  it("reads the chart's values.yaml below the Application's values, as chart defaults", () => {
    const model = modelOf(cniChart(withOptOut));
    expect(model.chartValues).toHaveLength(1);
    const [cni] = model.cniInstalls;
    expect(cni.podAnnotations.value).toEqual({ 'oneagent.dynatrace.com/inject': 'false' });
    expect(cni.podAnnotations.origin).toMatchObject({
      file: 'manifests/charts/istio-cni/values.yaml',
      line: lineOf(withOptOut.split('\n'), 'podAnnotations:'),
    });
    expect(cni.excludeNamespaces?.value).toEqual(['kube-system', 'dynatrace']);
    expect(model.chartValues[0].layers?.filter((layer) => layer.chartDefaults)).toHaveLength(2);
    expect(model.notEvaluable).toEqual([]);
  });

  it("writes fixes into the Application, not into the chart's values.yaml", () => {
    const [cni] = modelOf(cniChart(upstreamCniValues)).cniInstalls;
    expect(cni.podAnnotations.value).toEqual({});
    expect(cni.annotationsTarget).toMatchObject({
      document: { file: 'apps/istio-cni.yaml' },
      path: ['spec', 'source', 'helm', 'valuesObject', 'podAnnotations'],
    });
  });

  it('does not read the values.yaml a second time as an install of its own', () => {
    // A pre-1.24 layout: top-level keys that key guessing recognizes as the istiod chart.
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  destination: {namespace: istio-system}',
      '  source:',
      '    repoURL: https://github.com/example/platform.git',
      '    path: charts/istiod',
      '    helm: {valuesObject: {meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}}}',
    ];
    const values = ['pilot: {env: {}}', 'meshConfig:', '  rootNamespace: from-chart-values'];
    const model = modelOf({
      'apps/istiod.yaml': app,
      'charts/istiod/Chart.yaml': ['apiVersion: v2', 'name: istiod', 'version: 1.22.0'],
      'charts/istiod/values.yaml': values,
    });
    expect(model.chartValues.map((chartValues) => chartValues.via)).toEqual(['Application istiod']);
    expect(model.meshConfigs).toHaveLength(1);
    expect(model.meshConfigs[0]).toMatchObject({
      outboundPolicy: { value: 'REGISTRY_ONLY', origin: { file: 'apps/istiod.yaml' } },
      rootNamespace: { value: 'from-chart-values', origin: { file: 'charts/istiod/values.yaml', line: 3 } },
    });
  });

  it('reads no values.yaml for a folder without a Chart.yaml: it is no chart', () => {
    const folderApp = cniApp.map((line) => line.replace('manifests/charts/istio-cni', 'manifests/istio-cni'));
    const model = modelOf({
      'apps/istio-cni.yaml': folderApp.join('\n') + '\n',
      'manifests/istio-cni/values.yaml': withOptOut,
    });
    expect(model.cniInstalls.map((cni) => cni.podAnnotations.value)).toEqual([{}]);
  });
});

/**
 * Argo CD sets the destination namespace on namespaced objects that name none, after kustomize (argo-cd
 * controller/state.go, NormalizeTargetObjects). A directory app deploying a namespace-less STRICT PeerAuthentication
 * into istio-system makes it mesh-wide; a DynaKube and a Deployment land in the app's namespace, not in `default`.
 */
describe('Argo CD destination namespace', () => {
  const application = (name: string, path: string, namespace: string, recurse = false) => [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    `metadata: {name: ${name}, namespace: argocd}`,
    'spec:',
    `  source: {repoURL: 'https://github.com/org/platform.git', path: ${path}${recurse ? ', directory: {recurse: true}' : ''}}`,
    `  destination: {server: 'https://kubernetes.default.svc', namespace: ${namespace}}`,
  ];
  const tree = {
    'apps/mesh.yaml': application('mesh', 'manifests/mesh', 'istio-system'),
    'apps/shop.yaml': application('shop', 'manifests/shop', 'shop', true),
    'apps/dynatrace.yaml': application('dynatrace', 'manifests/dynatrace', 'dynatrace'),
    'manifests/mesh/strict.yaml': [
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      'metadata: {name: default}',
      'spec: {mtls: {mode: STRICT}}',
    ],
    'manifests/shop/web/deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec: {template: {spec: {containers: [{name: web, image: nginx}]}}}',
    ],
    'manifests/shop/namespace.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata: {name: shop}'],
    'manifests/dynatrace/kustomization.yaml': ['resources: [dynakube.yaml, entry.yaml]'],
    'manifests/dynatrace/dynakube.yaml': [
      'apiVersion: dynatrace.com/v1beta5',
      'kind: DynaKube',
      'metadata: {name: cluster}',
      'spec: {apiUrl: https://abc123.live.dynatrace.com/api, oneAgent: {cloudNativeFullStack: {}}}',
    ],
    'manifests/dynatrace/entry.yaml': [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      'metadata: {name: api, namespace: egress}',
      'spec: {hosts: [api.example.com], location: MESH_EXTERNAL, resolution: DNS}',
    ],
  };

  it('puts namespace-less namespaced objects into the destination namespace, and leaves named ones', () => {
    const model = modelOf(tree);
    expect(model.peerAuthentications.map((policy) => [policy.name, policy.namespace])).toEqual([
      ['default', 'istio-system'],
    ]);
    expect(model.workloads.map((workload) => [workload.name, workload.namespace])).toEqual([['web', 'shop']]);
    expect(model.dynakubes.map((dynakube) => [dynakube.name, dynakube.namespace])).toEqual([
      ['cluster', 'dynatrace'],
    ]);
    expect(model.serviceEntries.map((entry) => [entry.name, entry.namespace])).toEqual([['api', 'egress']]);
    expect(model.namespaces.has('shop')).toBe(true);
  });

  it('lets a kustomization namespace win, and leaves a folder below a non-recursive app alone', () => {
    const model = modelOf({
      ...tree,
      'apps/shop.yaml': application('shop', 'manifests/shop', 'shop'),
      'manifests/dynatrace/kustomization.yaml': ['namespace: dynatrace-system', 'resources: [dynakube.yaml]'],
    });
    expect(model.workloads.map((workload) => [workload.name, workload.namespace])).toEqual([
      ['web', undefined],
    ]);
    expect(model.dynakubes.map((dynakube) => [dynakube.name, dynakube.namespace])).toEqual([
      ['cluster', 'dynatrace-system'],
    ]);
  });
});
