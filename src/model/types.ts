import type { ParsedDocument } from '../parse/yaml.js';
import type { Deployment } from './deployment.js';
import type { Fact, NotEvaluable, Origin } from './provenance.js';

export type OneAgentMode =
  'classicFullStack' | 'cloudNativeFullStack' | 'applicationMonitoring' | 'hostMonitoring';
export const ONEAGENT_MODES: readonly OneAgentMode[] = [
  'classicFullStack',
  'cloudNativeFullStack',
  'applicationMonitoring',
  'hostMonitoring',
];

/** The operators a Kubernetes label selector knows. */
export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

export interface LabelSelectorRequirement {
  key: string;
  /** As written: an operator outside `SELECTOR_OPERATORS` is invalid and matches nothing (`selectorMatches`). */
  operator: SelectorOperator | (string & {});
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** A Kubernetes object as read from the repository: identity plus the document it came from. */
export interface ResourceBase {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  origin: Origin;
  document: ParsedDocument;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface ActiveGateSpec {
  capabilities: Fact<string[]>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  image?: Fact<string>;
  origin: Origin;
}

/** A DynaKube of any apiVersion (v1beta1–v1beta6), normalized to one shape. */
export interface DynaKube extends ResourceBase {
  /** `v1beta1` … `v1beta6`, or whatever the document says. */
  version: string;
  apiUrl?: Fact<string>;
  enableIstio: Fact<boolean>;
  networkZone?: Fact<string>;
  /** Every OneAgent mode present in the spec (more than one is invalid). */
  modes: Fact<OneAgentMode>[];
  /** The code-module injection selector (top-level in v1beta1, per mode from v1beta2); undefined = all namespaces. */
  namespaceSelector?: Fact<LabelSelector>;
  codeModulesImage?: Fact<string>;
  /**
   * `spec.oneAgent.applicationMonitoring.useCSIDriver` of v1beta1 and v1beta2, the only versions that have it;
   * absent it is false (v1beta2's CRD default; v1beta1's nil pointer, which the operator reads as false).
   * Undefined for other versions and modes: there the CSI driver serves whenever it is installed.
   */
  useCSIDriver?: Fact<boolean>;
  oneAgentImage?: Fact<string>;
  activeGate?: ActiveGateSpec;
  /**
   * Extensions are on (v1beta3–v1beta5: `spec.extensions` present; v1beta6: `spec.extensions.prometheus` present or
   * `spec.extensions.databases` non-empty). The operator then runs an ActiveGate even without capabilities
   * (`activegate.Spec.IsEnabled()`: capabilities or an extensions dependency). Undefined when off.
   */
  extensions?: Fact<boolean>;
  /** v1beta6 `spec.publicRegistryOverride`: the registry that replaces Dynatrace's public one. */
  publicRegistryOverride?: Fact<string>;
  /** Path of `spec` in the document, for fixes that add a field. */
  specPath: string[];
}

export interface Namespace extends ResourceBase {
  kind: 'Namespace';
}

export interface PeerAuthentication extends ResourceBase {
  selector?: Record<string, string>;
  mtlsMode?: Fact<string>;
  portLevelMtls: Record<string, string>;
}

export interface ServiceEntryPort {
  number: number;
  name?: string;
  protocol?: string;
}

export interface ServiceEntry extends ResourceBase {
  hosts: Fact<string[]>;
  ports: ServiceEntryPort[];
  resolution?: string;
  location?: string;
  exportTo?: string[];
  addresses?: string[];
  endpoints: unknown[];
}

export interface VirtualService extends ResourceBase {
  hosts: string[];
  exportTo?: string[];
  /** `spec.gateways` as written; absent or empty means the sidecars (`mesh`). */
  gateways?: string[];
}

export interface SidecarResource extends ResourceBase {
  workloadSelector?: Record<string, string>;
  /**
   * `workloadSelector` written without labels: Istio accepts it with a warning and applies the Sidecar to every pod
   * of its namespace, ahead of a selector-less one, but never as the root namespace's default for other namespaces.
   */
  emptyWorkloadSelector?: boolean;
  outboundPolicy?: Fact<string>;
  egressHosts: string[];
}

export interface Workload extends ResourceBase {
  /** Path of the pod template's metadata in the document (e.g. `spec.template.metadata`). */
  podMetadataPath: string[];
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  hostNetwork: boolean;
}

/** Istio's charts: their version is Istio's, and their profile / compatibility presets apply. */
export const ISTIO_CHARTS = ['base', 'istiod', 'cni', 'ztunnel', 'gateway'] as const;
export const HELM_CHARTS = [...ISTIO_CHARTS, 'dynatrace-operator'] as const;
export type HelmChart = (typeof HELM_CHARTS)[number];

export function isIstioChart(chart: HelmChart): boolean {
  return (ISTIO_CHARTS as readonly string[]).includes(chart);
}

/**
 * One source of Helm values for a release, in the order the installer merges them (later layers win): a values
 * file, a ConfigMap of `valuesFrom`, an inline mapping, an Argo CD values string (a nested document whose lines
 * are the outer file's), Argo CD `parameters`, or a chart preset (`profile: ambient`).
 */
export interface ValuesLayer {
  /** What the layer is, for messages (e.g. `valueFiles clusters/a/istiod.yaml`). */
  via: string;
  values: Record<string, unknown>;
  /** The mapping of this layer in a document, when the layer is one (not for parameters and presets). */
  document?: ParsedDocument;
  valuesPath?: (string | number)[];
  /** Where a value of this layer is written; used for layers that are not a mapping in a document. */
  locate?: (path: (string | number)[]) => Origin | undefined;
  /** Preset layers hold chart behaviour, not text of the repository. */
  preset?: boolean;
  /**
   * The values.yaml of a subchart in the repository: below the presets and everything the parent sets, and not
   * where a fix writes (the parent's values override it).
   */
  chartDefaults?: boolean;
}

/**
 * Helm values for one chart release, wherever they are written (a HelmRelease, a values file, an Application).
 * `valuesPath` is where the values mapping sits inside `document`, so a fact's line and a fix's edit land in
 * the file a person edits.
 */
export interface ChartValues {
  chart: HelmChart;
  releaseNamespace?: string;
  chartVersion?: string;
  /** Where `chartVersion` is written when that is not `origin`: the Chart.yaml of a chart folder in the repository. */
  chartVersionOrigin?: Origin;
  /** `chartVersion` is the Istio version the user said to assume, not one the repository pins. */
  chartVersionAssumed?: boolean;
  values: Record<string, unknown>;
  document: ParsedDocument;
  valuesPath: (string | number)[];
  origin: Origin;
  /** How the values were found, for messages (e.g. `HelmRelease istio-system/istiod`). */
  via: string;
  /** The sources merged into `values`, lowest precedence first; absent when `document` is the only one. */
  layers?: ValuesLayer[];
  /** Release name (HelmRelease `releaseName`/name, Application `helm.releaseName`), used for revisions and messages. */
  releaseName?: string;
  /** Set when a Sail CR installs the chart: Sail reads `spec.values` into typed structs, dropping unknown keys. */
  installer?: 'sail';
}

/** Mesh-wide settings read from one place (mesh ConfigMap, istiod values, IstioOperator, Sail Istio). */
export interface MeshConfigSource {
  via: string;
  origin: Origin;
  outboundPolicy?: Fact<string>;
  rootNamespace?: Fact<string>;
  defaultServiceExportTo?: Fact<string[]>;
  discoverySelectors?: Fact<LabelSelector[]>;
}

/** Where the Istio CNI node agent is configured and how. */
export interface CniInstall {
  enabled: Fact<boolean>;
  namespace: Fact<string>;
  podAnnotations: Fact<Record<string, string>>;
  /** Keys of `podAnnotations` written as a boolean or number (`inject: false`): the API server rejects the pods. */
  nonStringPodAnnotations: string[];
  /** Where a fix that adds a pod annotation goes: the document and the YAML path of the annotations map. */
  annotationsTarget?: { document: ParsedDocument; path: (string | number)[] };
  /** Pod annotations written under a key this install does not read, and why it does not. */
  ignoredPodAnnotations?: { annotations: Fact<Record<string, string>>; reason: string };
  via: string;
  /** `ambient.enabled` of the cni chart (set by `profile: ambient`). */
  ambient?: Fact<boolean>;
  /** Namespaces the CNI agent skips (`excludeNamespaces`). */
  excludeNamespaces?: Fact<string[]>;
  /** Istio version of this install (chart version, Sail `spec.version`, image tag). */
  version?: Fact<string>;
}

export interface PilotInstall {
  /**
   * Where this install is written (the istiod values, the IstioOperator, istiod's discovery container): what a
   * finding about a default of the install points at when no setting of it decides.
   */
  origin: Origin;
  env: Record<string, Fact<string>>;
  /** Where pilot env settings go for a fix. */
  envTarget?: { document: ParsedDocument; path: (string | number)[] };
  version?: Fact<string>;
  compatibilityVersion?: Fact<string>;
  profile?: Fact<string>;
  via: string;
  /** istiod told that the CNI agent is in use (`pilot.cni.enabled`, flat `cni.enabled`, IstioOperator `components.cni`). */
  cniEnabled?: Fact<boolean>;
  /** Control-plane revision (`revision`, IstioOperator `spec.revision`, `istio.io/rev` of a rendered istiod). */
  revision?: Fact<string>;
  /** Namespace istiod runs in (release namespace, Sail `spec.namespace`). */
  namespace?: Fact<string>;
  /** `platform` / `global.platform` chart value (e.g. `openshift`). */
  platform?: Fact<string>;
  /**
   * The injector's default for pods that say nothing (`global.proxy.autoInject`, chart default `enabled`); absent
   * where the install does not show it (a rendered istiod Deployment).
   */
  autoInject?: Fact<string>;
}

export interface OperatorInstall {
  namespace: Fact<string>;
  csiDriverEnabled: Fact<boolean>;
  /**
   * `csidriver.migrationMode: true` (chart v1.10 and later): the CSI driver runs, but only to clean up; modules.json
   * says `csiDriver: false`, so new pods get their code modules without it. Absent when not set to true.
   */
  csiDriverMigrationMode?: Fact<boolean>;
  csiDriverLabels: Record<string, string>;
  version?: Fact<string>;
  via: string;
}

/** Everything the rules read about one side (base or head) of the repository. */
export interface ClusterModel {
  dynakubes: DynaKube[];
  namespaces: Map<string, Namespace>;
  peerAuthentications: PeerAuthentication[];
  serviceEntries: ServiceEntry[];
  virtualServices: VirtualService[];
  sidecars: SidecarResource[];
  workloads: Workload[];
  chartValues: ChartValues[];
  meshConfigs: MeshConfigSource[];
  cniInstalls: CniInstall[];
  pilotInstalls: PilotInstall[];
  operatorInstalls: OperatorInstall[];
  /** `maistra.io` / OpenShift Service Mesh evidence. */
  distributionHints: Fact<string>[];
  /** Every resource read, for suppression annotations and messages. */
  resources: ResourceBase[];
  notEvaluable: NotEvaluable[];
  /** File texts by path, for fixes that edit a file. */
  files: Map<string, string>;
  /** How files reach the cluster (kustomize, Flux, Argo CD), for commands that re-apply an object. */
  deployment: Deployment;
  /** The cluster's Kubernetes version when the user states it (`kubernetes-version`); the repository never says. */
  kubernetesVersion?: string;
}

export function emptyModel(): ClusterModel {
  return {
    dynakubes: [],
    namespaces: new Map(),
    peerAuthentications: [],
    serviceEntries: [],
    virtualServices: [],
    sidecars: [],
    workloads: [],
    chartValues: [],
    meshConfigs: [],
    cniInstalls: [],
    pilotInstalls: [],
    operatorInstalls: [],
    distributionHints: [],
    resources: [],
    notEvaluable: [],
    files: new Map(),
    deployment: { nodes: new Map(), fluxes: [], argoSources: [] },
  };
}

export function resourceId(resource: Pick<ResourceBase, 'kind' | 'name' | 'namespace'>): string {
  return resource.namespace
    ? `${resource.kind} ${resource.namespace}/${resource.name}`
    : `${resource.kind} ${resource.name}`;
}
