import { describe, expect, it } from '@jest/globals';
import { originAt, originLaterAt, readResource } from '../../src/model/resource.js';
import { modelOf } from './helpers.js';
import { parseRelevant } from '../../src/parse/prefilter.js';
import type { ParsedDocument } from '../../src/parse/yaml.js';

/** The first document of a file as the engine reads it (the fast path for plain documents). */
function document(text: string): ParsedDocument {
  return parseRelevant('ns.yaml', text).parsed.documents[0];
}

const namespace = `# the shop
apiVersion: v1
kind: Namespace
metadata:
  labels:
    team: shop
  name: shop
`;

describe('readResource', () => {
  it('places an object at its metadata.name, asking the document for the line only when it is read', () => {
    const parsed = document(namespace);
    let lineAsked = 0;
    const counted: ParsedDocument = Object.create(parsed, {
      lineAt: { value: (path: (string | number)[]) => (lineAsked++, parsed.lineAt(path)) },
    });
    const resource = readResource(counted, counted.value)!;
    expect(resource).toMatchObject({ kind: 'Namespace', name: 'shop', labels: { team: 'shop' } });
    expect(lineAsked).toBe(0);
    expect(resource.origin.line).toBe(7);
    expect(resource.origin.line).toBe(7);
    expect(lineAsked).toBe(1);
  });

  it('gives an origin that copies and serialises as a plain value', () => {
    const { origin } = readResource(document(namespace), document(namespace).value)!;
    expect({ ...origin }).toEqual({ file: 'ns.yaml', line: 7 });
    expect(JSON.parse(JSON.stringify(origin))).toEqual({ file: 'ns.yaml', line: 7 });
  });
});

const serviceEntry = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: partner
  namespace: shop
spec:
  hosts:
    - api.partner.example.com
    - auth.partner.example.com
  resolution: DNS
`;

describe('originLaterAt', () => {
  /** A resource whose document counts the times it is asked for a range. */
  function counted(text: string) {
    const parsed = document(text);
    const asked = { ranges: 0 };
    const doc: ParsedDocument = Object.create(parsed, {
      rangeAt: { value: (path: (string | number)[]) => (asked.ranges++, parsed.rangeAt(path)) },
    });
    return { resource: readResource(doc, doc.value)!, asked };
  }

  it('asks for the range only when the origin is read, then gives what originAt gives', () => {
    const { resource, asked } = counted(serviceEntry);
    const later = originLaterAt(resource, ['spec', 'hosts']);
    expect(asked.ranges).toBe(0);
    expect(later.path).toBe('spec.hosts');
    expect({ ...later }).toEqual(originAt(resource, ['spec', 'hosts']));
    expect(later).toMatchObject({ file: 'ns.yaml', line: 7, endLine: 9 });
    expect(asked.ranges).toBe(2); // once for the origin, once for the comparison's own originAt
  });

  it("falls back to the object's line for a field it does not have, and serialises without endLine", () => {
    const { resource } = counted(serviceEntry);
    const later = originLaterAt(resource, ['spec', 'exportTo']);
    expect(JSON.parse(JSON.stringify(later))).toEqual({ file: 'ns.yaml', line: 4, path: 'spec.exportTo' });
  });
});

// Argo CD hook Jobs name themselves with `metadata.generateName` (dynatrace-perfclinics/platform-engineering-demo
// apptemplates/*/argohookjobs.yml): the API server makes the name from that prefix when `name` is empty
// (k8s.io/apimachinery pkg/apis/meta/v1/types.go, ObjectMeta.GenerateName). It is an object like any other.
describe('an object named by metadata.generateName', () => {
  const job = [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  namespace: shop',
    '  generateName: presync-notification-',
    '  annotations: {argocd.argoproj.io/hook: PreSync}',
    'spec:',
    '  template:',
    '    metadata: {annotations: {sidecar.istio.io/inject: "false"}}',
    '    spec: {containers: [{name: c, image: busybox}]}',
  ];

  it('is read, at its generateName line, with no note', () => {
    const model = modelOf({ 'hooks.yaml': job });
    expect(model.notEvaluable).toEqual([]);
    expect(model.workloads.map((w) => [w.kind, w.name, w.namespace])).toEqual([
      ['Job', 'presync-notification-', 'shop'],
    ]);
    expect(model.workloads[0].origin).toMatchObject({ file: 'hooks.yaml', line: 5 });
  });

  it('an object with neither name nor generateName is still noted', () => {
    const model = modelOf({ 'hooks.yaml': job.filter((line) => !line.includes('generateName')) });
    expect(model.notEvaluable.map((note) => note.reason)).toEqual([
      'Job without metadata.name is not a Kubernetes object and was not read',
    ]);
  });
});
