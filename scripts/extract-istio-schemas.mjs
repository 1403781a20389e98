#!/usr/bin/env node
// Extracts the openAPIV3Schema of the Istio kinds the generator emits from Istio's crd-all.gen.yaml into
// src/generate/schemas/istio-schemas.json. The bundled action cannot read ../shared at run time, so the schemas
// are committed; __tests__/generate/schemas.test.ts checks the committed file equals a fresh extraction.
// Writing the file also regenerates the precompiled validators next to it (scripts/istio-validators.mjs).
//
//   node scripts/extract-istio-schemas.mjs [crd-file] [--stdout]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { writeValidatorModule } from './istio-validators.mjs';

const KINDS = ['ServiceEntry', 'VirtualService', 'PeerAuthentication'];
const VERSION = 'v1';
const here = path.dirname(fileURLToPath(import.meta.url));
const defaultCrdFile = path.resolve(here, '../../shared/fixtures/crds/istio-crd-all.gen.yaml');
const outputFile = path.resolve(here, '../src/generate/schemas/istio-schemas.json');

export function extractIstioSchemas(crdText) {
  const schemas = {};
  for (const document of parseAllDocuments(crdText)) {
    const crd = document.toJS();
    const kind = crd?.spec?.names?.kind;
    if (crd?.kind !== 'CustomResourceDefinition' || !KINDS.includes(kind)) continue;
    const version = (crd.spec.versions ?? []).find((v) => v.name === VERSION);
    if (!version?.schema?.openAPIV3Schema) throw new Error(`${kind}: no ${VERSION} openAPIV3Schema`);
    const openAPIV3Schema = withoutDescriptions(version.schema.openAPIV3Schema);
    schemas[kind] = { group: crd.spec.group, version: VERSION, openAPIV3Schema };
  }
  const missing = KINDS.filter((kind) => !schemas[kind]);
  if (missing.length > 0) throw new Error(`kinds not found in the CRD file: ${missing.join(', ')}`);
  const ordered = Object.fromEntries(KINDS.map((kind) => [kind, schemas[kind]]));
  return `${JSON.stringify({ source: 'istio crd-all.gen.yaml', schemas: ordered }, null, 2)}\n`;
}

/** Descriptions are prose for humans; dropping them keeps the bundled action small. */
function withoutDescriptions(node) {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'description' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDescriptions(value)]),
  );
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const toStdout = args.includes('--stdout');
  const crdFile = args.find((arg) => !arg.startsWith('--')) ?? defaultCrdFile;
  const json = extractIstioSchemas(readFileSync(crdFile, 'utf8'));
  if (toStdout) process.stdout.write(json);
  else {
    writeFileSync(outputFile, json);
    console.log(`wrote ${path.relative(process.cwd(), outputFile)}`);
    console.log(`wrote ${path.relative(process.cwd(), writeValidatorModule(outputFile))}`);
  }
}
