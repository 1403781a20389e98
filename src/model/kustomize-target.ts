import { asString, type Json } from './read.js';
import { compilePattern, patternMatches } from './repo-pattern.js';
import { apiGroup } from './resource.js';
import { describeValue } from './shape.js';
import { requirementMatches } from './effective.js';
import type { LabelSelectorRequirement, ResourceBase } from './types.js';

/**
 * Whether a patch selects an object; `namespaces` gives the ones it has had by then (written, then current), asked
 * only for a target with a namespace.
 */
export type TargetTest = (
  resource: ResourceBase,
  namespaces: () => readonly (string | undefined)[],
) => boolean;

/**
 * Built-in kinds kustomize knows to be cluster-scoped, besides Namespace (its openapi data has the built-in ones);
 * the namespace transformer leaves them alone too. Not named `…_KINDS`: the pre-filter's test reads such tables as
 * kinds the model reads, and no rule reads these.
 */
export const BUILT_IN_CLUSTER_SCOPED: readonly string[] = [
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'APIService',
  'RuntimeClass',
  'IngressClass',
];

const NOT_NAMESPACED = new Set(['Namespace', ...BUILT_IN_CLUSTER_SCOPED]);

/** The namespace kustomize compares a target's with (kyaml/resid/resid.go, EffectiveNamespace). */
function effectiveNamespace(kind: string, namespace: string | undefined): string {
  if (NOT_NAMESPACED.has(kind)) return '_non_namespaceable_';
  return namespace || 'default';
}

/**
 * The objects a patch selects, or why the selection cannot be evaluated. With a `target`, as kustomize's Select
 * (api/resmap/reswrangler.go; api/types/selector.go): group, version, kind, name and namespace are Go patterns
 * anchored at both ends, an empty or absent one selects all; the namespace may match the one written or the one
 * given since; `labelSelector` and `annotationSelector` are Kubernetes selector strings. Without one, the object
 * with the patch's own apiVersion, kind, name and namespace, as written (api/internal/builtins/PatchTransformer.go:
 * GetById with the patch's id, whose namespace compares as the target's does).
 */
export function targetTest(target: Json, isTarget: boolean): TargetTest | { invalid: string } {
  if (!isTarget) {
    const apiVersion = asString(target.apiVersion);
    const kind = asString(target.kind);
    const name = asString(target.name);
    const namespace = asString(target.namespace);
    return (resource, namespaces) =>
      (!apiVersion || apiVersion === resource.apiVersion) &&
      (!kind || kind === resource.kind) &&
      (!name || name === resource.name) &&
      namespaces().some(
        (current) =>
          effectiveNamespace(resource.kind, current) === effectiveNamespace(resource.kind, namespace),
      );
  }
  const patterns: Partial<Record<'group' | 'version' | 'kind' | 'name' | 'namespace', RegExp>> = {};
  for (const field of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
    const written = asString(target[field]);
    if (!written) continue;
    const pattern = compilePattern(`^(?:${written})$`);
    if (!pattern)
      return {
        invalid: `patch target ${field}, ${describeValue(written)}, is not a valid regular expression; the patch is not evaluated`,
      };
    patterns[field] = pattern;
  }
  const selectors: Partial<Record<'labelSelector' | 'annotationSelector', Requirement[]>> = {};
  for (const field of ['labelSelector', 'annotationSelector'] as const) {
    const written = asString(target[field]);
    if (!written) continue;
    const requirements = parseSelector(written);
    if (!requirements)
      return {
        invalid: `patch target ${field}, ${describeValue(written)}, is not a valid selector; the patch is not evaluated`,
      };
    selectors[field] = requirements;
  }
  const matches = (pattern: RegExp | undefined, value: string) => !pattern || patternMatches(pattern, value);
  return (resource, namespaces) => {
    const slash = resource.apiVersion.indexOf('/');
    return (
      matches(patterns.group, apiGroup(resource.apiVersion)) &&
      matches(patterns.version, resource.apiVersion.slice(slash + 1)) &&
      matches(patterns.kind, resource.kind) &&
      matches(patterns.name, resource.name) &&
      (!patterns.namespace ||
        namespaces().some((namespace) =>
          matches(patterns.namespace, effectiveNamespace(resource.kind, namespace)),
        )) &&
      (!selectors.labelSelector || selects(selectors.labelSelector, resource.labels)) &&
      (!selectors.annotationSelector || selects(selectors.annotationSelector, resource.annotations))
    );
  };
}

/** A term of a selector string: a `matchExpressions` requirement, or `Gt` / `Lt`, which only the string form has. */
type Requirement = LabelSelectorRequirement | { key: string; operator: 'Gt' | 'Lt'; values: [string] };

const KEY = String.raw`[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw`[-A-Za-z0-9_.]*`;
const EXISTS = new RegExp(String.raw`^(!?)\s*(${KEY})$`);
const EQUALS = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const IN = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);
const COMPARE = new RegExp(String.raw`^(${KEY})\s*([<>])\s*(-?\d+)$`);

/**
 * A Kubernetes selector string (`a=b,c!=d,e in (x,y),!f,g`, as k8s.io/apimachinery labels.Parse reads it), or
 * undefined when it is not one.
 */
export function parseSelector(text: string): Requirement[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  if (parts.length === 1 && parts[0].trim() === '') return [];
  const requirements: Requirement[] = [];
  for (const part of parts.map((item) => item.trim())) {
    let match: RegExpExecArray | null;
    if ((match = EXISTS.exec(part)))
      requirements.push({ key: match[2], operator: match[1] ? 'DoesNotExist' : 'Exists' });
    else if ((match = EQUALS.exec(part)))
      requirements.push({ key: match[1], operator: match[2] === '!=' ? 'NotIn' : 'In', values: [match[3]] });
    else if ((match = IN.exec(part))) {
      const values = match[3].split(',').map((value) => value.trim());
      if (!values.every((value) => new RegExp(`^${VALUE}$`).test(value))) return undefined;
      requirements.push({ key: match[1], operator: match[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((match = COMPARE.exec(part)))
      requirements.push({ key: match[1], operator: match[2] === '>' ? 'Gt' : 'Lt', values: [match[3]] });
    else return undefined;
  }
  return requirements;
}

function selects(requirements: Requirement[], labels: Record<string, string>): boolean {
  return requirements.every((requirement) => {
    if (requirement.operator !== 'Gt' && requirement.operator !== 'Lt')
      return requirementMatches(requirement as LabelSelectorRequirement, labels);
    const value = labels[requirement.key];
    if (!Object.hasOwn(labels, requirement.key) || !/^-?\d+$/.test(value)) return false;
    const bound = Number(requirement.values![0]);
    return requirement.operator === 'Gt' ? Number(value) > bound : Number(value) < bound;
  });
}
