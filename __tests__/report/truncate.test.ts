import { describe, expect, it } from '@jest/globals';
import { truncateMarkdown } from '../../src/report/truncate.js';

describe('truncateMarkdown', () => {
  it('leaves text within the limit alone', () => {
    expect(truncateMarkdown('short\n', 100)).toBe('short\n');
  });

  it('cuts at a line boundary within the limit and says so', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');
    const cut = truncateMarkdown(text, 500, { note: 'See the job summary.' });
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut).toContain('line 0\nline 1\n');
    expect(cut).toMatch(/Truncated: \d+ more characters/);
    expect(cut).toContain('See the job summary.');
    expect(cut).not.toContain('line 199');
  });

  it('closes a code fence and details left open by the cut', () => {
    const text = [
      '<details><summary>x</summary>',
      '',
      '````yaml',
      ...Array.from({ length: 100 }, () => 'a: 1'),
      '````',
      '</details>',
    ].join('\n');
    const cut = truncateMarkdown(text, 400);
    expect(cut.length).toBeLessThanOrEqual(400);
    const lines = cut.split('\n');
    const fenceLines = lines.filter((line) => line.startsWith('````'));
    expect(fenceLines).toEqual(['````yaml', '````']);
    expect(cut).toContain('</details>');
    expect(cut.indexOf('</details>')).toBeLessThan(cut.indexOf('Truncated'));
  });

  it('never exceeds the limit, even for one enormous line', () => {
    const cut = truncateMarkdown('😀'.repeat(1000), 301);
    expect(cut.length).toBeLessThanOrEqual(301);
    // No lone surrogate half at the cut.
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});
