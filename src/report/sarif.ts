import { createHash } from 'node:crypto';
import { ALL_RULES } from '../rules/index.js';
import { PROJECT_HOME, type Finding, type RuleMeta, type Severity } from '../rules/types.js';
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

function result(finding: Finding, ruleIndex: number) {
  const text = finding.fix
    ? `${finding.resource}: ${finding.message} Fix: ${finding.fix.description}`
    : `${finding.resource}: ${finding.message}`;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file.split('/').map(encodeURIComponent).join('/') },
          region: { startLine: finding.line, endLine: Math.max(finding.endLine, finding.line) },
        },
      },
    ],
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
  const open = report.findings.filter((finding) => finding.status !== 'fixed');
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
        results: open.map((finding) => result(finding, index.get(finding.ruleId)!)),
      },
    ],
  };
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}
