import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseKept, planDocuments } from '../../src/parse/prefilter.js';
import { parseYamlText, type ParsedDocument, type PathSegment } from '../../src/parse/yaml.js';

/**
 * The fast path may only save time: whatever document it accepts must read exactly as the `yaml` parse reads it
 * (value, first line, and the line and column of every key and item), and the ranges it leaves to a full parse
 * must come back the same.
 */

/** Reads `text` as the engine does (pre-filter spans, every document kept); undefined when the fast path declined. */
function fastRead(file: string, text: string): ParsedDocument | undefined {
  const result = parseKept(file, text, planDocuments(text), undefined);
  return result.parsedDocuments === 0 && result.parsed.documents.length === 1
    ? result.parsed.documents[0]
    : undefined;
}

function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** Fails with the first difference between the fast-path document and the `yaml` one. */
function expectSameAsYaml(file: string, text: string, fast: ParsedDocument): void {
  const parsed = parseYamlText(file, text);
  expect(parsed.problems).toEqual([]);
  expect(parsed.documents).toHaveLength(1);
  expectSameDocument(fast, parsed.documents[0]);
}

function expectSameDocument(fast: ParsedDocument, full: ParsedDocument): void {
  expect(fast.value).toEqual(full.value);
  expect({ index: fast.index, line: fast.line }).toEqual({ index: full.index, line: full.line });
  const probes: PathSegment[][] = [...pathsOf(full.value), ['absent'], ['absent', 0]];
  for (const probe of probes) {
    const where = { probe, fast: fast.positionAt(probe), full: full.positionAt(probe) };
    expect(where.fast).toEqual(where.full);
    expect(fast.lineAt(probe)).toEqual(full.lineAt(probe));
    expect(fast.rangeAt(probe)).toEqual(full.rangeAt(probe));
    expect(fast.describeAt(probe)).toEqual(full.describeAt(probe));
    const nested = (document: ParsedDocument) => {
      const parsedNested = document.nestedAt(probe);
      return (
        parsedNested && {
          values: parsedNested.documents.map((d) => d.value),
          problems: parsedNested.problems,
        }
      );
    };
    expect(nested(fast)).toEqual(nested(full));
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const ACCEPTED: Record<string, string> = {
  kustomization: [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'namespace: team-a  # all of them',
    'resources:',
    '- deployment.yaml',
    '- ../base',
    '  # a comment at another indentation',
    'components:',
    '  - ../../components/istio',
    '',
  ].join('\n'),
  'namespace after a comment block and ---': [
    '# Namespace of team a',
    '---',
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: team-a',
    '  labels:',
    '    istio-injection: enabled',
    "    owner: 'platform team'",
    '    tier: "gold"',
    '    replicas: 3',
    '    flag: true',
    '    other: null',
    '    empty:',
    '',
  ].join('\n'),
  'compact mappings in sequences': [
    'patches:',
    '  -   path: patch.yaml',
    '      target:',
    '        kind: Deployment',
    '  - path: other.yaml',
    'images:',
    '- name: app',
    '  newTag: v1.2.3',
    '  digests:',
    '  - sha256:abc',
    'url: https://example.com/a?b=c',
    'image: registry.example.com/team/app:1.4',
  ].join('\n'),
  'workload with one-line flow collections': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    '  annotations:',
    '    metrics.dynatrace.com/scrape: "true"',
    '    embedded: "a: 1"',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: registry.example.com/shop/app:1.4.2',
    '          args: [--port, "8080", ../x]',
    '          resources:',
    '            requests: { cpu: 100m, memory: 128Mi }',
    '            limits: {memory: 256Mi}',
    '          readinessProbe:',
    '            httpGet: { path: /ready, port: http }',
    '          ports: [{ name: http, containerPort: 8080 }, { name: grpc, containerPort: 9090 }]',
    '          env: []',
    '          volumeMounts: [ ]',
    '          securityContext: {}',
    '',
  ].join('\n'),
  'helm release with a chart version': [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istiod',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    '      version: 1.26.4',
    '      sourceRef: { kind: HelmRepository, name: istio }',
    '  values:',
    '    global:',
    '      tag: 1.0.0-rc.1',
    '    meshConfig:',
    '      outboundTrafficPolicy:',
    '        mode: REGISTRY_ONLY',
  ].join('\n'),
  'unicode in quotes and comments': ['# Grüße', "a: 'héllo wörld'", 'b: "日本"  # ok', ''].join('\n'),
  'service entry': [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    '  name: partner',
    'spec:',
    '  hosts: [svc.partner.example.com, "other.example.com"]',
    '  ports:',
    '    - { number: 443, name: https, protocol: HTTPS }',
    '  resolution: DNS',
  ].join('\n'),
};

/** Each must be declined or read exactly like `yaml`; most of them are declined. */
const TRICKY: Record<string, string> = {
  'YAML 1.1 booleans': 'a: yes\nb: On\nc: n\nd: True\n',
  'octal, float, signed': 'a: 0777\nb: 1.5\nd: -1\ne: +1\nf: 1e3\ng: 0x1F\nh: 1.2.3e5\n',
  'tilde null and special floats': 'a: ~\nb: .inf\nc: .NaN\n',
  'flow collections': 'a: [x, y]\nb: {c: d}\n',
  'anchors and aliases': 'a: &x 1\nb: *x\n',
  'merge key': 'base:\n  x: 1\nc:\n  <<: {y: 2}\n',
  tag: 'a: !!str 1\n',
  'block scalar': 'a: |\n  line\nb: >\n  folded\n',
  'multi-line plain scalar': 'a: one\n  two\nb: c\n',
  'duplicate key': 'a: 1\na: 2\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'CRLF line ends': 'a: 1\r\nb: 2\r\n',
  'quoted key': '"a": 1\n',
  'key without a space after the colon': 'a:1\n',
  'value with a colon and space': 'a: b: c\n',
  'hash in quotes': 'a: \'x # y\'\nb: "#"\n',
  'escape in double quotes': 'a: "x\\ty"\n',
  'odd indentation': 'a:\n    b: 1\n  c: 2\n',
  'sequence then a deeper key': 'a:\n  - x\n  b: 1\n',
  'empty item': 'a:\n  -\n  - x\n',
  'nested sequence': 'a:\n  - - x\n',
  'root sequence': '- a\n- b\n',
  'root scalar': 'just text\n',
  template: 'name: {{ .Values.name }}\n',
  'document end marker': 'a: 1\n...\n',
  'content after ---': '--- a: 1\n',
  'a second document': 'a: 1\n---\nb: 2\n',
  'proto key': '__proto__: 1\n',
  'trailing colon value': 'a: b:\n',
  'key with a space': 'a b: 1\n',
  'at sign first': 'a: @x\n',
  'backtick first': 'a: `x`\n',
  'percent first': 'a: %x\n',
  'plain with brackets': 'a: x[0]\n',
  'long integer': 'a: 12345678901234567890\n',
  'item comment only': 'a:\n  - # nothing\n',
  'same-column sequence under a nested key': 'a:\n  b:\n  - x\n  c: 1\n',
  'byte order mark': '\uFEFFa: 1\n',
  'flow trailing comma': 'a: [x, y,]\n',
  'flow pair in a sequence': 'a: [x: 1]\n',
  'flow key without a value': 'a: {x: }\n',
  'flow over two lines': 'a: [x,\n  y]\n',
  'flow plain with a colon': 'a: {x: b:c}\n',
  'flow quoted with a comma': "a: ['x, y', z]\n",
  'flow then text': 'a: [x] y\n',
  'flow words with a YAML 1.1 key': 'a: {x: two words, y: [p q, r]}\n',
  'non-breaking space as indentation': 'a:\n\u00a0 b: 1\n',
  'trailing non-breaking space': 'a: b\u00a0\n',
  'line separator in quotes': "a: 'x\u2028y'\n",
  'next line in quotes': 'a: "x\u0085y"\n',
  'control character in quotes': "a: 'x\u0007y'\n",
  'comments inside collections': 'a:\n  b: 1\n  # trailing\nc:\n  - x\n  # after\n\n# end\n',
};

describe('the fast path for simple documents', () => {
  it.each(Object.entries(ACCEPTED))('reads %s exactly like yaml', (name, text) => {
    const fast = fastRead(`${name}.yaml`, text);
    expect(fast).toBeDefined();
    expectSameAsYaml(`${name}.yaml`, text, fast!);
  });

  it.each(Object.entries(TRICKY))('declines or matches yaml on %s', (name, text) => {
    const fast = fastRead(`${name}.yaml`, text);
    if (fast) expectSameAsYaml(`${name}.yaml`, text, fast);
  });

  it('declines documents nested deeper than configuration goes, without running out of stack', () => {
    const deepFlow = `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const deepBlock = Array.from({ length: 5_000 }, (_, depth) => `${'  '.repeat(depth)}k${depth}:`).join(
      '\n',
    );
    const deepItems = `a:\n${Array.from({ length: 5_000 }, (_, depth) => `${'  '.repeat(depth)}- x${depth}:`).join('\n')}\n`;
    for (const text of [deepFlow, deepBlock, deepItems]) expect(fastRead('deep.yaml', text)).toBeUndefined();
    const justDeepEnough = `${Array.from({ length: 60 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')} 1\n`;
    expect(fastRead('ok.yaml', justDeepEnough)).toBeDefined();
  });

  it('declines the constructs only the full parser reads right', () => {
    const accepted = Object.entries(TRICKY)
      .filter(([name, text]) => fastRead(`${name}.yaml`, text))
      .map(([name]) => name);
    // The only rows the subset reads (exactly like yaml, proven above): the rest is left to the full parser.
    expect(accepted.sort()).toEqual(
      [
        'comments inside collections',
        'flow plain with a colon',
        'flow quoted with a comma',
        'plain with brackets',
        'same-column sequence under a nested key',
      ].sort(),
    );
  });

  it.each([
    ['three simple documents', 'a: 1\n---\nb: [x]\n---\nc: {d: e}\n', 3],
    ['a lead comment, then a declined document', '# lead\n---\na: 1\n---\nb: yes\n', 1],
    ['an explicit empty document first', '---\n# empty\n---\na: 1\n', 1],
    ['an empty document between', 'a: 1\n---\n---\nb: 2\n', 2],
    ['a broken document between', 'a: 1\n---\nb: [unclosed\n---\nc: 2\n', 2],
    ['an end marker', 'a: 1\n...\n---\nb: 2\n', 0],
  ])('reads files of several documents (%s) exactly like yaml', (_name, text, fastCount) => {
    const result = parseKept('multi.yaml', text, planDocuments(text), undefined);
    const full = parseYamlText('multi.yaml', text);
    const summary = (documents: ParsedDocument[]) => documents.map((d) => [d.index, d.line, d.value]);
    expect(summary(result.parsed.documents)).toEqual(summary(full.documents));
    expect(result.parsed.problems).toEqual(full.problems);
    expect(result.documents - result.parsedDocuments).toBe(fastCount);
    result.parsed.documents.forEach((document, index) => expectSameDocument(document, full.documents[index]));
  });

  it('reads the upstream DynaKube samples and the examples exactly like yaml', () => {
    const files = [
      ...yamlFiles(path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples')),
      ...yamlFiles('examples'),
    ];
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fast = fastRead(file, text);
      if (!fast) continue;
      accepted++;
      expectSameAsYaml(file, text, fast);
    }
    // Not vacuous: a good share of real manifests takes the fast path.
    expect(accepted).toBeGreaterThan(files.length / 4);
  });

  it('matches yaml on random block documents built from tricky pieces', () => {
    // Mostly pieces the subset reads, with tricky ones mixed in so both outcomes are exercised.
    const mostly = <T>(usual: T[], tricky: T[]) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...usual), weight: 12 },
        { arbitrary: fc.constantFrom(...tricky), weight: 1 },
      );
    const key = mostly(
      ['a', 'name', 'app.kubernetes.io/name', 'x_y', 'k-1'],
      ['on', 'No', '__proto__', 'a b'],
    );
    const flowText = fc.constantFrom(
      '{}',
      '[ ]',
      '[a, b]',
      '{ cpu: 100m, memory: 1Gi }',
      '[{ name: x, port: 80 }]',
      '{a: [1, two]}',
      '["q", \'s\']',
      '[x: 1]',
      '{a: }',
      '[a,]',
      "['a, b']",
      '{a: b:c}',
    );
    const scalarOrFlow = mostly(
      [
        'plain',
        'two words',
        'repo/app:1.2',
        'http://x.y/z?a=b#c',
        '1',
        '0',
        'true',
        'null',
        "'quoted'",
        '"double"',
        '500m',
        '1.5Gi',
        '1.26.4',
        '1.0.0-rc.1',
        'a # comment',
        'a#b',
        '../base',
      ],
      [
        '007',
        '1.5',
        'False',
        'yes',
        '~',
        "'it''s'",
        '[x]',
        '{a: 1}',
        '&anchor x',
        '*alias',
        '!tag x',
        '|',
        "''",
        '',
        'x:',
        'x: y',
        '0x1F',
        '1.2',
        '1.2.3e5',
        '01.2.3',
        '1e5',
        '.5',
        '-1',
        '<tag>',
      ],
    );
    const scalarText = fc.oneof({ arbitrary: scalarOrFlow, weight: 4 }, { arbitrary: flowText, weight: 1 });
    type Tree =
      | { kind: 'scalar'; text: string }
      | { kind: 'map'; entries: [string, Tree][] }
      | { kind: 'seq'; items: Tree[] };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('scalar' as const), text: scalarText }),
        fc.record({
          kind: fc.constant('map' as const),
          entries: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }),
        }),
        fc.record({
          kind: fc.constant('seq' as const),
          items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
        }),
      ),
    }));
    const style = fc.record({
      indent: fc.constantFrom(2, 4),
      sameColumnSequences: fc.boolean(),
      comments: fc.constantFrom('none', 'afterKey', 'afterBlock', 'blankLines'),
    });
    type Style = { indent: number; sameColumnSequences: boolean; comments: string };
    const render = (node: Tree, indent: number, options: Style): string[] => {
      const pad = ' '.repeat(indent);
      if (node.kind === 'map')
        return node.entries.flatMap(([name, child]) => {
          if (child.kind === 'scalar') return [`${pad}${name}: ${child.text}`.trimEnd()];
          const childIndent =
            child.kind === 'seq' && options.sameColumnSequences ? indent : indent + options.indent;
          const extra = { none: [], afterKey: [`${pad}# note`], afterBlock: [], blankLines: [''] }[
            options.comments
          ]!;
          const after = options.comments === 'afterBlock' ? [`${' '.repeat(childIndent)}# after`] : [];
          return [`${pad}${name}:`, ...extra, ...render(child, childIndent, options), ...after];
        });
      if (node.kind === 'seq')
        return node.items.flatMap((child) => {
          if (child.kind === 'scalar') return [`${pad}- ${child.text}`.trimEnd()];
          const lines = render(child, indent + 2, options);
          return [`${pad}- ${lines[0].trimStart()}`, ...lines.slice(1)];
        });
      return [`${pad}${node.text}`];
    };
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
        style,
        (entries, options) => {
          const text = `${render({ kind: 'map', entries }, 0, options).join('\n')}\n`;
          const fast = fastRead('random.yaml', text);
          if (!fast) return;
          accepted++;
          expectSameAsYaml('random.yaml', text, fast);
        },
      ),
      { seed: 20261126, numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
