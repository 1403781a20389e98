import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { check, type CheckOptions } from '../../src/engine.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { DEFAULT_SELECTION } from '../../src/sources/types.js';
import { TempGitRepo } from '../helpers/git-repo.js';

/**
 * The pre-filter may only save work: the whole report (JSON contract and the PR comment) must be the same with
 * and without it, on every example, on the upstream fixtures and on a synthetic tree full of near misses.
 */
async function expectSameReports(options: Omit<CheckOptions, 'selection'>) {
  const run = (prefilter: boolean) => check({ ...options, selection: DEFAULT_SELECTION, prefilter });
  const filtered = await run(true);
  const unfiltered = await run(false);
  expect(renderJson(filtered.report)).toBe(renderJson(unfiltered.report));
  expect(renderMarkdown(filtered.report)).toBe(renderMarkdown(unfiltered.report));
  return { filtered, unfiltered };
}

const examples = readdirSync('examples').filter((name) =>
  readdirSync(path.join('examples', name)).includes('head'),
);
const fixtures = path.resolve(process.cwd(), '../shared/fixtures');

describe('reports with and without the pre-filter', () => {
  it.each(examples)('are the same for examples/%s', async (example) => {
    await expectSameReports({ repo: path.join('examples', example), base: 'base', head: 'head' });
  });

  it('are the same for the upstream fixtures (DynaKube samples, CRDs, chart values)', async () => {
    const { filtered, unfiltered } = await expectSameReports({ repo: fixtures });
    // The CRDs are large documents no rule reads: the filter must actually skip them.
    expect(filtered.stats!.documentsParsed).toBeLessThan(unfiltered.stats!.documentsParsed);
  });

  describe('on a synthetic repository with base and head commits', () => {
    const repo = new TempGitRepo();

    beforeAll(() => {
      writeTree(repo, 'ALLOW_ANY');
      repo.commit('base');
      writeTree(repo, 'REGISTRY_ONLY');
      repo.commit('head');
    });
    afterAll(() => repo.remove());

    it('are the same, with findings that depend on documents mixed with dropped ones', async () => {
      const { filtered, unfiltered } = await expectSameReports({ repo: repo.dir, base: 'HEAD~1' });
      const rules = new Set(filtered.report.findings.map((finding) => finding.ruleId));
      expect(rules).toContain('enable-istio-required');
      expect(rules).toContain('operator-namespace-injection');
      expect(filtered.report.findings.map((finding) => [finding.ruleId, finding.file])).toContainEqual([
        'config-not-evaluable',
        'platform/argo/root.yaml',
      ]);
      expect(filtered.stats!.documentsParsed).toBeLessThan(unfiltered.stats!.documentsParsed / 2);
    });

    it('reads from git and parses only the files the PR changed', async () => {
      const { stats } = await check({ repo: repo.dir, base: 'HEAD~1', selection: DEFAULT_SELECTION });
      const files = repo.git('ls-files').trim().split('\n').length;
      const changed = repo.git('diff', '--name-only', 'HEAD~1').trim().split('\n').length;
      expect(stats!.files).toBe(2 * files);
      expect(stats!.filesRead).toBe(files + changed);
      expect(stats!.reused).toBe(files - changed);
    });
  });
});

const service = (name: string, namespace: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  ports:
    - port: 80
`;

const deployment = (name: string, namespace: string, annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
${annotations}    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1
`;

/** A tree where what matters sits between, after and beside documents that do not. */
function writeTree(repo: TempGitRepo, mode: string): void {
  repo.write(
    'platform/istio/istiod.yaml',
    `${service('istiod-extra', 'istio-system')}---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      version: 1.26.4
  valuesFrom:
    - kind: ConfigMap
      name: istiod-overrides
  values:
    pilot:
      cni:
        enabled: true
`,
  );
  repo.write(
    'platform/istio/overrides.yaml',
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated-settings
  namespace: istio-system
data:
  a: b
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: istiod-overrides
  namespace: istio-system
data:
  values.yaml: |
    meshConfig:
      outboundTrafficPolicy:
        mode: ${mode}
`,
  );
  repo.write(
    'platform/istio/cni.yaml',
    `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.26.4
`,
  );
  repo.write(
    'platform/istio/mtls.yaml',
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
`,
  );
  // CRLF and a dropped first document without `---` before the DynaKube.
  repo.write(
    'platform/dynatrace/dynakube.yaml',
    `${service('dynatrace-webhook', 'dynatrace')}---
apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  oneAgent:
    cloudNativeFullStack: {}
  activeGate:
    capabilities: [routing, kubernetes-monitoring]
`.replace(/\n/g, '\r\n'),
  );
  repo.write(
    'platform/dynatrace/namespace.yaml',
    `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Namespace
    metadata:
      name: dynatrace
      labels:
        istio-injection: enabled
`,
  );
  repo.write(
    'platform/dynatrace/kustomization.yaml',
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - dynakube.yaml\n  - namespace.yaml\n',
  );
  repo.write(
    'platform/istio/values/istiod-values.yaml',
    `pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "true"\n`,
  );
  // An Argo CD app-of-apps, and an Application of an umbrella chart folder with its istiod subchart unpacked in
  // charts/ and a $values file of another repository: Chart.yaml and values.yaml have no `kind`.
  repo.write(
    'platform/argo/root.yaml',
    `${service('argocd-extra', 'argocd')}---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: root, namespace: argocd}
spec:
  source: {repoURL: https://github.com/example/platform.git, path: platform/argo}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: mesh, namespace: argocd}
spec:
  destination: {namespace: istio-system}
  sources:
    - repoURL: https://github.com/example/platform.git
      path: platform/mesh
      helm:
        valueFiles: [$values/envs/mesh.yaml]
        parameters: [{name: control-plane.pilot.env.PILOT_X, value: "${mode}"}]
    - {repoURL: https://github.com/example/mesh-values.git, ref: values}
`,
  );
  repo.write(
    'platform/mesh/Chart.yaml',
    'apiVersion: v2\nname: mesh\nversion: 0.1.0\ndependencies:\n  - {name: istiod, alias: control-plane, version: 1.26.4}\n',
  );
  repo.write('platform/mesh/charts/istiod/Chart.yaml', 'apiVersion: v2\nname: istiod\nversion: 1.26.4\n');
  repo.write(
    'platform/mesh/charts/istiod/values.yaml',
    '_internal_defaults_do_not_set:\n  pilot:\n    cni:\n      enabled: true\n',
  );
  repo.write('envs/mesh.yaml', 'meshConfig:\n  rootNamespace: not-this-repository\n');
  for (let index = 0; index < 12; index++) {
    const namespace = `team-${index}`;
    const scraped =
      index % 4 === 0
        ? '      annotations:\n        metrics.dynatrace.com/scrape: "true"\n        metrics.dynatrace.com/port: "9090"\n'
        : '';
    repo.write(
      `apps/${namespace}/app.yaml`,
      [deployment(`web-${index}`, namespace, scraped), service(`web-${index}`, namespace)].join('---\n'),
    );
    repo.write(
      `apps/${namespace}/more.yaml`,
      // A BOM, a comment-only document and an anchor in a document that is otherwise dropped.
      `\ufeff# generated\n---\n${service(`api-${index}`, namespace)}---\n${deployment(
        `job-${index}`,
        namespace,
      ).replace(
        'replicas',
        'x',
      )}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s-${index}\n  namespace: ${namespace}\nstringData: ${index === 0 ? '&data ' : ''}\n  a: b\n`,
    );
    repo.write(
      `apps/${namespace}/kustomization.yaml`,
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${namespace}\nresources:\n  - app.yaml\n  - more.yaml\n`,
    );
    repo.write(
      `apps/${namespace}/namespace.yaml`,
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n  labels:\n    istio-injection: enabled\n`,
    );
  }
}
