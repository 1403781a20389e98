import type { NotEvaluable } from '../model/provenance.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'config-not-evaluable';
const SHOWN_REASONS = 3;

/** Groups notes by file, keeping the file order of the model. */
function byFile(notes: NotEvaluable[]): Map<string, NotEvaluable[]> {
  const groups = new Map<string, NotEvaluable[]>();
  for (const note of notes) {
    const list = groups.get(note.file) ?? [];
    if (!list.some((n) => n.line === note.line && n.reason === note.reason)) list.push(note);
    groups.set(note.file, list);
  }
  return groups;
}

/**
 * One note per file whose content decides a rule but could not be read (a template, an unresolved substitution, a
 * Secret, a remote chart or base, a YAML error). Keyed by file, so a note that moves lines stays `unchanged`.
 */
export const configNotEvaluable: Rule = {
  meta: {
    id,
    severity: 'info',
    description: 'Configuration that decides a rule could not be evaluated; the rules did not see it.',
    docs: docsUrl(id),
    fixable: false,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const [file, notes] of byFile(head.notEvaluable)) {
      const sorted = [...notes].sort((a, b) => a.line - b.line);
      const shown = sorted.slice(0, SHOWN_REASONS).map((n) => `line ${n.line}: ${n.reason}`);
      const more = sorted.length > SHOWN_REASONS ? `; and ${sorted.length - SHOWN_REASONS} more` : '';
      findings.push({
        message: `Could not evaluate ${file}: ${shown.join('; ')}${more}. Rules that depend on it may miss problems here.`,
        origin: { file, line: sorted[0].line },
        resource: `File ${file}`,
        field: 'not-evaluable',
      });
    }
    return findings;
  },
};
