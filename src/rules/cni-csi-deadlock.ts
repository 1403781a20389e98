import { csiDriverEnabled, namespaceMeshEnrollment, operatorNamespaces } from '../model/effective.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import { isMonitoredNamespace } from '../model/monitored-namespaces.js';
import type { ClusterModel, CniInstall, DynaKube } from '../model/types.js';
import { setValueEdit } from './edits.js';
import { docsUrl, type Fix, type FindingDraft, type Rule } from './types.js';

const id = 'cni-csi-deadlock';
const INJECT_ANNOTATION = 'oneagent.dynatrace.com/inject';

/**
 * True when the CNI pods carry `oneagent.dynatrace.com/inject: "false"`. An unquoted `false` is no opt-out: annotation
 * values must be strings, so the API server rejects the pods' template and the CNI pods do not roll out as written.
 */
function cniExcluded(cni: CniInstall): boolean {
  return (
    cni.podAnnotations.value[INJECT_ANNOTATION]?.toLowerCase() === 'false' &&
    !cni.nonStringPodAnnotations.includes(INJECT_ANNOTATION)
  );
}

/** Says so when the opt-out is there but written as a YAML boolean, so the user sees why it does not count. */
function unquotedOptOut(cni: CniInstall): string {
  if (!cni.nonStringPodAnnotations.includes(INJECT_ANNOTATION)) return '';
  const { file, line } = cni.podAnnotations.origin;
  const value = cni.podAnnotations.value[INJECT_ANNOTATION];
  return (
    ` The \`${INJECT_ANNOTATION}: ${value}\` in the pod annotations (${file}:${line}) is a YAML boolean, not a ` +
    "string: annotation values must be strings, and the API server rejects the CNI pods' template (a chart's " +
    `\`toYaml\` keeps it unquoted). Quote it: \`${INJECT_ANNOTATION}: "false"\`.`
  );
}

/**
 * DynaKubes that inject code modules through the CSI driver into the CNI pods' namespace. A `kube-system` one (the cni
 * chart's README installs there) is on the operator's default ignore list, so no DynaKube injects there unless its
 * `feature.dynatrace.com/ignored-namespaces` replaces that list.
 */
function injectingDynaKubes(model: ClusterModel, namespace: string): DynaKube[] {
  return model.dynakubes.filter(
    (dynakube) =>
      codeModulesViaCsi(model, dynakube).value && isMonitoredNamespace(model, dynakube, namespace),
  );
}

/** The CSI driver pods are in the mesh when the operator namespace is enrolled or `csidriver.labels` opt in. */
function csiDriverInMesh(model: ClusterModel): string | undefined {
  for (const namespace of operatorNamespaces(model)) {
    const enrollment = namespaceMeshEnrollment(model, namespace.value);
    if (enrollment)
      return `the operator namespace ${namespace.value} is enrolled in the mesh (${enrollment.label}: ${enrollment.value})`;
  }
  const optIn = model.operatorInstalls.find(
    (install) => install.csiDriverLabels['sidecar.istio.io/inject'] === 'true',
  );
  return optIn ? `csidriver.labels sets sidecar.istio.io/inject: "true" (${optIn.via})` : undefined;
}

/** Says so when the opt-out is written under a key this install does not read, so the user sees why it is not enough. */
function ignoredOptOut(cni: CniInstall): string {
  const ignored = cni.ignoredPodAnnotations;
  if (ignored?.annotations.value[INJECT_ANNOTATION]?.toLowerCase() !== 'false') return '';
  const { file, line, path } = ignored.annotations.origin;
  return ` The \`${INJECT_ANNOTATION}: "false"\` at ${path ?? 'podAnnotations'} (${file}:${line}) has no effect: ${ignored.reason}.`;
}

function annotationFix(model: ClusterModel, cni: CniInstall): Fix | undefined {
  if (!cni.annotationsTarget) return undefined;
  const { document, path } = cni.annotationsTarget;
  const edit = setValueEdit(model, document, [...path, INJECT_ANNOTATION], '"false"');
  return edit
    ? {
        description: `Add the pod annotation \`${INJECT_ANNOTATION}: "false"\` to the Istio CNI pods (${cni.via}).`,
        edits: [edit],
      }
    : undefined;
}

export const cniCsiDeadlock: Rule = {
  meta: {
    id,
    severity: 'error',
    description:
      'Istio CNI pods must be excluded from Dynatrace injection, or new nodes can deadlock with the CSI driver.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const csi = csiDriverEnabled(head);
    if (!csi.value) return [];
    const findings: FindingDraft[] = [];
    for (const cni of head.cniInstalls) {
      if (!cni.enabled.value || cniExcluded(cni)) continue;
      const injecting = injectingDynaKubes(head, cni.namespace.value);
      if (injecting.length === 0) continue;
      const inMesh = csiDriverInMesh(head);
      const names = injecting.map((dk) => dk.name).join(', ');
      const fix = annotationFix(head, cni);
      findings.push({
        message:
          (inMesh
            ? `Deadlock: the Istio CNI pods (${cni.via}, namespace ${cni.namespace.value}) are injected by DynaKube ${names} through the CSI driver, and ${inMesh}. On a new node the CNI pod waits for the CSI driver and the CSI driver waits for the CNI agent: no pod can start there.`
            : `The Istio CNI pods (${cni.via}, namespace ${cni.namespace.value}) can be injected by DynaKube ${names} (code modules via the CSI driver). The guide says to exclude the CNI pods from injection "in all scenarios" to avoid a deadlock on new nodes.`) +
          ignoredOptOut(cni) +
          unquotedOptOut(cni),
        origin: cni.podAnnotations.origin,
        resource: cni.via,
        field: `cni.podAnnotations.${INJECT_ANNOTATION}`,
        severity: inMesh ? 'error' : 'warning',
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
