import { describe, expect, it } from '@jest/globals';
import { inOneHunk, parsePatch } from '../../src/action/patch.js';

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' apiVersion: v1',
  '-kind: Namespace',
  '+kind: Namespace # changed',
  '+metadata: {}',
  ' spec:',
  ' x: 1',
  '@@ -20,3 +21,2 @@ metadata:',
  ' a: 1',
  '-b: 2',
  ' c: 3',
  '\\ No newline at end of file',
].join('\n');

describe('parsePatch', () => {
  it('numbers the RIGHT side lines of each hunk and skips deleted lines', () => {
    const diff = parsePatch(PATCH);
    expect([...diff.lines.keys()]).toEqual([1, 2, 3, 4, 5, 21, 22]);
    expect(diff.lines.get(2)).toEqual({ text: 'kind: Namespace # changed', hunk: 0 });
    expect(diff.lines.get(22)).toEqual({ text: 'c: 3', hunk: 1 });
  });

  it('has no lines for a binary or too large file (no patch)', () => {
    expect(parsePatch(undefined).lines.size).toBe(0);
  });

  it('accepts ranges inside one hunk only', () => {
    const diff = parsePatch(PATCH);
    expect(inOneHunk(diff, 2, 5)).toBe(true);
    expect(inOneHunk(diff, 5, 21)).toBe(false);
    expect(inOneHunk(diff, 6, 6)).toBe(false);
    expect(inOneHunk(diff, 3, 2)).toBe(false);
  });
});
