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
