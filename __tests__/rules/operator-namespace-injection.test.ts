import { describe, expect, it } from '@jest/globals';
import { operatorNamespaceInjection as rule } from '../../src/rules/operator-namespace-injection.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

const dynakube = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
`;

function namespace(name: string, labels: Record<string, string>): string {
  const lines = Object.entries(labels).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    '    team: observability',
    ...lines,
    '',
  ].join('\n');
}

const operatorRelease = yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: dynatrace-operator
    namespace: flux-system
  spec:
    targetNamespace: dt-system
    chart:
      spec:
        chart: dynatrace-operator
`;

const cases: { name: string; tree: Tree; fires: number; line?: number }[] = [
  {
    name: 'istio-injection=enabled on the DynaKube namespace',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }) },
    fires: 1,
    line: 7,
  },
  {
    name: 'istio.io/rev on the operator namespace',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio.io/rev': 'stable' }) },
    fires: 1,
    line: 7,
  },
  {
    name: 'ambient data-plane mode on the operator namespace',
    tree: {
      'dk.yaml': dynakube,
      'ns.yaml': namespace('dynatrace', { 'istio.io/dataplane-mode': 'ambient' }),
    },
    fires: 1,
  },
  {
    name: 'the operator namespace from the HelmRelease targetNamespace',
    tree: { 'op.yaml': operatorRelease, 'ns.yaml': namespace('dt-system', { 'istio-injection': 'enabled' }) },
    fires: 1,
  },
  {
    name: 'injection disabled',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio-injection': 'disabled' }) },
    fires: 0,
  },
  {
    name: 'istio-injection=disabled wins over istio.io/rev',
    tree: {
      'dk.yaml': dynakube,
      'ns.yaml': namespace('dynatrace', { 'istio-injection': 'disabled', 'istio.io/rev': 'stable' }),
    },
    fires: 0,
  },
  {
    name: 'another namespace is injected',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('shop', { 'istio-injection': 'enabled' }) },
    fires: 0,
  },
  {
    name: 'ambient mode none',
    tree: { 'dk.yaml': dynakube, 'ns.yaml': namespace('dynatrace', { 'istio.io/dataplane-mode': 'none' }) },
    fires: 0,
  },
  { name: 'no Namespace manifest in the repository', tree: { 'dk.yaml': dynakube }, fires: 0 },
];

describe('operator-namespace-injection', () => {
  it.each(cases)('$name', ({ tree, fires, line }) => {
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(fires);
    if (line) expect(findings[0].origin).toMatchObject({ file: 'ns.yaml', line });
  });

  it.each(cases.filter((c) => c.fires > 0))('the fix removes the label: $name', ({ tree }) => {
    const findings = runRule(rule, tree);
    const fixed = applyFixes(tree, findings);
    expect(runRule(rule, fixed)).toHaveLength(0);
    expect(fixed['ns.yaml']).toContain('team: observability');
  });
});

/** A Namespace manifest with exactly these label lines, in this order. */
function labelled(labelLines: string[]): string {
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: dynatrace', '  labels:']
    .concat(
      labelLines.map((line) => `    ${line}`),
      [''],
    )
    .join('\n');
}

describe('operator-namespace-injection, several labels enrol the namespace', () => {
  const cases: { name: string; labels: string[]; kept: string[] }[] = [
    {
      name: 'sidecar injection and ambient mode (both enrol it)',
      labels: ['istio-injection: enabled', 'istio.io/dataplane-mode: ambient'],
      kept: [],
    },
    {
      name: 'sidecar injection and ambient mode with a label between them',
      labels: ['istio-injection: enabled', 'team: observability', 'istio.io/dataplane-mode: ambient'],
      kept: ['team: observability'],
    },
    {
      name: 'a revision label behind istio-injection (it enrols once istio-injection is gone)',
      labels: ['team: observability', 'istio-injection: enabled', 'istio.io/rev: stable'],
      kept: ['team: observability'],
    },
    {
      name: 'all three, with a comment between two of them',
      labels: [
        'istio.io/rev: stable',
        '# sidecars',
        'istio-injection: enabled',
        'team: observability',
        'istio.io/dataplane-mode: ambient',
      ],
      kept: ['team: observability'],
    },
    {
      name: 'ambient next to istio-injection: disabled (disabled does not enrol and stays)',
      labels: ['istio-injection: disabled', 'istio.io/dataplane-mode: ambient'],
      kept: ['istio-injection: disabled'],
    },
  ];

  it.each(cases)('one edit removes them all: $name', ({ labels, kept }) => {
    const tree: Tree = { 'dk.yaml': dynakube, 'ns.yaml': labelled(labels) };
    const findings = runRule(rule, tree);
    expect(findings).toHaveLength(1);
    // One edit is one GitHub suggestion: one click takes the namespace out of the mesh.
    expect(findings[0].fix?.edits).toHaveLength(1);
    const fixed = applyFixes(tree, findings);
    expect(fixed['ns.yaml']).toBe(labelled(kept));
    expect(runRule(rule, fixed)).toEqual([]);
  });

  it('names every enrolling label in the message and the fix', () => {
    const tree: Tree = {
      'dk.yaml': dynakube,
      'ns.yaml': labelled(['istio-injection: enabled', 'istio.io/dataplane-mode: ambient']),
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin).toMatchObject({ file: 'ns.yaml', line: 6 });
    expect(finding.field).toBe('metadata.labels.istio-injection');
    expect(finding.message).toContain('`istio.io/dataplane-mode: ambient` would keep it in the mesh');
    expect(finding.fix?.description).toBe(
      'Remove the `istio-injection` and `istio.io/dataplane-mode` labels from the operator namespace.',
    );
  });
});

describe('operator-namespace-injection, label added by a kustomize overlay', () => {
  const base: Tree = {
    'dk.yaml': dynakube,
    'base/kustomization.yaml': 'resources: [ns.yaml]\n',
    'base/ns.yaml': namespace('dynatrace', {}),
  };
  const enroll = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: dynatrace
      labels:
        istio-injection: enabled
  `;

  it('points at the patch file and removes the label there, keeping the base labels', () => {
    const tree: Tree = {
      ...base,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: enroll.yaml\n',
      'overlay/enroll.yaml': enroll,
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin).toMatchObject({ file: 'overlay/enroll.yaml', line: 6 });
    expect(finding.fix?.edits.map((edit) => edit.file)).toEqual(['overlay/enroll.yaml']);
    const fixed = applyFixes(tree, [finding]);
    // An empty `labels:` left in a strategic-merge patch would delete the base labels: it goes too.
    expect(fixed['overlay/enroll.yaml']).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n',
    );
    expect(fixed['base/ns.yaml']).toBe(tree['base/ns.yaml']);
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('removes every enrolling label a patch sets, and the labels map they leave empty', () => {
    const tree: Tree = {
      ...base,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: enroll.yaml\n',
      'overlay/enroll.yaml': enroll.replace(
        'istio-injection: enabled',
        'istio-injection: enabled\n    istio.io/dataplane-mode: ambient',
      ),
    };
    const [finding] = runRule(rule, tree);
    expect(finding.fix?.edits).toHaveLength(1);
    const fixed = applyFixes(tree, [finding]);
    expect(fixed['overlay/enroll.yaml']).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n',
    );
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('keeps the other labels a patch sets', () => {
    const tree: Tree = {
      ...base,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: enroll.yaml\n',
      'overlay/enroll.yaml': enroll.replace(
        'istio-injection: enabled',
        'istio-injection: enabled\n    tier: core',
      ),
    };
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['overlay/enroll.yaml']).toContain('  labels:\n    tier: core\n');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('removes the label from the patch and from the base when both write it (either alone would leave it)', () => {
    const tree: Tree = {
      ...base,
      'base/ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }),
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: enroll.yaml\n',
      'overlay/enroll.yaml': enroll,
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin.file).toBe('overlay/enroll.yaml');
    expect(finding.fix?.edits.map((edit) => edit.file).sort()).toEqual([
      'base/ns.yaml',
      'overlay/enroll.yaml',
    ]);
    const fixed = applyFixes(tree, [finding]);
    expect(fixed['base/ns.yaml']).toBe(namespace('dynatrace', {}));
    expect(fixed['overlay/enroll.yaml']).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n',
    );
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('removes the label from every overlay of a stack that writes it, and from the base', () => {
    const tree: Tree = {
      ...base,
      'base/ns.yaml': namespace('dynatrace', { 'istio-injection': 'enabled' }),
      'middle/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: enroll.yaml\n',
      'middle/enroll.yaml': enroll,
      'overlay/kustomization.yaml': 'resources: [../middle]\npatches:\n  - path: enroll.yaml\n',
      'overlay/enroll.yaml': enroll,
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin.file).toBe('overlay/enroll.yaml');
    expect(finding.fix?.edits.map((edit) => edit.file).sort()).toEqual([
      'base/ns.yaml',
      'middle/enroll.yaml',
      'overlay/enroll.yaml',
    ]);
    const fixed = applyFixes(tree, [finding]);
    expect(fixed['middle/enroll.yaml']).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n',
    );
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('removes the label from a kind: List base item too', () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: dynatrace
            labels:
              istio-injection: enabled
    `;
    const tree: Tree = {
      ...base,
      'base/ns.yaml': list,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: enroll.yaml\n',
      'overlay/enroll.yaml': enroll,
    };
    const [finding] = runRule(rule, tree);
    expect(finding.origin.file).toBe('overlay/enroll.yaml');
    expect(finding.fix?.edits.map((edit) => edit.file).sort()).toEqual([
      'base/ns.yaml',
      'overlay/enroll.yaml',
    ]);
    const fixed = applyFixes(tree, [finding]);
    expect(fixed['base/ns.yaml']).not.toContain('istio-injection');
    expect(fixed['base/ns.yaml']).toContain('name: dynatrace');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it('points at the value of an inline JSON6902 patch and offers no line removal that would break it', () => {
    const kustomization = [
      'resources: [../base]',
      'patches:',
      '  - target: {kind: Namespace, name: dynatrace}',
      '    patch: |-',
      '      - op: add',
      '        path: /metadata/labels/istio-injection',
      '        value: enabled',
      '',
    ].join('\n');
    const [finding] = runRule(rule, { ...base, 'overlay/kustomization.yaml': kustomization });
    expect(finding.origin).toMatchObject({ file: 'overlay/kustomization.yaml', line: 7 });
    expect(finding.fix).toBeUndefined();
  });
});
