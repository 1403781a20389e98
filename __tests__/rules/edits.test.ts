import { describe, expect, it } from '@jest/globals';
import { applyEdits, removeEntryEdit, setValueEdit, yamlString } from '../../src/rules/edits.js';
import { modelOf } from './harness.js';

function edit(text: string, path: string[], value: Parameters<typeof setValueEdit>[3]): string {
  const model = modelOf({ 'f.yaml': text });
  const document = model.resources[0]?.document ?? (undefined as never);
  const change = setValueEdit(model, document, path, value);
  if (!change) throw new Error('no edit');
  return applyEdits(text, [change]);
}

const base = 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\nspec:\n  a: 1 # keep me\n  nested:\n    b: 2\n';

describe('setValueEdit', () => {
  it('replaces a scalar on its line and keeps the trailing comment', () => {
    expect(edit(base, ['spec', 'a'], '5')).toContain('  a: 5 # keep me\n');
  });

  it('inserts a missing key at the end of its parent with the sibling indentation', () => {
    expect(edit(base, ['spec', 'nested', 'c'], 'true')).toBe(
      base.replace('    b: 2\n', '    b: 2\n    c: true\n'),
    );
  });

  it('creates missing parents', () => {
    expect(edit(base, ['spec', 'x', 'y', 'z'], '"false"')).toContain(
      '    b: 2\n  x:\n    y:\n      z: "false"\n',
    );
  });

  it('replaces an empty flow map', () => {
    const text = 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\n  annotations: {}\n';
    expect(edit(text, ['metadata', 'annotations', 'a/b'], 'x')).toBe(
      text.replace('  annotations: {}\n', '  annotations:\n    a/b: x\n'),
    );
  });

  it('follows a four-space file', () => {
    const text = 'apiVersion: v1\nkind: X\nmetadata:\n    name: x\nspec:\n    a: 1\n';
    expect(edit(text, ['spec', 'b', 'c'], '1')).toContain('spec:\n    a: 1\n    b:\n        c: 1\n');
  });

  it('removes an entry line', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n    a: b\n    istio-injection: enabled\n';
    const model = modelOf({ 'f.yaml': text });
    const change = removeEntryEdit(model.resources[0].document, ['metadata', 'labels', 'istio-injection'])!;
    expect(applyEdits(text, [change])).toBe(text.replace('    istio-injection: enabled\n', ''));
  });

  it('quotes strings that YAML would read as another type', () => {
    expect(yamlString('false')).toBe('"false"');
    expect(yamlString('on')).toBe('"on"');
    expect(yamlString('15020')).toBe('"15020"');
    expect(yamlString('/stats/prometheus')).toBe('/stats/prometheus');
  });
});
