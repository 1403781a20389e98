#!/usr/bin/env node
import { mkdirSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `module.enableCompileCache`: Node 22.1 and later; @types/node 20 does not know it. */
const withCompileCache = module as { enableCompileCache?: (directory?: string) => unknown };

/**
 * Node 22.1+ keeps the compiled bundle on disk between runs, so a check run again (by hand or from a hook) does not
 * compile a megabyte of JavaScript again. It must be on before the commands are imported, which is why they are a
 * module of their own. Node's own variables decide when set (NODE_DISABLE_COMPILE_CACHE=1 turns it off,
 * NODE_COMPILE_CACHE=<dir> moves it). The folder in the system's temporary folder is made here, one level only:
 * Node makes it with a recursive mkdir, which never returns when the temporary folder lies on a file system that
 * refuses new folders with ENOENT (`/proc`), and the CLI would hang instead of starting.
 */
function enableCompileCache(): void {
  const { NODE_DISABLE_COMPILE_CACHE, NODE_COMPILE_CACHE } = process.env;
  if (!withCompileCache.enableCompileCache || NODE_DISABLE_COMPILE_CACHE || NODE_COMPILE_CACHE) return;
  const directory = path.join(tmpdir(), 'node-compile-cache');
  try {
    mkdirSync(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return; // no cache rather than no start
  }
  withCompileCache.enableCompileCache(directory);
}

enableCompileCache();
const { main } = await import('./cli-commands.js');
process.exitCode = await main(process.argv.slice(2));
