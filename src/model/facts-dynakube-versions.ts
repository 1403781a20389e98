import { fact, type Fact } from './provenance.js';
import { asArray, asRecord, asString, getIn } from './read.js';
import { originAt } from './resource.js';
import type { ClusterModel, DynaKube } from './types.js';
import { imageTag, releaseLine, type ReleaseLine } from './facts-versions.js';

/** What one Dynatrace Operator release line serves of `dynatrace.com` DynaKube versions (its CRD). */
export interface ServedVersions {
  /** Release line the entry describes, e.g. `1.10`, or `main` for the newest known. */
  release: string;
  served: readonly string[];
  deprecated: readonly string[];
  /** The storage version: where a fix moves a DynaKube to. */
  storage: string;
}

/**
 * From each release's CRD (reference/dynatrace.md §3.1). Keys are the first minor of a line; a release uses the
 * last entry at or below it. `served: false` versions are simply absent from `served`.
 */
const RELEASES: readonly (ServedVersions & { from: [number, number] })[] = [
  { from: [0, 10], release: '0.10–1.1', served: ['v1alpha1', 'v1beta1'], deprecated: [], storage: 'v1beta1' },
  { from: [1, 2], release: '1.2–1.3', served: ['v1beta1', 'v1beta2'], deprecated: [], storage: 'v1beta2' },
  {
    from: [1, 4],
    release: '1.4',
    served: ['v1beta1', 'v1beta2', 'v1beta3'],
    deprecated: [],
    storage: 'v1beta3',
  },
  {
    from: [1, 5],
    release: '1.5',
    served: ['v1beta1', 'v1beta2', 'v1beta3', 'v1beta4'],
    deprecated: [],
    storage: 'v1beta4',
  },
  {
    from: [1, 6],
    release: '1.6',
    served: ['v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5'],
    deprecated: ['v1beta1', 'v1beta2', 'v1beta3'],
    storage: 'v1beta5',
  },
  {
    from: [1, 7],
    release: '1.7',
    served: ['v1beta3', 'v1beta4', 'v1beta5'],
    deprecated: ['v1beta3'],
    storage: 'v1beta5',
  },
  {
    from: [1, 8],
    release: '1.8',
    served: ['v1beta4', 'v1beta5', 'v1beta6'],
    deprecated: [],
    storage: 'v1beta6',
  },
  {
    from: [1, 9],
    release: '1.9',
    served: ['v1beta4', 'v1beta5', 'v1beta6'],
    deprecated: ['v1beta4'],
    storage: 'v1beta6',
  },
  {
    from: [1, 10],
    release: '1.10',
    served: ['v1beta5', 'v1beta6'],
    deprecated: ['v1beta5'],
    storage: 'v1beta6',
  },
];

/** The newest operator known (main after 1.10.2): v1beta4 removed, v1beta5 deprecated. */
export const NEWEST_OPERATOR: ServedVersions = {
  release: 'newest',
  served: ['v1beta5', 'v1beta6'],
  deprecated: ['v1beta5'],
  storage: 'v1beta6',
};

/** What an operator release line serves; undefined for lines older than any known CRD. */
export function servedVersions(line: ReleaseLine): ServedVersions | undefined {
  if (line === 'latest') return NEWEST_OPERATOR;
  const newestKnown = RELEASES[RELEASES.length - 1].from;
  if (line.major > newestKnown[0] || (line.major === newestKnown[0] && line.minor > newestKnown[1]))
    return NEWEST_OPERATOR;
  let match: ServedVersions | undefined;
  for (const entry of RELEASES) {
    const [major, minor] = entry.from;
    if (line.major > major || (line.major === major && line.minor >= minor)) match = entry;
  }
  return match;
}

export interface OperatorVersion {
  version: Fact<string>;
  line: ReleaseLine;
  via: string;
  /** Namespace the operator runs in, when known: a DynaKube is served by the operator of its namespace. */
  namespace?: string;
}

/**
 * Operator versions pinned in the repository: the Helm chart version of an operator install, or the image tag of a
 * rendered `dynatrace-operator` Deployment.
 */
export function pinnedOperatorVersions(model: ClusterModel): OperatorVersion[] {
  const pinned: OperatorVersion[] = [];
  for (const install of model.operatorInstalls) {
    const line = releaseLine(install.version?.value);
    if (install.version && line)
      pinned.push({ version: install.version, line, via: install.via, namespace: install.namespace.value });
  }
  for (const workload of model.workloads) {
    if (workload.kind !== 'Deployment' || workload.name !== 'dynatrace-operator') continue;
    const containers = asArray(getIn(workload.document.value, ['spec', 'template', 'spec', 'containers']));
    containers.forEach((container, index) => {
      const image = asString(asRecord(container)?.image);
      if (!image || !/dynatrace-operator/.test(image)) return;
      const tag = imageTag(image);
      const line = releaseLine(tag);
      if (!tag || !line) return;
      const path = ['spec', 'template', 'spec', 'containers', index, 'image'];
      pinned.push({
        version: fact(tag, originAt(workload, path)),
        line,
        via: `Deployment ${workload.namespace ?? ''}/${workload.name}`,
        ...(workload.namespace ? { namespace: workload.namespace } : {}),
      });
    });
  }
  return pinned;
}

/** Pinned operators that serve a DynaKube: the one in its namespace, else every pinned one. */
export function operatorsServing(pinned: OperatorVersion[], dynakube: DynaKube): OperatorVersion[] {
  const own = pinned.filter((operator) => operator.namespace === dynakube.namespace);
  return own.length > 0 ? own : pinned;
}
