import {
  addGenerated,
  analyze,
  loadModel,
  ParseCache,
  type Analysis,
  type AnalyzeOptions,
} from '../../src/engine.js';
import type { FileSource } from '../../src/sources/types.js';

/** A tree held in memory as a source, read synchronously like a directory: path → file text. */
export function memorySource(files: Record<string, string>): FileSource {
  return {
    label: 'memory',
    list: async () => Object.keys(files).sort(),
    read: async (path) => files[path],
    readNow: (path) => files[path],
  };
}

/**
 * The engine's whole check on two trees in memory, as `check` runs it on two folders: head, then base, read through
 * one parse cache (the pre-filter included), the rules, then the generated manifests.
 */
export async function checkTrees(
  base: Record<string, string> | undefined,
  head: Record<string, string>,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const cache = new ParseCache();
  const headModel = await loadModel(memorySource(head), cache);
  const baseModel = base ? await loadModel(memorySource(base), cache) : undefined;
  return addGenerated(analyze(headModel, baseModel, options));
}
