import { describe, expect, it } from '@jest/globals';
import { enableIstioRequired as rule } from '../../src/rules/enable-istio-required.js';
import { applyFixes, expectFixInFile, runRule, yaml, type Tree } from './harness.js';

const dynakube = (extra = '') =>
  yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    oneAgent:
      cloudNativeFullStack: {}
` + extra;

const meshConfigMap = (mesh: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n${mesh
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;

const istiodRelease = (mode: string) => yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: istiod
    namespace: istio-system
  spec:
    chart:
      spec:
        chart: istiod
    values:
      meshConfig:
        outboundTrafficPolicy:
          mode: ${mode}
`;

const istioOperator = yaml`
  apiVersion: install.istio.io/v1alpha1
  kind: IstioOperator
  metadata:
    name: control-plane
    namespace: istio-system
  spec:
    meshConfig:
      outboundTrafficPolicy:
        mode: ALLOW_ANY
    values:
      meshConfig:
        outboundTrafficPolicy:
          mode: REGISTRY_ONLY
`;

/** An umbrella chart folder: Chart.yaml with Istio dependencies and the values.yaml nesting their values. */
const umbrella = (dependencies: string, values: string): Tree => ({
  'add-ons/istio/Chart.yaml': `apiVersion: v2\nname: platform-istio\nversion: 0.1.0\ndependencies:\n${dependencies}`,
  'add-ons/istio/values.yaml': values,
});

const istioDependency = (name: string, extra = '') =>
  `  - name: ${name}\n    version: 1.28.0\n    repository: https://istio-release.storage.googleapis.com/charts\n${extra}`;

const registryOnlyUnder = (key: string) => yaml`
  ${key}:
    meshConfig:
      outboundTrafficPolicy:
        mode: REGISTRY_ONLY
`;

/** An Argo CD Application that installs the umbrella chart folder `add-ons/istio` with these inline values. */
const umbrellaApplication = (valuesObject: string) =>
  yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: istio
    namespace: argocd
  spec:
    destination: {namespace: istio-system}
    source:
      repoURL: https://github.com/example/platform.git
      path: add-ons/istio
      helm:
        valuesObject:
` +
  valuesObject
    .split('\n')
    .map((line) => (line ? `        ${line}` : line))
    .join('\n');

const serviceEntry = (host: string, exportTo = '', resolution = 'DNS') =>
  yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: dynatrace
    namespace: dynatrace
  spec:
    hosts:
      - ${host}
    ports:
      - number: 443
        name: https-443
        protocol: HTTPS
    resolution: ${resolution}
    location: MESH_EXTERNAL
` + exportTo;

const rootSidecar = (namespace: string, selector = '') =>
  yaml`
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata:
    name: default
    namespace: ${namespace}
  spec:
    outboundTrafficPolicy: {}
` + selector;

const cases: { name: string; tree: Tree; fires: boolean }[] = [
  {
    name: 'REGISTRY_ONLY in the istiod HelmRelease',
    tree: { 'dk.yaml': dynakube(), 'istiod.yaml': istiodRelease('REGISTRY_ONLY') },
    fires: true,
  },
  {
    name: 'REGISTRY_ONLY in the mesh ConfigMap string',
    tree: {
      'dk.yaml': dynakube(),
      'cm.yaml': meshConfigMap('outboundTrafficPolicy:\n  mode: REGISTRY_ONLY'),
    },
    fires: true,
  },
  {
    // istiod reads the mesh config with jsonpb, which matches enum names exactly; an invalid config is discarded
    // for the last valid one or the default ALLOW_ANY (pkg/config/mesh/meshwatcher, "invalid mesh config").
    name: 'a lower-case registry_only in the mesh ConfigMap restricts nothing',
    tree: {
      'dk.yaml': dynakube(),
      'cm.yaml': meshConfigMap('outboundTrafficPolicy:\n  mode: registry_only'),
    },
    fires: false,
  },
  {
    name: 'outboundTrafficPolicy without mode means REGISTRY_ONLY',
    tree: { 'dk.yaml': dynakube(), 'cm.yaml': meshConfigMap('outboundTrafficPolicy: {}') },
    fires: true,
  },
  {
    name: 'IstioOperator spec.values.meshConfig wins',
    tree: { 'dk.yaml': dynakube(), 'iop.yaml': istioOperator },
    fires: true,
  },
  {
    // istioctl merges spec.values over spec.meshConfig key by key (operator/pkg/render/manifest.go): an
    // outboundTrafficPolicy in spec.values.meshConfig without mode keeps spec.meshConfig's ALLOW_ANY.
    name: 'IstioOperator spec.values.meshConfig.outboundTrafficPolicy without mode keeps spec.meshConfig ALLOW_ANY',
    tree: {
      'dk.yaml': dynakube(),
      'iop.yaml': istioOperator.replace(
        'mode: REGISTRY_ONLY',
        'egressProxy: {host: egress.example.com, port: {number: 3128}}',
      ),
    },
    fires: false,
  },
  {
    name: 'a root-namespace Sidecar with outboundTrafficPolicy {}',
    tree: { 'dk.yaml': dynakube(), 'sc.yaml': rootSidecar('istio-system') },
    fires: true,
  },
  {
    name: 'explicit enableIstio: false',
    tree: { 'dk.yaml': dynakube('  enableIstio: false\n'), 'istiod.yaml': istiodRelease('REGISTRY_ONLY') },
    fires: true,
  },
  {
    name: 'YAML 1.1 boolean enableIstio: yes',
    tree: { 'dk.yaml': dynakube('  enableIstio: yes\n'), 'istiod.yaml': istiodRelease('REGISTRY_ONLY') },
    fires: false,
  },
  {
    name: 'enableIstio: true',
    tree: { 'dk.yaml': dynakube('  enableIstio: true\n'), 'istiod.yaml': istiodRelease('REGISTRY_ONLY') },
    fires: false,
  },
  {
    name: 'ALLOW_ANY mesh',
    tree: { 'dk.yaml': dynakube(), 'istiod.yaml': istiodRelease('ALLOW_ANY') },
    fires: false,
  },
  { name: 'no Istio configuration (default mesh)', tree: { 'dk.yaml': dynakube() }, fires: false },
  {
    name: 'a ServiceEntry already covers the apiUrl host',
    tree: {
      'dk.yaml': dynakube(),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
      'se.yaml': serviceEntry('abc12345.live.dynatrace.com'),
    },
    fires: false,
  },
  {
    name: 'a wildcard ServiceEntry covers the host',
    tree: {
      'dk.yaml': dynakube(),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
      'se.yaml': serviceEntry('"*.live.dynatrace.com"', '', 'NONE'),
    },
    fires: false,
  },
  {
    name: 'a wildcard ServiceEntry with DNS resolution: Istio rejects it, so it covers nothing',
    tree: {
      'dk.yaml': dynakube(),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
      'se.yaml': serviceEntry('"*.live.dynatrace.com"'),
    },
    fires: true,
  },
  // istiod exports an entry without exportTo by meshConfig.defaultServiceExportTo (PushContext.initServiceRegistry,
  // pilot/pkg/model/push_context.go): under ["."] an entry in istio-system covers nothing for the dynatrace namespace.
  {
    name: 'a ServiceEntry without exportTo in another namespace, under defaultServiceExportTo ["."]',
    tree: {
      'dk.yaml': dynakube(),
      'cm.yaml': meshConfigMap(
        'outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\ndefaultServiceExportTo: ["."]',
      ),
      'se.yaml': serviceEntry('abc12345.live.dynatrace.com').replace(
        'namespace: dynatrace',
        'namespace: istio-system',
      ),
    },
    fires: true,
  },
  {
    name: 'a ServiceEntry without exportTo in the DynaKube namespace, under defaultServiceExportTo ["."]',
    tree: {
      'dk.yaml': dynakube(),
      'cm.yaml': meshConfigMap(
        'outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\ndefaultServiceExportTo: ["."]',
      ),
      'se.yaml': serviceEntry('abc12345.live.dynatrace.com'),
    },
    fires: false,
  },
  {
    // The CRD's resolution enum is case-sensitive: the API server rejects the entry, so it covers nothing.
    name: 'a ServiceEntry with resolution: dns (lower case)',
    tree: {
      'dk.yaml': dynakube(),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
      'se.yaml': serviceEntry('abc12345.live.dynatrace.com', '', 'dns'),
    },
    fires: true,
  },
  {
    name: 'a ServiceEntry for another host',
    tree: {
      'dk.yaml': dynakube(),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
      'se.yaml': serviceEntry('other.example.com'),
    },
    fires: true,
  },
  {
    name: 'umbrella chart: REGISTRY_ONLY in the istiod dependency values',
    tree: {
      'dk.yaml': dynakube(),
      ...umbrella(istioDependency('base') + istioDependency('istiod'), registryOnlyUnder('istiod')),
    },
    fires: true,
  },
  {
    name: 'umbrella chart: istiod values nested under its alias',
    tree: {
      'dk.yaml': dynakube(),
      ...umbrella(
        istioDependency('istiod', '    alias: control-plane\n'),
        registryOnlyUnder('control-plane'),
      ),
    },
    fires: true,
  },
  {
    name: 'umbrella chart: values under the chart name are not the aliased dependency',
    tree: {
      'dk.yaml': dynakube(),
      ...umbrella(istioDependency('istiod', '    alias: control-plane\n'), registryOnlyUnder('istiod')),
    },
    fires: false,
  },
  {
    name: 'umbrella chart: istiod switched off by its condition',
    tree: {
      'dk.yaml': dynakube(),
      ...umbrella(
        istioDependency('istiod', '    condition: istiod.enabled\n'),
        registryOnlyUnder('istiod') + '  enabled: false\n',
      ),
    },
    fires: false,
  },
  {
    name: 'umbrella chart: REGISTRY_ONLY in the defaults of the istiod subchart unpacked in charts/',
    tree: {
      'dk.yaml': dynakube(),
      ...umbrella(istioDependency('istiod'), 'istiod: {}\n'),
      'add-ons/istio/charts/istiod/Chart.yaml': 'apiVersion: v2\nname: istiod\nversion: 1.28.0\n',
      'add-ons/istio/charts/istiod/values.yaml': registryOnlyUnder('_internal_defaults_do_not_set'),
    },
    fires: true,
  },
  {
    name: 'umbrella chart deployed by an Application: REGISTRY_ONLY in its valuesObject under the dependency',
    tree: {
      'dk.yaml': dynakube(),
      'apps/istio.yaml': umbrellaApplication(registryOnlyUnder('istiod')),
      ...umbrella(istioDependency('istiod'), 'istiod: {}\n'),
    },
    fires: true,
  },
  {
    name: "umbrella chart deployed by an Application: its valuesObject overrides the folder's REGISTRY_ONLY",
    tree: {
      'dk.yaml': dynakube(),
      'apps/istio.yaml': umbrellaApplication(
        registryOnlyUnder('istiod').replace('REGISTRY_ONLY', 'ALLOW_ANY'),
      ),
      ...umbrella(istioDependency('istiod'), registryOnlyUnder('istiod')),
    },
    fires: false,
  },
  {
    name: 'a Sidecar with a workload selector only',
    tree: {
      'dk.yaml': dynakube(),
      'sc.yaml': rootSidecar('istio-system', '  workloadSelector:\n    labels:\n      app: x\n'),
    },
    fires: false,
  },
  // initSidecarScopes (pilot/pkg/model/push_context.go) takes as the root default only a Sidecar whose
  // workloadSelector is nil; one written empty applies to the root namespace's own pods (Istio warns "will be
  // applied to all services in namespace").
  {
    name: 'a root-namespace Sidecar with an empty workloadSelector is no default for other namespaces',
    tree: { 'dk.yaml': dynakube(), 'sc.yaml': rootSidecar('istio-system', '  workloadSelector: {}\n') },
    fires: false,
  },
  {
    name: 'a Sidecar in an unrelated namespace',
    tree: { 'dk.yaml': dynakube(), 'sc.yaml': rootSidecar('payments') },
    fires: false,
  },
];

describe('enable-istio-required', () => {
  it.each(cases)('$name', ({ tree, fires }) => {
    expect(runRule(rule, tree)).toHaveLength(fires ? 1 : 0);
  });

  it.each(cases.filter((c) => c.fires))('the fix sets enableIstio: true ($name)', ({ tree }) => {
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['dk.yaml']).toMatch(/^ {2}enableIstio: true$/m);
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('points at the enableIstio line when it is written', () => {
    const tree = {
      'dk.yaml': dynakube('  enableIstio: false\n'),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
    };
    expect(runRule(rule, tree)[0].origin).toMatchObject({ file: 'dk.yaml', line: 10 });
  });

  it('with enableIstio written twice, points at and fixes the last one, the value the operator gets', () => {
    const tree = {
      'dk.yaml': dynakube('  enableIstio: true\n  tokens: dk\n  enableIstio: false\n'),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin).toMatchObject({ file: 'dk.yaml', line: 12 });
    expect(finding.fix?.edits.map((edit) => edit.startLine)).toEqual([12]);
    expect(applyFixes(tree, [finding])['dk.yaml']).toMatch(
      /enableIstio: true\n {2}tokens: dk\n {2}enableIstio: true\n$/,
    );
  });
});

describe('enable-istio-required, enableIstio switched off by a kustomize overlay', () => {
  const base: Tree = {
    'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
    'base/kustomization.yaml': 'resources: [dk.yaml]\n',
    'base/dk.yaml': dynakube('  enableIstio: true\n'),
  };
  const patchFile = yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: dk
    spec:
      enableIstio: false # dev clusters
  `;

  const fixesInPatch = (tree: Tree, file: string, line: number) =>
    expectFixInFile(rule, tree, file, line).fixed;

  it('fixes the strategic-merge patch file that switched it off, not the base', () => {
    const tree: Tree = {
      ...base,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: dk-patch.yaml\n',
      'overlay/dk-patch.yaml': patchFile,
    };
    const fixed = fixesInPatch(tree, 'overlay/dk-patch.yaml', 6);
    expect(fixed['overlay/dk-patch.yaml']).toBe(
      patchFile.replace('enableIstio: false # dev', 'enableIstio: true # dev'),
    );
  });

  it('fixes the inline strategic-merge patch in the kustomization, inside its block scalar', () => {
    const kustomization = [
      'resources: [../base]',
      'patches:',
      '  - patch: |-',
      ...patchFile
        .trimEnd()
        .split('\n')
        .map((line) => `      ${line}`),
      '',
    ].join('\n');
    const tree: Tree = { ...base, 'overlay/kustomization.yaml': kustomization };
    const fixed = fixesInPatch(tree, 'overlay/kustomization.yaml', 9);
    expect(fixed['overlay/kustomization.yaml']).toBe(
      kustomization.replace('        enableIstio: false', '        enableIstio: true'),
    );
  });

  it('fixes the `value:` of an inline JSON6902 operation and keeps the operation whole', () => {
    const kustomization = [
      'resources: [../base]',
      'patches:',
      '  - target: {kind: DynaKube, name: dk}',
      '    patch: |-',
      '      - op: replace',
      '        path: /spec/enableIstio',
      '        value: false',
      '',
    ].join('\n');
    const tree: Tree = { ...base, 'overlay/kustomization.yaml': kustomization };
    const fixed = fixesInPatch(tree, 'overlay/kustomization.yaml', 7);
    expect(fixed['overlay/kustomization.yaml']).toBe(kustomization.replace('value: false', 'value: true'));
  });

  it('points at a flow-mapping patch but offers no edit that would cut its braces', () => {
    const tree: Tree = {
      ...base,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: dk-patch.yaml\n',
      'overlay/dk-patch.yaml':
        'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata: {name: dk}\nspec: {enableIstio: false}\n',
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin).toMatchObject({ file: 'overlay/dk-patch.yaml', line: 4 });
    expect(finding.fix).toBeUndefined();
  });

  it('inserts enableIstio into the base when no patch writes it', () => {
    const tree: Tree = {
      ...base,
      'base/dk.yaml': dynakube(),
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: dk-patch.yaml\n',
      'overlay/dk-patch.yaml': patchFile.replace('enableIstio: false # dev clusters', 'networkZone: dev'),
    };
    const [finding] = runRule(rule, tree);
    expect(finding.fix?.edits.map((edit) => edit.file)).toEqual(['base/dk.yaml']);
    expect(runRule(rule, applyFixes(tree, [finding]))).toHaveLength(0);
  });
});

describe('enable-istio-required, decided per namespace like the other egress rules', () => {
  const sidecar = (namespace: string, mode: string) => yaml`
    apiVersion: networking.istio.io/v1
    kind: Sidecar
    metadata:
      name: default
      namespace: ${namespace}
    spec:
      outboundTrafficPolicy:
        mode: ${mode}
  `;
  const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
  const meshRegistryOnly: Tree = { 'dk.yaml': dynakube(), 'istiod.yaml': istiodRelease('REGISTRY_ONLY') };

  it('is quiet when a root-namespace default Sidecar sets ALLOW_ANY for every namespace', () => {
    const tree = { ...meshRegistryOnly, 'sc.yaml': sidecar('istio-system', 'ALLOW_ANY') };
    expect(runRule(rule, tree)).toEqual([]);
  });

  it('is quiet when the operator namespace and every monitored namespace lift it with their own Sidecar', () => {
    const tree = {
      ...meshRegistryOnly,
      'ns.yaml': namespace('shop'),
      'sc-dynatrace.yaml': sidecar('dynatrace', 'ALLOW_ANY'),
      'sc-shop.yaml': sidecar('shop', 'ALLOW_ANY'),
    };
    expect(runRule(rule, tree)).toEqual([]);
  });

  // getSidecarScope (pilot/pkg/model/push_context.go) tries Sidecars with a workloadSelector first, and an empty
  // selector matches every pod: its ALLOW_ANY is what the namespace's pods get.
  it.each([
    ['workloadSelector: {labels: {}}', '  workloadSelector: {labels: {}}\n'],
    ['workloadSelector: {}', '  workloadSelector: {}\n'],
  ])(
    'is quiet when a monitored namespace lifts it with a Sidecar whose %s selects every pod',
    (_name, selector) => {
      const tree = {
        ...meshRegistryOnly,
        'ns.yaml': namespace('shop'),
        'sc-dynatrace.yaml': sidecar('dynatrace', 'ALLOW_ANY'),
        'sc-shop.yaml': sidecar('shop', 'ALLOW_ANY') + selector,
      };
      expect(runRule(rule, tree)).toEqual([]);
    },
  );

  // The Sidecar CRD's mode enum is case-sensitive: the API server rejects `registry_only`, so it restricts nothing.
  it('is quiet when a root-namespace Sidecar writes its mode in lower case', () => {
    const tree = { 'dk.yaml': dynakube(), 'sc.yaml': sidecar('istio-system', 'registry_only') };
    expect(runRule(rule, tree)).toEqual([]);
  });

  it('names the monitored namespace the mesh-wide setting still restricts', () => {
    const tree = {
      ...meshRegistryOnly,
      'ns.yaml': namespace('shop'),
      'sc-dynatrace.yaml': sidecar('dynatrace', 'ALLOW_ANY'),
    };
    const [finding] = runRule(rule, tree);
    expect(finding.message).toContain(
      'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY for namespace shop (istiod.yaml:13)',
    );
  });

  it('counts namespaces the DynaKube selects but the repository does not declare under the root default', () => {
    const tree = { ...meshRegistryOnly, 'sc-dynatrace.yaml': sidecar('dynatrace', 'ALLOW_ANY') };
    const [finding] = runRule(rule, tree);
    expect(finding.message).toContain(
      'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY for the namespaces DynaKube dk selects that the ' +
        'repository does not declare (istiod.yaml:13)',
    );
  });

  it("names a monitored namespace's own REGISTRY_ONLY Sidecar and the namespace it restricts", () => {
    const tree = {
      'dk.yaml': dynakube(),
      'ns.yaml': namespace('shop'),
      'sc-shop.yaml': sidecar('shop', 'REGISTRY_ONLY'),
    };
    const [finding] = runRule(rule, tree);
    expect(finding.message).toContain(
      'Sidecar shop/default sets outboundTrafficPolicy REGISTRY_ONLY for namespace shop (sc-shop.yaml:8)',
    );
  });

  it('keeps the mesh-wide message when the mesh-wide setting restricts every namespace', () => {
    const [finding] = runRule(rule, { ...meshRegistryOnly, 'ns.yaml': namespace('shop') });
    expect(finding.message).toContain(
      'enableIstio off while the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY (istiod.yaml:13)',
    );
  });
});

describe('enable-istio-required, a DynaKube without code modules', () => {
  /** A DynaKube in `mode` (none: ActiveGate only), with `activeGate` lines under spec when given. */
  const hostDynaKube = (mode: string | undefined, activeGate: string[] = []) =>
    [
      'apiVersion: dynatrace.com/v1beta5',
      'kind: DynaKube',
      'metadata:',
      '  name: dk',
      '  namespace: dynatrace',
      'spec:',
      '  apiUrl: https://abc12345.live.dynatrace.com/api',
      ...(mode ? ['  oneAgent:', `    ${mode}: {}`] : []),
      ...(activeGate.length > 0 ? ['  activeGate:', ...activeGate.map((line) => `    ${line}`)] : []),
    ].join('\n') + '\n';
  const activeGateInMesh = ['capabilities: [routing]', 'labels:', '  sidecar.istio.io/inject: "true"'];
  const namespace = (name: string, labels = '') =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels ? `  labels:\n    ${labels}\n` : ''}`;
  const registryOnly = { 'istiod.yaml': istiodRelease('REGISTRY_ONLY') };

  const cases: { name: string; tree: Tree; fires: boolean }[] = [
    {
      name: 'hostMonitoring: its OneAgents use the host network, nothing of it is in the mesh',
      tree: { ...registryOnly, 'dk.yaml': hostDynaKube('hostMonitoring') },
      fires: false,
    },
    {
      name: 'classicFullStack with an ActiveGate outside the mesh',
      tree: { ...registryOnly, 'dk.yaml': hostDynaKube('classicFullStack', ['capabilities: [routing]']) },
      fires: false,
    },
    {
      // Before, the namespaces its selector matched were counted as monitored, though it injects nothing there.
      name: 'hostMonitoring and a restricted namespace it would select if it injected',
      tree: {
        'dk.yaml': hostDynaKube('hostMonitoring'),
        'ns.yaml': namespace('shop'),
        'sc.yaml': yaml`
          apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata:
            name: default
            namespace: shop
          spec:
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
        `,
      },
      fires: false,
    },
    {
      name: 'classicFullStack with its ActiveGate labelled into the mesh',
      tree: { ...registryOnly, 'dk.yaml': hostDynaKube('classicFullStack', activeGateInMesh) },
      fires: true,
    },
    {
      name: 'hostMonitoring with the operator namespace enrolled',
      tree: {
        ...registryOnly,
        'dk.yaml': hostDynaKube('hostMonitoring'),
        'ns.yaml': namespace('dynatrace', 'istio-injection: enabled'),
      },
      fires: true,
    },
    {
      name: 'an ActiveGate-only DynaKube whose ActiveGate is in the mesh',
      tree: { ...registryOnly, 'dk.yaml': hostDynaKube(undefined, activeGateInMesh) },
      fires: true,
    },
  ];

  it.each(cases)('$name', ({ tree, fires }) => {
    expect(runRule(rule, tree)).toHaveLength(fires ? 1 : 0);
  });

  it('says which pods need the Dynatrace endpoints and why the OneAgents do not', () => {
    const [finding] = runRule(rule, {
      ...registryOnly,
      'dk.yaml': hostDynaKube('classicFullStack', activeGateInMesh),
    });
    expect(finding.message).toBe(
      'DynaKube dk has enableIstio off while the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY (istiod.yaml:13). ' +
        'Its OneAgents use the host network, outside the mesh, but the ActiveGate in namespace dynatrace runs with ' +
        'an Istio sidecar and cannot reach Dynatrace (abc12345.live.dynatrace.com): no ServiceEntry in the ' +
        'repository covers it.',
    );
  });

  it('names the operator and the ActiveGate when their namespace is enrolled', () => {
    const [finding] = runRule(rule, {
      ...registryOnly,
      'dk.yaml': hostDynaKube('hostMonitoring', ['capabilities: [routing]']),
      'ns.yaml': namespace('dynatrace', 'istio-injection: enabled'),
    });
    expect(finding.message).toContain(
      'the Dynatrace Operator and the ActiveGate in namespace dynatrace run with an Istio sidecar and cannot reach',
    );
  });
});

// ftechmax/msa-infrastructure: istiod from kustomize helmCharts with `profile: ambient`, the apps' namespaces labelled
// istio.io/dataplane-mode: ambient, nothing enrolled for sidecars. ztunnel does not enforce the outbound policy
// (reference istio.md §1, istio/istio#54281): the error would fail a PR that blocks nothing.
describe('enable-istio-required in a pure ambient mesh', () => {
  const ambientIstiod = (mode: string) => yaml`
    apiVersion: kustomize.config.k8s.io/v1beta1
    kind: Kustomization
    helmCharts:
      - name: istiod
        repo: https://istio-release.storage.googleapis.com/charts
        version: 1.30.2
        releaseName: istiod
        namespace: istio-system
        valuesInline:
          profile: ambient
          meshConfig:
            outboundTrafficPolicy:
              mode: ${mode}
  `;
  const namespace = (name: string, label: string) =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    ${label}\n`;
  const tree: Tree = {
    'dk.yaml': dynakube(),
    'istio/kustomization.yaml': ambientIstiod('REGISTRY_ONLY'),
    'apps/ns.yaml': namespace('observability', 'istio.io/dataplane-mode: ambient'),
  };

  it('is a note, not an error, and says why nothing is blocked', () => {
    const drafts = runRule(rule, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].severity).toBe('info');
    expect(drafts[0].message).toContain('pure ambient mesh');
    expect(drafts[0].message).toContain('ztunnel does not enforce the outbound policy');
    expect(drafts[0].fix?.edits).toHaveLength(1);
  });

  it('stays an error once a namespace is enrolled for sidecars', () => {
    const drafts = runRule(rule, {
      ...tree,
      'apps/shop.yaml': namespace('shop', 'istio-injection: enabled'),
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0].severity).toBeUndefined();
  });
});

// balagcpcloud/gitops-k8s-platform: a cloudNativeFullStack DynaKube without an ActiveGate, one namespace of three
// enrolled; the message said "OneAgents and the ActiveGate cannot reach": its OneAgents use the host network and it
// has no ActiveGate. What is held is the code modules in pods with a sidecar.
describe('enable-istio-required, who a code-module DynaKube loses', () => {
  const namespace = (name: string, labels = '') =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels ? `  labels:\n    ${labels}\n` : ''}---\n`;
  const enrolled = 'istio-injection: enabled';
  const cases: { name: string; tree: Tree; who: string }[] = [
    {
      name: 'one monitored namespace enrolled',
      tree: { 'ns.yaml': namespace('apps', enrolled) + namespace('monitoring') },
      who: 'The code modules it injects into pods with an Istio sidecar (namespace apps) cannot reach',
    },
    {
      name: 'none enrolled in the repository (labelled elsewhere)',
      tree: { 'ns.yaml': namespace('apps') },
      who: 'The code modules it injects into pods with an Istio sidecar cannot reach',
    },
    {
      name: 'the operator namespace enrolled, with an ActiveGate',
      tree: {
        'ns.yaml': namespace('dynatrace', enrolled) + namespace('a', enrolled) + namespace('b', enrolled),
        'dk.yaml': dynakube('  activeGate:\n    capabilities: [routing]\n'),
      },
      who:
        'The code modules it injects into pods with an Istio sidecar (namespaces a, b), and the Dynatrace ' +
        'Operator and the ActiveGate in namespace dynatrace, cannot reach',
    },
  ];

  it.each(cases)('$name', ({ tree, who }) => {
    const [finding] = runRule(rule, {
      'dk.yaml': dynakube(),
      'istiod.yaml': istiodRelease('REGISTRY_ONLY'),
      ...tree,
    });
    expect(finding.message).toContain(`(istiod.yaml:13). ${who} Dynatrace (abc12345.live.dynatrace.com)`);
  });
});
