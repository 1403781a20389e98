import { describe, expect, it } from '@jest/globals';
import { composeEdits, editsNear, mergeInsertedBlocks } from '../../src/report/compose.js';

describe('mergeInsertedBlocks', () => {
  it.each([
    [
      'one parent key for both blocks',
      '  values:\n    pilot:\n      env:\n        A: "1"',
      '  values:\n    cni:\n      x: y',
      '  values:\n    pilot:\n      env:\n        A: "1"\n    cni:\n      x: y',
    ],
    [
      'nested keys shared as deep as they go',
      '  values:\n    pilot:\n      env:\n        A: "1"',
      '  values:\n    pilot:\n      env:\n        B: "2"',
      '  values:\n    pilot:\n      env:\n        A: "1"\n        B: "2"',
    ],
    ['blocks with nothing in common, one after the other', '  a: 1', '  b: 2', '  a: 1\n  b: 2'],
    [
      'an entry both write alike, once',
      '  a:\n    b: "1"',
      '  a:\n    b: "1"\n    c: 2',
      '  a:\n    b: "1"\n    c: 2',
    ],
    ['a key both write with other values: no merge', '  a: 1', '  a: 2', undefined],
    ['a block scalar both write differently: no merge', '  s: |\n    x', '  s: |\n    y', undefined],
    ['a block scalar both write alike, once', '  s: |\n    x', '  s: |\n    x', '  s: |\n    x'],
    [
      'a sequence item is not shared',
      '  - a:\n      b: 1',
      '  - a:\n      c: 2',
      '  - a:\n      b: 1\n  - a:\n      c: 2',
    ],
    [
      'the same key at another indentation is not shared',
      '  a:\n    b: 1',
      '    a:\n      c: 2',
      '  a:\n    b: 1\n    a:\n      c: 2',
    ],
    ['children indented otherwise: no merge', '  a:\n    b: 1', '  a:\n      c: 2', undefined],
  ])('%s', (_name, first, second, merged) => {
    expect(mergeInsertedBlocks(first, second)).toBe(merged);
  });
});

describe('composeEdits', () => {
  const edit = (startLine: number, endLine: number, replacement: string, file = 'f.yaml') => ({
    file,
    startLine,
    endLine,
    replacement,
  });

  it('keeps an edit made by two fixes once and merges insertions at one place', () => {
    expect(
      composeEdits([
        edit(3, 3, 'x'),
        edit(3, 3, 'x'),
        edit(5, 4, '  a:\n    b: 1'),
        edit(5, 4, '  a:\n    c: 2'),
      ]),
    ).toEqual([edit(3, 3, 'x'), edit(5, 4, '  a:\n    b: 1\n    c: 2')]);
  });

  it('puts the replacement of a line before an insertion before it, so applying keeps both', () => {
    expect(composeEdits([edit(4, 3, 'new'), edit(4, 4, 'changed')])).toEqual([
      edit(4, 4, 'changed'),
      edit(4, 3, 'new'),
    ]);
  });

  it.each([
    [
      'two insertions setting one key differently',
      [edit(5, 4, '  a:\n    b: "1"'), edit(5, 4, '  a:\n    b: "2"')],
    ],
    ['the same line replaced differently', [edit(3, 3, 'x'), edit(3, 3, 'y')]],
    ['overlapping replacements', [edit(3, 4, 'x'), edit(4, 5, 'y')]],
    ['an insertion inside replaced lines', [edit(3, 4, 'x'), edit(4, 3, 'y')]],
    ['replaced lines around an insertion', [edit(4, 3, 'y'), edit(3, 4, 'x')]],
  ])('gives up on %s', (_name, edits) => {
    expect(composeEdits(edits)).toBeUndefined();
  });

  it('keeps edits of other files apart', () => {
    expect(composeEdits([edit(3, 3, 'x'), edit(3, 3, 'y', 'g.yaml')])).toHaveLength(2);
  });
});

describe('editsNear', () => {
  it.each([
    [10, 10, 13, 13, 3, true],
    [10, 10, 14, 14, 3, false],
    [12, 11, 8, 8, 3, true],
  ])('lines %i-%i and %i-%i within %i: %s', (aStart, aEnd, bStart, bEnd, margin, near) => {
    const a = { file: 'f', startLine: aStart, endLine: aEnd, replacement: '' };
    const b = { file: 'f', startLine: bStart, endLine: bEnd, replacement: '' };
    expect(editsNear(a, b, margin)).toBe(near);
  });
});
