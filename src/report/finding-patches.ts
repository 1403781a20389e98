import type { Finding, TextEdit } from '../rules/types.js';
import { composeEdits, editsNear } from './compose.js';
import { CONTEXT_LINES, fixPatch } from './patch.js';

/**
 * Why a finding's patch is not (only) its own: `combined` carries the fixes of `others` too; `elsewhere` has no
 * patch of its own, its fix is in the combined patch of `others[0]`; `conflict` changes a line that a fix of
 * `others` changes differently.
 */
export interface PatchNote {
  kind: 'combined' | 'elsewhere' | 'conflict';
  others: Finding[];
}

/** What a finding's entry shows: its patch (maybe of several fixes together), the files it edits, and a note. */
export interface FindingPatch {
  patch?: string;
  targets?: string;
  note?: PatchNote;
}

/**
 * The patches of findings listed in this order, made once each, however many times a report is laid out: a
 * finding's own patch, or where fixes collide (`collidingFixes`) one patch of them all under the first listed,
 * composed as the PR's suggestions are (`composeEdits`); where two of them change a line differently each keeps
 * its own patch, with a note.
 */
export function findingPatches(
  listed: readonly Finding[],
  files: ReadonlyMap<string, string>,
): (finding: Finding) => FindingPatch | undefined {
  const made = new Map<Finding, FindingPatch | undefined>();
  // A group's edits composed once for all its findings.
  const composed = new Map<readonly Finding[], TextEdit[] | undefined>();
  let groups: Map<Finding, Finding[]> | undefined;
  return (finding) => {
    if (!finding.fix) return undefined;
    groups ??= collidingFixes(listed);
    const group = groups.get(finding);
    if (group && !composed.has(group)) composed.set(group, composeEdits(group.flatMap((f) => f.fix!.edits)));
    if (!made.has(finding))
      made.set(
        finding,
        findingPatch(finding, group && { findings: group, edits: composed.get(group) }, files),
      );
    return made.get(finding);
  };
}

/**
 * Findings whose patches would not apply one after the other, in groups in listed order: their edits of a file come
 * within a hunk's context of each other, so the second patch's context or lines no longer read as it expects; or,
 * where both insert the same new key (`values:` under an IstioOperator's `spec`), the file would hold it twice.
 */
function collidingFixes(listed: readonly Finding[]): Map<Finding, Finding[]> {
  const patched = listed.filter((f) => f.fix && f.fix.edits.length > 0);
  const root = patched.map((_, index) => index);
  const find = (index: number): number => (root[index] === index ? index : (root[index] = find(root[index])));
  const union = (a: number, b: number) => {
    const [first, second] = [find(a), find(b)].sort((x, y) => x - y);
    root[second] = first;
  };
  // Edits by file and first line, each compared with the ones after it that start near enough: a rendered manifest
  // with a finding per workload has thousands of fixes, far apart.
  const edits = patched
    .flatMap((finding, index) => finding.fix!.edits.map((edit) => ({ index, edit })))
    .sort((a, b) =>
      a.edit.file === b.edit.file
        ? Math.min(a.edit.startLine, a.edit.endLine) - Math.min(b.edit.startLine, b.edit.endLine)
        : a.edit.file < b.edit.file
          ? -1
          : 1,
    );
  edits.forEach((a, i) => {
    for (let j = i + 1; j < edits.length && edits[j].edit.file === a.edit.file; j += 1) {
      const b = edits[j];
      if (
        Math.min(b.edit.startLine, b.edit.endLine) >
        Math.max(a.edit.startLine, a.edit.endLine) + CONTEXT_LINES
      )
        break;
      if (a.index !== b.index && editsNear(a.edit, b.edit, CONTEXT_LINES)) union(a.index, b.index);
    }
  });
  const groups = new Map<number, Finding[]>();
  patched.forEach((finding, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), finding]));
  const byFinding = new Map<Finding, Finding[]>();
  for (const group of groups.values())
    if (group.length > 1) for (const finding of group) byFinding.set(finding, group);
  return byFinding;
}

function targetsOf(edits: readonly { file: string }[]): string {
  return [...new Set(edits.map((edit) => edit.file))].join(', ');
}

/** A finding's patch and note; `group` holds the findings whose fixes collide with its own, and their edits composed. */
function findingPatch(
  finding: Finding,
  group: { findings: readonly Finding[]; edits: TextEdit[] | undefined } | undefined,
  files: ReadonlyMap<string, string>,
): FindingPatch | undefined {
  const own = () => ({ patch: fixPatch(finding.fix!, files), targets: targetsOf(finding.fix!.edits) });
  if (!group) return own();
  const others = group.findings.filter((f) => f !== finding);
  const composed = group.edits;
  if (!composed) return { ...own(), note: { kind: 'conflict', others } };
  if (finding !== group.findings[0]) return { note: { kind: 'elsewhere', others: [group.findings[0]] } };
  return {
    patch: fixPatch({ description: finding.fix!.description, edits: composed }, files),
    targets: targetsOf(composed),
    note: { kind: 'combined', others },
  };
}
