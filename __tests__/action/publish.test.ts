import { describe, expect, it } from '@jest/globals';
import { annotationOrder, overflowNote } from '../../src/action/publish.js';
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
