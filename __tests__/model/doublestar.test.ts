import { describe, expect, it } from '@jest/globals';
import { globMatcher } from '../../src/model/doublestar.js';

// github.com/bmatcuk/doublestar/v4 match.go: the forms Argo CD's valueFiles globs use.
describe('globMatcher', () => {
  it.each([
    ['a/*.yaml', 'a/x.yaml', true],
    ['a/*.yaml', 'a/b/x.yaml', false],
    ['a/**/*.yaml', 'a/x.yaml', true],
    ['a/**/*.yaml', 'a/b/c/x.yaml', true],
    ['a/**', 'a/b/c', true],
    ['a/*/.hidden.yaml', 'a/b/.hidden.yaml', true],
    ['a/?.yaml', 'a/xy.yaml', false],
    ['a/[xy].yaml', 'a/y.yaml', true],
    ['a/[!xy].yaml', 'a/y.yaml', false],
    ['a/[^a-c].yaml', 'a/d.yaml', true],
    ['a/{b,c/d}/*.yaml', 'a/c/d/x.yaml', true],
    ['a/\\*.yaml', 'a/x.yaml', false],
    ['a/\\*.yaml', 'a/*.yaml', true],
    ['*a*b', 'xxaxxbxxb', true],
    ['*a*b', 'xxaxxbxxc', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globMatcher(glob)!(path)).toBe(expected);
  });

  it.each(['a/[b.yaml', 'a/{b,c.yaml', 'a/b\\'])('%s is not a glob doublestar reads', (glob) => {
    expect(globMatcher(glob)).toBeUndefined();
  });

  it('matches many stars and double stars in linear time', () => {
    const started = Date.now();
    const name = 'a'.repeat(200);
    expect(globMatcher(`${'*a'.repeat(60)}b`)!(name)).toBe(false);
    expect(globMatcher(`${'**/'.repeat(40)}b`)!(`${'a/'.repeat(200)}c`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
