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
    const change = removeEntryEdit(model, model.resources[0].document, [
      'metadata',
      'labels',
      'istio-injection',
    ])!;
    expect(applyEdits(text, [change])).toBe(text.replace('    istio-injection: enabled\n', ''));
  });

  it('removes no line for an entry inside a flow mapping (the line holds its siblings)', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels: {a: b, istio-injection: enabled}\n';
    const model = modelOf({ 'f.yaml': text });
    expect(
      removeEntryEdit(model, model.resources[0].document, ['metadata', 'labels', 'istio-injection']),
    ).toBeUndefined();
  });

  it('quotes strings that YAML would read as another type', () => {
    expect(yamlString('false')).toBe('"false"');
    expect(yamlString('on')).toBe('"on"');
    expect(yamlString('15020')).toBe('"15020"');
    expect(yamlString('/stats/prometheus')).toBe('/stats/prometheus');
  });
});

describe('applyEdits line endings', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');

  it('keeps a CRLF file CRLF when the builders replace, insert and remove lines', () => {
    const text = crlf(base);
    const model = modelOf({ 'f.yaml': text });
    const document = model.resources[0].document;
    const edits = [
      setValueEdit(model, document, ['spec', 'a'], '5')!,
      setValueEdit(model, document, ['spec', 'nested', 'c'], 'true')!,
      setValueEdit(model, document, ['metadata', 'labels', 'x'], 'y')!,
    ];
    for (const change of edits) expect(change.replacement).not.toContain('\r');
    const lfResult = applyEdits(base, edits);
    expect(applyEdits(text, edits)).toBe(crlf(lfResult));
    expect(lfResult).toContain('  a: 5 # keep me\n');
    expect(lfResult).toContain('    c: true\n');

    const removal = removeEntryEdit(model, document, ['spec', 'nested'])!;
    expect(applyEdits(text, [removal])).toBe(crlf(base.replace('  nested:\n    b: 2\n', '')));
  });

  it('replaces an empty flow map in a CRLF file with CRLF lines', () => {
    const text = 'apiVersion: v1\r\nkind: X\r\nmetadata:\r\n  name: x\r\n  annotations: {}\r\n';
    expect(edit(text, ['metadata', 'annotations', 'a/b'], 'x')).toBe(
      text.replace('  annotations: {}\r\n', '  annotations:\r\n    a/b: x\r\n'),
    );
  });

  it('gives added lines the dominant ending and keeps the ending of each replaced line', () => {
    const mixed = 'a: 1\r\nb: 1\nc: 1\r\nd: 1\r\n';
    expect(applyEdits(mixed, [{ file: 'f', startLine: 2, endLine: 2, replacement: 'b: 2\nb2: 2' }])).toBe(
      'a: 1\r\nb: 2\nb2: 2\r\nc: 1\r\nd: 1\r\n',
    );
    expect(applyEdits('a\nb\r\nc\n', [{ file: 'f', startLine: 2, endLine: 1, replacement: 'x' }])).toBe(
      'a\nx\nb\r\nc\n',
    );
  });

  it('adds no line break at the end of a file that has none, and drops a stray CR in a replacement', () => {
    const text = 'a: 1\r\nb: 1';
    expect(applyEdits(text, [{ file: 'f', startLine: 2, endLine: 2, replacement: 'b: 2\r' }])).toBe(
      'a: 1\r\nb: 2',
    );
    expect(applyEdits(text, [{ file: 'f', startLine: 3, endLine: 2, replacement: 'c: 1' }])).toBe(
      'a: 1\r\nb: 1\r\nc: 1',
    );
    expect(applyEdits(text, [{ file: 'f', startLine: 2, endLine: 2, replacement: '' }])).toBe('a: 1');
  });

  it('keeps a byte order mark when the first line is edited', () => {
    expect(applyEdits('\uFEFFa: 1\r\n', [{ file: 'f', startLine: 1, endLine: 1, replacement: 'a: 2' }])).toBe(
      '\uFEFFa: 2\r\n',
    );
  });
});
