import { describe, expect, it } from '@jest/globals';
import { lineOf, modelOf } from './helpers.js';

/** An ApplicationSet installing istiod with a list generator; `template` lines are indented under `spec:`. */
function applicationSet(options: {
  goTemplate?: boolean;
  generators: string[];
  template: string[];
}): string[] {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata: {name: istiod, namespace: argocd}',
    'spec:',
    ...(options.goTemplate ? ['  goTemplate: true'] : []),
    '  generators:',
    ...options.generators.map((line) => `    ${line}`),
    '  template:',
    ...options.template.map((line) => `    ${line}`),
  ];
}

const CLUSTERS = [
  '- list:',
  '    elements:',
  '      - {cluster: dev, version: 1.26.3, egress: ALLOW_ANY}',
  '      - {cluster: prod, version: 1.27.1, egress: REGISTRY_ONLY}',
];

const FLAT_TEMPLATE = [
  "metadata: {name: 'istiod-{{cluster}}'}",
  'spec:',
  "  destination: {name: '{{ cluster }}', namespace: istio-system}",
  '  source:',
  '    repoURL: https://istio-release.storage.googleapis.com/charts',
  '    chart: istiod',
  "    targetRevision: '{{version}}'",
  '    helm:',
  '      valuesObject:',
  '        meshConfig:',
  '          outboundTrafficPolicy:',
  "            mode: '{{egress}}'",
];

describe('Argo CD ApplicationSet list generator', () => {
  it('reads one Application per element, the values filled in, at the lines of the template', () => {
    const file = applicationSet({ generators: CLUSTERS, template: FLAT_TEMPLATE });
    const model = modelOf({ 'argocd/istiod.yaml': file });
    expect(
      model.chartValues.map(({ chart, via, chartVersion, releaseNamespace, releaseName }) => ({
        chart,
        via,
        chartVersion,
        releaseNamespace,
        releaseName,
      })),
    ).toEqual([
      {
        chart: 'istiod',
        via: 'Application argocd/istiod-dev',
        chartVersion: '1.26.3',
        releaseNamespace: 'istio-system',
        releaseName: 'istiod-dev',
      },
      {
        chart: 'istiod',
        via: 'Application argocd/istiod-prod',
        chartVersion: '1.27.1',
        releaseNamespace: 'istio-system',
        releaseName: 'istiod-prod',
      },
    ]);
    const policies = model.meshConfigs.map((mesh) => mesh.outboundPolicy);
    expect(policies.map((policy) => policy?.value)).toEqual(['ALLOW_ANY', 'REGISTRY_ONLY']);
    expect(policies[1]?.origin).toMatchObject({ file: 'argocd/istiod.yaml', line: lineOf(file, 'mode:') });
    // The chart is where the template names it, and every value was filled in: nothing is left to note.
    expect(model.chartValues[1].origin).toMatchObject({ line: lineOf(file, 'chart: istiod') });
    expect(model.notEvaluable).toEqual([]);
  });

  it('with goTemplate, fills {{ .a.b }} from nested element values into a helm.values string', () => {
    const file = applicationSet({
      goTemplate: true,
      generators: [
        '- list:',
        '    elements:',
        '      - cluster: prod',
        '        mesh: {egress: REGISTRY_ONLY, native: "false"}',
      ],
      template: [
        "metadata: {name: 'istiod-{{ .cluster }}'}",
        'spec:',
        '  destination: {namespace: istio-system}',
        '  source:',
        '    repoURL: https://istio-release.storage.googleapis.com/charts',
        '    chart: istiod',
        '    targetRevision: 1.28.0',
        '    helm:',
        '      values: |',
        '        pilot:',
        '          env:',
        '            ENABLE_NATIVE_SIDECARS: "{{ .mesh.native }}"',
        '        meshConfig:',
        '          outboundTrafficPolicy:',
        '            mode: {{.mesh.egress}}',
      ],
    });
    const model = modelOf({ 'argocd/istiod.yaml': file });
    expect(model.chartValues.map((values) => values.via)).toEqual(['Application argocd/istiod-prod']);
    const policy = model.meshConfigs[0].outboundPolicy!;
    expect(policy.value).toBe('REGISTRY_ONLY');
    expect(policy.origin).toMatchObject({ file: 'argocd/istiod.yaml', line: lineOf(file, 'mode:') });
    expect(model.pilotInstalls[0].env.ENABLE_NATIVE_SIDECARS?.value).toBe('false');
    expect(model.notEvaluable).toEqual([]);
  });

  it('takes `values.<key>` of an element; a parameter with line breaks pins what it brings to the key', () => {
    const file = applicationSet({
      generators: [
        '- list:',
        '    elements:',
        '      - cluster: prod',
        '        values:',
        '          mesh: "meshConfig:\\n  outboundTrafficPolicy:\\n    mode: REGISTRY_ONLY"',
      ],
      template: [
        "metadata: {name: 'istiod-{{cluster}}'}",
        'spec:',
        '  destination: {namespace: istio-system}',
        '  source:',
        '    repoURL: https://istio-release.storage.googleapis.com/charts',
        '    chart: istiod',
        '    targetRevision: 1.26.3',
        '    helm:',
        '      values: |',
        '        {{values.mesh}}',
        '        pilot:',
        '          env:',
        '            ENABLE_NATIVE_SIDECARS: "false"',
      ],
    });
    const model = modelOf({ 'argocd/istiod.yaml': file });
    const policy = model.meshConfigs[0].outboundPolicy!;
    expect(policy.value).toBe('REGISTRY_ONLY');
    // The lines of the string no longer are the file's: every value of it is at the `values:` key, and no fix
    // edits it.
    expect(policy.origin).toMatchObject({ file: 'argocd/istiod.yaml', line: lineOf(file, 'values: |') });
    const env = model.pilotInstalls[0].env.ENABLE_NATIVE_SIDECARS!;
    expect(env.origin.line).toBe(lineOf(file, 'values: |'));
    const { document, valuesPath } = model.chartValues[0];
    expect(document.describeAt([...valuesPath, 'pilot', 'env'])).toBeUndefined();
    expect(model.notEvaluable).toEqual([]);
  });

  it('notes a parameter the element does not have at its line, as any template left in the Application', () => {
    const template = FLAT_TEMPLATE.map((line) => line.replace('{{version}}', '{{istioVersion}}'));
    const file = applicationSet({ generators: CLUSTERS, template });
    const model = modelOf({ 'argocd/istiod.yaml': file });
    expect(model.chartValues.map((values) => values.chartVersion)).toEqual([undefined, undefined]);
    expect(model.notEvaluable).toContainEqual({
      file: 'argocd/istiod.yaml',
      line: lineOf(file, 'targetRevision:'),
      reason: expect.stringContaining('{{istioVersion}} is a Helm/Go template'),
    });
  });

  it('generates nothing from an element value that is not a string without goTemplate, and says so', () => {
    const generators = ['- list:', '    elements:', '      - {cluster: prod, replicas: 2}'];
    const file = applicationSet({ generators, template: FLAT_TEMPLATE });
    const model = modelOf({ 'argocd/istiod.yaml': file });
    expect(model.chartValues).toEqual([]);
    expect(model.notEvaluable).toEqual([
      {
        file: 'argocd/istiod.yaml',
        line: lineOf(file, 'replicas'),
        reason: expect.stringMatching(
          /^ApplicationSet argocd\/istiod is not expanded: .*replicas is not one/,
        ),
      },
    ]);
  });
});

describe('Argo CD ApplicationSet generators that are not expanded', () => {
  const notes = (generators: string[], extra: string[] = []) => {
    const file = [...applicationSet({ generators, template: FLAT_TEMPLATE }), ...extra];
    const model = modelOf({ 'argocd/istiod.yaml': file });
    expect(model.chartValues).toEqual([]);
    return { file, notes: model.notEvaluable.map(({ line, reason }) => ({ line, reason })) };
  };

  it.each([
    ['matrix', ['- matrix:', '    generators: [{clusters: {}}, {list: {elements: []}}]'], 'matrix generator'],
    [
      'git files',
      ['- git:', '    repoURL: https://github.com/example/platform.git', '    files: [{path: a.json}]'],
      'git files',
    ],
  ])('%s: one note at the generator, nothing read', (_name, generators, why) => {
    const { file, notes: found } = notes([...CLUSTERS, ...generators]);
    expect(found).toEqual([
      {
        line: lineOf(file, generators[0].split(':')[0]),
        reason: expect.stringContaining(why),
      },
    ]);
    expect(found[0].reason).toMatch(/is not expanded: .*; the Applications it generates are not read$/);
  });

  it('templatePatch: one note at it', () => {
    const { file, notes: found } = notes(CLUSTERS, ['  templatePatch: |', '    spec: {project: x}']);
    expect(found).toEqual([
      {
        line: lineOf(file, 'templatePatch'),
        reason: expect.stringContaining('templatePatch is not evaluated'),
      },
    ]);
  });
});

describe('Argo CD ApplicationSet clusters generator', () => {
  // ably77/agw-federated-infra argocd/applicationsets/istio.yaml: a base values file and a per-cluster overlay.
  const template = (valueFiles: string[]) => [
    "metadata: {name: 'istiod-{{name}}'}",
    'spec:',
    "  destination: {server: '{{server}}', namespace: istio-system}",
    '  sources:',
    '    - repoURL: us-docker.pkg.dev/soloio-img/istio-helm',
    '      chart: istiod',
    '      targetRevision: 1.29.2-patch0-solo',
    '      helm:',
    '        valueFiles:',
    ...valueFiles.map((file) => `          - ${file}`),
    '    - repoURL: https://github.com/example/platform.git',
    '      targetRevision: main',
    '      ref: values',
  ];
  const overlay = (cluster: string) => [
    'global:',
    '  multiCluster:',
    `    clusterName: ${cluster}`,
    'meshConfig:',
    `  trustDomain: ${cluster}.local`,
  ];
  const tree = (file: string[]) => ({
    'argocd/istio.yaml': file,
    'helm-apps/istio/istiod-values.yaml': ['profile: ambient', 'global:', '  tag: 1.29.2-patch0-solo'],
    'helm-apps/istio/overlays/leaf-1-istiod-values.yaml': overlay('leaf-1'),
    'helm-apps/istio/overlays/leaf-2-istiod-values.yaml': overlay('leaf-2'),
  });

  it('reads the template once: the shared values files in order, a file per cluster neither read nor an install', () => {
    const file = applicationSet({
      generators: ['- clusters:', '    selector: {matchLabels: {agw-role: leaf}}'],
      template: template([
        '$values/helm-apps/istio/istiod-values.yaml',
        '$values/helm-apps/istio/overlays/{{name}}-istiod-values.yaml',
      ]),
    });
    const model = modelOf(tree(file));
    expect(
      model.chartValues.map(({ chart, via, chartVersion, layers }) => ({
        chart,
        via,
        chartVersion,
        files: layers?.flatMap((layer) => (layer.preset ? [] : [layer.document?.file])),
      })),
    ).toEqual([
      {
        chart: 'istiod',
        via: 'Application argocd/istiod-{{name}} spec.sources.0',
        chartVersion: '1.29.2-patch0-solo',
        files: ['helm-apps/istio/istiod-values.yaml'],
      },
    ]);
    expect(model.pilotInstalls).toHaveLength(1);
    expect(model.pilotInstalls[0].profile?.value).toBe('ambient');
    expect(model.notEvaluable).toEqual([
      {
        file: 'argocd/istio.yaml',
        line: lineOf(file, 'clusters:'),
        reason: expect.stringMatching(
          /^ApplicationSet argocd\/istiod: the clusters generator .*not in the repository; its template is read as one Application/,
        ),
      },
      {
        file: 'argocd/istio.yaml',
        line: lineOf(file, '{{name}}-istiod-values.yaml'),
        reason:
          'valueFiles $values/helm-apps/istio/overlays/{{name}}-istiod-values.yaml: {{name}} is filled in by the ApplicationSet per generated Application and is not known here, so the file it names is not read (helm-apps/istio/overlays/leaf-1-istiod-values.yaml, helm-apps/istio/overlays/leaf-2-istiod-values.yaml)',
      },
    ]);
  });

  it('names three of the files a parameter of a valueFiles path may name, and counts the rest', () => {
    const file = applicationSet({
      generators: ['- clusters: {}'],
      template: template(['$values/helm-apps/istio/overlays/{{name}}-istiod-values.yaml']),
    });
    const model = modelOf({
      ...tree(file),
      'helm-apps/istio/overlays/leaf-3-istiod-values.yaml': overlay('leaf-3'),
      'helm-apps/istio/overlays/leaf-4-istiod-values.yaml': overlay('leaf-4'),
    });
    expect(model.pilotInstalls.map((pilot) => pilot.via)).toEqual([
      'Application argocd/istiod-{{name}} spec.sources.0',
    ]);
    expect(model.notEvaluable[1].reason).toMatch(
      /not read \(helm-apps\/istio\/overlays\/leaf-1-istiod-values\.yaml, \S+, \S+ and 1 more\)$/,
    );
  });

  it('fills in constant values, with goTemplate too; a parameter of the cluster stays as written', () => {
    const file = applicationSet({
      goTemplate: true,
      generators: ['- clusters:', '    values: {revision: 1.29.2, mode: "{{ .name }}"}'],
      template: [
        "metadata: {name: 'istiod-{{ .name }}'}",
        'spec:',
        '  destination: {namespace: istio-system}',
        '  source:',
        '    repoURL: https://istio-release.storage.googleapis.com/charts',
        '    chart: istiod',
        "    targetRevision: '{{ .values.revision }}'",
        '    helm:',
        '      valuesObject:',
        "        meshConfig: {outboundTrafficPolicy: {mode: '{{ .values.mode }}'}}",
      ],
    });
    const model = modelOf({ 'argocd/istio.yaml': file });
    expect(model.chartValues.map(({ via, chartVersion }) => ({ via, chartVersion }))).toEqual([
      { via: 'Application argocd/istiod-{{ .name }}', chartVersion: '1.29.2' },
    ]);
    const reasons = model.notEvaluable.map((note) => note.reason);
    expect(reasons[0]).toContain('the clusters generator');
    expect(reasons).toContainEqual(expect.stringContaining('{{ .values.mode }} is a Helm/Go template'));
  });
});

describe('Argo CD ApplicationSet git directories generator', () => {
  const gitSet = (repoURL: string) =>
    applicationSet({
      generators: [
        '- git:',
        `    repoURL: ${repoURL}`,
        '    revision: HEAD',
        '    directories:',
        "      - path: 'mesh/*'",
        '      - {path: mesh/legacy, exclude: true}',
      ],
      template: [
        "metadata: {name: '{{path.basename}}'}",
        'spec:',
        '  destination: {namespace: istio-system}',
        '  source:',
        '    repoURL: https://github.com/example/platform.git',
        '    targetRevision: HEAD',
        "    path: '{{path}}'",
      ],
    });
  const chart = (version: string) => `apiVersion: v2\nname: istiod\nversion: ${version}\n`;
  const tree = (repoURL: string) => ({
    'argocd/mesh.yaml': gitSet(repoURL),
    'mesh/istiod/Chart.yaml': chart('1.28.0'),
    'mesh/istiod/values.yaml': 'meshConfig:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
    'mesh/legacy/Chart.yaml': chart('1.20.0'),
    'mesh/legacy/values.yaml': 'meshConfig: {}\n',
    // An Application of the platform repository whose path is here: the tree is that repository.
    'argocd/root.yaml': [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: root, namespace: argocd}',
      'spec:',
      '  source: {repoURL: https://github.com/example/platform, path: argocd}',
    ],
  });

  it('reads one Application per folder of this repository the patterns match', () => {
    const model = modelOf(tree('git@github.com:example/platform.git'));
    const installs = model.chartValues.filter((values) => values.via.startsWith('Application'));
    expect(installs.map(({ via, chartVersion }) => ({ via, chartVersion }))).toEqual([
      { via: 'Application argocd/istiod', chartVersion: '1.28.0' },
    ]);
    expect(installs[0].chartVersionOrigin).toMatchObject({ file: 'mesh/istiod/Chart.yaml', line: 3 });
    expect(model.notEvaluable).toEqual([]);
  });

  it('does not read the folders of this tree for a generator of another repository', () => {
    const model = modelOf(tree('https://github.com/example/other.git'));
    expect(model.chartValues.filter((values) => values.via.startsWith('Application'))).toEqual([]);
    expect(model.notEvaluable).toEqual([
      {
        file: 'argocd/mesh.yaml',
        line: 6,
        reason: expect.stringContaining('reads https://github.com/example/other.git, not this repository'),
      },
    ]);
  });
});
