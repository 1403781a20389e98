import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { surroundings, withIstioAndImage } from '../helpers/surroundings.js';
import type { Tree } from '../rules/harness.js';

/**
 * Seeded mutations of real manifests, for the mutation fuzzing test: the same seed gives the same trees, so a
 * failure found once is found again.
 */

/** A pull request in memory: the files of its base and head. */
export interface TreePair {
  name: string;
  base: Tree;
  head: Tree;
}

/** A small, fast, seeded generator (mulberry32): deterministic across machines and Node versions. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const ROOT = process.cwd();
const EXAMPLES = path.join(ROOT, 'examples');
const SAMPLES = path.resolve(ROOT, '../shared/fixtures/dynatrace-samples');
const ISTIO_CHARTS = path.resolve(ROOT, '../shared/fixtures/istio-charts');

function filesUnder(dir: string, root = dir): Tree {
  const tree: Tree = {};
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) Object.assign(tree, filesUnder(full, root));
    else if (/\.ya?ml$/.test(entry)) tree[path.relative(root, full)] = readFileSync(full, 'utf8');
  }
  return tree;
}

/** The example pull requests: the folders of `examples/` with a base and a head. */
export function examplePairs(): TreePair[] {
  return readdirSync(EXAMPLES)
    .sort()
    .filter((name) => statSync(path.join(EXAMPLES, name, 'head'), { throwIfNoEntry: false })?.isDirectory())
    .map((name) => ({
      name: `example ${name}`,
      base: filesUnder(path.join(EXAMPLES, name, 'base')),
      head: filesUnder(path.join(EXAMPLES, name, 'head')),
    }));
}

/** The 25 upstream DynaKube samples, by file name. */
export function dynakubeSamples(): Tree {
  return Object.fromEntries(
    readdirSync(SAMPLES)
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) => [file, readFileSync(path.join(SAMPLES, file), 'utf8')]),
  );
}

/**
 * The Istio 1.30.3 `istiod` and `cni` chart defaults as a user's values files: upstream nests every key under
 * `_internal_defaults_do_not_set`, a user's file has them at the top, where the model recognizes the chart.
 */
export function istioValuesFiles(): Tree {
  const flat = (file: string) =>
    readFileSync(path.join(ISTIO_CHARTS, file), 'utf8')
      .replace(/^_internal_defaults_do_not_set:\n/m, '')
      .replace(/^ {2}/gm, '');
  return {
    'istio/istiod-values.yaml': flat('istio-discovery-values.yaml'),
    'istio/cni-values.yaml': flat('istio-cni-values.yaml'),
  };
}

/** What a mutation may put in place of a scalar value. */
const REPLACEMENT_VALUES = [
  '{a: 1}',
  '[1, 2]',
  '42',
  '-0.5e3',
  'null',
  '~',
  '""',
  '{}',
  '[]',
  'yes',
  'off',
  '0x1F',
  '!!binary aGVsbG8=',
  '{{ .Values.value }}',
  '${VARIABLE}',
  '<path:secret/data/x#key>',
  '"---"',
  "'---'",
];

const KINDS = [
  'DynaKube',
  'Namespace',
  'ConfigMap',
  'ServiceEntry',
  'Sidecar',
  'PeerAuthentication',
  'IstioOperator',
  'Istio',
  'IstioCNI',
  'HelmRelease',
  'Application',
  'Kustomization',
  'List',
  'Deployment',
  'DaemonSet',
  'ServiceMeshControlPlane',
  'Secret',
  '',
];

const API_VERSIONS = [
  'dynatrace.com/v1beta1',
  'dynatrace.com/v1beta2',
  'dynatrace.com/v1beta3',
  'dynatrace.com/v1beta6',
  'dynatrace.com/v1',
  'dynatrace.com/',
  'networking.istio.io/v1',
  'security.istio.io/v1beta1',
  'install.istio.io/v1alpha1',
  'sailoperator.io/v1',
  'helm.toolkit.fluxcd.io/v2',
  'argoproj.io/v1alpha1',
  'kustomize.config.k8s.io/v1beta1',
  'v1',
  'apps/v1',
  '',
];

/** Text that trips up readers: control and format characters, astral and combining characters, separators. */
const UNICODE = [
  '\u200b',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00a0',
  '\uFEFF',
  'é',
  'e\u0301',
  '😀',
  '𝔡𝔶𝔫𝔞',
  'ß',
  'İ',
  '\u0007',
  '\u001b[31m',
  '\t',
];

/** Text inserted at a random place: YAML's indicators, and what a bad merge leaves behind. */
const FRAGMENTS = [
  ': ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&a ',
  '*a',
  '!!str ',
  '!custom ',
  '? ',
  '|',
  '>',
  '#',
  '%',
  '@',
  '`',
  '\n<<<<<<< HEAD\n',
  '\n=======\n',
  '\n>>>>>>> branch\n',
  '\u0000',
];

/** Scalars YAML 1.1 and 1.2 read differently, tags, and numbers no field expects. */
const ODD_SCALARS = [
  '0o17',
  '017',
  '.inf',
  '-.Inf',
  '.nan',
  '1_000',
  '0b101',
  '+12',
  '1e400',
  '2001-12-14t21:59:43.10-05:00',
  '!!timestamp 2001-12-14',
  '!!set {a, b}',
  '!!omap [a: 1, b: 2]',
  '!!pairs [a: 1]',
  '!!map {a: 1}',
  '!!seq [1]',
  '!!int "3"',
  '!!float 1',
  '!!bool "yes"',
  '!!null ""',
  '<<',
  '=',
  '*',
];

/** Keys no reader expects: complex, null, merge keys of the wrong kind, numbers. */
const ODD_KEYS = [
  ['? [a, b]', ': value'],
  ['[a]: b'],
  ['{a: 1}: b'],
  ['~: x'],
  ['null: x'],
  ['1: x'],
  ['true: x'],
  ['<<: 3'],
  ['<<: [1, 2]'],
  ['<<: {spec: 3}'],
  ['"": x'],
];

/** A line `key: scalar` (possibly a list item): key part, value part. */
const KEY_VALUE = /^(\s*(?:- )?[^\s#:][^:#]*:)[ \t]+(\S.*)$/;
/** A line `key:` opening a block. */
const KEY_ONLY = /^(\s*(?:- )?[^\s#:][^:#]*:)\s*$/;

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** Lines of the text that match, by index. */
function matching(lines: string[], pattern: RegExp): number[] {
  return lines.flatMap((line, index) => (pattern.test(line) ? [index] : []));
}

type Mutation = (text: string, random: Random) => string;

/** Applies `change` to one line picked among those matching `pattern` (any line when none match). */
function onLine(pattern: RegExp, change: (line: string, random: Random) => string): Mutation {
  return (text, random) => {
    const lines = text.split('\n');
    const candidates = matching(lines, pattern);
    const index = candidates.length > 0 ? random.pick(candidates) : random.int(lines.length);
    lines[index] = change(lines[index], random);
    return lines.join('\n');
  };
}

/** Inserts lines before a random line, indented like it. */
function insertLines(make: (indent: string, random: Random) => string[]): Mutation {
  return (text, random) => {
    const lines = text.split('\n');
    const at = random.int(lines.length + 1);
    lines.splice(at, 0, ...make(indentOf(lines[at] ?? ''), random));
    return lines.join('\n');
  };
}

const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (text, random) => {
    const lines = text.split('\n');
    lines.splice(random.int(lines.length), 1 + (random.chance(0.3) ? random.int(4) : 0));
    return lines.join('\n');
  },
  duplicateLine: (text, random) => {
    const lines = text.split('\n');
    const at = random.int(lines.length);
    const count = 1 + random.int(3);
    lines.splice(at, 0, ...lines.slice(at, at + count));
    return lines.join('\n');
  },
  swapLines: (text, random) => {
    const lines = text.split('\n');
    const a = random.int(lines.length);
    const b = random.chance(0.5) ? Math.min(lines.length - 1, a + 1) : random.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  reindent: onLine(/^\s+\S/, (line, random) =>
    random.chance(0.5) ? ' '.repeat(1 + random.int(4)) + line : line.slice(1 + random.int(3)),
  ),
  cutAtByte: (text, random) => {
    // Cut the bytes, as a truncated upload or checkout would, then decode them as a source does.
    const bytes = Buffer.from(text, 'utf8');
    return bytes.subarray(0, random.int(bytes.length + 1)).toString('utf8');
  },
  templateValue: onLine(KEY_VALUE, (line, random) =>
    line.replace(
      KEY_VALUE,
      `$1 ${random.pick(['{{ .Values.x }}', '"{{ .Release.Namespace }}"', '{{ include "x" . | quote }}'])}`,
    ),
  ),
  templateControl: insertLines((indent, random) =>
    random.chance(0.5)
      ? [`${indent}{{- if .Values.enabled }}`]
      : [`{{- range .Values.items }}`, `${indent}- {{ . }}`, '{{- end }}'],
  ),
  anchorAndAlias: (text, random) => {
    const lines = text.split('\n');
    const blocks = matching(lines, KEY_ONLY);
    const values = matching(lines, KEY_VALUE);
    if (blocks.length > 0 && random.chance(0.6)) {
      const anchored = random.pick(blocks);
      lines[anchored] = `${lines[anchored]} &block`;
      const at = random.int(lines.length + 1);
      const use = random.chance(0.5) ? `<<: *block` : `alias: *block`;
      lines.splice(at, 0, `${indentOf(lines[at] ?? '')}${use}`);
    } else if (values.length > 0) {
      const anchored = random.pick(values);
      lines[anchored] = lines[anchored].replace(KEY_VALUE, '$1 &value $2');
      const used = random.pick(values);
      lines[used] = lines[used].replace(KEY_VALUE, random.chance(0.8) ? '$1 *value' : '$1 *undefined');
    }
    return lines.join('\n');
  },
  tabs: onLine(/^ +\S/, (line, random) =>
    random.chance(0.5) ? line.replace(/^ +/, '\t') : line.replace(/: /, ':\t'),
  ),
  byteOrderMark: (text, random) => (random.chance(0.8) ? `\uFEFF${text}` : `\uFEFF\uFEFF${text}`),
  crlf: (text, random) => {
    if (random.chance(0.7)) return text.replace(/\r?\n/g, '\r\n');
    // Mixed: one line ends in CRLF, one maybe in a lone CR.
    const lines = text.split('\n');
    const at = random.int(lines.length);
    lines[at] = `${lines[at]}${random.chance(0.5) ? '\r' : '\r\r'}`;
    return lines.join('\n');
  },
  longLine: onLine(KEY_VALUE, (line, random) =>
    line.replace(KEY_VALUE, `$1 ${random.pick(['a', 'é', '{[', 'x.'])!.repeat(20_000 + random.int(60_000))}`),
  ),
  unicode: (text, random) => {
    const at = random.int(text.length + 1);
    return text.slice(0, at) + random.pick(UNICODE) + text.slice(at);
  },
  unicodeInValue: onLine(KEY_VALUE, (line, random) =>
    line.replace(KEY_VALUE, (_all, key: string, value: string) => `${key} ${value}${random.pick(UNICODE)}`),
  ),
  scalarToOther: onLine(KEY_VALUE, (line, random) =>
    line.replace(KEY_VALUE, (_all, key: string) => `${key} ${random.pick(REPLACEMENT_VALUES)}`),
  ),
  scalarToBlock: (text, random) => {
    const lines = text.split('\n');
    const candidates = matching(lines, KEY_VALUE);
    if (candidates.length === 0) return text;
    const at = random.pick(candidates);
    const [, key] = KEY_VALUE.exec(lines[at])!;
    const inner = `${indentOf(lines[at])}  ${key.trimStart().startsWith('- ') ? '  ' : ''}`;
    const block = random.chance(0.5) ? [`${inner}a: 1`, `${inner}b: [x]`] : [`${inner}- one`, `${inner}- 2`];
    lines.splice(at, 1, key, ...block);
    return lines.join('\n');
  },
  blockToScalar: onLine(KEY_ONLY, (line, random) => `${line} ${random.pick(REPLACEMENT_VALUES)}`),
  changeKind: onLine(/^kind:/, (_line, random) => `kind: ${random.pick(KINDS)}`),
  changeApiVersion: onLine(/^apiVersion:/, (_line, random) => `apiVersion: ${random.pick(API_VERSIONS)}`),
  emptyDocuments: insertLines((_indent, random) =>
    random.pick([['---'], ['---', '---'], ['--- # empty', '...'], ['---', 'null'], ['...']]),
  ),
  dashesInString: insertLines((indent, random) =>
    random.pick([
      [`${indent}note: "---"`],
      [`${indent}note: |`, `${indent}  ---`, `${indent}  kind: DynaKube`],
      [`${indent}note: >-`, `${indent}  text`, '---', `${indent}  more`],
      [`${indent}note: '`, '---', `${indent}  '`],
    ]),
  ),
  fragment: (text, random) => {
    const at = random.int(text.length + 1);
    return text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at);
  },
  deepNesting: onLine(KEY_VALUE, (line, random) => {
    const depth = 50 + random.int(400);
    const nested = random.chance(0.5)
      ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
      : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    return line.replace(KEY_VALUE, `$1 ${nested}`);
  }),
  aliasBomb: insertLines((indent) => [
    `${indent}bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]`,
    ...Array.from(
      { length: 8 },
      (_, i) =>
        `${indent}bomb${i + 1}: &b${i + 1} [*b${i}, *b${i}, *b${i}, *b${i}, *b${i}, *b${i}, *b${i}, *b${i}, *b${i}, *b${i}]`,
    ),
  ]),
  oddScalar: onLine(KEY_VALUE, (line, random) => line.replace(KEY_VALUE, `$1 ${random.pick(ODD_SCALARS)}`)),
  oddKey: insertLines((indent, random) => random.pick(ODD_KEYS).map((key) => `${indent}${key}`)),
  directive: (text, random) =>
    `${random.pick(['%YAML 1.1', '%YAML 1.2', '%TAG ! tag:x,2000:'])}\n---\n${text}`,
  comment: onLine(/\S/, (line) => `${line} # ---: {{ }} *a &b`),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS).sort();

/** The text after `count` random mutations; the names of those applied, to say how the case was made. */
export function mutateText(text: string, random: Random, count: number): { text: string; applied: string[] } {
  const applied: string[] = [];
  let result = text;
  for (let i = 0; i < count; i++) {
    const name = random.pick(MUTATION_NAMES);
    applied.push(name);
    result = MUTATIONS[name](result, random);
  }
  return { text: result, applied };
}

/** A mutated pull request: some files of head (and sometimes of base) mutated, and how. */
export interface MutatedCase extends TreePair {
  applied: string[];
}

/** Case `index` of the run seeded `seed`: always the same case for the same pair of numbers. */
export function mutatedCase(groups: readonly TreePair[][], seed: number, index: number): MutatedCase {
  const random = new Random(seed * 1_000_003 + index);
  const pair = random.pick(random.pick(groups));
  const applied: string[] = [];
  const mutateSide = (tree: Tree, side: string): Tree => {
    const result = { ...tree };
    const names = Object.keys(result).sort();
    if (names.length === 0) return result;
    for (let files = 1 + random.int(2); files > 0; files--) {
      const name = random.pick(names);
      const mutated = mutateText(result[name], random, 1 + random.int(4));
      result[name] = mutated.text;
      applied.push(`${side} ${name}: ${mutated.applied.join(', ')}`);
    }
    if (random.chance(0.1)) {
      // The pull request deletes a file, or adds a copy of one (every object in it twice).
      const name = random.pick(names);
      if (random.chance(0.5)) delete result[name];
      else result[`copy/${name}`] = result[name];
      applied.push(`${side} ${name} ${name in result ? 'copied' : 'deleted'}`);
    }
    return result;
  };
  const head = mutateSide(pair.head, 'head');
  const base = random.chance(0.3) ? mutateSide(pair.base, 'base') : pair.base;
  return { name: pair.name, base, head, applied };
}

/** A config file of the kind the tool reads from the tree: rule settings, globs, and the charts of values files. */
export const CONFIG_FILE = `rules:
  enable-istio-dns-load: off
  registry-egress: warning
paths:
  - "**/*.yaml"
exclude: [legacy/**]
charts:
  istiod: ['istio/istiod-*.yaml']
  cni:
    - istio/cni-values.yaml
`;

/**
 * Every starting point of the fuzzer, in groups picked alike: the example pull requests; each DynaKube sample in
 * every surrounding, as a pull request that switches on what the sample leaves commented out; the Istio chart values
 * next to a sample and the config file that maps them to their charts.
 */
export function corpusGroups(): TreePair[][] {
  const samples = dynakubeSamples();
  const samplePairs = Object.entries(samples).flatMap(([file, text]) =>
    Object.keys(surroundings).map((setting) => ({
      name: `${file} in ${setting}`,
      base: { ...surroundings[setting], [file]: text },
      head: { ...surroundings[setting], [file]: withIstioAndImage(text) },
    })),
  );
  const cloudNative = samples['assets__samples__dynakube__v1beta5__cloudNativeFullStack.yaml'];
  const values = {
    ...istioValuesFiles(),
    'dynatrace/dynakube.yaml': withIstioAndImage(cloudNative),
    '.github/dynakube-istio-guard.yml': CONFIG_FILE,
  };
  return [examplePairs(), samplePairs, [{ name: 'Istio chart values', base: values, head: values }]];
}
