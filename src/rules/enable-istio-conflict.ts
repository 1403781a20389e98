import { routesSidecars } from '../model/istio-resources.js';
import { resourceId, type ClusterModel, type DynaKube, type ResourceBase } from '../model/types.js';
import { originAt } from '../model/resource.js';
import { isOperatorObjectName } from '../generate/operator-objects.js';
import { operatorApiEndpoint } from './service-entry-views.js';
import { patchFiles, removeItemEdit } from './edits.js';
import { docsUrl, type FindingDraft, type Fix, type Rule, type TextEdit } from './types.js';

const id = 'enable-istio-conflict';

interface IstioObject {
  resource: ResourceBase;
  hosts: string[];
  kind: 'ServiceEntry' | 'VirtualService';
  /** False for a VirtualService bound only to gateways: the operator's (for the sidecars) cannot clash with it. */
  routesSidecars: boolean;
}

function istioObjects(model: ClusterModel): IstioObject[] {
  return [
    ...model.serviceEntries.map((se) => ({
      resource: se as ResourceBase,
      hosts: se.hosts.value,
      kind: 'ServiceEntry' as const,
      routesSidecars: true,
    })),
    ...model.virtualServices.map((vs) => ({
      resource: vs as ResourceBase,
      hosts: vs.hosts,
      kind: 'VirtualService' as const,
      routesSidecars: routesSidecars(vs.gateways),
    })),
  ];
}

/** Removes the whole object, or only the conflicting host of a ServiceEntry that lists other hosts too. */
function removalFix(
  model: ClusterModel,
  object: IstioObject,
  host: string | undefined,
  nameClash: boolean,
): Fix | undefined {
  const document = object.resource.document;
  const others = object.hosts.filter((h) => h.toLowerCase() !== host);
  if (!nameClash && others.length > 0) {
    if (object.kind !== 'ServiceEntry') return undefined;
    const index = object.hosts.findIndex((h) => h.toLowerCase() === host);
    const edit = removeItemEdit(model, document, ['spec', 'hosts', index]);
    const shape = document.describeAt(['spec', 'hosts']);
    if (!edit || !shape || shape.flow) return undefined;
    return {
      description: `Remove \`${host}\` from ${resourceId(object.resource)}: the operator's ServiceEntry declares it.`,
      edits: [edit],
    };
  }
  const range = document.rangeAt([]);
  // Removing an object a kustomize patch targets makes the build fail ("no matches for the patch target").
  if (!range || patchFiles(document).size > 0) return undefined;
  const edit: TextEdit = {
    file: document.file,
    startLine: range.startLine,
    endLine: range.endLine,
    replacement: '',
  };
  return {
    description: `Remove ${resourceId(object.resource)} and let the operator manage the Dynatrace endpoints (or set \`enableIstio: false\` and keep the hand-written objects).`,
    edits: [edit],
  };
}

function conflictsOf(model: ClusterModel, dynakube: DynaKube): FindingDraft[] {
  const namespace = dynakube.namespace;
  const host = operatorApiEndpoint(dynakube.apiUrl?.value)?.host;
  const findings: FindingDraft[] = [];
  for (const object of istioObjects(model)) {
    const sameNamespace = (object.resource.namespace ?? namespace) === namespace;
    const nameClash = sameNamespace && isOperatorObjectName(dynakube.name, object.resource.name);
    const hostClash =
      host !== undefined && object.routesSidecars && object.hosts.some((h) => h.toLowerCase() === host);
    if (!nameClash && !hostClash) continue;
    const why = nameClash
      ? `is named like an object the operator creates and owns for DynaKube ${dynakube.name}: the operator overwrites it`
      : `declares ${host}, the apiUrl host the operator writes into ${dynakube.name}-fqdn-operator; two ServiceEntries for one host are an invalid Istio configuration`;
    const fix = removalFix(model, object, host, nameClash);
    findings.push({
      message:
        `${resourceId(object.resource)} ${why}. DynaKube ${dynakube.name} has enableIstio on, and "enableIstio ` +
        `attribute will not consider pre-existing ServiceEntries and VirtualServices".`,
      origin: nameClash ? object.resource.origin : originAt(object.resource, ['spec', 'hosts']),
      resource: resourceId(object.resource),
      field: `${nameClash ? 'metadata.name' : 'spec.hosts'}@${dynakube.name}`,
      subject: object.resource,
      ...(fix ? { fix } : {}),
    });
  }
  return findings;
}

export const enableIstioConflict: Rule = {
  meta: {
    id,
    severity: 'warning',
    description:
      'With `enableIstio` on, the repository must not also declare the Dynatrace hosts or the operator-owned object names.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    return head.dynakubes
      .filter((dynakube) => dynakube.enableIstio.value)
      .flatMap((dk) => conflictsOf(head, dk));
  },
};
