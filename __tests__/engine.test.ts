import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze, check, shouldFail, withStatuses } from '../src/engine.js';
import { DEFAULT_SELECTION } from '../src/sources/types.js';
import { TempGitRepo } from './helpers/git-repo.js';
import { modelOf } from './rules/harness.js';
import { ALL_RULES } from '../src/rules/index.js';
import type { Finding } from '../src/rules/types.js';

const dynakube = (enableIstio: string, extraLines = '') =>
  `${extraLines}apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\n  namespace: dynatrace\nspec:\n  apiUrl: https://abc12345.live.dynatrace.com/api\n  enableIstio: ${enableIstio}\n  oneAgent:\n    cloudNativeFullStack: {}\n`;
const restricted =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n';

describe('analyze', () => {
  it('marks findings new, unchanged and fixed by rule, resource and field, not by line', () => {
    const base = modelOf({ 'dk.yaml': dynakube('false'), 'cm.yaml': restricted });
    const moved = modelOf({
      'dk.yaml': dynakube('false', '# a comment moves every line\n\n'),
      'cm.yaml': restricted,
    });
    const fixed = modelOf({ 'dk.yaml': dynakube('true'), 'cm.yaml': restricted });
    // One rule, so the statuses are not mixed with rules about the enableIstio change itself.
    const required = { rules: ALL_RULES.filter((rule) => rule.meta.id === 'enable-istio-required') };
    expect(analyze(moved, base, required).report.findings.map((f) => f.status)).toEqual(['unchanged']);
    expect(analyze(fixed, base, required).report.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ['enable-istio-required', 'fixed'],
    ]);
    expect(analyze(base, fixed, required).report.findings.map((f) => f.status)).toEqual(['new']);
    expect(analyze(base, undefined, required).report.summary).toMatchObject({
      errors: 1,
      new: 1,
      unchanged: 0,
      fixed: 0,
    });
  });

  it('switches rules off and changes severity from settings', () => {
    const head = modelOf({ 'dk.yaml': dynakube('false'), 'cm.yaml': restricted });
    expect(
      analyze(head, undefined, { settings: { 'enable-istio-required': 'off' } }).report.findings,
    ).toEqual([]);
    const lowered = analyze(head, undefined, { settings: { 'enable-istio-required': 'warning' } }).report;
    expect(lowered.findings[0].severity).toBe('warning');
    expect(shouldFail(lowered, 'error', 'new')).toBe(false);
    expect(shouldFail(lowered, 'warning', 'new')).toBe(true);
  });
  it('orders findings of equal rank by file in code-unit order, whatever the locale', () => {
    const head = modelOf({
      'b/dk.yaml': dynakube('false'),
      'B/dk.yaml': dynakube('false').replace('name: dk', 'name: dk2'),
      'a/dk.yaml': dynakube('false').replace('name: dk', 'name: dk3'),
      'cm.yaml': restricted,
    });
    const required = { rules: ALL_RULES.filter((rule) => rule.meta.id === 'enable-istio-required') };
    // A locale order (`localeCompare`) puts a/ before B/ before b/; code units put uppercase first.
    expect(analyze(head, undefined, required).report.findings.map((f) => f.file)).toEqual([
      'B/dk.yaml',
      'a/dk.yaml',
      'b/dk.yaml',
    ]);
  });
});

describe('names and values from the input in the report', () => {
  // Messages, resources and notes quoted names and values whole: a DynaKube named with 60,000 characters gave
  // findings and notes of 60,000 characters each, in every format, comment and annotation (found by the mutation
  // fuzzer).
  const longName = (last: string) => `${'a'.repeat(60_000)}${last}`;
  const named = (name: string) =>
    dynakube('false').replace('name: dk', `name: ${name}`).replace('abc12345', 'ENVIRONMENTID');

  it('shows them shortened, and still tells two long names apart', () => {
    const tree = {
      'one.yaml': named(longName('1')),
      'two.yaml': named(longName('2')),
      'cm.yaml': restricted,
    };
    const base = modelOf(tree);
    const head = modelOf({ ...tree, 'two.yaml': named(longName('3')) });
    const { report } = analyze(head, base);
    const shown = `DynaKube ${'a'.repeat(40)}…`;
    const required = report.findings.filter((f) => f.ruleId === 'enable-istio-required');
    expect(required.map((f) => [f.file, f.status, f.resource])).toEqual([
      ['two.yaml', 'new', `DynaKube dynatrace/${'a'.repeat(30)}…`],
      ['one.yaml', 'unchanged', `DynaKube dynatrace/${'a'.repeat(30)}…`],
      ['two.yaml', 'fixed', `DynaKube dynatrace/${'a'.repeat(30)}…`],
    ]);
    expect(required[0].message).toContain(shown);
    expect(report.notEvaluable.filter((note) => note.reason.includes(shown))).not.toEqual([]);
    for (const finding of report.findings) expect(finding.message.length).toBeLessThan(1600);
    for (const note of report.notEvaluable) expect(note.reason.length).toBeLessThan(1600);
  });
});

/** Every YAML file under `dir` as a tree (path relative to `dir` → text). */
function treeOf(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry)) tree[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return tree;
}

describe('analyze with base and head the same model', () => {
  const examples = readdirSync('examples')
    .flatMap((name) => ['base', 'head'].map((side) => path.join('examples', name, side)))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory());
  const samples = path.resolve('../shared/fixtures/dynatrace-samples');
  const repositories = [
    ...examples.map((dir) => ({ name: dir, tree: treeOf(dir) })),
    ...readdirSync(samples).map((file) => ({
      name: file,
      tree: { [file]: readFileSync(path.join(samples, file), 'utf8') },
    })),
  ];

  // analyze() takes head's findings for a base that is head's model: every rule must find the same with base = head
  // as with no base (a rule reports a change only when there is one).
  it.each(repositories.map(({ name, tree }) => [name, tree] as const))(
    'every rule finds the same with base = head as without base: %s',
    (_name, tree) => {
      const model = modelOf(tree);
      const summary = (drafts: ReturnType<(typeof ALL_RULES)[number]['check']>) =>
        drafts.map((draft) => `${draft.resource}|${draft.field}|${draft.message}`).sort();
      for (const rule of ALL_RULES)
        expect(summary(rule.check({ head: model, base: model }))).toEqual(
          summary(rule.check({ head: model })),
        );
    },
  );

  it('reports every head finding as unchanged and nothing fixed or changed', () => {
    const model = modelOf(treeOf('examples/mesh-locks-down-egress/head'));
    const alone = analyze(model, undefined).report;
    const same = analyze(model, model).report;
    expect(alone.findings.length).toBeGreaterThan(0);
    expect(same.findings.map((f) => [f.key, f.status])).toEqual(
      alone.findings.map((f) => [f.key, 'unchanged']),
    );
    expect(same.changes).toEqual([]);
  });
});

describe('shouldFail', () => {
  const finding = (status: Finding['status'], severity: Finding['severity']) =>
    ({
      ruleId: 'r',
      severity,
      status,
      message: '',
      file: 'f',
      line: 1,
      endLine: 1,
      resource: 'x',
      docs: '',
      key: `${status}${severity}`,
    }) as Finding;
  const report = (findings: Finding[]) => ({
    version: 1 as const,
    summary: {} as never,
    findings,
    generated: [],
    changes: [],
    notEvaluable: [],
  });

  it.each([
    { findings: [finding('new', 'error')], failOn: 'error', scope: 'new', fails: true },
    { findings: [finding('unchanged', 'error')], failOn: 'error', scope: 'new', fails: false },
    { findings: [finding('unchanged', 'error')], failOn: 'error', scope: 'all', fails: true },
    { findings: [finding('fixed', 'error')], failOn: 'error', scope: 'all', fails: false },
    { findings: [finding('new', 'warning')], failOn: 'error', scope: 'new', fails: false },
    { findings: [finding('new', 'info')], failOn: 'info', scope: 'new', fails: true },
    { findings: [finding('new', 'error')], failOn: 'never', scope: 'all', fails: false },
  ] as const)('$failOn/$scope → $fails', ({ findings, failOn, scope, fails }) => {
    expect(shouldFail(report([...findings]), failOn, scope)).toBe(fails);
  });

  it('keeps a finding that exists on both sides unchanged even when its line moved', () => {
    const a = { ...finding('new', 'error'), key: 'k', line: 3 };
    const b = { ...finding('new', 'error'), key: 'k', line: 9 };
    expect(withStatuses([a], [b]).map((f) => f.status)).toEqual(['unchanged']);
  });
});

describe('ParseCache', () => {
  const dynakubeFile = dynakube('true');
  const namespaceFile = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

  /** The ref's top-level files only, so a ref and a folder of the tree list the same names. */
  const HEAD_FILES = { include: ['*.yaml'], exclude: [] };

  it('reads a shared file once: by equal text between directories, by blob id against a git ref', async () => {
    const repo = new TempGitRepo();
    try {
      repo.write('base/dk.yaml', dynakube('false'));
      repo.write('base/ns.yaml', namespaceFile);
      repo.write('head/dk.yaml', dynakubeFile);
      repo.write('head/ns.yaml', namespaceFile);
      repo.write('dk.yaml', dynakube('false'));
      repo.write('ns.yaml', namespaceFile);
      repo.commit('sides');
      const directories = await check({
        repo: repo.dir,
        head: 'head',
        base: 'base',
        selection: DEFAULT_SELECTION,
      });
      expect(directories.stats).toMatchObject({ files: 4, filesRead: 4, reused: 1 });
      expect(directories.base!.dynakubes[0].enableIstio?.value).toBe(false);
      // Each side's loading phases, head first; together they are the summed phases.
      const { sides, phases } = directories.stats!;
      expect(sides).toHaveLength(2);
      for (const phase of ['read', 'parse', 'build'] as const)
        expect(sides[0][phase] + sides[1][phase]).toBe(phases[phase]);
      // A directory that is not the checked-out tree against a ref: the shared file is hashed, then not read.
      const againstRef = await check({ repo: repo.dir, head: 'head', base: 'HEAD', selection: HEAD_FILES });
      expect(againstRef.stats).toMatchObject({ files: 4, filesRead: 3, reused: 1 });
      expect(againstRef.base!.dynakubes[0].enableIstio?.value).toBe(false);
      expect(againstRef.head.dynakubes[0].enableIstio?.value).toBe(true);
    } finally {
      repo.remove();
    }
  });

  it('parses a shared file again for a side that keeps other documents of it', async () => {
    const repo = new TempGitRepo();
    try {
      const release = (valuesFrom: boolean) =>
        [
          'apiVersion: helm.toolkit.fluxcd.io/v2',
          'kind: HelmRelease',
          'metadata: {name: istiod, namespace: platform}',
          'spec:',
          '  chart: {spec: {chart: istiod, version: 1.26.4}}',
          ...(valuesFrom ? ['  valuesFrom:', '    - {kind: ConfigMap, name: mesh-settings}'] : []),
          '',
        ].join('\n');
      // The Namespace is kept on both sides; the ConfigMap (nothing in it names the mesh) only on a side whose
      // documents refer to it.
      const settings = [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: platform}',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: mesh-settings',
        '  namespace: platform',
        'data:',
        '  values.yaml: |',
        '    meshConfig:',
        '      outboundTrafficPolicy: {mode: REGISTRY_ONLY}',
        '',
      ].join('\n');
      repo.write('release.yaml', release(true));
      repo.write('settings.yaml', settings);
      repo.commit('base');
      // Head (read first) no longer refers to the ConfigMap; base, which shares its file, still does.
      repo.write('release.yaml', release(false));
      const analysis = await check({ repo: repo.dir, base: 'HEAD', selection: DEFAULT_SELECTION });
      expect(analysis.stats).toMatchObject({ reused: 1 });
      expect(analysis.head.meshConfigs.map((mesh) => mesh.outboundPolicy?.value)).toEqual([undefined]);
      expect(analysis.base!.meshConfigs.map((mesh) => mesh.outboundPolicy?.value)).toEqual(['REGISTRY_ONLY']);
    } finally {
      repo.remove();
    }
  });

  it('gives base the head model when the PR changes only documents no rule reads', async () => {
    const repo = new TempGitRepo();
    try {
      const service = (port: number) =>
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - port: ${port}\n`;
      repo.write('dk.yaml', dynakube('false'));
      repo.write('ns.yaml', namespaceFile);
      repo.write('svc.yaml', service(80));
      repo.write('cm.yaml', restricted);
      repo.commit('base');
      repo.write('svc.yaml', service(8080));
      const serviceOnly = await check({ repo: repo.dir, base: 'HEAD', selection: DEFAULT_SELECTION });
      expect(serviceOnly.base).toBe(serviceOnly.head);
      expect(serviceOnly.report.changes).toEqual([]);
      expect(serviceOnly.report.findings.length).toBeGreaterThan(0);
      expect(serviceOnly.report.findings.every((finding) => finding.status === 'unchanged')).toBe(true);
      repo.write('dk.yaml', dynakubeFile);
      const dynakubeToo = await check({ repo: repo.dir, base: 'HEAD', selection: DEFAULT_SELECTION });
      expect(dynakubeToo.base).not.toBe(dynakubeToo.head);
      expect(dynakubeToo.base!.dynakubes[0].enableIstio?.value).toBe(false);
      expect(dynakubeToo.head.dynakubes[0].enableIstio?.value).toBe(true);
      // A new file, even one without a document that matters, changes the paths a kustomization can list.
      repo.write('dk.yaml', dynakube('false'));
      repo.write('extra.yaml', service(81));
      const newFile = await check({ repo: repo.dir, base: 'HEAD', selection: DEFAULT_SELECTION });
      expect(newFile.base).not.toBe(newFile.head);
    } finally {
      repo.remove();
    }
  });
});
