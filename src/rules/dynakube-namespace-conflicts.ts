import path from 'node:path';
import { injectingMode, sameDynaKube } from '../model/dynakube.js';
import { dynakubeNamespace } from '../model/facts-dataplane.js';
import { monitoredNamespaces } from '../model/monitored-namespaces.js';
import type { Origin } from '../model/provenance.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import type { FindingDraft } from './types.js';

/** `errorConflictingNamespaceSelector` of the operator webhook (`namespace_selector.go`), its line break a space. */
export const CONFLICTING_NAMESPACE_SELECTOR =
  "The DynaKube's specification tries to inject into namespaces where another Dynakube already injects into, which is not supported. " +
  "Make sure the namespaceSelector doesn't conflict with other Dynakubes namespaceSelector";

/**
 * Whether two files can end up in one cluster: the same folder, or one folder inside the other. DynaKubes in sibling
 * folders (`clusters/a`, `clusters/b`) are taken for different clusters, where their selectors cannot conflict.
 */
function sameTree(a: DynaKube, b: DynaKube): boolean {
  const dirA = path.posix.dirname(a.document.file);
  const dirB = path.posix.dirname(b.document.file);
  const inside = (inner: string, outer: string) => outer === '.' || inner.startsWith(`${outer}/`);
  return dirA === dirB || inside(dirA, dirB) || inside(dirB, dirA);
}

/** Whether the pull request adds or changes the DynaKube's document; true without a base to compare with. */
function newOrChanged(dynakube: DynaKube, base: ClusterModel | undefined): boolean {
  if (!base) return true;
  const written = JSON.stringify(dynakube.document.value);
  return !base.dynakubes.some(
    (old) =>
      sameDynaKube(old, dynakube) &&
      old.document.file === dynakube.document.file &&
      JSON.stringify(old.document.value) === written,
  );
}

/** Where the DynaKube says which namespaces it injects into: its selector, else its injecting mode. */
function selectorOrigin(dynakube: DynaKube): Origin {
  return dynakube.namespaceSelector?.origin ?? injectingMode(dynakube)?.origin ?? dynakube.origin;
}

function conflictFinding(reported: DynaKube, other: DynaKube, shared: string[]): FindingDraft {
  const where = `${other.document.file}:${other.origin.line}`;
  const namespaces = shared.length === 1 ? `namespace ${shared[0]}` : `namespaces ${shared.join(', ')}`;
  return {
    message:
      `DynaKube ${reported.name} and DynaKube ${other.name} (${where}) both inject code modules into ${namespaces}. ` +
      CONFLICTING_NAMESPACE_SELECTOR,
    origin: selectorOrigin(reported),
    resource: resourceId(reported),
    field: `namespaceSelector/${other.name}`,
    subject: reported,
  };
}

/**
 * The webhook denies a DynaKube when a namespace matches it and another DynaKube of the operator's namespace
 * (`mapper.MatchingNamespaces`). Replayed for the Namespaces the repository declares and for code-module injection;
 * the finding goes to the DynaKube the pull request adds or changes, the later one when both or neither are.
 */
export function namespaceConflictFindings(
  head: ClusterModel,
  base: ClusterModel | undefined,
): FindingDraft[] {
  const injecting = head.dynakubes
    .map((dynakube) => ({ dynakube, namespaces: monitoredNamespaces(head, dynakube) }))
    .filter(({ namespaces }) => namespaces.length > 0);
  const findings: FindingDraft[] = [];
  injecting.forEach((first, index) => {
    for (const second of injecting.slice(index + 1)) {
      const [a, b] = [first.dynakube, second.dynakube];
      if (sameDynaKube(a, b) || !sameTree(a, b)) continue;
      if (dynakubeNamespace(head, a) !== dynakubeNamespace(head, b)) continue;
      const shared = first.namespaces.filter((namespace) => second.namespaces.includes(namespace));
      if (shared.length === 0) continue;
      const reportA = newOrChanged(a, base) && !newOrChanged(b, base);
      findings.push(reportA ? conflictFinding(a, b, shared) : conflictFinding(b, a, shared));
    }
  });
  return findings;
}
