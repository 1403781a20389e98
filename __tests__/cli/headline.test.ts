import { describe, expect, it } from '@jest/globals';
import { runCli } from './run-in-process.js';

const HEAD = 'examples/cni-without-annotation/head';
const BASE = 'examples/cni-without-annotation/base';
const unchangedOnly = ['check', '--base', HEAD, '--head', HEAD];

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);
const verdictOf = (markdown: string) => markdown.split('\n')[3];

describe('the headline agrees with the exit status under --fail-on / --fail-scope', () => {
  it('says the check fails on errors already on base with --fail-scope all (text and markdown)', async () => {
    const text = await runCli([...unchangedOnly, '--fail-scope', 'all']);
    expect(text.code).toBe(1);
    expect(lastLine(text.stdout)).toMatch(
      /^fails: 3 errors already on base \(fail-scope all\) — 0 new · 3 unchanged \(3 errors\) · 0 fixed$/,
    );
    const markdown = await runCli([...unchangedOnly, '--fail-scope', 'all', '--format', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(verdictOf(markdown.stdout)).toBe(
      '❌ **fails: 3 errors already on base (fail-scope all)** — 0 new · 3 unchanged (3 errors) · 0 fixed',
    );
  });

  it('with the default scope, the same unchanged errors pass and the headline says nothing new', async () => {
    const text = await runCli(unchangedOnly);
    expect(text.code).toBe(0);
    expect(lastLine(text.stdout)).toMatch(/^no new findings — /);
  });

  it('says new errors do not fail the check with --fail-on never', async () => {
    const markdown = await runCli([
      'check',
      '--base',
      BASE,
      '--head',
      HEAD,
      '--fail-on',
      'never',
      '--format',
      'markdown',
    ]);
    expect(markdown.code).toBe(0);
    expect(verdictOf(markdown.stdout)).toMatch(
      /^⚠️ \*\*1 error introduced, not failing \(fail-on never\)\*\* — /,
    );
  });

  it('keeps the plain headline when only new errors fail, as by default', async () => {
    const text = await runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'warning']);
    expect(text.code).toBe(1);
    expect(lastLine(text.stdout)).toMatch(/^1 error introduced — /);
  });
});
