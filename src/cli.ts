#!/usr/bin/env node
import module from 'node:module';

/** `module.enableCompileCache`: Node 22.1 and later; @types/node 20 does not know it. */
const withCompileCache = module as { enableCompileCache?: () => unknown };

// Node 22.1+ keeps the compiled bundle on disk between runs (in the system's temporary folder; the environment
// variable NODE_DISABLE_COMPILE_CACHE=1 turns it off, NODE_COMPILE_CACHE=<dir> moves it): a check run again, by hand
// or from a hook, does not compile a megabyte of JavaScript again. It must be on before the commands are imported,
// which is why they are a module of their own.
withCompileCache.enableCompileCache?.();
await import('./cli-commands.js');
