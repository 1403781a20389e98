import { distributionEvidence } from '../model/facts-distribution.js';
import { resourceId } from '../model/types.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'unsupported-istio-distribution';

export const unsupportedIstioDistribution: Rule = {
  meta: {
    id,
    severity: 'warning',
    description: 'Dynatrace supports upstream Istio only, not Maistra or OpenShift Service Mesh.',
    docs: docsUrl(id),
    fixable: false,
  },
  check({ head }) {
    const evidence = distributionEvidence(head);
    const primary = evidence.filter((e) => e.primary);
    // Control planes and installs each get a finding; mesh members only point at one, so the first stands for all.
    const reported = primary.length > 0 ? primary : evidence.slice(0, 1);
    const others = primary.length > 0 ? 0 : evidence.length - reported.length;
    return reported.map((e): FindingDraft => ({
      message:
        `${e.what}${others > 0 ? ` (and ${others} more mesh member${others > 1 ? 's' : ''})` : ''}. The guide: ` +
        '"Istio spin-offs are currently not supported (for example, Maistra or OpenShift Service Mesh)." ' +
        'Dynatrace with enableIstio, CNI exclusions and metric merging is documented for upstream Istio only.',
      origin: e.origin,
      resource: resourceId(e.resource),
      field: 'distribution',
      subject: e.resource,
    }));
  },
};
