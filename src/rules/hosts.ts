import { rejectedByIstio } from '../generate/validate-service-entry.js';
import { isPlaceholder } from '../model/placeholders.js';
import type { ClusterModel } from '../model/types.js';

/** Host of a DynaKube apiUrl; undefined for placeholders (`ENVIRONMENTID`, `${…}`) and unparsable values. */
export function apiUrlHost(apiUrl: string | undefined): string | undefined {
  if (!apiUrl || isPlaceholder(apiUrl)) return undefined;
  try {
    return new URL(apiUrl).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** Istio host matching: exact, or a `*.suffix` wildcard. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  if (p === host) return true;
  return p.startsWith('*.') && host.endsWith(p.slice(1));
}

/**
 * Whether a ServiceEntry in the repository declares `host` and is visible from `namespace`. An entry Istio's
 * validation rejects declares nothing.
 */
export function hostCovered(model: ClusterModel, host: string, namespace: string | undefined): boolean {
  return model.serviceEntries.some((entry) => {
    if (rejectedByIstio(entry)) return false;
    const visible =
      !entry.exportTo ||
      entry.exportTo.length === 0 ||
      entry.exportTo.includes('*') ||
      (entry.exportTo.includes('.') && entry.namespace === namespace) ||
      (namespace !== undefined && entry.exportTo.includes(namespace));
    return visible && entry.hosts.value.some((pattern) => hostMatches(pattern, host));
  });
}
