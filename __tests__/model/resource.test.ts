import { describe, expect, it } from '@jest/globals';
import { readResource } from '../../src/model/resource.js';
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
