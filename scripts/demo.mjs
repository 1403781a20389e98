#!/usr/bin/env node
// Runs the bundled CLI on every example PR under examples/ and shows what a reviewer would see.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, 'dist/cli/index.js');
if (!existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run `npm run build` first.');
  process.exit(2);
}
const examples = readdirSync(path.join(root, 'examples')).filter((name) =>
  existsSync(path.join(root, 'examples', name, 'head')),
);
for (const example of examples) {
  const dir = path.join('examples', example);
  console.log(`\n=== ${dir}: dynakube-istio-guard check --base ${dir}/base --head ${dir}/head\n`);
  const result = spawnSync(
    process.execPath,
    [cli, 'check', '--base', `${dir}/base`, '--head', `${dir}/head`],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  console.log(
    `(exit status ${result.status}: ${result.status === 1 ? 'the check fails' : 'the check passes'})`,
  );
}
