import { describe, expect, it } from '@jest/globals';
import { joinPath, normalizePath } from '../../src/model/repo.js';

describe('normalizePath', () => {
  it.each([
    ['a/b/c.yaml', 'a/b/c.yaml'],
    ['a', 'a'],
    ['', ''],
    ['/a', 'a'],
    ['a/', 'a'],
    ['a//b', 'a/b'],
    ['./a', 'a'],
    ['a/./b', 'a/b'],
    ['a/../b', 'b'],
    ['a/..', ''],
    ['x/.', 'x'],
    ['.a/b..', '.a/b..'],
    ['a/.../b', 'a/.../b'],
    ['../a', undefined],
    ['..', undefined],
  ])('normalizes %j to %j', (path, expected) => {
    expect(normalizePath(path)).toBe(expected);
  });

  it('joins a relative entry to its folder', () => {
    expect(joinPath('apps/team', '../base')).toBe('apps/base');
    expect(joinPath('', 'deployment.yaml')).toBe('deployment.yaml');
    expect(joinPath('apps', '../../outside')).toBeUndefined();
  });
});
