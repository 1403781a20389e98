import { injectsCodeModules } from './dynakube.js';
import { namespaceLabels, selectorMatches } from './effective.js';
import { dynakubeNamespace } from './facts-dataplane.js';
import type { ClusterModel, DynaKube } from './types.js';

/** The DynaKube feature flag that replaces the operator's list of namespaces it never injects into. */
export const IGNORED_NAMESPACES_FLAG = 'feature.dynatrace.com/ignored-namespaces';

/**
 * The operator's default ignore list (`getDefaultIgnoredNamespaces`, reference dynatrace.md §3.3): the DynaKube's own
 * namespace, `kube-*`, `openshift*`, `gke-*`, `gmp-*`. Namespace names are DNS labels, so the name needs no escaping.
 */
function defaultIgnoredPatterns(namespace: string): string[] {
  return [`^${namespace}$`, '^kube-.*', '^openshift(-.*)?', '^gke-.*', '^gmp-.*'];
}

/**
 * The flag's JSON list of patterns, which replaces the defaults; the defaults when it is absent or not a JSON list of
 * strings (the operator falls back to them when `json.Unmarshal` fails). A JSON `null` unmarshals to no list at all.
 */
function ignoredPatterns(model: ClusterModel, dynakube: DynaKube): string[] {
  const defaults = defaultIgnoredPatterns(dynakubeNamespace(model, dynakube));
  const raw = dynakube.annotations[IGNORED_NAMESPACES_FLAG];
  if (raw === undefined || raw === '') return defaults;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return defaults;
  }
  if (parsed === null) return [];
  const strings = Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  return strings ? (parsed as string[]) : defaults;
}

/** A Go pattern as JavaScript matches it; undefined for one that does not compile, which the operator's never matches. */
function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

const ignoreListOf = new WeakMap<DynaKube, RegExp[]>();

/**
 * Whether the DynaKube's operator never injects into `namespace`. Like Go's `regexp.MatchString`, a pattern matches
 * anywhere in the name unless anchored: `^openshift(-.*)?` ignores `openshiftlab` too.
 */
export function isIgnoredByDynaKube(model: ClusterModel, dynakube: DynaKube, namespace: string): boolean {
  let patterns = ignoreListOf.get(dynakube);
  if (!patterns) {
    patterns = ignoredPatterns(model, dynakube)
      .map(compile)
      .filter((p): p is RegExp => !!p);
    ignoreListOf.set(dynakube, patterns);
  }
  return patterns.some((pattern) => pattern.test(namespace));
}

/**
 * Whether the DynaKube injects code modules into the pods of `namespace`, declared in the repository or not: it runs
 * a code-module mode (`cloudNativeFullStack`, `applicationMonitoring`; host-only modes inject nothing), its
 * `namespaceSelector` matches the namespace's labels (absent or empty selects every namespace), and the namespace is
 * not on its operator's ignore list.
 */
export function isMonitoredNamespace(model: ClusterModel, dynakube: DynaKube, namespace: string): boolean {
  return (
    injectsCodeModules(dynakube) &&
    !isIgnoredByDynaKube(model, dynakube, namespace) &&
    selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace))
  );
}

/** The namespaces the repository declares that the DynaKube injects code modules into, by name. */
export function monitoredNamespaces(model: ClusterModel, dynakube: DynaKube): string[] {
  return [...model.namespaces.keys()]
    .filter((namespace) => isMonitoredNamespace(model, dynakube, namespace))
    .sort();
}
