import type { Finding, Severity } from '../rules/types.js';
import { cellCode, codeBlock, escapeHtml, escapeMarkdown, escapeProse, inlineCode } from './escape.js';
import {
  changeSetting,
  formatValue,
  outcome,
  plural,
  SEVERITIES,
  verdictParts,
  type FailPolicy,
} from './format.js';
import { renderMermaid } from './mermaid.js';
import { findingPatches, type FindingPatch, type PatchNote } from './finding-patches.js';
import type { Change, GeneratedManifest, Report } from './types.js';
import { firstAndMore } from '../short-text.js';

export const COMMENT_MARKER = '<!-- dynakube-istio-guard -->';

/** GitHub rejects comment bodies over 65,536 characters; a comment stays below with room for a note. */
export const MAX_COMMENT_CHARS = 65_000;

const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITY_ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };
const OUTCOME_ICON = { fail: '❌', attention: '⚠️', pass: '✅' } as const;

export interface MarkdownOptions {
  /** Link target for file:line references, e.g. `https://github.com/o/r/blob/<sha>`; plain text without it. */
  fileLinkBase?: string;
  /** Head file texts for the patches; defaults to the report's render context. */
  files?: ReadonlyMap<string, string>;
  /** Findings whose fix is already offered as a one-click suggestion on the diff: no patch repeated here. */
  suggested?: (finding: Finding) => boolean;
  /**
   * Upper bound of the body's length: sections collapse, then shorten, to fit, with a note. Unbounded by
   * default (a job summary takes 1 MiB); the action passes GitHub's comment limit less what its markers add.
   */
  maxLength?: number;
  /** The run's `fail-on` / `fail-scope`: the headline says whether the check fails and why. Default: new errors fail. */
  failPolicy?: FailPolicy;
}

/** How much to show; lowered step by step until the comment fits. */
interface Detail {
  manifestBodies: boolean;
  patches: boolean;
  egressMap: boolean;
  /** A finding's message and fix under its headline (rule, status, resource, file:line). */
  findingText: boolean;
  maxRows: number;
  maxFindings: number;
}

/**
 * Bulky parts go first (manifest bodies, patches, the egress map, long tables), then the findings' text; every
 * finding keeps its headline as long as the headlines alone fit, and only then are findings left out.
 */
const DETAIL_STEPS: Detail[] = [
  {
    manifestBodies: true,
    patches: true,
    egressMap: true,
    findingText: true,
    maxRows: Infinity,
    maxFindings: Infinity,
  },
  {
    manifestBodies: false,
    patches: true,
    egressMap: true,
    findingText: true,
    maxRows: 200,
    maxFindings: Infinity,
  },
  {
    manifestBodies: false,
    patches: false,
    egressMap: true,
    findingText: true,
    maxRows: 100,
    maxFindings: Infinity,
  },
  {
    manifestBodies: false,
    patches: false,
    egressMap: false,
    findingText: true,
    maxRows: 30,
    maxFindings: Infinity,
  },
  {
    manifestBodies: false,
    patches: false,
    egressMap: false,
    findingText: false,
    maxRows: 30,
    maxFindings: Infinity,
  },
  {
    manifestBodies: false,
    patches: false,
    egressMap: false,
    findingText: false,
    maxRows: 30,
    maxFindings: 200,
  },
  {
    manifestBodies: false,
    patches: false,
    egressMap: false,
    findingText: false,
    maxRows: 30,
    maxFindings: 30,
  },
];

type PatchFor = (finding: Finding) => FindingPatch | undefined;

/** Patches of the findings the comment lists with a patch (not those offered as suggestions), in its order. */
function patchMaker(
  findings: readonly Finding[],
  files: ReadonlyMap<string, string> | undefined,
  suggested: MarkdownOptions['suggested'],
): PatchFor {
  if (!files) return () => undefined;
  const open = findings.filter((f) => f.status !== 'fixed' && !(suggested?.(f) ?? false));
  // The order of `findingsSection`: new findings by severity, then the others.
  const listed = [
    ...SEVERITIES.flatMap((severity) => open.filter((f) => f.status === 'new' && f.severity === severity)),
    ...SEVERITIES.flatMap((severity) => open.filter((f) => f.status !== 'new' && f.severity === severity)),
  ];
  return findingPatches(listed, files);
}

function fixNames(findings: readonly Finding[]): string {
  return firstAndMore(findings.map((f) => `${inlineCode(f.ruleId)} (${escapeProse(f.resource)})`));
}

function patchNote({ kind, others }: PatchNote): string {
  switch (kind) {
    case 'combined':
      return `_This patch also makes the fix of ${fixNames(others)}: their edits meet this one's, so applied one after the other their own patches would not fit together (or would write a key twice)._`;
    case 'elsewhere':
      return `_Its patch is the one of ${fixNames(others)}, which makes this fix too: their edits meet, so applied one after the other their own patches would not fit together._`;
    case 'conflict':
      return `_This patch and the one of ${fixNames(others)} change the same lines differently and do not apply one after the other: apply one, then re-run the check for the other._`;
  }
}

function location(file: string, line: number, options: MarkdownOptions, inTable = false): string {
  const label = `${file}:${line}`;
  if (!options.fileLinkBase) return inTable ? cellCode(label) : inlineCode(label);
  // encodeURIComponent leaves `(` `)` alone; a `)` would end the markdown link.
  const encoded = file
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
  return `[${escapeMarkdown(label)}](${options.fileLinkBase}/${encoded}#L${line})`;
}

function verdict(report: Report, policy: FailPolicy | undefined): string {
  const { headline, counts } = verdictParts(report, policy);
  return `${OUTCOME_ICON[outcome(report, policy)]} **${headline}** — ${counts}`;
}

function changesSection(report: Report, options: MarkdownOptions, detail: Detail): string[] {
  if (report.changes.length === 0) return [];
  const rows = report.changes.slice(0, detail.maxRows).map((change) => changeRow(change, options));
  const more = report.changes.length - rows.length;
  return [
    `#### What this PR changes (${report.changes.length})`,
    '',
    '| Resource | Setting | Before | After | Where |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...(more > 0 ? ['', `_${more} more change(s) not shown: see the JSON report._`] : []),
    '',
  ];
}

function changeRow(change: Change, options: MarkdownOptions): string {
  // A removed resource is written on the base only: no link into the head.
  const removed = change.path === '' && change.after === null;
  const where =
    change.file && change.line
      ? removed
        ? `${cellCode(`${change.file}:${change.line}`)} (base)`
        : location(change.file, change.line, options, true)
      : '';
  const value = (v: unknown) => (v === null || v === undefined ? '—' : cellValue(v));
  return `| ${escapeMarkdown(change.resource)} | ${escapeMarkdown(changeSetting(change))} | ${value(change.before)} | ${value(change.after)} | ${where} |`;
}

/** A cell value; a whole added or removed resource lists its settings one per line. */
function cellValue(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return cellCode(formatValue(value));
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${escapeMarkdown(key)}: ${cellCode(formatValue(item))}`)
    .join('<br>');
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

function renderFinding(
  finding: Finding,
  options: MarkdownOptions,
  detail: Detail,
  patchFor: PatchFor,
): string[] {
  const status = finding.status === 'new' ? '**new**' : finding.status;
  const headline = [
    `${SEVERITY_ICON[finding.severity]} [${inlineCode(finding.ruleId)}](${finding.docs})`,
    status,
    escapeMarkdown(finding.resource),
    // A finding about a default that no file sets has no place to link to.
    ...(finding.file === '' ? [] : [location(finding.file, finding.line, options)]),
  ].join(' · ');
  // Two spaces ending the line (a resource's own, when no location follows) would be a hard line break.
  const lines: string[] = [`- ${headline.trimEnd()}`];
  if (!detail.findingText) return lines;
  lines.push(`  ${escapeProse(finding.message)}`);
  const fix = finding.fix;
  if (!fix) return lines;
  lines.push('', `  **Fix:** ${escapeProse(fix.description)}`);
  if (fix.commands?.length) lines.push('', indent(codeBlock(fix.commands.join('\n'), 'sh')));
  const suggested = options.suggested?.(finding) ?? false;
  const made = detail.patches && !suggested ? patchFor(finding) : undefined;
  if (made?.patch) {
    lines.push(
      '',
      `  <details><summary>Patch for ${escapeHtml(made.targets ?? '')} (<code>git apply</code>)</summary>`,
      '',
      indent(codeBlock(made.patch, 'diff')),
      '',
      '  </details>',
    );
  }
  // A note goes with the patch it is about, or stands for a patch shown with another finding.
  if (made?.note && (made.patch || made.note.kind === 'elsewhere')) {
    lines.push('', `  ${patchNote(made.note)}`);
  } else if (suggested) {
    lines.push('', '  _Offered as a suggestion on the changed line._');
  }
  return lines;
}

/**
 * What the PR introduces comes first, grouped by severity; findings already on the base branch follow in one
 * collapsed block, so the reviewer sees first what this PR is responsible for.
 */
function findingsSection(
  report: Report,
  options: MarkdownOptions,
  detail: Detail,
  patchFor: PatchFor,
): string[] {
  const open = report.findings.filter((f) => f.status !== 'fixed');
  const fresh = open.filter((f) => f.status === 'new');
  const unchanged = open.filter((f) => f.status === 'unchanged');
  const out: string[] = [];
  let budget = detail.maxFindings;
  const list = (findings: Finding[]) => {
    const shown = findings.slice(0, Math.max(0, budget));
    budget -= shown.length;
    for (const finding of shown) out.push(...renderFinding(finding, options, detail, patchFor), '');
  };
  for (const severity of SEVERITIES) {
    const group = fresh.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`#### ${SEVERITY_ICON[severity]} ${SEVERITY_TITLE[severity]} (${group.length})`, '');
    list(group);
  }
  if (unchanged.length > 0) {
    const counts = SEVERITIES.map(
      (severity) => [severity, unchanged.filter((f) => f.severity === severity).length] as const,
    )
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => plural(count, severity))
      .join(', ');
    out.push(`<details><summary>Already on the base branch: ${counts}</summary>`, '');
    for (const severity of SEVERITIES) list(unchanged.filter((f) => f.severity === severity));
    out.push('</details>', '');
  }
  const hidden =
    open.length - (detail.maxFindings === Infinity ? open.length : Math.min(open.length, detail.maxFindings));
  if (hidden > 0)
    out.push(`_${hidden} more finding(s) not shown: see the job summary or the JSON report._`, '');
  return out;
}

function fixedSection(report: Report, detail: Detail): string[] {
  const fixed = report.findings.filter((f) => f.status === 'fixed');
  if (fixed.length === 0) return [];
  const shown = fixed.slice(0, detail.maxFindings);
  return [
    `#### ✅ Fixed by this PR (${fixed.length})`,
    '',
    ...shown.map((f) => `- [${inlineCode(f.ruleId)}](${f.docs}) · ${escapeMarkdown(f.resource)}`),
    ...(fixed.length > shown.length ? [`- _and ${fixed.length - shown.length} more_`] : []),
    '',
  ];
}

function manifestTitle(manifest: GeneratedManifest): string {
  const where = manifest.namespace ? `${manifest.namespace}/` : '';
  return `${manifest.kind} ${where}${manifest.name}`;
}

function generatedSection(report: Report, detail: Detail): string[] {
  if (report.generated.length === 0) return [];
  const out = [`#### 🧩 Manifests the cluster needs (${report.generated.length})`, ''];
  if (!detail.manifestBodies) {
    out.push(...report.generated.map((m) => `- ${escapeMarkdown(manifestTitle(m))}`));
    out.push('', '_Bodies left out to fit the comment: see the job summary or `output-dir`._', '');
    return out;
  }
  for (const manifest of report.generated) {
    const file = manifest.file ? ` → ${manifest.file}` : '';
    out.push(
      `<details><summary>${escapeHtml(manifestTitle(manifest) + file)}</summary>`,
      '',
      codeBlock(manifest.yaml, 'yaml'),
      '',
      '</details>',
      '',
    );
  }
  return out;
}

function egressSection(report: Report, detail: Detail): string[] {
  const map = report.context?.egress;
  if (!map || !detail.egressMap) return [];
  const blocked = map.edges.filter((edge) => edge.blocked).length;
  const byThisPr = map.edges.filter((edge) => edge.newlyBlocked).length;
  const title =
    blocked === 0
      ? '#### 🗺️ Egress map'
      : `#### 🗺️ Egress map — ${blocked} path(s) blocked${byThisPr > 0 ? `, ${byThisPr} by this PR` : ''}`;
  return [title, '', codeBlock(renderMermaid(map), 'mermaid'), ''];
}

function notEvaluableSection(report: Report, detail: Detail): string[] {
  if (report.notEvaluable.length === 0) return [];
  const notes = report.notEvaluable.slice(0, detail.maxFindings);
  return [
    `<details><summary>Could not evaluate (${report.notEvaluable.length})</summary>`,
    '',
    ...notes.map((note) => `- ${inlineCode(`${note.file}:${note.line}`)} ${escapeProse(note.reason)}`),
    ...(report.notEvaluable.length > notes.length
      ? [`- _and ${report.notEvaluable.length - notes.length} more_`]
      : []),
    '',
    '</details>',
    '',
  ];
}

function render(
  report: Report,
  options: MarkdownOptions,
  detail: Detail,
  step: number,
  patchFor: PatchFor,
): string {
  const out = [COMMENT_MARKER, '### dynakube-istio-guard', '', verdict(report, options.failPolicy), ''];
  if (report.changes.length === 0 && report.findings.length === 0 && report.generated.length === 0)
    out.push('No DynaKube or mesh setting changes and no findings.', '');
  out.push(
    ...changesSection(report, options, detail),
    ...findingsSection(report, options, detail, patchFor),
    ...fixedSection(report, detail),
    ...generatedSection(report, detail),
    ...egressSection(report, detail),
    ...notEvaluableSection(report, detail),
  );
  if (step > 0) {
    const what = detail.findingText
      ? 'Parts of this report'
      : 'Messages, fixes and other parts of this report';
    out.push(`_${what} were shortened to fit in one comment: see the job summary._`, '');
  }
  return `${out.join('\n')}\n`;
}

/** Markdown report for the PR comment and the job summary; shortened section by section to fit `maxLength`. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? Infinity;
  const patchFor = patchMaker(report.findings, options.files ?? report.context?.files, options.suggested);
  for (const [step, detail] of DETAIL_STEPS.entries()) {
    const body = render(report, options, detail, step, patchFor);
    if (body.length <= limit) return body;
  }
  return `${COMMENT_MARKER}\n### dynakube-istio-guard\n\n${verdict(report, options.failPolicy)}\n\n_The full report is too large for a comment: see the job summary or the JSON report._\n`;
}
