import { asBoolean, getIn, metadataStrings } from './read.js';
import type { ResourceBase, Workload } from './types.js';

/** Where each workload kind keeps its pod template; a Pod is its own template. */
export const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

export function isWorkload(resource: ResourceBase): boolean {
  return (
    resource.kind in TEMPLATE_PATHS &&
    (resource.apiVersion.startsWith('apps/') ||
      resource.apiVersion.startsWith('batch/') ||
      resource.apiVersion === 'v1')
  );
}

export function readWorkload(resource: ResourceBase): Workload {
  const templatePath = TEMPLATE_PATHS[resource.kind];
  const template = getIn(resource.document.value, templatePath);
  return {
    ...resource,
    podMetadataPath: [...templatePath, 'metadata'],
    podLabels: metadataStrings(getIn(template, ['metadata', 'labels'])),
    podAnnotations: metadataStrings(getIn(template, ['metadata', 'annotations'])),
    hostNetwork: asBoolean(getIn(template, ['spec', 'hostNetwork'])) ?? false,
  };
}
