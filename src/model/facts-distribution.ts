import type { Origin } from './provenance.js';
import { asArray, asRecord, asString, getIn } from './read.js';
import { apiGroup, originAt } from './resource.js';
import { resourceId, type ClusterModel, type ResourceBase } from './types.js';

/** One piece of evidence that the mesh is Maistra / OpenShift Service Mesh rather than upstream Istio. */
export interface DistributionEvidence {
  resource: ResourceBase;
  what: string;
  origin: Origin;
  /** A control plane or an install; members and labels only point at one that lives elsewhere. */
  primary: boolean;
}

const OSSM_IMAGE = /registry\.redhat\.io\/openshift-service-mesh\//;
const OSSM_OPERATOR_PACKAGES = ['servicemeshoperator', 'servicemeshoperator3'];
const POD_SPEC_PATHS = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ['spec'],
];

/** Where containers are listed, pod spec by pod spec: made once, every object of the repository is looked at. */
const CONTAINER_LIST_PATHS = POD_SPEC_PATHS.flatMap((specPath) =>
  ['containers', 'initContainers'].map((list) => [...specPath, list]),
);

function ossmImage(resource: ResourceBase): { image: string; path: (string | number)[] } | undefined {
  for (const listPath of CONTAINER_LIST_PATHS) {
    const containers = asArray(getIn(resource.document.value, listPath));
    for (let index = 0; index < containers.length; index += 1) {
      const image = asString(asRecord(containers[index])?.image);
      if (image && OSSM_IMAGE.test(image)) return { image, path: [...listPath, index, 'image'] };
    }
  }
  return undefined;
}

function evidenceOf(resource: ResourceBase): DistributionEvidence | undefined {
  const id = resourceId(resource);
  const group = apiGroup(resource.apiVersion);
  if (group === 'maistra.io') {
    const primary = resource.kind === 'ServiceMeshControlPlane';
    return { resource, what: `${id} (Maistra / OpenShift Service Mesh 2)`, origin: resource.origin, primary };
  }
  if (group === 'sailoperator.io') {
    const profile = asString(getIn(resource.document.value, ['spec', 'profile']));
    if (profile?.startsWith('openshift'))
      return {
        resource,
        what: `${id} with profile ${profile} (OpenShift Service Mesh 3)`,
        origin: originAt(resource, ['spec', 'profile']),
        primary: true,
      };
  }
  if (resource.kind === 'Subscription' && group === 'operators.coreos.com') {
    const name = asString(getIn(resource.document.value, ['spec', 'name']));
    if (name && OSSM_OPERATOR_PACKAGES.includes(name))
      return {
        resource,
        what: `${id} installs the OpenShift Service Mesh operator (${name})`,
        origin: originAt(resource, ['spec', 'name']),
        primary: true,
      };
  }
  const image = ossmImage(resource);
  if (image)
    return {
      resource,
      what: `${id} runs the OpenShift Service Mesh image ${image.image}`,
      origin: originAt(resource, image.path),
      primary: true,
    };
  if (resource.kind === 'Namespace' && resource.labels['maistra.io/member-of'] !== undefined)
    return {
      resource,
      what: `${id} is a member of the Maistra control plane in ${resource.labels['maistra.io/member-of']}`,
      origin: originAt(resource, ['metadata', 'labels', 'maistra.io/member-of']),
      primary: false,
    };
  return undefined;
}

/** Evidence of an Istio spin-off in the repository (reference/istio.md §8), in file order. */
export function distributionEvidence(model: ClusterModel): DistributionEvidence[] {
  return model.resources.map(evidenceOf).filter((e): e is DistributionEvidence => e !== undefined);
}
