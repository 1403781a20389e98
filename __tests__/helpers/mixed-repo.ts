import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A folder with `base/` and `head/` trees that give a report with every part of the JSON contract: new,
 * unchanged and fixed findings, fixes, generated manifests, changes and not-evaluable notes. Head is the
 * egress example's head with the CNI example's base (its deadlock fixed); base is the reverse. A broken YAML file
 * whose name has a space and a non-ASCII letter is on head only.
 */
export function mixedRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dkig-mixed-'));
  const copy = (example: string, side: 'base' | 'head', to: 'base' | 'head') =>
    cpSync(path.resolve('examples', example, side), path.join(dir, to), { recursive: true });
  copy('mesh-locks-down-egress', 'base', 'base');
  copy('cni-without-annotation', 'head', 'base');
  copy('mesh-locks-down-egress', 'head', 'head');
  copy('cni-without-annotation', 'base', 'head');
  mkdirSync(path.join(dir, 'head/apps/my app'), { recursive: true });
  writeFileSync(path.join(dir, 'head/apps/my app/brökèn.yaml'), 'kind: DynaKube\nspec:\n  apiUrl: [oops\n');
  return dir;
}
