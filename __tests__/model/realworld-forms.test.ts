import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check } from '../../src/engine.js';
import type { Finding } from '../../src/rules/types.js';
import { DEFAULT_SELECTION } from '../../src/sources/types.js';
import { yaml } from '../rules/harness.js';

/**
 * The forms public GitOps repositories use for Istio install settings, namespace mesh labels, mesh policy objects
 * and DynaKubes (reference/realworld-forms.md §5, most common first), each written as the reference shows it and
 * run end to end: files in a folder, read, prefiltered and parsed as the CLI does, every rule. Each test asserts
 * the finding the form decides (or its absence) and the file and line it points at.
 */

type Tree = Record<string, string>;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Every finding of the whole check on a folder holding `tree`. */
async function scan(tree: Tree): Promise<Finding[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'dkig-forms-'));
  folders.push(folder);
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  return (await check({ repo: folder, selection: DEFAULT_SELECTION })).report.findings;
}

/** Findings of one rule as `file:line`. */
function at(findings: Finding[], ruleId: string): string[] {
  return findings.filter((finding) => finding.ruleId === ruleId).map((f) => `${f.file}:${f.line}`);
}

/** The 1-based line of the first line of `text` containing `needle` (after line `from`). */
function lineOf(text: string, needle: string, from = 0): number {
  const index = text.split('\n').findIndex((line, i) => i + 1 > from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** Where each edit of a finding's fix goes, as `file:line`. */
function fixTargets(finding: Finding | undefined): string[] {
  return finding?.fix?.edits.map((edit) => `${edit.file}:${edit.startLine}`) ?? [];
}

/** A code-module-injecting DynaKube with `enableIstio` unset, as the Dynatrace samples write it. */
const DYNAKUBE = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dynakube
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    oneAgent:
      cloudNativeFullStack: {}
`;
const DYNAKUBE_FILE = 'dynatrace/dynakube.yaml';
/** Where enable-istio-required points when `enableIstio` is not written: the DynaKube's name. */
const DYNAKUBE_AT = `${DYNAKUBE_FILE}:${lineOf(DYNAKUBE, 'name: dynakube')}`;

/** A mesh that restricts egress the way the forms below write it, and the line a finding must name. */
const REGISTRY_ONLY = 'mode: REGISTRY_ONLY';

/** The enable-istio-required findings (they point at the DynaKube) and the restriction their message names. */
function restrictionCited(findings: Finding[]): { at: string[]; cites: string[] } {
  const required = findings.filter((finding) => finding.ruleId === 'enable-istio-required');
  return {
    at: required.map((f) => `${f.file}:${f.line}`),
    cites: required.map((f) => /\(([^()]+:\d+)\)/.exec(f.message)?.[1] ?? f.message),
  };
}

describe('1. plain YAML: Namespace labels, Sidecar, ServiceEntry, DynaKube files', () => {
  it('a Namespace manifest labelling the operator namespace for injection', async () => {
    const namespace = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: dynatrace
        labels:
          istio-injection: enabled
    `;
    const findings = await scan({ 'dynatrace/namespace.yaml': namespace, [DYNAKUBE_FILE]: DYNAKUBE });
    const label = lineOf(namespace, 'istio-injection');
    expect(at(findings, 'operator-namespace-injection')).toEqual([`dynatrace/namespace.yaml:${label}`]);
    const finding = findings.find((f) => f.ruleId === 'operator-namespace-injection');
    expect(fixTargets(finding)).toEqual([`dynatrace/namespace.yaml:${label}`]);
  });

  it('a root-namespace Sidecar named default: pruning egress hosts alone restricts nothing (ALLOW_ANY)', async () => {
    // kubeflow common/istio/istio-install/base/sidecar-prune-egress.yaml: egress hosts only, no outbound mode.
    const sidecar = yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: default
        namespace: istio-system
      spec:
        egress:
        - hosts:
          - "./*"              # Current namespace services (maintains mTLS)
          - "kubeflow/*"       # Kubeflow services
          - "istio-system/*"   # Istio system services
    `;
    const file = 'common/istio/istio-install/base/sidecar-prune-egress.yaml';
    expect(restrictionCited(await scan({ [file]: sidecar, [DYNAKUBE_FILE]: DYNAKUBE })).at).toEqual([]);
    // The same Sidecar with REGISTRY_ONLY restricts every proxy of the mesh.
    const restricting = sidecar + '  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n';
    const findings = await scan({ [file]: restricting, [DYNAKUBE_FILE]: DYNAKUBE });
    expect(restrictionCited(findings)).toEqual({
      at: [DYNAKUBE_AT],
      cites: [`${file}:${lineOf(restricting, REGISTRY_ONLY)}`],
    });
  });

  it('a ServiceEntry without metadata.namespace (applied with -n) still covers the tenant host', async () => {
    // istio/istio samples/external/github.yaml: no namespace in the file.
    const serviceEntry = yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: dynatrace-tenant
      spec:
        hosts:
        - abc12345.live.dynatrace.com
        ports:
        - name: https
          number: 443
          protocol: TLS
        resolution: DNS
        location: MESH_EXTERNAL
    `;
    const mesh = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: istio
        namespace: istio-system
      data:
        mesh: |-
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
    `;
    const tree = { 'istio/mesh.yaml': mesh, [DYNAKUBE_FILE]: DYNAKUBE };
    expect(restrictionCited(await scan(tree)).cites).toEqual([
      `istio/mesh.yaml:${lineOf(mesh, REGISTRY_ONLY)}`,
    ]);
    const covered = await scan({ ...tree, 'samples/external/dynatrace.yaml': serviceEntry });
    expect(restrictionCited(covered).at).toEqual([]);
  });

  it('a DynaKube filled by Flux postBuild: ConfigMap variables resolved, Secret ones noted, no false error', async () => {
    // aws-samples/eks-anywhere-addons Addons/Partner/dynatrace.
    const dynakube = yaml`
      apiVersion: dynatrace.com/v1beta1
      kind: DynaKube
      metadata:
        name: "\${dynakubename}"
        namespace: dynatrace
      spec:
        apiUrl: "\${apiurl}"
        tokens: \${dynatracesecretname}
        oneAgent:
          cloudNativeFullStack: {}
    `;
    const kustomization = yaml`
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: dynatrace-dynakube
        namespace: flux-system
      spec:
        path: ./eks-anywhere-common/Addons/Partner/dynatrace/dynatrace-dynakube
        sourceRef: {kind: GitRepository, name: eks-anywhere-addons}
        postBuild:
          substituteFrom:
          - kind: ConfigMap
            name: dynatrace-variables
          - kind: Secret
            name: dynatrace-apiurl
    `;
    const variables = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: dynatrace-variables
        namespace: flux-system
      data:
        dynakubename: eks-anywhere
        dynatracesecretname: dynakube-tokens
    `;
    const base = 'eks-anywhere-common/Addons/Partner/dynatrace';
    const findings = await scan({
      [`${base}/dynatrace-dynakube/dynakube-cr.yaml`]: dynakube,
      [`${base}/dynakube-operator.yaml`]: kustomization,
      [`${base}/dynatrace-variables.yaml`]: variables,
    });
    expect(at(findings, 'dynakube-spec')).toEqual([]);
    // The Secret's variables are not read: said once where it is referenced, and where one is used.
    expect(at(findings, 'config-not-evaluable')).toEqual([
      `${base}/dynakube-operator.yaml:${lineOf(kustomization, 'kind: Secret')}`,
      `${base}/dynatrace-dynakube/dynakube-cr.yaml:${lineOf(dynakube, 'apiUrl')}`,
    ]);
  });
});

/** Istio values that restrict egress mesh-wide, as a values file or inline values write them. */
const RESTRICTING_VALUES = yaml`
  global:
    istioNamespace: istio-system
  meshConfig:
    accessLogFile: /dev/stdout
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
`;

describe('1b. dynakube.yaml with its token Secret in the same file (SirRanger/argocd, balagcpcloud)', () => {
  it('reads the DynaKube (enableIstio commented out is off) and never echoes the Secret', async () => {
    const file = yaml`
      apiVersion: v1
      kind: Secret
      metadata:
        name: dynakube
        namespace: dynatrace
      data:
        apiToken: ZHQwYzAxLlNFQ1JFVFRPS0VO
      stringData:
        dataIngestToken: dt0c01.PLAINSECRETTOKEN
      ---
      apiVersion: dynatrace.com/v1beta1
      kind: DynaKube
      metadata:
        name: dynakube
        namespace: dynatrace
      spec:
        apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api
        # enableIstio: true
        oneAgent:
          classicFullStack:
            tolerations:
            - effect: NoSchedule
              key: node-role.kubernetes.io/master
              operator: Exists
    `;
    const mesh = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: istio
        namespace: istio-system
      data:
        mesh: |-
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
    `;
    const findings = await scan({ 'dynakube.yaml': file, 'istio/mesh.yaml': mesh });
    // The DynaKube is read: its v1beta1 apiVersion is reported where it is written. Under REGISTRY_ONLY a host-only
    // classicFullStack DynaKube still needs no enableIstio: its OneAgents use the host network, outside the mesh.
    expect(at(findings, 'dynakube-api-version')).toEqual([
      `dynakube.yaml:${lineOf(file, 'apiVersion: dynatrace.com/v1beta1')}`,
    ]);
    expect(restrictionCited(findings).at).toEqual([]);
    const text = JSON.stringify(findings);
    for (const secret of ['ZHQwYzAxLlNFQ1JFVFRPS0VO', 'PLAINSECRETTOKEN']) expect(text).not.toContain(secret);
  });
});

describe('2. a separate Helm values file reached from a reference', () => {
  it('Argo CD multi-source valueFiles: [$values/...] with a ref source of this repository', async () => {
    // rahulkishorparida/platform-gitops apps/istiod.yaml and three more repositories.
    const application = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: istiod
        namespace: argocd
      spec:
        project: default
        destination: {server: https://kubernetes.default.svc, namespace: istio-system}
        sources:
        - repoURL: https://istio-release.storage.googleapis.com/charts
          chart: istiod
          targetRevision: 1.27.1
          helm:
            valueFiles:
            - $values/istio/istiod-values.yaml
        - repoURL: https://github.com/example/platform-gitops.git
          targetRevision: main
          ref: values
        - repoURL: https://github.com/example/platform-gitops.git
          targetRevision: main
          path: apps
    `;
    const findings = await scan({
      'apps/istiod.yaml': application,
      'istio/istiod-values.yaml': RESTRICTING_VALUES,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(restrictionCited(findings)).toEqual({
      at: [DYNAKUBE_AT],
      cites: [`istio/istiod-values.yaml:${lineOf(RESTRICTING_VALUES, REGISTRY_ONLY)}`],
    });
    expect(at(findings, 'config-not-evaluable')).toEqual([]);
  });

  it('kustomize helmCharts valuesFile next to the kustomization', async () => {
    // mpenglish/infra-repo istio/kustomization.yaml (valuesFile: istiod-values.yaml).
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      helmCharts:
      - name: istiod
        repo: https://istio-release.storage.googleapis.com/charts
        version: 1.26.2
        releaseName: istiod
        namespace: istio-system
        valuesFile: istiod-values.yaml
    `;
    const findings = await scan({
      'istio/kustomization.yaml': kustomization,
      'istio/istiod-values.yaml': RESTRICTING_VALUES,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(restrictionCited(findings).cites).toEqual([
      `istio/istiod-values.yaml:${lineOf(RESTRICTING_VALUES, REGISTRY_ONLY)}`,
    ]);
  });
});

describe('3. Flux HelmRelease spec.values', () => {
  /** stefanprodan/gitops-istio: istiod HelmRelease whose chart version is a postBuild variable. */
  const istiod = yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: istiod
      namespace: istio-system
    spec:
      interval: 30m
      chart:
        spec:
          chart: istiod
          version: "\${version}"
          sourceRef:
            kind: HelmRepository
            name: istio
            namespace: istio-system
      values:
        pilot:
          autoscaleEnabled: false
        global:
          istioNamespace: istio-system
  `;
  const fluxKustomization = yaml`
    apiVersion: kustomize.toolkit.fluxcd.io/v1
    kind: Kustomization
    metadata:
      name: istio-system
      namespace: flux-system
    spec:
      interval: 10m
      path: ./istio/system
      sourceRef:
        kind: GitRepository
        name: flux-system
      postBuild:
        substituteFrom:
        - kind: ConfigMap
          name: istio-version
  `;
  const versionConfigMap = (version: string) => yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: istio-version
      namespace: flux-system
    data:
      version: ${version}
  `;
  const tree = (version: string): Tree => ({
    'istio/system/istio.yaml': istiod,
    'clusters/my-cluster/istio.yaml': fluxKustomization,
    'clusters/my-cluster/istio-version.yaml': versionConfigMap(version),
    [DYNAKUBE_FILE]: DYNAKUBE,
  });

  it('takes the chart version from the substituteFrom ConfigMap: 1.19.3 injects classic sidecars', async () => {
    const findings = await scan(tree('1.19.3'));
    expect(at(findings, 'native-sidecars')).toEqual([]);
    expect(at(findings, 'config-not-evaluable')).toEqual([]);
  });

  it('takes the chart version from the substituteFrom ConfigMap: 1.28.0 defaults to native sidecars', async () => {
    const findings = await scan(tree('1.28.0'));
    const native = findings.filter((finding) => finding.ruleId === 'native-sidecars');
    expect(native.map((f) => f.message)).toEqual([expect.stringContaining('Istio 1.28.0')]);
    expect(native.map((f) => `${f.file}:${f.line}`)).toEqual([
      `istio/system/istio.yaml:${lineOf(istiod, 'chart: istiod')}`,
    ]);
    // The fix adds the env to spec.values.pilot, which the file already has: after its last key.
    expect(fixTargets(native[0])).toEqual([
      `istio/system/istio.yaml:${lineOf(istiod, 'autoscaleEnabled') + 1}`,
    ]);
  });

  it('global.meshConfig (typedrat/homelab) is not where the istiod chart reads mesh settings', async () => {
    // The istiod chart's values keep meshConfig at the top level (fixtures/istio-charts/istio-discovery-values.yaml);
    // its templates never read global.meshConfig, so this REGISTRY_ONLY reaches no proxy.
    const topLevel = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: istiod
        namespace: istio-system
      spec:
        chart:
          spec:
            chart: istiod
            version: 1.26.0
            sourceRef: {kind: HelmRepository, name: istio}
        values:
          profile: ambient
          meshConfig:
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
    `;
    const nested = topLevel.replace(
      '    meshConfig:\n      outboundTrafficPolicy:\n        mode: REGISTRY_ONLY',
      '    global:\n      meshConfig:\n        outboundTrafficPolicy:\n          mode: REGISTRY_ONLY',
    );
    expect(nested).not.toBe(topLevel);
    expect(
      restrictionCited(await scan({ 'infrastructure/istio/istiod.yaml': nested, [DYNAKUBE_FILE]: DYNAKUBE }))
        .at,
    ).toEqual([]);
    expect(
      restrictionCited(
        await scan({ 'infrastructure/istio/istiod.yaml': topLevel, [DYNAKUBE_FILE]: DYNAKUBE }),
      ).cites,
    ).toEqual([`infrastructure/istio/istiod.yaml:${lineOf(topLevel, REGISTRY_ONLY)}`]);
  });

  it('a HelmRelease without metadata.namespace gets it from the kustomization namespace:', async () => {
    // solanyn/home-ops: cni HelmRelease with no namespace; kubernetes/apps/kube-system/kustomization.yaml sets it.
    const cni = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: &app cni
      spec:
        chart:
          spec:
            chart: *app
            version: 1.24.2
            sourceRef: {kind: HelmRepository, name: istio, namespace: flux-system}
        values:
          profile: ambient
    `;
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: kube-system
      resources:
      - ./helmrelease.yaml
    `;
    const operatorRelease = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: dynatrace-operator
        namespace: dynatrace
      spec:
        chart:
          spec:
            chart: dynatrace-operator
            version: 1.6.2
            sourceRef: {kind: HelmRepository, name: dynatrace, namespace: flux-system}
    `;
    const findings = await scan({
      'kubernetes/apps/kube-system/cni/app/helmrelease.yaml': cni,
      'kubernetes/apps/kube-system/cni/app/kustomization.yaml': kustomization,
      'kubernetes/apps/dynatrace/operator.yaml': operatorRelease,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    // kube-system is on the operator's ignore list, so no DynaKube selects the CNI pods: no deadlock.
    expect(at(findings, 'cni-csi-deadlock')).toEqual([]);
    // Without the kustomization the release namespace defaults to istio-system, which the DynaKube selects.
    const unplaced = await scan({
      'kubernetes/apps/kube-system/cni/app/helmrelease.yaml': cni,
      'kubernetes/apps/dynatrace/operator.yaml': operatorRelease,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(at(unplaced, 'cni-csi-deadlock')).toEqual([
      expect.stringMatching(/^kubernetes\/apps\/kube-system\/cni\/app\/helmrelease.yaml:\d+$/),
    ]);
  });
});

describe('4. Argo CD Application', () => {
  it('helm.values string: the line inside the string is named', async () => {
    // shanaka-versent/AKS-Istio-GatewayAPI-Demo argocd/apps/istiod.yaml.
    const application = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: istiod
        namespace: argocd
      spec:
        destination: {server: https://kubernetes.default.svc, namespace: istio-system}
        source:
          repoURL: https://istio-release.storage.googleapis.com/charts
          chart: istiod
          targetRevision: 1.26.3
          helm:
            values: |
              profile: ambient
              meshConfig:
                outboundTrafficPolicy:
                  mode: REGISTRY_ONLY
    `;
    const findings = await scan({ 'argocd/apps/istiod.yaml': application, [DYNAKUBE_FILE]: DYNAKUBE });
    expect(restrictionCited(findings).cites).toEqual([
      `argocd/apps/istiod.yaml:${lineOf(application, REGISTRY_ONLY)}`,
    ]);
  });

  it('helm.valuesObject: a native-sidecar switch is found and fixed on its own line', async () => {
    const application = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: istiod
        namespace: argocd
      spec:
        destination: {namespace: istio-system}
        source:
          repoURL: https://istio-release.storage.googleapis.com/charts
          chart: istiod
          targetRevision: 1.25.2
          helm:
            valuesObject:
              meshConfig:
                accessLogFile: /dev/stdout
              pilot:
                env:
                  ENABLE_NATIVE_SIDECARS: "true"
    `;
    const findings = await scan({ 'apps/istiod.yaml': application, [DYNAKUBE_FILE]: DYNAKUBE });
    const line = lineOf(application, 'ENABLE_NATIVE_SIDECARS');
    expect(at(findings, 'native-sidecars')).toEqual([`apps/istiod.yaml:${line}`]);
    expect(fixTargets(findings.find((f) => f.ruleId === 'native-sidecars'))).toEqual([
      `apps/istiod.yaml:${line}`,
    ]);
  });

  describe('a flat local chart as source.path: its Chart.yaml, not targetRevision, is the chart version', () => {
    const application = (targetRevision: string) => yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: istiod
        namespace: argocd
      spec:
        destination: {namespace: istio-system}
        source:
          repoURL: https://github.com/example/platform.git
          path: charts/istiod
          targetRevision: ${targetRevision}
    `;
    const chart = (version: string) =>
      `apiVersion: v2\nname: istiod\nversion: ${version}\nappVersion: ${version}\n`;
    const tree = (targetRevision: string, version: string): Tree => ({
      'apps/istiod.yaml': application(targetRevision),
      'charts/istiod/Chart.yaml': chart(version),
      'charts/istiod/values.yaml': 'pilot:\n  env: {}\n',
      [DYNAKUBE_FILE]: DYNAKUBE,
    });

    it('a release tag of the platform repository is no Istio version', async () => {
      // v2.0.0 read as Istio would be ≥ 1.27 and default to native sidecars; the chart is 1.26.1.
      const findings = await scan(tree('v2.0.0', '1.26.1'));
      expect(at(findings, 'native-sidecars')).toEqual([]);
    });

    it('a branch says nothing, the Chart.yaml does: the finding names its version line', async () => {
      const findings = await scan(tree('main', '1.28.0'));
      const native = findings.filter((finding) => finding.ruleId === 'native-sidecars');
      expect(native.map((f) => f.message)).toEqual([expect.stringContaining('Istio 1.28.0')]);
      expect(native.map((f) => `${f.file}:${f.line}`)).toEqual(['charts/istiod/Chart.yaml:3']);
      // The fix goes where Argo CD passes values, not into the chart's defaults.
      expect(native[0].fix?.edits.map((edit) => edit.file)).toEqual(['apps/istiod.yaml']);
    });

    it("Istio's own unreleased chart says 1.0.0: an unknown release, not Istio 1.0", async () => {
      const findings = await scan(tree('main', '1.0.0'));
      expect(findings.filter((f) => f.ruleId === 'native-sidecars').map((f) => f.message)).toEqual([
        expect.stringContaining('unpinned (newest) Istio'),
      ]);
    });

    it('a chart from a Helm repository keeps targetRevision as its version', async () => {
      const fromRepository = application('1.28.0').replace('path: charts/istiod', 'chart: istiod');
      const findings = await scan({ 'apps/istiod.yaml': fromRepository, [DYNAKUBE_FILE]: DYNAKUBE });
      const native = findings.filter((finding) => finding.ruleId === 'native-sidecars');
      expect(native.map((f) => f.message)).toEqual([expect.stringContaining('Istio 1.28.0')]);
      expect(native.map((f) => `${f.file}:${f.line}`)).toEqual([
        `apps/istiod.yaml:${lineOf(fromRepository, 'chart: istiod')}`,
      ]);
    });
  });
});

describe('4b. Argo CD ApplicationSet template (realworld-forms: Argo CD Application / ApplicationSet template)', () => {
  /** istiod on three clusters from one list generator; only prod restricts egress, through valuesObject. */
  const applicationSet = (env: string) => yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: ApplicationSet
    metadata:
      name: istiod
      namespace: argocd
    spec:
      goTemplate: true
      generators:
        - list:
            elements:
              - {cluster: dev, url: https://dev.example.com, egress: ALLOW_ANY}
              - {cluster: staging, url: https://staging.example.com, egress: ALLOW_ANY}
              - {cluster: prod, url: https://prod.example.com, egress: REGISTRY_ONLY, native: "true"}
      template:
        metadata:
          name: 'istiod-{{ .cluster }}'
        spec:
          project: platform
          destination:
            server: '{{ .url }}'
            namespace: istio-system
          source:
            repoURL: https://istio-release.storage.googleapis.com/charts
            chart: istiod
            targetRevision: 1.26.3
            helm:
              valuesObject:
                pilot:
                  env:
                    ENABLE_NATIVE_SIDECARS: ${env}
                meshConfig:
                  outboundTrafficPolicy:
                    mode: '{{ .egress }}'
  `;
  const APPSET_FILE = 'argocd/appsets/istiod.yaml';

  it("the prod element's REGISTRY_ONLY is found at the template's line", async () => {
    const file = applicationSet('"false"');
    const findings = await scan({ [APPSET_FILE]: file, [DYNAKUBE_FILE]: DYNAKUBE });
    expect(restrictionCited(findings)).toEqual({
      at: [DYNAKUBE_AT],
      cites: [`${APPSET_FILE}:${lineOf(file, REGISTRY_ONLY.replace('REGISTRY_ONLY', "'{{ .egress }}'"))}`],
    });
    // Every element's values were filled in: nothing of the ApplicationSet is left unread.
    expect(at(findings, 'config-not-evaluable')).toEqual([]);
  });

  it('a literal line of the template is fixed there, once for every Application it generates', async () => {
    const file = applicationSet('"true"');
    const findings = await scan({ [APPSET_FILE]: file, [DYNAKUBE_FILE]: DYNAKUBE });
    const line = lineOf(file, 'ENABLE_NATIVE_SIDECARS');
    const native = findings.filter((finding) => finding.ruleId === 'native-sidecars');
    // The three Applications have the same finding on the same line with the same fix: reported once.
    expect(native.map((f) => `${f.file}:${f.line}`)).toEqual([`${APPSET_FILE}:${line}`]);
    expect(native[0].alsoFor).toHaveLength(2);
    expect(native.flatMap(fixTargets)).toEqual([`${APPSET_FILE}:${line}`]);
  });

  it("a templated value is the line of every element: the prod element's switch is found, no fix edits it", async () => {
    const file = applicationSet("'{{ .native }}'");
    const findings = await scan({ [APPSET_FILE]: file, [DYNAKUBE_FILE]: DYNAKUBE });
    const native = findings.filter((finding) => finding.ruleId === 'native-sidecars');
    expect(native.map((f) => `${f.file}:${f.line}`)).toEqual([
      `${APPSET_FILE}:${lineOf(file, 'ENABLE_NATIVE_SIDECARS')}`,
    ]);
    expect(native[0].message).toContain('istiod-prod');
    expect(native[0].fix).toBeUndefined();
  });
});

describe('5. kustomize namespace: and resources', () => {
  it('a Namespace named _ gets its name from the kustomization (solanyn/home-ops)', async () => {
    const namespace = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: _
        labels:
          istio-injection: enabled
    `;
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: dynatrace
      resources:
      - ./namespace.yaml
      - ./dynakube.yaml
    `;
    const findings = await scan({
      'kubernetes/apps/dynatrace/namespace.yaml': namespace,
      'kubernetes/apps/dynatrace/kustomization.yaml': kustomization,
      'kubernetes/apps/dynatrace/dynakube.yaml': DYNAKUBE,
    });
    expect(at(findings, 'operator-namespace-injection')).toEqual([
      `kubernetes/apps/dynatrace/namespace.yaml:${lineOf(namespace, 'istio-injection')}`,
    ]);
  });

  it('a namespace-less STRICT PeerAuthentication is mesh-wide through kustomization namespace: istio-system', async () => {
    // GoogleCloudPlatform/anthos-config-management-samples asm-acm-tutorial/root-sync/fix-strict-mtls.
    const peerAuthentication = yaml`
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata:
        name: default
      spec:
        mtls:
          mode: STRICT
    `;
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: istio-system
      resources:
      - mesh-strict-mtls.yaml
    `;
    const app = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          istio-injection: enabled
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: cart
        namespace: shop
      spec:
        template:
          metadata:
            annotations:
              metrics.dynatrace.com/scrape: "true"
              metrics.dynatrace.com/port: "8080"
          spec:
            containers:
            - name: cart
              image: example/cart:1.0
    `;
    const dynakube = DYNAKUBE + '  activeGate:\n    capabilities:\n    - kubernetes-monitoring\n';
    const dir = 'root-sync/fix-strict-mtls/enable-mesh-strict-mtls';
    const tree = {
      [`${dir}/mesh-strict-mtls.yaml`]: peerAuthentication,
      'apps/shop.yaml': app,
      [DYNAKUBE_FILE]: dynakube,
    };
    // Alone the PeerAuthentication has no namespace: nothing says it is mesh-wide.
    expect(at(await scan(tree), 'metric-scraping-mtls')).toEqual([]);
    const findings = await scan({ ...tree, [`${dir}/kustomization.yaml`]: kustomization });
    expect(at(findings, 'metric-scraping-mtls')).toEqual([
      `apps/shop.yaml:${lineOf(app, 'metrics.dynatrace.com/scrape')}`,
    ]);
  });
});

describe('5b. Flux Kustomization targetNamespace (solanyn/home-ops ks.yaml)', () => {
  it('places a namespace-less operator HelmRelease, and so the operator namespace', async () => {
    const release = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: dynatrace-operator
      spec:
        chart:
          spec:
            chart: dynatrace-operator
            version: 1.6.2
            sourceRef: {kind: HelmRepository, name: dynatrace, namespace: flux-system}
    `;
    const ks = yaml`
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: dynatrace-operator
        namespace: flux-system
      spec:
        targetNamespace: dynatrace-system
        path: ./kubernetes/apps/dynatrace-system/operator/app
        sourceRef: {kind: GitRepository, name: home-ops}
    `;
    const namespace = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: dynatrace-system
        labels:
          istio-injection: enabled
    `;
    const tree: Tree = {
      'kubernetes/apps/dynatrace-system/namespace.yaml': namespace,
      'kubernetes/apps/dynatrace-system/operator/app/helmrelease.yaml': release,
    };
    expect(at(await scan(tree), 'operator-namespace-injection')).toEqual([]);
    const findings = await scan({ ...tree, 'kubernetes/apps/dynatrace-system/operator/ks.yaml': ks });
    expect(at(findings, 'operator-namespace-injection')).toEqual([
      `kubernetes/apps/dynatrace-system/namespace.yaml:${lineOf(namespace, 'istio-injection')}`,
    ]);
  });
});

describe('6. IstioOperator', () => {
  it('spec.meshConfig and spec.values (Gabrielmadrid73/gitops-istio-multi-cluster)', async () => {
    const operator = yaml`
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      metadata:
        name: istio-control-plane
        namespace: istio-system
      spec:
        profile: default
        meshConfig:
          accessLogFile: /dev/stdout
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
        values:
          global:
            meshID: mesh1
            multiCluster:
              clusterName: cluster1
            network: network1
        components:
          ingressGateways:
          - name: istio-ingressgateway
            enabled: true
    `;
    const file = 'gitops/cluster1/infrastructure/istio-control-plane/istio-control-plane.yaml';
    const findings = await scan({ [file]: operator, [DYNAKUBE_FILE]: DYNAKUBE });
    expect(restrictionCited(findings)).toEqual({
      at: [DYNAKUBE_AT],
      cites: [`${file}:${lineOf(operator, REGISTRY_ONLY)}`],
    });
    // spec.values.meshConfig wins over spec.meshConfig.
    const allowed = operator.replace(
      '    network: network1',
      '    network: network1\n    meshConfig:\n      outboundTrafficPolicy:\n        mode: ALLOW_ANY',
    );
    expect(restrictionCited(await scan({ [file]: allowed, [DYNAKUBE_FILE]: DYNAKUBE })).at).toEqual([]);
  });
});

describe('7. kustomize helmCharts', () => {
  it('valuesInline with pilot.env (bkanuka/home-k3s)', async () => {
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: istio-system
      helmCharts:
      - name: istiod
        repo: https://istio-release.storage.googleapis.com/charts
        version: 1.24.3
        releaseName: istiod
        valuesInline:
          pilot:
            env:
              ENABLE_NATIVE_SIDECARS: "true"
          meshConfig:
            extensionProviders:
            - name: otel
              opentelemetry: {service: otel-collector.observability.svc.cluster.local, port: 4317}
    `;
    const findings = await scan({ 'istio/kustomization.yaml': kustomization, [DYNAKUBE_FILE]: DYNAKUBE });
    const line = lineOf(kustomization, 'ENABLE_NATIVE_SIDECARS');
    expect(at(findings, 'native-sidecars')).toEqual([`istio/kustomization.yaml:${line}`]);
    expect(fixTargets(findings.find((f) => f.ruleId === 'native-sidecars'))).toEqual([
      `istio/kustomization.yaml:${line}`,
    ]);
  });
});

describe('8. ${VAR} and {{ }} placeholders: noted with file and line, never a false finding', () => {
  it('kustomize helmCharts with ${ARGOCD_ENV_*} version and values (mojaloop/iac-modules)', async () => {
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      helmCharts:
      - name: istiod
        releaseName: istiod
        version: \${ARGOCD_ENV_istio_helm_version}
        repo: https://istio-release.storage.googleapis.com/charts
        valuesFile: istio-istiod-values.yaml
        namespace: \${ARGOCD_ENV_istio_namespace}
    `;
    const values = yaml`
      global:
        istioNamespace: \${ARGOCD_ENV_istio_namespace}
      meshConfig:
        accessLogFile: /dev/stdout
        outboundTrafficPolicy:
          mode: \${ARGOCD_ENV_istio_egress_mode}
    `;
    const dir = 'gitops/applications/base/istio';
    const findings = await scan({
      [`${dir}/kustomization.yaml`]: kustomization,
      [`${dir}/istio-istiod-values.yaml`]: values,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    // The egress mode is unknown: no enable-istio-required claimed on a placeholder.
    expect(restrictionCited(findings).at).toEqual([]);
    expect(at(findings, 'config-not-evaluable')).toEqual([
      `${dir}/istio-istiod-values.yaml:${lineOf(values, 'istioNamespace')}`,
      `${dir}/kustomization.yaml:${lineOf(kustomization, 'version:')}`,
    ]);
    const notes = findings.filter((f) => f.ruleId === 'config-not-evaluable').map((f) => f.message);
    expect(notes[0]).toContain(`line ${lineOf(values, 'mode:')}`);
    expect(notes[1]).toContain(`line ${lineOf(kustomization, 'namespace:')}`);
    // An unknown chart version is read as unpinned (the newest release), not quoted as if it were a version.
    expect(findings.filter((f) => f.ruleId === 'native-sidecars').map((f) => f.message)).toEqual([
      expect.stringContaining('an unpinned (newest) Istio'),
    ]);
  });

  it('a HelmRelease whose values come from a Secret (big-bang valuesFrom)', async () => {
    const release = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: istio
        namespace: bigbang
      spec:
        targetNamespace: istio-system
        chart:
          spec:
            chart: istiod
            version: 1.22.1
            sourceRef: {kind: GitRepository, name: istio, namespace: bigbang}
        valuesFrom:
        - name: bigbang-istio-values
          kind: Secret
          valuesKey: common
    `;
    const findings = await scan({ 'istio/helmrelease.yaml': release, [DYNAKUBE_FILE]: DYNAKUBE });
    expect(at(findings, 'config-not-evaluable')).toEqual([
      `istio/helmrelease.yaml:${lineOf(release, '- name: bigbang-istio-values')}`,
    ]);
    expect(restrictionCited(findings).at).toEqual([]);
  });

  it('a Namespace label written as a Go template (Azure/ARO-HCP)', async () => {
    const namespace = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: dynatrace
        labels:
          "istio.io/rev": "{{ .svc.istio.tag }}"
    `;
    const findings = await scan({ 'dynatrace/namespace.yaml': namespace, [DYNAKUBE_FILE]: DYNAKUBE });
    const label = `dynatrace/namespace.yaml:${lineOf(namespace, 'istio.io/rev')}`;
    expect(at(findings, 'config-not-evaluable')).toEqual([label]);
    // Whatever revision the template yields, the label enrols the namespace: the finding stands.
    expect(at(findings, 'operator-namespace-injection')).toEqual([label]);
  });

  it('a remote kustomize base (anthos online-boutique) is listed, not read', async () => {
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: onlineboutique
      resources:
      - github.com/GoogleCloudPlatform/microservices-demo/release?ref=main
      patches:
      - patch: |-
          $patch: delete
          apiVersion: v1
          kind: Namespace
          metadata:
            name: onlineboutique
    `;
    const findings = await scan({
      'online-boutique/deployments/kustomization.yaml': kustomization,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(at(findings, 'config-not-evaluable')).toEqual([
      `online-boutique/deployments/kustomization.yaml:${lineOf(kustomization, 'github.com')}`,
    ]);
  });
});

/** A mesh-wide STRICT PeerAuthentication and a DynaKube whose ActiveGate scrapes metrics from outside the mesh. */
const STRICT_MESH: Tree = {
  'istio/peer-authentication.yaml': yaml`
    apiVersion: security.istio.io/v1
    kind: PeerAuthentication
    metadata:
      name: default
      namespace: istio-system
    spec:
      mtls:
        mode: STRICT
  `,
  [DYNAKUBE_FILE]: DYNAKUBE + '  activeGate:\n    capabilities:\n    - kubernetes-monitoring\n',
};

describe('9. the long tail (1–2 repositories each)', () => {
  it('sidecars injected ahead of time by istioctl kube-inject, stored as a JSON6902 patch (stefanprodan/gitops-istio)', async () => {
    const namespace = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
        labels:
          istio-injection: disabled
    `;
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: backend
        namespace: prod
      spec:
        template:
          metadata:
            annotations:
              metrics.dynatrace.com/scrape: "true"
              metrics.dynatrace.com/port: "9898"
            labels:
              app: backend
          spec:
            containers:
            - name: backend
              image: ghcr.io/stefanprodan/podinfo:6.1.0
              resources:
                limits:
                  cpu: 1000m
    `;
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - deployment.yaml
      patchesJson6902:
      - path: deployment.patch.yaml
        target:
            group: apps
            kind: Deployment
            name: backend
            version: v1
    `;
    // The head of the generated patch (apps/backend/deployment.patch.yaml), as istioctl kube-inject writes it.
    const patch = yaml`
      - op: add
        path: /spec/template/metadata/annotations/prometheus.io~1port
        value: "15020"
      - op: add
        path: /spec/template/metadata/annotations/sidecar.istio.io~1status
        value: '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy"],"imagePullSecrets":null,"revision":"default"}'
      - op: add
        path: /spec/template/metadata/labels/security.istio.io~1tlsMode
        value: istio
      - op: replace
        path: /spec/template/spec/containers/0/resources/limits/cpu
        value: "2"
      - op: add
        path: /spec/template/spec/containers/1
        value:
          args: [proxy, sidecar, --domain, $(POD_NAMESPACE).svc.cluster.local]
          image: docker.io/istio/proxyv2:1.18.5
          name: istio-proxy
    `;
    const tree: Tree = {
      ...STRICT_MESH,
      'apps/namespace.yaml': namespace,
      'apps/backend/deployment.yaml': deployment,
      'apps/backend/kustomization.yaml': kustomization,
    };
    // Without the patch the namespace says no injection: the pod is outside the mesh and mTLS does not apply.
    expect(at(await scan(tree), 'metric-scraping-mtls')).toEqual([]);
    const findings = await scan({ ...tree, 'apps/backend/deployment.patch.yaml': patch });
    expect(at(findings, 'metric-scraping-mtls')).toEqual([
      `apps/backend/deployment.yaml:${lineOf(deployment, 'metrics.dynatrace.com/scrape')}`,
    ]);
    expect(at(findings, 'config-not-evaluable')).toEqual([]);
  });

  it.each([
    // PHACDataHub/zta-system-pattern istio/asm-controlplane-configmap.yaml (managed ASM).
    ['istio/asm-controlplane-configmap.yaml', 'istio-asm-managed-rapid', 'istio-system'],
    // Azure/ARO-HCP istio/deploy/templates/istio-shared-configmap.yml (AKS add-on).
    ['istio/deploy/istio-shared-configmap.yml', 'istio-shared-configmap-asm-1-24', 'aks-istio-system'],
  ])('a vendor mesh ConfigMap %s (%s) with a data.mesh string', async (file, name, namespace) => {
    const configMap = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: ${name}
        namespace: ${namespace}
      data:
        mesh: |-
          discoverySelectors:
          - matchLabels:
              istio-injection: enabled
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
    `;
    const findings = await scan({ [file]: configMap, [DYNAKUBE_FILE]: DYNAKUBE });
    expect(restrictionCited(findings)).toEqual({
      at: [DYNAKUBE_AT],
      cites: [`${file}:${lineOf(configMap, REGISTRY_ONLY)}`],
    });
  });

  describe('kustomize patches (kubeflow/manifests)', () => {
    const kubeflowNamespace = (name: string) => yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ${name}
    `;

    it('an inline JSON6902 patch in a Component adds the ambient label to a Namespace', async () => {
      const component = yaml`
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        resources:
        - ../../dynatrace/namespace.yaml
        patches:
        - target: {kind: Namespace, name: dynatrace}
          patch: |-
            - op: add
              path: /metadata/labels/istio.io~1dataplane-mode
              value: ambient
      `;
      const findings = await scan({
        'common/dynatrace/namespace.yaml': kubeflowNamespace('dynatrace'),
        'common/components/ambient-mode/kustomization.yaml': component,
        [DYNAKUBE_FILE]: DYNAKUBE,
      });
      expect(at(findings, 'operator-namespace-injection')).toEqual([
        `common/components/ambient-mode/kustomization.yaml:${lineOf(component, 'value: ambient')}`,
      ]);
    });

    it('a strategic-merge patch file adds istio-injection to an upstream Namespace', async () => {
      // common/knative/knative-serving/base/patches/namespace-injection.yaml.
      const patch = yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: dynatrace
          labels:
            istio-injection: enabled
      `;
      const kustomization = yaml`
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - upstream/namespace.yaml
        patches:
        - path: patches/namespace-injection.yaml
      `;
      const base = 'common/dynatrace/base';
      const findings = await scan({
        [`${base}/upstream/namespace.yaml`]: kubeflowNamespace('dynatrace'),
        [`${base}/patches/namespace-injection.yaml`]: patch,
        [`${base}/kustomization.yaml`]: kustomization,
        [DYNAKUBE_FILE]: DYNAKUBE,
      });
      expect(at(findings, 'operator-namespace-injection')).toEqual([
        `${base}/patches/namespace-injection.yaml:${lineOf(patch, 'istio-injection')}`,
      ]);
    });

    it('rendered istioctl manifest generate output whose istio ConfigMap data.mesh a strategic-merge patch replaces', async () => {
      // common/istio/istio-install/base: install.yaml and patches/istio-configmap-disable-tracing.yaml.
      const install = yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: istiod
          namespace: istio-system
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          labels:
            install.operator.istio.io/owning-resource: unknown
            istio.io/rev: default
            operator.istio.io/component: Pilot
            release: istio
          name: istio
          namespace: istio-system
        data:
          mesh: |-
            defaultConfig:
              discoveryAddress: istiod.istio-system.svc:15012
            defaultProviders:
              metrics:
              - prometheus
            enablePrometheusMerge: true
            rootNamespace: istio-system
            trustDomain: cluster.local
          meshNetworks: 'networks: {}'
      `;
      const patch = yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: istio
          namespace: istio-system
        data:
          mesh: |-
            accessLogFile: /dev/stdout
            defaultConfig:
              discoveryAddress: istiod.istio-system.svc:15012
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
            rootNamespace: istio-system
      `;
      const kustomization = yaml`
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - install.yaml
        patches:
        - path: patches/istio-configmap-disable-tracing.yaml
      `;
      const base = 'common/istio/istio-install/base';
      const tree = {
        [`${base}/install.yaml`]: install,
        [`${base}/kustomization.yaml`]: kustomization,
        [DYNAKUBE_FILE]: DYNAKUBE,
      };
      expect(restrictionCited(await scan(tree)).at).toEqual([]);
      const findings = await scan({
        ...tree,
        [`${base}/patches/istio-configmap-disable-tracing.yaml`]: patch,
      });
      expect(restrictionCited(findings).cites).toEqual([
        `${base}/patches/istio-configmap-disable-tracing.yaml:${lineOf(patch, REGISTRY_ONLY)}`,
      ]);
    });
  });

  it('Flux valuesFrom a ConfigMap that a kustomize configMapGenerator makes (duplocloud/kubernetes-addons)', async () => {
    const kustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: istio-system
      resources:
      - release.yaml
      configMapGenerator:
      - name: istiod-values
        files:
        - values.yaml
      generatorOptions:
        disableNameSuffixHash: true
    `;
    const release = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: istiod
      spec:
        chart:
          spec:
            chart: istiod
            version: 1.25.0
            sourceRef: {kind: HelmRepository, name: istio}
        valuesFrom:
        - kind: ConfigMap
          name: istiod-values
    `;
    const findings = await scan({
      'istio/kustomization.yaml': kustomization,
      'istio/release.yaml': release,
      'istio/values.yaml': RESTRICTING_VALUES,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(restrictionCited(findings).cites).toEqual([
      `istio/values.yaml:${lineOf(RESTRICTING_VALUES, REGISTRY_ONLY)}`,
    ]);
    expect(at(findings, 'config-not-evaluable')).toEqual([]);
  });

  it('an umbrella chart nesting values under each dependency (aws-samples/eks-blueprints-add-ons)', async () => {
    const chart = yaml`
      apiVersion: v2
      name: tetrate-istio
      version: 0.1.0
      dependencies:
      - name: base
        version: 1.28.0
        repository: https://istio-release.storage.googleapis.com/charts
      - name: cni
        version: 1.28.0
        repository: https://istio-release.storage.googleapis.com/charts
      - name: istiod
        version: 1.28.0
        repository: https://istio-release.storage.googleapis.com/charts
    `;
    const values = yaml`
      istiod:
        istio_cni:
          enabled: true
        meshConfig:
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
    `;
    const findings = await scan({
      'add-ons/tetrate-istio/Chart.yaml': chart,
      'add-ons/tetrate-istio/values.yaml': values,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(restrictionCited(findings).cites).toEqual([
      `add-ons/tetrate-istio/values.yaml:${lineOf(values, REGISTRY_ONLY)}`,
    ]);
  });

  describe('a Sail Istio CR whose version only an overlay patch sets (redhat-cop/gitops-catalog)', () => {
    const istio = yaml`
      apiVersion: sailoperator.io/v1
      kind: Istio
      metadata:
        name: default
      spec:
        version: patch-me-see-overlays-dir
        namespace: istio-system
        updateStrategy:
          type: InPlace
        values:
          meshConfig:
            discoverySelectors:
            - matchLabels:
                istio-discovery: enabled
    `;
    const baseKustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
      - istio.yaml
    `;
    const overlayKustomization = yaml`
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
      - ../../base/istio
      patches:
      - target:
          kind: Istio
        path: patch-version.yaml
    `;
    const patch = (version: string) => yaml`
      - op: replace
        path: /spec/version
        value: ${version}
    `;
    const base = 'redhat-openshift-servicemesh-3/instance/base/istio';
    const overlay = 'redhat-openshift-servicemesh-3/instance/overlays/current';

    it('the base alone: the placeholder version is noted, the install read as unpinned', async () => {
      const findings = await scan({
        [`${base}/istio.yaml`]: istio,
        [`${base}/kustomization.yaml`]: baseKustomization,
        [DYNAKUBE_FILE]: DYNAKUBE,
      });
      expect(at(findings, 'config-not-evaluable')).toEqual([
        `${base}/istio.yaml:${lineOf(istio, 'version:')}`,
      ]);
    });

    it.each([
      ['v1.24.5', []],
      ['v1.28.0', ['native-sidecars']],
    ])('the overlay patch sets %s', async (version, rules) => {
      const findings = await scan({
        [`${base}/istio.yaml`]: istio,
        [`${base}/kustomization.yaml`]: baseKustomization,
        [`${overlay}/kustomization.yaml`]: overlayKustomization,
        [`${overlay}/patch-version.yaml`]: patch(version),
        [DYNAKUBE_FILE]: DYNAKUBE,
      });
      // The finding names the line that sets the version (the overlay's), the fix the CR's spec.values.
      expect(at(findings, 'native-sidecars')).toEqual(rules.map(() => `${overlay}/patch-version.yaml:3`));
      for (const finding of findings.filter((f) => f.ruleId === 'native-sidecars'))
        expect(finding.fix?.edits.map((edit) => edit.file)).toEqual([`${base}/istio.yaml`]);
      expect(at(findings, 'config-not-evaluable')).toEqual([]);
    });
  });

  it('Flux chartRef to an OCIRepository: chart and version come from the OCIRepository (xunholy/k8s-gitops)', async () => {
    const release = yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: &app istiod
        namespace: istio-system
      spec:
        chartRef:
          kind: OCIRepository
          name: istiod
        values:
          meshConfig:
            accessLogFile: /dev/stdout
    `;
    const repository = (tag: string) => yaml`
      apiVersion: source.toolkit.fluxcd.io/v1beta2
      kind: OCIRepository
      metadata:
        name: istiod
        namespace: istio-system
      spec:
        interval: 12h
        url: oci://gcr.io/istio-release/charts/istiod
        ref:
          tag: ${tag}
    `;
    const tree = (tag: string): Tree => ({
      'kubernetes/apps/istio-system/istiod/app/helmrelease.yaml': release,
      'kubernetes/apps/istio-system/istiod/app/ocirepository.yaml': repository(tag),
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(at(await scan(tree('1.26.2')), 'native-sidecars')).toEqual([]);
    expect(at(await scan(tree('1.28.1')), 'native-sidecars')).toEqual([
      `kubernetes/apps/istio-system/istiod/app/ocirepository.yaml:${lineOf(repository('1.28.1'), 'url:')}`,
    ]);
  });

  it('an Argo CD Application that is itself a Helm template (eks-blueprints helm.values from toYaml)', async () => {
    const application = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: tetrate-istio
        namespace: argocd
      spec:
        destination: {namespace: istio-system}
        source:
          repoURL: https://github.com/aws-samples/eks-blueprints-add-ons
          path: add-ons/tetrate-istio
          helm:
            values: |
              istiod:
              {{- toYaml .Values.tetrateIstio.istiod | nindent 10 }}
    `;
    // The umbrella chart the Application installs sits in the same repository.
    const umbrella = yaml`
      apiVersion: v2
      name: tetrate-istio
      version: 0.1.0
      dependencies:
      - name: istiod
        version: 1.26.0
        repository: https://istio-release.storage.googleapis.com/charts
    `;
    const findings = await scan({
      'chart/templates/tetrate-istio.yaml': application,
      'add-ons/tetrate-istio/Chart.yaml': umbrella,
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(at(findings, 'config-not-evaluable')).toEqual([
      `chart/templates/tetrate-istio.yaml:${lineOf(application, '{{- toYaml')}`,
    ]);
    expect(restrictionCited(findings).at).toEqual([]);
  });
});

describe('Flux ${var:=default} in the values (stefanprodan/gitops-istio gateway form)', () => {
  const release = yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: istiod
      namespace: istio-system
    spec:
      chart:
        spec:
          chart: istiod
          version: 1.26.0
          sourceRef: {kind: HelmRepository, name: istio}
      values:
        meshConfig:
          outboundTrafficPolicy:
            mode: "\${egress_mode:=REGISTRY_ONLY}"
  `;
  const fluxKustomization = (substitute: string) => yaml`
    apiVersion: kustomize.toolkit.fluxcd.io/v1
    kind: Kustomization
    metadata:
      name: istio-system
      namespace: flux-system
    spec:
      path: ./istio/system
      sourceRef: {kind: GitRepository, name: flux-system}
      postBuild:
        substitute:
          ${substitute}
  `;

  it('the default applies when the variable is not set', async () => {
    const findings = await scan({
      'istio/system/istiod.yaml': release,
      'clusters/my-cluster/istio.yaml': fluxKustomization('cluster: prod'),
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(restrictionCited(findings).cites).toEqual([
      `istio/system/istiod.yaml:${lineOf(release, 'mode:')}`,
    ]);
  });

  it('the variable wins over the default', async () => {
    const findings = await scan({
      'istio/system/istiod.yaml': release,
      'clusters/my-cluster/istio.yaml': fluxKustomization('egress_mode: ALLOW_ANY'),
      [DYNAKUBE_FILE]: DYNAKUBE,
    });
    expect(restrictionCited(findings).at).toEqual([]);
    expect(at(findings, 'config-not-evaluable')).toEqual([]);
  });
});

describe('kubeflow/manifests overlays/insecure: $patch: delete removes the rendered CNI DaemonSet', () => {
  const install = yaml`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: istio-cni-node
      namespace: istio-system
      labels:
        k8s-app: istio-cni-node
    spec:
      selector:
        matchLabels:
          k8s-app: istio-cni-node
      template:
        metadata:
          labels:
            k8s-app: istio-cni-node
            sidecar.istio.io/inject: "false"
          annotations:
            sidecar.istio.io/inject: "false"
        spec:
          containers:
          - name: install-cni
            image: docker.io/istio/install-cni:1.29.1
  `;
  const baseKustomization = yaml`
    apiVersion: kustomize.config.k8s.io/v1beta1
    kind: Kustomization
    resources:
    - install.yaml
  `;
  const insecure = yaml`
    apiVersion: kustomize.config.k8s.io/v1beta1
    kind: Kustomization
    resources:
    - ../../base
    patches:
    - patch: |-
        $patch: delete
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: istio-cni-node
          namespace: istio-system
  `;
  const root = 'common/istio/istio-install';
  const tree: Tree = {
    [`${root}/base/install.yaml`]: install,
    [`${root}/base/kustomization.yaml`]: baseKustomization,
    [DYNAKUBE_FILE]: DYNAKUBE,
  };

  it('the base alone installs CNI without the opt-out annotation', async () => {
    expect(at(await scan(tree), 'cni-csi-deadlock')).toEqual([
      `${root}/base/install.yaml:${lineOf(install, 'annotations:')}`,
    ]);
  });

  it('the overlay that deletes the DaemonSet has no CNI pods to exclude', async () => {
    const findings = await scan({ ...tree, [`${root}/overlays/insecure/kustomization.yaml`]: insecure });
    expect(at(findings, 'cni-csi-deadlock')).toEqual([]);
  });
});
