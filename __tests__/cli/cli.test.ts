import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle } from '../helpers/bundle.js';
import { TempGitRepo } from '../helpers/git-repo.js';

let cli: string;
beforeAll(() => {
  cli = bundle('cli');
});

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const examples = readdirSync('examples').filter((name) =>
  readdirSync(path.join('examples', name)).includes('head'),
);

describe('dynakube-istio-guard check (bundled CLI)', () => {
  it.each(examples)('prints the JSON contract for examples/%s and exits 1 on a new error', (example) => {
    const { code, stdout, stderr } = run([
      'check',
      '--base',
      `examples/${example}/base`,
      '--head',
      `examples/${example}/head`,
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary).sort()).toEqual([
      'errors',
      'fixed',
      'infos',
      'new',
      'unchanged',
      'warnings',
    ]);
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining([
          'ruleId',
          'severity',
          'status',
          'message',
          'file',
          'line',
          'endLine',
          'resource',
          'docs',
        ]),
      );
      expect(finding.key).toBeUndefined();
      expect(finding.file).not.toMatch(/^\/|examples/);
    }
    const newErrors = report.findings.filter(
      (f: { status: string; severity: string }) => f.status === 'new' && f.severity === 'error',
    );
    expect(code).toBe(newErrors.length > 0 ? 1 : 0);
  });

  it('reports the secure-mesh example: a new enable-istio-required error on the DynaKube', () => {
    const { stdout } = run([
      'check',
      '--base',
      'examples/secure-mesh-gains-dynakube/base',
      '--head',
      'examples/secure-mesh-gains-dynakube/head',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'enable-istio-required',
        status: 'new',
        severity: 'error',
        file: 'clusters/prod/dynatrace/dynakube.yaml',
      }),
    );
  });

  it('reports the CNI example: a new deadlock error, and the operator namespace injection as unchanged', () => {
    const { stdout } = run([
      'check',
      '--base',
      'examples/cni-without-annotation/base',
      '--head',
      'examples/cni-without-annotation/head',
      '--format',
      'json',
    ]);
    const statuses = JSON.parse(stdout).findings.map(
      (f: { ruleId: string; status: string }) => `${f.ruleId}:${f.status}`,
    );
    expect(statuses).toEqual(
      expect.arrayContaining(['cni-csi-deadlock:new', 'operator-namespace-injection:unchanged']),
    );
  });

  it('passes with --fail-on never, and --fail-scope all fails on unchanged errors', () => {
    const args = [
      'check',
      '--base',
      'examples/cni-without-annotation/head',
      '--head',
      'examples/cni-without-annotation/head',
    ];
    expect(run([...args, '--fail-scope', 'new']).code).toBe(0);
    const all = run([...args, '--fail-scope', 'all']);
    expect(all.code).toBe(1);
    // The headline says nothing new came in: one line says why the check fails anyway.
    expect(all.stderr).toMatch(
      /^dynakube-istio-guard: failing on [1-9]\d* open finding\(s\) at or above 'error'\n$/,
    );
    expect(run([...args, '--fail-scope', 'all', '--fail-on', 'never']).code).toBe(0);
    expect(
      run([
        ...args,
        '--rule',
        'cni-csi-deadlock=OFF',
        '--rule',
        'operator-namespace-injection=false',
        '--rule',
        'dynakube-api-version=Warning',
        '--fail-scope',
        'all',
      ]).code,
    ).toBe(0);
  });

  it('writes text, markdown and json to --output', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dkig-out-'));
    const head = ['check', '--head', 'examples/secure-mesh-gains-dynakube/head'];
    run([...head, '--output', `${out}/r.txt`]);
    run([...head, '--format', 'markdown', '--output', `${out}/r.md`]);
    expect(readFileSync(`${out}/r.txt`, 'utf8')).toMatch(/enable-istio-required/);
    expect(readFileSync(`${out}/r.md`, 'utf8')).toMatch(/^<!-- dynakube-istio-guard -->/);
  });

  it('makes the folders --output and --output-dir name, even when nothing is generated', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dkig-out-'));
    try {
      const head = ['check', '--head', 'examples/secure-mesh-gains-dynakube/head'];
      expect(run([...head, '--output', `${out}/reports/pr/r.txt`]).stderr).toBe('');
      expect(readFileSync(`${out}/reports/pr/r.txt`, 'utf8')).toMatch(/enable-istio-required/);
      // A tree without DynaKube nor mesh: no manifest is generated, so only report.json needs the folder.
      mkdirSync(`${out}/plain`);
      writeFileSync(`${out}/plain/service.yaml`, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
      const plain = ['check', '--head', `${out}/plain`, '--format', 'json'];
      expect(run([...plain, '--output-dir', `${out}/artifacts/check`]).stderr).toBe('');
      expect(JSON.parse(readFileSync(`${out}/artifacts/check/report.json`, 'utf8')).generated).toEqual([]);
      expect(existsSync(`${out}/artifacts/check/generated`)).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('says in one line which output it cannot write, not as an internal error', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dkig-out-'));
    try {
      writeFileSync(`${out}/taken`, 'a file, not a folder');
      const target = `${out}/taken/r.json`;
      const { code, stdout, stderr } = run([
        'check',
        '--head',
        'examples/secure-mesh-gains-dynakube/head',
        '--output',
        target,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`dynakube-istio-guard: cannot write ${target}: ENOTDIR: not a directory\n`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reads base and head as git refs of --repo', () => {
    const repo = new TempGitRepo();
    try {
      repo.replaceTreeWith(path.resolve('examples/secure-mesh-gains-dynakube/base'));
      repo.commit('base');
      repo.replaceTreeWith(path.resolve('examples/secure-mesh-gains-dynakube/head'));
      repo.commit('head');
      const { code, stdout } = run([
        'check',
        '--repo',
        repo.dir,
        '--base',
        'HEAD~1',
        '--head',
        'HEAD',
        '--format',
        'json',
      ]);
      expect(code).toBe(1);
      expect(JSON.parse(stdout).findings[0]).toMatchObject({
        ruleId: 'enable-istio-required',
        status: 'new',
      });
      // Without --head the work tree is read.
      expect(run(['check', '--repo', repo.dir, '--base', 'HEAD', '--format', 'json']).code).toBe(0);
    } finally {
      repo.remove();
    }
  });

  it('compares the same folder on both sides when run below the top of the repository', () => {
    const repo = new TempGitRepo();
    try {
      repo.replaceTreeWith(path.resolve('examples/secure-mesh-gains-dynakube/head'));
      repo.commit('head');
      const folder = path.join(repo.dir, 'clusters/prod');
      expect(existsSync(folder)).toBe(true);
      for (const args of [
        ['--repo', folder],
        ['--repo', '.'],
      ]) {
        const cwd = args[1] === '.' ? folder : process.cwd();
        const { code, stdout } = run(['check', ...args, '--base', 'HEAD', '--format', 'json'], cwd);
        const report = JSON.parse(stdout);
        // Nothing changed: the error is on both sides, under the same repository-relative path.
        expect(report.findings).toEqual([
          expect.objectContaining({ ruleId: 'enable-istio-required', status: 'unchanged' }),
        ]);
        expect(report.changes).toEqual([]);
        expect(code).toBe(0);
        // A git ref as head names the file as the working tree does: relative to the folder checked.
        const fromRefs = run(['check', ...args, '--base', 'HEAD', '--head', 'HEAD', '--format', 'json'], cwd);
        expect(JSON.parse(fromRefs.stdout).findings[0].file).toBe('dynatrace/dynakube.yaml');
        expect(report.findings[0].file).toBe('dynatrace/dynakube.yaml');
      }
    } finally {
      repo.remove();
    }
  });

  it.each([
    [['check', '--format', 'yaml'], /--format must be one of/],
    [['check', '--base', 'no-such-ref'], /no-such-ref/],
    [['check', '--bogus'], /bogus/],
    [['check', '--repo', '/does/not/exist'], /not a directory/],
    [['lint'], /unknown command/],
    [['check', '--rule', 'no-such-rule=off'], /unknown rule/],
    [
      ['check', '--rule', 'native-sidecars'],
      /--rule native-sidecars: write <id>=<error\|warning\|info\|off>/,
    ],
    [['check', '--rule', 'native-sidecars=off=1'], /--rule native-sidecars=off=1: write/],
    [['check', '--rule', 'native-sidecars=loud'], /--rule native-sidecars=loud: write/],
    [['check', '--paths', 'nomatch/**'], /--paths nomatch\/\*\* matches no file on either side/],
    [['check', '--config', 'package.json'], /package\.json:2: unknown key 'name'/],
    [
      ['check', '--paths', '**/*.{yaml'],
      /^dynakube-istio-guard: --paths has a glob that is not valid: '\*\*\/\*\.\{yaml'$/m,
    ],
    [
      ['check', '--exclude', 'vendor/**', '--exclude', 'vendor/[z-a]/**'],
      /^dynakube-istio-guard: --exclude has a glob that is not valid: 'vendor\/\[z-a\]\/\*\*'$/m,
    ],
    [['model', '--paths', 'clusters/{a,b'], /--paths has a glob that is not valid: 'clusters\/\{a,b'$/m],
    [['model', '--exclude', 'x\\'], /--exclude has a glob that is not valid: 'x\\'$/m],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const { code, stderr } = run(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason as RegExp);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the version of package.json with --version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const { code, stdout } = run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`dynakube-istio-guard ${version}\n`);
  });

  // Node 22.1+ only: `.ci/run` gives the Node 24 it installs; on Node 20 alone the test has nothing to run.
  const node24 = process.env.DKIG_TEST_NODE24;
  (node24 ? it : it.skip)(
    'keeps its compiled code in the temporary folder unless told not to or it cannot (Node 22.1+)',
    () => {
      const runIn = (temporary: string, extra: Record<string, string> = {}) =>
        spawnSync(node24!, [cli, '--version'], {
          encoding: 'utf8',
          timeout: 20_000,
          env: { PATH: process.env.PATH, TMPDIR: temporary, ...extra },
        });
      const cached = mkdtempSync(path.join(tmpdir(), 'dkig-compile-cache-'));
      const disabled = mkdtempSync(path.join(tmpdir(), 'dkig-compile-cache-off-'));
      try {
        expect(runIn(cached).status).toBe(0);
        // One folder per Node build, holding the compiled modules.
        const [build] = readdirSync(path.join(cached, 'node-compile-cache'));
        expect(readdirSync(path.join(cached, 'node-compile-cache', build)).length).toBeGreaterThan(0);
        expect(runIn(disabled, { NODE_DISABLE_COMPILE_CACHE: '1' }).status).toBe(0);
        expect(existsSync(path.join(disabled, 'node-compile-cache'))).toBe(false);
        // Node's recursive mkdir never returns under /proc: the CLI starts without a cache instead of hanging.
        const underProc = runIn('/proc/dkig-no-such-folder');
        expect(underProc.error).toBeUndefined();
        expect(underProc.stdout).toMatch(/^dynakube-istio-guard /);
      } finally {
        rmSync(cached, { recursive: true, force: true });
        rmSync(disabled, { recursive: true, force: true });
      }
    },
  );

  it('exits 2 naming the config file, line and glob when the config file has a glob that is not valid', () => {
    const repo = new TempGitRepo();
    try {
      repo.write('.github/dynakube-istio-guard.yml', 'exclude:\n  - vendor/**\n  - "generated/**/*.{yaml"\n');
      for (const command of ['check', 'model']) {
        const { code, stderr } = run([command, '--repo', repo.dir]);
        expect(code).toBe(2);
        expect(stderr).toBe(
          "dynakube-istio-guard: .github/dynakube-istio-guard.yml:3: exclude has a glob that is not valid: 'generated/**/*.{yaml'\n",
        );
      }
    } finally {
      repo.remove();
    }
  });

  it('turns a broken YAML file into a not-evaluable note with file and line, not a crash', () => {
    const repo = new TempGitRepo();
    try {
      repo.write('broken.yaml', 'a: 1\nb: [oops\n');
      const { code, stdout } = run(['check', '--repo', repo.dir, '--format', 'json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).notEvaluable[0]).toMatchObject({ file: 'broken.yaml' });
    } finally {
      repo.remove();
    }
  });
});
