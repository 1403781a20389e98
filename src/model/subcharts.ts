import path from 'node:path';
import type { ParsedDocument } from '../parse/yaml.js';
import { documentLayer } from './chart-values.js';
import { asRecord, asString } from './read.js';
import { joinPath, type Repository } from './repo.js';
import type { HelmChart, ValuesLayer } from './types.js';

/**
 * Subcharts of an umbrella chart that are in the repository: unpacked in its `charts/` folder (`charts/<name>/`
 * with its own Chart.yaml and values.yaml), or the folder a `file://` dependency names. Their `values.yaml` are
 * the defaults the parent's values override: Helm's order is subchart values.yaml < the parent's values under the
 * subchart's key < `-f` files < `--set`. A packed `charts/*.tgz` is not read (the checker reads YAML files only);
 * for the charts it reads it holds upstream's defaults, which the rules already assume, as for a chart from a
 * Helm repository.
 */

/** A chart folder of the repository used as a subchart. */
export interface LocalSubchart {
  /** `name` of its Chart.yaml: what Helm matches against the parent's `dependencies[].name`. */
  name: string;
  version?: string;
  chartFile: ParsedDocument;
  values?: ParsedDocument;
}

const CHART_FILE = /^Chart\.ya?ml$/;
const VALUES_FILE = /^values\.ya?ml$/;

const documentsByRepository = new WeakMap<Repository, Map<string, ParsedDocument[]>>();

/**
 * The repository's documents without `kind` (Chart.yaml, values files) by folder (`''` for the root), where chart
 * folders are looked for; made once per repository.
 */
export function plainDocumentsByDir(repo: Repository): Map<string, ParsedDocument[]> {
  let byDir = documentsByRepository.get(repo);
  if (byDir) return byDir;
  byDir = new Map();
  for (const document of repo.plainDocuments) {
    const dir = path.posix.dirname(document.file);
    const key = dir === '.' ? '' : dir;
    const documents = byDir.get(key);
    if (documents) documents.push(document);
    else byDir.set(key, [document]);
  }
  documentsByRepository.set(repo, byDir);
  return byDir;
}

/** The chart in `dir`, when the folder has a Chart.yaml. */
export function chartFolder(byDir: Map<string, ParsedDocument[]>, dir: string): LocalSubchart | undefined {
  const documents = byDir.get(dir) ?? [];
  const chartFile = documents.find((document) => CHART_FILE.test(path.posix.basename(document.file)));
  if (!chartFile) return undefined;
  const metadata = asRecord(chartFile.value) ?? {};
  const version = asString(metadata.version);
  return {
    name: asString(metadata.name) ?? path.posix.basename(dir),
    ...(version ? { version } : {}),
    chartFile,
    values: documents.find((document) => VALUES_FILE.test(path.posix.basename(document.file))),
  };
}

/** Istio's unreleased charts (`manifests/charts/*` in istio/istio) carry this version, "replaced at build-time". */
const ISTIO_SOURCE_CHART_VERSION = '1.0.0';

/**
 * The release a chart folder of the repository installs: its Chart.yaml `version` (what `helm template` stamps into
 * `helm.sh/chart`). A copy of Istio's chart from its git tree says 1.0.0 (reference istio.md §9): that is an
 * unknown release, not Istio 1.0, which had none of these charts.
 */
export function installedChartVersion(chart: LocalSubchart, helmChart: HelmChart): string | undefined {
  if (helmChart !== 'dynatrace-operator' && chart.version === ISTIO_SOURCE_CHART_VERSION) return undefined;
  return chart.version;
}

/** Charts unpacked in `<chartDir>/charts/`, one folder level down (Helm loads every chart there). */
export function unpackedSubcharts(byDir: Map<string, ParsedDocument[]>, chartDir: string): LocalSubchart[] {
  const prefix = chartDir === '' ? 'charts/' : `${chartDir}/charts/`;
  const found: LocalSubchart[] = [];
  for (const dir of byDir.keys()) {
    if (!dir.startsWith(prefix) || dir.slice(prefix.length).includes('/')) continue;
    const chart = chartFolder(byDir, dir);
    if (chart) found.push(chart);
  }
  return found;
}

/** The folder a `repository: file://<path>` dependency names, relative to the parent chart; else undefined. */
export function fileRepositoryDir(chartDir: string, repository: string | undefined): string | undefined {
  const match = /^file:\/\/(.+)$/.exec(repository ?? '');
  return match ? joinPath(chartDir, match[1]) : undefined;
}

/** Istio charts from 1.24 keep their defaults under this key and merge it under the profile and user values. */
const INTERNAL_DEFAULTS = '_internal_defaults_do_not_set';

/**
 * A subchart's values.yaml as layers below everything the parent gives it. Istio's `zzz_profile.yaml` merges
 * `_internal_defaults_do_not_set` as the defaults, under the profile; the file's other keys are read with them (a
 * vendored chart rarely has any).
 */
export function chartDefaultsLayers(values: ParsedDocument | undefined): ValuesLayer[] {
  if (!values) return [];
  const via = `chart defaults ${values.file}`;
  const whole = asRecord(values.value) ?? {};
  const { [INTERNAL_DEFAULTS]: internal, ...rest } = whole;
  return [
    ...(asRecord(internal)
      ? [{ ...documentLayer(values, [INTERNAL_DEFAULTS], via), chartDefaults: true }]
      : []),
    { via, values: rest, document: values, valuesPath: [], chartDefaults: true },
  ];
}
