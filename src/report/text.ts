import type { Finding } from '../rules/types.js';
import type { Report } from './types.js';

export interface TextOptions {
  color: boolean;
}

const COLORS = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

function paint(options: TextOptions, color: keyof typeof COLORS, text: string): string {
  return options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text;
}

function renderFinding(finding: Finding, options: TextOptions): string[] {
  const head = `${finding.file}:${finding.line}  ${paint(options, finding.severity, finding.severity)}  ${finding.ruleId}  [${finding.status}]`;
  const lines = [head, `  ${finding.resource}: ${finding.message}`];
  if (finding.fix) {
    lines.push(`  fix: ${finding.fix.description}`);
    for (const command of finding.fix.commands ?? []) lines.push(`    $ ${command}`);
  }
  lines.push(paint(options, 'dim', `  docs: ${finding.docs}`));
  return lines;
}

/** Human output for terminals: findings first, then a one-line verdict. */
export function renderText(report: Report, options: TextOptions = { color: false }): string {
  const out: string[] = [];
  const open = report.findings.filter((f) => f.status !== 'fixed');
  const fixed = report.findings.filter((f) => f.status === 'fixed');
  for (const finding of open) out.push(...renderFinding(finding, options), '');
  if (fixed.length > 0) {
    out.push('Fixed by this change:');
    for (const finding of fixed)
      out.push(`  ${finding.ruleId}  ${finding.resource}  (${finding.file}:${finding.line})`);
    out.push('');
  }
  if (report.notEvaluable.length > 0) {
    out.push('Could not evaluate:');
    for (const note of report.notEvaluable) out.push(`  ${note.file}:${note.line}  ${note.reason}`);
    out.push('');
  }
  const s = report.summary;
  out.push(
    `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s) — ${s.new} new, ${s.unchanged} unchanged, ${s.fixed} fixed`,
  );
  return `${out.join('\n')}\n`;
}
