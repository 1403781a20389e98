import path from 'node:path';
import { stringify } from 'yaml';
import type { ClusterModel } from '../model/types.js';
import type { TextEdit } from './types.js';

/** Renders Kubernetes objects as one multi-document YAML text, keys in insertion order. */
export function renderManifests(objects: readonly object[]): string {
  return objects.map((object) => stringify(object, { lineWidth: 0 }).trimEnd()).join('\n---\n') + '\n';
}

/**
 * An edit that creates a new file beside `nearFile` (`startLine: 1, endLine: 0` on a path that does not exist
 * yet). A numeric suffix keeps it from overwriting a file of the same name.
 */
export function newFileEdit(model: ClusterModel, nearFile: string, fileName: string, text: string): TextEdit {
  const directory = path.posix.dirname(nearFile);
  const extension = path.posix.extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  let candidate = path.posix.join(directory, fileName);
  for (let n = 2; model.files.has(candidate); n += 1)
    candidate = path.posix.join(directory, `${stem}-${n}${extension}`);
  return { file: candidate, startLine: 1, endLine: 0, replacement: text.replace(/\n$/, '') };
}
