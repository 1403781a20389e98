import type { ParsedDocument, PathSegment } from '../parse/yaml.js';
import type { NotEvaluable } from './provenance.js';
import { asRecord } from './read.js';

/** Values that are filled in at deploy time: the text in the repository is not what the cluster gets. */
const PLACEHOLDERS: { pattern: RegExp; kind: string }[] = [
  { pattern: /\{\{[^}]*\}\}/, kind: 'a Helm/Go template' },
  { pattern: /\$\{ARGOCD_ENV_[A-Za-z0-9_]+\}/, kind: 'an Argo CD plugin variable' },
  { pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=+?][^}]*)?\}/, kind: 'a substitution variable' },
  { pattern: /<path:[^>]+>/, kind: 'an argocd-vault-plugin placeholder' },
  // `TENANTURL_TOREPLACE` and `DT_TENANT_URL_TO_REPLACE` / `ENVIRONMENT_URL_TO_REPLACE` (both spellings in the
  // Dynatrace workshop repositories, isItObservable/*, henrikrexed/*, replaced by their `sed` scripts).
  { pattern: /\b[A-Z][A-Z0-9_]*_(?:PLACEHOLDER|TO_?REPLACE)\b/, kind: 'a placeholder token' },
  // `sed -i "s/REPLACE_TENANT_ID/$TENANT_ID/g"` (dt-wv/aiops-easytrade .devcontainer/post-attach.sh).
  { pattern: /\bREPLACE_[A-Z0-9_]*[A-Z0-9]\b/, kind: 'a placeholder token' },
  { pattern: /\bpatch-me\S*/, kind: 'a placeholder an overlay replaces' },
];

/** What kind of placeholder `text` holds, with the placeholder itself; undefined for a literal value. */
export function placeholderIn(text: string): { match: string; kind: string } | undefined {
  for (const { pattern, kind } of PLACEHOLDERS) {
    const found = pattern.exec(text);
    if (found) return { match: found[0], kind };
  }
  return undefined;
}

/**
 * Markers that make a whole value unknown though {@link placeholderIn} does not list them as a placeholder of the
 * repository: the documented example tenant (`ENVIRONMENTID`), a shell or Kubernetes `$(VAR)` expansion, a
 * `<name>`-style blank to fill in, a bare Argo CD plugin variable, a lower-case `_placeholder` token, and the
 * openings of templates and substitutions even when they are not closed on the same value.
 */
const UNKNOWN_VALUE_MARKERS = /ENVIRONMENTID|\$\(|\$\{|\{\{|<path:|<[A-Za-z_-]+>|ARGOCD_ENV_|_PLACEHOLDER/i;

/**
 * Whether a value is substituted at deploy time, so that no rule, fix or generated object may take it literally.
 * The one answer for every rule and the generator (they used to keep five lists of markers, each missing some).
 */
export function isPlaceholder(value: string): boolean {
  return UNKNOWN_VALUE_MARKERS.test(value) || placeholderIn(value) !== undefined;
}

const MAX_DEPTH = 40;
const MAX_REPORTS_PER_SCAN = 50;

/**
 * Reports every string under `path` in `document` that is a placeholder, each at its own line. Keys are checked
 * too (`${NAME}: x`). The walk is bounded so a huge document costs little.
 */
export function scanPlaceholders(
  document: ParsedDocument,
  path: PathSegment[],
  value: unknown,
  where: string,
): NotEvaluable[] {
  const found: NotEvaluable[] = [];
  const visit = (node: unknown, at: PathSegment[], depth: number) => {
    if (found.length >= MAX_REPORTS_PER_SCAN || depth > MAX_DEPTH) return;
    if (typeof node === 'string') {
      const placeholder = placeholderIn(node);
      if (placeholder) found.push(report(document, at, where, placeholder));
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...at, index], depth + 1));
      return;
    }
    const record = asRecord(node);
    if (!record) return;
    for (const [key, item] of Object.entries(record)) {
      const keyPlaceholder = placeholderIn(key);
      if (keyPlaceholder) found.push(report(document, [...at, key], where, keyPlaceholder));
      visit(item, [...at, key], depth + 1);
    }
  };
  visit(value, path, 0);
  return found;
}

function report(
  document: ParsedDocument,
  path: PathSegment[],
  where: string,
  placeholder: { match: string; kind: string },
): NotEvaluable {
  return {
    file: document.file,
    line: document.lineAt(path) ?? document.line,
    reason: `${where} ${path.join('.')}: ${placeholder.match} is ${placeholder.kind}, filled in at deploy time; not evaluated`,
  };
}

type Paths = PathSegment[][];

/**
 * The DynaKube annotations a rule reads: placeholders in the others (the `…-cluster-name` of Kubernetes monitoring,
 * `CLUSTER_NAME_TO_REPLACE` in the workshop repositories) change no finding. Read in model/dynakube.ts
 * (`automatic-injection`), model/monitored-namespaces.ts (`ignored-namespaces`), rules/code-modules-pull.ts
 * (`node-image-pull`, the public-registry flags) and rules/dynakube-api-version.ts (`metadata-enrichment`).
 */
export const DYNAKUBE_ANNOTATIONS_READ = [
  'feature.dynatrace.com/automatic-injection',
  'feature.dynatrace.com/ignored-namespaces',
  'feature.dynatrace.com/node-image-pull',
  'feature.dynatrace.com/use-public-registry',
  'feature.dynatrace.com/public-registry',
  'feature.dynatrace.com/metadata-enrichment',
];

/** The fields of each kind that a rule reads; placeholders elsewhere (image tags, resources) do not matter. */
export const RELEVANT_PATHS: Record<string, Paths> = {
  DynaKube: [
    ['metadata', 'name'],
    ['metadata', 'namespace'],
    ...DYNAKUBE_ANNOTATIONS_READ.map((key) => ['metadata', 'annotations', key]),
    ['spec', 'apiUrl'],
    ['spec', 'enableIstio'],
    ['spec', 'networkZone'],
    ['spec', 'namespaceSelector'],
    ['spec', 'oneAgent'],
    ['spec', 'activeGate'],
  ],
  Namespace: [['metadata']],
  PeerAuthentication: [['metadata', 'namespace'], ['spec']],
  ServiceEntry: [['metadata', 'namespace'], ['spec']],
  VirtualService: [
    ['metadata', 'namespace'],
    ['spec', 'hosts'],
    ['spec', 'exportTo'],
  ],
  Sidecar: [['metadata', 'namespace'], ['spec']],
  HelmRelease: [
    ['metadata', 'namespace'],
    ['spec', 'chart'],
    ['spec', 'chartRef'],
    ['spec', 'targetNamespace'],
  ],
  Application: [
    ['spec', 'destination', 'namespace'],
    ['spec', 'source', 'chart'],
    ['spec', 'source', 'targetRevision'],
    ['spec', 'sources'],
  ],
  IstioOperator: [
    ['spec', 'profile'],
    ['spec', 'tag'],
    ['spec', 'revision'],
    ['spec', 'meshConfig'],
    ['spec', 'components', 'cni'],
    ['spec', 'components', 'pilot', 'k8s', 'env'],
    ['spec', 'values', 'meshConfig'],
    ['spec', 'values', 'pilot'],
    ['spec', 'values', 'cni'],
    ['spec', 'values', 'compatibilityVersion'],
  ],
  Istio: [
    ['spec', 'version'],
    ['spec', 'namespace'],
    ['spec', 'profile'],
  ],
  IstioCNI: [
    ['spec', 'version'],
    ['spec', 'namespace'],
    ['spec', 'profile'],
  ],
  ConfigMap: [['data', 'mesh']],
};

/** Chart values a rule reads (the same for every chart: keys of other charts are simply absent). */
export const RELEVANT_VALUES: Paths = [
  ['meshConfig'],
  ['pilot', 'env'],
  ['pilot', 'cni'],
  ['env'],
  ['cni'],
  ['istio_cni'],
  ['podAnnotations'],
  ['ambient'],
  ['excludeNamespaces'],
  ['profile'],
  ['compatibilityVersion'],
  ['revision'],
  ['platform'],
  ['global', 'profile'],
  ['global', 'platform'],
  ['global', 'istioNamespace'],
  ['csidriver'],
];
