import { buildModel, type BuildOptions } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { parseYamlText } from '../../src/parse/yaml.js';

/** Builds a model from an in-memory tree: path -> file text (lines joined with `\n`). */
export function modelOf(tree: Record<string, string | string[]>, options?: BuildOptions): ClusterModel {
  const files = Object.entries(tree).map(([path, text]) =>
    parseYamlText(path, Array.isArray(text) ? text.join('\n') + '\n' : text),
  );
  return buildModel(files, options);
}

/** The line (1-based) of the first line in `lines` that contains `needle`. */
export function lineOf(lines: string[], needle: string, from = 0): number {
  const index = lines.findIndex((line, i) => i >= from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}
