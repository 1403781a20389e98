import { valuesOrigin } from './helm.js';
import { fact } from './provenance.js';
import { asBoolean, getIn, stringMap } from './read.js';
import type { ChartValues, OperatorInstall } from './types.js';

/**
 * The Dynatrace Operator chart: its namespace and the CSI driver (enabled unless `csidriver.enabled: false`; serving
 * new pods unless `csidriver.migrationMode: true`).
 */
export function readOperatorValues(values: ChartValues): OperatorInstall {
  const csiEnabled = asBoolean(getIn(values.values, ['csidriver', 'enabled']));
  const migrationMode = asBoolean(getIn(values.values, ['csidriver', 'migrationMode']));
  return {
    namespace: fact(values.releaseNamespace ?? 'dynatrace', values.origin, !values.releaseNamespace),
    csiDriverEnabled:
      csiEnabled === undefined
        ? fact(true, values.origin, true)
        : fact(csiEnabled, valuesOrigin(values, ['csidriver', 'enabled'])),
    ...(migrationMode === true
      ? { csiDriverMigrationMode: fact(true, valuesOrigin(values, ['csidriver', 'migrationMode'])) }
      : {}),
    csiDriverLabels: stringMap(getIn(values.values, ['csidriver', 'labels'])),
    ...(values.chartVersion
      ? { version: fact(values.chartVersion, values.chartVersionOrigin ?? values.origin) }
      : {}),
    via: values.via,
  };
}
