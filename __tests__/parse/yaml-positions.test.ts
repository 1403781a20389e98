import { describe, expect, it } from '@jest/globals';
import { parseYamlText } from '../../src/parse/yaml.js';

describe('parseYamlText', () => {
  it('reads every document of a multi-document file with the line of each node', () => {
    const text =
      '# comment\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n---\n# only a comment\n---\nkind: X\nspec:\n  list:\n    - one\n    - two\n';
    const parsed = parseYamlText('f.yaml', text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents.map((d) => d.line)).toEqual([2, 10]);
    expect(parsed.documents[0].lineAt(['metadata', 'name'])).toBe(5);
    expect(parsed.documents[1].lineAt(['spec', 'list', 1])).toBe(14);
    expect(parsed.documents[1].rangeAt(['spec'])).toEqual({ startLine: 11, endLine: 14 });
    expect(parsed.documents[1].lineAt(['spec', 'missing'])).toBeUndefined();
  });

  it('uses YAML 1.1 booleans and merge keys, as Kubernetes does', () => {
    const text = 'base: &b\n  enabled: yes\nother:\n  <<: *b\n  off: on\n';
    const [doc] = parseYamlText('f.yaml', text).documents;
    // As in Kubernetes (YAML 1.1), even the key `off` reads as the boolean false.
    expect(doc.value).toEqual({ base: { enabled: true }, other: { enabled: true, false: true } });
  });

  it('strips a BOM and reads CRLF files with correct lines', () => {
    const [doc] = parseYamlText('f.yaml', '\uFEFFa: 1\r\nb:\r\n  c: 2\r\n').documents;
    expect(doc.value).toEqual({ a: 1, b: { c: 2 } });
    expect(doc.lineAt(['b', 'c'])).toBe(3);
  });

  it('turns a syntax error into a problem with file and line, never an exception', () => {
    const parsed = parseYamlText('bad.yaml', 'a: 1\nb: [unclosed\nc: 3\n');
    expect(parsed.documents).toHaveLength(0);
    expect(parsed.problems[0]).toMatchObject({ file: 'bad.yaml' });
    expect(parsed.problems[0].line).toBeGreaterThanOrEqual(2);
  });

  it('keeps the other documents of a file when one is broken', () => {
    const parsed = parseYamlText('f.yaml', 'a: 1\n---\nb: : :\n  - x\n---\nc: 3\n');
    expect(parsed.documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(parsed.problems).toHaveLength(1);
  });

  it('bounds alias expansion (billion laughs) with a problem instead of a hang', () => {
    const names = 'abcdefghi';
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < names.length; i++) {
      lines.push(
        `${names[i]}: &${names[i]} [${Array(10)
          .fill(`*${names[i - 1]}`)
          .join(',')}]`,
      );
    }
    const parsed = parseYamlText('bomb.yaml', `${lines.join('\n')}\n`);
    expect(parsed.documents).toHaveLength(0);
    expect(parsed.problems[0].reason).toMatch(/alias|resource/i);
  });

  it('maps lines of YAML nested in a block string back to the outer file', () => {
    const text =
      'data:\n  mesh: |-\n    accessLogFile: /dev/stdout\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n';
    const [doc] = parseYamlText('cm.yaml', text).documents;
    const nested = doc.nestedAt(['data', 'mesh'])!;
    expect(nested.documents[0].lineAt(['outboundTrafficPolicy', 'mode'])).toBe(5);
    expect(nested.documents[0].positionAt(['outboundTrafficPolicy', 'mode'])).toEqual({ line: 5, col: 7 });
  });
});
