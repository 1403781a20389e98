import {
  distinguishesHosts,
  isDns1123Label,
  serviceEntryErrors,
  validateServiceEntrySpec,
  type SpecProblem,
} from '../generate/validate-service-entry.js';
import type { Origin } from '../model/provenance.js';
import { asArray, asNumber, asRecord, asString, getIn } from '../model/read.js';
import { resourceId, type ClusterModel, type ServiceEntry } from '../model/types.js';
import { originAt } from '../model/resource.js';
import { removeItemEdit, setValueEdit } from './edits.js';
import { docsUrl, type Fix, type FindingDraft, type Rule, type TextEdit } from './types.js';

const id = 'service-entry-invalid';

type Spec = Record<string, unknown>;

interface Correction {
  spec: Spec;
  edits: TextEdit[];
  changes: string[];
}

/** Wildcard hosts cannot be resolved by DNS without endpoints: `NONE` forwards to the address the app resolved. */
function fixWildcardResolution(entry: ServiceEntry, model: ClusterModel, fix: Correction): void {
  const resolution = (asString(fix.spec.resolution) ?? 'NONE').toUpperCase();
  const hosts = asArray(fix.spec.hosts).map((host) => asString(host) ?? '');
  if (!['DNS', 'DNS_ROUND_ROBIN'].includes(resolution) || asArray(fix.spec.endpoints).length > 0) return;
  if (!hosts.some((host) => host.includes('*'))) return;
  const edit = setValueEdit(model, entry.document, ['spec', 'resolution'], 'NONE');
  if (!edit) return;
  fix.spec.resolution = 'NONE';
  fix.edits.push(edit);
  fix.changes.push('resolution DNS → NONE (wildcard hosts)');
}

/** Duplicate port numbers are dropped; missing, invalid or duplicate names become `<protocol>-<number>`. */
function fixPorts(entry: ServiceEntry, model: ClusterModel, fix: Correction): void {
  const ports = asArray(fix.spec.ports);
  const names = new Set<string>();
  const numbers = new Set<number>();
  const kept: unknown[] = [];
  ports.forEach((item, index) => {
    const port = { ...(asRecord(item) ?? {}) };
    const number = asNumber(port.number);
    const path = ['spec', 'ports', index];
    if (number !== undefined && numbers.has(number)) {
      const edit = removeItemEdit(model, entry.document, path);
      if (!edit) return void kept.push(port);
      fix.edits.push(edit);
      fix.changes.push(`duplicate port ${number} removed`);
      return;
    }
    if (number !== undefined) numbers.add(number);
    const name = asString(port.name) ?? '';
    if (!isDns1123Label(name) || names.has(name)) {
      const base = `${(asString(port.protocol) || 'tcp').toLowerCase()}-${number ?? index}`;
      let candidate = base;
      for (let n = 2; names.has(candidate); n += 1) candidate = `${base}-${n}`;
      const edit = setValueEdit(model, entry.document, [...path, 'name'], candidate);
      if (edit) {
        fix.edits.push(edit);
        fix.changes.push(`port name "${name}" → "${candidate}"`);
        port.name = candidate;
      }
    }
    names.add(asString(port.name) ?? '');
    kept.push(port);
  });
  fix.spec.ports = kept;
}

/**
 * Several hosts can share a port only when Istio tells them apart by Host header or SNI. Port 443 declared as
 * TCP (or unset) is TLS in practice, so it becomes `TLS`; other plain TCP ports have no safe correction.
 */
function fixMultiHostProtocols(entry: ServiceEntry, model: ClusterModel, fix: Correction): void {
  const resolution = (asString(fix.spec.resolution) ?? 'NONE').toUpperCase();
  if (resolution === 'NONE' || asArray(fix.spec.hosts).length < 2) return;
  const ports = asArray(fix.spec.ports).map((item) => ({ ...(asRecord(item) ?? {}) }));
  const original = asArray(getIn(entry.document.value, ['spec', 'ports']));
  ports.forEach((port) => {
    const protocol = (asString(port.protocol) ?? '').toUpperCase();
    if (distinguishesHosts(protocol) || asNumber(port.number) !== 443) return;
    const index = original.findIndex((item) => asNumber(asRecord(item)?.number) === 443);
    const edit = setValueEdit(model, entry.document, ['spec', 'ports', index, 'protocol'], 'TLS');
    if (!edit) return;
    fix.edits.push(edit);
    fix.changes.push(`port 443 protocol ${protocol || '(unset)'} → TLS`);
    port.protocol = 'TLS';
  });
  fix.spec.ports = ports;
}

/** A corrected entry, offered only when the corrected spec passes Istio's validation. */
function correction(model: ClusterModel, entry: ServiceEntry, spec: Spec): Fix | undefined {
  const fix: Correction = { spec: { ...spec }, edits: [], changes: [] };
  fixWildcardResolution(entry, model, fix);
  fixPorts(entry, model, fix);
  fixMultiHostProtocols(entry, model, fix);
  if (fix.edits.length === 0) return undefined;
  const problems = validateServiceEntrySpec(fix.spec, entry.namespace ?? 'default');
  if (problems.some((problem) => problem.severity === 'error')) return undefined;
  return { description: `Correct ${resourceId(entry)}: ${fix.changes.join('; ')}.`, edits: fix.edits };
}

/** The problem's line, or its nearest parent's, in the file that holds it (a kustomize patch's when it wrote it). */
function originOf(entry: ServiceEntry, problem: SpecProblem): Origin {
  const path = ['spec', ...problem.path];
  for (let depth = problem.path.length; depth >= 0; depth -= 1) {
    const found = ['spec', ...problem.path.slice(0, depth)];
    if (entry.document.rangeAt(found)) return { ...originAt(entry, found), path: path.join('.') };
  }
  return { ...entry.origin, path: path.join('.') };
}

export const serviceEntryInvalid: Rule = {
  meta: {
    id,
    severity: 'error',
    description: "A ServiceEntry must pass Istio's validation, or the API server rejects it.",
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const entry of head.serviceEntries) {
      // The same judgement that keeps an invalid entry from covering any host elsewhere.
      const errors = serviceEntryErrors(entry);
      if (!errors || errors.length === 0) continue;
      const fix = correction(head, entry, asRecord(getIn(entry.document.value, ['spec']))!);
      findings.push({
        message:
          `${resourceId(entry)} breaks Istio's ServiceEntry validation, so applying it fails: ` +
          errors.map((problem) => problem.message).join('; ') +
          '.',
        origin: originOf(entry, errors[0]),
        resource: resourceId(entry),
        field: 'spec',
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
