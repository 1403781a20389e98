import { namespaceEnrollingLabels, operatorNamespaces } from '../model/effective.js';
import { resourceId } from '../model/types.js';
import { removeEntriesEdits } from './edits.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'operator-namespace-injection';

/** `a: 1` or `a: 1`, `b: 2` and `c: 3`, each as inline code. */
function listed(items: string[]): string {
  const coded = items.map((item) => `\`${item}\``);
  return coded.length < 2 ? coded.join('') : `${coded.slice(0, -1).join(', ')} and ${coded.at(-1)}`;
}

/** The guide: "Istio injection into the Dynatrace Operator namespace is not supported." */
export const operatorNamespaceInjection: Rule = {
  meta: {
    id,
    severity: 'error',
    description: 'The Dynatrace Operator namespace must not be enrolled in the Istio mesh.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const operatorNamespace of operatorNamespaces(head)) {
      const namespace = head.namespaces.get(operatorNamespace.value);
      const enrolling = namespaceEnrollingLabels(head, operatorNamespace.value);
      if (!namespace || enrolling.length === 0) continue;
      const [enrollment, ...others] = enrolling;
      const labelPath = ['metadata', 'labels', enrollment.label];
      // Removing one label while another still enrols the namespace would leave it in the mesh: all go at once.
      const edits = removeEntriesEdits(
        head,
        namespace.document,
        enrolling.map((label) => ['metadata', 'labels', label.label]),
      );
      const alsoBy =
        others.length > 0
          ? `; without it, ${listed(others.map((other) => `${other.label}: ${other.value}`))} would keep it in the mesh`
          : '';
      findings.push({
        message:
          `Namespace ${operatorNamespace.value} runs the Dynatrace Operator and is enrolled in the mesh by ` +
          `\`${enrollment.label}: ${enrollment.value}\`${alsoBy}. Istio injection into the Dynatrace Operator namespace is not supported.`,
        origin: enrollment.origin,
        resource: resourceId(namespace),
        field: labelPath.join('.'),
        ...(edits
          ? {
              fix: {
                description: `Remove the ${listed(enrolling.map((label) => label.label))} label${enrolling.length > 1 ? 's' : ''} from the operator namespace.`,
                edits,
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
