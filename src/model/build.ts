import { chartGlobsFromConfig, CONFIG_FILE_PATHS, type ChartGlobs } from '../config/charts.js';
import type { ParsedFile, PathSegment } from '../parse/yaml.js';
import { isApplication, readApplication } from './argo.js';
import { expandApplicationSets } from './argo-applicationset.js';
import { isDynaKube, readDynaKube } from './dynakube.js';
import { isHelmRelease, readHelmRelease, type ReadContext } from './helm.js';
import {
  isIstioKind,
  readPeerAuthentication,
  readServiceEntry,
  readSidecar,
  readVirtualService,
  routesSidecars,
} from './istio-resources.js';
import {
  isIstioOperator,
  isMeshConfigMap,
  readCniDaemonSet,
  readCniValues,
  readIstiodValues,
  readIstioOperator,
  readMeshConfigMap,
  unreadableMeshModes,
} from './mesh-install.js';
import { readOperatorValues } from './operator-install.js';
import type { AssumedVersions } from './assumed-versions.js';
import { fact } from './provenance.js';
import { indexRepository, type Repository } from './repo.js';
import {
  emptyModel,
  isIstioChart,
  type ChartValues,
  type ClusterModel,
  type Namespace,
  type ResourceBase,
  resourceId,
} from './types.js';
import { shapeNotes } from './shape.js';
import { chartMatcher, recognizeChart, valuesFileChartValues } from './values-files.js';
import { chartFolder, plainDocumentsByDir } from './subcharts.js';
import { chartFolderOf, chartTemplateNotes, splitChartTemplateProblems } from './chart-templates.js';
import { umbrellaChartsOf, umbrellaChartValues } from './umbrella.js';
import { isWorkload, readWorkload } from './workload.js';
import { applyDeployment } from './flux.js';
import { withIstioPresets } from './istio-presets.js';
import { RELEVANT_PATHS, RELEVANT_VALUES, scanPlaceholders } from './placeholders.js';
import type { NotEvaluable } from './provenance.js';
import { getIn } from './read.js';
import { givenName } from './resource.js';
import {
  isMaistraControlPlane,
  isSailResource,
  readIstiodDeployment,
  readMaistraControlPlane,
  readSailResource,
  sailDistributionHint,
} from './sail.js';
import { generatedConfigMaps, kustomizations } from './kustomize.js';

export interface BuildOptions {
  /**
   * Which plain values files belong to which chart. Default: the `charts` key of
   * `.github/dynakube-istio-guard.yml` when that file is among the parsed files.
   */
  charts?: ChartGlobs;
  /** Versions the user states for what the repository does not pin (action inputs, CLI flags). */
  assume?: AssumedVersions;
}

/** Builds the model of one side of the repository from its parsed files. */
export function buildModel(files: ParsedFile[], options: BuildOptions = {}): ClusterModel {
  const model = emptyModel();
  for (const file of files) model.files.set(file.file, file.text);
  const { problems, charts: chartTemplates } = splitChartTemplateProblems(files);
  // One by one: a repository can have more problems than a spread can pass as arguments.
  for (const problem of problems) model.notEvaluable.push(problem);
  for (const note of shapeNotes(files)) model.notEvaluable.push(note);
  const repo = indexRepository(files);
  // Before anything reads Applications: the generated ones are read as those written here are.
  expandApplicationSets(repo, model.notEvaluable);
  repo.generatedConfigMaps.push(...kustomizations(repo).flatMap(generatedConfigMaps));
  const { chartValues, deployment } = applyDeployment(repo, model.notEvaluable);
  model.chartValues.push(...chartValues);
  model.deployment = deployment;
  const context: ReadContext = { repo, notEvaluable: model.notEvaluable, unreadValuesFiles: new Set() };
  const istioctlInputs: ResourceBase[] = [];
  for (const resource of repo.resources)
    if (isIstioctlInput(resource)) istioctlInputs.push(resource);
    else addResource(model, resource, context);
  addIstioctlInputs(model, istioctlInputs, context);
  addValuesFiles(model, repo, options.charts ?? chartGlobsOf(repo), context.unreadValuesFiles);
  model.notEvaluable.push(...chartTemplateNotes(chartTemplates, model.chartValues));
  const { istioVersion, kubernetesVersion } = options.assume ?? {};
  if (istioVersion)
    model.chartValues = model.chartValues.map((values) => withIstioVersion(values, istioVersion));
  model.chartValues = model.chartValues.map(withIstioPresets);
  for (const values of model.chartValues) addChartValues(model, values);
  if (istioVersion) assumeInstallVersions(model, istioVersion);
  if (kubernetesVersion) model.kubernetesVersion = kubernetesVersion;
  for (const note of unreadableMeshModes(model.meshConfigs)) model.notEvaluable.push(note);
  reportPlaceholders(model);
  return model;
}

/** An IstioOperator without a name: a file `istioctl install -f` or `istioctl manifest generate -f` reads. */
function isIstioctlInput(resource: ResourceBase): boolean {
  return isIstioOperator(resource) && givenName(getIn(resource.document.value, ['metadata'])) === undefined;
}

/**
 * Nameless IstioOperators are read as the install, unless the repository also holds a rendered istiod: then they
 * are the input of `istioctl manifest generate`, whose output is what is applied (kubeflow/manifests
 * `common/istio/profile*.yaml`, rendered into `istio-install/base/install.yaml`), and reading them too would count
 * istiod several times.
 */
function addIstioctlInputs(model: ClusterModel, inputs: ResourceBase[], context: ReadContext): void {
  const rendered = model.pilotInstalls.find((pilot) => pilot.via.startsWith('Deployment '));
  for (const input of inputs) {
    if (isBuiltInProfile(input.origin.file, context.repo)) continue;
    if (!rendered) addResource(model, input, context);
    else
      model.notEvaluable.push({
        file: input.origin.file,
        line: input.origin.line,
        reason: `IstioOperator without metadata.name is istioctl input, and the repository holds a rendered istiod (${rendered.origin.file}:${rendered.origin.line}), which is read instead`,
      });
  }
}

/**
 * A profile istioctl carries built in: `manifests/profiles/*.yaml` of Istio's own tree (embedded by istio/istio
 * manifests/manifest.go), there beside `manifests/charts/`. A vendored Istio release (dt-wv/aiops-easytrade
 * `istio-1.24.0/`) holds them all; none is an install, `--set profile=` only names one.
 */
function isBuiltInProfile(file: string, repo: Repository): boolean {
  const match = /^(.*\/)?manifests\/profiles\/[^/]+$/.exec(file);
  return !!match && repo.files.has(`${match[1] ?? ''}manifests/charts/base/Chart.yaml`);
}

/** An Istio chart's values with the assumed version when the repository pins none. */
function withIstioVersion(values: ChartValues, istioVersion: string): ChartValues {
  if (values.chartVersion || !isIstioChart(values.chart)) return values;
  return { ...values, chartVersion: istioVersion, chartVersionAssumed: true };
}

/** IstioOperators and rendered installs without a version (no `spec.tag`, no image tag) take the assumed one. */
function assumeInstallVersions(model: ClusterModel, istioVersion: string): void {
  for (const pilot of model.pilotInstalls) pilot.version ??= fact(istioVersion, pilot.origin, true);
  for (const cni of model.cniInstalls) cni.version ??= fact(istioVersion, cni.enabled.origin, true);
}

function chartGlobsOf(repo: Repository): ChartGlobs {
  const path = CONFIG_FILE_PATHS.find((candidate) => repo.files.has(candidate));
  return path ? chartGlobsFromConfig(repo.files.get(path)?.documents[0]?.value) : {};
}

/** Dispatches a resource to the reader of its kind. Kinds no rule reads are only recorded. */
function addResource(model: ClusterModel, resource: ResourceBase, context: ReadContext): void {
  model.resources.push(resource);
  if (isDynaKube(resource)) model.dynakubes.push(readDynaKube(resource));
  else if (resource.kind === 'Namespace' && resource.apiVersion === 'v1')
    model.namespaces.set(resource.name, resource as Namespace);
  else if (isIstioKind(resource, 'PeerAuthentication'))
    model.peerAuthentications.push(readPeerAuthentication(resource));
  else if (isIstioKind(resource, 'ServiceEntry')) model.serviceEntries.push(readServiceEntry(resource));
  else if (isIstioKind(resource, 'VirtualService')) model.virtualServices.push(readVirtualService(resource));
  else if (isIstioKind(resource, 'Sidecar')) model.sidecars.push(readSidecar(resource));
  else if (isHelmRelease(resource)) {
    const values = readHelmRelease(resource, context);
    if (values) model.chartValues.push(values);
  } else if (isApplication(resource)) {
    model.chartValues.push(...readApplication(resource, context));
  } else if (isIstioOperator(resource)) {
    const install = readIstioOperator(resource);
    if (install.mesh) model.meshConfigs.push(install.mesh);
    if (install.pilot) model.pilotInstalls.push(install.pilot);
    if (install.cni) model.cniInstalls.push(install.cni);
  } else if (isMeshConfigMap(resource)) {
    const read = readMeshConfigMap(resource);
    if (read.source) model.meshConfigs.push(read.source);
    if (read.problem)
      model.notEvaluable.push({ file: resource.origin.file, line: read.line, reason: read.problem });
  } else if (isSailResource(resource)) {
    model.chartValues.push(readSailResource(resource));
    const hint = sailDistributionHint(resource);
    if (hint) model.distributionHints.push(hint);
  } else if (resource.apiVersion.startsWith('maistra.io/')) {
    if (isMaistraControlPlane(resource)) model.meshConfigs.push(readMaistraControlPlane(resource));
    model.distributionHints.push(
      fact(`${resource.kind} (Maistra / OpenShift Service Mesh)`, resource.origin),
    );
  }
  if (isWorkload(resource)) {
    model.workloads.push(readWorkload(resource));
    const cni = readCniDaemonSet(resource);
    if (cni) model.cniInstalls.push(cni);
    const istiod = readIstiodDeployment(resource);
    if (istiod) model.pilotInstalls.push(istiod);
  }
}

/** The folders of a chart that hold its content, not values of an install: Helm's own and the usual ones. */
const CHART_CONTENT = /^(templates|files|crds|ci)\//;

/** Files that are never values files even without `kind`. */
const NOT_VALUES_FILES =
  /(^|\/)(kustomization\.ya?ml|Kustomization|Chart\.ya?ml|Chart\.lock|requirements\.ya?ml|requirements\.lock)$/;

/**
 * Plain values files not already read through a reference (HelmRelease, Application, kustomize): mapped to their
 * chart by the config's globs, else read as the values of an umbrella chart's dependencies when they sit next to
 * its Chart.yaml, else recognized from their keys. A file recognized from its keys is no install of its own when a
 * deployer object (HelmRelease, Application, kustomize `helmCharts`, Sail) already installs that chart: nothing
 * hands it to Helm, so it is left over (a release moved to inline values) or another environment's copy; skipped
 * silently, as it decides nothing. A repository with no deployer of the chart keeps it for `helm install -f`, and
 * there it is the install.
 */
function addValuesFiles(
  model: ClusterModel,
  repo: Repository,
  globs: ChartGlobs,
  unread: ReadonlySet<string> = new Set(),
): void {
  const referenced = new Set([
    ...model.chartValues.flatMap((values) => (values.layers ?? []).map((layer) => layer.document?.file)),
    ...unread,
  ]);
  const deployed = new Set(model.chartValues.map((values) => values.chart));
  const configured = chartMatcher(globs);
  const isCandidate = (file: string) =>
    !referenced.has(file) && !NOT_VALUES_FILES.test(file) && !CONFIG_FILE_PATHS.includes(file);
  const umbrellaFiles = addUmbrellaValues(
    model,
    repo,
    (file) => isCandidate(file) && !configured(file),
    (file) => !!configured(file),
  );
  // A file in a chart's content folders is part of the chart: Istio's charts read `files/profile-<name>.yaml` as
  // presets (istio/istio manifests/charts/*/templates/zzz_profile.yaml, `.Files.Get`), and `ci/` holds test values.
  // Read as values by their keys, a vendored Istio release (dt-wv/aiops-easytrade `istio-1.24.0/`) made 96 istiod
  // installs.
  const byDir = plainDocumentsByDir(repo);
  const chartDirs = new Map<string, boolean>();
  const isChartDir = (dir: string) => {
    let known = chartDirs.get(dir);
    if (known === undefined) chartDirs.set(dir, (known = !!chartFolder(byDir, dir)));
    return known;
  };
  const isInsideChart = (file: string) => chartFolderOf(file, CHART_CONTENT, isChartDir) !== undefined;
  for (const document of repo.plainDocuments) {
    const file = document.file;
    if (!isCandidate(file) || umbrellaFiles.has(file)) continue;
    const byConfig = configured(file);
    const chart =
      byConfig ??
      (isInsideChart(file) ? undefined : recognizeChart(document.value as Record<string, unknown>));
    if (chart && (byConfig || !deployed.has(chart)))
      model.chartValues.push(
        valuesFileChartValues(
          chart,
          document,
          byConfig ? 'chart from config' : 'chart recognized from its keys',
        ),
      );
  }
}

/**
 * Values of umbrella charts' dependencies; returns the values files read so, which key guessing must skip. A chart's
 * `values.yaml` read already (by an Argo CD Application of the folder) is still the base of an overlay no one reads:
 * Helm always applies it. A subchart's values.yaml in the repository is never an install of its own.
 */
function addUmbrellaValues(
  model: ClusterModel,
  repo: Repository,
  isFree: (file: string) => boolean,
  isConfigured: (file: string) => boolean,
): Set<string> {
  const read = new Set<string>();
  for (const umbrella of umbrellaChartsOf(repo)) {
    model.notEvaluable.push(...umbrella.notes);
    const subchartValues = umbrella.dependencies.flatMap((dependency) => dependency.defaults ?? []);
    for (const document of subchartValues) read.add(document.file);
    const valuesFree = !!umbrella.values && isFree(umbrella.values.file);
    const overlays = umbrella.overlays.filter((overlay) => isFree(overlay.file));
    // Without values of its own, an umbrella chart nothing deploys still installs its subcharts' defaults.
    const defaultsOnly = !umbrella.values && subchartValues.some((document) => isFree(document.file));
    if (!valuesFree && overlays.length === 0 && !defaultsOnly) continue;
    const values = umbrella.values && !isConfigured(umbrella.values.file) ? umbrella.values : undefined;
    model.chartValues.push(...umbrellaChartValues({ ...umbrella, values, overlays }));
    for (const document of [...(valuesFree ? [umbrella.values!] : []), ...overlays]) read.add(document.file);
  }
  return read;
}

function addChartValues(model: ClusterModel, values: ChartValues): void {
  if (values.chart === 'istiod') {
    const istiod = readIstiodValues(values);
    if (istiod.mesh) model.meshConfigs.push(istiod.mesh);
    model.pilotInstalls.push(istiod.pilot);
  } else if (values.chart === 'cni') {
    model.cniInstalls.push(readCniValues(values));
  } else if (values.chart === 'dynatrace-operator') {
    model.operatorInstalls.push(readOperatorValues(values));
  }
}

/**
 * The hosts of a VirtualService bound only to gateways: no rule reads them (enable-istio-conflict compares the hosts of
 * the ones that route the sidecars), so a placeholder there (`hipstershop.IP_TO_REPLACE.nip.io` of an ingress route)
 * changes nothing.
 */
function gatewayOnlyHosts(resource: ResourceBase, path: readonly PathSegment[]): boolean {
  if (resource.kind !== 'VirtualService' || path.join('.') !== 'spec.hosts') return false;
  const gateways = getIn(resource.document.value, ['spec', 'gateways']);
  return Array.isArray(gateways) && !routesSidecars(gateways.map(String));
}

/** Values filled in at deploy time (`${VAR}`, `{{ }}`, `<path:…>`, `*_PLACEHOLDER`) in the fields rules read. */
function reportPlaceholders(model: ClusterModel): void {
  const found: NotEvaluable[] = [];
  for (const resource of model.resources) {
    const paths = (
      RELEVANT_PATHS[resource.kind] ?? (isWorkload(resource) ? [podMetadataPath(resource)] : [])
    ).filter((path) => !gatewayOnlyHosts(resource, path));
    const where = resourceId(resource);
    for (const path of paths) {
      const value = getIn(resource.document.value, path);
      if (value !== undefined) found.push(...scanPlaceholders(resource.document, path, value, where));
    }
  }
  for (const values of model.chartValues) {
    for (const layer of values.layers ?? []) {
      if (!layer.document || !layer.valuesPath || layer.preset) continue;
      for (const path of RELEVANT_VALUES) {
        const value = getIn(layer.values, path);
        if (value !== undefined)
          found.push(
            ...scanPlaceholders(
              layer.document,
              [...layer.valuesPath, ...path],
              value,
              `${values.chart} values`,
            ),
          );
      }
    }
  }
  const seen = new Set(model.notEvaluable.map(key));
  // Reading an Application notes every valueFiles entry it cannot read, saying why (an ApplicationSet parameter
  // names a file per cluster): a second note at that line would only call it a template.
  const valueFileLines = new Set(
    model.notEvaluable.flatMap((entry) =>
      entry.reason.startsWith('valueFiles ') ? [`${entry.file}:${entry.line}`] : [],
    ),
  );
  for (const entry of found) {
    if (seen.has(key(entry)) || valueFileLines.has(`${entry.file}:${entry.line}`)) continue;
    seen.add(key(entry));
    model.notEvaluable.push(entry);
  }
}

function key(entry: NotEvaluable): string {
  return `${entry.file}:${entry.line}:${entry.reason}`;
}

function podMetadataPath(resource: ResourceBase): string[] {
  return resource.kind === 'CronJob'
    ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata']
    : resource.kind === 'Pod'
      ? ['metadata']
      : ['spec', 'template', 'metadata'];
}
