import { resourceId, type ClusterModel, type ResourceBase } from '../model/types.js';
import type { FindingDraft } from './types.js';

/** Annotation that silences rules on one object, like istioctl's `galley.istio.io/analyze-suppress`. */
export const SUPPRESS_ANNOTATION = 'dynakube-istio-guard.io/suppress';

/** Rule ids listed in an object's suppression annotation (`*` stands for every rule). */
export function suppressedRules(resource: Pick<ResourceBase, 'annotations'>): Set<string> {
  const value = resource.annotations[SUPPRESS_ANNOTATION];
  if (value === undefined) return new Set();
  return new Set(
    value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );
}

/** Indexes a model's resources by their `Kind ns/name` id, so findings without an explicit subject resolve too. */
export function resourceIndex(model: ClusterModel): Map<string, ResourceBase[]> {
  const index = new Map<string, ResourceBase[]>();
  for (const resource of model.resources) {
    const id = resourceId(resource);
    const list = index.get(id);
    if (list) list.push(resource);
    else index.set(id, [resource]);
  }
  return index;
}

/**
 * Whether the object a finding is about suppresses `ruleId`. Without an explicit subject, every object of the
 * finding's resource id is consulted (the same object may be written in several files, e.g. a base and a patch).
 */
export function isSuppressed(
  ruleId: string,
  draft: FindingDraft,
  index: Map<string, ResourceBase[]>,
): boolean {
  const subjects = draft.subject ? [draft.subject] : (index.get(draft.resource) ?? []);
  return subjects.some((subject) => {
    const rules = suppressedRules(subject);
    return rules.has('*') || rules.has(ruleId);
  });
}
