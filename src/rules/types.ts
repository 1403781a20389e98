import type { ClusterModel, ResourceBase } from '../model/types.js';
import type { NotEvaluable, Origin } from '../model/provenance.js';

export type Severity = 'error' | 'warning' | 'info';
export type FindingStatus = 'new' | 'unchanged' | 'fixed';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One replacement of whole lines in a repository file (1-based, inclusive). `startLine > endLine` inserts before `startLine`. */
export interface TextEdit {
  file: string;
  startLine: number;
  endLine: number;
  /** The new lines joined by `\n`, without `\r`: applying the edit gives them the file's own line breaks. */
  replacement: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
  /** Commands to run, for fixes that are not file edits (e.g. delete and reapply a DynaKube). */
  commands?: string[];
}

export interface RuleMeta {
  id: string;
  /** The default severity; a rule may raise or lower it per finding when its catalog row says so. */
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Link to the rule's doc page. */
  docs: string;
  fixable: boolean;
}

/** What a rule reports; the engine adds status, docs link and identity. */
export interface FindingDraft {
  message: string;
  origin: Origin;
  /** The resource the finding is about, e.g. `DynaKube dynatrace/dynakube`. */
  resource: string;
  /** The field that decides the finding, part of its identity across base and head (not a line number). */
  field: string;
  severity?: Severity;
  fix?: Fix;
  /**
   * The object the finding is about, whose `dynakube-istio-guard.io/suppress` annotation can silence it. When
   * absent, the engine looks the object up by `resource` among the model's resources.
   */
  subject?: ResourceBase;
}

export interface RuleContext {
  head: ClusterModel;
  /** The PR's base, when there is one; rules about a change (e.g. enable-istio-reapply) compare the two. */
  base?: ClusterModel;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): FindingDraft[];
  /**
   * Values the rule needed but could not know (e.g. a placeholder apiUrl substituted at deploy time): listed in
   * the report's `notEvaluable`, never as findings.
   */
  notEvaluable?(context: RuleContext): NotEvaluable[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  message: string;
  file: string;
  line: number;
  endLine: number;
  resource: string;
  docs: string;
  fix?: Fix;
  /**
   * Other resources with this finding on this line and the same fix (the Applications of one ApplicationSet
   * template line): reported once, for `resource`, and listed here.
   */
  alsoFor?: string[];
  /** Stable identity across base and head: rule, resource and field. */
  key: string;
}

/**
 * The project's home, the one place its URL is written (rule doc links, SARIF `informationUri`). A placeholder
 * until the repository is published: README and action.yml use the same owner/name in `uses:`.
 */
export const PROJECT_HOME = 'https://github.com/dynakube-istio-guard/dynakube-istio-guard';

export const DOCS_BASE = `${PROJECT_HOME}/blob/main/docs/rules`;

export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}.md`;
}
