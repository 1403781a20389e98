import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isTrimmedSpace, lineStarts, smallestIndent } from '../src/text-lines.js';

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

describe('isTrimmedSpace', () => {
  it('agrees with String.prototype.trim on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isTrimmedSpace(code) !== (String.fromCharCode(code).trim() === '')) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('smallestIndent', () => {
  it.each([
    [['a:', '  b: 1', '    c: 2'], 2],
    [['a:', '    b:', '        c: 2'], 4],
    // Blank lines, white-space-only lines and comments do not count.
    [['a:', ' ', '   # note', '    b: 1'], 4],
    [['a:', '\t\tb: 1', '    c: 2'], 2],
    [['a: 1', 'b: 2'], undefined],
    [[], undefined],
  ] as [string[], number | undefined][])('%j → %s', (lines, expected) => {
    expect(smallestIndent(lines)).toBe(expected);
  });

  /** The definition: the smallest leading white space (as `\s` sees it) of a line with content, not a comment. */
  const byDefinition = (lines: string[]) => {
    const indents = lines
      .map((line) => ({ line, indent: /^\s*/.exec(line)![0].length }))
      .filter(({ line, indent }) => indent > 0 && indent < line.length && line[indent] !== '#')
      .map(({ indent }) => indent);
    return indents.length === 0 ? undefined : Math.min(...indents);
  };

  it('is the smallest indent of a line with content, in any order of lines', () => {
    const piece = fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '#', 'a', 'key: v', '- x', '');
    const line = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expect(smallestIndent(lines)).toBe(byDefinition(lines));
      }),
      { numRuns: 2000 },
    );
  });
});
