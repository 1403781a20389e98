import { describe, expect, it } from '@jest/globals';
import { commentScope, reportCommentBody } from '../../src/action/comment.js';
import { COMMENT_MARKER, renderMarkdown } from '../../src/report/markdown.js';
import { attachRenderContext, type Report } from '../../src/report/types.js';
import type { Finding, Severity } from '../../src/rules/types.js';
import { BODY_LIMIT } from './fake-github.js';

const LINK_BASE = `https://github.com/acme/clusters/blob/${'a'.repeat(40)}`;
const DYNAKUBE_TEXT =
  'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nspec:\n  apiUrl: https://x.live.dynatrace.com/api\n';
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function finding(i: number, severity: Severity, status: Finding['status']): Finding {
  const file = `clusters/c${i}/dynakube.yaml`;
  return {
    ruleId: 'enable-istio-required',
    severity,
    status,
    message: `${'DynaKube has enableIstio off while the mesh is REGISTRY_ONLY. '.repeat(6)}(${i})`,
    file,
    line: 3,
    endLine: 3,
    resource: `DynaKube dynatrace/prod-${i}`,
    docs: 'https://example.com/docs/rules/enable-istio-required.md',
    key: `k${i}`,
    fix: {
      description: 'Set `enableIstio: true` so the operator creates the ServiceEntries.',
      edits: [{ file, startLine: 4, endLine: 3, replacement: '  enableIstio: true' }],
    },
  };
}

/** A report far over a comment's size: findings with long messages and patches, and big generated manifests. */
function bigReport(count: number): Report {
  const findings = Array.from({ length: count }, (_, i) =>
    finding(i, SEVERITIES[i % 3], i % 5 === 0 ? 'unchanged' : 'new'),
  );
  const tally = (pick: (f: Finding) => boolean) => findings.filter(pick).length;
  const report: Report = {
    version: 1,
    summary: {
      errors: tally((f) => f.severity === 'error'),
      warnings: tally((f) => f.severity === 'warning'),
      infos: tally((f) => f.severity === 'info'),
      new: tally((f) => f.status === 'new'),
      unchanged: tally((f) => f.status === 'unchanged'),
      fixed: 0,
    },
    findings,
    generated: Array.from({ length: 60 }, (_, i) => ({
      kind: 'ServiceEntry',
      namespace: 'dynatrace',
      name: `entry-${i}`,
      yaml: 'spec:\n  hosts: [a.example.com]\n'.repeat(30),
    })),
    changes: [],
    notEvaluable: [],
  };
  attachRenderContext(report, { files: new Map(findings.map((f) => [f.file, DYNAKUBE_TEXT])) });
  return report;
}

/** Lines that open or close a code fence; an odd count leaves a block open to the end of the comment. */
function fenceLines(body: string): string[] {
  return body.split('\n').filter((line) => /^\s*(`{3,}|~{3,})/.test(line));
}

function headline(f: Finding): RegExp {
  const status = f.status === 'new' ? '\\*\\*new\\*\\*' : f.status;
  return new RegExp(
    `^- \\S+ \\[\`${f.ruleId}\`\\]\\(${f.docs}\\) · ${status} · DynaKube dynatrace/prod-${f.key.slice(1)} · ` +
      `\\[clusters/c${f.key.slice(1)}/dynakube\\.yaml:3\\]\\(${LINK_BASE}/clusters/c${f.key.slice(1)}/dynakube\\.yaml#L3\\)$`,
    'm',
  );
}

const paths = Array.from({ length: 60 }, (_, i) => `clusters/region-${i}/production/workloads`);
const SCOPE = { key: commentScope(paths, [])!, label: paths.join(', ') };
const NOTE = 'The full report is in the job summary.';

describe('the sticky comment of a report too large for one comment', () => {
  it('collapses sections to fit, keeping the verdict and every finding headline, with no cut', () => {
    const report = bigReport(180);
    const body = reportCommentBody(report, { fileLinkBase: LINK_BASE }, NOTE, SCOPE);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body.startsWith(`${COMMENT_MARKER}\n<!-- dynakube-istio-guard:scope ${SCOPE.key} -->\n`)).toBe(
      true,
    );
    expect(body).toContain(`### dynakube-istio-guard · \`${SCOPE.label}\``);
    expect(body).toMatch(/^❌ \*\*48 errors introduced\*\* — /m);
    for (const f of report.findings) expect(body).toMatch(headline(f));
    expect(body).toContain('shortened to fit in one comment');
    expect(body).not.toContain('Truncated:');
    expect(fenceLines(body).length % 2).toBe(0);
    expect(body.endsWith('\n')).toBe(true);
    // The full rendering would not have fitted: the fitting did the work.
    expect(renderMarkdown(report, { fileLinkBase: LINK_BASE }).length).toBeGreaterThan(4 * BODY_LIMIT);
  });

  it('keeps message and fix text when the headlines leave room, and collapses only the bulk', () => {
    const report = bigReport(60);
    const body = reportCommentBody(report, { fileLinkBase: LINK_BASE }, NOTE, SCOPE);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    for (const f of report.findings) {
      expect(body).toMatch(headline(f));
      expect(body).toContain(`REGISTRY\\_ONLY. \\(${f.key.slice(1)}\\)`);
    }
    expect(body).toContain('Bodies left out to fit the comment');
    expect(fenceLines(body).length % 2).toBe(0);
  });

  it('leaves findings out with a count once even the headlines do not fit, still whole', () => {
    const report = bigReport(1500);
    const body = reportCommentBody(report, { fileLinkBase: LINK_BASE }, NOTE, SCOPE);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toMatch(/^❌ \*\*400 errors introduced\*\* — /m);
    expect(body).toMatch(/more finding\(s\) not shown: see the job summary/);
    expect(body).not.toContain('Truncated:');
    expect(fenceLines(body).length % 2).toBe(0);
  });
});
