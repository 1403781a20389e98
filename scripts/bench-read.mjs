// The floor `npm run bench` compares against: a Node process that only walks the tree and reads every YAML file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
let files = 0;
let bytes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') walk(full);
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      bytes += readFileSync(full, 'utf8').length;
      files++;
    }
  }
}
walk(root);
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ files, bytes, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) })}\n`,
);
