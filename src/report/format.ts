import type { Severity } from '../rules/types.js';
import type { Change, Report, Summary } from './types.js';

/** Cell text longer than this is cut: a table row must stay readable. */
const MAX_VALUE_CHARS = 160;

function cut(text: string, max = MAX_VALUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A setting's value as a reviewer reads it; `—` for absent. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : cut(value.map(formatValue).join(', '));
  if (typeof value === 'object')
    return cut(
      Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `${key}: ${formatValue(item)}`)
        .join('; '),
    );
  return cut(String(value));
}

/** What a change row calls the setting: the resource itself when it was added or removed. */
export function changeSetting(change: Change): string {
  if (change.path !== '') return change.path;
  return change.before === null ? 'added' : change.after === null ? 'removed' : '(resource)';
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_WORD: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

export function plural(count: number, severity: Severity): string {
  return `${count} ${SEVERITY_WORD[severity][count === 1 ? 0 : 1]}`;
}

function bySeverity(report: Report, status: 'new' | 'unchanged' | 'fixed'): string {
  const group = report.findings.filter((f) => f.status === status);
  const parts = SEVERITIES.map(
    (severity) => [severity, group.filter((f) => f.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => plural(count, severity));
  return `${group.length} ${status}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

export type Outcome = 'fail' | 'attention' | 'pass';

/** The outcome a reviewer sees first: new errors fail, other new findings need a look. */
export function outcome(report: Report): Outcome {
  const fresh = report.findings.filter((f) => f.status === 'new');
  if (fresh.some((f) => f.severity === 'error')) return 'fail';
  return fresh.length > 0 ? 'attention' : 'pass';
}

/** The verdict's words without decoration: the headline and the counts by status and severity. */
export function verdictParts(report: Report): { headline: string; counts: string } {
  const fresh = report.findings.filter((f) => f.status === 'new');
  const newErrors = fresh.filter((f) => f.severity === 'error').length;
  const headline =
    newErrors > 0
      ? `${plural(newErrors, 'error')} introduced`
      : fresh.length > 0
        ? 'no new errors, new findings to review'
        : 'no new findings';
  const counts = [
    bySeverity(report, 'new'),
    bySeverity(report, 'unchanged'),
    bySeverity(report, 'fixed'),
  ].join(' · ');
  return { headline, counts };
}

export function summaryLine(summary: Summary): string {
  return `${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} note(s) open`;
}
