import { describe, expect, it } from '@jest/globals';
import { configNotEvaluable as rule } from '../../src/rules/config-not-evaluable.js';
import { findingsOf, runRule, yaml } from './harness.js';

const substituted = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dk
    namespace: dynatrace
  spec:
    apiUrl: https://\${TENANT_ID}.live.dynatrace.com/api
`;
const broken = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [unclosed\n';
const plain = substituted.replace('${TENANT_ID}', 'abc12345');

describe('config-not-evaluable', () => {
  it('reports a substitution in a field rules read, at its line', () => {
    const findings = runRule(rule, { 'dk.yaml': substituted });
    expect(findings.map((f) => [f.resource, f.origin.line])).toEqual([['File dk.yaml', 7]]);
    expect(findings[0].message).toContain('${TENANT_ID}');
  });

  it('reports a file that is not valid YAML', () => {
    expect(runRule(rule, { 'ns.yaml': broken }).map((f) => f.resource)).toEqual(['File ns.yaml']);
  });

  it('does not fire on plain, readable configuration or the documented example apiUrl', () => {
    expect(runRule(rule, { 'dk.yaml': plain })).toHaveLength(0);
    expect(runRule(rule, { 'dk.yaml': plain.replace('abc12345', 'ENVIRONMENTID') })).toHaveLength(0);
  });

  it('is an info finding keyed by file, unchanged when lines move', () => {
    const findings = findingsOf(rule, { 'dk.yaml': `# moved\n${substituted}` }, { 'dk.yaml': substituted });
    expect(findings.map((f) => [f.severity, f.status, f.line])).toEqual([['info', 'unchanged', 8]]);
  });
});
