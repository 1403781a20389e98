import { HELM_CHARTS, type HelmChart } from '../model/types.js';

/**
 * The `charts` part of `.github/dynakube-istio-guard.yml`: which plain values files belong to which chart.
 *
 * ```yaml
 * charts:
 *   istiod: ['clusters/*\/istio/istiod-values.yaml']
 *   cni: ['clusters/*\/istio/cni-values.yaml']
 *   dynatrace-operator: ['clusters/*\/dynatrace/values.yaml']
 * ```
 * The config file's other keys are for other parts of the tool; `loadConfig` refuses unknown chart names.
 */
export type ChartGlobs = Partial<Record<HelmChart, string[]>>;

export const CONFIG_FILE_PATHS = ['.github/dynakube-istio-guard.yml', '.github/dynakube-istio-guard.yaml'];

export function chartGlobsFromConfig(config: unknown): ChartGlobs {
  const charts = isRecord(config) ? config.charts : undefined;
  const result: ChartGlobs = {};
  if (!isRecord(charts)) return result;
  for (const chart of HELM_CHARTS) {
    const raw = charts[chart];
    const globs = (Array.isArray(raw) ? raw : [raw]).filter(
      (g): g is string => typeof g === 'string' && g !== '',
    );
    if (globs.length > 0) result[chart] = globs;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
