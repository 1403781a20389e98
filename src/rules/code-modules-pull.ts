import { isPlaceholder } from '../model/placeholders.js';
import { registryOfImage } from '../generate/registries.js';
import { featureFlagOn } from '../model/dynakube.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import { fact, type Fact } from '../model/provenance.js';
import type { ClusterModel, DynaKube } from '../model/types.js';

/** With this flag a Job pulls the code modules image through the kubelet, outside the mesh. */
export const NODE_IMAGE_PULL = 'feature.dynatrace.com/node-image-pull';

/** Dynatrace's public registry, where the public-registry feature flag takes the images from. */
export const DYNATRACE_PUBLIC_REGISTRY = 'public.ecr.aws';

/**
 * The flag that makes the operator take images from the public registry: `use-public-registry` from v1.10
 * (pkg/api/exp/flag.go `UsePublicRegistryKey`), `public-registry` up to v1.8 (`PublicRegistryKey`); v1.9 has
 * neither. Either counts: the repository rarely says which operator reads it.
 */
export const PUBLIC_REGISTRY_FLAGS = [
  'feature.dynatrace.com/use-public-registry',
  'feature.dynatrace.com/public-registry',
];

/** How the CSI driver gets a DynaKube's code modules image onto the node. */
export interface CodeModulesPull {
  /** `codeModulesImage`, or for the public registry the registry the image comes from (`publicRegistryOverride`). */
  image: Fact<string>;
  /** `codeModulesImage`: the DynaKube's own image; `public-registry`: the image the operator found there. */
  source: 'codeModulesImage' | 'public-registry';
  /** `csi-driver`: the driver pulls it itself, from inside the mesh when its pod is; `node`: the kubelet does. */
  by: 'csi-driver' | 'node';
  /** The registry the image comes from; undefined when the reference is a placeholder or cannot be parsed. */
  registry?: { registry: string; port: number };
}

/** The DynaKube takes its images from Dynatrace's public registry (or the override that replaces it). */
export function usesPublicRegistry(dynakube: DynaKube): boolean {
  return (
    !!dynakube.publicRegistryOverride || PUBLIC_REGISTRY_FLAGS.some((flag) => featureFlagOn(dynakube, flag))
  );
}

/**
 * The public registry as an image reference: the override names a registry (optionally with a path and scheme),
 * so it gets an image name to parse.
 */
export function publicRegistryImage(dynakube: DynaKube): Fact<string> {
  const override = dynakube.publicRegistryOverride;
  if (override)
    return fact(`${override.value.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/image`, override.origin);
  return fact(`${DYNATRACE_PUBLIC_REGISTRY}/dynatrace/dynatrace-codemodules`, dynakube.origin, true);
}

/**
 * The registry pull behind a DynaKube's code modules when the CSI driver provides them, or undefined when there is
 * none: no image (the driver downloads from the tenant), or no CSI driver (the image is an init container's, pulled
 * by the kubelet). The CSI provisioner pulls `status.codeModules.imageID` (`getInstaller`,
 * pkg/controllers/csi/provisioner/install.go): `codeModulesImage`, or, with the public registry and no custom image
 * (a custom image wins, `determineSource` in pkg/controllers/dynakube/version/updater.go), the public registry's
 * code modules image the operator learnt from the Dynatrace API. The one decision registry-egress, the egress map
 * and the generated registry entries all make.
 */
export function codeModulesPull(model: ClusterModel, dynakube: DynaKube): CodeModulesPull | undefined {
  const custom = dynakube.codeModulesImage;
  if (!custom && !usesPublicRegistry(dynakube)) return undefined;
  if (!codeModulesViaCsi(model, dynakube).value) return undefined;
  const image = custom ?? publicRegistryImage(dynakube);
  const by = featureFlagOn(dynakube, NODE_IMAGE_PULL) ? 'node' : 'csi-driver';
  const registry = isPlaceholder(image.value) ? undefined : registryOfImage(image.value);
  return {
    image,
    source: custom ? 'codeModulesImage' : 'public-registry',
    by,
    ...(registry ? { registry } : {}),
  };
}
