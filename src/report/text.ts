import type { Finding } from '../rules/types.js';
import { edgeText } from './mermaid.js';
import { changeSetting, formatValue, outcome, SEVERITIES, verdictParts, type FailPolicy } from './format.js';
import { visibleBlock, visibleLine } from './control-chars.js';
import { findingPatches, type FindingPatch, type PatchNote } from './finding-patches.js';
import type { Report } from './types.js';
import { firstAndMore } from '../short-text.js';

export interface TextOptions {
  color: boolean;
  /** Head file texts for the patches; defaults to the report's render context. */
  files?: ReadonlyMap<string, string>;
  /** The run's `--fail-on` / `--fail-scope`: the verdict says whether the check fails and why. Default: new errors fail. */
  failPolicy?: FailPolicy;
}

const COLORS = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  green: '\u001b[32m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

type Paint = (color: keyof typeof COLORS, text: string) => string;

/** `file:line`, or `(no file)` for a finding about a default that no file sets. */
function place(finding: Finding): string {
  return finding.file === '' ? '(no file)' : `${visibleLine(finding.file)}:${finding.line}`;
}

type PatchFor = (finding: Finding) => FindingPatch | undefined;

function fixNames(findings: readonly Finding[]): string {
  return firstAndMore(findings.map((f) => `${f.ruleId} (${f.resource})`));
}

function patchNote({ kind, others }: PatchNote): string {
  switch (kind) {
    case 'combined':
      return `this patch also makes the fix of ${fixNames(others)}, whose edits meet this one's: apply it once for both`;
    case 'elsewhere':
      return `its patch is the one of ${fixNames(others)}, which makes this fix too`;
    case 'conflict':
      return `this patch and the one of ${fixNames(others)} change the same lines differently: apply one, then re-run the check`;
  }
}

function renderFinding(finding: Finding, paint: Paint, patchFor: PatchFor): string[] {
  const head = `${place(finding)}  ${paint(finding.severity, finding.severity)}  ${finding.ruleId}  [${finding.status}]`;
  const lines = [head, visibleLine(`  ${finding.resource}: ${finding.message}`)];
  if (finding.fix) {
    lines.push(visibleLine(`  fix: ${finding.fix.description}`));
    for (const command of finding.fix.commands ?? []) lines.push(visibleLine(`    $ ${command}`));
    const made = patchFor(finding);
    const patch = made?.patch;
    if (made?.note && (patch || made.note.kind === 'elsewhere'))
      lines.push(visibleLine(`  note: ${patchNote(made.note)}`));
    if (patch)
      lines.push(
        ...visibleBlock(patch)
          .trimEnd()
          .split('\n')
          .map((line) => `    ${colorDiffLine(line, paint)}`),
      );
  }
  lines.push(paint('dim', `  docs: ${finding.docs}`));
  return lines;
}

function colorDiffLine(line: string, paint: Paint): string {
  if (line.startsWith('+') && !line.startsWith('+++')) return paint('green', line);
  if (line.startsWith('-') && !line.startsWith('---')) return paint('error', line);
  return line;
}

function changeLines(report: Report): string[] {
  if (report.changes.length === 0) return [];
  const out = ['What this change does:'];
  for (const change of report.changes) {
    const where = change.file ? `  (${change.file}:${change.line})` : '';
    out.push(
      visibleLine(
        `  ${change.resource}  ${changeSetting(change)}: ${formatValue(change.before)} -> ${formatValue(change.after)}${where}`,
      ),
    );
  }
  return [...out, ''];
}

function egressLines(report: Report, paint: Paint): string[] {
  const map = report.context?.egress;
  if (!map) return [];
  const label = (id: string) => map.nodes.find((node) => node.id === id)?.label.replace(/\n/g, ' ') ?? id;
  const mesh = (id: string) => (map.nodes.find((node) => node.id === id)?.inMesh ? ' [mesh]' : '');
  const out = ['Egress paths:'];
  for (const edge of map.edges) {
    const text = `  ${label(edge.from)}${mesh(edge.from)} -> ${label(edge.to)}: ${edgeText(edge)}`;
    out.push(edge.blocked ? paint('error', visibleLine(text)) : visibleLine(text));
  }
  if (map.omittedNamespaces > 0) out.push(`  (${map.omittedNamespaces} more monitored namespaces)`);
  return [...out, ''];
}

/** Human output for terminals: the same content as the PR comment, findings first, verdict last. */
export function renderText(report: Report, options: TextOptions = { color: false }): string {
  const paint: Paint = (color, text) => (options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
  const files = options.files ?? report.context?.files;
  const out: string[] = [...changeLines(report)];
  const open = report.findings.filter((f) => f.status !== 'fixed');
  const listed = SEVERITIES.flatMap((severity) => open.filter((f) => f.severity === severity));
  const patchFor: PatchFor = files ? findingPatches(listed, files) : () => undefined;
  for (const finding of listed) out.push(...renderFinding(finding, paint, patchFor), '');
  const fixed = report.findings.filter((f) => f.status === 'fixed');
  if (fixed.length > 0) {
    out.push('Fixed by this change:');
    for (const finding of fixed)
      out.push(visibleLine(`  ${finding.ruleId}  ${finding.resource}  (${place(finding)})`));
    out.push('');
  }
  if (report.generated.length > 0) {
    out.push('Manifests the cluster needs:');
    for (const manifest of report.generated) {
      const file = manifest.file ? `  -> ${manifest.file}` : '';
      out.push(visibleLine(`  # ${manifest.kind} ${manifest.namespace}/${manifest.name}${file}`));
      out.push(
        ...visibleBlock(manifest.yaml)
          .trimEnd()
          .split('\n')
          .map((line) => `    ${line}`),
      );
    }
    out.push('');
  }
  out.push(...egressLines(report, paint));
  if (report.notEvaluable.length > 0) {
    out.push('Could not evaluate:');
    for (const note of report.notEvaluable)
      out.push(visibleLine(`  ${note.file}:${note.line}  ${note.reason}`));
    out.push('');
  }
  const { headline, counts } = verdictParts(report, options.failPolicy);
  const color = { fail: 'error', attention: 'warning', pass: 'green' } as const;
  out.push(`${paint(color[outcome(report, options.failPolicy)], paint('bold', headline))} — ${counts}`);
  return `${out.join('\n')}\n`;
}
