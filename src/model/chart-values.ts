import type { ParsedDocument } from '../parse/yaml.js';
import { placeholderIn } from './placeholders.js';
import type { Origin } from './provenance.js';
import { fileAt } from './resource.js';
import { asRecord, getIn, type Json } from './read.js';
import type { ChartValues, HelmChart, ValuesLayer } from './types.js';

type Path = (string | number)[];

/** A layer that is a mapping at `valuesPath` in a document (a values file, inline values, a nested values string). */
export function documentLayer(document: ParsedDocument, valuesPath: Path, via: string): ValuesLayer {
  return { via, values: asRecord(getIn(document.value, valuesPath)) ?? {}, document, valuesPath };
}

/** Merges Helm style: maps deep, lists and scalars replaced, `null` deletes the key (as `helm` does). */
export function helmMerge(base: Json, override: Json): Json {
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) {
      delete result[key];
      continue;
    }
    const left = asRecord(result[key]);
    const right = asRecord(value);
    result[key] = left && right ? helmMerge(left, right) : value;
  }
  return result;
}

export function mergeLayers(layers: readonly ValuesLayer[]): Json {
  return layers.reduce<Json>((merged, layer) => helmMerge(merged, layer.values), {});
}

/** Where `path` is written in one layer, or undefined when the layer does not set it. */
export function layerOrigin(layer: ValuesLayer, path: Path): Origin | undefined {
  if (getIn(layer.values, path) === undefined) return undefined;
  if (layer.locate) return layer.locate(path);
  if (!layer.document || !layer.valuesPath) return undefined;
  const full = [...layer.valuesPath, ...path];
  const range = layer.document.rangeAt(full);
  return range
    ? {
        file: fileAt(layer.document, full),
        line: range.startLine,
        endLine: range.endLine,
        path: full.join('.'),
      }
    : undefined;
}

interface ReleaseInfo {
  via: string;
  origin: Origin;
  releaseNamespace?: string;
  chartVersion?: string;
  /** Where the chart version is written, when not at `origin` (a local chart's Chart.yaml). */
  chartVersionOrigin?: Origin;
  releaseName?: string;
  /** Where values would be added when no layer is a document mapping (e.g. an Application without values). */
  fallback: { document: ParsedDocument; valuesPath: Path };
}

/**
 * Chart values from several layers. `document`/`valuesPath` name the layer a person edits to change a value:
 * the highest-precedence layer that is a mapping in a document.
 */
export function layeredChartValues(
  chart: HelmChart,
  layers: ValuesLayer[],
  release: ReleaseInfo,
): ChartValues {
  const editable = [...layers]
    .reverse()
    .find((layer) => !layer.preset && !layer.chartDefaults && layer.document && layer.valuesPath);
  return {
    chart,
    values: mergeLayers(layers),
    document: editable?.document ?? release.fallback.document,
    valuesPath: editable?.valuesPath ?? release.fallback.valuesPath,
    origin: release.origin,
    via: release.via,
    layers,
    ...(release.releaseNamespace ? { releaseNamespace: release.releaseNamespace } : {}),
    ...(knownVersion(release.chartVersion)
      ? {
          chartVersion: release.chartVersion,
          ...(release.chartVersionOrigin ? { chartVersionOrigin: release.chartVersionOrigin } : {}),
        }
      : {}),
    ...(release.releaseName ? { releaseName: release.releaseName } : {}),
  };
}

/**
 * A chart version that says which release it is: not empty and not a placeholder (`${version}` a substitution
 * left unresolved, `${ARGOCD_ENV_*}`), which is noted as not evaluable where it is written and read as unpinned.
 */
function knownVersion(version: string | undefined): version is string {
  return !!version && !placeholderIn(version);
}

/** Splits a Helm `--set` key (`pilot.env.A`, `a\.b.c`, `list[0].x`) into a path. */
export function parseSetKey(key: string): Path {
  const path: Path = [];
  let current = '';
  for (let i = 0; i < key.length; i++) {
    const char = key[i];
    if (char === '\\' && i + 1 < key.length) {
      current += key[++i];
    } else if (char === '.') {
      if (current !== '') path.push(current);
      current = '';
    } else if (char === '[') {
      const end = key.indexOf(']', i);
      if (current !== '') path.push(current);
      current = '';
      path.push(Number(key.slice(i + 1, end < 0 ? undefined : end)));
      i = end < 0 ? key.length : end;
    } else {
      current += char;
    }
  }
  if (current !== '') path.push(current);
  return path;
}

/**
 * Helm `--set` typing (helm pkg/strvals/parser.go typedVal): `true`, `false` and `null` in any case and integers
 * become typed, the rest stays a string (`--set-string` keeps all). `{a,b}` is a list of such values with either.
 */
export function setValue(raw: string, forceString: boolean): unknown {
  const list = /^\{(.*)\}$/s.exec(raw);
  if (list) return list[1].split(',').map((item) => setScalar(item, forceString));
  return setScalar(raw, forceString);
}

function setScalar(raw: string, forceString: boolean): unknown {
  if (forceString) return raw;
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^[-+]?(0|[1-9]\d{0,15})$/.test(raw)) return Number(raw);
  return raw;
}

/** Builds the nested object for one `--set` assignment. */
export function setAt(target: Json, path: Path, value: unknown): void {
  let current: Json | unknown[] = target;
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const nextIsIndex = typeof path[index + 1] === 'number';
    const container = current as Record<string | number, unknown>;
    if (last) {
      container[segment] = value;
      return;
    }
    if (
      container[segment] === undefined ||
      typeof container[segment] !== 'object' ||
      container[segment] === null
    )
      container[segment] = nextIsIndex ? [] : {};
    current = container[segment] as Json | unknown[];
  });
}
