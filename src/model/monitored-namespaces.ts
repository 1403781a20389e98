import { injectsCodeModules } from './dynakube.js';
import { namespaceLabels, selectorMatches } from './effective.js';
import { dynakubeNamespace } from './facts-dataplane.js';
import { compilePattern, patternMatches } from './repo-pattern.js';
import type { ClusterModel, DynaKube } from './types.js';

/** The DynaKube feature flag that replaces the operator's list of namespaces it never injects into. */
export const IGNORED_NAMESPACES_FLAG = 'feature.dynatrace.com/ignored-namespaces';

/**
 * The operator's ignore list: the namespaces it never injects into. Its default (`getDefaultIgnoredNamespaces`,
 * reference dynatrace.md §3.3) is the DynaKube's own namespace (as the pattern `^<namespace>$`), `kube-*`,
 * `openshift*`, `gke-*`, `gmp-*`.
 */
interface IgnoreList {
  /**
   * The DynaKube's own namespace, compared as a name. In a cluster it is a DNS label, so the operator's pattern is the
   * name itself; read from a repository it can be anything (a dot, a megabyte of text), which as a pattern would match
   * other names or be too large for the regular expression engine to run.
   */
  namespace?: string;
  patterns: RegExp[];
}

const DEFAULT_IGNORED_PATTERNS = ['^kube-.*', '^openshift(-.*)?', '^gke-.*', '^gmp-.*'].map(
  (pattern) => new RegExp(pattern),
);

/**
 * The flag's JSON list of patterns, which replaces the defaults; the defaults when it is absent or not a JSON list of
 * strings (the operator falls back to them when `json.Unmarshal` fails). A JSON `null` unmarshals to no list at all.
 * A pattern JavaScript cannot compile or run is left out: the operator never matches one that does not compile.
 */
function ignoreList(model: ClusterModel, dynakube: DynaKube): IgnoreList {
  const defaults = { namespace: dynakubeNamespace(model, dynakube), patterns: DEFAULT_IGNORED_PATTERNS };
  const raw = dynakube.annotations[IGNORED_NAMESPACES_FLAG];
  if (raw === undefined || raw === '') return defaults;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return defaults;
  }
  if (parsed === null) return { patterns: [] };
  const strings = Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  if (!strings) return defaults;
  return { patterns: (parsed as string[]).map(compilePattern).filter((p): p is RegExp => !!p) };
}

const ignoreListOf = new WeakMap<DynaKube, IgnoreList>();

/**
 * Whether the DynaKube's operator never injects into `namespace`. Like Go's `regexp.MatchString`, a pattern matches
 * anywhere in the name unless anchored: `^openshift(-.*)?` ignores `openshiftlab` too.
 */
export function isIgnoredByDynaKube(model: ClusterModel, dynakube: DynaKube, namespace: string): boolean {
  let list = ignoreListOf.get(dynakube);
  if (!list) ignoreListOf.set(dynakube, (list = ignoreList(model, dynakube)));
  return list.namespace === namespace || list.patterns.some((pattern) => patternMatches(pattern, namespace));
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
