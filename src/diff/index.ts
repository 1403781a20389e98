import type { ClusterModel } from '../model/types.js';
import type { Change } from '../report/types.js';
import { addDynaKubeFacts } from './dynakube.js';
import { canonical, FactSet, type DomainFact } from './facts.js';
import {
  addCniFacts,
  addControlPlaneFacts,
  addMeshFacts,
  addNamespaceFacts,
  addOperatorFacts,
  addPolicyFacts,
  addWorkloadFacts,
  namespacesWithOwnMtls,
} from './mesh.js';
import { byCodeUnits } from '../text-order.js';

/**
 * Every setting of one side of the repository that the diff compares, in domain terms. `mtlsNamespaces`: the
 * namespaces whose mTLS mode is compared, those with a namespace-wide policy on either side (default: this side).
 */
export function domainFacts(model: ClusterModel, mtlsNamespaces?: Iterable<string>): FactSet {
  const facts = new FactSet();
  for (const dynakube of model.dynakubes) addDynaKubeFacts(facts, dynakube);
  addOperatorFacts(facts, model);
  addMeshFacts(facts, model);
  addControlPlaneFacts(facts, model);
  addCniFacts(facts, model);
  addNamespaceFacts(facts, model, mtlsNamespaces);
  addPolicyFacts(facts, model);
  addWorkloadFacts(facts, model);
  return facts;
}

/** The path of the fact that says a resource exists; a resource on one side only is one added/removed change. */
const EXISTS = '';

interface Pair {
  before?: DomainFact;
  after?: DomainFact;
  order: number;
}

/**
 * What a change does in domain terms: settings compared by meaning, so moving, reformatting or re-quoting YAML
 * (or switching a DynaKube between apiVersions that say the same) is no change.
 */
export function diffModels(base: ClusterModel, head: ClusterModel): Change[] {
  const mtlsNamespaces = new Set([...namespacesWithOwnMtls(base), ...namespacesWithOwnMtls(head)]);
  const pairs = pairFacts(domainFacts(base, mtlsNamespaces), domainFacts(head, mtlsNamespaces));
  const whole = new Set<string>();
  for (const pair of pairs.values()) {
    const one = pair.before ?? pair.after!;
    if (one.path === EXISTS && (!pair.before || !pair.after)) whole.add(one.resource);
  }
  const changes: { change: Change; section: number; order: number }[] = [];
  for (const pair of pairs.values()) {
    const one = pair.after ?? pair.before!;
    if (whole.has(one.resource)) {
      if (one.path === EXISTS) changes.push(wholeResourceChange(pairs, one.resource, pair));
      continue;
    }
    if (canonical(pair.before?.value ?? null) === canonical(pair.after?.value ?? null)) continue;
    changes.push({ change: toChange(pair), section: one.section, order: pair.order });
  }
  return changes
    .sort(
      (a, b) =>
        a.section - b.section || byCodeUnits(a.change.resource, b.change.resource) || a.order - b.order,
    )
    .map((entry) => entry.change);
}

function pairFacts(before: FactSet, after: FactSet): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  let order = 0;
  for (const [key, fact] of before.facts) pairs.set(key, { before: fact, order: order++ });
  for (const [key, fact] of after.facts) {
    const pair = pairs.get(key);
    if (pair) pair.after = fact;
    else pairs.set(key, { after: fact, order: order++ });
  }
  return pairs;
}

/** Where a change is written: the new value on head; for a removed setting, its resource on head, else base. */
function location(pair: Pair): Pick<Change, 'file' | 'line'> {
  const origin =
    pair.after?.origin ?? pair.after?.resourceOrigin ?? pair.before?.origin ?? pair.before?.resourceOrigin;
  return origin?.file ? { file: origin.file, line: origin.line } : {};
}

function toChange(pair: Pair): Change {
  const one = pair.after ?? pair.before!;
  return {
    resource: one.resource,
    path: one.path,
    before: pair.before?.value ?? null,
    after: pair.after?.value ?? null,
    ...location(pair),
  };
}

/** A resource added or removed as a whole: one change whose other side lists its settings. */
function wholeResourceChange(
  pairs: Map<string, Pair>,
  resource: string,
  exists: Pair,
): { change: Change; section: number; order: number } {
  const added = !!exists.after;
  const one = exists.after ?? exists.before!;
  const settings: Record<string, unknown> = {};
  for (const pair of pairs.values()) {
    const fact = added ? pair.after : pair.before;
    if (!fact || fact.resource !== resource || fact.path === EXISTS) continue;
    if (fact.value !== null && !(Array.isArray(fact.value) && fact.value.length === 0))
      settings[fact.path] = fact.value;
  }
  const change: Change = {
    resource,
    path: '',
    before: added ? null : settings,
    after: added ? settings : null,
    ...location(exists),
  };
  return { change, section: one.section, order: exists.order };
}
