import { fact, type Fact } from './provenance.js';
import {
  asArray,
  asBoolean,
  asRecord,
  asString,
  getIn,
  metadataStrings,
  parseGoBool,
  stringMap,
} from './read.js';
import { originAt } from './resource.js';
import {
  ONEAGENT_MODES,
  type ActiveGateSpec,
  type DynaKube,
  type LabelSelector,
  type LabelSelectorRequirement,
  type OneAgentMode,
  type ResourceBase,
} from './types.js';

const CODE_MODULE_MODES: readonly OneAgentMode[] = ['cloudNativeFullStack', 'applicationMonitoring'];

export function isDynaKube(resource: ResourceBase): boolean {
  return resource.kind === 'DynaKube' && resource.apiVersion.startsWith('dynatrace.com/');
}

/** Normalizes a DynaKube of any served apiVersion into one shape. */
export function readDynaKube(resource: ResourceBase): DynaKube {
  const value = resource.document.value;
  const version = resource.apiVersion.split('/')[1] ?? '';
  const at = (path: string[]) => originAt(resource, path);
  const stringFact = (path: string[]): Fact<string> | undefined => {
    const text = asString(getIn(value, path));
    return text === undefined ? undefined : fact(text, at(path));
  };

  const enableIstioRaw = getIn(value, ['spec', 'enableIstio']);
  const enableIstio =
    enableIstioRaw === undefined
      ? fact(false, at(['spec']), true)
      : fact(asBoolean(enableIstioRaw) ?? false, at(['spec', 'enableIstio']));

  // A mode written without a value (`cloudNativeFullStack:` with its fields commented out) is null: a `nullable`
  // pointer the operator decodes to nil, which is the mode off (oneagent/spec.go, `IsCloudNativeFullstackMode`).
  const modes = ONEAGENT_MODES.filter(
    (mode) => asRecord(getIn(value, ['spec', 'oneAgent', mode])) !== undefined,
  ).map((mode) => fact(mode, at(['spec', 'oneAgent', mode])));
  // v1alpha1 had only `spec.classicFullStack.enabled`.
  if (asBoolean(getIn(value, ['spec', 'classicFullStack', 'enabled'])) === true) {
    modes.push(fact('classicFullStack', at(['spec', 'classicFullStack'])));
  }

  const injecting = modes.find((mode) => CODE_MODULE_MODES.includes(mode.value))?.value;
  const modeField = (mode: OneAgentMode | undefined, field: string) =>
    mode ? stringFact(['spec', 'oneAgent', mode, field]) : undefined;

  return {
    ...resource,
    version,
    apiUrl: stringFact(['spec', 'apiUrl']),
    enableIstio,
    networkZone: stringFact(['spec', 'networkZone']),
    modes,
    namespaceSelector: readSelector(resource, version, injecting),
    codeModulesImage: modeField(injecting, 'codeModulesImage'),
    ...(hasUseCsiDriverField(version) && modes.some((m) => m.value === 'applicationMonitoring')
      ? { useCSIDriver: readUseCsiDriver(resource) }
      : {}),
    oneAgentImage: modeField(modes.find((m) => m.value !== 'applicationMonitoring')?.value, 'image'),
    activeGate: readActiveGate(resource),
    ...optional('extensions', readExtensions(resource, version)),
    // A v1beta6 field: older versions prune it (the CRD fixtures).
    publicRegistryOverride: versionAtLeast(version, 'v1beta6')
      ? stringFact(['spec', 'publicRegistryOverride'])
      : undefined,
    specPath: ['spec'],
  };
}

function optional<K extends string, T>(key: K, value: T | undefined): { [key in K]?: T } {
  return value === undefined ? {} : ({ [key]: value } as { [key in K]: T });
}

/**
 * Whether the DynaKube turns extensions on, as the operator reads it (HEAD `operands_props.go`: Prometheus when
 * `spec.extensions.prometheus` is set, databases when listed; v1beta3–v1beta5 convert any `spec.extensions` to
 * Prometheus on; earlier versions have no such field). Undefined when they are off.
 */
function readExtensions(resource: ResourceBase, version: string): Fact<boolean> | undefined {
  const path = ['spec', 'extensions'];
  const extensions = asRecord(getIn(resource.document.value, path));
  if (!extensions) return undefined;
  // v1alpha1, v1beta1 and v1beta2 have no such field: the API server prunes it.
  if (['v1beta3', 'v1beta4', 'v1beta5'].includes(version)) return fact(true, originAt(resource, path));
  if (version !== 'v1beta6') return undefined;
  if (asRecord(extensions.prometheus)) return fact(true, originAt(resource, [...path, 'prometheus']));
  if (asArray(extensions.databases).length > 0) return fact(true, originAt(resource, [...path, 'databases']));
  return undefined;
}

/** `applicationMonitoring.useCSIDriver` exists in v1beta1 and v1beta2 only (reference/dynatrace.md §3.2). */
function hasUseCsiDriverField(version: string): boolean {
  return version === 'v1beta1' || version === 'v1beta2';
}

/** The field, or false where it is absent (the v1beta2 CRD default; v1beta1 has none and nil reads as false). */
function readUseCsiDriver(resource: ResourceBase): Fact<boolean> {
  const path = ['spec', 'oneAgent', 'applicationMonitoring', 'useCSIDriver'];
  const raw = getIn(resource.document.value, path);
  return raw === undefined
    ? fact(false, originAt(resource, path.slice(0, -1)), true)
    : fact(asBoolean(raw) ?? false, originAt(resource, path));
}

/**
 * Paths of the code-module `namespaceSelector` a DynaKube may carry: v1beta1 keeps it at `spec.namespaceSelector`,
 * later versions under the injecting mode.
 */
export const DYNAKUBE_SELECTOR_PATHS: readonly (readonly string[])[] = [
  ['spec', 'namespaceSelector'],
  ...CODE_MODULE_MODES.map((mode) => ['spec', 'oneAgent', mode, 'namespaceSelector']),
];

/**
 * The selector the injecting mode reads: `spec.namespaceSelector` in v1beta1 (and v1alpha1), the mode's own from v1beta2.
 * Each version's schema has only its own (the CRD fixtures): the API server prunes the other, so it is never read.
 * Its CRD types label values `string`: an unquoted `true` or `2` makes the API server reject the DynaKube, so it is not
 * read (as for labels, `metadataStrings`); `shapeNotes` says to quote it.
 */
function readSelector(resource: ResourceBase, version: string, mode: OneAgentMode | undefined) {
  const path = !versionAtLeast(version, 'v1beta2')
    ? ['spec', 'namespaceSelector']
    : mode && ['spec', 'oneAgent', mode, 'namespaceSelector'];
  const selector = path && toSelector(getIn(resource.document.value, path), 'strings only');
  return path && selector ? fact(selector, originAt(resource, path)) : undefined;
}

/** DynaKube versions, oldest first. */
const DYNAKUBE_VERSIONS = ['v1alpha1', 'v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5', 'v1beta6'];

/** Whether `version` is `oldest` or later; a version not known here is taken for a newer one. */
export function versionAtLeast(version: string, oldest: string): boolean {
  const rank = DYNAKUBE_VERSIONS.indexOf(version);
  return rank < 0 || rank >= DYNAKUBE_VERSIONS.indexOf(oldest);
}

/**
 * A label selector. With `strings only`, label values written as YAML booleans or numbers are left out, where a
 * schema types them `string` and rejects the object; otherwise they are read as their text.
 */
export function toSelector(
  raw: unknown,
  values: 'strings only' | 'as text' = 'as text',
): LabelSelector | undefined {
  const record = asRecord(raw);
  if (!record) return undefined;
  const readText =
    values === 'strings only' ? (v: unknown) => (typeof v === 'string' ? v : undefined) : asString;
  const selector: LabelSelector = {};
  if (record.matchLabels !== undefined)
    selector.matchLabels =
      values === 'strings only' ? metadataStrings(record.matchLabels) : stringMap(record.matchLabels);
  if (record.matchExpressions !== undefined) {
    selector.matchExpressions = asArray(record.matchExpressions).flatMap(
      (item): LabelSelectorRequirement[] => {
        const expression = asRecord(item);
        const key = asString(expression?.key);
        const operator = asString(expression?.operator);
        // An unknown operator is kept: dropping it would make the selector broader than written.
        if (!key || !operator) return [];
        const requirementValues = asArray(expression?.values)
          .map(readText)
          .filter((v): v is string => v !== undefined);
        return [{ key, operator, values: requirementValues }];
      },
    );
  }
  return selector;
}

function readActiveGate(resource: ResourceBase): ActiveGateSpec | undefined {
  const value = resource.document.value;
  const activeGate = asRecord(getIn(value, ['spec', 'activeGate']));
  if (!activeGate) return undefined;
  const capabilities = asArray(activeGate.capabilities)
    .map(asString)
    .filter((c): c is string => c !== undefined);
  const image = asString(activeGate.image);
  return {
    capabilities: fact(capabilities, originAt(resource, ['spec', 'activeGate', 'capabilities'])),
    // Typed `string` in the CRD, as an object's own labels: an unquoted `true` is not read (`shapeNotes` says so).
    labels: metadataStrings(activeGate.labels),
    annotations: metadataStrings(activeGate.annotations),
    ...(image ? { image: fact(image, originAt(resource, ['spec', 'activeGate', 'image'])) } : {}),
    origin: originAt(resource, ['spec', 'activeGate']),
  };
}

/** Whether two DynaKubes are the same object (name and namespace), as on base and head of a pull request. */
export function sameDynaKube(a: DynaKube, b: DynaKube): boolean {
  return a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

/** The mode that injects code modules into application pods (cloudNativeFullStack, applicationMonitoring), if any. */
export function injectingMode(dynakube: DynaKube): Fact<OneAgentMode> | undefined {
  return dynakube.modes.find((mode) => CODE_MODULE_MODES.includes(mode.value));
}

/** True when the DynaKube injects code modules into application pods. */
export function injectsCodeModules(dynakube: DynaKube): boolean {
  return injectingMode(dynakube) !== undefined;
}

/**
 * Whether a boolean feature-flag annotation (default off) is on (pkg/api/exp `getBoolWithDefault`). Older operators
 * (0.x) compared with `"true"` alone, which this accepts too.
 */
export function featureFlagOn(dynakube: DynaKube, flag: string): boolean {
  return parseGoBool(dynakube.annotations[flag]) === true;
}

export const AUTOMATIC_INJECTION_FLAG = 'feature.dynatrace.com/automatic-injection';
export const POD_INJECT_ANNOTATION = 'oneagent.dynatrace.com/inject';
/** The pod annotation that turns every Dynatrace mutation of the pod off (the webhook's `mutationRequired`). */
export const POD_DYNATRACE_INJECT_ANNOTATION = 'dynatrace.com/inject';

/**
 * Whether the DynaKube injects code modules into a pod of a namespace it monitors, by the pod's annotations:
 * `dynatrace.com/inject: "false"` turns every mutation off; then the pod's `oneagent.dynatrace.com/inject` decides,
 * else `feature.dynatrace.com/automatic-injection` (default on; when off, pods must opt in one by one). The webhook's
 * `mutationRequired` and the OneAgent mutator's `IsEnabled` (`maputils.GetFieldBool` with the flag as default).
 */
export function injectsIntoPod(dynakube: DynaKube, podAnnotations: Record<string, string>): boolean {
  if (parseGoBool(podAnnotations[POD_DYNATRACE_INJECT_ANNOTATION]) === false) return false;
  const automatic = parseGoBool(dynakube.annotations[AUTOMATIC_INJECTION_FLAG]) ?? true;
  return parseGoBool(podAnnotations[POD_INJECT_ANNOTATION]) ?? automatic;
}
