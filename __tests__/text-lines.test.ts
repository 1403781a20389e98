import { describe, expect, it } from '@jest/globals';
import { lineStarts } from '../src/text-lines.js';

describe('lineStarts', () => {
  it.each([
    ['', 0, undefined, [0]],
    ['a\nb', 0, undefined, [0, 2]],
    ['a\nb\n', 0, undefined, [0, 2, 4]],
    ['a\r\nb\r\n', 0, undefined, [0, 3, 6]],
    // A range, `bc\nd` from offset 2 to 6: its lines start at 2 and 5; the break at 6 is outside it.
    ['a\nbc\nd\ne\n', 2, 6, [2, 5]],
  ] as [string, number, number | undefined, number[]][])('%j from %d to %s', (text, start, end, expected) => {
    expect(lineStarts(text, start, end)).toEqual(expected);
  });
});
