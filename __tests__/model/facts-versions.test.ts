import { describe, expect, it } from '@jest/globals';
import { releaseLine } from '../../src/model/facts-versions.js';

describe('releaseLine', () => {
  // Helm, Flux's source-controller and Argo CD install the newest version a range allows (Masterminds/semver).
  it.each([
    ['1.24.2', { major: 1, minor: 24 }],
    ['v1.26.0', { major: 1, minor: 26 }],
    ['1.30-latest', { major: 1, minor: 30 }],
    ['1.24.x', { major: 1, minor: 24 }],
    ['~1.26.0', { major: 1, minor: 26 }],
    ['>=1.22 <1.25', { major: 1, minor: 24 }],
    ['>=1.22, <1.25', { major: 1, minor: 24 }],
    ['>=1.22.0 <=1.26.3', { major: 1, minor: 26 }],
    ['>=1.25.0 <1.27.2', { major: 1, minor: 27 }],
    ['1.22.x || 1.26.x', { major: 1, minor: 26 }],
    ['^1.22.0', 'latest'],
    ['>=1.22', 'latest'],
    ['*', 'latest'],
    ['{{ .Values.version }}', undefined],
  ])('reads %s as %j', (text, expected) => {
    expect(releaseLine(text)).toEqual(expected);
  });
});
