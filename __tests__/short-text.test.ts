import { describe, expect, it } from '@jest/globals';
import { shortMessage, shortValue } from '../src/short-text.js';

describe('shortValue', () => {
  it('keeps a value of up to 40 characters and cuts a longer one with an ellipsis', () => {
    expect(shortValue('a'.repeat(40))).toBe('a'.repeat(40));
    expect(shortValue('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
  });

  it('counts characters, and never splits a surrogate pair', () => {
    expect(shortValue('😀'.repeat(50))).toBe(`${'😀'.repeat(40)}…`);
    expect(shortValue(`a${'😀'.repeat(50)}`)).toBe(`a${'😀'.repeat(39)}…`);
  });
});

describe('shortMessage', () => {
  it('leaves words, URLs and image references as they are', () => {
    const message =
      'DynaKube dynatrace/dynakube pulls registry.example.com/dynatrace/codemodules:1.2.3 from https://abc12345.live.dynatrace.com/api';
    expect(shortMessage(message)).toBe(message);
  });

  it('shortens each run of more than 200 characters without white space, and keeps the words around it', () => {
    const run = 'x.'.repeat(101);
    expect(shortMessage(`DynaKube ${run} has apiUrl ${run} (fix it)`)).toBe(
      `DynaKube ${'x.'.repeat(20)}… has apiUrl ${'x.'.repeat(20)}… (fix it)`,
    );
    expect(shortMessage(`name ${'y'.repeat(200)}`)).toBe(`name ${'y'.repeat(200)}`);
  });

  it('cuts a text that stays too long, as one whose values hold white space', () => {
    const text = `value "${'a '.repeat(100_000)}" is not a list`;
    expect(shortMessage(text)).toBe(`${text.slice(0, 1500)}…`);
  });
});
