import type { ParsedDocument } from '../parse/yaml.js';
import {
  documentLayer,
  layeredChartValues,
  layerOrigin,
  parseSetKey,
  setAt,
  setValue,
} from './chart-values.js';
import type { NotEvaluable, Origin } from './provenance.js';
import { asArray, asBoolean, asRecord, asString, deepMerge, getIn, type Json } from './read.js';
import { findResource, firstDocument, type Repository } from './repo.js';
import { originAt } from './resource.js';
import {
  ISTIO_CHARTS,
  type ChartValues,
  type HelmChart,
  type ResourceBase,
  type ValuesLayer,
} from './types.js';
import { ISTIOD_KEYS } from './values-files.js';

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

/** What a reader that follows references needs: the repository and a place to say what it could not read. */
export interface ReadContext {
  repo: Repository;
  notEvaluable: NotEvaluable[];
  /**
   * Values files a reference names though their values are not read here (a file per cluster of an ApplicationSet):
   * they are no install of their own either.
   */
  unreadValuesFiles?: Set<string>;
}

/**
 * Values of a Flux HelmRelease whose chart is one we read. With a context it follows `chartRef` to the
 * OCIRepository / HelmChart and `valuesFrom` to ConfigMaps of the repository (merged in order, `spec.values` after
 * them, a `targetPath` value over `spec.values`: see {@link fluxLayerOrder}).
 */
export function readHelmRelease(resource: ResourceBase, context?: ReadContext): ChartValues | undefined {
  const value = resource.document.value;
  const source = chartSourceOf(resource, context?.repo);
  if (!source.chart) {
    if (context) noteUnreadIstiodValues(resource, source, context.notEvaluable);
    return undefined;
  }
  const releaseNamespace = asString(getIn(value, ['spec', 'targetNamespace'])) ?? resource.namespace;
  const via = `HelmRelease ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  const release = {
    releaseNamespace,
    chartVersion: source.version,
    releaseName: asString(getIn(value, ['spec', 'releaseName'])) ?? resource.name,
    via,
    origin: source.origin,
  };
  if (!context)
    return {
      ...chartValues(source.chart, resource.document, ['spec', 'values'], release),
      releaseName: release.releaseName,
    };
  const layers = fluxLayerOrder(
    valuesFromReferences(resource, context),
    documentLayer(resource.document, ['spec', 'values'], `${via} spec.values`),
  );
  return layeredChartValues(source.chart, layers, {
    ...release,
    fallback: { document: resource.document, valuesPath: ['spec', 'values'] },
  });
}

interface ChartSource {
  chart?: HelmChart;
  /** The chart as the HelmRelease names it, when that is `spec.chart.spec.chart`. */
  written?: string;
  version?: string;
  origin: Origin;
}

/**
 * A release of a chart the tool does not read whose values carry istiod's top-level keys: a vendor's Istio umbrella
 * chart (Tetrate's `tetrate-istio`, aws-samples/eks-anywhere-addons). Its subcharts are not in the repository, so
 * the values are not guessed at; they are said to be unread.
 */
function noteUnreadIstiodValues(
  resource: ResourceBase,
  source: ChartSource,
  notEvaluable: NotEvaluable[],
): void {
  if (!source.written) return;
  const values = asRecord(getIn(resource.document.value, ['spec', 'values'])) ?? {};
  const keys = Object.keys(values).filter((key) => ISTIOD_KEYS.includes(key));
  if (keys.length === 0) return;
  notEvaluable.push({
    file: source.origin.file,
    line: source.origin.line,
    reason: `HelmRelease ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name} installs chart ${source.written}, not one of the Istio charts the tool reads (${ISTIO_CHARTS.join(', ')}): its istiod values (${keys.join(', ')}) are not evaluated`,
  });
}

/** `spec.chart.spec.chart`, or `spec.chartRef` to an OCIRepository (chart = last segment of its URL) or HelmChart. */
function chartSourceOf(resource: ResourceBase, repo: Repository | undefined): ChartSource {
  const value = resource.document.value;
  const inline = asString(getIn(value, ['spec', 'chart', 'spec', 'chart']));
  if (inline) {
    return {
      chart: chartOf(inline),
      written: inline,
      version: asString(getIn(value, ['spec', 'chart', 'spec', 'version'])),
      origin: originAt(resource, ['spec', 'chart', 'spec', 'chart']),
    };
  }
  const ref = asRecord(getIn(value, ['spec', 'chartRef']));
  const refName = asString(ref?.name);
  if (!ref || !refName) return { origin: resource.origin };
  const refNamespace = asString(ref.namespace) ?? resource.namespace;
  const target = repo
    ? findResource(repo, asString(ref.kind) ?? 'OCIRepository', refName, refNamespace)
    : undefined;
  if (target?.kind === 'OCIRepository') {
    const url = asString(getIn(target.document.value, ['spec', 'url']));
    // `ref.semver` takes precedence over `ref.tag` (source-controller's OCIRepository API).
    const version =
      asString(getIn(target.document.value, ['spec', 'ref', 'semver'])) ??
      asString(getIn(target.document.value, ['spec', 'ref', 'tag']));
    return { chart: chartOf(url) ?? chartOf(refName), version, origin: originAt(target, ['spec', 'url']) };
  }
  if (target?.kind === 'HelmChart') {
    const chart = asString(getIn(target.document.value, ['spec', 'chart']));
    const version = asString(getIn(target.document.value, ['spec', 'version']));
    return { chart: chartOf(chart), version, origin: originAt(target, ['spec', 'chart']) };
  }
  // The source is not in the repository: its name usually is the chart's (`name: istiod`).
  return { chart: chartOf(refName), origin: originAt(resource, ['spec', 'chartRef', 'name']) };
}

/** One `valuesFrom` reference read from the repository: merged at the root, or one value set at `targetPath`. */
interface ValuesReference {
  layer: ValuesLayer;
  target?: { path: (string | number)[]; value: unknown };
}

/** `spec.valuesFrom` entries that are in the repository; the others are reported as not evaluable. */
function valuesFromReferences(resource: ResourceBase, context: ReadContext): ValuesReference[] {
  const references: ValuesReference[] = [];
  asArray(getIn(resource.document.value, ['spec', 'valuesFrom'])).forEach((raw, index) => {
    const entry = asRecord(raw);
    const kind = asString(entry?.kind) ?? 'ConfigMap';
    const name = asString(entry?.name) ?? '';
    const key = asString(entry?.valuesKey) ?? 'values.yaml';
    const targetPath = asString(entry?.targetPath);
    const literal = asBoolean(entry?.literal) ?? false;
    const line = resource.document.lineAt(['spec', 'valuesFrom', index]) ?? resource.origin.line;
    const skip = (reason: string) => context.notEvaluable.push({ file: resource.origin.file, line, reason });
    if (kind !== 'ConfigMap')
      return skip(`valuesFrom ${kind} ${name} is not read: values in Secrets are not evaluated`);
    const reference = configMapReference(context.repo, name, resource.namespace, key, targetPath, literal);
    if (typeof reference === 'string') return skip(`valuesFrom ConfigMap ${name}: ${reference}`);
    references.push(reference);
  });
  return references;
}

/** The values a ConfigMap (in the repository, or made by a configMapGenerator) holds under `key`. */
function configMapReference(
  repo: Repository,
  name: string,
  namespace: string | undefined,
  key: string,
  targetPath: string | undefined,
  literal: boolean,
): ValuesReference | string {
  const via = `ConfigMap ${name} ${key}`;
  const configMap = findResource(repo, 'ConfigMap', name, namespace);
  if (configMap) {
    const text = asString(getIn(configMap.document.value, ['data', key]));
    if (text === undefined) return `key ${key} is not in the ConfigMap (${configMap.origin.file})`;
    if (targetPath)
      return targetPathReference(targetPath, targetPathValue(text, literal), via, () =>
        originAt(configMap, ['data', key]),
      );
    const nested = configMap.document.nestedAt(['data', key]);
    const document = nested?.documents[0];
    if (!document) return `key ${key} does not hold YAML values (${configMap.origin.file})`;
    return { layer: documentLayer(document, [], via) };
  }
  const generated = repo.generatedConfigMaps.find((g) => g.name === name);
  const file = generated?.files.get(key);
  if (generated && file) {
    const document = firstDocument(repo, file);
    if (!document) return `generated from ${file}, which is not a YAML file of the repository`;
    if (targetPath) return `targetPath with a generated ConfigMap is not evaluated`;
    return { layer: documentLayer(document, [], `${via} (from ${file})`) };
  }
  return 'not in the repository';
}

/**
 * The value Flux sets at a targetPath (fluxcd/pkg chartutil/values.go ReplacePathValue): typed as Helm's `--set`
 * types it (`false` a boolean), a string when quoted (the quotes trimmed) or with `literal: true` (verbatim).
 * `--set` lists (`{a,b}`) and commas are not parsed: the keys the rules read hold single values.
 */
function targetPathValue(text: string, literal: boolean): unknown {
  if (literal) return text;
  const quoted = ["'", '"'].some((quote) => text.startsWith(quote) && text.endsWith(quote));
  return quoted ? text.replace(/^['"]+|['"]+$/g, '') : setValue(text, false);
}

function targetPathReference(
  targetPath: string,
  value: unknown,
  via: string,
  locate: () => Origin,
): ValuesReference {
  const values: Record<string, unknown> = {};
  const path = parseSetKey(targetPath);
  setAt(values, path, value);
  return {
    layer: { via, values, locate: () => ({ ...locate(), path: path.join('.') }) },
    target: { path, value },
  };
}

/**
 * The layers in an order whose merge is helm-controller's (fluxcd/pkg chartutil/values.go
 * ChartValuesFromReferences): references in order, then `spec.values`, then each targetPath value that Flux ends
 * with. Flux sets a targetPath value into the values merged so far with `spec.values`, and merges `spec.values`
 * again at the end: the value survives where the map it went into is `spec.values`' own (Go shares it), not where
 * an earlier reference made that map a merged copy. Computing Flux's result decides which targetPaths win.
 */
function fluxLayerOrder(references: ValuesReference[], inline: ValuesLayer): ValuesLayer[] {
  const result = fluxValues(references, inline.values);
  const wins = (reference: ValuesReference) =>
    reference.target !== undefined &&
    JSON.stringify(getIn(result, reference.target.path)) === JSON.stringify(reference.target.value);
  return [
    ...references.filter((reference) => !wins(reference)).map((reference) => reference.layer),
    inline,
    ...references.filter(wins).map((reference) => reference.layer),
  ];
}

/**
 * ChartValuesFromReferences on copies (the set writes into the maps it reaches, as strvals does in Go). `deepMerge` is
 * fluxcd/pkg chartutil/merge.go MergeMaps: a new map where both sides hold maps, else the later side's value itself
 * (shared, not copied, as Go shares it).
 */
function fluxValues(references: ValuesReference[], inline: Json): Json {
  const values = structuredClone(inline);
  let result: Json = {};
  for (const reference of references) {
    if (reference.target) {
      result = deepMerge(result, values);
      setAt(result, reference.target.path, structuredClone(reference.target.value));
    } else result = deepMerge(result, structuredClone(reference.layer.values));
  }
  return deepMerge(result, values);
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

/**
 * Origin of a value inside a chart's values, in the file that holds them: with layers, the highest-precedence
 * layer that sets it.
 */
export function valuesOrigin(values: ChartValues, path: (string | number)[]) {
  for (const layer of [...(values.layers ?? [])].reverse()) {
    const origin = layerOrigin(layer, path);
    if (origin) return origin;
  }
  const full = [...values.valuesPath, ...path];
  const range = values.document.rangeAt(full);
  return range
    ? { file: values.document.file, line: range.startLine, endLine: range.endLine, path: full.join('.') }
    : { ...values.origin, path: full.join('.') };
}
