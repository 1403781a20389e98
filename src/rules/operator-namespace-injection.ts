import { namespaceMeshEnrollment, operatorNamespaces } from '../model/effective.js';
import { resourceId } from '../model/types.js';
import { removeEntryEdits } from './edits.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'operator-namespace-injection';

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
      const enrollment = namespaceMeshEnrollment(head, operatorNamespace.value);
      if (!namespace || !enrollment) continue;
      const labelPath = ['metadata', 'labels', enrollment.label];
      const edits = removeEntryEdits(head, namespace.document, labelPath);
      findings.push({
        message:
          `Namespace ${operatorNamespace.value} runs the Dynatrace Operator and is enrolled in the mesh by ` +
          `\`${enrollment.label}: ${enrollment.value}\`. Istio injection into the Dynatrace Operator namespace is not supported.`,
        origin: enrollment.origin,
        resource: resourceId(namespace),
        field: labelPath.join('.'),
        ...(edits
          ? {
              fix: {
                description: `Remove the \`${enrollment.label}\` label from the operator namespace.`,
                edits,
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
