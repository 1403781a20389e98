import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DYNAKUBE_ANNOTATIONS_READ, placeholderIn } from '../../src/model/placeholders.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import { lineOf, modelOf } from './helpers.js';

describe('placeholders', () => {
  it.each([
    ['{{ .Values.istio.tag }}', 'a Helm/Go template'],
    ['${ARGOCD_ENV_istio_namespace}', 'an Argo CD plugin variable'],
    ['${version}', 'a substitution variable'],
    ['${service:=LoadBalancer}', 'a substitution variable'],
    ['<path:secret/data/dt#apiUrl>', 'an argocd-vault-plugin placeholder'],
    ['DT_TENANT_LIVE_PLACEHOLDER/api', 'a placeholder token'],
    ['TENANTURL_TOREPLACE/api', 'a placeholder token'],
    ['https://REPLACE_TENANT_ID.live.dynatrace.com/api', 'a placeholder token'],
    ['k8s-kind-easytrade-REPLACE_NAME', 'a placeholder token'],
    ['DT_TENANT_URL_TO_REPLACE/api', 'a placeholder token'],
    ['https://ENVIRONMENT_URL_TO_REPLACE/api', 'a placeholder token'],
    ['patch-me-see-overlays-dir', 'a placeholder an overlay replaces'],
  ])('%s is %s', (text, kind) => {
    expect(placeholderIn(text)?.kind).toBe(kind);
  });

  it.each([
    'REGISTRY_ONLY',
    'https://abc.live.dynatrace.com/api',
    '$HOME',
    'istio-system',
    'a{b}',
    'REPLACE_',
  ])('%s is a literal', (text) => expect(placeholderIn(text)).toBeUndefined());
});

describe('not evaluable entries with file and line', () => {
  it('reports placeholders in the fields rules read, not elsewhere', () => {
    const dynakube = [
      'apiVersion: dynatrace.com/v1beta1',
      'kind: DynaKube',
      'metadata:',
      '  name: "${dynakubename}"',
      '  namespace: dynatrace',
      'spec:',
      '  apiUrl: "${apiurl}"',
      '  tokens: ${dynatracesecretname}',
      '  oneAgent:',
      '    cloudNativeFullStack: {}',
    ];
    const namespace = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: app',
      '  labels:',
      '    istio.io/rev: "{{ .svc.istio.tag }}"',
    ];
    const model = modelOf({ 'dk.yaml': dynakube, 'ns.yaml': namespace });
    const lines = model.notEvaluable.map((n) => `${n.file}:${n.line}`);
    expect(lines).toEqual(expect.arrayContaining(['dk.yaml:4', 'dk.yaml:7', 'ns.yaml:6']));
    expect(lines).not.toContain('dk.yaml:8');
    expect(model.notEvaluable.find((n) => n.line === 7)?.reason).toBe(
      'DynaKube dynatrace/${dynakubename} spec.apiUrl: ${apiurl} is a substitution variable, filled in at deploy time; not evaluated',
    );
  });

  // henrikrexed/kubecon-otel-demo `dynatrace/dynakube.yaml`: the cluster name of Kubernetes monitoring is filled in by
  // `sed`, and no rule reads it; a feature flag a rule reads still counts.
  it('reports placeholders only in the DynaKube annotations a rule reads', () => {
    const dynakube = [
      'apiVersion: dynatrace.com/v1beta1',
      'kind: DynaKube',
      'metadata:',
      '  name: dynakube',
      '  namespace: dynatrace',
      '  annotations:',
      '    feature.dynatrace.com/automatic-kubernetes-api-monitoring-cluster-name: "CLUSTER_NAME_TO_REPLACE"',
      '    feature.dynatrace.com/ignored-namespaces: "${ignored}"',
      'spec:',
      '  apiUrl: https://abc12345.live.dynatrace.com/api',
    ];
    const model = modelOf({ 'dk.yaml': dynakube });
    expect(model.notEvaluable.map((n) => `${n.file}:${n.line}`)).toEqual(['dk.yaml:8']);
  });

  // henrikrexed/sre-workshop `istio/istio_gateway.yaml`: ingress routes for `hipstershop.IP_TO_REPLACE.nip.io`.
  it('reports placeholder hosts of a VirtualService only when it routes the sidecars', () => {
    const route = (name: string, gateways: string) =>
      [
        'apiVersion: networking.istio.io/v1',
        'kind: VirtualService',
        'metadata:',
        `  name: ${name}`,
        '  namespace: shop',
        'spec:',
        ...(gateways ? [`  gateways: ${gateways}`] : []),
        '  hosts:',
        '    - shop.IP_TO_REPLACE.nip.io',
        '---',
      ].join('\n');
    const model = modelOf({
      'vs.yaml':
        route('ingress', '[istio-system/gateway]') +
        '\n' +
        route('both', '[istio-system/gateway, mesh]') +
        '\n' +
        route('sidecars', ''),
    });
    expect(model.notEvaluable.map((n) => n.reason.split(' spec.')[0])).toEqual([
      'VirtualService shop/both',
      'VirtualService shop/sidecars',
    ]);
  });

  it('every DynaKube feature flag the source reads is scanned for placeholders', () => {
    const flags = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts'))
          for (const [flag] of readFileSync(file, 'utf8').matchAll(/'feature\.dynatrace\.com\/[a-z-]+'/g))
            flags.add(flag.slice(1, -1));
      }
    };
    for (const dir of ['src/model', 'src/rules']) walk(dir);
    expect([...flags].sort()).toEqual([...DYNAKUBE_ANNOTATIONS_READ].sort());
  });

  it('reports ${ARGOCD_ENV_*} inside a values file referenced by kustomize-style values', () => {
    const values = [
      'meshConfig:',
      '  rootNamespace: ${ARGOCD_ENV_istio_namespace}',
      'global:',
      '  hub: ${ARGOCD_ENV_registry}',
    ];
    const model = modelOf({ 'istio/istio-istiod-values.yaml': values });
    expect(model.notEvaluable).toEqual([
      {
        file: 'istio/istio-istiod-values.yaml',
        line: 2,
        reason:
          'istiod values meshConfig.rootNamespace: ${ARGOCD_ENV_istio_namespace} is an Argo CD plugin variable, filled in at deploy time; not evaluated',
      },
    ]);
  });

  it('reports a placeholder inside an Application values string at the outer line', () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod}',
      'spec:',
      '  source:',
      '    chart: istiod',
      '    repoURL: https://istio-release.storage.googleapis.com/charts',
      '    helm:',
      '      values: |',
      '        meshConfig:',
      '          outboundTrafficPolicy:',
      '            mode: <path:kv/data/istio#egress>',
    ];
    const model = modelOf({ 'app.yaml': app });
    expect(model.notEvaluable).toContainEqual(
      expect.objectContaining({ file: 'app.yaml', line: lineOf(app, '<path:') }),
    );
  });

  it('calls an unrendered Helm template a template, with its line', () => {
    const text = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: app',
      '  labels:',
      '    {{- include "labels" . | nindent 4 }}',
    ].join('\n');
    const parsed = parseYamlText('chart/templates/ns.yaml', text);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].reason).toMatch(/^Helm\/Go template/);
    expect(parsed.problems[0].line).toBeGreaterThanOrEqual(5);
  });

  it('reports nothing for the upstream-style literal manifests', () => {
    const model = modelOf({
      'ns.yaml': [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: a, labels: {istio-injection: enabled}}',
      ],
    });
    expect(model.notEvaluable).toEqual([]);
  });
});
