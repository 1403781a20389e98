import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { addGenerated, analyze } from '../../src/engine.js';
import { buildModel } from '../../src/model/build.js';
import { KEPT_KINDS, parseRelevant } from '../../src/parse/prefilter.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';

/**
 * Random YAML-like repositories through the whole in-process pipeline: pre-filter and parse, model, rules (head
 * against base), generated manifests, and the four renderers. Whatever the documents hold, nothing throws and
 * every finding and note points at a file of the repository and a line of at least 1.
 */

/** Fixed, so CI is deterministic; `PROP_SEED` / `PROP_RUNS` explore further by hand. */
const SEED = 20_261_126;

const API_VERSIONS = [
  'dynatrace.com/v1beta1',
  'dynatrace.com/v1beta4',
  'dynatrace.com/v1beta5',
  'dynatrace.com/v1beta6',
  'dynatrace.com/v9',
  'networking.istio.io/v1',
  'networking.istio.io/v1beta1',
  'security.istio.io/v1',
  'install.istio.io/v1alpha1',
  'sailoperator.io/v1',
  'maistra.io/v2',
  'helm.toolkit.fluxcd.io/v2',
  'source.toolkit.fluxcd.io/v1',
  'kustomize.toolkit.fluxcd.io/v1',
  'argoproj.io/v1alpha1',
  'kustomize.config.k8s.io/v1beta1',
  'operators.coreos.com/v1alpha1',
  'v1',
  'apps/v1',
  '',
];

/** Keys the model reads somewhere, so random objects hit the readers instead of being ignored. */
const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'annotations',
  'spec',
  'apiUrl',
  'oneAgent',
  'cloudNativeFullStack',
  'applicationMonitoring',
  'classicFullStack',
  'hostMonitoring',
  'activeGate',
  'capabilities',
  'enableIstio',
  'networkZone',
  'namespaceSelector',
  'matchLabels',
  'istio-injection',
  'istio.io/rev',
  'sidecar.istio.io/inject',
  'oneagent.dynatrace.com/inject',
  'meshConfig',
  'outboundTrafficPolicy',
  'mode',
  'defaultConfig',
  'values',
  'valuesFrom',
  'valuesFiles',
  'global',
  'pilot',
  'cni',
  'enabled',
  'components',
  'profile',
  'revision',
  'version',
  'chart',
  'sourceRef',
  'source',
  'sources',
  'helm',
  'repoURL',
  'targetRevision',
  'path',
  'destination',
  'resources',
  'patches',
  'patchesStrategicMerge',
  'helmCharts',
  'configMapGenerator',
  'items',
  'data',
  'mesh',
  'hosts',
  'ports',
  'number',
  'protocol',
  'location',
  'resolution',
  'mtls',
  'portLevelMtls',
  'selector',
  'egress',
  'template',
  'containers',
  'image',
  'podAnnotations',
  'excludeNamespaces',
  'ambient',
  'nativeSidecar',
  'ENABLE_NATIVE_SIDECARS',
  'env',
  'tag',
  'hub',
  'registry',
  'customPullSecret',
  'charts',
  'x',
];

const scalar = fc.oneof(
  fc.constantFrom(
    true,
    false,
    null,
    0,
    -1,
    3,
    1.5,
    '',
    'true',
    'maybe',
    'enabled',
    'REGISTRY_ONLY',
    'ALLOW_ANY',
    'STRICT',
    'PERMISSIVE',
    'DISABLE',
    'dynatrace',
    'istio-system',
    'https://abc12345.live.dynatrace.com/api',
    'https://ENVIRONMENTID.live.dynatrace.com/api',
    'http://[::1',
    '{{ .Values.x }}',
    '${TENANT}',
    '1.26.4',
    '1.7.2',
    'quay.io/acme/x:1',
    '*',
    '../../etc/passwd',
    'a:b:c',
    '\u0000',
    '~',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
);

const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A Kubernetes-ish object: a kept kind, some apiVersion, metadata that may be wrong, and any spec. */
const object = fc.record(
  {
    apiVersion: fc.constantFrom(...API_VERSIONS),
    kind: fc.constantFrom(...KEPT_KINDS, 'Deployment', 'Service'),
    metadata: fc.oneof(
      fc.record(
        {
          name: fc.oneof(fc.constantFrom('istio', 'dynakube', 'istiod', 'cni'), scalar),
          namespace: fc.oneof(fc.constantFrom('dynatrace', 'istio-system'), scalar),
          labels: value,
          annotations: value,
        },
        { requiredKeys: ['name'] },
      ),
      value,
    ),
    spec: value,
    data: fc.dictionary(
      fc.constantFrom('mesh', 'meshNetworks', 'values.yaml', 'x'),
      fc.oneof(
        scalar,
        value.map((nested) => stringify(nested)),
      ),
      { maxKeys: 2 },
    ),
    items: fc.array(value, { maxLength: 2 }),
  },
  { requiredKeys: ['kind'] },
);

/** One document as YAML text; nested YAML in strings (values: |, mesh:) comes from `data` and spec strings. */
const document = object.map((doc) => stringify(doc, { aliasDuplicateObjects: false }));

const FILE_NAMES = [
  'clusters/prod/dynakube.yaml',
  'clusters/prod/istio/istiod.yaml',
  'clusters/prod/kustomization.yaml',
  'kustomization.yaml',
  'values.yaml',
  'charts/istiod/values.yaml',
  'apps/application.yaml',
  '.github/dynakube-istio-guard.yml',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

/** The examples as repositories: file name → text, for head and base. */
const EXAMPLES = readdirSync(path.resolve(process.cwd(), 'examples'))
  .map((name) => path.resolve(process.cwd(), 'examples', name))
  .filter((dir) => statSync(path.join(dir, 'head'), { throwIfNoEntry: false })?.isDirectory())
  .map((dir) => {
    const side = (which: string) =>
      Object.fromEntries(
        filesUnder(path.join(dir, which)).map((file) => [
          path.relative(path.join(dir, which), file),
          readFileSync(file, 'utf8'),
        ]),
      );
    return { head: side('head'), base: side('base') };
  });

/** Real manifests to mutate: the upstream DynaKube samples and Istio chart values, and the examples' heads. */
const SEEDS = [
  ...filesUnder(path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples')),
  ...filesUnder(path.resolve(process.cwd(), '../shared/fixtures/istio-charts')),
  ...filesUnder(path.resolve(process.cwd(), 'examples')).filter((file) => file.includes('/head/')),
].map((file) => readFileSync(file, 'utf8'));

const FRAGMENTS = [
  '\n',
  ': ',
  '- ',
  '---\n',
  '  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&a ',
  '*a',
  '<<: *a\n',
  '{{ .Values.x }}',
  '|\n',
  '>-\n',
  '#',
  '!!binary ',
  '? ',
  '%YAML 1.1\n',
  '\r\n',
  '\uFEFF',
  'kind: DynaKube\n',
  'enableIstio: maybe\n',
  'spec: 3\n',
];

/** A text edit of a real file: delete, insert, duplicate or cut somewhere. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);

interface Edit {
  op: string;
  at: number;
  length?: number;
  text?: string;
}

function mutate(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const at = result.length === 0 ? 0 : edit.at % (result.length + 1);
    if (edit.op === 'delete') result = result.slice(0, at) + result.slice(at + (edit.length ?? 1));
    else if (edit.op === 'insert') result = result.slice(0, at) + edit.text + result.slice(at);
    else if (edit.op === 'duplicate')
      result = result.slice(0, at) + result.slice(at, at + (edit.length ?? 1)) + result.slice(at);
    else result = result.slice(0, at);
  }
  return result;
}

const mutatedSeed = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    edits: fc.array(mutation, { minLength: 1, maxLength: 6 }),
  })
  .map(({ seed, edits }) => mutate(SEEDS[seed], edits));

interface StructuralEdit {
  path: number[];
  replacement: unknown;
}

/** Replaces the node at a path (each step picks a child by index) with a value, keeping the rest of the file. */
function replaceAt(text: string, edits: StructuralEdit[]): string {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length === 0) return text;
  const objects: unknown[] = documents.map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown);
  for (const edit of edits) {
    const holder = { root: objects[edit.path[0] % objects.length] };
    let parent: Record<string, unknown> | unknown[] = holder;
    let key: string | number = 'root';
    for (const step of edit.path.slice(1)) {
      const node = (parent as Record<string | number, unknown>)[key];
      if (node === null || typeof node !== 'object') break;
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      parent = node as Record<string, unknown>;
      key = keys[step % keys.length];
    }
    (parent as Record<string | number, unknown>)[key] = edit.replacement;
    objects[edit.path[0] % objects.length] = holder.root;
  }
  return objects.map((object) => stringify(object, { aliasDuplicateObjects: false })).join('---\n');
}

const structuralEdits = fc.array(
  fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), replacement: value }),
  { minLength: 1, maxLength: 3 },
);

const fileText = fc.oneof(
  fc.array(document, { minLength: 1, maxLength: 3 }).map((docs) => docs.join('---\n')),
  mutatedSeed,
  fc.tuple(document, mutatedSeed).map(([doc, seed]) => `${seed}\n---\n${doc}`),
);

/** A repository: head files, and for each the base side (same, other text, or absent). */
const randomRepository = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(...FILE_NAMES),
    head: fileText,
    base: fc.option(fc.oneof(fileText, fc.constant('same')), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 4, selector: (file) => file.name },
);

/** An example PR with wrong types put into its head files and some text edits: the readers see near-real input. */
const exampleRepository = fc
  .record({
    example: fc.nat({ max: EXAMPLES.length - 1 }),
    edits: fc.array(
      fc.record({ file: fc.nat(), structural: structuralEdits, text: fc.array(mutation, { maxLength: 1 }) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  })
  .map(({ example, edits }) => {
    const { head, base } = EXAMPLES[example];
    const headFiles = { ...head };
    const names = Object.keys(headFiles).sort();
    for (const edit of edits) {
      const name = names[edit.file % names.length];
      headFiles[name] = mutate(replaceAt(headFiles[name], edit.structural), edit.text);
    }
    return Object.keys({ ...headFiles, ...base }).map((name) => ({
      name,
      head: headFiles[name] as string | undefined,
      base: base[name],
    }));
  });

const repository = fc.oneof(randomRepository, exampleRepository);

interface Located {
  file: string;
  line: number;
}

/** Lines a finding or note may point at, per file: up to the longer of its head and base sides. */
function lineCounts(repo: { name: string; head?: string; base?: string }[]): Map<string, number> {
  const lines = (text: string | undefined) => (text === undefined ? 0 : text.split(/\r\n|\n|\r/).length);
  return new Map(
    repo.map((file) => [
      file.name,
      Math.max(lines(file.head), file.base === 'same' ? 0 : lines(file.base), 1),
    ]),
  );
}

function expectLocated(entries: Located[], lastLines: Map<string, number>): void {
  for (const entry of entries) {
    const last = lastLines.get(entry.file);
    if (last === undefined || !Number.isInteger(entry.line) || entry.line < 1 || entry.line > last)
      throw new Error(`bad location ${JSON.stringify(entry)} (the file has ${last} lines)`);
  }
}

async function runPipeline(repo: { name: string; head?: string; base?: string }[]): Promise<void> {
  const headFiles = repo
    .filter((file) => file.head !== undefined)
    .map((file) => parseRelevant(file.name, file.head!).parsed);
  const baseFiles = repo
    .filter((file) => file.base !== undefined)
    .map((file) => parseRelevant(file.name, file.base === 'same' ? file.head! : file.base!).parsed);
  const head = buildModel(headFiles);
  const base = buildModel(baseFiles);
  const { report } = await addGenerated(analyze(head, base));
  const lastLines = lineCounts(repo);
  expectLocated(report.findings, lastLines);
  expectLocated(report.notEvaluable, lastLines);
  JSON.parse(renderJson(report));
  JSON.parse(renderSarif(report));
  renderText(report, { color: false });
  renderMarkdown(report, { maxLength: 65_000 });
}

describe('the pipeline on random YAML-like repositories', () => {
  it('never throws, and every finding and note has a file of the repository and a line within it', async () => {
    expect(SEEDS.length).toBeGreaterThan(20);
    await fc.assert(fc.asyncProperty(repository, runPipeline), {
      seed: Number(process.env.PROP_SEED ?? SEED),
      numRuns: Number(process.env.PROP_RUNS ?? 800),
    });
  });
});
