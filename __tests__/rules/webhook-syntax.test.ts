import { describe, expect, it } from '@jest/globals';
import {
  isDns1035Label,
  parsesAsImageReference,
  validOneAgentVersion,
} from '../../src/rules/webhook-syntax.js';

describe('validOneAgentVersion', () => {
  it.each([
    ['1.291.0.20240515-092316', true],
    // The webhook's dots match any character, and `1.2.3-…` is a semver pre-release.
    ['1.2.3-20240101-000000', true],
    ['1.291.0', false],
    ['1.291.0.20240515', false],
    ['01.291.0.20240515-092316', false],
    ['latest', false],
  ])('%s → %s', (version, valid) => expect(validOneAgentVersion(version)).toBe(valid));
});

describe('parsesAsImageReference', () => {
  it.each([
    ['dynatrace/oneagent', true],
    ['registry.example.com:5000/dynatrace/oneagent:1.2.3', true],
    [`public.ecr.aws/dynatrace/dynatrace-oneagent@sha256:${'0'.repeat(64)}`, true],
    ['x', false],
    ['registry.example.com/Dynatrace/oneagent', false],
    ['dynatrace/oneagent:1.2 3', false],
    ['dynatrace/oneagent@sha256:123', false],
    ['registry_host!/dynatrace/oneagent', false],
  ])('%s → %s', (image, valid) => expect(parsesAsImageReference(image)).toBe(valid));
});

describe('isDns1035Label', () => {
  it.each([
    ['dynakube', true],
    ['dk-1', true],
    ['1dk', false],
    ['dk-', false],
    ['DynaKube', false],
    ['d'.repeat(64), false],
  ])('%s → %s', (name, valid) => expect(isDns1035Label(name)).toBe(valid));
});
