import path from 'node:path';
import type { ParsedDocument } from '../parse/yaml.js';
import { documentLayer, layeredChartValues, layerOrigin, mergeLayers } from './chart-values.js';
import { chartOf } from './helm.js';
import type { NotEvaluable, Origin } from './provenance.js';
import { asArray, asRecord, asString, getIn, type Json } from './read.js';
import type { Repository } from './repo.js';
import {
  chartDefaultsLayers,
  chartFolder,
  fileRepositoryDir,
  installedChartVersion,
  plainDocumentsByDir,
  unpackedSubcharts,
  type LocalSubchart,
} from './subcharts.js';
import type { ChartValues, HelmChart, ValuesLayer } from './types.js';

/**
 * Umbrella Helm charts: a `Chart.yaml` (or, for apiVersion v1, a `requirements.yaml`) whose `dependencies` include
 * a chart the tool reads. Helm hands each dependency the parent's values under `<alias or name>`, plus the parent's
 * `global` map, so the chart's `values.yaml` is not one chart's values but several, each nested under its key.
 */

/** One dependency of an umbrella chart that is a chart the tool reads. */
interface Dependency {
  chart: HelmChart;
  /** Where the dependency's values sit in the parent's values: `alias`, else `name`. */
  key: string;
  version?: string;
  /** `condition:` paths into the parent's values, first boolean wins (Helm). */
  conditions: string[];
  tags: string[];
  origin: Origin;
  /** values.yaml of the subchart when it is in the repository (unpacked in `charts/`, or a `file://` folder). */
  defaults?: ParsedDocument;
}

export interface UmbrellaChart {
  /** The chart folder ('' for the repository root). */
  dir: string;
  /** The file that lists the dependencies (`Chart.yaml` or `requirements.yaml`). */
  file: string;
  dependencies: Dependency[];
  /** `values.yaml` of the chart, when the repository has it. */
  values?: ParsedDocument;
  /** `values-*.yaml` next to it: files passed with `-f` on top of `values.yaml`. */
  overlays: ParsedDocument[];
  /** What could not be read about its dependencies (a `file://` chart that is not in the repository). */
  notes: NotEvaluable[];
}

const REQUIREMENTS_FILE = /^requirements\.ya?ml$/;
const OVERLAY_FILE = /^values-[^/]+\.ya?ml$/;

const chartsByRepository = new WeakMap<Repository, UmbrellaChart[]>();

/**
 * Umbrella charts of the repository that depend on at least one chart the tool reads, found once per repository:
 * every Argo CD Application with a `path` asks for them.
 */
export function umbrellaChartsOf(repo: Repository): UmbrellaChart[] {
  let charts = chartsByRepository.get(repo);
  if (!charts) chartsByRepository.set(repo, (charts = umbrellaCharts(repo)));
  return charts;
}

function umbrellaCharts(repo: Repository): UmbrellaChart[] {
  const byDir = plainDocumentsByDir(repo);
  const charts: UmbrellaChart[] = [];
  for (const [dir, documents] of byDir) {
    const chart = chartFolder(byDir, dir);
    if (!chart) continue;
    const { chartFile } = chart;
    const listing = dependencyListing(chartFile, documents);
    const unpacked = unpackedSubcharts(byDir, dir);
    const notes: NotEvaluable[] = [];
    const listed = listing ? readDependencies(listing, dir, byDir, unpacked, notes) : [];
    // Helm also installs a chart unpacked in charts/ that `dependencies` does not list, under its name.
    const listedNames = new Set(listing ? dependencyNames(listing) : []);
    const unlisted = unpacked.flatMap((subchart) =>
      listedNames.has(subchart.name) ? [] : unlistedDependency(subchart),
    );
    const dependencies = [...listed, ...unlisted];
    if (dependencies.length === 0) continue;
    charts.push({
      dir,
      file: listed.length > 0 ? listing!.file : chartFile.file,
      dependencies,
      values: chart.values,
      overlays: documents.filter((document) => OVERLAY_FILE.test(baseName(document.file))),
      notes,
    });
  }
  return charts;
}

/** `dependencies` of Chart.yaml (apiVersion v2), else of `requirements.yaml` next to it (apiVersion v1). */
function dependencyListing(
  chartFile: ParsedDocument,
  documents: ParsedDocument[],
): ParsedDocument | undefined {
  if (Array.isArray(asRecord(chartFile.value)?.dependencies)) return chartFile;
  return documents.find(
    (document) =>
      REQUIREMENTS_FILE.test(baseName(document.file)) &&
      Array.isArray(asRecord(document.value)?.dependencies),
  );
}

function dependencyNames(listing: ParsedDocument): string[] {
  return asArray(asRecord(listing.value)?.dependencies).flatMap((raw) => {
    const name = asString(asRecord(raw)?.name);
    return name ? [name] : [];
  });
}

function readDependencies(
  listing: ParsedDocument,
  chartDir: string,
  byDir: Map<string, ParsedDocument[]>,
  unpacked: LocalSubchart[],
  notes: NotEvaluable[],
): Dependency[] {
  return asArray(asRecord(listing.value)?.dependencies).flatMap((raw, index) => {
    const entry = asRecord(raw);
    const name = asString(entry?.name);
    const chart = chartOf(name);
    if (!entry || !name || !chart) return [];
    const range = listing.rangeAt(['dependencies', index]);
    const origin = {
      file: listing.file,
      line: range?.startLine ?? listing.line,
      ...(range ? { endLine: range.endLine } : {}),
      path: `dependencies.${index}`,
    };
    const local = localChart(name, asString(entry.repository), chartDir, byDir, unpacked);
    if (typeof local === 'string') notes.push({ file: listing.file, line: origin.line, reason: local });
    const subchart = typeof local === 'string' ? undefined : local;
    // The version of a chart in the repository is the one installed; the listing's may be a range.
    const version = (subchart && installedChartVersion(subchart, chart)) ?? asString(entry.version);
    return [
      {
        chart,
        key: asString(entry.alias) ?? name,
        ...(version ? { version } : {}),
        conditions: (asString(entry.condition) ?? '')
          .split(',')
          .map((condition) => condition.trim())
          .filter((condition) => condition !== ''),
        tags: asArray(entry.tags)
          .map(asString)
          .filter((tag): tag is string => !!tag),
        origin,
        ...(subchart?.values ? { defaults: subchart.values } : {}),
      },
    ];
  });
}

/**
 * The dependency's chart when it is in the repository: unpacked in `charts/` (matched by its Chart.yaml name, as
 * Helm does), else the folder of a `file://` repository. A `file://` folder that is not in the repository is a
 * reason: the chart may change the defaults the rules assume.
 */
function localChart(
  name: string,
  repository: string | undefined,
  chartDir: string,
  byDir: Map<string, ParsedDocument[]>,
  unpacked: LocalSubchart[],
): LocalSubchart | string | undefined {
  const found = unpacked.find((subchart) => subchart.name === name);
  if (found) return found;
  const dir = fileRepositoryDir(chartDir, repository);
  if (dir === undefined) return undefined;
  return (
    chartFolder(byDir, dir) ??
    `dependency ${name}: its chart ${repository} is not in the repository, so the defaults in its values.yaml were not read`
  );
}

/** A chart the tool reads, unpacked in `charts/` without being listed: installed under its name, always. */
function unlistedDependency(subchart: LocalSubchart): Dependency[] {
  const chart = chartOf(subchart.name);
  if (!chart) return [];
  const version = installedChartVersion(subchart, chart);
  return [
    {
      chart,
      key: subchart.name,
      ...(version ? { version } : {}),
      conditions: [],
      tags: [],
      origin: { file: subchart.chartFile.file, line: subchart.chartFile.line },
      ...(subchart.values ? { defaults: subchart.values } : {}),
    },
  ];
}

/**
 * Whether Helm installs the dependency with these parent values: its first `condition` path that holds a boolean
 * decides; without one, its tags do (any tag true enables, only false tags disable); else it is installed.
 */
export function dependencyEnabled(dependency: Dependency, parentValues: Json): boolean {
  for (const condition of dependency.conditions) {
    const value = getIn(parentValues, condition.split('.'));
    if (typeof value === 'boolean') return value;
  }
  const tags = dependency.tags.map((tag) => getIn(parentValues, ['tags', tag]));
  if (tags.includes(true)) return true;
  return !tags.includes(false);
}

/**
 * The values of each installed dependency. Helm always applies the chart's own `values.yaml`; an overlay
 * (`values-prod.yaml`) is read on top of it as one install, so with overlays there is one install per overlay.
 * Without either, the dependencies whose subchart is in the repository are installed with its defaults.
 */
export function umbrellaChartValues(umbrella: UmbrellaChart): ChartValues[] {
  const installs = umbrella.overlays.length > 0 ? umbrella.overlays.map((overlay) => [overlay]) : [[]];
  const base = umbrella.values ? [umbrella.values] : [];
  return installs.flatMap((overlay) => {
    const files = [...base, ...overlay];
    const editable = files.at(-1);
    return umbrellaInstall(
      umbrella,
      files.map((document) => documentLayer(document, [], `values file ${document.file}`)),
      {
        via: (key) =>
          `umbrella chart ${umbrella.file} dependency ${key}${files.length > 0 ? ` (${files.map((f) => f.file).join(', ')})` : ''}`,
        ...(editable ? { fallback: { document: editable, valuesPath: [] } } : {}),
      },
    );
  });
}

/** How one install of an umbrella chart is made, for the values of its dependencies. */
export interface UmbrellaRelease {
  /** What the install of one dependency (by its key) is, for messages. */
  via: (key: string) => string;
  releaseNamespace?: string;
  releaseName?: string;
  /**
   * Where the parent's values would be added when no layer is a mapping in a document. Without it, only the
   * dependencies whose subchart defaults are in the repository are read (with those as the place).
   */
  fallback?: { document: ParsedDocument; valuesPath: (string | number)[] };
}

/**
 * The installed dependencies of one install of an umbrella chart whose parent values are `parentLayers` (lowest
 * precedence first: the chart's `values.yaml`, `-f` files, inline values, `--set`). Conditions and tags are read
 * from the merged parent values.
 */
export function umbrellaInstall(
  umbrella: UmbrellaChart,
  parentLayers: ValuesLayer[],
  release: UmbrellaRelease,
): ChartValues[] {
  const parentValues = mergeLayers(parentLayers);
  return umbrella.dependencies
    .filter((dependency) => dependencyEnabled(dependency, parentValues))
    .flatMap((dependency) => {
      const key = dependency.key;
      const fallback = release.fallback
        ? { ...release.fallback, valuesPath: [...release.fallback.valuesPath, key] }
        : dependency.defaults && { document: dependency.defaults, valuesPath: [] };
      if (!fallback) return [];
      const setter = [...parentLayers].reverse().find((layer) => layerOrigin(layer, [key]));
      const layers = [...chartDefaultsLayers(dependency.defaults), ...dependencyLayers(parentLayers, key)];
      return [
        layeredChartValues(dependency.chart, layers, {
          via: release.via(key),
          origin: (setter && layerOrigin(setter, [key])) ?? dependency.origin,
          ...(dependency.version ? { chartVersion: dependency.version } : {}),
          ...(release.releaseNamespace ? { releaseNamespace: release.releaseNamespace } : {}),
          ...(release.releaseName ? { releaseName: release.releaseName } : {}),
          fallback,
        }),
      ];
    });
}

/**
 * What Helm hands the dependency under `key`: each parent layer's mapping under the key, then the parent's `global`
 * map, which reaches every dependency and wins over the dependency's own `global`.
 */
function dependencyLayers(parentLayers: ValuesLayer[], key: string): ValuesLayer[] {
  return [
    ...parentLayers.map((layer) => nestedLayer(layer, key)),
    ...parentLayers.flatMap((layer) => globalsLayer(layer)),
  ];
}

function nestedLayer(layer: ValuesLayer, key: string): ValuesLayer {
  const values = asRecord(layer.values[key]) ?? {};
  if (layer.document && layer.valuesPath)
    return { via: layer.via, values, document: layer.document, valuesPath: [...layer.valuesPath, key] };
  return { via: layer.via, values, locate: (path) => layerOrigin(layer, [key, ...path]) };
}

function globalsLayer(layer: ValuesLayer): ValuesLayer[] {
  const global = asRecord(layer.values.global);
  if (!global) return [];
  return [
    { via: `global values of ${layer.via}`, values: { global }, locate: (at) => layerOrigin(layer, at) },
  ];
}

function baseName(file: string): string {
  return path.posix.basename(file);
}
