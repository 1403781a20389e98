import picomatch from 'picomatch';
import type { ChartGlobs } from '../config/charts.js';
import type { ParsedDocument } from '../parse/yaml.js';
import { documentLayer, layeredChartValues } from './chart-values.js';
import { isUnreadableGlob } from '../sources/select.js';
import { asRecord, type Json } from './read.js';
import { HELM_CHARTS, type ChartValues, type HelmChart } from './types.js';

/** Keys only the istiod chart has at the top level. */
export const ISTIOD_KEYS = [
  'meshConfig',
  'pilot',
  'sidecarInjectorWebhook',
  'istiodRemote',
  'revisionTags',
  'meshNetworks',
];
/** Keys of the cni chart, flat (1.24+) or under the legacy `cni:` map. */
const CNI_KEYS = [
  'cniBinDir',
  'cniConfDir',
  'cniConfFileName',
  'cniNetnsDir',
  'excludeNamespaces',
  'repair',
  'chained',
  'cniPlugin',
];
const OPERATOR_KEYS = ['csidriver', 'installCRD', 'webhook', 'operator', 'activegate', 'oneagent'];

/** Which chart a plain values file is for, from its top-level keys; undefined when unsure. */
export function recognizeChart(values: Json): HelmChart | undefined {
  const keys = Object.keys(values);
  if (keys.some((key) => ISTIOD_KEYS.includes(key))) return 'istiod';
  const legacyCni = asRecord(values.cni);
  if (keys.some((key) => CNI_KEYS.includes(key))) return 'cni';
  if (
    legacyCni &&
    Object.keys(legacyCni).some((key) => [...CNI_KEYS, 'podAnnotations', 'ambient'].includes(key))
  )
    return 'cni';
  const operatorKeys = keys.filter((key) => OPERATOR_KEYS.includes(key));
  if (asRecord(values.csidriver) || values.installCRD !== undefined || operatorKeys.length >= 2)
    return 'dynatrace-operator';
  return undefined;
}

/**
 * Maps a path to the chart whose globs in the config match it. A glob picomatch cannot read matches nothing: the
 * config file of the tree the CLI or action runs on is refused with its line before, but the base side's is read
 * only here.
 */
export function chartMatcher(globs: ChartGlobs): (path: string) => HelmChart | undefined {
  const matchers = HELM_CHARTS.flatMap((chart) => {
    const patterns = globs[chart]?.filter((glob) => !isUnreadableGlob(glob));
    return patterns && patterns.length > 0 ? [{ chart, matches: picomatch(patterns, { dot: true }) }] : [];
  });
  return (path) => matchers.find((m) => m.matches(path))?.chart;
}

/** Chart values of a plain values file, release unknown unless a reference said so. */
export function valuesFileChartValues(chart: HelmChart, document: ParsedDocument, how: string): ChartValues {
  const via = `values file ${document.file} (${how})`;
  return layeredChartValues(chart, [documentLayer(document, [], via)], {
    via,
    origin: { file: document.file, line: document.line },
    fallback: { document, valuesPath: [] },
  });
}
