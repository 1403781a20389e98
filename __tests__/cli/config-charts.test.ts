import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle } from '../helpers/bundle.js';
import { runCli } from './run-in-process.js';

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('--config outside the tree', () => {
  it('maps values files to their chart with the given file, not only with the tree’s own', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dkig-config-'));
    // A cni chart values file whose keys alone do not say which chart it belongs to.
    write(root, 'tree/platform/mesh/node-agent.yaml', 'podAnnotations:\n  team: mesh\n');
    write(
      root,
      'tree/platform/dynatrace/dynakube.yaml',
      'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\n  namespace: dynatrace\nspec:\n  apiUrl: https://abc12345.live.dynatrace.com/api\n  oneAgent:\n    cloudNativeFullStack: {}\n',
    );
    write(root, 'settings/guard.yml', "charts:\n  cni: ['platform/mesh/node-agent.yaml']\n");
    const cli = bundle('cli');
    const run = (extra: string[]) =>
      spawnSync(
        process.execPath,
        [cli, 'check', '--repo', path.join(root, 'tree'), '--format', 'json', ...extra],
        {
          encoding: 'utf8',
        },
      );
    const withConfig = run(['--config', path.join(root, 'settings/guard.yml')]);
    expect(withConfig.stderr).toBe('');
    const rules = JSON.parse(withConfig.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).toContain('cni-csi-deadlock');
    const without = JSON.parse(run([]).stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(without).not.toContain('cni-csi-deadlock');
    const missing = run(['--config', path.join(root, 'settings/none.yml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read/);
  });
});

describe('model --config', () => {
  it('reads the values files with the chart mappings check uses, so it shows the facts the rules see', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dkig-config-'));
    try {
      write(root, 'tree/platform/mesh/node-agent.yaml', 'podAnnotations:\n  team: mesh\n');
      write(root, 'settings/guard.yml', "charts:\n  cni: ['platform/mesh/node-agent.yaml']\n");
      const tree = path.join(root, 'tree');
      const config = path.join(root, 'settings/guard.yml');
      const { code, stdout, stderr } = await runCli(['model', '--repo', tree, '--config', config]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain(
        '  CNI agent: true  (platform/mesh/node-agent.yaml:1, values file platform/mesh/node-agent.yaml (chart from config))\n',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
