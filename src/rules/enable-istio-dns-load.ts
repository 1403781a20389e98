import { resourceId } from '../model/types.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'enable-istio-dns-load';

export const enableIstioDnsLoad: Rule = {
  meta: {
    id,
    severity: 'info',
    description:
      'With `enableIstio`, set `networkZone` so fewer communication endpoints (and DNS queries) are used.',
    docs: docsUrl(id),
    fixable: false,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      if (!dynakube.enableIstio.value) continue;
      if (dynakube.networkZone && dynakube.networkZone.value.trim() !== '') continue;
      findings.push({
        message:
          `DynaKube ${dynakube.name} has enableIstio on and no networkZone. "ServiceEntries result in additional DNS ` +
          `queries executed by each sidecar proxy. This can put additional load on your DNS server." Set ` +
          "`spec.networkZone` to the zone of this cluster so the operator gets only that zone's endpoints, or enable " +
          'Istio DNS proxying (`ISTIO_META_DNS_CAPTURE`).',
        origin: dynakube.enableIstio.origin,
        resource: resourceId(dynakube),
        field: 'spec.networkZone',
        subject: dynakube,
      });
    }
    return findings;
  },
};
