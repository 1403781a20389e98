import {
  csiDriverEnabled,
  effectiveCni,
  effectiveOutboundPolicy,
  effectiveRootNamespace,
  istioDistribution,
  istioVersions,
  namespaceDataPlaneMode,
  operatorNamespaces,
} from '../model/effective.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import { nativeSidecarState } from '../model/facts-native-sidecars.js';
import { effectiveMtls } from '../model/facts-mtls.js';
import type { Fact, Origin } from '../model/provenance.js';
import { injectsCodeModules } from '../model/dynakube.js';
import { resourceId, type ClusterModel } from '../model/types.js';

/** `file:line`, or `default` for a value no file sets. */
function where(origin: Origin, defaulted?: boolean): string {
  if (defaulted || !origin.file) return origin.file ? `default; ${origin.file}:${origin.line}` : 'default';
  return `${origin.file}:${origin.line}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function factLine(label: string, item: Fact<unknown> | undefined, via?: string): string {
  if (!item) return `  ${label}: (not set)`;
  return `  ${label}: ${show(item.value)}  (${where(item.origin, item.defaulted)}${via ? `, ${via}` : ''})`;
}

function section(title: string, lines: string[]): string[] {
  return lines.length > 0 ? [title, ...lines, ''] : [];
}

function dynatraceLines(model: ClusterModel): string[] {
  const lines: string[] = [];
  for (const namespace of operatorNamespaces(model)) lines.push(factLine('operator namespace', namespace));
  lines.push(factLine('CSI driver enabled', csiDriverEnabled(model)));
  for (const install of model.operatorInstalls) {
    if (install.version) lines.push(factLine('operator version', install.version, install.via));
    if (Object.keys(install.csiDriverLabels).length > 0)
      lines.push(`  csidriver.labels: ${show(install.csiDriverLabels)}  (${install.via})`);
  }
  for (const dynakube of model.dynakubes) {
    lines.push(`  ${resourceId(dynakube)} ${dynakube.apiVersion}  (${where(dynakube.origin)})`);
    lines.push(`  ${factLine('enableIstio', dynakube.enableIstio)}`);
    for (const mode of dynakube.modes) lines.push(`  ${factLine('OneAgent mode', mode)}`);
    if (dynakube.apiUrl) lines.push(`  ${factLine('apiUrl', dynakube.apiUrl)}`);
    if (dynakube.networkZone) lines.push(`  ${factLine('networkZone', dynakube.networkZone)}`);
    lines.push(`  ${factLine('namespaceSelector', dynakube.namespaceSelector)}`);
    if (injectsCodeModules(dynakube))
      lines.push(`  ${factLine('code modules via CSI driver', codeModulesViaCsi(model, dynakube))}`);
  }
  return lines;
}

function outboundLine(model: ClusterModel): string {
  const policy = effectiveOutboundPolicy(model);
  const source = model.meshConfigs.find((mesh) => mesh.outboundPolicy === policy);
  return factLine('outbound traffic policy', policy, source?.via);
}

function meshLines(model: ClusterModel): string[] {
  const lines = [
    factLine('distribution', istioDistribution(model)),
    ...istioVersions(model).map((version) => factLine('Istio version', version, version.via)),
    outboundLine(model),
    factLine('root namespace', effectiveRootNamespace(model)),
  ];
  for (const source of model.meshConfigs) {
    if (source.defaultServiceExportTo)
      lines.push(factLine('defaultServiceExportTo', source.defaultServiceExportTo, source.via));
    if (source.discoverySelectors)
      lines.push(factLine('discoverySelectors', source.discoverySelectors, source.via));
  }
  for (const pilot of model.pilotInstalls) {
    lines.push(`  istiod: ${pilot.via}`);
    for (const [label, item] of [
      ['namespace', pilot.namespace],
      ['revision', pilot.revision],
      ['profile', pilot.profile],
      ['compatibilityVersion', pilot.compatibilityVersion],
      ['CNI in use', pilot.cniEnabled],
    ] as const) {
      if (item) lines.push(`  ${factLine(label, item)}`);
    }
    const native = nativeSidecarState(pilot, model.kubernetesVersion);
    lines.push(`    native sidecars: ${native.state} — ${native.reason}  (${where(native.origin)})`);
  }
  for (const state of effectiveCni(model)) {
    const install = state.install;
    lines.push(factLine('CNI agent', state, install?.via));
    if (!install) continue;
    lines.push(`  ${factLine('namespace', install.namespace)}`);
    lines.push(`  ${factLine('pod annotations', install.podAnnotations)}`);
    const ignored = install.ignoredPodAnnotations;
    if (ignored)
      lines.push(`  ${factLine('ignored pod annotations', ignored.annotations)} — ${ignored.reason}`);
    if (install.ambient) lines.push(`  ${factLine('ambient', install.ambient)}`);
  }
  return lines;
}

function namespaceLines(model: ClusterModel): string[] {
  const lines: string[] = [];
  for (const name of [...model.namespaces.keys()].sort()) {
    const mode = namespaceDataPlaneMode(model, name);
    const mtls = effectiveMtls(model, name, {});
    const revision = mode.revision ? ` rev ${mode.revision}` : '';
    const mixed = mode.mixed ? ' (sidecar and ambient labels)' : '';
    lines.push(`  ${name}: ${mode.value}${revision}${mixed}  (${where(mode.origin, mode.defaulted)})`);
    lines.push(`    mTLS: ${mtls.value} [${mtls.scope}]  (${where(mtls.origin, mtls.defaulted)})`);
  }
  return lines;
}

/** The model as a person reads it: each effective fact with the file and line it comes from. */
export function explainModel(model: ClusterModel): string {
  const notEvaluable = model.notEvaluable.map((entry) => `  ${entry.file}:${entry.line}: ${entry.reason}`);
  const chartLines = model.chartValues
    .map(
      (values) =>
        `  ${values.chart}${values.chartVersion ? ` ${values.chartVersion}` : ''} in ${values.releaseNamespace ?? '(namespace unknown)'}: ${values.via}`,
    )
    .sort();
  return [
    ...section('Dynatrace', dynatraceLines(model)),
    ...section('Mesh', meshLines(model)),
    ...section('Charts', chartLines),
    ...section('Namespaces (data plane, mTLS)', namespaceLines(model)),
    ...section('Not evaluated', notEvaluable),
  ]
    .join('\n')
    .trimEnd()
    .concat('\n');
}
