import { rejectedByIstio } from '../generate/validate-service-entry.js';
import { isPlaceholder } from '../model/placeholders.js';
import type { ClusterModel } from '../model/types.js';
import { exportedTo, viewOfEntry } from './service-entry-views.js';

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
 * Whether a ServiceEntry in the repository declares `host` and is visible from `namespace` (its `exportTo`, else
 * `meshConfig.defaultServiceExportTo`, read as istiod reads them: see `exportedTo`). An undefined namespace is one
 * the repository does not name: only an entry exported everywhere, or one as unnamed, is surely visible there. An
 * entry Istio's validation rejects declares nothing.
 */
export function hostCovered(model: ClusterModel, host: string, namespace: string | undefined): boolean {
  return model.serviceEntries.some((entry) => {
    if (rejectedByIstio(entry)) return false;
    const view = viewOfEntry(entry);
    const to = exportedTo(model, view);
    const visible =
      to === 'all' ||
      (namespace === undefined
        ? entry.namespace === undefined && to.includes(view.namespace)
        : to.includes(namespace));
    return visible && view.hosts.some((pattern) => hostMatches(pattern, host));
  });
}
