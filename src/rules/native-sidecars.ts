import { injectsCodeModules } from '../model/dynakube.js';
import { namespaceDataPlaneMode } from '../model/effective.js';
import { activeGatePod, podMeshMembership, workloadPod } from '../model/facts-dataplane.js';
import {
  NATIVE_SIDECAR_ANNOTATION,
  NATIVE_SIDECARS_ENV,
  nativeSidecarState,
} from '../model/facts-native-sidecars.js';
import { fileAt, originAt } from '../model/resource.js';
import type { ParsedDocument } from '../parse/yaml.js';
import { resourceId, type ClusterModel, type PilotInstall, type Workload } from '../model/types.js';
import { csiDriverMembership } from './dynatrace-consumers.js';
import { setValueEdit } from './edits.js';
import { replaceScalarEdit } from './line-edits.js';
import { docsUrl, type Fix, type FindingDraft, type Rule, type TextEdit } from './types.js';

const id = 'native-sidecars';

/** `a.b.0.c` → `['a', 'b', 0, 'c']`. */
function pathOf(dotted: string): (string | number)[] {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The document a fact was read from: the resource of that file that has a node at the fact's path. */
function documentAt(
  model: ClusterModel,
  file: string,
  path: (string | number)[],
): ParsedDocument | undefined {
  return model.resources.find((r) => r.document.describeAt(path) && fileAt(r.document, path) === file)
    ?.document;
}

/** Sets `ENABLE_NATIVE_SIDECARS` to "false" where this install's pilot env is written. */
function disableEdit(model: ClusterModel, pilot: PilotInstall): TextEdit | undefined {
  const setting = pilot.env[NATIVE_SIDECARS_ENV];
  const settingPath = setting?.origin.path ? pathOf(setting.origin.path) : undefined;
  // A `- name: ENABLE_NATIVE_SIDECARS` list item (IstioOperator k8s.env, a rendered istiod): edit its value there,
  // because that list overrides values-level env.
  if (setting && settingPath && typeof settingPath[settingPath.length - 1] === 'number') {
    const document = documentAt(model, setting.origin.file, settingPath);
    const valuePath = [...settingPath, 'value'];
    const current = document?.describeAt(valuePath);
    if (document && current)
      return (
        replaceScalarEdit(model, document, valuePath, setting.value, 'false') ??
        setValueEdit(model, document, valuePath, '"false"')
      );
    return undefined;
  }
  if (!pilot.envTarget) return undefined;
  const { document, path } = pilot.envTarget;
  return setValueEdit(model, document, [...path, NATIVE_SIDECARS_ENV], '"false"');
}

/** Pods of a gateway Deployment get Istio's `gateway` injection template: a proxy container, not a sidecar. */
const INJECT_TEMPLATES_ANNOTATION = 'inject.istio.io/templates';

/** Whether anything in the repository gets a sidecar: a namespace, a workload, an ActiveGate or the CSI driver. */
function anySidecarEnrolment(model: ClusterModel): boolean {
  if ([...model.namespaces.keys()].some((ns) => namespaceDataPlaneMode(model, ns).value === 'sidecar'))
    return true;
  const gateway = (w: Workload) => w.podAnnotations[INJECT_TEMPLATES_ANNOTATION] === 'gateway';
  if (
    model.workloads.some((w) => !gateway(w) && podMeshMembership(model, workloadPod(w))?.mode === 'sidecar')
  )
    return true;
  const activeGates = model.dynakubes.map((dk) => activeGatePod(model, dk)).filter((pod) => !!pod);
  if (activeGates.some((pod) => podMeshMembership(model, pod)?.mode === 'sidecar')) return true;
  return csiDriverMembership(model)?.mode === 'sidecar';
}

/**
 * The repository shows a pure ambient mesh: every istiod install uses an ambient profile, some namespace is
 * ambient, and nothing is enrolled for sidecars. Then no pod carries istio-proxy, native or not, and the guide's
 * concern (code modules in pods with native sidecars) does not arise. The injector still runs under the ambient
 * profile, so a namespace labelled for sidecars later (or outside the repository) would get native ones: the
 * finding drops to info rather than going away. `enable-istio-required` reads it the same way.
 */
export function pureAmbient(model: ClusterModel): string | undefined {
  const profiles = model.pilotInstalls.map((pilot) => pilot.profile?.value);
  if (profiles.length === 0 || !profiles.every((profile) => profile?.includes('ambient'))) return undefined;
  const ambient = [...model.namespaces.keys()].filter(
    (ns) => namespaceDataPlaneMode(model, ns).value === 'ambient',
  );
  if (ambient.length === 0 || anySidecarEnrolment(model)) return undefined;
  return ambient.join(', ');
}

function pilotFindings(model: ClusterModel, injecting: string): FindingDraft[] {
  const ambientNamespaces = pureAmbient(model);
  return model.pilotInstalls.flatMap((pilot): FindingDraft[] => {
    const native = nativeSidecarState(pilot, model.kubernetesVersion);
    if (native.state === 'off') return [];
    const edit = disableEdit(model, pilot);
    const fix: Fix | undefined = edit
      ? {
          description: `Set \`${NATIVE_SIDECARS_ENV}: "false"\` in the pilot env of ${pilot.via}.`,
          edits: [edit],
        }
      : undefined;
    return [
      {
        message: ambientNamespaces
          ? `${pilot.via} can inject native sidecars (${native.reason}), but the repository shows a pure ambient ` +
            `mesh (ambient profile; ambient namespaces ${ambientNamespaces}; nothing enrolled for sidecars), so no ` +
            `pod that DynaKube ${injecting} injects code modules into has a sidecar. A namespace enrolled for ` +
            `sidecars later would get native ones, which Dynatrace Operator does not support.`
          : `${pilot.via} can inject native sidecars (${native.reason}) while DynaKube ${injecting} injects code ` +
            `modules. The guide: native sidecar containers are "currently not supported by Dynatrace Operator. ` +
            `Disable native sidecars in your Istio deployment".`,
        ...(ambientNamespaces ? { severity: 'info' as const } : {}),
        origin: native.origin,
        resource: pilot.via,
        field: `pilot.env.${NATIVE_SIDECARS_ENV}`,
        ...(fix ? { fix } : {}),
      },
    ];
  });
}

/** Pods that ask for a native sidecar themselves: the annotation wins over istiod's setting. */
function podFindings(model: ClusterModel, injecting: string): FindingDraft[] {
  return model.workloads.flatMap((workload: Workload): FindingDraft[] => {
    if (workload.podAnnotations[NATIVE_SIDECAR_ANNOTATION]?.toLowerCase() !== 'true') return [];
    const membership = podMeshMembership(model, workloadPod(workload));
    if (membership?.mode !== 'sidecar') return [];
    const path = [...workload.podMetadataPath, 'annotations', NATIVE_SIDECAR_ANNOTATION];
    const edit = setValueEdit(model, workload.document, path, '"false"');
    return [
      {
        message:
          `${resourceId(workload)} asks for a native Istio sidecar (${NATIVE_SIDECAR_ANNOTATION}: "true", ${membership.reason}) ` +
          `while DynaKube ${injecting} injects code modules; Dynatrace Operator does not support native sidecars.`,
        origin: originAt(workload, path),
        resource: resourceId(workload),
        field: `podAnnotations.${NATIVE_SIDECAR_ANNOTATION}`,
        subject: workload,
        ...(edit
          ? {
              fix: {
                description: `Set \`${NATIVE_SIDECAR_ANNOTATION}: "false"\` on the pod template.`,
                edits: [edit],
              },
            }
          : {}),
      },
    ];
  });
}

export const nativeSidecars: Rule = {
  meta: {
    id,
    severity: 'error',
    description: 'Istio must not inject native sidecars where Dynatrace injects code modules.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const injecting = head.dynakubes.filter(injectsCodeModules).map((dk) => dk.name);
    if (injecting.length === 0) return [];
    const names = injecting.join(', ');
    return [...pilotFindings(head, names), ...podFindings(head, names)];
  },
};
