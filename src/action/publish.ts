import path from 'node:path';
import * as core from './workflow.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../rules/types.js';
import { writeGeneratedManifests } from '../generate/index.js';
import { writeOutputFile } from '../output-file.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { SUMMARY_LIMIT, truncateMarkdown } from '../report/truncate.js';
import type { Report } from '../report/types.js';

/** GitHub shows at most this many annotations of each level per step; the rest are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationOverflow = Record<Severity, number>;

/** Open findings, most severe new ones first: the order in which the 10-per-level cap should keep them. */
export function annotationOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((finding) => finding.status !== 'fixed')
    .sort(
      (a, b) =>
        Number(b.status === 'new') - Number(a.status === 'new') ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
    );
}

/** Writes annotations, at most 10 per level (more would be dropped unseen); returns how many were left out. */
export function annotate(report: Report): AnnotationOverflow {
  const written: AnnotationOverflow = { error: 0, warning: 0, info: 0 };
  const overflow: AnnotationOverflow = { error: 0, warning: 0, info: 0 };
  for (const finding of annotationOrder(report.findings)) {
    if (written[finding.severity] >= ANNOTATIONS_PER_LEVEL) {
      overflow[finding.severity] += 1;
      continue;
    }
    written[finding.severity] += 1;
    annotationFor(finding)(`${finding.resource}: ${finding.message}`, {
      title: finding.ruleId,
      file: finding.file,
      startLine: finding.line,
      endLine: finding.endLine,
    });
  }
  return overflow;
}

function annotationFor(finding: Finding) {
  return finding.severity === 'error'
    ? core.error
    : finding.severity === 'warning'
      ? core.warning
      : core.notice;
}

export function overflowNote(overflow: AnnotationOverflow): string | undefined {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((level) => overflow[level] > 0)
    .map((level) => `${overflow[level]} more ${level === 'info' ? 'note' : level}(s)`);
  if (parts.length === 0) return undefined;
  return `GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level per step: ${parts.join(', ')} are listed only in this summary.`;
}

/** Notes for the top of the job summary, as quotes, with the blank line that ends them. */
export function summaryNotes(notes: readonly string[]): string {
  return notes.length > 0 ? `${notes.map((note) => `> ${note}`).join('\n>\n')}\n\n` : '';
}

/**
 * The text cut to `SUMMARY_LIMIT` bytes. GitHub counts the summary in bytes and drops all of it when it is over
 * 1 MiB; the cut counts characters, so text with many multi-byte characters (paths and values from manifests)
 * is cut again, shorter by the ratio of bytes to characters, until it fits.
 */
export function fitSummary(text: string): string {
  const options = { note: 'The full report is report.json.' };
  let limit = SUMMARY_LIMIT;
  let fitted = truncateMarkdown(text, limit, options);
  for (let bytes = Buffer.byteLength(fitted); bytes > SUMMARY_LIMIT; bytes = Buffer.byteLength(fitted)) {
    limit = Math.floor((limit * SUMMARY_LIMIT) / bytes) - 1;
    fitted = truncateMarkdown(text, limit, options);
  }
  return fitted;
}

/**
 * Appends to the job summary. A runner without one (no `GITHUB_STEP_SUMMARY`: an old self-hosted runner or a
 * local runner) loses this channel only, with a warning: the check's result must not depend on it.
 */
export async function appendSummary(text: string): Promise<void> {
  try {
    await core.summary.addRaw(text).write();
  } catch (error) {
    core.warning(
      `dynakube-istio-guard could not write the job summary (${(error as Error).message.split('\n')[0]}); the result is in the annotations and the check status.`,
    );
  }
}

/** The job summary: notes first, then the report, within the 1 MiB step limit. */
export async function writeSummary(markdown: string, notes: string[]): Promise<void> {
  await appendSummary(fitSummary(`${summaryNotes(notes)}${markdown}`));
}

export async function writeSarif(report: Report, file: string, workspace: string): Promise<string> {
  const target = path.resolve(workspace, file);
  await writeOutputFile(target, core.redact(renderSarif(report)));
  return target;
}

/** `report.json` and the generated manifests, one YAML file per namespace under `generated/`. */
export async function writeOutputDir(
  report: Report,
  dir: string,
  workspace: string,
): Promise<{ report: string; generated: string }> {
  const root = path.resolve(workspace, dir);
  const reportFile = path.join(root, 'report.json');
  await writeOutputFile(reportFile, core.redact(renderJson(report)));
  await writeGeneratedManifests(root, report.generated);
  return { report: reportFile, generated: path.join(root, 'generated') };
}

export interface RunOutputs {
  conclusion: 'success' | 'failure';
  sarifFile?: string;
  reportFile?: string;
  generatedDir?: string;
  commentId?: number;
}

export function setOutputs(report: Report, outputs: RunOutputs): void {
  core.setOutput('conclusion', outputs.conclusion);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);
  core.setOutput('new-findings', report.summary.new);
  if (outputs.reportFile) core.setOutput('report', outputs.reportFile);
  if (outputs.sarifFile) core.setOutput('sarif-file', outputs.sarifFile);
  if (outputs.generatedDir) core.setOutput('generated-manifests', outputs.generatedDir);
  if (outputs.commentId !== undefined) core.setOutput('comment-id', outputs.commentId);
}
