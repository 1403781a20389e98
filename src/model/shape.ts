import { subDocument, type ParsedDocument, type ParsedFile, type PathSegment } from '../parse/yaml.js';
import { placeholderIn } from './placeholders.js';
import type { NotEvaluable } from './provenance.js';
import { givenName, unnamedInputName } from './resource.js';
import { DYNAKUBE_SELECTOR_PATHS } from './dynakube.js';
import { asArray, asRecord, asString, fieldPath, getIn, nonStringKeys } from './read.js';
import { shortValue } from '../short-text.js';
import { TEMPLATE_PATHS } from './workload.js';

/**
 * Fields of the kinds the model reads whose type the API server checks. A PR can put anything there
 * (`spec: 3`, `enableIstio: "maybe"`, `labels: [a]`); the readers then see nothing and a rule would be silently
 * blind, so each such field becomes a "could not evaluate" note at its line.
 */
type Expected = 'mapping' | 'list' | 'boolean' | 'string' | 'map of strings';

interface FieldShape {
  kinds: ReadonlySet<string> | 'any';
  path: readonly string[];
  expected: Expected;
  /** What the values of a map of strings are, for the note on an unquoted one. */
  values?: string;
  /** The CRD's enum for a string: the API server matches it as written, so `strict` is rejected. */
  allowed?: readonly string[];
}

const METADATA_VALUES = 'label and annotation values';
const SELECTOR_VALUES = 'label selector values';

const WORKLOADS = ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];
const ISTIO = ['PeerAuthentication', 'ServiceEntry', 'VirtualService', 'Sidecar', 'IstioOperator'];
const SAIL = ['Istio', 'IstioCNI', 'ZTunnel', 'IstioRevision'];
/** Kinds some reader of the model looks at; other kinds are recorded only, so their shape is not our business. */
export const READ_KINDS: ReadonlySet<string> = new Set([
  'DynaKube',
  'EdgeConnect',
  'Namespace',
  'ConfigMap',
  'HelmRelease',
  'Application',
  ...ISTIO,
  ...SAIL,
  ...WORKLOADS,
]);
const WITH_SPEC = new Set([
  'DynaKube',
  'EdgeConnect',
  'HelmRelease',
  'Application',
  ...ISTIO,
  ...SAIL,
  ...WORKLOADS,
]);
const only = (...kinds: string[]) => new Set(kinds);

const FIELDS: readonly FieldShape[] = [
  { kinds: 'any', path: ['metadata'], expected: 'mapping' },
  { kinds: 'any', path: ['metadata', 'labels'], expected: 'map of strings' },
  { kinds: 'any', path: ['metadata', 'annotations'], expected: 'map of strings' },
  { kinds: WITH_SPEC, path: ['spec'], expected: 'mapping' },
  { kinds: only('DynaKube'), path: ['spec', 'apiUrl'], expected: 'string' },
  { kinds: only('DynaKube'), path: ['spec', 'enableIstio'], expected: 'boolean' },
  { kinds: only('DynaKube'), path: ['spec', 'oneAgent'], expected: 'mapping' },
  { kinds: only('DynaKube'), path: ['spec', 'activeGate'], expected: 'mapping' },
  { kinds: only('DynaKube'), path: ['spec', 'namespaceSelector'], expected: 'mapping' },
  ...DYNAKUBE_SELECTOR_PATHS.map((path): FieldShape => ({
    kinds: only('DynaKube'),
    path: [...path, 'matchLabels'],
    expected: 'map of strings',
    values: SELECTOR_VALUES,
  })),
  // The DynaKube CRD types both `additionalProperties: {type: string}`, as an object's own labels and annotations.
  { kinds: only('DynaKube'), path: ['spec', 'activeGate', 'labels'], expected: 'map of strings' },
  { kinds: only('DynaKube'), path: ['spec', 'activeGate', 'annotations'], expected: 'map of strings' },
  { kinds: only('ServiceEntry'), path: ['spec', 'hosts'], expected: 'list' },
  { kinds: only('ServiceEntry'), path: ['spec', 'ports'], expected: 'list' },
  { kinds: only('PeerAuthentication'), path: ['spec', 'mtls'], expected: 'mapping' },
  { kinds: only('PeerAuthentication'), path: ['spec', 'selector'], expected: 'mapping' },
  { kinds: only('PeerAuthentication'), path: ['spec', 'portLevelMtls'], expected: 'mapping' },
  {
    kinds: only('PeerAuthentication'),
    path: ['spec', 'selector', 'matchLabels'],
    expected: 'map of strings',
    values: SELECTOR_VALUES,
  },
  {
    kinds: only('PeerAuthentication'),
    path: ['spec', 'mtls', 'mode'],
    expected: 'string',
    allowed: ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'],
  },
  {
    kinds: only('Sidecar'),
    path: ['spec', 'outboundTrafficPolicy', 'mode'],
    expected: 'string',
    allowed: ['REGISTRY_ONLY', 'ALLOW_ANY'],
  },
  {
    kinds: only('Sidecar'),
    path: ['spec', 'workloadSelector', 'labels'],
    expected: 'map of strings',
    values: SELECTOR_VALUES,
  },
  { kinds: only('VirtualService'), path: ['spec', 'hosts'], expected: 'list' },
  { kinds: only('HelmRelease'), path: ['spec', 'chart'], expected: 'mapping' },
  { kinds: only('HelmRelease'), path: ['spec', 'values'], expected: 'mapping' },
  { kinds: only('HelmRelease'), path: ['spec', 'valuesFrom'], expected: 'list' },
  { kinds: only('Application'), path: ['spec', 'source'], expected: 'mapping' },
  { kinds: only('Application'), path: ['spec', 'sources'], expected: 'list' },
  { kinds: only('IstioOperator', ...SAIL), path: ['spec', 'values'], expected: 'mapping' },
  { kinds: only('IstioOperator'), path: ['spec', 'meshConfig'], expected: 'mapping' },
  { kinds: only('ConfigMap'), path: ['data'], expected: 'mapping' },
  ...podTemplateMetadataFields(),
];

/** The pod template's labels and annotations of each workload kind; a Pod's are its own `metadata`, checked above. */
function podTemplateMetadataFields(): FieldShape[] {
  return Object.entries(TEMPLATE_PATHS)
    .filter(([, templatePath]) => templatePath.length > 0)
    .flatMap(([kind, templatePath]) =>
      ['labels', 'annotations'].map((map): FieldShape => ({
        kinds: only(kind),
        path: [...templatePath, 'metadata', map],
        expected: 'map of strings',
      })),
    );
}

function expectedText(field: FieldShape): string {
  return field.allowed
    ? `one of ${field.allowed.join(', ')} (as written, upper case)`
    : `a ${field.expected}`;
}

/** Kubernetes also accepts these spellings for booleans in manifests that pass through Helm. */
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);

function matches(value: unknown, expected: Expected): boolean {
  switch (expected) {
    case 'mapping':
      return asRecord(value) !== undefined;
    case 'list':
      return Array.isArray(value);
    case 'boolean':
      return (
        typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_WORDS.has(value.toLowerCase()))
      );
    case 'string':
      return typeof value === 'string' || typeof value === 'number';
    case 'map of strings': {
      const record = asRecord(value);
      return !!record && Object.values(record).every((item) => item === null || typeof item !== 'object');
    }
  }
}

/** `a list`, `the number 3`, `the string "maybe"` — short, whatever the PR put there. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(shortValue(value))}`;
  }
  return `the ${typeof value} ${String(value)}`;
}

function objectName(value: Record<string, unknown>): string | undefined {
  return givenName(value.metadata)?.name;
}

function fieldNotes(document: ParsedDocument, kind: string, label: string): NotEvaluable[] {
  const notes: NotEvaluable[] = [];
  for (const field of FIELDS) {
    if (field.kinds !== 'any' && !field.kinds.has(kind)) continue;
    const value = getIn(document.value, field.path);
    // null is how YAML spells "unset"; the API server treats it so too.
    if (value === undefined || value === null) continue;
    if (matches(value, field.expected) && (!field.allowed || field.allowed.includes(String(value)))) {
      if (field.expected === 'map of strings')
        notes.push(...unquotedValueNotes(document, field.path, value, label, field.values));
      continue;
    }
    // `${VAR}` or `{{ … }}` is replaced before the API server sees the object: the model reads the value filled in,
    // or notes the placeholder it cannot fill; the text as written is not what the cluster gets.
    if (typeof value === 'string' && placeholderIn(value)) continue;
    notes.push({
      file: document.file,
      line: document.lineAt(field.path as PathSegment[]) ?? document.line,
      reason: `${label}: ${field.path.join('.')} is ${describeValue(value)}, not ${expectedText(field)}; the API server rejects it and the rules cannot read it`,
    });
  }
  return notes;
}

/**
 * Label and annotation values must be strings. A boolean or number written unquoted (`sidecar.istio.io/inject: false`,
 * `version: 1`) makes the API server reject the object, so the model does not read it as an opt-out or opt-in
 * (`metadataStrings`); a null is no value either. Each such key gets its own note, so the user sees which to quote.
 */
function unquotedValueNotes(
  document: ParsedDocument,
  path: readonly string[],
  map: unknown,
  label: string,
  values = METADATA_VALUES,
): NotEvaluable[] {
  const entries = asRecord(map) ?? {};
  const unquoted = new Set(nonStringKeys(map));
  const keys = Object.keys(entries).filter((key) => unquoted.has(key) || entries[key] === null);
  return keys.map((key) =>
    unquotedValueNote(
      document,
      [...path, key],
      `${path.join('.')}.${key}`,
      entries[key],
      label,
      values,
      `${key}: `,
    ),
  );
}

/** The note for one value that must be a string and is not: where it is, why it counts for nothing, how to quote it. */
function unquotedValueNote(
  document: ParsedDocument,
  path: readonly PathSegment[],
  shownPath: string,
  value: unknown,
  label: string,
  values: string,
  quotedPrefix: string,
): NotEvaluable {
  const quoted = value === null ? '""' : JSON.stringify(String(value));
  const consequence =
    value === null
      ? 'the rules do not read it'
      : 'the API server rejects the object and the rules do not read it';
  return {
    file: document.file,
    line: document.lineAt(path as PathSegment[]) ?? document.line,
    reason:
      `${label}: ${shownPath} is ${describeValue(value)}, not a string; ${values} must be strings, so ` +
      `${consequence}. Quote it: \`${quotedPrefix}${quoted}\``,
  };
}

/**
 * The `values` of a DynaKube selector's `matchExpressions` are typed `string` too: an unquoted `true` or `2` in them is
 * rejected like one in `matchLabels`, and the model leaves it out (`toSelector`).
 */
function selectorExpressionNotes(document: ParsedDocument, kind: string, label: string): NotEvaluable[] {
  if (kind !== 'DynaKube') return [];
  const notes: NotEvaluable[] = [];
  for (const selectorPath of DYNAKUBE_SELECTOR_PATHS) {
    const expressionsPath = [...selectorPath, 'matchExpressions'];
    asArray(getIn(document.value, expressionsPath)).forEach((expression, index) => {
      asArray(asRecord(expression)?.values).forEach((value, valueIndex) => {
        if (typeof value === 'string') return;
        if (value !== null && typeof value === 'object') return;
        const path = [...expressionsPath, index, 'values', valueIndex];
        notes.push(unquotedValueNote(document, path, fieldPath(path), value, label, SELECTOR_VALUES, ''));
      });
    });
  }
  return notes;
}

/** Notes for a document of a kind the model reads whose fields have the wrong type, or that has no name. */
function documentNotes(document: ParsedDocument): NotEvaluable[] {
  const object = asRecord(document.value);
  const kind = asString(object?.kind);
  if (!object || !kind || asString(object.apiVersion) === undefined) return [];
  if (kind === 'List') return listNotes(document, object.items);
  if (!READ_KINDS.has(kind)) return [];
  const name = objectName(object) ?? unnamedInputName(kind, asString(object.apiVersion) ?? '', object);
  const label = name === undefined ? kind : `${kind} ${shortValue(name)}`;
  const notes = [...fieldNotes(document, kind, label), ...selectorExpressionNotes(document, kind, label)];
  if (name === undefined)
    notes.push({
      file: document.file,
      line: document.lineAt(['metadata']) ?? document.line,
      reason: `${kind} without metadata.name is not a Kubernetes object and was not read`,
    });
  return notes;
}

/** A `kind: List` is read item by item; items that are not objects are dropped, so say so. */
function listNotes(document: ParsedDocument, items: unknown): NotEvaluable[] {
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items))
    return [
      {
        file: document.file,
        line: document.lineAt(['items']) ?? document.line,
        reason: `List: items is ${describeValue(items)}, not a list; nothing in it was read`,
      },
    ];
  return items.flatMap((item, index): NotEvaluable[] =>
    asRecord(item)
      ? documentNotes(subDocument(document, ['items', index], item))
      : [
          {
            file: document.file,
            line: document.lineAt(['items', index]) ?? document.line,
            reason: `List: item ${index} is ${describeValue(item)}, not an object, and was not read`,
          },
        ],
  );
}

/** Shape notes for every document of the parsed files, including the items of `kind: List` documents. */
export function shapeNotes(files: readonly ParsedFile[]): NotEvaluable[] {
  const notes: NotEvaluable[] = [];
  // A loop, not flatMap: most files of a big repository keep no document and need not even be looked up.
  for (const file of files)
    if (file.documents.length > 0) for (const note of fileNotes(file)) notes.push(note);
  return notes;
}

/** Notes of each parsed file, once: base and head share the parse of every file a pull request left alone. */
const notesOfFile = new WeakMap<ParsedFile, readonly NotEvaluable[]>();

function fileNotes(file: ParsedFile): readonly NotEvaluable[] {
  let notes = notesOfFile.get(file);
  if (!notes) notesOfFile.set(file, (notes = file.documents.flatMap(documentNotes)));
  return notes;
}
