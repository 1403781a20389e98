import { operatorsServing, pinnedOperatorVersions } from '../model/facts-dynakube-versions.js';
import { atLeast, type ReleaseLine } from '../model/facts-versions.js';
import { featureFlagOn, injectingMode, injectsCodeModules, sameDynaKube } from '../model/dynakube.js';
import { isPlaceholder, placeholderIn } from '../model/placeholders.js';
import type { NotEvaluable } from '../model/provenance.js';
import { asRecord, asString, fieldPath, getIn } from '../model/read.js';
import { originAt } from '../model/resource.js';
import { resourceId, type ClusterModel, type DynaKube, type OneAgentMode } from '../model/types.js';
import { namespaceConflictFindings } from './dynakube-namespace-conflicts.js';
import { NODE_IMAGE_PULL, PUBLIC_REGISTRY_FLAGS } from './code-modules-pull.js';
import { labelSelectorProblems, type SelectorProblem } from './label-syntax.js';
import { replaceScalarEdit } from './line-edits.js';
import { isDns1035Label, parsesAsImageReference, validOneAgentVersion } from './webhook-syntax.js';
import { docsUrl, type FindingDraft, type Fix, type Rule } from './types.js';

const id = 'dynakube-spec';

/** The operator's `ExampleAPIURL`; the samples ship it and repositories substitute it at deploy time. */
export const EXAMPLE_API_URL = 'https://ENVIRONMENTID.live.dynatrace.com/api';
/** Capabilities the operator webhook accepts (`pkg/api/latest/dynakube/activegate/spec.go`). */
export const ACTIVEGATE_CAPABILITIES = [
  'routing',
  'kubernetes-monitoring',
  'metrics-ingest',
  'dynatrace-api',
  'debugging',
];

// Webhook messages (`pkg/api/validation/dynakube/`), replayed word for word.
const CONFLICTING_MODES =
  'The DynaKube specification attempts to use multiple OneAgent modes simultaneously, which is not supported.';
const NO_API_URL = "The DynaKube's specification is missing the API URL or still has the example value set.";
const INVALID_API_URL =
  "The DynaKube's specification has an invalid API URL value set. Make sure you correctly specify the URL in your custom resource (including the /api postfix).";
const MUTATED_API_URL =
  "The DynaKube's specification mutated the tenant in the API URL although it is immutable. Please delete the CR and then apply a new one";

/** Released operators (v1.0 to v1.10.2) check only the OneAgent selector, with this message. */
const SELECTOR_NOT_CONFORM =
  "The DynaKube's namespaceSelector contains matchLabels that are not conform to spec.";
/** The operator after v1.10.2 checks three selectors, each with its own message. */
const INVALID_SELECTOR = {
  oneAgent: 'OneAgent namespaceSelector contains invalid matchLabels or matchExpressions.',
  metadataEnrichment:
    'Metadata enrichment namespaceSelector contains invalid matchLabels or matchExpressions.',
  otlpExporter:
    'OTLP exporter configuration namespaceSelector contains invalid matchLabels or matchExpressions.',
};

const INVALID_VERSION =
  "The OneAgent's version is only valid in the format 'major.minor.patch.timestamp', e.g. 1.0.0.20240101-000000";
const NODE_IMAGE_PULL_WITHOUT_IMAGE =
  'The DynaKube specification enables node image pull, but neither a code modules image is set nor a public registry is used.';
const CLASSIC_WITH_PUBLIC_REGISTRY =
  "The DynaKube's specification uses classicFullStack, which is not compatible with the public registry feature or platform tokens. Consider upgrading to cloudNativeFullStack.";
const unparsableImage = (section: string) =>
  `Custom ${section} image can't be parsed, make sure it's a valid image reference.`;
const NAME_NOT_DNS_1035 =
  "The DynaKube name violates DNS-1035, a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const nameTooLong = (limit: number) =>
  `The length limit for the name of a DynaKube is ${limit}, because it is the base for the name of resources related to the DynaKube. (example: dkName-activegate-<some-hash>). ` +
  'The limit is necessary because kubernetes uses the name of some resources (example: StatefulSet) for the label value, which has a limit of 63 characters.';

/** The webhook's apiUrl check: a parsable http(s) URL ending in `/api`, unless it is a third-generation `.apps.` host. */
function apiUrlValid(apiUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(url.protocol) || url.hostname === '') return false;
  return apiUrl.endsWith('/api') || url.hostname.includes('.apps.');
}

/** The URL the webhook would accept, when the mistake is only the `/api` suffix. */
function correctedApiUrl(apiUrl: string): string | undefined {
  const candidate = `${apiUrl.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
  return apiUrlValid(candidate) ? candidate : undefined;
}

/** The tenant as the webhook compares it: the first label of the apiUrl host. */
function tenantOf(apiUrl: string | undefined): string | undefined {
  if (!apiUrl || isPlaceholder(apiUrl)) return undefined;
  try {
    return new URL(apiUrl).hostname.split('.')[0] || undefined;
  } catch {
    return undefined;
  }
}

function modeFindings(dynakube: DynaKube): FindingDraft[] {
  if (dynakube.modes.length < 2) return [];
  return [
    {
      message: `DynaKube ${dynakube.name} sets ${dynakube.modes.map((m) => m.value).join(' and ')}. ${CONFLICTING_MODES}`,
      origin: dynakube.modes[1].origin,
      resource: resourceId(dynakube),
      field: 'spec.oneAgent',
      subject: dynakube,
    },
  ];
}

function apiUrlFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  const base = { resource: resourceId(dynakube), field: 'spec.apiUrl', subject: dynakube };
  const apiUrl = dynakube.apiUrl;
  if (!apiUrl || apiUrl.value.trim() === '') {
    // A kustomize patch or an overlay may carry the apiUrl of the same object.
    if (model.dynakubes.some((other) => other !== dynakube && sameDynaKube(other, dynakube) && other.apiUrl))
      return [];
    return [
      {
        ...base,
        message: `DynaKube ${dynakube.name} has no apiUrl. ${NO_API_URL}`,
        origin: apiUrl?.origin ?? dynakube.origin,
      },
    ];
  }
  if (isPlaceholder(apiUrl.value) || apiUrlValid(apiUrl.value)) return [];
  const corrected = correctedApiUrl(apiUrl.value);
  const edit = corrected
    ? replaceScalarEdit(model, dynakube.document, ['spec', 'apiUrl'], apiUrl.value, corrected)
    : undefined;
  const fix: Fix | undefined = edit
    ? { description: `Use \`${corrected}\` (the environment URL with the \`/api\` suffix).`, edits: [edit] }
    : undefined;
  return [
    {
      ...base,
      message: `DynaKube ${dynakube.name} has apiUrl \`${apiUrl.value}\`. ${INVALID_API_URL}`,
      origin: apiUrl.origin,
      ...(fix ? { fix } : {}),
    },
  ];
}

/** `Kubernetes_Monitoring` → `kubernetes-monitoring`, when that is a valid capability. */
function nearestCapability(capability: string, valid: readonly string[]): string | undefined {
  const normalized = capability
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  return valid.includes(normalized) ? normalized : undefined;
}

/** The capabilities the operators serving the DynaKube accept: `debugging` only from v1.5 (not in v1.4.x). */
function validCapabilities(model: ClusterModel, dynakube: DynaKube): string[] {
  return pinnedOlderThan(model, dynakube, 1, 5)
    ? ACTIVEGATE_CAPABILITIES.filter((capability) => capability !== 'debugging')
    : ACTIVEGATE_CAPABILITIES;
}

function capabilityFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  const capabilities = dynakube.activeGate?.capabilities.value ?? [];
  const valid = validCapabilities(model, dynakube);
  return capabilities.flatMap((capability, index): FindingDraft[] => {
    if (valid.includes(capability)) return [];
    const path = ['spec', 'activeGate', 'capabilities', index];
    const nearest = nearestCapability(capability, valid);
    const edit = nearest ? replaceScalarEdit(model, dynakube.document, path, capability, nearest) : undefined;
    return [
      {
        message:
          `DynaKube ${dynakube.name}: The DynaKube's specification tries to use an invalid capability in ActiveGate section, ` +
          `invalid capability=${capability}. Valid capabilities: ${valid.join(', ')}.`,
        origin: originAt(dynakube, path, dynakube.activeGate!.capabilities.origin),
        resource: resourceId(dynakube),
        field: `spec.activeGate.capabilities.${capability}`,
        subject: dynakube,
        ...(edit ? { fix: { description: `Use the capability \`${nearest}\`.`, edits: [edit] } } : {}),
      },
    ];
  });
}

function tenantFindings(dynakube: DynaKube, base: ClusterModel | undefined): FindingDraft[] {
  const before = base?.dynakubes.find(
    (old) => sameDynaKube(old, dynakube) && old.document.file === dynakube.document.file,
  );
  const oldTenant = tenantOf(before?.apiUrl?.value);
  const newTenant = tenantOf(dynakube.apiUrl?.value);
  if (!before || !oldTenant || !newTenant || oldTenant === newTenant) return [];
  const namespace = dynakube.namespace ? ` -n ${dynakube.namespace}` : '';
  return [
    {
      message: `DynaKube ${dynakube.name} changes its tenant from ${oldTenant} to ${newTenant}. ${MUTATED_API_URL}`,
      origin: dynakube.apiUrl!.origin,
      resource: resourceId(dynakube),
      field: 'spec.apiUrl.tenant',
      subject: dynakube,
      fix: {
        description: 'The apiUrl tenant is immutable: delete the DynaKube, then apply it again.',
        edits: [],
        commands: [
          `kubectl delete dynakube ${dynakube.name}${namespace}`,
          `kubectl apply -f ${dynakube.document.file}`,
        ],
      },
    },
  ];
}

/** A selector the webhook validates: where it is, its message, and whether released operators check it too. */
interface ValidatedSelector {
  path: string[];
  message: string;
  released: boolean;
}

/**
 * The injecting mode's selector (`spec.namespaceSelector` in v1beta1), which every release since v1.0 validates, and
 * after v1.10.2 also the metadata-enrichment and OTLP-exporter selectors.
 */
function validatedSelectors(dynakube: DynaKube): ValidatedSelector[] {
  const injecting = injectingMode(dynakube)?.value;
  // Without an injecting mode the operator has no OneAgent selector to check.
  const oneAgentPath =
    injecting &&
    (dynakube.version === 'v1beta1'
      ? ['spec', 'namespaceSelector']
      : ['spec', 'oneAgent', injecting, 'namespaceSelector']);
  return [
    ...(oneAgentPath ? [{ path: oneAgentPath, message: INVALID_SELECTOR.oneAgent, released: true }] : []),
    {
      path: ['spec', 'metadataEnrichment', 'namespaceSelector'],
      message: INVALID_SELECTOR.metadataEnrichment,
      released: false,
    },
    {
      path: ['spec', 'otlpExporterConfiguration', 'namespaceSelector'],
      message: INVALID_SELECTOR.otlpExporter,
      released: false,
    },
  ];
}

/**
 * Whether every operator pinned for the DynaKube is newer than v1.10.2, the newest release when written; undefined
 * when no version is pinned. A range Helm resolves to the newest release counts as that release.
 */
function newerThanRelease(model: ClusterModel, dynakube: DynaKube): boolean | undefined {
  const lines = servingLines(model, dynakube);
  if (lines.length === 0) return undefined;
  return lines.every((line) => line !== 'latest' && atLeast(line, 1, 11));
}

/** Whether every operator pinned for the DynaKube predates `major.minor`, the release that added a check. */
function pinnedOlderThan(model: ClusterModel, dynakube: DynaKube, major: number, minor: number): boolean {
  const lines = servingLines(model, dynakube);
  return lines.length > 0 && lines.every((line) => line !== 'latest' && !atLeast(line, major, minor));
}

/** Release lines of the operators pinned for the DynaKube; empty when none is. */
function servingLines(model: ClusterModel, dynakube: DynaKube): ReleaseLine[] {
  return operatorsServing(pinnedOperatorVersions(model), dynakube).map((operator) => operator.line);
}

/** The selector's problems that are real: a key or value a deploy-time tool substitutes is not judged. */
function selectorProblems(dynakube: DynaKube, path: string[]): SelectorProblem[] {
  return labelSelectorProblems(getIn(dynakube.document.value, path), path).filter(
    (problem) => !isPlaceholder(problem.text),
  );
}

function selectorFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  const newer = newerThanRelease(model, dynakube);
  return validatedSelectors(dynakube).flatMap(({ path, message, released }): FindingDraft[] => {
    // Released operators do not check these selectors: only a pinned newer operator rejects them.
    if (!released && newer !== true) return [];
    const problems = selectorProblems(dynakube, path);
    if (problems.length === 0) return [];
    const listed = problems
      .map((problem) => `${fieldPath(problem.path)} \`${problem.text}\`: ${problem.problem}`)
      .join('; ');
    const webhook = newer === true ? message : SELECTOR_NOT_CONFORM;
    const other = newer === undefined ? ` (operators after v1.10.2: "${message}")` : '';
    return [
      {
        message: `DynaKube ${dynakube.name}: ${listed}. ${webhook}${other}`,
        origin: originAt(dynakube, problems[0].path),
        resource: resourceId(dynakube),
        field: path.join('.'),
        subject: dynakube,
      },
    ];
  });
}

/** The mode whose `version` and `image` the operator reads (`GetCustomVersion`, `GetCustomImage`): its first match. */
const MODE_PRECEDENCE: readonly OneAgentMode[] = [
  'classicFullStack',
  'cloudNativeFullStack',
  'applicationMonitoring',
  'hostMonitoring',
];

function readMode(dynakube: DynaKube): OneAgentMode | undefined {
  return MODE_PRECEDENCE.find((mode) => dynakube.modes.some((m) => m.value === mode));
}

/** A string field of the DynaKube as written, with its place. */
function written(dynakube: DynaKube, path: string[]): { value: string; path: string[] } | undefined {
  const value = getIn(dynakube.document.value, path);
  return typeof value === 'string' && value !== '' ? { value, path } : undefined;
}

function finding(dynakube: DynaKube, path: string[], message: string): FindingDraft {
  return {
    message: `DynaKube ${dynakube.name}: ${message}`,
    origin: originAt(dynakube, path),
    resource: resourceId(dynakube),
    field: path.join('.'),
    subject: dynakube,
  };
}

/** `isOneAgentVersionValid`, from operator v1.4. */
function versionFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  if (pinnedOlderThan(model, dynakube, 1, 4)) return [];
  const mode = readMode(dynakube);
  const version = mode && written(dynakube, ['spec', 'oneAgent', mode, 'version']);
  if (!version || isPlaceholder(version.value) || validOneAgentVersion(version.value)) return [];
  return [finding(dynakube, version.path, `version \`${version.value}\`: ${INVALID_VERSION}`)];
}

/**
 * `missingCodeModulesImage`, from operator v1.5: node image pull needs an image to pull, the codeModulesImage or the
 * public registry's.
 */
function nodeImagePullFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  if (pinnedOlderThan(model, dynakube, 1, 5)) return [];
  if (!injectsCodeModules(dynakube) || !featureFlagOn(dynakube, NODE_IMAGE_PULL)) return [];
  // The webhook reads only the feature flag here, not `publicRegistryOverride`.
  if (dynakube.codeModulesImage?.value || PUBLIC_REGISTRY_FLAGS.some((flag) => featureFlagOn(dynakube, flag)))
    return [];
  return [finding(dynakube, ['metadata', 'annotations', NODE_IMAGE_PULL], NODE_IMAGE_PULL_WITHOUT_IMAGE)];
}

/**
 * `publicRegistryNotAllowedForClassic`, from operator v1.10. The operator after v1.10.2 lets a custom `image` through;
 * v1.10 does not, so with an image the check is left out rather than guessed.
 */
function classicPublicRegistryFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  if (readMode(dynakube) !== 'classicFullStack' || dynakube.oneAgentImage?.value) return [];
  if (pinnedOlderThan(model, dynakube, 1, 10)) return [];
  const flag = PUBLIC_REGISTRY_FLAGS.find((name) => featureFlagOn(dynakube, name));
  const path = dynakube.publicRegistryOverride
    ? ['spec', 'publicRegistryOverride']
    : flag && ['metadata', 'annotations', flag];
  return path ? [finding(dynakube, path, CLASSIC_WITH_PUBLIC_REGISTRY)] : [];
}

/**
 * `imageFieldHasTenantImage`, from operator v1.3: the OneAgent's and the ActiveGate's custom image must parse as image
 * references.
 */
function imageFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  if (pinnedOlderThan(model, dynakube, 1, 3)) return [];
  const mode = readMode(dynakube);
  const images = [
    { section: 'ActiveGate', image: written(dynakube, ['spec', 'activeGate', 'image']) },
    // applicationMonitoring has no OneAgent image (`GetCustomImage`).
    {
      section: 'OneAgent',
      image:
        mode && mode !== 'applicationMonitoring'
          ? written(dynakube, ['spec', 'oneAgent', mode, 'image'])
          : undefined,
    },
  ];
  return images.flatMap(({ section, image }) =>
    !image || isPlaceholder(image.value) || parsesAsImageReference(image.value)
      ? []
      : [finding(dynakube, image.path, `image \`${image.value}\`: ${unparsableImage(section)}`)],
  );
}

const MISSING_OTEL_COLLECTOR_IMAGE =
  "The Dynakube's specification specifies the OTel Collector, but no image repository/tag is configured.";

/**
 * `missingOTelCollectorImage` (`telemetryservice.go`), from operator v1.8: telemetry ingest or Prometheus extensions
 * run an OTel collector, whose image `spec.templates.otelCollector.imageRef` must name (a repository and a tag; from
 * v1.10 a digest will do instead of the tag). Only v1beta6 is checked: the operator's conversion of v1beta3–v1beta5
 * gives a collector without an image `public.ecr.aws/dynatrace/dynatrace-otel-collector:latest`
 * (`pkg/api/v1beta5/dynakube/convert_to.go` `toOpenTelemetryCollectorTemplate`).
 */
function otelCollectorImageFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  if (dynakube.version !== 'v1beta6' || pinnedOlderThan(model, dynakube, 1, 8)) return [];
  const value = dynakube.document.value;
  // A null section unmarshals to a nil pointer: the feature is off.
  const needs = [
    ['spec', 'telemetryIngest'],
    ['spec', 'extensions', 'prometheus'],
  ].find((path) => asRecord(getIn(value, path)) !== undefined);
  if (!needs) return [];
  const image = asRecord(getIn(value, ['spec', 'templates', 'otelCollector', 'imageRef']));
  const text = (key: string) => asString(image?.[key]) ?? '';
  const digestCounts = !pinnedOlderThan(model, dynakube, 1, 10);
  if (text('repository') !== '' && (text('tag') !== '' || (digestCounts && text('digest') !== ''))) return [];
  return [
    {
      ...finding(
        dynakube,
        needs,
        `${needs.slice(1).join('.')} runs an OTel collector and \`spec.templates.otelCollector.imageRef\` names no image ` +
          `(repository and tag). ${MISSING_OTEL_COLLECTOR_IMAGE} (v1beta5 and older got ` +
          'public.ecr.aws/dynatrace/dynatrace-otel-collector:latest from the conversion; v1beta6 has no default.)',
      ),
      field: 'spec.templates.otelCollector.imageRef',
    },
  ];
}

/**
 * The DynaKube name limit (`dynakube_name.go`): 40, lower while extensions, telemetry ingest or KSPM run (operator
 * v1.8 and later; not when every pinned operator is older).
 */
function nameLimit(model: ClusterModel, dynakube: DynaKube): { limit: number; because?: string } {
  if (pinnedOlderThan(model, dynakube, 1, 8)) return { limit: 40 };
  const present = (field: string) => getIn(dynakube.document.value, ['spec', field]) !== undefined;
  const lower = [
    { on: !!dynakube.extensions?.value, limit: 31, because: 'extensions' },
    { on: present('telemetryIngest'), limit: 37, because: 'OpenTelemetry collectors' },
    { on: present('kspm'), limit: 35, because: 'KSPM' },
  ].filter(({ on }) => on);
  // As the operator: the smallest limit, explained by the last feature that lowers it.
  const limit = Math.min(40, ...lower.map((feature) => feature.limit));
  return lower.length > 0 ? { limit, because: lower[lower.length - 1].because } : { limit };
}

function nameFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  const name = dynakube.name;
  if (!name || isPlaceholder(name)) return [];
  const { limit, because } = nameLimit(model, dynakube);
  const path = ['metadata', 'name'];
  if (name.length > limit) {
    const suffix = because
      ? ` When using ${because}, some resources require the DynaKube name to be shorter than usual.`
      : '';
    return [finding(dynakube, path, `name has ${name.length} characters. ${nameTooLong(limit)}${suffix}`)];
  }
  return isDns1035Label(name) ? [] : [finding(dynakube, path, NAME_NOT_DNS_1035)];
}

function apiUrlNotes(dynakube: DynaKube): NotEvaluable[] {
  const apiUrl = dynakube.apiUrl;
  // `${VAR}`, `{{ }}`, `<path:…>` are already listed by the model; the documented example is not.
  if (!apiUrl || !isPlaceholder(apiUrl.value) || placeholderIn(apiUrl.value)) return [];
  const what = apiUrl.value === EXAMPLE_API_URL ? 'the documented example' : 'a placeholder';
  return [
    {
      file: apiUrl.origin.file,
      line: apiUrl.origin.line,
      reason: `apiUrl of DynaKube ${dynakube.name} is ${what} (${apiUrl.value}), substituted at deploy time: the tenant host was not checked`,
    },
  ];
}

/**
 * The other fields the webhook checks, when they hold a placeholder the model does not list (`<tag>`,
 * `*_PLACEHOLDER`): substituted at deploy time, so not judged.
 */
function placeholderFieldNotes(dynakube: DynaKube): NotEvaluable[] {
  const mode = readMode(dynakube);
  const fields = [
    ...(mode
      ? [
          ['spec', 'oneAgent', mode, 'version'],
          ['spec', 'oneAgent', mode, 'image'],
        ]
      : []),
    ['spec', 'activeGate', 'image'],
  ];
  const selectorTexts = validatedSelectors(dynakube).flatMap(({ path }) =>
    labelSelectorProblems(getIn(dynakube.document.value, path), path),
  );
  const candidates = [
    ...fields.flatMap((path) => written(dynakube, path) ?? []),
    ...selectorTexts.map((problem) => ({ value: problem.text, path: problem.path })),
  ];
  return candidates
    .filter(({ value }) => isPlaceholder(value) && !placeholderIn(value))
    .map(({ value, path }) => {
      const origin = originAt(dynakube, path);
      return {
        file: origin.file,
        line: origin.line,
        reason: `${fieldPath(path)} of DynaKube ${dynakube.name} is a placeholder (${value}), substituted at deploy time: the operator webhook's check of it was not replayed`,
      };
    });
}

export const dynakubeSpec: Rule = {
  meta: {
    id,
    severity: 'error',
    description: 'A DynaKube must pass the Dynatrace Operator validation webhook (replayed offline).',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head, base }) {
    const perDynaKube = head.dynakubes.flatMap((dynakube) => [
      ...modeFindings(dynakube),
      ...apiUrlFindings(head, dynakube),
      ...capabilityFindings(head, dynakube),
      ...tenantFindings(dynakube, base),
      ...selectorFindings(head, dynakube),
      ...versionFindings(head, dynakube),
      ...nodeImagePullFindings(head, dynakube),
      ...classicPublicRegistryFindings(head, dynakube),
      ...imageFindings(head, dynakube),
      ...otelCollectorImageFindings(head, dynakube),
      ...nameFindings(head, dynakube),
    ]);
    return [...perDynaKube, ...namespaceConflictFindings(head, base)];
  },
  notEvaluable({ head }): NotEvaluable[] {
    return head.dynakubes.flatMap((dynakube) => [
      ...apiUrlNotes(dynakube),
      ...placeholderFieldNotes(dynakube),
    ]);
  },
};
