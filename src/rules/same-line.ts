import { byCodeUnits } from '../text-order.js';
import type { Finding } from './types.js';

/** Resources named in a collapsed finding's message; the rest are counted. */
const NAMED_RESOURCES = 5;

/**
 * One finding for resources that one line of the repository gives the same problem with the same fix, such as the
 * Applications an Argo CD ApplicationSet generates from a literal template line. Each would otherwise be an annotation and an entry of the PR comment of its own, word for
 * word the same but for the name (an ApplicationSet over thirty clusters gave thirty). The finding kept is the one
 * of the first resource by name, so the choice does not follow the order of a generator's elements; the others are
 * listed in its `alsoFor` and its message. Findings are only merged within one status, so a PR that adds a cluster
 * still shows the new Application's finding as new.
 */
export function collapseSameLine(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const identity = sameLineIdentity(finding);
    const group = groups.get(identity);
    if (group) group.push(finding);
    else groups.set(identity, [finding]);
  }
  return [...groups.values()].map(collapsed);
}

/** What two findings share when they differ only in their resource: everything, with the resource's name masked. */
function sameLineIdentity(finding: Finding): string {
  const { ruleId, severity, status, file, line, endLine, fix } = finding;
  const { resource, field } = keyParts(finding);
  const masked = (text: string) => maskName(maskName(text, resource), finding.resource);
  return JSON.stringify([
    ruleId,
    severity,
    status,
    file,
    line,
    endLine,
    field,
    masked(finding.message),
    fix ? [masked(fix.description), fix.edits] : null,
  ]);
}

/** The resource (whole, as the rule named it) and the field of a finding's key `rule|resource|field`. */
function keyParts(finding: Finding): { resource: string; field: string } {
  const fieldStart = finding.key.lastIndexOf('|');
  return {
    resource: finding.key.slice(finding.ruleId.length + 1, fieldStart),
    field: finding.key.slice(fieldStart + 1),
  };
}

function maskName(text: string, name: string): string {
  return name === '' ? text : text.split(name).join('\u0000');
}

function collapsed(group: Finding[]): Finding {
  if (group.length === 1) return group[0];
  const [first, ...others] = [...group].sort((a, b) => byCodeUnits(a.resource, b.resource));
  const alsoFor = others.map((finding) => finding.resource);
  return { ...first, message: `${first.message} ${alsoSentence(alsoFor)}`, alsoFor };
}

function alsoSentence(resources: string[]): string {
  const named = resources.slice(0, NAMED_RESOURCES);
  const unnamed = resources.length - named.length;
  const list =
    unnamed > 0
      ? `${named.join(', ')} and ${unnamed} more`
      : named.length === 1
        ? named[0]
        : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return `The same line gives ${list} the same finding.`;
}
