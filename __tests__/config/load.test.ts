import { describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfig, ruleLevel } from '../../src/config/load.js';

describe('parseConfig', () => {
  it.each([
    ['', {}],
    ['# only a comment\n', {}],
    [
      'rules:\n  enable-istio-dns-load: off\n  native-sidecars: WARNING\n',
      { 'enable-istio-dns-load': 'off', 'native-sidecars': 'warning' },
    ],
    ['rules:\n  mixed-dataplane-modes: false\n', { 'mixed-dataplane-modes': 'off' }],
    ['rules:\n', {}],
    ['charts:\n  istiod: [a.yaml]\npaths: ["**/*.yaml"]\nexclude: [x/**]\n', {}],
  ])('reads %j', (text, rules) => {
    expect(parseConfig(text, 'c.yml').rules).toEqual(rules);
  });

  it.each([
    [
      'rules:\n  native-sidecars: off\n  enable-istio-requried: off\n',
      /^c\.yml:3: rules\.enable-istio-requried: unknown rule$/,
    ],
    [
      'paths: [a/**]\nrulez:\n  native-sidecars: off\n',
      /^c\.yml:2: unknown key 'rulez' \(known: rules, paths, exclude, charts\)$/,
    ],
    ['rules: off\n', /^c\.yml:1: rules must be a mapping/],
    ['paths: a\nrules: [native-sidecars]\n', /^c\.yml:2: rules must be a mapping/],
    ['- rules\n', /^c\.yml: must be a mapping of rules, paths, exclude, charts$/],
    [
      'rules:\n  cni-csi-deadlock: off\n  native-sidecars: loud\n',
      /^c\.yml:3: rules\.native-sidecars must be one of error, warning, info, off$/,
    ],
    ['rules:\n  a: 1\n  a: 2\n', /^c\.yml:3: not valid YAML: Map keys must be unique$/],
    [
      'charts:\n  istiod: [a.yaml]\n  istiodd: [b.yaml]\n',
      /^c\.yml:3: charts\.istiodd: unknown chart \(known: base, istiod, cni, ztunnel, gateway, dynatrace-operator\)$/,
    ],
    ['rules: {}\ncharts: [istiod]\n', /^c\.yml:2: charts must be a mapping of chart name to globs$/],
    ['\u0000\u0001binary', /^c\.yml/],
    ['paths: ["**/*.{yaml"]\n', /^c\.yml:1: paths has a glob that is not valid: '\*\*\/\*\.\{yaml'$/],
    [
      'rules: {}\nexclude:\n  - vendor/**\n  - vendor/[z-a]/**\n',
      /^c\.yml:4: exclude has a glob that is not valid: 'vendor\/\[z-a\]\/\*\*'$/,
    ],
    [
      'charts:\n  istiod: clusters/*/istio/{values.yaml\n',
      /^c\.yml:2: charts\.istiod has a glob that is not valid: 'clusters\/\*\/istio\/\{values\.yaml'$/,
    ],
    [
      'charts:\n  cni:\n    - a.yaml\n    - "b\\\\"\n',
      /^c\.yml:4: charts\.cni has a glob that is not valid: 'b\\'$/,
    ],
  ])('refuses %j with a one-line reason naming the file', (text, reason) => {
    expect(() => parseConfig(text, 'c.yml')).toThrow(reason);
  });

  // picomatch throws on a glob longer than 64 KiB: the run ended in "internal error: Input length: 70000, exceeds
  // maximum allowed length: 65536" (found by fuzzing the config file).
  it('refuses a glob too long for picomatch with its line, quoting only its start', () => {
    const text = `charts:\n  istiod:\n    - ${'a'.repeat(70_000)}\n`;
    expect(() => parseConfig(text, 'c.yml')).toThrow(
      new ConfigError(`c.yml:3: charts.istiod has a glob that is not valid: '${'a'.repeat(40)}…'`),
    );
  });

  // The YAML library's warnings went to Node's process warnings, printed on stderr next to the one-line reason.
  it.each([
    ['rules:\n  registry-egress: !!float 1\n', /^c\.yml:2: rules\.registry-egress must be one of/],
    ['rules:\n  {a: 1}: off\n', /^c\.yml: rules\.\{ a: 1 \}: unknown rule$/],
  ])('prints no YAML warning for %j, only the reason', (text, reason) => {
    const warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(() => parseConfig(text, 'c.yml')).toThrow(reason);
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });

  it.each([
    ['paths: clusters/**\nexclude: "clusters/old/**"\n', ['clusters/**'], ['clusters/old/**']],
    ['paths: [a/**, b/**]\nexclude:\n', ['a/**', 'b/**'], []],
  ])('reads the globs of %j, one on its own or a list', (text, include, exclude) => {
    const config = parseConfig(text, 'c.yml');
    expect([config.include, config.exclude]).toEqual([include, exclude]);
  });

  it.each([
    ['paths: {a: b}\n', /^c\.yml:1: paths must be a glob or a list of globs$/],
    ['rules: {}\nexclude: 3\n', /^c\.yml:2: exclude must be a glob or a list of globs$/],
    ['paths: "**/*.{yaml"\n', /^c\.yml:1: paths has a glob that is not valid/],
  ])('refuses %j, not a glob nor a list', (text, reason) => {
    expect(() => parseConfig(text, 'c.yml')).toThrow(reason);
  });

  it.each([
    ['error', 'error'],
    ['Off', 'off'],
    [false, 'off'],
    ['false', 'off'],
    ['loud', undefined],
    [undefined, undefined],
  ])('ruleLevel(%j) is %j', (value, level) => {
    expect(ruleLevel(value)).toBe(level);
  });
});

describe('loadConfig', () => {
  const repoWith = (files: Record<string, string>) => {
    const repo = mkdtempSync(path.join(tmpdir(), 'dkig-config-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    }
    return repo;
  };

  it('reads .github/dynakube-istio-guard.yaml when there is no .yml', async () => {
    const repo = repoWith({ '.github/dynakube-istio-guard.yaml': 'rules: {native-sidecars: off}\n' });
    expect((await loadConfig(repo)).rules).toEqual({ 'native-sidecars': 'off' });
  });

  it('prefers .yml, and a missing default file is an empty config', async () => {
    const both = repoWith({
      '.github/dynakube-istio-guard.yml': 'rules: {native-sidecars: info}\n',
      '.github/dynakube-istio-guard.yaml': 'rules: {native-sidecars: off}\n',
    });
    expect((await loadConfig(both)).rules).toEqual({ 'native-sidecars': 'info' });
    expect((await loadConfig(repoWith({}))).rules).toEqual({});
    await expect(loadConfig(repoWith({}), 'missing.yml')).rejects.toThrow(
      'config file missing.yml cannot be read',
    );
  });

  it('refuses a glob picomatch cannot read, naming the file and the line of the entry', async () => {
    const repo = repoWith({
      '.github/dynakube-istio-guard.yml': 'paths:\n  - clusters/**/*.yaml\n  - apps/**/*.{yaml\n',
    });
    await expect(loadConfig(repo)).rejects.toThrow(
      ".github/dynakube-istio-guard.yml:3: paths has a glob that is not valid: 'apps/**/*.{yaml'",
    );
  });
});
