import type { ParsedDocument } from '../parse/yaml.js';
import { asArray, asRecord, asString } from './read.js';
import { dirname, joinPath, type GeneratedConfigMap, type Repository } from './repo.js';

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_FILE.test(path);
}

/** The kustomization documents of the repository (a `kustomization.yaml` has no `metadata.name`, so it is plain). */
export function kustomizations(repo: Repository): ParsedDocument[] {
  return repo.plainDocuments.filter((document) => isKustomizationFile(document.file) && document.index === 0);
}

/** ConfigMaps made by `configMapGenerator` from files (`files: [key=path]` or `[path]`, key = file name). */
export function generatedConfigMaps(kustomization: ParsedDocument): GeneratedConfigMap[] {
  const dir = dirname(kustomization.file);
  const namespace = asString(asRecord(kustomization.value)?.namespace);
  return asArray(asRecord(kustomization.value)?.configMapGenerator).flatMap((raw, index) => {
    const generator = asRecord(raw);
    const name = asString(generator?.name);
    if (!name) return [];
    const files = new Map<string, string>();
    for (const entry of asArray(generator?.files).map(asString)) {
      if (!entry) continue;
      const equals = entry.indexOf('=');
      const key = equals < 0 ? entry.split('/').pop()! : entry.slice(0, equals);
      const path = joinPath(dir, equals < 0 ? entry : entry.slice(equals + 1));
      if (path) files.set(key, path);
    }
    const ns = asString(generator?.namespace) ?? namespace;
    const line = kustomization.lineAt(['configMapGenerator', index]) ?? kustomization.line;
    return [{ name, ...(ns ? { namespace: ns } : {}), files, origin: { file: kustomization.file, line } }];
  });
}
