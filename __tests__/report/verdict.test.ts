import { describe, expect, it } from '@jest/globals';
import { shouldFail } from '../../src/engine.js';
import { failingFindings, outcome, verdictParts, type FailPolicy } from '../../src/report/format.js';
import type { Report } from '../../src/report/types.js';
import type { Finding, FindingStatus, Severity } from '../../src/rules/types.js';

function finding(severity: Severity, status: FindingStatus, id: number): Finding {
  return {
    ruleId: 'enable-istio-required',
    severity,
    status,
    message: 'm',
    file: 'a.yaml',
    line: 1,
    endLine: 1,
    resource: `DynaKube d/${id}`,
    docs: 'https://example.com',
    key: `k${id}`,
  };
}

function reportOf(...specs: [Severity, FindingStatus][]): Report {
  const findings = specs.map(([severity, status], id) => finding(severity, status, id));
  const count = (pick: (f: Finding) => boolean) => findings.filter(pick).length;
  return {
    version: 1,
    summary: {
      errors: count((f) => f.severity === 'error' && f.status !== 'fixed'),
      warnings: count((f) => f.severity === 'warning' && f.status !== 'fixed'),
      infos: count((f) => f.severity === 'info' && f.status !== 'fixed'),
      new: count((f) => f.status === 'new'),
      unchanged: count((f) => f.status === 'unchanged'),
      fixed: count((f) => f.status === 'fixed'),
    },
    findings,
    generated: [],
    changes: [],
    notEvaluable: [],
  };
}

const policy = (failOn: FailPolicy['failOn'], failScope: FailPolicy['failScope'] = 'new'): FailPolicy => ({
  failOn,
  failScope,
});

describe('verdictParts and outcome under a fail policy', () => {
  it.each<[string, Report, FailPolicy, string, string]>([
    [
      'new errors, defaults',
      reportOf(['error', 'new'], ['error', 'new']),
      policy('error'),
      'fail',
      '2 errors introduced',
    ],
    [
      'a new warning with fail-on warning',
      reportOf(['warning', 'new'], ['error', 'unchanged']),
      policy('warning'),
      'fail',
      'fails: 1 new warning (fail-on warning)',
    ],
    [
      'new and base findings with fail-on info, fail-scope all',
      reportOf(
        ['error', 'new'],
        ['info', 'new'],
        ['error', 'unchanged'],
        ['warning', 'unchanged'],
        ['error', 'fixed'],
      ),
      policy('info', 'all'),
      'fail',
      'fails: 1 new error, 1 new note, 1 error already on base, 1 warning already on base (fail-on info, fail-scope all)',
    ],
    [
      'only base warnings with fail-on warning, fail-scope all',
      reportOf(['warning', 'unchanged'], ['warning', 'unchanged']),
      policy('warning', 'all'),
      'fail',
      'fails: 2 warnings already on base (fail-on warning, fail-scope all)',
    ],
    [
      'a new error with fail-on never',
      reportOf(['error', 'new']),
      policy('never', 'all'),
      'attention',
      '1 error introduced, not failing (fail-on never)',
    ],
    [
      'base errors with the default scope',
      reportOf(['error', 'unchanged']),
      policy('error'),
      'pass',
      'no new findings',
    ],
    [
      'a new warning, defaults',
      reportOf(['warning', 'new']),
      policy('error'),
      'attention',
      'no new errors, new findings to review',
    ],
  ])('%s', (_name, report, failPolicy, expectedOutcome, headline) => {
    expect(outcome(report, failPolicy)).toBe(expectedOutcome);
    expect(verdictParts(report, failPolicy).headline).toBe(headline);
    // The exit status and the headline agree with the table.
    expect(shouldFail(report, failPolicy.failOn, failPolicy.failScope)).toBe(expectedOutcome === 'fail');
    expect(expectedOutcome === 'fail').toBe(failingFindings(report, failPolicy).length > 0);
  });
});
