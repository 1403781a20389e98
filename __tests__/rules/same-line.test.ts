import { describe, expect, it } from '@jest/globals';
import { collapseSameLine } from '../../src/rules/same-line.js';
import type { Finding } from '../../src/rules/types.js';
import { checkTrees } from '../helpers/memory-source.js';

/** A finding about `resource` as the engine makes it: the resource named in the message, the fix and the key. */
function finding(resource: string, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'native-sidecars',
    severity: 'error',
    status: 'new',
    message: `${resource} can inject native sidecars.`,
    file: 'argocd/istiod.yaml',
    line: 17,
    endLine: 17,
    resource,
    docs: 'docs',
    fix: {
      description: `Set it in the pilot env of ${resource}.`,
      edits: [{ file: 'argocd/istiod.yaml', startLine: 23, endLine: 23, replacement: 'x' }],
    },
    key: `native-sidecars|${resource}|pilot.env`,
    ...overrides,
  };
}

const DEV = 'Application argocd/istiod-dev';
const PROD = 'Application argocd/istiod-prod';

describe('collapseSameLine', () => {
  it.each<[string, Finding[], number]>([
    ['the same line, message and fix but the name', [finding(PROD), finding(DEV)], 1],
    ['another line', [finding(DEV), finding(PROD, { line: 18, endLine: 18 })], 2],
    ['another status (a PR adds one cluster)', [finding(DEV, { status: 'unchanged' }), finding(PROD)], 2],
    ['another severity', [finding(DEV), finding(PROD, { severity: 'warning' })], 2],
    [
      'another rule',
      [finding(DEV), finding(PROD, { ruleId: 'registry-egress', key: `registry-egress|${PROD}|pilot.env` })],
      2,
    ],
    ['another field', [finding(DEV), finding(PROD, { key: `native-sidecars|${PROD}|spec.x` })], 2],
    [
      'a message that says more than the name',
      [finding(DEV), finding(PROD, { message: `${PROD} can inject native sidecars on 1.33.` })],
      2,
    ],
    [
      'another fix',
      [
        finding(DEV),
        finding(PROD, { fix: { description: `Set it in the pilot env of ${PROD}.`, edits: [] } }),
      ],
      2,
    ],
    ['one with a fix, one without', [finding(DEV), finding(PROD, { fix: undefined })], 2],
  ])('%s', (_, findings, count) => {
    expect(collapseSameLine(findings)).toHaveLength(count);
  });

  it('keeps the first resource by name, lists the others and names them in the message', () => {
    const names = ['c', 'a', 'g', 'b', 'f', 'e', 'd'].map((name) => `Application argocd/istiod-${name}`);
    const [kept] = collapseSameLine(names.map((name) => finding(name)));
    expect(kept.resource).toBe('Application argocd/istiod-a');
    expect(kept.key).toBe('native-sidecars|Application argocd/istiod-a|pilot.env');
    expect(kept.alsoFor).toEqual(names.filter((name) => !name.endsWith('-a')).sort());
    expect(kept.message).toBe(
      'Application argocd/istiod-a can inject native sidecars. The same line gives Application argocd/istiod-b, ' +
        'Application argocd/istiod-c, Application argocd/istiod-d, Application argocd/istiod-e, ' +
        'Application argocd/istiod-f and 1 more the same finding.',
    );
    expect(kept.fix?.description).toBe('Set it in the pilot env of Application argocd/istiod-a.');
  });

  it('leaves a finding of its own as it is', () => {
    const alone = finding(DEV);
    expect(collapseSameLine([alone])).toEqual([alone]);
  });
});

describe('findings of an ApplicationSet template line, end to end', () => {
  const applicationSet = (clusters: string[]) =>
    [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata: {name: istiod, namespace: argocd}',
      'spec:',
      '  generators:',
      '    - list:',
      '        elements:',
      ...clusters.map((cluster) => `          - {cluster: ${cluster}}`),
      '  template:',
      "    metadata: {name: 'istiod-{{cluster}}'}",
      '    spec:',
      "      destination: {name: '{{cluster}}', namespace: istio-system}",
      '      source:',
      '        repoURL: https://istio-release.storage.googleapis.com/charts',
      '        chart: istiod',
      '        targetRevision: 1.28.0',
    ].join('\n');
  const dynakube = [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata: {name: dk, namespace: dynatrace}',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent: {cloudNativeFullStack: {}}',
  ].join('\n');
  const tree = (clusters: string[]) => ({
    'argocd/istiod.yaml': applicationSet(clusters),
    'dynatrace/dk.yaml': dynakube,
  });
  const nativeSidecars = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'native-sidecars');

  it('reports one finding for the Applications one template line gives the same problem', async () => {
    const { report } = await checkTrees(undefined, tree(['prod', 'dev', 'stage']));
    const findings = nativeSidecars(report.findings);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: 'Application argocd/istiod-dev',
      alsoFor: ['Application argocd/istiod-prod', 'Application argocd/istiod-stage'],
    });
    expect(report.summary.new).toBe(report.findings.length);
  });

  it('keeps a cluster the PR adds apart, as new', async () => {
    const { report } = await checkTrees(tree(['prod', 'dev']), tree(['prod', 'dev', 'qa']));
    const findings = nativeSidecars(report.findings);
    expect(findings.map(({ status, resource, alsoFor }) => ({ status, resource, alsoFor }))).toEqual([
      { status: 'new', resource: 'Application argocd/istiod-qa', alsoFor: undefined },
      {
        status: 'unchanged',
        resource: 'Application argocd/istiod-dev',
        alsoFor: ['Application argocd/istiod-prod'],
      },
    ]);
  });
});
