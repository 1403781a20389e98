import { injectsCodeModules } from './dynakube.js';
import { csiDriverEnabled } from './effective.js';
import { operatorsServing, pinnedOperatorVersions, servedVersions } from './facts-dynakube-versions.js';
import { fact, type Fact } from './provenance.js';
import { atLeast, releaseLine } from './facts-versions.js';
import type { ClusterModel, DynaKube, OperatorInstall } from './types.js';

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
 * Whether an install's `csidriver.migrationMode: true` counts: charts from v1.10 write modules.json
 * `"csiDriver": {{ and .Values.csidriver.enabled (not .Values.csidriver.migrationMode) }}` (templates/_helpers.tpl);
 * older charts have no such value. An unpinned chart is taken for a current one.
 */
function migrating(install: OperatorInstall): boolean {
  if (!install.csiDriverMigrationMode?.value) return false;
  const line = releaseLine(install.version?.value);
  return !line || atLeast(line, 1, 10);
}

/**
 * Whether the CSI driver provides code modules to new pods (the operator's `IsCSIAvailable()`, modules.json
 * `csiDriver`): it is installed, and not in migration mode, where the webhook gives new pods an emptyDir
 * (`isCSIVolume`, pkg/webhook/mutation/pod/mutator/oneagent/mutator.go) and the provisioner only cleans up.
 */
export function csiDriverServes(model: ClusterModel): Fact<boolean> {
  const installed = csiDriverEnabled(model);
  const enabled = model.operatorInstalls.filter((install) => install.csiDriverEnabled.value);
  if (!installed.value || enabled.length === 0 || enabled.some((install) => !migrating(install)))
    return installed;
  return fact(false, enabled[0].csiDriverMigrationMode!.origin);
}

/**
 * Whether a DynaKube's code modules reach its pods through the CSI driver (the operator's NeedsCSIDriver() for
 * injection): it injects code modules, the operator install enables the CSI driver (not in migration mode), and for
 * v1beta1/v1beta2 `applicationMonitoring` its `useCSIDriver` is true. Without the CSI driver the pods get an emptyDir that an init
 * container fills: from `codeModulesImage` itself (self-extracting, no network) or by a download from the tenant
 * (reference/dynatrace.md §5.2).
 */
export function codeModulesViaCsi(model: ClusterModel, dynakube: DynaKube): Fact<boolean> {
  const installed = csiDriverServes(model);
  if (!injectsCodeModules(dynakube)) return fact(false, dynakube.origin, true);
  if (!installed.value || !dynakube.useCSIDriver) return installed;
  const dropped = operatorDropsUseCsiDriver(model, dynakube);
  return dropped ? fact(installed.value, dropped.origin, true) : dynakube.useCSIDriver;
}
