import { describe, expect, it } from '@jest/globals';
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
