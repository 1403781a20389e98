import type { Finding, Severity } from '../rules/types.js';
import { codeBlock, escapeMarkdown, inlineCode } from './escape.js';
import type { Report } from './types.js';

export const COMMENT_MARKER = '<!-- dynakube-istio-guard -->';

const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITY_ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };

export interface MarkdownOptions {
  /** Link target for file:line references, e.g. `https://github.com/o/r/blob/<sha>`; plain text without it. */
  fileLinkBase?: string;
}

function location(finding: Finding, options: MarkdownOptions): string {
  const label = `${finding.file}:${finding.line}`;
  if (!options.fileLinkBase) return inlineCode(label);
  const encoded = finding.file.split('/').map(encodeURIComponent).join('/');
  return `[${escapeMarkdown(label)}](${options.fileLinkBase}/${encoded}#L${finding.line})`;
}

function verdict(report: Report): string {
  const s = report.summary;
  const newErrors = report.findings.filter((f) => f.status === 'new' && f.severity === 'error').length;
  const head =
    newErrors > 0
      ? `❌ **${newErrors} new error(s)**`
      : s.new > 0
        ? '⚠️ **New findings**'
        : '✅ **No new findings**';
  return `${head} — ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s); ${s.new} new, ${s.unchanged} unchanged, ${s.fixed} fixed.`;
}

function renderFinding(finding: Finding, options: MarkdownOptions): string[] {
  const lines = [
    `- ${SEVERITY_ICON[finding.severity]} [${inlineCode(finding.ruleId)}](${finding.docs}) ${finding.status === 'new' ? '**new**' : finding.status} · ${escapeMarkdown(finding.resource)} · ${location(finding, options)}`,
    `  ${escapeMarkdown(finding.message)}`,
  ];
  if (finding.fix) {
    lines.push(`  **Fix:** ${escapeMarkdown(finding.fix.description)}`);
    if (finding.fix.commands?.length)
      lines.push('', indent(codeBlock(finding.fix.commands.join('\n'), 'sh'), '  '));
  }
  return lines;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** Markdown report for the PR comment and the job summary. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out = [COMMENT_MARKER, '### dynakube-istio-guard', '', verdict(report), ''];
  const open = report.findings.filter((f) => f.status !== 'fixed');
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = open.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`#### ${SEVERITY_TITLE[severity]} (${group.length})`, '');
    for (const finding of group) out.push(...renderFinding(finding, options));
    out.push('');
  }
  const fixed = report.findings.filter((f) => f.status === 'fixed');
  if (fixed.length > 0) {
    out.push(`#### Fixed by this PR (${fixed.length})`, '');
    for (const finding of fixed)
      out.push(`- ${inlineCode(finding.ruleId)} · ${escapeMarkdown(finding.resource)}`);
    out.push('');
  }
  if (report.notEvaluable.length > 0) {
    out.push('<details><summary>Could not evaluate</summary>', '');
    for (const note of report.notEvaluable)
      out.push(`- ${inlineCode(`${note.file}:${note.line}`)} ${escapeMarkdown(note.reason)}`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}
