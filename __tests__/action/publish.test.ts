import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { annotationOrder, overflowNote, writeSummary } from '../../src/action/publish.js';
import type { Finding } from '../../src/rules/types.js';

function finding(id: string, severity: Finding['severity'], status: Finding['status']): Finding {
  return {
    ruleId: id,
    severity,
    status,
    message: 'm',
    file: 'f.yaml',
    line: 1,
    endLine: 1,
    resource: 'r',
    docs: 'd',
    key: id,
  };
}

describe('annotations', () => {
  it('orders new findings first, then by severity, and leaves fixed ones out', () => {
    const order = annotationOrder([
      finding('old-error', 'error', 'unchanged'),
      finding('new-info', 'info', 'new'),
      finding('gone', 'error', 'fixed'),
      finding('new-error', 'error', 'new'),
    ]).map((f) => f.ruleId);
    expect(order).toEqual(['new-error', 'new-info', 'old-error']);
  });

  it('says how many annotations per level GitHub would not show', () => {
    expect(overflowNote({ error: 0, warning: 0, info: 0 })).toBeUndefined();
    expect(overflowNote({ error: 3, warning: 0, info: 12 })).toBe(
      'GitHub shows 10 annotations per level per step: 3 more error(s), 12 more note(s) are listed only in this summary.',
    );
  });
});

describe('job summary', () => {
  it('stays within 1 MiB in bytes when the report is full of multi-byte characters', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dkig-summary-'));
    const file = path.join(dir, 'summary.md');
    await fs.writeFile(file, '');
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      // 600,000 characters (under the character cut) that are 1.5 MB in UTF-8: file paths in CJK, say.
      const line = `- \`clusters/${'集群'.repeat(45)}/dynakube.yaml:1\``;
      const markdown = Array.from({ length: 600_000 / line.length }, () => line).join('\n');
      expect(Buffer.byteLength(markdown)).toBeGreaterThan(1024 * 1024);
      await writeSummary(markdown, ['a note']);
      const written = await fs.readFile(file);
      expect(written.length).toBeLessThanOrEqual(1_000_000);
      const text = written.toString('utf8');
      expect(text.startsWith('> a note')).toBe(true);
      expect(text).toMatch(/Truncated: \d+ more characters were cut.*The full report is report\.json\./);
      // Cut at a line, not inside a character or a line.
      expect(
        text
          .split('\n')
          .filter((row) => row.startsWith('- `'))
          .every((row) => row === line),
      ).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
