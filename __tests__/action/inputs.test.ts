import { afterEach, describe, expect, it } from '@jest/globals';
import { readInputs } from '../../src/action/inputs.js';

const names = ['INPUT_SUGGESTIONS', 'INPUT_ANNOTATIONS'];

afterEach(() => {
  for (const name of names) delete process.env[name];
});

describe('boolean inputs', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', true],
  ])('%j reads as %s, as @actions/core reads it', (value, expected) => {
    process.env.INPUT_SUGGESTIONS = value;
    expect(readInputs().suggestions).toBe(expected);
  });

  it('names the input and the value it cannot read', () => {
    process.env.INPUT_ANNOTATIONS = 'yes';
    expect(() => readInputs()).toThrow("input 'annotations' must be true or false (got 'yes')");
  });
});

describe('version inputs', () => {
  afterEach(() => {
    delete process.env['INPUT_ISTIO-VERSION'];
    delete process.env['INPUT_KUBERNETES-VERSION'];
  });

  it('are what the model assumes where the repository pins no version', () => {
    process.env['INPUT_ISTIO-VERSION'] = ' 1.26.2 ';
    process.env['INPUT_KUBERNETES-VERSION'] = 'v1.32';
    expect(readInputs().assume).toEqual({ istioVersion: '1.26.2', kubernetesVersion: 'v1.32' });
  });

  it('refuse what names no release: a typo must not read as "not pinned"', () => {
    process.env['INPUT_KUBERNETES-VERSION'] = '1.3x';
    expect(() => readInputs()).toThrow(
      "input 'kubernetes-version' must be a version such as 1.28 or 1.28.2 (got '1.3x')",
    );
  });
});
