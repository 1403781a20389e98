import { describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/engine.js';
import { dynakubeSpec as rule } from '../../src/rules/dynakube-spec.js';
import { applyFixes, modelOf, runRule, yaml, type Tree } from './harness.js';

function dynakube(spec: string, name = 'dk'): string {
  return (
    yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: ${name}
      namespace: dynatrace
    spec:
  ` +
    spec
      .split('\n')
      .map((line) => (line ? `  ${line}` : line))
      .join('\n')
  );
}

const valid = dynakube(yaml`
  apiUrl: https://abc12345.live.dynatrace.com/api
  oneAgent:
    cloudNativeFullStack: {}
  activeGate:
    capabilities:
      - routing
      - kubernetes-monitoring
      - metrics-ingest
      - dynatrace-api
`);

const cases: { name: string; tree: Tree; fires: string[]; line?: number }[] = [
  {
    name: 'two OneAgent modes',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        oneAgent:
          cloudNativeFullStack: {}
          hostMonitoring: {}
      `),
    },
    fires: ['spec.oneAgent'],
    line: 10,
  },
  {
    name: 'apiUrl without /api',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com\n') },
    fires: ['spec.apiUrl'],
    line: 7,
  },
  {
    name: 'apiUrl with a trailing slash',
    tree: { 'dk.yaml': dynakube('apiUrl: "https://abc12345.live.dynatrace.com/api/" # tenant\n') },
    fires: ['spec.apiUrl'],
  },
  {
    name: 'apiUrl that is no URL',
    tree: { 'dk.yaml': dynakube('apiUrl: abc12345.live.dynatrace.com/api\n') },
    fires: ['spec.apiUrl'],
  },
  {
    name: 'apiUrl missing',
    tree: { 'dk.yaml': dynakube('oneAgent:\n  hostMonitoring: {}\n') },
    fires: ['spec.apiUrl'],
  },
  {
    name: 'invalid ActiveGate capability (near miss)',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities:
            - routing
            - Kubernetes_Monitoring
      `),
    },
    fires: ['spec.activeGate.capabilities.Kubernetes_Monitoring'],
    line: 11,
  },
  {
    name: 'unknown ActiveGate capability',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities: [routing, statsd]
      `),
    },
    fires: ['spec.activeGate.capabilities.statsd'],
  },
  { name: 'a valid DynaKube', tree: { 'dk.yaml': valid }, fires: [] },
  {
    name: 'third-generation apps URL without /api',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.apps.dynatrace.com\n') },
    fires: [],
  },
  {
    name: 'managed URL',
    tree: { 'dk.yaml': dynakube('apiUrl: https://dt.example.com/e/1234-abcd/api\n') },
    fires: [],
  },
  {
    name: 'the documented example apiUrl',
    tree: { 'dk.yaml': dynakube('apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api\n') },
    fires: [],
  },
  {
    name: 'a Flux substitution',
    tree: { 'dk.yaml': dynakube('apiUrl: https://${TENANT_ID}.live.dynatrace.com\n') },
    fires: [],
  },
  {
    name: 'an Argo CD vault placeholder',
    tree: { 'dk.yaml': dynakube('apiUrl: <path:kv/dt#apiUrl>\n') },
    fires: [],
  },
  {
    name: 'apiUrl missing in a base but set by a patch of the same object',
    tree: {
      'base/dk.yaml': dynakube('oneAgent:\n  hostMonitoring: {}\n'),
      'overlays/prod/patch.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com/api\n'),
    },
    fires: [],
  },
];

describe('dynakube-spec', () => {
  it.each(cases)('$name', ({ tree, fires, line }) => {
    const findings = runRule(rule, tree);
    expect(findings.map((f) => f.field)).toEqual(fires);
    if (line) expect(findings[0].origin.line).toBe(line);
  });

  it('fixes the /api suffix and keeps quotes and comments', () => {
    const tree = cases[2].tree;
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['dk.yaml']).toContain('  apiUrl: "https://abc12345.live.dynatrace.com/api" # tenant');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it.each([cases[1], cases[5]])('the fix makes the DynaKube valid: $name', ({ tree }) => {
    const findings = runRule(rule, tree);
    expect(findings[0].fix?.edits).toHaveLength(1);
    expect(runRule(rule, applyFixes(tree, findings))).toHaveLength(0);
  });

  it('offers no edit where the right value is unknown', () => {
    expect(runRule(rule, cases[6].tree)[0].fix).toBeUndefined();
    expect(runRule(rule, cases[4].tree)[0].fix).toBeUndefined();
  });

  it('reports a tenant change as immutable, with delete and apply commands', () => {
    const base = { 'dk.yaml': valid };
    const head = { 'dk.yaml': valid.replace('abc12345', 'xyz98765') };
    const findings = runRule(rule, head, base);
    expect(findings.map((f) => f.field)).toEqual(['spec.apiUrl.tenant']);
    expect(findings[0].fix?.commands).toEqual([
      'kubectl delete dynakube dk -n dynatrace',
      'kubectl apply -f dk.yaml',
    ]);
    expect(runRule(rule, base, { 'dk.yaml': valid.replace('.live.', '.sprint.') })).toHaveLength(0);
    expect(runRule(rule, { 'dk.yaml': valid.replace('abc12345', '${TENANT}') }, base)).toHaveLength(0);
  });

  it('lists placeholder apiUrls as not evaluable, not as findings', () => {
    const model = modelOf(cases[10].tree);
    const { report } = analyze(model, undefined, { rules: [rule] });
    expect(report.findings).toHaveLength(0);
    expect(report.notEvaluable).toEqual([
      expect.objectContaining({
        file: 'dk.yaml',
        line: 7,
        reason: expect.stringContaining('documented example'),
      }),
    ]);
  });
});
