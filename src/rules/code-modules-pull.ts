import { isPlaceholder } from '../generate/communication-host.js';
import { registryOfImage } from '../generate/registries.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import type { Fact } from '../model/provenance.js';
import type { ClusterModel, DynaKube } from '../model/types.js';

/** With this flag a Job pulls the code modules image through the kubelet, outside the mesh. */
export const NODE_IMAGE_PULL = 'feature.dynatrace.com/node-image-pull';

/** How the CSI driver gets a DynaKube's `codeModulesImage` onto the node. */
export interface CodeModulesPull {
  image: Fact<string>;
  /** `csi-driver`: the driver pulls it itself, from inside the mesh when its pod is; `node`: the kubelet does. */
  by: 'csi-driver' | 'node';
  /** The registry the image comes from; undefined when the reference is a placeholder or cannot be parsed. */
  registry?: { registry: string; port: number };
}

/**
 * The registry pull behind a DynaKube's code modules when the CSI driver provides them, or undefined when there is
 * none: no `codeModulesImage` (the driver downloads from the tenant), or no CSI driver (the image is an init
 * container's, pulled by the kubelet). The one decision registry-egress and the egress map both make.
 */
export function codeModulesPull(model: ClusterModel, dynakube: DynaKube): CodeModulesPull | undefined {
  const image = dynakube.codeModulesImage;
  if (!image || !codeModulesViaCsi(model, dynakube).value) return undefined;
  const by = dynakube.annotations[NODE_IMAGE_PULL]?.toLowerCase() === 'true' ? 'node' : 'csi-driver';
  const registry = isPlaceholder(image.value) ? undefined : registryOfImage(image.value);
  return { image, by, ...(registry ? { registry } : {}) };
}
