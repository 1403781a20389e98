import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECK_OPTIONS, MODEL_OPTIONS } from '../../src/cli-commands.js';
import { runCli } from './run-in-process.js';

const HEAD = 'examples/reformat-only/head';

let configs: string;
beforeAll(() => {
  configs = mkdtempSync(path.join(tmpdir(), 'dkig-usage-'));
  writeFileSync(path.join(configs, 'syntax.yml'), 'rules:\n  cni-csi-deadlock: off\n exclude: [a\n');
  writeFileSync(
    path.join(configs, 'misspelt.yml'),
    'rules:\n  cni-csi-deadlock: off\nexlude:\n  - vendor/**\n',
  );
  writeFileSync(path.join(configs, 'rule.yml'), 'rules:\n  cni-csi-deadlock: off\n  cni-csi-deadlok: off\n');
});
afterAll(() => rmSync(configs, { recursive: true, force: true }));

describe('the CLI refuses a bad invocation with exit 2 and one line on stderr', () => {
  it.each([
    [[], /^dynakube-istio-guard: no command given \(try 'check', 'model' or 'help'\)$/],
    [['check', '--format'], /^dynakube-istio-guard: Option '--format <value>' argument missing$/],
    [
      ['check', '--format', 'yml'],
      /^dynakube-istio-guard: --format must be one of text, json, markdown, sarif/,
    ],
    [['check', '--base='], /^dynakube-istio-guard: --base needs a value$/],
    [['check', '--head', HEAD, '--output', ''], /^dynakube-istio-guard: --output needs a value$/],
    [['check', '--config='], /^dynakube-istio-guard: --config needs a value$/],
    [['check', '--paths', 'a/**', '--paths', ''], /^dynakube-istio-guard: --paths needs a value$/],
    [['model', '--exclude='], /^dynakube-istio-guard: --exclude needs a value$/],
    [['check', '--repo', 'package.json'], /^dynakube-istio-guard: --repo package\.json is not a directory$/],
    [['check', '--head', HEAD, '--base', 'no-such-ref'], /no-such-ref' is neither a directory nor a git ref/],
    // As check does: a mistyped glob must not print an empty model as if the tree had no Dynatrace nor mesh.
    [
      ['model', '--head', HEAD, '--paths', 'clusters/**/*.yml'],
      /^dynakube-istio-guard: --paths clusters\/\*\*\/\*\.yml matches no file in the tree read: no fact to show$/,
    ],
  ])('%j', async (args, reason) => {
    const { code, stdout, stderr } = await runCli(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trimEnd()).toMatch(reason);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it.each([
    ['syntax.yml', /syntax\.yml:3: not valid YAML: /],
    ['misspelt.yml', /misspelt\.yml:3: unknown key 'exlude'/],
    ['rule.yml', /rule\.yml:3: rules\.cni-csi-deadlok: unknown rule$/],
  ])('a config file %s: names the file and the line', async (file, reason) => {
    const { code, stderr } = await runCli(['check', '--head', HEAD, '--config', path.join(configs, file)]);
    expect(code).toBe(2);
    expect(stderr.trimEnd()).toMatch(reason);
    expect(stderr.split('\n')).toHaveLength(2);
  });
});

it('refuses a --dynatrace-api-url that does not parse, without repeating it (it may hold the token)', async () => {
  // A port typo passed the old prefix test; the generator then dropped the tenant the token is for.
  const url = 'https://user:dt0c01.SECRETPART@abc12345.live.dynatrace.com:44x/api';
  const { code, stdout, stderr } = await runCli(['check', '--head', HEAD, '--dynatrace-api-url', url]);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  expect(stderr).toBe(
    'dynakube-istio-guard: --dynatrace-api-url must be an http(s) URL, e.g. https://<environment-id>.live.dynatrace.com/api\n',
  );
});

describe('help and version', () => {
  it('prints the version after a command too, as the help lists --version among its options', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const command of ['check', 'model'])
      expect(await runCli([command, '--version'])).toEqual({
        code: 0,
        stdout: `dynakube-istio-guard ${version}\n`,
        stderr: '',
      });
  });

  it('lists every flag the parsers accept, in --help and in the README CLI section', async () => {
    const { code, stdout: help } = await runCli(['check', '--help']);
    expect(code).toBe(0);
    const readme = readFileSync('README.md', 'utf8');
    const cliSection = readme.slice(
      readme.indexOf('## CLI'),
      readme.indexOf('\n## ', readme.indexOf('## CLI') + 1),
    );
    const flags = [...new Set([...Object.keys(CHECK_OPTIONS), ...Object.keys(MODEL_OPTIONS)])];
    for (const flag of flags) {
      const written = new RegExp(`--${flag}(?![\\w-])`);
      expect({ flag, inHelp: written.test(help), inReadme: written.test(cliSection) }).toEqual({
        flag,
        inHelp: true,
        inReadme: true,
      });
    }
    expect(help).toMatch(/-h, --help/);
  });
});
