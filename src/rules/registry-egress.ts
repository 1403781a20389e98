import { isPlaceholder } from '../generate/communication-host.js';
import { registryHosts, registryOfImage } from '../generate/registries.js';
import { registryEntries, type CoveredHost } from '../generate/registry-entries.js';
import { csiDriverEnabled, effectiveOutboundPolicy, restrictingSidecarsFor } from '../model/effective.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import type { Origin } from '../model/provenance.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { csiDriverMembership } from './dynatrace-consumers.js';
import { hostMatches } from './hosts.js';
import { newFileEdit, renderManifests } from './new-file.js';
import { exportedToNamespace, viewOfEntry } from './service-entry-views.js';
import { docsUrl, type Fix, type FindingDraft, type Rule } from './types.js';

const id = 'registry-egress';

/** With this flag a Job pulls the code modules image through the kubelet, outside the mesh. */
const NODE_IMAGE_PULL = 'feature.dynatrace.com/node-image-pull';

/**
 * The CSI provisioner pulls with go-containerregistry, which talks to Docker Hub as `index.docker.io`; the guide's
 * entry (index.docker.io, auth.docker.io, production.cloudflare.docker.com) works without `registry-1.docker.io`,
 * which containerd uses. The generated entry still lists it.
 */
const PULLER_SKIPS = ['registry-1.docker.io'];

/** Where egress is closed for the CSI driver's namespace: mesh-wide, or by a Sidecar that applies there. */
function egressRestriction(
  model: ClusterModel,
  namespace: string,
): { origin: Origin; what: string } | undefined {
  const policy = effectiveOutboundPolicy(model);
  if (policy.value === 'REGISTRY_ONLY')
    return { origin: policy.origin, what: 'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY' };
  const sidecar = restrictingSidecarsFor(model, namespace)[0];
  return sidecar?.outboundPolicy
    ? {
        origin: sidecar.outboundPolicy.origin,
        what: `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} sets outboundTrafficPolicy REGISTRY_ONLY`,
      }
    : undefined;
}

/** Hosts and ports ServiceEntries in the repository declare, counting only those exported to `namespace`. */
function coveredIn(model: ClusterModel, namespace: string): CoveredHost[] {
  return model.serviceEntries
    .map(viewOfEntry)
    .filter((view) => exportedToNamespace(model, view, namespace))
    .flatMap((view) => view.hosts.flatMap((host) => view.ports.map((port) => ({ host, port: port.number }))));
}

function isCovered(covered: CoveredHost[], host: string, port: number): boolean {
  return covered.some((entry) => entry.port === port && hostMatches(entry.host, host));
}

/** The hosts (with ports) a pull of `image` contacts that no visible ServiceEntry declares. */
function uncoveredHosts(
  image: string,
  covered: CoveredHost[],
): { registry: string; missing: string[] } | undefined {
  const parsed = registryOfImage(image);
  if (!parsed) return undefined;
  const wanted = registryHosts(parsed.registry, parsed.port);
  // The registry API answers on its own port; blobs come from the redirect hosts over 443.
  const needs = [
    ...wanted.hosts
      .filter((host) => !PULLER_SKIPS.includes(host))
      .map((host) => ({ host, port: host === parsed.registry ? parsed.port : 443 })),
    ...wanted.wildcardHosts.map((host) => ({ host, port: 443 })),
  ];
  const missing = needs.filter((need) => !isCovered(covered, need.host, need.port));
  return { registry: parsed.registry, missing: missing.map((need) => `${need.host}:${need.port}`) };
}

/** The generator's registry ServiceEntries for the code modules image only, in a new file beside the DynaKube. */
function generatedEntriesFix(
  model: ClusterModel,
  dynakube: DynaKube,
  namespace: string,
  covered: CoveredHost[],
): Fix | undefined {
  const codeModulesOnly: DynaKube = {
    ...dynakube,
    oneAgentImage: undefined,
    activeGate: undefined,
    publicRegistryOverride: undefined,
    annotations: {},
  };
  const { objects } = registryEntries([{ dynakube: codeModulesOnly, namespace }], covered);
  if (objects.length === 0) return undefined;
  const first = objects[0].object.metadata.name;
  const edit = newFileEdit(
    model,
    dynakube.origin.file,
    `${first}.yaml`,
    renderManifests(objects.map((o) => o.object)),
  );
  return {
    description:
      `Create ${edit.file} (a new file) with ServiceEntries for the registry and the hosts it redirects blob ` +
      `downloads to, in namespace ${namespace}. Add the file to your kustomization if you use one.`,
    edits: [edit],
  };
}

export const registryEgress: Rule = {
  meta: {
    id,
    severity: 'error',
    description:
      'Under REGISTRY_ONLY, a CSI driver in the mesh needs ServiceEntries for the registry of codeModulesImage.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    if (!csiDriverEnabled(head).value) return [];
    const csi = csiDriverMembership(head);
    // Ambient traffic goes through ztunnel, which does not enforce REGISTRY_ONLY.
    if (csi?.mode !== 'sidecar') return [];
    const restriction = egressRestriction(head, csi.namespace);
    if (!restriction) return [];
    const covered = coveredIn(head, csi.namespace);
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      const image = dynakube.codeModulesImage;
      if (!image || isPlaceholder(image.value)) continue;
      // Without the CSI driver the image is an init container's, pulled by the kubelet outside the mesh.
      if (!codeModulesViaCsi(head, dynakube).value) continue;
      if (dynakube.annotations[NODE_IMAGE_PULL]?.toLowerCase() === 'true') continue;
      const uncovered = uncoveredHosts(image.value, covered);
      if (!uncovered || uncovered.missing.length === 0) continue;
      const fix = generatedEntriesFix(head, dynakube, csi.namespace, covered);
      findings.push({
        message:
          `The CSI driver pulls codeModulesImage ${image.value} of DynaKube ${dynakube.name} itself, from inside ` +
          `the mesh (${csi.reason}), and ${restriction.what} (${restriction.origin.file}:${restriction.origin.line}). ` +
          `No ServiceEntry visible in namespace ${csi.namespace} covers ${uncovered.missing.join(', ')}: ` +
          'the image pull fails and no code modules reach the node.',
        origin: image.origin,
        resource: resourceId(dynakube),
        field: `codeModulesImage|${uncovered.registry}`,
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
