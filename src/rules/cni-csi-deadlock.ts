import { injectsIntoPod, POD_INJECT_ANNOTATION } from '../model/dynakube.js';
import { parseGoBool } from '../model/read.js';
import { csiDriverEnabled, namespaceMeshEnrollment, operatorNamespaces } from '../model/effective.js';
import { codeModulesViaCsi } from '../model/facts-csi.js';
import { isMonitoredNamespace } from '../model/monitored-namespaces.js';
import type { ClusterModel, CniInstall, DynaKube } from '../model/types.js';
import { setValueEdit } from './edits.js';
import { docsUrl, type Fix, type FindingDraft, type Rule } from './types.js';

const id = 'cni-csi-deadlock';

/**
 * The CNI pods' annotations as the API server takes them. A value written as a YAML boolean (an unquoted `false`) is
 * left out: annotation values must be strings, so the API server rejects the pods' template and the CNI pods do not
 * roll out as written; such an opt-out does not count.
 */
function cniPodAnnotations(cni: CniInstall): Record<string, string> {
  const annotations = { ...cni.podAnnotations.value };
  for (const key of cni.nonStringPodAnnotations) delete annotations[key];
  return annotations;
}

/** Says so when the opt-out is there but written as a YAML boolean, so the user sees why it does not count. */
function unquotedOptOut(cni: CniInstall): string {
  if (!cni.nonStringPodAnnotations.includes(POD_INJECT_ANNOTATION)) return '';
  const { file, line } = cni.podAnnotations.origin;
  const value = cni.podAnnotations.value[POD_INJECT_ANNOTATION];
  return (
    ` The \`${POD_INJECT_ANNOTATION}: ${value}\` in the pod annotations (${file}:${line}) is a YAML boolean, not a ` +
    "string: annotation values must be strings, and the API server rejects the CNI pods' template (a chart's " +
    `\`toYaml\` keeps it unquoted). Quote it: \`${POD_INJECT_ANNOTATION}: "false"\`.`
  );
}

/**
 * DynaKubes that inject code modules through the CSI driver into the CNI pods: they monitor the pods' namespace, and
 * the pods' `oneagent.dynatrace.com/inject` (or, without it, the DynaKube's `automatic-injection` flag) lets them in.
 * A `kube-system` namespace (the cni chart's README installs there) is on the operator's default ignore list, so no
 * DynaKube injects there unless its `feature.dynatrace.com/ignored-namespaces` replaces that list.
 */
function injectingDynaKubes(model: ClusterModel, cni: CniInstall): DynaKube[] {
  const annotations = cniPodAnnotations(cni);
  return model.dynakubes.filter(
    (dynakube) =>
      codeModulesViaCsi(model, dynakube).value &&
      isMonitoredNamespace(model, dynakube, cni.namespace.value) &&
      injectsIntoPod(dynakube, annotations),
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
  if (!ignored || parseGoBool(ignored.annotations.value[POD_INJECT_ANNOTATION]) !== false) return '';
  const { file, line, path } = ignored.annotations.origin;
  return ` The \`${POD_INJECT_ANNOTATION}: "false"\` at ${path ?? 'podAnnotations'} (${file}:${line}) has no effect: ${ignored.reason}.`;
}

function annotationFix(model: ClusterModel, cni: CniInstall): Fix | undefined {
  if (!cni.annotationsTarget) return undefined;
  const { document, path } = cni.annotationsTarget;
  const edit = setValueEdit(model, document, [...path, POD_INJECT_ANNOTATION], '"false"');
  return edit
    ? {
        description: `Add the pod annotation \`${POD_INJECT_ANNOTATION}: "false"\` to the Istio CNI pods (${cni.via}).`,
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
      if (!cni.enabled.value) continue;
      const injecting = injectingDynaKubes(head, cni);
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
        field: `cni.podAnnotations.${POD_INJECT_ANNOTATION}`,
        severity: inMesh ? 'error' : 'warning',
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
