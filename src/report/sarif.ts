import { createHash } from 'node:crypto';
import { ALL_RULES } from '../rules/index.js';
import { PROJECT_HOME, SEVERITY_RANK, type Finding, type RuleMeta, type Severity } from '../rules/types.js';
import type { Report } from './types.js';

export const TOOL_NAME = 'dynakube-istio-guard';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
};

export interface SarifOptions {
  /** Rules to describe in `tool.driver.rules`; default every rule. Findings of unknown rules get a minimal entry. */
  rules?: readonly RuleMeta[];
  toolVersion?: string;
  /**
   * The folder of the tree read, from the top of its git repository (`clusters/prod/`): code scanning resolves a
   * result's path from the repository's top, while the report's paths start at the tree read (`--repo` may be a
   * folder below the top). Empty or absent when the tree is the top.
   */
  uriPrefix?: string;
}

/** Code scanning limits descriptions to 1,024 characters. */
function short(text: string): string {
  return text.length <= 1024 ? text : `${text.slice(0, 1021)}...`;
}

function ruleDescriptor(meta: RuleMeta) {
  return {
    id: meta.id,
    name: meta.id
      .split('-')
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: short(meta.description) },
    fullDescription: { text: short(meta.description) },
    help: {
      text: `${meta.description} See ${meta.docs}`,
      markdown: `${meta.description}\n\n[Documentation](${meta.docs})`,
    },
    helpUri: meta.docs,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: ['dynatrace', 'istio', 'kubernetes'],
      precision: 'high',
      'problem.severity': PROBLEM_SEVERITY[meta.severity],
    },
  };
}

/**
 * Identity of a finding across runs: its key (rule, resource, field), not its line, so moving a line does not
 * close one alert and open another. Code scanning matches results on `primaryLocationLineHash`.
 */
export function fingerprint(finding: Finding): string {
  return createHash('sha256').update(finding.key).digest('hex').slice(0, 16);
}

/**
 * Where a finding without a file is placed (a default that no file sets). Code scanning refuses a result without a
 * location ("locationFromSarifResult: expected at least one location") and an empty `uri`; this is the path
 * GitHub itself shows for alerts of no file, as OpenSSF Scorecard writes it.
 */
export const NO_FILE_URI = 'no file associated with this alert';

/** Code scanning rejects a run with more results than this; it keeps the 5,000 most severe anyway. */
export const MAX_RESULTS = 25_000;

/** The lines of each head file, split once however many findings it has; undefined for a file not known. */
type LinesOf = (file: string) => readonly string[] | undefined;

function linesOf(files: ReadonlyMap<string, string> | undefined): LinesOf {
  const split = new Map<string, readonly string[]>();
  return (file) => {
    const text = files?.get(file);
    if (text === undefined) return undefined;
    if (!split.has(file)) split.set(file, text.split(/\r\n|\r|\n/));
    return split.get(file);
  };
}

/**
 * The finding's whole lines. GitHub's SARIF reference marks the region's columns required too: with the file's text
 * known, the region runs from column 1 to the column after the last line's end (UTF-16 code units, SARIF's default).
 */
function physicalLocation(finding: Finding, lines: LinesOf, uriPrefix: string) {
  if (finding.file === '')
    return { artifactLocation: { uri: NO_FILE_URI }, region: { startLine: 1, endLine: 1 } };
  // Lines are 1-based; a finding placed on line 0 (a default with a file) still needs a valid region.
  const startLine = Math.max(1, finding.line);
  const endLine = Math.max(finding.endLine, startLine);
  const endText = lines(finding.file)?.[endLine - 1];
  return {
    artifactLocation: { uri: `${uriPrefix}${finding.file}`.split('/').map(encodeURIComponent).join('/') },
    region: {
      startLine,
      ...(endText === undefined ? {} : { startColumn: 1 }),
      endLine,
      ...(endText === undefined ? {} : { endColumn: endText.length + 1 }),
    },
  };
}

/** The open findings code scanning takes: all of them, or the most severe when there are too many. */
function uploadable(findings: Finding[]): Finding[] {
  const open = findings.filter((finding) => finding.status !== 'fixed');
  if (open.length <= MAX_RESULTS) return open;
  const kept = new Set(
    [...open].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).slice(0, MAX_RESULTS),
  );
  return open.filter((finding) => kept.has(finding));
}

function result(finding: Finding, ruleIndex: number, lines: LinesOf, uriPrefix: string) {
  const text = finding.fix
    ? `${finding.resource}: ${finding.message} Fix: ${finding.fix.description}`
    : `${finding.resource}: ${finding.message}`;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text },
    locations: [{ physicalLocation: physicalLocation(finding, lines, uriPrefix) }],
    partialFingerprints: {
      primaryLocationLineHash: `${fingerprint(finding)}:1`,
      'dynakubeIstioGuard/v1': fingerprint(finding),
    },
    properties: { status: finding.status, resource: finding.resource },
  };
}

/** SARIF 2.1.0 log of the open findings, for `github/codeql-action/upload-sarif`. */
export function buildSarif(report: Report, options: SarifOptions = {}) {
  const rules = [...(options.rules ?? ALL_RULES.map((rule) => rule.meta))];
  const open = uploadable(report.findings);
  for (const finding of open) {
    if (rules.some((rule) => rule.id === finding.ruleId)) continue;
    rules.push({
      id: finding.ruleId,
      severity: finding.severity,
      description: finding.ruleId,
      docs: finding.docs,
      fixable: false,
    });
  }
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const lines = linesOf(report.context?.files);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: PROJECT_HOME,
            ...(options.toolVersion ? { semanticVersion: options.toolVersion } : {}),
            rules: rules.map(ruleDescriptor),
          },
        },
        results: open.map((finding) =>
          result(finding, index.get(finding.ruleId)!, lines, options.uriPrefix ?? ''),
        ),
      },
    ],
  };
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}
