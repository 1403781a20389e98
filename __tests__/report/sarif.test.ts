import { describe, expect, it } from '@jest/globals';
import { buildSarif, MAX_RESULTS, NO_FILE_URI } from '../../src/report/sarif.js';
import type { Finding } from '../../src/rules/types.js';
import { attachRenderContext, type Report } from '../../src/report/types.js';
import { ALL_RULES } from '../../src/rules/index.js';

function finding(
  line: number,
  status: Finding['status'] = 'new',
  severity: Finding['severity'] = 'error',
): Finding {
  return {
    ruleId: 'cni-csi-deadlock',
    severity,
    status,
    message: 'Deadlock',
    file: 'platform/istio/cni values.yaml',
    line,
    endLine: line,
    resource: 'HelmRelease istio-system/istio-cni',
    docs: 'https://example.test/cni-csi-deadlock.md',
    key: 'cni-csi-deadlock|HelmRelease istio-system/istio-cni|podAnnotations',
  };
}

function report(findings: Finding[]): Report {
  return {
    version: 1,
    summary: { errors: 0, warnings: 0, infos: 0, new: 0, unchanged: 0, fixed: 0 },
    findings,
    generated: [],
    changes: [],
    notEvaluable: [],
  };
}

describe('buildSarif', () => {
  it('describes every rule and reports open findings with level, location and rule index', () => {
    const sarif = buildSarif(report([finding(10), finding(3, 'fixed'), finding(7, 'unchanged', 'info')]));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(ALL_RULES.map((rule) => rule.meta.id));
    expect(run.results).toHaveLength(2);
    const [first, second] = run.results;
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('cni-csi-deadlock');
    expect(first.level).toBe('error');
    expect(second.level).toBe('note');
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('platform/istio/cni%20values.yaml');
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: 10, endLine: 10 });
  });

  it('keeps the fingerprint when the finding moves to another line', () => {
    const before = buildSarif(report([finding(10)])).runs[0].results[0].partialFingerprints;
    const after = buildSarif(report([finding(42)])).runs[0].results[0].partialFingerprints;
    expect(after).toEqual(before);
    const other = buildSarif(
      report([{ ...finding(10), key: 'cni-csi-deadlock|HelmRelease x/y|podAnnotations' }]),
    );
    expect(other.runs[0].results[0].partialFingerprints).not.toEqual(before);
  });

  it('adds a minimal rule entry for a finding of a rule it does not know', () => {
    const sarif = buildSarif(report([{ ...finding(1), ruleId: 'future-rule' }]));
    const run = sarif.runs[0];
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('future-rule');
  });

  it('places a finding without a file (a default no file sets) where code scanning shows alerts of no file', () => {
    const sarif = buildSarif(report([{ ...finding(0), file: '', endLine: 0 }]));
    // Code scanning refuses an empty uri, a result without a location and a startLine below 1.
    expect(sarif.runs[0].results[0].locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: NO_FILE_URI },
          region: { startLine: 1, endLine: 1 },
        },
      },
    ]);
  });

  it('keeps a region valid for a finding on line 0 of a file', () => {
    const [result] = buildSarif(report([{ ...finding(0), endLine: 0 }])).runs[0].results;
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 1, endLine: 1 });
  });

  it('stays within the results code scanning takes per run, keeping the most severe', () => {
    const many = [
      ...Array.from({ length: MAX_RESULTS }, (_, i) => ({ ...finding(i + 1, 'new', 'info'), key: `n${i}` })),
      { ...finding(5, 'unchanged', 'error'), key: 'e' },
    ];
    const { results } = buildSarif(report(many)).runs[0];
    expect(results).toHaveLength(MAX_RESULTS);
    expect(results.filter((result) => result.level === 'error')).toHaveLength(1);
  });

  it('gives the region columns, required by code scanning, when the file text is known: whole lines', () => {
    const withText = attachRenderContext(report([{ ...finding(2), endLine: 3 }, finding(9)]), {
      files: new Map([['platform/istio/cni values.yaml', 'a: 1\r\nspec:\r\n  värde: x\r\n']]),
    });
    const [known, pastTheEnd] = buildSarif(withText).runs[0].results;
    expect(known.locations[0].physicalLocation.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 3,
      endColumn: '  värde: x'.length + 1,
    });
    expect(pastTheEnd.locations[0].physicalLocation.region).toEqual({ startLine: 9, endLine: 9 });
  });
});
