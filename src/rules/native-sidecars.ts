import { injectsCodeModules } from '../model/dynakube.js';
import { podMeshMembership } from '../model/facts-dataplane.js';
import {
  NATIVE_SIDECAR_ANNOTATION,
  NATIVE_SIDECARS_ENV,
  nativeSidecarState,
} from '../model/facts-native-sidecars.js';
import { fileAt, originAt } from '../model/resource.js';
import type { ParsedDocument } from '../parse/yaml.js';
import { resourceId, type ClusterModel, type PilotInstall, type Workload } from '../model/types.js';
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

function pilotFindings(model: ClusterModel, injecting: string): FindingDraft[] {
  return model.pilotInstalls.flatMap((pilot): FindingDraft[] => {
    const native = nativeSidecarState(pilot);
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
        message:
          `${pilot.via} can inject native sidecars (${native.reason}) while DynaKube ${injecting} injects code ` +
          `modules. The guide: native sidecar containers are "currently not supported by Dynatrace Operator. Disable ` +
          `native sidecars in your Istio deployment".`,
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
    const membership = podMeshMembership(model, {
      namespace: workload.namespace ?? 'default',
      labels: workload.podLabels,
      annotations: workload.podAnnotations,
      hostNetwork: workload.hostNetwork,
    });
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
