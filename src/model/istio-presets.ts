import { documentLayer, mergeLayers } from './chart-values.js';
import { valuesOrigin } from './helm.js';
import { asRecord, asString, getIn, type Json } from './read.js';
import { isIstioChart, type ChartValues, type ValuesLayer } from './types.js';

/**
 * The parts of Istio's Helm presets (`manifests/helm-profiles/*.yaml`) that decide something this tool checks.
 * The charts apply them as chart defaults < profile < compatibilityVersion < platform < user values.
 */
const PROFILES: Record<string, Json> = {
  ambient: {
    meshConfig: { defaultConfig: { proxyMetadata: { ISTIO_META_ENABLE_HBONE: 'true' } } },
    global: { variant: 'distroless' },
    pilot: { env: { PILOT_ENABLE_AMBIENT: 'true' } },
    cni: { ambient: { enabled: true } },
  },
};

/** Compatibility profiles up to 1.26 switch native sidecars off (1.27 made them the default). */
function compatibilityPreset(version: string): Json | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  if (!match) return undefined;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major !== 1 || minor > 26) return undefined;
  return { pilot: { env: { ENABLE_NATIVE_SIDECARS: 'false' } } };
}

export type PresetKey = 'profile' | 'compatibilityVersion' | 'platform';
/** The preset settings the charts also accept under `global.`. */
const ALSO_UNDER_GLOBAL: readonly PresetKey[] = ['profile', 'platform'];

/** OpenShift runs the CNI agent as a Multus plugin with its own directories. */
const PLATFORMS: Record<string, Json> = {
  openshift: {
    cniBinDir: '/var/lib/cni/bin',
    cniConfDir: '/etc/cni/multus/net.d',
    chained: false,
    provider: 'multus',
    pilot: { cni: { provider: 'multus' } },
  },
};

/**
 * A setting that selects a preset. The charts' `zzz_profile.yaml` coalesces `profile` and `platform` with
 * `global.profile` / `global.platform`, but reads `compatibilityVersion` only at the top level.
 */
export function presetSetting(values: Json, key: PresetKey): { value: string; path: string[] } | undefined {
  const top = asString(values[key]);
  if (top) return { value: top, path: [key] };
  if (!ALSO_UNDER_GLOBAL.includes(key)) return undefined;
  const global = asString(asRecord(values.global)?.[key]);
  return global ? { value: global, path: ['global', key] } : undefined;
}

/** Chart values with the presets their `profile`, `compatibilityVersion` and `platform` select, under the user's. */
export function withIstioPresets(values: ChartValues): ChartValues {
  if (!isIstioChart(values.chart)) return values;
  const presets: ValuesLayer[] = [];
  const add = (key: PresetKey, preset: Json | undefined) => {
    const chosen = presetSetting(values.values, key);
    if (!chosen || !preset) return;
    const origin = valuesOrigin(values, chosen.path);
    presets.push({
      via: `${key} ${chosen.value} preset`,
      values: preset,
      preset: true,
      locate: (path) =>
        getIn(preset, path) === undefined
          ? undefined
          : { ...origin, path: `${chosen.path.join('.')}=${chosen.value}: ${path.join('.')}` },
    });
  };
  const profile = presetSetting(values.values, 'profile')?.value;
  add('profile', profile ? PROFILES[profile] : undefined);
  const compatibility = presetSetting(values.values, 'compatibilityVersion')?.value;
  add('compatibilityVersion', compatibility ? compatibilityPreset(compatibility) : undefined);
  const platform = presetSetting(values.values, 'platform')?.value;
  add('platform', platform ? PLATFORMS[platform] : undefined);
  if (presets.length === 0) return values;
  const userLayers = values.layers ?? [documentLayer(values.document, values.valuesPath, values.via)];
  // The chart's own defaults (a subchart's values.yaml in the repository) stay under the presets.
  const defaults = userLayers.filter((layer) => layer.chartDefaults);
  const layers = [...defaults, ...presets, ...userLayers.filter((layer) => !layer.chartDefaults)];
  return { ...values, layers, values: mergeLayers(layers) };
}
