import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = process.cwd();

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(path.join(ROOT, 'src'));
  hash.update(readFileSync(path.join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles an entry point with ncc, as the release build does, and returns the bundle's path. Bundles are cached
 * by a hash of `src/`, so test files share one build; tests run the bundle as a real process.
 */
export function bundle(entry: 'cli' | 'action'): string {
  const dir = path.join(tmpdir(), `dkig-bundle-${entry}-${sourceHash()}`);
  const output = path.join(dir, 'index.js');
  if (existsSync(output)) return output;
  const staging = mkdtempSync(path.join(tmpdir(), `dkig-staging-${entry}-`));
  const source = entry === 'cli' ? 'src/cli.ts' : 'src/index.ts';
  execFileSync(path.join(ROOT, 'node_modules/.bin/ncc'), ['build', source, '-o', staging, '-q'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another worker won the race; its bundle is identical
  }
  return output;
}
