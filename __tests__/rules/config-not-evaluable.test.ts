import { describe, expect, it } from '@jest/globals';
import { configNotEvaluable as rule } from '../../src/rules/config-not-evaluable.js';
import { findingsOf, runRule, yaml } from './harness.js';

const substituted = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://\${TENANT_ID}.live.dynatrace.com/api
`;
const broken = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [unclosed\n';
const plain = substituted.replace('${TENANT_ID}', 'abc12345');

/**
 * An istiod Application reading `$values/envs/prod/istiod.yaml` from the repository `refUrl`, the app-of-apps that
 * deploys `apps/` of this tree from `github.com/example/platform`, and a file at that path in this tree.
 */
const refValuesApplications = (refUrl: string) => ({
  'apps/istiod.yaml': yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Application
    metadata: {name: istiod, namespace: argocd}
    spec:
      sources:
        - repoURL: https://istio-release.storage.googleapis.com/charts
          chart: istiod
          helm: {valueFiles: [$values/envs/prod/istiod.yaml]}
        - {repoURL: ${refUrl}, ref: values}
  `,
  'bootstrap/root.yaml': yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Application
    metadata: {name: root, namespace: argocd}
    spec:
      source: {repoURL: https://github.com/example/platform.git, path: apps}
  `,
  'envs/prod/istiod.yaml': 'meshConfig:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
});

describe('config-not-evaluable', () => {
  it('reports Argo CD $values from another repository, not the file of the same path here', () => {
    const findings = runRule(rule, refValuesApplications('https://github.com/example/mesh-values.git'));
    expect(findings.map((f) => [f.resource, f.origin.line])).toEqual([['File apps/istiod.yaml', 8]]);
    expect(findings[0].message).toContain('the file is in https://github.com/example/mesh-values.git');
  });

  it('does not report Argo CD $values from this repository, however its URL is spelt', () => {
    expect(runRule(rule, refValuesApplications('git@GitHub.com:example/platform'))).toHaveLength(0);
  });

  it('reports a substitution in a field rules read, at its line', () => {
    const findings = runRule(rule, { 'dk.yaml': substituted });
    expect(findings.map((f) => [f.resource, f.origin.line])).toEqual([['File dk.yaml', 7]]);
    expect(findings[0].message).toContain('${TENANT_ID}');
  });

  it('reports an unquoted pod annotation at its line, saying to quote it', () => {
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: shop}
      spec:
        template:
          metadata:
            annotations:
              sidecar.istio.io/inject: false
    `;
    const findings = runRule(rule, { 'cart.yaml': deployment });
    expect(findings.map((f) => [f.resource, f.origin.line])).toEqual([['File cart.yaml', 8]]);
    expect(findings[0].message).toContain(
      'spec.template.metadata.annotations.sidecar.istio.io/inject is the boolean false, not a string',
    );
    expect(findings[0].message).toContain('Quote it: `sidecar.istio.io/inject: "false"`');
  });

  it("reports an unquoted value in a DynaKube's namespaceSelector at its line, saying to quote it", () => {
    const dynakube = yaml`
      apiVersion: dynatrace.com/v1beta5
      kind: DynaKube
      metadata: {name: dk, namespace: dynatrace}
      spec:
        apiUrl: https://abc12345.live.dynatrace.com/api
        oneAgent:
          cloudNativeFullStack:
            namespaceSelector:
              matchLabels:
                istio-injection: true
    `;
    const findings = runRule(rule, { 'dk.yaml': dynakube });
    expect(findings.map((f) => [f.resource, f.origin.line])).toEqual([['File dk.yaml', 10]]);
    expect(findings[0].message).toContain(
      'namespaceSelector.matchLabels.istio-injection is the boolean true, not a string; label selector values must be strings',
    );
    expect(findings[0].message).toContain('Quote it: `istio-injection: "true"`');
  });

  it('reports a file that is not valid YAML', () => {
    expect(runRule(rule, { 'ns.yaml': broken }).map((f) => f.resource)).toEqual(['File ns.yaml']);
  });

  it('does not fire on plain, readable configuration or the documented example apiUrl', () => {
    expect(runRule(rule, { 'dk.yaml': plain })).toHaveLength(0);
    expect(runRule(rule, { 'dk.yaml': plain.replace('abc12345', 'ENVIRONMENTID') })).toHaveLength(0);
  });

  it('is an info finding keyed by file, unchanged when lines move', () => {
    const findings = findingsOf(rule, { 'dk.yaml': `# moved\n${substituted}` }, { 'dk.yaml': substituted });
    expect(findings.map((f) => [f.severity, f.status, f.line])).toEqual([['info', 'unchanged', 8]]);
  });
});
