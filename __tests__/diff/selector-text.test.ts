import { describe, expect, it } from '@jest/globals';
import { selectorText } from '../../src/diff/dynakube.js';

describe('selectorText', () => {
  it('writes requirements in kubectl syntax, sorted', () => {
    expect(
      selectorText({
        matchLabels: { team: 'shop' },
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['batch', 'admin'] },
          { key: 'env', operator: 'In', values: ['prod'] },
          { key: 'monitored', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('!legacy, env in (prod), monitored, team=shop, tier notin (admin, batch)');
  });

  // It was shown as `notin`, the opposite of what an unknown operator does (it selects nothing).
  it('shows an operator Kubernetes does not know as written', () => {
    expect(selectorText({ matchExpressions: [{ key: 'team', operator: 'Equals', values: ['shop'] }] })).toBe(
      'team Equals (shop)',
    );
  });
});
