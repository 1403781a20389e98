import { injectsCodeModules } from './dynakube.js';
import { csiDriverEnabled } from './effective.js';
import { operatorsServing, pinnedOperatorVersions, servedVersions } from './facts-dynakube-versions.js';
import { fact, type Fact } from './provenance.js';
import type { ClusterModel, DynaKube } from './types.js';

/** Storage versions that keep `useCSIDriver`: an operator storing v1beta3 or later drops it on conversion. */
const KEEPS_USE_CSI_DRIVER = ['v1alpha1', 'v1beta1', 'v1beta2'];

/**
 * Whether the pinned operators ignore `useCSIDriver`: from 1.4 they convert every DynaKube to a version without
 * it, and "the CSI driver is now used when installed". No pinned operator: the manifest's own meaning holds.
 */
function operatorDropsUseCsiDriver(model: ClusterModel, dynakube: DynaKube): Fact<string> | undefined {
  const serving = operatorsServing(pinnedOperatorVersions(model), dynakube);
  const dropping = serving.filter((operator) => {
    const storage = servedVersions(operator.line)?.storage;
    return storage !== undefined && !KEEPS_USE_CSI_DRIVER.includes(storage);
  });
  return serving.length > 0 && dropping.length === serving.length ? dropping[0].version : undefined;
}

/**
 * Whether a DynaKube's code modules reach its pods through the CSI driver (the operator's NeedsCSIDriver() for
 * injection): it injects code modules, the operator install enables the CSI driver, and for v1beta1/v1beta2
 * `applicationMonitoring` its `useCSIDriver` is true. Without the CSI driver the pods get an emptyDir that an init
 * container fills: from `codeModulesImage` itself (self-extracting, no network) or by a download from the tenant
 * (reference/dynatrace.md §5.2).
 */
export function codeModulesViaCsi(model: ClusterModel, dynakube: DynaKube): Fact<boolean> {
  const installed = csiDriverEnabled(model);
  if (!injectsCodeModules(dynakube)) return fact(false, dynakube.origin, true);
  if (!installed.value || !dynakube.useCSIDriver) return installed;
  const dropped = operatorDropsUseCsiDriver(model, dynakube);
  return dropped ? fact(installed.value, dropped.origin, true) : dynakube.useCSIDriver;
}
