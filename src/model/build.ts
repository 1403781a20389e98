import { subDocument, type ParsedDocument, type ParsedFile } from '../parse/yaml.js';
import { isDynaKube, readDynaKube } from './dynakube.js';
import { isHelmRelease, readHelmRelease } from './helm.js';
import {
  isIstioKind,
  readPeerAuthentication,
  readServiceEntry,
  readSidecar,
  readVirtualService,
} from './istio-resources.js';
import {
  isIstioOperator,
  isMeshConfigMap,
  readCniDaemonSet,
  readCniValues,
  readIstiodValues,
  readIstioOperator,
  readMeshConfigMap,
} from './mesh-install.js';
import { readOperatorValues } from './operator-install.js';
import { fact } from './provenance.js';
import { asArray, asRecord } from './read.js';
import { readResource } from './resource.js';
import {
  emptyModel,
  type ChartValues,
  type ClusterModel,
  type Namespace,
  type ResourceBase,
} from './types.js';
import { isWorkload, readWorkload } from './workload.js';

/** Builds the model of one side of the repository from its parsed files. */
export function buildModel(files: ParsedFile[]): ClusterModel {
  const model = emptyModel();
  for (const file of files) {
    model.files.set(file.file, file.text);
    model.notEvaluable.push(...file.problems);
    for (const document of file.documents) addDocument(model, document);
  }
  for (const values of model.chartValues) addChartValues(model, values);
  return model;
}

function addDocument(model: ClusterModel, document: ParsedDocument): void {
  const object = asRecord(document.value);
  if (object?.kind === 'List' && Array.isArray(object.items)) {
    asArray(object.items).forEach((item, index) =>
      addDocument(model, subDocument(document, ['items', index], item)),
    );
    return;
  }
  const resource = readResource(document, document.value);
  if (resource) addResource(model, resource);
}

/** Dispatches a resource to the reader of its kind. Kinds no rule reads are only recorded. */
function addResource(model: ClusterModel, resource: ResourceBase): void {
  model.resources.push(resource);
  if (isDynaKube(resource)) model.dynakubes.push(readDynaKube(resource));
  else if (resource.kind === 'Namespace' && resource.apiVersion === 'v1')
    model.namespaces.set(resource.name, resource as Namespace);
  else if (isIstioKind(resource, 'PeerAuthentication'))
    model.peerAuthentications.push(readPeerAuthentication(resource));
  else if (isIstioKind(resource, 'ServiceEntry')) model.serviceEntries.push(readServiceEntry(resource));
  else if (isIstioKind(resource, 'VirtualService')) model.virtualServices.push(readVirtualService(resource));
  else if (isIstioKind(resource, 'Sidecar')) model.sidecars.push(readSidecar(resource));
  else if (isHelmRelease(resource)) {
    const values = readHelmRelease(resource);
    if (values) model.chartValues.push(values);
  } else if (isIstioOperator(resource)) {
    const install = readIstioOperator(resource);
    if (install.mesh) model.meshConfigs.push(install.mesh);
    model.pilotInstalls.push(install.pilot);
    if (install.cni) model.cniInstalls.push(install.cni);
  } else if (isMeshConfigMap(resource)) {
    const read = readMeshConfigMap(resource);
    if (read.source) model.meshConfigs.push(read.source);
    if (read.problem)
      model.notEvaluable.push({ file: resource.origin.file, line: read.line, reason: read.problem });
  } else if (resource.apiVersion.startsWith('maistra.io/')) {
    model.distributionHints.push(
      fact(`${resource.kind} (Maistra / OpenShift Service Mesh)`, resource.origin),
    );
  }
  if (isWorkload(resource)) {
    model.workloads.push(readWorkload(resource));
    const cni = readCniDaemonSet(resource);
    if (cni) model.cniInstalls.push(cni);
  }
}

function addChartValues(model: ClusterModel, values: ChartValues): void {
  if (values.chart === 'istiod') {
    const istiod = readIstiodValues(values);
    if (istiod.mesh) model.meshConfigs.push(istiod.mesh);
    model.pilotInstalls.push(istiod.pilot);
  } else if (values.chart === 'cni') {
    model.cniInstalls.push(readCniValues(values));
  } else if (values.chart === 'dynatrace-operator') {
    model.operatorInstalls.push(readOperatorValues(values));
  }
}
