import { asBoolean, getIn, stringMap } from './read.js';
import type { ResourceBase, Workload } from './types.js';

const TEMPLATE_PATHS: Record<string, string[]> = {
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
    podLabels: stringMap(getIn(template, ['metadata', 'labels'])),
    podAnnotations: stringMap(getIn(template, ['metadata', 'annotations'])),
    hostNetwork: asBoolean(getIn(template, ['spec', 'hostNetwork'])) ?? false,
  };
}
