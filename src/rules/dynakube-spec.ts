import { operatorsServing, pinnedOperatorVersions } from '../model/facts-dynakube-versions.js';
import { atLeast } from '../model/facts-versions.js';
import { placeholderIn } from '../model/placeholders.js';
import type { NotEvaluable } from '../model/provenance.js';
import { getIn } from '../model/read.js';
import { originAt } from '../model/resource.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { namespaceConflictFindings } from './dynakube-namespace-conflicts.js';
import { labelSelectorProblems, type SelectorProblem } from './label-syntax.js';
import { replaceScalarEdit } from './line-edits.js';
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

/** Released operators (v1.4 to v1.10.2) check only the OneAgent selector, with this message. */
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

/** A value a deploy-time tool substitutes: the documented example, `${VAR}`, `<path:…>`, Helm `{{ }}`, `*_PLACEHOLDER`. */
export function isPlaceholder(value: string): boolean {
  return /ENVIRONMENTID|\$\{|\$\(|<path:|\{\{|_PLACEHOLDER|<[A-Za-z_-]+>/.test(value);
}

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

const sameObject = (a: DynaKube, b: DynaKube) =>
  a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

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
    if (model.dynakubes.some((other) => other !== dynakube && sameObject(other, dynakube) && other.apiUrl))
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
function nearestCapability(capability: string): string | undefined {
  const normalized = capability
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  return ACTIVEGATE_CAPABILITIES.includes(normalized) ? normalized : undefined;
}

function capabilityFindings(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  const capabilities = dynakube.activeGate?.capabilities.value ?? [];
  return capabilities.flatMap((capability, index): FindingDraft[] => {
    if (ACTIVEGATE_CAPABILITIES.includes(capability)) return [];
    const path = ['spec', 'activeGate', 'capabilities', index];
    const nearest = nearestCapability(capability);
    const edit = nearest ? replaceScalarEdit(model, dynakube.document, path, capability, nearest) : undefined;
    return [
      {
        message:
          `DynaKube ${dynakube.name}: The DynaKube's specification tries to use an invalid capability in ActiveGate section, ` +
          `invalid capability=${capability}. Valid capabilities: ${ACTIVEGATE_CAPABILITIES.join(', ')}.`,
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
    (old) => sameObject(old, dynakube) && old.document.file === dynakube.document.file,
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
 * The injecting mode's selector (`spec.namespaceSelector` in v1beta1), which every release since v1.4 validates, and
 * after v1.10.2 also the metadata-enrichment and OTLP-exporter selectors.
 */
function validatedSelectors(dynakube: DynaKube): ValidatedSelector[] {
  const injecting = ['cloudNativeFullStack', 'applicationMonitoring'].find((mode) =>
    dynakube.modes.some((m) => m.value === mode),
  );
  const oneAgentPath =
    dynakube.version === 'v1beta1'
      ? ['spec', 'namespaceSelector']
      : injecting && ['spec', 'oneAgent', injecting, 'namespaceSelector'];
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
  const serving = operatorsServing(pinnedOperatorVersions(model), dynakube);
  if (serving.length === 0) return undefined;
  return serving.every(({ line }) => line !== 'latest' && atLeast(line, 1, 11));
}

/** `spec.x.matchExpressions[0].key`, as kubectl names a field. */
function fieldPath(path: (string | number)[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i ? `.${segment}` : segment))
    .join('');
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
    ]);
    return [...perDynaKube, ...namespaceConflictFindings(head, base)];
  },
  notEvaluable({ head }): NotEvaluable[] {
    return head.dynakubes.flatMap((dynakube) => {
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
    });
  },
};
