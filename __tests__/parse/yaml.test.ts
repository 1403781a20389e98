import { describe, expect, it } from '@jest/globals';
import { parseRelevant } from '../../src/parse/prefilter.js';
import { MAX_ALIAS_COUNT, parseYamlText } from '../../src/parse/yaml.js';

describe('parseYamlText: Kubernetes YAML semantics', () => {
  it.each([
    ['yes', true],
    ['no', false],
    ['on', true],
    ['off', false],
    ['True', true],
    ['"yes"', 'yes'],
  ])('reads %s as YAML 1.1 does', (text, expected) => {
    const parsed = parseYamlText('a.yaml', `enabled: ${text}\n`);
    expect(parsed.documents[0].value).toEqual({ enabled: expected });
  });

  it('applies << merge keys and finds the line of a merged value at its anchor', () => {
    const text = [
      'defaults: &defaults',
      '  mode: REGISTRY_ONLY',
      '  root: istio-system',
      'mesh:',
      '  <<: *defaults',
      '  root: other',
      '',
    ].join('\n');
    const doc = parseYamlText('m.yaml', text).documents[0];
    expect(doc.value).toEqual({
      defaults: { mode: 'REGISTRY_ONLY', root: 'istio-system' },
      mesh: { mode: 'REGISTRY_ONLY', root: 'other' },
    });
    expect(doc.lineAt(['mesh', 'mode'])).toBe(2);
    expect(doc.lineAt(['mesh', 'root'])).toBe(6);
  });

  it('follows an alias used as a value', () => {
    const text = ['labels: &l', '  app: x', 'pod:', '  labels: *l', ''].join('\n');
    const doc = parseYamlText('a.yaml', text).documents[0];
    expect(doc.value).toEqual({ labels: { app: 'x' }, pod: { labels: { app: 'x' } } });
    expect(doc.lineAt(['pod', 'labels', 'app'])).toBe(2);
  });

  it('skips empty and comment-only documents but keeps document indexes', () => {
    const parsed = parseYamlText('a.yaml', '---\n# only a comment\n---\n---\nkind: A\n');
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0].value).toEqual({ kind: 'A' });
    expect(parsed.documents[0].line).toBe(5);
    expect(parsed.problems).toEqual([]);
  });

  it('reads a BOM and CRLF line ends with correct lines', () => {
    const parsed = parseYamlText('a.yaml', '\ufeffa: 1\r\nb:\r\n  c: on\r\n');
    expect(parsed.documents[0].value).toEqual({ a: 1, b: { c: true } });
    expect(parsed.documents[0].lineAt(['b', 'c'])).toBe(3);
  });

  it('maps a CRLF block scalar nested document to the outer lines', () => {
    const text =
      'data:\r\n  mesh: |\r\n    a: 1\r\n    outboundTrafficPolicy:\r\n      mode: REGISTRY_ONLY\r\n';
    const nested = parseYamlText('cm.yaml', text).documents[0].nestedAt(['data', 'mesh'])!;
    expect(nested.documents[0].value).toEqual({ a: 1, outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } });
    expect(nested.documents[0].lineAt(['outboundTrafficPolicy', 'mode'])).toBe(5);
    expect(nested.documents[0].positionAt(['outboundTrafficPolicy', 'mode'])).toEqual({ line: 5, col: 7 });
  });

  it('bounds alias expansion: a billion-laughs document becomes a problem, not an exhausted process', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = `*${names[i - 1]}`;
      lines.push(`${names[i]}: &${names[i]} [${Array(10).fill(prev).join(',')}]`);
    }
    const parsed = parseYamlText('bomb.yaml', lines.join('\n') + '\n');
    expect(MAX_ALIAS_COUNT).toBeGreaterThan(0);
    expect(parsed.documents).toHaveLength(0);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'bomb.yaml', line: 1 });
    expect(parsed.problems[0].reason).toMatch(/alias/i);
  });

  it('reports a duplicate key with its line and keeps the last value', () => {
    const text = [
      'kind: Namespace',
      'metadata:',
      '  labels:',
      '    istio-injection: enabled',
      '    istio-injection: disabled',
      '',
    ].join('\n');
    const parsed = parseYamlText('ns.yaml', text);
    expect(parsed.documents[0].value).toEqual({
      kind: 'Namespace',
      metadata: { labels: { 'istio-injection': 'disabled' } },
    });
    expect(parsed.problems).toEqual([
      {
        file: 'ns.yaml',
        line: 5,
        reason: 'duplicate key "istio-injection" (first at line 4); the last value is used',
      },
    ]);
  });

  it('with a duplicate key, points at the value that is used (the last), also through the pre-filtered parse', () => {
    const text = [
      'apiVersion: dynatrace.com/v1beta5',
      'kind: DynaKube',
      'metadata:',
      '  name: eu',
      'spec:',
      '  enableIstio: true',
      '  oneAgent:',
      '    applicationMonitoring: {}',
      '  enableIstio: false',
      '',
    ].join('\n');
    for (const parsed of [parseYamlText('dk.yaml', text), parseRelevant('dk.yaml', text).parsed]) {
      const [document] = parsed.documents;
      expect(document.value).toMatchObject({ spec: { enableIstio: false } });
      expect(document.lineAt(['spec', 'enableIstio'])).toBe(9);
      expect(document.positionAt(['spec', 'enableIstio'])).toEqual({ line: 9, col: 3 });
      expect(document.rangeAt(['spec', 'enableIstio'])).toEqual({ startLine: 9, endLine: 9 });
      expect(document.describeAt(['spec', 'enableIstio'])?.start).toEqual({ line: 9, col: 3 });
      expect(document.lineAt(['spec', 'oneAgent'])).toBe(7);
    }
  });

  it('turns a syntax error into a problem with its line, and keeps the other documents', () => {
    const parsed = parseYamlText('bad.yaml', 'a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n');
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }, { d: 4 }]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].file).toBe('bad.yaml');
    expect(parsed.problems[0].line).toBeGreaterThanOrEqual(3);
  });
});

// An alias inside the node its anchor names makes a value that contains itself; go-yaml (kubectl, kustomize, Flux)
// refuses it ("anchor 'block' value contains itself"). Read as it was, every JSON.stringify of it threw.
describe('parseYamlText: an anchor whose value contains itself', () => {
  // (A `<<: *block` inside the block already overflowed the parser: "nested too deeply".)
  it.each([
    'spec: &block\n  hosts: [a.example.com]\n  alias: *block\n',
    'spec: &block\n  ports:\n    - name: http\n      self: *block\n',
  ])('is a document that could not be read: %j', (text) => {
    const parsed = parseYamlText('se.yaml', `kind: ServiceEntry\n${text}`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems).toEqual([
      { file: 'se.yaml', line: 1, reason: expect.stringContaining('contains itself') },
    ]);
  });

  it('reads an alias of a sibling', () => {
    const parsed = parseYamlText('a.yaml', 'a: &x {b: 1}\nc: *x\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents[0].value).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });
});
