import type { ParsedDocument } from '../parse/yaml.js';
import { documentLayer, layeredChartValues, parseSetKey, setAt, setValue } from './chart-values.js';
import { globMatcher } from './doublestar.js';
import { chartOf, type ReadContext } from './helm.js';
import type { Origin } from './provenance.js';
import { asArray, asBoolean, asRecord, asString, getIn, type Json } from './read.js';
import { firstDocument, joinPath, type Repository } from './repo.js';
import { entryDir } from './kustomize.js';
import { originAt } from './resource.js';
import type { ChartValues, HelmChart, ResourceBase, ValuesLayer } from './types.js';
import { localRepositoryUrls, normalizeGitUrl } from './argo-repository.js';
import {
  chartDefaultsLayers,
  chartFolder,
  installedChartVersion,
  plainDocumentsByDir,
  type LocalSubchart,
} from './subcharts.js';
import { umbrellaChartsOf, umbrellaInstall, type UmbrellaChart } from './umbrella.js';
import { firstAndMore } from '../short-text.js';

type Path = (string | number)[];

export function isApplication(resource: ResourceBase): boolean {
  return resource.kind === 'Application' && resource.apiVersion.startsWith('argoproj.io/');
}

/** A source of an Application: `spec.source`, or one of `spec.sources[]`. */
interface SourceRef {
  path: Path;
  value: Json;
}

function sourcesOf(resource: ResourceBase): SourceRef[] {
  const spec = asRecord(getIn(resource.document.value, ['spec'])) ?? {};
  const single = asRecord(spec.source);
  if (single) return [{ path: ['spec', 'source'], value: single }];
  return asArray(spec.sources).flatMap((raw, index) => {
    const value = asRecord(raw);
    return value ? [{ path: ['spec', 'sources', index], value }] : [];
  });
}

/**
 * Chart values of an Argo CD Application, one per source whose chart we read. Argo CD's order is
 * valueFiles < values < valuesObject < parameters; `valuesObject` replaces the `values` string when both are set
 * (Argo CD renders one or the other).
 */
export function readApplication(resource: ResourceBase, context: ReadContext): ChartValues[] {
  const sources = sourcesOf(resource);
  const destination = asString(getIn(resource.document.value, ['spec', 'destination', 'namespace']));
  const name = `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
  return sources.flatMap((source) => {
    const via = `Application ${name}${sources.length > 1 ? ` ${source.path.join('.')}` : ''}`;
    const helmPath = [...source.path, 'helm'];
    const userLayers = () => [
      ...valueFileLayers(resource, source, sources, context),
      ...inlineLayers(resource, helmPath, via, context),
      ...parameterLayers(resource, helmPath, via, buildEnvironment(resource, source)),
    ];
    const umbrella = localUmbrella(source, context.repo);
    if (umbrella) {
      // Helm applies the chart's own values.yaml first; Argo CD's values are the parent's, nested per dependency.
      const chartDefaults = umbrella.values
        ? [documentLayer(umbrella.values, [], `values file ${umbrella.values.file}`)]
        : [];
      return umbrellaInstall(umbrella, [...chartDefaults, ...userLayers()], {
        via: (key) => `${via} umbrella chart ${umbrella.file} dependency ${key}`,
        ...(destination ? { releaseNamespace: destination } : {}),
        releaseName: asString(getIn(source.value, ['helm', 'releaseName'])) ?? resource.name,
        fallback: { document: resource.document, valuesPath: [...helmPath, 'valuesObject'] },
      });
    }
    const local = localChart(source, context.repo);
    const chart =
      chartOf(asString(source.value.chart) ?? local?.name) ??
      chartOf(lastSegment(asString(source.value.path)));
    if (!chart) return [];
    // Helm applies the chart's own values.yaml first, then what Argo CD passes.
    const layers = [...(local ? chartDefaultsLayers(local.values) : []), ...userLayers()];
    const isChartRepo = source.value.chart !== undefined;
    const version = local ? localChartVersion(local, chart) : remoteChartVersion(source);
    return [
      layeredChartValues(chart, layers, {
        via,
        origin: originAt(resource, [...source.path, isChartRepo ? 'chart' : 'path']),
        releaseNamespace: destination,
        chartVersion: version?.value,
        ...(version?.origin ? { chartVersionOrigin: version.origin } : {}),
        releaseName: asString(getIn(source.value, ['helm', 'releaseName'])) ?? resource.name,
        fallback: { document: resource.document, valuesPath: [...helmPath, 'valuesObject'] },
      }),
    ];
  });
}

/** The folder of this repository a `path` source names; undefined for a chart from a Helm repository. */
function sourceFolder(source: SourceRef): string | undefined {
  return source.value.chart === undefined ? entryDir(asString(source.value.path)) : undefined;
}

/** The umbrella chart in the folder of a `path` source, when that folder is one (a chart source never is). */
function localUmbrella(source: SourceRef, repo: Repository): UmbrellaChart | undefined {
  const dir = sourceFolder(source);
  return dir === undefined ? undefined : umbrellaChartsOf(repo).find((umbrella) => umbrella.dir === dir);
}

/**
 * The chart folder of this repository a `path` source names (its values.yaml the lowest layers, Istio's
 * `_internal_defaults_do_not_set` below the profile presets; never where a fix goes). A folder without a Chart.yaml
 * is no chart: Argo CD renders it as plain manifests or kustomize.
 */
function localChart(source: SourceRef, repo: Repository): LocalSubchart | undefined {
  const dir = sourceFolder(source);
  return dir === undefined ? undefined : chartFolder(plainDocumentsByDir(repo), dir);
}

/**
 * The version of a chart folder of this repository, at its Chart.yaml line. The Application's `targetRevision` is
 * then a git revision of this repository (a branch, or a tag of the platform), not a chart version.
 */
function localChartVersion(
  chart: LocalSubchart,
  helmChart: HelmChart,
): { value: string; origin?: Origin } | undefined {
  const version = installedChartVersion(chart, helmChart);
  if (!version) return undefined;
  const line = chart.chartFile.lineAt(['version']) ?? chart.chartFile.line;
  return { value: version, origin: { file: chart.chartFile.file, line, path: 'version' } };
}

/**
 * The version of a chart that is not in this repository: `targetRevision` of a Helm repository source (`chart:`),
 * or of a git source when it looks like a release (a tag of istio/istio such as `1.22.3`; a branch says nothing).
 */
function remoteChartVersion(source: SourceRef): { value: string; origin?: Origin } | undefined {
  const targetRevision = asString(source.value.targetRevision);
  if (!targetRevision) return undefined;
  const isChartRepo = source.value.chart !== undefined;
  return isChartRepo || /^v?\d+\.\d+/.test(targetRevision) ? { value: targetRevision } : undefined;
}

function lastSegment(path: string | undefined): string | undefined {
  return path?.replace(/\/+$/, '').split('/').pop();
}

/**
 * `helm.valueFiles`: `$<ref>/path` into the repository of the `ref` source, or paths of this repository: beside the
 * chart, or from the root when absolute.
 */
function valueFileLayers(
  resource: ResourceBase,
  source: SourceRef,
  all: SourceRef[],
  context: ReadContext,
): ValuesLayer[] {
  const filesPath = [...source.path, 'helm', 'valueFiles'];
  const ignoreMissing = asBoolean(getIn(source.value, ['helm', 'ignoreMissingValueFiles'])) ?? false;
  const entries = asArray(getIn(resource.document.value, filesPath)).map((raw) => {
    const entry = asString(raw);
    return entry
      ? { entry, target: valueFilePath(entry, source, all, context.repo, buildEnvironment(resource, source)) }
      : undefined;
  });
  // Argo CD passes each file once, at its first place; a file also listed by name is left out of a glob's matches.
  const explicit = new Set(
    entries.flatMap((e) => (typeof e?.target === 'string' && !isGlob(e.target) ? [e.target] : [])),
  );
  const seen = new Set<string>();
  return entries.flatMap((item, index): ValuesLayer[] => {
    if (!item) return [];
    const { entry, target } = item;
    const line = resource.document.lineAt([...filesPath, index]) ?? resource.origin.line;
    const skip = (reason: string) => {
      context.notEvaluable.push({
        file: resource.origin.file,
        line,
        reason: `valueFiles ${entry}: ${reason}`,
      });
      return [];
    };
    if (typeof target !== 'string') return skip(target.reason);
    const parameters = target.match(TEMPLATE_TAG);
    if (parameters) {
      // An ApplicationSet's generator fills these in per generated Application (a clusters generator, whose
      // clusters are not in the repository): each file the path may name belongs to one of them, so none is read
      // as this Application's values, nor as an install of its own.
      const candidates = templatedMatches(context.repo, target);
      for (const file of candidates) context.unreadValuesFiles?.add(file);
      const named = candidates.length > 0 ? ` (${firstAndMore(candidates, NAMED_CANDIDATES)})` : '';
      return skip(
        `${parameters.join(', ')} is filled in by the ApplicationSet per generated Application and is not known here, so the file it names is not read${named}`,
      );
    }
    const layer = (file: string): ValuesLayer[] => {
      const document = firstDocument(context.repo, file);
      if (!document || seen.has(file)) return [];
      seen.add(file);
      return [documentLayer(document, [], `valueFiles ${file}`)];
    };
    if (isGlob(target)) {
      const matches = globMatches(context.repo, target);
      if (!matches) return skip(`${target} is not a glob Argo CD reads`);
      if (matches.length === 0)
        return ignoreMissing ? [] : skip(`${target} matches no YAML file of this repository`);
      return matches.filter((file) => !explicit.has(file)).flatMap(layer);
    }
    // Argo CD skips a missing file with ignoreMissingValueFiles; one it cannot be seen to skip is still noted.
    if (!firstDocument(context.repo, target))
      return ignoreMissing ? [] : skip(`${target} is not a YAML file of this repository`);
    return layer(target);
  });
}

/** How many of the files a valueFiles path with parameters may name its note lists. */
const NAMED_CANDIDATES = 3;

/** An ApplicationSet parameter left in a generated Application (`{{name}}`, `{{ .name }}`). */
const TEMPLATE_TAG = /\{\{.*?\}\}/g;

/** The YAML files of this repository a path with ApplicationSet parameters may name, each parameter within a folder. */
function templatedMatches(repo: Repository, path: string): string[] {
  const pattern = path
    .split(TEMPLATE_TAG)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  const matches = new RegExp(`^${pattern}$`);
  return [...repo.files.keys()].filter((file) => matches.test(file) && !!firstDocument(repo, file)).sort();
}

/** Argo CD expands a valueFiles path with `*`, `?` or `[` as a doublestar glob (repository.go isGlobPath). */
function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/**
 * The repository's YAML files a glob matches, in doublestar's walk order: a folder's own files by name, then its
 * subfolders by name (Argo CD docs/user-guide/helm.md, "Glob Patterns in Value Files").
 */
function globMatches(repo: Repository, glob: string): string[] | undefined {
  const matches = globMatcher(glob);
  if (!matches) return undefined;
  return [...repo.files.keys()].filter((file) => matches(file)).sort(walkOrder);
}

function walkOrder(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    const leftIsFile = i === left.length - 1;
    const rightIsFile = i === right.length - 1;
    if (leftIsFile !== rightIsFile) return leftIsFile ? -1 : 1;
    return left[i] < right[i] ? -1 : 1;
  }
  return left.length - right.length;
}

function valueFilePath(
  entry: string,
  source: SourceRef,
  all: SourceRef[],
  repo: Repository,
  environment: BuildEnvironment,
): string | { reason: string } {
  const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
  // `$<ref>/…` names a source; `$ARGOCD_APP_NAME/…` is a path with a variable (repository.go getReferencedSource).
  if (ref && !Object.hasOwn(environment, ref[1])) {
    const refSource = all.find((s) => asString(s.value.ref) === ref[1]);
    if (!refSource) return { reason: `no source has ref ${ref[1]}` };
    const elsewhere = otherRepository(refSource, repo);
    if (elsewhere) return { reason: elsewhere };
    // The rest of the path has the environment filled in after the source is resolved.
    const rest = expandEnvironment(ref[2], environment);
    if (typeof rest !== 'string') return rest;
    return joinPath('', rest) ?? { reason: 'path leaves the repository' };
  }
  const expanded = expandEnvironment(entry, environment);
  if (typeof expanded !== 'string') return expanded;
  if (/^[a-z]+:\/\//i.test(expanded)) return { reason: 'remote values file, not evaluated' };
  const chartDir = asString(source.value.path);
  if (source.value.chart !== undefined || chartDir === undefined)
    return { reason: 'file inside a remote chart, not evaluated' };
  // Relative to the chart folder; an absolute path from the repository root (Argo CD util/io/path/resolved.go).
  return (
    joinPath(expanded.startsWith('/') ? '' : chartDir, expanded) ?? { reason: 'path leaves the repository' }
  );
}

/** Argo CD's build environment of one source, by variable; undefined where the repository does not tell. */
type BuildEnvironment = Record<string, string | undefined>;

/** Where Argo CD runs, the namespace whose Applications are named without it (`InstanceName`). */
const ARGOCD_NAMESPACE = 'argocd';

/**
 * The variables Argo CD sets for a source (reposerver/repository/repository.go newEnv). `ARGOCD_APP_NAME` is
 * `<namespace>_<name>` for an Application outside Argo CD's own namespace, which is not known here; the revision
 * variables hold the commit that is rendered.
 */
function buildEnvironment(resource: ResourceBase, source: SourceRef): BuildEnvironment {
  const spec = resource.document.value;
  return {
    ARGOCD_APP_NAME:
      resource.namespace === undefined || resource.namespace === ARGOCD_NAMESPACE ? resource.name : undefined,
    ARGOCD_APP_NAMESPACE: asString(getIn(spec, ['spec', 'destination', 'namespace'])) ?? '',
    ARGOCD_APP_PROJECT_NAME: asString(getIn(spec, ['spec', 'project'])) ?? '',
    ARGOCD_APP_REVISION: undefined,
    ARGOCD_APP_REVISION_SHORT: undefined,
    ARGOCD_APP_REVISION_SHORT_8: undefined,
    ARGOCD_APP_SOURCE_REPO_URL: asString(source.value.repoURL) ?? '',
    ARGOCD_APP_SOURCE_PATH: asString(source.value.path) ?? '',
    ARGOCD_APP_SOURCE_TARGET_REVISION: asString(source.value.targetRevision) ?? '',
  };
}

/**
 * `$VAR`, `${VAR}` and `$$` as Argo CD's Env.Envsubst expands them with Go's os.Expand: a variable it does not set
 * is empty, a `$` before no name stays. A reason when the value is one the repository does not tell.
 */
function expandEnvironment(text: string, environment: BuildEnvironment): string | { reason: string } {
  let unknown: string | undefined;
  const expanded = text.replace(
    /\$(?:\{([^}]*)\}|([*#$@!?\-0-9])|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_whole, braced: string | undefined, special: string | undefined, plain: string | undefined) => {
      const name = braced ?? special ?? plain ?? '';
      if (name === '$') return '$';
      // Own keys only: `$constructor` is no variable of Argo CD's.
      if (!Object.hasOwn(environment, name)) return '';
      if (environment[name] === undefined) unknown ??= name;
      return environment[name] ?? '';
    },
  );
  return unknown ? { reason: `${unknown} is filled in by Argo CD, not evaluated` } : expanded;
}

/**
 * Why the `ref` source's files are not this tree's, when its repoURL is known to be another repository than this
 * one (see {@link localRepositoryUrls}); undefined when it is this one or nothing tells.
 */
function otherRepository(refSource: SourceRef, repo: Repository): string | undefined {
  const repoURL = asString(refSource.value.repoURL);
  const url = normalizeGitUrl(repoURL);
  const local = localRepositoryUrls(repo, () => repo.resources.filter(isApplication));
  if (!url || local.size === 0 || local.has(url)) return undefined;
  return `the file is in ${repoURL}, not in this repository (${[...local].join(', ')} by the Argo CD sources whose path is here), and was not read`;
}

/** `helm.values` (a YAML string, parsed with lines of this file) or `helm.valuesObject`, which replaces it. */
function inlineLayers(
  resource: ResourceBase,
  helmPath: Path,
  via: string,
  context: ReadContext,
): ValuesLayer[] {
  const document = resource.document;
  if (asRecord(getIn(document.value, [...helmPath, 'valuesObject']))) {
    return [documentLayer(document, [...helmPath, 'valuesObject'], `${via} helm.valuesObject`)];
  }
  const raw = getIn(document.value, [...helmPath, 'values']);
  if (asRecord(raw)) return [documentLayer(document, [...helmPath, 'values'], `${via} helm.values`)];
  if (typeof raw !== 'string') return [];
  const nested = document.nestedAt([...helmPath, 'values']);
  if (!nested) return [];
  context.notEvaluable.push(...nested.problems.map((p) => ({ ...p, reason: `helm.values: ${p.reason}` })));
  const inner: ParsedDocument | undefined = nested.documents[0];
  return inner ? [documentLayer(inner, [], `${via} helm.values`)] : [];
}

/** `helm.parameters[]` as Helm `--set` (`--set-string` with `forceString`), the build environment filled in. */
function parameterLayers(
  resource: ResourceBase,
  helmPath: Path,
  via: string,
  environment: BuildEnvironment,
): ValuesLayer[] {
  const parametersPath = [...helmPath, 'parameters'];
  const values: Json = {};
  const written: { path: Path; index: number }[] = [];
  asArray(getIn(resource.document.value, parametersPath)).forEach((raw, index) => {
    const parameter = asRecord(raw);
    const name = asString(parameter?.name);
    const value = asString(parameter?.value);
    if (!name || value === undefined) return;
    const path = parseSetKey(name);
    // Argo CD fills its build environment into the value; one it cannot be told here stays as written.
    const expanded = expandEnvironment(value, environment);
    const text = typeof expanded === 'string' ? expanded : value;
    setAt(values, path, setValue(text, asBoolean(parameter?.forceString) ?? false));
    written.push({ path, index });
  });
  if (written.length === 0) return [];
  const locate = (path: Path): Origin | undefined => {
    const hit = [...written].reverse().find((w) => startsWith(w.path, path) || startsWith(path, w.path));
    return hit
      ? { ...originAt(resource, [...parametersPath, hit.index, 'value']), path: hit.path.join('.') }
      : undefined;
  };
  return [{ via: `${via} helm.parameters`, values, locate }];
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.every((segment, index) => String(path[index]) === String(segment));
}
