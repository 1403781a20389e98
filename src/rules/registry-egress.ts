import {
  coverageIn,
  uncoveredPull,
  type CoveredHost,
  type RegistryNeed,
} from '../generate/registry-coverage.js';
import { registryEntries, serviceEntryNamesIn } from '../generate/registry-entries.js';
import { csiDriverEnabled, describeRestriction, outboundRestriction } from '../model/effective.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { codeModulesPull, type CodeModulesPull } from './code-modules-pull.js';
import { csiDriverMembership } from './dynatrace-consumers.js';
import { newFileEdit, renderManifests } from './new-file.js';
import { docsUrl, type Fix, type FindingDraft, type Rule } from './types.js';

const id = 'registry-egress';

/** The generator's registry ServiceEntries for the code modules images only, in a new file beside the DynaKube. */
function generatedEntriesFix(
  model: ClusterModel,
  blocked: readonly BlockedPull[],
  namespace: string,
  covered: readonly CoveredHost[],
): Fix | undefined {
  const pulls = blocked.map(({ dynakube, pull }) => ({ dynakube, pull, namespace }));
  const { objects } = registryEntries(pulls, () => covered, serviceEntryNamesIn(model));
  if (objects.length === 0) return undefined;
  const first = objects[0].object.metadata.name;
  const edit = newFileEdit(
    model,
    blocked[0].dynakube.origin.file,
    `${first}.yaml`,
    renderManifests(objects.map((o) => o.object)),
  );
  const byAddress = objects.some((o) => 'addresses' in o.object.spec);
  return {
    description:
      `Create ${edit.file} (a new file) with ServiceEntries for the registry and the hosts it redirects blob ` +
      `downloads to, in namespace ${namespace}` +
      (byAddress
        ? '. A registry given by IP is declared by `addresses` (TCP, `resolution: NONE`) under a placeholder ' +
          'host, as Istio rejects an IP in `hosts`'
        : '') +
      '. Add the file to your kustomization if you use one.',
    edits: [edit],
  };
}

/** A code modules image the CSI driver pulls through its sidecar, and what the pull leaves undeclared. */
interface BlockedPull {
  dynakube: DynaKube;
  pull: CodeModulesPull;
  registry: string;
  missing: RegistryNeed[];
}

function describePull({ pull, registry }: BlockedPull): string {
  return pull.source === 'codeModulesImage'
    ? `codeModulesImage ${pull.image.value}`
    : `the code modules image from the public registry ${registry} (feature flag or publicRegistryOverride)`;
}

function blockedPulls(model: ClusterModel, covered: readonly CoveredHost[]): BlockedPull[] {
  return model.dynakubes.flatMap((dynakube): BlockedPull[] => {
    // Pulled by the kubelet (node-image-pull) the image never passes the mesh; a placeholder cannot be checked.
    const pull = codeModulesPull(model, dynakube);
    if (pull?.by !== 'csi-driver' || !pull.registry) return [];
    const { registry, port } = pull.registry;
    const { missing } = uncoveredPull(registry, [port], covered);
    return missing.length > 0 ? [{ dynakube, pull, registry, missing }] : [];
  });
}

export const registryEgress: Rule = {
  meta: {
    id,
    severity: 'error',
    description:
      'Under REGISTRY_ONLY, a CSI driver in the mesh needs ServiceEntries for the registry it pulls the code modules image from (codeModulesImage or the public registry).',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    if (!csiDriverEnabled(head).value) return [];
    const csi = csiDriverMembership(head);
    // Ambient traffic goes through ztunnel, which does not enforce REGISTRY_ONLY.
    if (csi?.mode !== 'sidecar') return [];
    const restriction = outboundRestriction(head, csi.namespace);
    if (!restriction) return [];
    const covered = coverageIn(head, csi.namespace);
    const pulls = blockedPulls(head, covered);
    // One fix per registry, on its first finding, declares every port its images use: two fixes that create the
    // same entry with different ports would overwrite each other.
    const fixes = new Map<string, { fix: Fix | undefined; on: BlockedPull }>();
    for (const pull of pulls) {
      if (fixes.has(pull.registry)) continue;
      const sameRegistry = pulls.filter((other) => other.registry === pull.registry);
      fixes.set(pull.registry, {
        fix: generatedEntriesFix(head, sameRegistry, csi.namespace, covered),
        on: pull,
      });
    }
    return pulls.map((blocked): FindingDraft => {
      const { dynakube, pull } = blocked;
      const { fix, on } = fixes.get(blocked.registry)!;
      const fixedElsewhere = fix && on !== blocked;
      return {
        message:
          `The CSI driver pulls ${describePull(blocked)} of DynaKube ${dynakube.name} itself, from inside ` +
          `the mesh (${csi.reason}), and ${describeRestriction(restriction)} (${restriction.origin.file}:${restriction.origin.line}). ` +
          `No ServiceEntry visible in namespace ${csi.namespace} covers ` +
          `${blocked.missing.map((need) => `${need.host}:${need.port}`).join(', ')}: ` +
          'the image pull fails and no code modules reach the node.' +
          (fixedElsewhere ? ` The fix offered for DynaKube ${on.dynakube.name} declares these too.` : ''),
        origin: pull.image.origin,
        resource: resourceId(dynakube),
        field: `${pull.source === 'codeModulesImage' ? 'codeModulesImage' : 'publicRegistry'}|${blocked.registry}`,
        ...(fix && !fixedElsewhere ? { fix } : {}),
      };
    });
  },
};
