import { asArray, asRecord } from '../model/read.js';
import { SELECTOR_OPERATORS } from '../model/types.js';

/** Kubernetes' name part of a qualified name and its label values: alphanumeric at both ends, `-_.` inside. */
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** A DNS-1123 subdomain, the optional prefix of a label key. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_NAME_PART = 63;
const MAX_PREFIX = 253;
const MAX_VALUE = 63;

/** Why `key` is no valid label key (apimachinery `IsQualifiedName`), or undefined when it is one. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a label key has at most one `/`';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (prefix === '') return 'the prefix before `/` must not be empty';
    if (prefix.length > MAX_PREFIX) return `the prefix must be at most ${MAX_PREFIX} characters`;
    if (!DNS_SUBDOMAIN.test(prefix)) return 'the prefix must be a lower-case DNS subdomain';
  }
  if (name === '') return 'the name part must not be empty';
  if (name.length > MAX_NAME_PART) return `the name part must be at most ${MAX_NAME_PART} characters`;
  if (!NAME_PART.test(name))
    return 'the name part must consist of alphanumerics, `-`, `_` or `.` and start and end with an alphanumeric';
  return undefined;
}

/** Why `value` is no valid label value (apimachinery `IsValidLabelValue`), or undefined; the empty value is valid. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > MAX_VALUE) return `a label value must be at most ${MAX_VALUE} characters`;
  if (!NAME_PART.test(value))
    return 'a label value must consist of alphanumerics, `-`, `_` or `.` and start and end with an alphanumeric';
  return undefined;
}

/** One reason a label selector is invalid: where, the text at fault (a key, value or operator) and why. */
export interface SelectorProblem {
  path: (string | number)[];
  text: string;
  problem: string;
}

/**
 * What apimachinery's `ValidateLabelSelector` rejects in a selector as written (with invalid values not allowed, as
 * the operator calls it). Keys and values that are not strings are left out: the schema rejects those before, and
 * the model notes them (`shapeNotes`).
 */
export function labelSelectorProblems(raw: unknown, path: (string | number)[]): SelectorProblem[] {
  const selector = asRecord(raw);
  if (!selector) return [];
  return [
    ...matchLabelsProblems(selector.matchLabels, [...path, 'matchLabels']),
    ...asArray(selector.matchExpressions).flatMap((expression, index) =>
      expressionProblems(expression, [...path, 'matchExpressions', index]),
    ),
  ];
}

function matchLabelsProblems(raw: unknown, path: (string | number)[]): SelectorProblem[] {
  return Object.entries(asRecord(raw) ?? {}).flatMap(([key, value]): SelectorProblem[] => {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) return [{ path: [...path, key], text: key, problem: keyProblem }];
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    return valueProblem ? [{ path: [...path, key], text: value as string, problem: valueProblem }] : [];
  });
}

function expressionProblems(raw: unknown, path: (string | number)[]): SelectorProblem[] {
  const expression = asRecord(raw) ?? {};
  const problems: SelectorProblem[] = [];
  const key = typeof expression.key === 'string' ? expression.key : '';
  const keyProblem = labelKeyProblem(key);
  if (keyProblem) problems.push({ path: [...path, 'key'], text: key, problem: keyProblem });
  const operator = typeof expression.operator === 'string' ? expression.operator : '';
  const values = asArray(expression.values);
  const at = [...path, 'operator'];
  if (!(SELECTOR_OPERATORS as readonly string[]).includes(operator))
    problems.push({
      path: at,
      text: operator,
      problem: `operator must be one of ${SELECTOR_OPERATORS.join(', ')}`,
    });
  else if ((operator === 'In' || operator === 'NotIn') && values.length === 0)
    problems.push({ path: at, text: operator, problem: `values must be given with operator ${operator}` });
  else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0)
    problems.push({
      path: at,
      text: operator,
      problem: `values must not be given with operator ${operator}`,
    });
  values.forEach((value, index) => {
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem)
      problems.push({ path: [...path, 'values', index], text: value as string, problem: valueProblem });
  });
  return problems;
}
