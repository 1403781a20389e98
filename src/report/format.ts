import { SEVERITY_RANK, type Finding, type Severity } from '../rules/types.js';
import type { Change, FailOn, FailScope, Report, Summary } from './types.js';

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

/** When a check fails (`--fail-on` / `--fail-scope`, the action's `fail-on` / `fail-scope`). */
export interface FailPolicy {
  failOn: FailOn;
  failScope: FailScope;
}

/** The defaults of the CLI and the action: new errors fail. */
export const DEFAULT_FAIL_POLICY: FailPolicy = { failOn: 'error', failScope: 'new' };

/** The findings that fail the check under `policy`: open ones at or above `failOn`, new only unless scope `all`. */
export function failingFindings(report: Report, policy: FailPolicy = DEFAULT_FAIL_POLICY): Finding[] {
  const { failOn, failScope } = policy;
  if (failOn === 'never') return [];
  return report.findings.filter(
    (finding) =>
      finding.status !== 'fixed' &&
      (failScope === 'all' || finding.status === 'new') &&
      SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn],
  );
}

/**
 * The outcome a reviewer sees first, the same as the exit status: `fail` when findings fail the check under
 * `policy`; otherwise new findings (new errors too, when the policy lets them pass) need a look.
 */
export function outcome(report: Report, policy: FailPolicy = DEFAULT_FAIL_POLICY): Outcome {
  if (failingFindings(report, policy).length > 0) return 'fail';
  return report.findings.some((f) => f.status === 'new') ? 'attention' : 'pass';
}

/** `1 new warning, 2 errors already on base`: failing findings by status, then severity. */
function describeFailing(failing: Finding[]): string {
  const parts: string[] = [];
  for (const status of ['new', 'unchanged'] as const)
    for (const severity of SEVERITIES) {
      const count = failing.filter((f) => f.status === status && f.severity === severity).length;
      if (count === 0) continue;
      const [number, word] = plural(count, severity).split(' ');
      parts.push(status === 'new' ? `${number} new ${word}` : `${number} ${word} already on base`);
    }
  return parts.join(', ');
}

/**
 * Why findings other than new errors fail: the settings that made them count. Written as the action's input
 * and the CLI's flag both read (`fail-scope all`).
 */
function failReasons(failing: Finding[], policy: FailPolicy): string[] {
  const reasons: string[] = [];
  if (policy.failOn !== 'error' && failing.some((f) => f.severity !== 'error'))
    reasons.push(`fail-on ${policy.failOn}`);
  if (failing.some((f) => f.status === 'unchanged')) reasons.push(`fail-scope ${policy.failScope}`);
  return reasons;
}

/**
 * The verdict's words without decoration: the headline and the counts by status and severity. The headline agrees
 * with the exit status under `policy`: it says what fails and which setting made it fail, or that new errors
 * pass because of the settings.
 */
export function verdictParts(
  report: Report,
  policy: FailPolicy = DEFAULT_FAIL_POLICY,
): { headline: string; counts: string } {
  const fresh = report.findings.filter((f) => f.status === 'new');
  const newErrors = fresh.filter((f) => f.severity === 'error').length;
  const failing = failingFindings(report, policy);
  const reasons = failReasons(failing, policy);
  const headline =
    failing.length > 0
      ? reasons.length === 0
        ? `${plural(newErrors, 'error')} introduced`
        : `fails: ${describeFailing(failing)} (${reasons.join(', ')})`
      : newErrors > 0
        ? `${plural(newErrors, 'error')} introduced, not failing (fail-on ${policy.failOn})`
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
