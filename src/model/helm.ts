import type { ParsedDocument } from '../parse/yaml.js';
import { asRecord, asString, getIn } from './read.js';
import { originAt } from './resource.js';
import type { ChartValues, HelmChart, ResourceBase } from './types.js';

const CHART_ALIASES: Record<string, HelmChart> = {
  istiod: 'istiod',
  'istio-discovery': 'istiod',
  'istio-control': 'istiod',
  cni: 'cni',
  'istio-cni': 'cni',
  base: 'base',
  'istio-base': 'base',
  ztunnel: 'ztunnel',
  gateway: 'gateway',
  'istio-ingress': 'gateway',
  'istio-ingressgateway': 'gateway',
  'istio-egressgateway': 'gateway',
  'dynatrace-operator': 'dynatrace-operator',
};

/** Maps a chart reference (`istio/cni`, `oci://…/istiod`, `dynatrace-operator`) to the chart it is. */
export function chartOf(reference: string | undefined): HelmChart | undefined {
  if (!reference) return undefined;
  const name = reference.replace(/\/+$/, '').split('/').pop() ?? '';
  return CHART_ALIASES[name.toLowerCase()];
}

export function isHelmRelease(resource: ResourceBase): boolean {
  return resource.kind === 'HelmRelease' && resource.apiVersion.startsWith('helm.toolkit.fluxcd.io/');
}

/** Values of a Flux HelmRelease whose chart is one we read. */
export function readHelmRelease(resource: ResourceBase): ChartValues | undefined {
  const value = resource.document.value;
  const chart = chartOf(asString(getIn(value, ['spec', 'chart', 'spec', 'chart'])));
  if (!chart) return undefined;
  const releaseNamespace = asString(getIn(value, ['spec', 'targetNamespace'])) ?? resource.namespace;
  const chartVersion = asString(getIn(value, ['spec', 'chart', 'spec', 'version']));
  return chartValues(chart, resource.document, ['spec', 'values'], {
    releaseNamespace,
    chartVersion,
    via: `HelmRelease ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`,
    origin: originAt(resource, ['spec', 'chart', 'spec', 'chart']),
  });
}

export function chartValues(
  chart: HelmChart,
  document: ParsedDocument,
  valuesPath: (string | number)[],
  extra: { releaseNamespace?: string; chartVersion?: string; via: string; origin: ChartValues['origin'] },
): ChartValues {
  return {
    chart,
    values: asRecord(getIn(document.value, valuesPath)) ?? {},
    document,
    valuesPath,
    origin: extra.origin,
    via: extra.via,
    ...(extra.releaseNamespace ? { releaseNamespace: extra.releaseNamespace } : {}),
    ...(extra.chartVersion ? { chartVersion: extra.chartVersion } : {}),
  };
}

/** Origin of a value inside a chart's values, in the file that holds them. */
export function valuesOrigin(values: ChartValues, path: (string | number)[]) {
  const full = [...values.valuesPath, ...path];
  const range = values.document.rangeAt(full);
  return range
    ? { file: values.document.file, line: range.startLine, endLine: range.endLine, path: full.join('.') }
    : { ...values.origin, path: full.join('.') };
}
