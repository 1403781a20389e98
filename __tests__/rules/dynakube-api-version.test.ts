import { describe, expect, it } from '@jest/globals';
import { dynakubeApiVersion as rule } from '../../src/rules/dynakube-api-version.js';
import { getIn } from '../../src/model/read.js';
import { applyFixes, appOnlyDynaKube, modelOf, runRule, yaml, type Tree } from './harness.js';

const v1beta1 = yaml`
  apiVersion: dynatrace.com/v1beta1 # pinned by the platform team
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    namespaceSelector:
      matchLabels:
        monitor: "true"
    oneAgent:
      cloudNativeFullStack:
        autoUpdate: false
        tolerations:
          - operator: Exists
`;

function dynakube(version: string): string {
  return yaml`
    apiVersion: dynatrace.com/${version}
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
    spec:
      apiUrl: https://abc12345.live.dynatrace.com/api
      oneAgent:
        applicationMonitoring: {}
  `;
}

function operator(version: string, namespace = 'dynatrace'): string {
  return yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: dynatrace-operator
      namespace: ${namespace}
    spec:
      chart:
        spec:
          chart: dynatrace-operator
          version: "${version}"
  `;
}

const renderedOperator = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: dynatrace-operator
    namespace: dynatrace
  spec:
    template:
      spec:
        containers:
          - name: operator
            image: public.ecr.aws/dynatrace/dynatrace-operator:v1.6.2
`;

const cases: { name: string; tree: Tree; severity?: 'error' | 'warning' }[] = [
  {
    name: 'v1beta1 with operator 1.10 pinned',
    tree: { 'dk.yaml': v1beta1, 'op.yaml': operator('1.10.2') },
    severity: 'error',
  },
  {
    name: 'v1beta4 with operator 1.10 (served: false)',
    tree: { 'dk.yaml': dynakube('v1beta4'), 'op.yaml': operator('1.10.2') },
    severity: 'error',
  },
  {
    name: 'v1beta6 with operator 1.6 (not yet served)',
    tree: { 'dk.yaml': dynakube('v1beta6'), 'op.yaml': operator('1.6.0') },
    severity: 'error',
  },
  {
    name: 'v1beta5 deprecated in 1.10',
    tree: { 'dk.yaml': dynakube('v1beta5'), 'op.yaml': operator('v1.10.0') },
    severity: 'warning',
  },
  {
    name: 'v1beta4 deprecated in 1.9',
    tree: { 'dk.yaml': dynakube('v1beta4'), 'op.yaml': operator('1.9.1') },
    severity: 'warning',
  },
  { name: 'v1beta1 without a pinned operator', tree: { 'dk.yaml': v1beta1 }, severity: 'warning' },
  {
    name: 'v1beta4 without a pinned operator',
    tree: { 'dk.yaml': dynakube('v1beta4') },
    severity: 'warning',
  },
  {
    name: 'v1beta3 with a rendered operator 1.6 Deployment (deprecated)',
    tree: { 'dk.yaml': dynakube('v1beta3'), 'op.yaml': renderedOperator },
    severity: 'warning',
  },
  {
    name: 'a chart range resolves to the newest operator',
    tree: { 'dk.yaml': dynakube('v1beta4'), 'op.yaml': operator('>=1.8.0') },
    severity: 'error',
  },
  {
    name: 'v1beta6 with operator 1.10',
    tree: { 'dk.yaml': dynakube('v1beta6'), 'op.yaml': operator('1.10.2') },
  },
  {
    name: 'v1beta5 with operator 1.8',
    tree: { 'dk.yaml': dynakube('v1beta5'), 'op.yaml': operator('1.8.0') },
  },
  { name: 'v1beta6 without a pinned operator', tree: { 'dk.yaml': dynakube('v1beta6') } },
  {
    name: 'v1beta5 without a pinned operator (deprecation needs a pin)',
    tree: { 'dk.yaml': dynakube('v1beta5') },
  },
  { name: 'v1beta1 with operator 1.5', tree: { 'dk.yaml': v1beta1, 'op.yaml': operator('1.5.1') } },
  {
    name: 'a future operator counts as the newest',
    tree: { 'dk.yaml': dynakube('v1beta6'), 'op.yaml': operator('1.12.0') },
  },
];

describe('dynakube-api-version', () => {
  it.each(cases)('$name', ({ tree, severity }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(severity ? 1 : 0);
    if (severity) {
      expect(findings[0].severity).toBe(severity);
      expect(findings[0].origin).toMatchObject({ file: 'dk.yaml', line: 1 });
    }
  });

  it('prefers the operator of the DynaKube namespace', () => {
    const tree = {
      'dk.yaml': dynakube('v1beta4'),
      'a.yaml': operator('1.9.0'),
      'b.yaml': operator('1.10.0', 'other'),
    };
    expect(runRule(rule, tree)[0].severity).toBe('warning');
  });

  it.each(cases.filter((c) => c.severity))(
    'the fix moves the DynaKube to a served version: $name',
    ({ tree }) => {
      const findings = runRule(rule, tree);
      expect(findings[0].fix?.edits.length).toBeGreaterThan(0);
      expect(runRule(rule, applyFixes(tree, findings))).toHaveLength(0);
    },
  );

  it('moves v1beta1 fields: namespaceSelector under the mode, autoUpdate dropped, comment kept', () => {
    const tree = { 'dk.yaml': v1beta1, 'op.yaml': operator('1.10.2') };
    const fixed = applyFixes(tree, runRule(rule, tree))['dk.yaml'];
    expect(fixed).toBe(yaml`
      apiVersion: dynatrace.com/v1beta6 # pinned by the platform team
      kind: DynaKube
      metadata:
        name: dk
        namespace: dynatrace
      spec:
        apiUrl: https://abc12345.live.dynatrace.com/api
        metadataEnrichment:
          enabled: true
          namespaceSelector:
            matchLabels:
              monitor: "true"
        oneAgent:
          cloudNativeFullStack:
            tolerations:
              - operator: Exists
            namespaceSelector:
              matchLabels:
                monitor: "true"
    `);
  });
});

// v1.6.0 pkg/api/v1beta1/dynakube/convert_to.go `toMovedFields`: a v1beta1 DynaKube that injects code modules has
// metadata enrichment on (off only with the annotation "false"), in the namespaces of its top-level selector; from
// v1beta2 `metadataEnrichment.enabled` is false by default. The fix used to leave it out: enrichment stopped.
describe('dynakube-api-version, metadata enrichment of a v1beta1 DynaKube', () => {
  const v1beta1With = (annotations: string, spec: string) =>
    yaml`
    apiVersion: dynatrace.com/v1beta1
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
  ` +
    annotations +
    'spec:\n  apiUrl: https://abc12345.live.dynatrace.com/api\n' +
    spec;
  const enrichmentOf = (fixed: Tree) =>
    getIn(modelOf(fixed).dynakubes[0].document.value, ['spec', 'metadataEnrichment']);

  const cases: { name: string; dk: string; enrichment: unknown }[] = [
    {
      // The form of henrikrexed/kubecon-otel-demo `dynatrace/dynakube.yaml` (a three-space selector, comments).
      name: 'cloudNativeFullStack with a selector: enrichment on, with the same selector',
      dk: v1beta1With(
        '',
        '  # namespaces to inject\n  namespaceSelector:\n     matchExpressions:\n     - key: app\n' +
          '       operator: NotIn\n       values: [nodynatrace]\n\n  oneAgent:\n    cloudNativeFullStack: {}\n',
      ),
      enrichment: {
        enabled: true,
        namespaceSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['nodynatrace'] }] },
      },
    },
    {
      name: 'applicationMonitoring without a selector: enrichment on everywhere',
      dk: v1beta1With('', '  oneAgent:\n    applicationMonitoring:\n      useCSIDriver: true\n'),
      enrichment: { enabled: true },
    },
    {
      name: 'the annotation switches it off: nothing to keep',
      dk: v1beta1With(
        '  annotations:\n    feature.dynatrace.com/metadata-enrichment: "false"\n',
        '  oneAgent:\n    cloudNativeFullStack: {}\n',
      ),
      enrichment: undefined,
    },
    {
      name: 'classicFullStack injects nothing: nothing to keep',
      dk: v1beta1With('', '  oneAgent:\n    classicFullStack: {}\n'),
      enrichment: undefined,
    },
  ];

  it.each(cases)('$name', ({ dk, enrichment }) => {
    const tree: Tree = { 'dk.yaml': dk, 'op.yaml': operator('1.10.2') };
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    const fixed = applyFixes(tree, findings);
    expect(modelOf(fixed).notEvaluable).toEqual([]);
    expect(enrichmentOf(fixed)).toEqual(enrichment);
    const description = findings[0].fix?.description ?? '';
    if (enrichment) expect(description).toContain('`spec.metadataEnrichment` gets `enabled: true`');
    else expect(description).not.toContain('metadataEnrichment');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });
});

describe('dynakube-api-version, useCSIDriver of a v1beta1 applicationMonitoring DynaKube', () => {
  /** The s35 form: application-only monitoring, with `useCSIDriver` when given. */
  const appOnly = (useCSIDriver?: boolean, codeModulesImage = true) =>
    appOnlyDynaKube('v1beta1', { useCSIDriver, codeModulesImage });
  const withoutCsiDriver = operator('1.10.2') + '  values:\n    csidriver:\n      enabled: false\n';
  const noEquivalent = 'No DynaKube field keeps them off it: set `csidriver.enabled: false`';
  const annotation = '`oneagent.dynatrace.com/volume-type: ephemeral`';

  // From v1beta3 the CSI driver serves whenever it is installed: false (or unset, read as false) has no field left.
  const cases: { name: string; tree: Tree; says: string[]; saysNot: string[] }[] = [
    {
      name: 'useCSIDriver: false, CSI driver installed (chart default): the fix says there is no equivalent',
      tree: { 'dk.yaml': appOnly(false), 'op.yaml': operator('1.10.2') },
      says: ['`useCSIDriver: false` (dk.yaml:10)', noEquivalent, annotation],
      saysNot: [],
    },
    {
      name: 'useCSIDriver unset (false in v1beta1): the same',
      tree: { 'dk.yaml': appOnly(), 'op.yaml': operator('1.10.2') },
      says: ['sets no `useCSIDriver`, which in v1beta1 means false', noEquivalent],
      saysNot: [],
    },
    {
      name: 'useCSIDriver: false without codeModulesImage: no pod annotation offered (it needs the image)',
      tree: { 'dk.yaml': appOnly(false, false), 'op.yaml': operator('1.10.2') },
      says: [noEquivalent],
      saysNot: [annotation],
    },
    {
      name: 'useCSIDriver: true: the CSI driver keeps serving, nothing to say',
      tree: { 'dk.yaml': appOnly(true), 'op.yaml': operator('1.10.2') },
      says: [],
      saysNot: ['useCSIDriver', noEquivalent],
    },
    {
      name: 'useCSIDriver: false with csidriver.enabled: false: still no CSI driver, nothing to say',
      tree: { 'dk.yaml': appOnly(false), 'op.yaml': withoutCsiDriver },
      says: [],
      saysNot: ['useCSIDriver', noEquivalent],
    },
  ];

  it.each(cases)('$name', ({ tree, says, saysNot }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    const description = findings[0].fix?.description ?? '';
    for (const text of says) expect(description).toContain(text);
    for (const text of saysNot) expect(description).not.toContain(text);
    // The field is gone from the target version either way; the fixed DynaKube is served.
    const fixed = applyFixes(tree, findings);
    expect(fixed['dk.yaml']).not.toContain('useCSIDriver');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });
});

describe('dynakube-api-version, DynaKube patched by a kustomize overlay', () => {
  const patch = yaml`
    apiVersion: dynatrace.com/v1beta1
    kind: DynaKube
    metadata:
      name: dk
    spec:
      oneAgent:
        cloudNativeFullStack:
          autoUpdate: true # overlay
  `;
  const tree: Tree = {
    'op.yaml': operator('1.10.2'),
    'base/kustomization.yaml': 'resources: [dk.yaml]\n',
    'base/dk.yaml': v1beta1,
    'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: dk-patch.yaml\n',
    'overlay/dk-patch.yaml': patch,
  };

  it('moves base and patch together: both apiVersions, the field both write removed from both', () => {
    const [finding] = runRule(rule, tree);
    expect(finding.origin).toMatchObject({ file: 'overlay/dk-patch.yaml', line: 1 });
    expect(new Set(finding.fix?.edits.map((edit) => edit.file))).toEqual(
      new Set(['base/dk.yaml', 'overlay/dk-patch.yaml']),
    );
    expect(finding.fix?.description).not.toContain('Also');
    const fixed = applyFixes(tree, [finding]);
    // The patch keeps selecting the DynaKube (same apiVersion as the base) and no longer sets autoUpdate.
    expect(fixed['overlay/dk-patch.yaml']).toBe(
      'apiVersion: dynatrace.com/v1beta6\nkind: DynaKube\nmetadata:\n  name: dk\n',
    );
    expect(fixed['base/dk.yaml']).toContain(
      'apiVersion: dynatrace.com/v1beta6 # pinned by the platform team\n',
    );
    expect(fixed['base/dk.yaml']).not.toContain('autoUpdate');
    const model = modelOf(fixed);
    expect(model.notEvaluable).toEqual([]);
    const [dynakube] = model.dynakubes;
    expect(dynakube.apiVersion).toBe('dynatrace.com/v1beta6');
    expect(getIn(dynakube.document.value, ['spec', 'oneAgent', 'cloudNativeFullStack'])).toEqual({
      tolerations: [{ operator: 'Exists' }],
      namespaceSelector: { matchLabels: { monitor: 'true' } },
    });
    expect(runRule(rule, fixed)).toHaveLength(0);
  });
});

describe('dynakube-api-version, autoUpdate dropped on the way to v1beta6', () => {
  /** A v1beta5 DynaKube (deprecated in operator 1.10) with `mode` holding `fields`. */
  const v1beta5 = (mode: string, fields: string) =>
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
  ` + fields.replace(/^/gm, '      ');
  const keepsOff = 'v1beta6 has no such field';
  const pin = 'pin `spec.oneAgent.';
  const tenant = 'OneAgent update settings of the Dynatrace environment';

  const cases: { name: string; tree: Tree; says: string[]; saysNot: string[] }[] = [
    {
      name: 'autoUpdate: false alone: the fix says the OneAgents would start updating and what pins them',
      tree: {
        'dk.yaml': v1beta5('cloudNativeFullStack', 'autoUpdate: false\n'),
        'op.yaml': operator('1.10.2'),
      },
      says: [
        '`spec.oneAgent.cloudNativeFullStack.autoUpdate: false` (dk.yaml:10)',
        keepsOff,
        'pin `spec.oneAgent.cloudNativeFullStack.version` (or `image`)',
        tenant,
      ],
      saysNot: [],
    },
    {
      name: 'autoUpdate: no (YAML 1.1 boolean) in hostMonitoring: the same',
      tree: { 'dk.yaml': v1beta5('hostMonitoring', 'autoUpdate: no\n'), 'op.yaml': operator('1.10.2') },
      says: ['`spec.oneAgent.hostMonitoring.autoUpdate: false` (dk.yaml:10)', keepsOff],
      saysNot: [],
    },
    {
      name: 'autoUpdate: true is the default: nothing to say',
      tree: {
        'dk.yaml': v1beta5('cloudNativeFullStack', 'autoUpdate: true\n'),
        'op.yaml': operator('1.10.2'),
      },
      says: [],
      saysNot: ['autoUpdate', pin],
    },
    {
      name: 'autoUpdate: false next to a pinned version: the version keeps it where it is, nothing to say',
      tree: {
        'dk.yaml': v1beta5('classicFullStack', 'autoUpdate: false\nversion: 1.311.70.20250416-150000\n'),
        'op.yaml': operator('1.10.2'),
      },
      says: [],
      saysNot: ['autoUpdate', pin],
    },
    {
      name: 'autoUpdate: false next to a custom image: nothing to say',
      tree: {
        'dk.yaml': v1beta5(
          'cloudNativeFullStack',
          'autoUpdate: false\nimage: registry.example.com/oneagent:1.311\n',
        ),
        'op.yaml': operator('1.10.2'),
      },
      says: [],
      saysNot: ['autoUpdate', pin],
    },
  ];

  it.each(cases)('$name', ({ tree, says, saysNot }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    const description = findings[0].fix?.description ?? '';
    for (const text of says) expect(description).toContain(text);
    for (const text of saysNot) expect(description).not.toContain(text);
    // The field is gone from v1beta6 either way; the fixed DynaKube is served.
    const fixed = applyFixes(tree, findings);
    expect(fixed['dk.yaml']).not.toContain('autoUpdate');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });
});

describe('dynakube-api-version, fields whose meaning changes on the way to v1beta6 (the operator conversions)', () => {
  /** A DynaKube of `version` with `spec` below its apiUrl, served or deprecated by operator 1.10 or not. */
  const dynakubeWith = (version: string, spec: string) =>
    yaml`
    apiVersion: dynatrace.com/${version}
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
    spec:
      apiUrl: https://abc12345.live.dynatrace.com/api
  ` + spec.replace(/^(?=.)/gm, '  ');
  const fixedSpec = (tree: Tree) => {
    const findings = runRule(rule, tree);
    const fixed = applyFixes(tree, findings);
    const description = findings[0].fix?.description ?? '';
    return { fixed, description, spec: getIn(modelOf(fixed).dynakubes[0].document.value, ['spec']) };
  };

  // pkg/api/v1beta{3,4,5}/dynakube/convert_to.go `toExtensionsSpec`: any `spec.extensions` becomes
  // `{prometheus: {}}`; a v1beta6 `extensions: {}` turns nothing on.
  it.each(['v1beta3', 'v1beta4', 'v1beta5'])(
    '%s `extensions: {}` keeps Prometheus on: the fix adds `prometheus: {}`',
    (version) => {
      const tree = {
        'dk.yaml': dynakubeWith(
          version,
          'extensions: {}\ntemplates:\n  otelCollector:\n    imageRef:\n      repository: r.example.com/otelcol\n      tag: "0.1"\n',
        ),
        'op.yaml': operator('1.10.2'),
      };
      const { fixed, spec, description } = fixedSpec(tree);
      expect(getIn(spec, ['extensions'])).toEqual({ prometheus: {} });
      expect(description).toContain('`spec.extensions` gets `prometheus: {}`');
      expect(runRule(rule, fixed)).toHaveLength(0);
    },
  );

  // v1beta4 `activeGate.persistentVolumeClaim` is v1beta5's `volumeClaimTemplate` (v1.10.2
  // pkg/api/v1beta4/dynakube/convert_to.go `toActiveGateSpec`); v1beta5 and v1beta6 prune the old name.
  it.each(['v1beta4'])(
    '%s `activeGate.persistentVolumeClaim` is renamed to `volumeClaimTemplate`',
    (version) => {
      const tree = {
        'dk.yaml': dynakubeWith(
          version,
          'activeGate:\n  capabilities: [routing]\n  persistentVolumeClaim: # AG storage\n    accessModes: [ReadWriteOnce]\n',
        ),
        'op.yaml': operator('1.10.2'),
      };
      const { fixed, spec } = fixedSpec(tree);
      expect(getIn(spec, ['activeGate', 'volumeClaimTemplate'])).toEqual({ accessModes: ['ReadWriteOnce'] });
      expect(getIn(spec, ['activeGate', 'persistentVolumeClaim'])).toBeUndefined();
      expect(fixed['dk.yaml']).toContain('volumeClaimTemplate: # AG storage');
    },
  );

  // pkg/api/v1beta5/dynakube/convert_to.go `toOpenTelemetryCollectorTemplate`: without an image the conversion
  // sets public.ecr.aws/dynatrace/dynatrace-otel-collector:latest; a v1beta6 DynaKube without one is rejected
  // (validation/dynakube/telemetryservice.go `missingOTelCollectorImage`).
  it.each([
    { name: 'v1beta4 telemetryIngest', version: 'v1beta4', spec: 'telemetryIngest: {}\n' },
    { name: 'v1beta5 telemetryIngest', version: 'v1beta5', spec: 'telemetryIngest:\n  protocols: [otlp]\n' },
    { name: 'v1beta5 extensions', version: 'v1beta5', spec: 'extensions: {}\n' },
    {
      name: 'v1beta5 telemetryIngest, otelCollector template without image',
      version: 'v1beta5',
      spec: 'telemetryIngest: {}\ntemplates:\n  otelCollector:\n    replicas: 2\n',
    },
  ])('$name: gets the OTel collector image the conversion gave it', ({ version, spec }) => {
    const tree = { 'dk.yaml': dynakubeWith(version, spec), 'op.yaml': operator('1.10.2') };
    const { spec: fixed, description } = fixedSpec(tree);
    expect(description).toContain('public.ecr.aws/dynatrace/dynatrace-otel-collector:latest');
    expect(getIn(fixed, ['templates', 'otelCollector', 'imageRef'])).toEqual({
      repository: 'public.ecr.aws/dynatrace/dynatrace-otel-collector',
      tag: 'latest',
    });
  });

  it('keeps an OTel collector image that is set, and adds none without telemetryIngest or extensions', () => {
    const withImage = {
      'dk.yaml': dynakubeWith(
        'v1beta5',
        'telemetryIngest: {}\ntemplates:\n  otelCollector:\n    imageRef:\n      repository: r.example.com/otelcol\n      tag: "0.1"\n',
      ),
      'op.yaml': operator('1.10.2'),
    };
    expect(getIn(fixedSpec(withImage).spec, ['templates', 'otelCollector', 'imageRef'])).toEqual({
      repository: 'r.example.com/otelcol',
      tag: '0.1',
    });
    const plain = {
      'dk.yaml': dynakubeWith('v1beta5', 'oneAgent:\n  cloudNativeFullStack: {}\n'),
      'op.yaml': operator('1.10.2'),
    };
    expect(getIn(fixedSpec(plain).spec, ['templates'])).toBeUndefined();
  });

  // convert_to.go tests `src.Spec.Extensions != nil` and `src.Spec.TelemetryIngest != nil`: a section written without
  // a value (`extensions:` with its fields commented out) is null, a nil pointer, and turns nothing on, as the model
  // reads it (`readExtensions`).
  it.each([
    { name: 'extensions: null', spec: 'extensions:\n  # prometheus: {}\n' },
    { name: 'telemetryIngest: null', spec: 'telemetryIngest:\n  # protocols: [otlp]\n' },
  ])('$name turns nothing on: no `prometheus: {}` and no OTel collector image are added', ({ spec }) => {
    const tree = { 'dk.yaml': dynakubeWith('v1beta5', spec), 'op.yaml': operator('1.10.2') };
    const { spec: fixed, description } = fixedSpec(tree);
    expect(getIn(fixed, ['extensions', 'prometheus'])).toBeUndefined();
    expect(getIn(fixed, ['templates'])).toBeUndefined();
    expect(description).not.toContain('prometheus');
    expect(description).not.toContain('otel');
  });
});
