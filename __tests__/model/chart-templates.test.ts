import { describe, expect, it } from '@jest/globals';
import { modelOf } from './helpers.js';

const TEMPLATE_NOTE = /^Helm\/Go template syntax/;

const chartFile = ['apiVersion: v2', 'name: base', 'version: 1.24.0'];
const template = (kind: string) => [
  'apiVersion: v1',
  `kind: ${kind}`,
  'metadata:',
  '  name: {{ .Release.Name }}',
  '  namespace: {{ .Release.Namespace }}',
];

describe("a chart's templates/ and files/", () => {
  // dt-wv/aiops-easytrade commits the Istio 1.24.0 release: one note per template file, 78 in all.
  it('give one note per chart at its Chart.yaml, counting the files not read', () => {
    const model = modelOf({
      'istio-1.24.0/manifests/charts/base/Chart.yaml': chartFile,
      'istio-1.24.0/manifests/charts/base/values.yaml': ['global: {hub: docker.io/istio}'],
      'istio-1.24.0/manifests/charts/base/templates/crds.yaml': template('ConfigMap'),
      'istio-1.24.0/manifests/charts/base/templates/sub/role.yaml': template('ServiceAccount'),
      'istio-1.24.0/manifests/charts/base/files/injection-template.yaml': template('Pod'),
    });
    expect(model.notEvaluable).toEqual([
      {
        file: 'istio-1.24.0/manifests/charts/base/Chart.yaml',
        line: 1,
        reason:
          "Helm chart istio-1.24.0/manifests/charts/base: 2 files of templates/ and 1 file of files/ were not read: Helm renders them from the chart's values when the chart is installed, they are not applied as written (first: templates/crds.yaml:4)",
      },
    ]);
  });

  it('give none when the chart is read as an install through its values', () => {
    const model = modelOf({
      'charts/istiod/Chart.yaml': ['apiVersion: v2', 'name: istiod', 'version: 1.24.0'],
      'charts/istiod/values.yaml': ['pilot: {env: {ENABLE_NATIVE_SIDECARS: "false"}}'],
      'charts/istiod/templates/deployment.yaml': template('Deployment'),
      'argocd/istiod.yaml': [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {name: istiod, namespace: argocd}',
        'spec:',
        '  destination: {namespace: istio-system}',
        '  source: {repoURL: https://github.com/example/platform.git, path: charts/istiod}',
      ],
    });
    expect(model.chartValues.map((values) => values.via)).toEqual(['Application argocd/istiod']);
    expect(model.notEvaluable).toEqual([]);
  });

  it('a stray template in a plain manifests folder, or a templates/ folder of no chart, keeps its own note', () => {
    const model = modelOf({
      'manifests/config.yaml': template('ConfigMap'),
      'deploy/templates/role.yaml': template('ServiceAccount'),
    });
    expect(model.notEvaluable.map(({ file, reason }) => ({ file, reason }))).toEqual([
      { file: 'manifests/config.yaml', reason: expect.stringMatching(TEMPLATE_NOTE) },
      { file: 'deploy/templates/role.yaml', reason: expect.stringMatching(TEMPLATE_NOTE) },
    ]);
  });
});
