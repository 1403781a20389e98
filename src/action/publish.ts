import * as core from '@actions/core';
import { SEVERITY_RANK, type Finding } from '../rules/types.js';
import type { Report } from '../report/types.js';

/** Annotations for open findings, most severe new ones first (GitHub shows only 10 per level per step). */
export function annotate(report: Report): void {
  const open = report.findings
    .filter((finding) => finding.status !== 'fixed')
    .sort(
      (a, b) =>
        Number(b.status === 'new') - Number(a.status === 'new') ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    );
  for (const finding of open) {
    const properties = {
      title: finding.ruleId,
      file: finding.file,
      startLine: finding.line,
      endLine: finding.endLine,
    };
    const message = `${finding.resource}: ${finding.message}`;
    annotationFor(finding)(message, properties);
  }
}

function annotationFor(finding: Finding) {
  return finding.severity === 'error'
    ? core.error
    : finding.severity === 'warning'
      ? core.warning
      : core.notice;
}

export function setOutputs(report: Report, conclusion: 'success' | 'failure'): void {
  core.setOutput('conclusion', conclusion);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);
  core.setOutput('new-findings', report.summary.new);
}
