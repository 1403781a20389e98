import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/engine.js';
import { modelOf } from './harness.js';

const SAMPLES = path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples');
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml'));

/** A default mesh written out: the istio-system namespace and the mesh ConfigMap with the chart's default. */
const defaultMesh = {
  'istio/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n',
  'istio/mesh.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    enablePrometheusMerge: true\n',
  'dynatrace/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n',
};

describe('upstream samples next to a default mesh', () => {
  it.each(files)('%s: no rule fires', (file) => {
    const model = modelOf({ ...defaultMesh, [file]: readFileSync(path.join(SAMPLES, file), 'utf8') });
    const { report } = analyze(model, undefined);
    // v1beta1 / v1beta4 come from operator tag v1.7.0; the newest operator no longer serves them.
    const expected = /__v1beta[14]__/.test(file) ? ['dynakube-api-version:warning'] : [];
    expect(report.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(expected);
    // The example apiUrl is listed as not evaluable, never as a finding.
    expect(report.notEvaluable.some((note) => note.file === file && /apiUrl/.test(note.reason))).toBe(true);
  });
});
