import { describe, expect, it } from '@jest/globals';
import { getIn } from '../../src/model/read.js';
import type { ClusterModel } from '../../src/model/types.js';
import { parseYamlText, writersOf, type ParsedDocument, type PathSegment } from '../../src/parse/yaml.js';
import {
  applyEdits,
  removeEntryEdit,
  removeItemEdit,
  replaceValueEdit,
  setValueEdit,
  yamlString,
  type YamlValue,
} from '../../src/rules/edits.js';
import { moveEntryEdits, replaceOnLine, replaceScalarEdit } from '../../src/rules/line-edits.js';
import type { TextEdit } from '../../src/rules/types.js';
import { modelOf, type Tree } from './harness.js';

function edit(text: string, path: string[], value: Parameters<typeof setValueEdit>[3]): string {
  const model = modelOf({ 'f.yaml': text });
  const document = model.resources[0]?.document ?? (undefined as never);
  const change = setValueEdit(model, document, path, value);
  if (!change) throw new Error('no edit');
  return applyEdits(text, [change]);
}

const base = 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\nspec:\n  a: 1 # keep me\n  nested:\n    b: 2\n';

describe('setValueEdit', () => {
  it('replaces a scalar on its line and keeps the trailing comment', () => {
    expect(edit(base, ['spec', 'a'], '5')).toContain('  a: 5 # keep me\n');
  });

  it('inserts a missing key at the end of its parent with the sibling indentation', () => {
    expect(edit(base, ['spec', 'nested', 'c'], 'true')).toBe(
      base.replace('    b: 2\n', '    b: 2\n    c: true\n'),
    );
  });

  it('creates missing parents', () => {
    expect(edit(base, ['spec', 'x', 'y', 'z'], '"false"')).toContain(
      '    b: 2\n  x:\n    y:\n      z: "false"\n',
    );
  });

  it('replaces an empty flow map', () => {
    const text = 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\n  annotations: {}\n';
    expect(edit(text, ['metadata', 'annotations', 'a/b'], 'x')).toBe(
      text.replace('  annotations: {}\n', '  annotations:\n    a/b: x\n'),
    );
  });

  it('follows a four-space file', () => {
    const text = 'apiVersion: v1\nkind: X\nmetadata:\n    name: x\nspec:\n    a: 1\n';
    expect(edit(text, ['spec', 'b', 'c'], '1')).toContain('spec:\n    a: 1\n    b:\n        c: 1\n');
  });

  it('fills an empty value with a mapping instead of adding a second key', () => {
    const text = 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\n  annotations:\nspec: {}\n';
    expect(edit(text, ['metadata', 'annotations'], { a: 'b', c: '"1"' })).toBe(
      text.replace('  annotations:\n', '  annotations:\n    a: b\n    c: "1"\n'),
    );
    const braces = text.replace('  annotations:\n', '  annotations: {} # none yet\n');
    expect(edit(braces, ['metadata', 'annotations'], { a: 'b' })).toContain('  annotations:\n    a: b\nspec');
  });

  it('offers nothing that would add a duplicate key, or cut into a flow mapping', () => {
    const text = 'apiVersion: v1\nkind: X\nmetadata:\n  name: x\n  labels:\n    a: b\nspec: {a: {}}\n';
    const model = modelOf({ 'f.yaml': text });
    const document = model.resources[0].document;
    expect(setValueEdit(model, document, ['metadata', 'labels'], 'x')).toBeUndefined();
    expect(setValueEdit(model, document, ['metadata', 'labels'], { c: 'd' })).toBeUndefined();
    expect(setValueEdit(model, document, ['spec', 'a', 'b'], 'c')).toBeUndefined();
    expect(setValueEdit(model, document, ['spec', 'a'], { b: 'c' })).toBeUndefined();
  });

  it('removes an entry line', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n    a: b\n    istio-injection: enabled\n';
    const model = modelOf({ 'f.yaml': text });
    const change = removeEntryEdit(model, model.resources[0].document, [
      'metadata',
      'labels',
      'istio-injection',
    ])!;
    expect(applyEdits(text, [change])).toBe(text.replace('    istio-injection: enabled\n', ''));
  });

  it('removes no line for an entry inside a flow mapping (the line holds its siblings)', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels: {a: b, istio-injection: enabled}\n';
    const model = modelOf({ 'f.yaml': text });
    expect(
      removeEntryEdit(model, model.resources[0].document, ['metadata', 'labels', 'istio-injection']),
    ).toBeUndefined();
  });

  it('quotes strings that YAML would read as another type', () => {
    expect(yamlString('false')).toBe('"false"');
    expect(yamlString('on')).toBe('"on"');
    expect(yamlString('15020')).toBe('"15020"');
    expect(yamlString('/stats/prometheus')).toBe('/stats/prometheus');
  });
});

describe('applyEdits line endings', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');

  it('keeps a CRLF file CRLF when the builders replace, insert and remove lines', () => {
    const text = crlf(base);
    const model = modelOf({ 'f.yaml': text });
    const document = model.resources[0].document;
    const edits = [
      setValueEdit(model, document, ['spec', 'a'], '5')!,
      setValueEdit(model, document, ['spec', 'nested', 'c'], 'true')!,
      setValueEdit(model, document, ['metadata', 'labels', 'x'], 'y')!,
    ];
    for (const change of edits) expect(change.replacement).not.toContain('\r');
    const lfResult = applyEdits(base, edits);
    expect(applyEdits(text, edits)).toBe(crlf(lfResult));
    expect(lfResult).toContain('  a: 5 # keep me\n');
    expect(lfResult).toContain('    c: true\n');

    const removal = removeEntryEdit(model, document, ['spec', 'nested'])!;
    expect(applyEdits(text, [removal])).toBe(crlf(base.replace('  nested:\n    b: 2\n', '')));
  });

  it('replaces an empty flow map in a CRLF file with CRLF lines', () => {
    const text = 'apiVersion: v1\r\nkind: X\r\nmetadata:\r\n  name: x\r\n  annotations: {}\r\n';
    expect(edit(text, ['metadata', 'annotations', 'a/b'], 'x')).toBe(
      text.replace('  annotations: {}\r\n', '  annotations:\r\n    a/b: x\r\n'),
    );
  });

  it('gives added lines the dominant ending and keeps the ending of each replaced line', () => {
    const mixed = 'a: 1\r\nb: 1\nc: 1\r\nd: 1\r\n';
    expect(applyEdits(mixed, [{ file: 'f', startLine: 2, endLine: 2, replacement: 'b: 2\nb2: 2' }])).toBe(
      'a: 1\r\nb: 2\nb2: 2\r\nc: 1\r\nd: 1\r\n',
    );
    expect(applyEdits('a\nb\r\nc\n', [{ file: 'f', startLine: 2, endLine: 1, replacement: 'x' }])).toBe(
      'a\nx\nb\r\nc\n',
    );
  });

  it('adds no line break at the end of a file that has none, and drops a stray CR in a replacement', () => {
    const text = 'a: 1\r\nb: 1';
    expect(applyEdits(text, [{ file: 'f', startLine: 2, endLine: 2, replacement: 'b: 2\r' }])).toBe(
      'a: 1\r\nb: 2',
    );
    expect(applyEdits(text, [{ file: 'f', startLine: 3, endLine: 2, replacement: 'c: 1' }])).toBe(
      'a: 1\r\nb: 1\r\nc: 1',
    );
    expect(applyEdits(text, [{ file: 'f', startLine: 2, endLine: 2, replacement: '' }])).toBe('a: 1');
  });

  it('keeps a byte order mark when the first line is edited', () => {
    expect(applyEdits('\uFEFFa: 1\r\n', [{ file: 'f', startLine: 1, endLine: 1, replacement: 'a: 2' }])).toBe(
      '\uFEFFa: 2\r\n',
    );
  });
});

/** A DynaKube base and an overlay whose kustomization patches it (`patches` entries given as YAML lines). */
function overlayTree(patches: string[], extra: Tree = {}, baseSpec = '  enableIstio: false\n'): Tree {
  return {
    'base/kustomization.yaml': 'resources: [dk.yaml]\n',
    'base/dk.yaml':
      'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\n  namespace: dynatrace\n' +
      'spec:\n  apiUrl: https://abc12345.live.dynatrace.com/api\n' +
      baseSpec,
    'overlay/kustomization.yaml': ['resources: [../base]', 'patches:', ...patches, ''].join('\n'),
    ...extra,
  };
}

const strategicFile = (spec: string) =>
  'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\nspec:\n' + spec;
const inlineStrategic = (spec: string[]) => [
  '  - patch: |-',
  '      apiVersion: dynatrace.com/v1beta5',
  '      kind: DynaKube',
  '      metadata:',
  '        name: dk',
  '      spec:',
  ...spec.map((line) => `        ${line}`),
];
const inlineJson6902 = (operations: string[]) => [
  '  - target: {kind: DynaKube, name: dk}',
  '    patch: |-',
  ...operations.map((line) => `      ${line}`),
];

type Builder = (model: ClusterModel, document: ParsedDocument) => TextEdit | TextEdit[] | undefined;
const set =
  (path: PathSegment[], value: YamlValue): Builder =>
  (model, document) =>
    setValueEdit(model, document, path, value);

interface OverlayCase {
  name: string;
  tree: Tree;
  build: Builder;
  /** The file every edit must touch, or undefined when no edit may be offered. */
  file?: string;
  /** The line the (first) edit starts at in that file. */
  line?: number;
  /** Path and value the overlaid DynaKube must have after the edits. */
  expect?: [PathSegment[], unknown];
}

const overlayCases: OverlayCase[] = [
  {
    name: 'setValueEdit replaces a value a strategic-merge patch file wrote, in the patch file',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile('  enableIstio: false\n'),
    }),
    build: set(['spec', 'enableIstio'], 'true'),
    file: 'overlay/dk-patch.yaml',
    line: 6,
    expect: [['spec', 'enableIstio'], true],
  },
  {
    name: 'setValueEdit replaces a value an inline strategic-merge patch wrote, in the kustomization',
    tree: overlayTree(inlineStrategic(['enableIstio: false # overlay'])),
    build: set(['spec', 'enableIstio'], 'true'),
    file: 'overlay/kustomization.yaml',
    line: 9,
    expect: [['spec', 'enableIstio'], true],
  },
  {
    name: "setValueEdit replaces the scalar `value:` of a JSON6902 operation, keeping the operation's keys",
    tree: overlayTree(inlineJson6902(['- op: replace', '  path: /spec/enableIstio', '  value: false'])),
    build: set(['spec', 'enableIstio'], 'true'),
    file: 'overlay/kustomization.yaml',
    line: 7,
    expect: [['spec', 'enableIstio'], true],
  },
  {
    name: 'setValueEdit inserts into a block mapping a JSON6902 `value:` holds, at its indentation',
    tree: overlayTree(
      inlineJson6902(['- op: add', '  path: /metadata/annotations', '  value:', '    owner: team-a']),
    ),
    build: set(['metadata', 'annotations', 'tier'], 'core'),
    file: 'overlay/kustomization.yaml',
    line: 9,
    expect: [['metadata', 'annotations'], { owner: 'team-a', tier: 'core' }],
  },
  {
    name: 'setValueEdit inserts into a mapping only the patch file has, in the patch file',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile('  oneAgent:\n    cloudNativeFullStack:\n      args: [x]\n'),
    }),
    build: set(['spec', 'oneAgent', 'cloudNativeFullStack', 'autoUpdate'], 'false'),
    file: 'overlay/dk-patch.yaml',
    line: 9,
    expect: [['spec', 'oneAgent', 'cloudNativeFullStack', 'autoUpdate'], false],
  },
  {
    name: 'setValueEdit inserts a key nobody writes under the base mapping, in the base file',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile('  enableIstio: false\n'),
    }),
    build: set(['spec', 'networkZone'], 'zone-a'),
    file: 'base/dk.yaml',
    line: 9,
    expect: [['spec', 'networkZone'], 'zone-a'],
  },
  {
    name: 'setValueEdit offers nothing inside a flow mapping a JSON6902 `value:` holds',
    tree: overlayTree(
      inlineJson6902(['- op: add', '  path: /metadata/annotations', '  value: {owner: team-a}']),
    ),
    build: set(['metadata', 'annotations', 'tier'], 'core'),
  },
  {
    name: 'setValueEdit offers nothing for a value in a flow mapping of a patch (the line holds its siblings)',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile('').replace(
        'spec:\n',
        'spec: {enableIstio: false, networkZone: a}\n',
      ),
    }),
    build: set(['spec', 'enableIstio'], 'true'),
  },
  {
    name: 'setValueEdit offers nothing for a key a JSON6902 operation removes (the base line would not count)',
    tree: overlayTree(inlineJson6902(['- op: remove', '  path: /spec/enableIstio'])),
    build: set(['spec', 'enableIstio'], 'true'),
  },
  {
    name: 'replaceScalarEdit replaces a list item a patch file wrote, in the patch file',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile(
        '  activeGate:\n    capabilities:\n      - Kubernetes_Monitoring\n',
      ),
    }),
    build: (model, document) =>
      replaceScalarEdit(
        model,
        document,
        ['spec', 'activeGate', 'capabilities', 0],
        'Kubernetes_Monitoring',
        'kubernetes-monitoring',
      ),
    file: 'overlay/dk-patch.yaml',
    line: 8,
    expect: [['spec', 'activeGate', 'capabilities'], ['kubernetes-monitoring']],
  },
  {
    name: 'replaceOnLine edits the apiVersion line of the patch file that carries it',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile('  enableIstio: false\n'),
    }),
    build: (model, document) =>
      replaceOnLine(model, document, ['apiVersion'], 'dynatrace.com/v1beta5', 'dynatrace.com/v1beta6'),
    file: 'overlay/dk-patch.yaml',
    line: 1,
  },
  {
    name: 'moveEntryEdits moves an entry inside the patch file that holds both ends',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile(
        '  namespaceSelector:\n    matchLabels:\n      team: a\n  oneAgent:\n    cloudNativeFullStack:\n      args: [x]\n',
      ),
    }),
    build: (model, document) =>
      moveEntryEdits(
        model,
        document,
        ['spec', 'namespaceSelector'],
        ['spec', 'oneAgent', 'cloudNativeFullStack'],
      ),
    file: 'overlay/dk-patch.yaml',
    line: 6,
    expect: [
      ['spec', 'oneAgent', 'cloudNativeFullStack', 'namespaceSelector'],
      { matchLabels: { team: 'a' } },
    ],
  },
  {
    name: 'moveEntryEdits offers nothing when the entry is in the patch and its new parent in the base',
    tree: overlayTree(
      ['  - path: dk-patch.yaml'],
      { 'overlay/dk-patch.yaml': strategicFile('  namespaceSelector:\n    matchLabels:\n      team: a\n') },
      '  oneAgent:\n    cloudNativeFullStack:\n      args: [x]\n',
    ),
    build: (model, document) =>
      moveEntryEdits(
        model,
        document,
        ['spec', 'namespaceSelector'],
        ['spec', 'oneAgent', 'cloudNativeFullStack'],
      ),
  },
  {
    name: 'removeEntryEdit offers nothing where the base writes the entry too (it would stay)',
    tree: overlayTree(['  - path: dk-patch.yaml'], {
      'overlay/dk-patch.yaml': strategicFile('  enableIstio: false\n'),
    }),
    build: (model, document) => removeEntryEdit(model, document, ['spec', 'enableIstio']),
  },
  {
    name: 'removeItemEdit offers nothing for an item a JSON6902 `value:` adds (the operation would break)',
    tree: overlayTree(
      inlineJson6902(['- op: add', '  path: /spec/activeGate/capabilities/-', '  value: routing']),
      {},
      '  activeGate:\n    capabilities:\n      - kubernetes-monitoring\n',
    ),
    build: (model, document) => removeItemEdit(model, document, ['spec', 'activeGate', 'capabilities', 1]),
  },
  {
    name: 'replaceValueEdit replaces a JSON6902 `value:` list and keeps the `value:` key',
    tree: overlayTree(
      inlineJson6902([
        '- op: add',
        '  path: /spec/activeGate',
        '  value:',
        '    capabilities:',
        '      - routing',
      ]),
    ),
    build: (model, document) =>
      replaceValueEdit(
        model,
        document,
        ['spec', 'activeGate', 'capabilities'],
        '[routing, kubernetes-monitoring]',
      ),
    file: 'overlay/kustomization.yaml',
    line: 8,
    expect: [
      ['spec', 'activeGate', 'capabilities'],
      ['routing', 'kubernetes-monitoring'],
    ],
  },
];

function dynakubeDocument(model: ClusterModel): ParsedDocument {
  const found = model.resources.filter((resource) => resource.kind === 'DynaKube');
  expect(found).toHaveLength(1);
  return found[0].document;
}

describe('edit builders on a document a kustomize overlay patched', () => {
  it.each(overlayCases)('$name', ({ tree, build, file, line, expect: wanted }) => {
    const model = modelOf(tree);
    expect(model.notEvaluable).toEqual([]);
    const built = build(model, dynakubeDocument(model));
    const edits = built === undefined ? [] : Array.isArray(built) ? built : [built];
    if (file === undefined) {
      expect(edits).toEqual([]);
      return;
    }
    expect(edits.length).toBeGreaterThan(0);
    expect(new Set(edits.map((change) => change.file))).toEqual(new Set([file]));
    expect(edits[0].startLine).toBe(line);
    const fixed = { ...tree, [file]: applyEdits(tree[file], edits) };
    expect(parseYamlText(file, fixed[file]).problems).toEqual([]);
    // Only the file that holds the value changes; the edit takes effect through the overlay.
    for (const other of Object.keys(tree)) if (other !== file) expect(fixed[other]).toBe(tree[other]);
    const after = modelOf(fixed);
    expect(after.notEvaluable).toEqual([]);
    if (wanted) expect(getIn(dynakubeDocument(after).value, wanted[0])).toEqual(wanted[1]);
  });

  it('offers no edit where a later patch removes what the base shows, nor one that breaks the patch', () => {
    // The guard behind the table's "nothing" rows: the base still has the key, the overlaid value does not.
    const model = modelOf(overlayTree(inlineJson6902(['- op: remove', '  path: /spec/enableIstio'])));
    const document = dynakubeDocument(model);
    expect(document.describeAt(['spec', 'enableIstio'])).toBeDefined();
    expect(getIn(document.value, ['spec', 'enableIstio'])).toBeUndefined();
    expect(replaceScalarEdit(model, document, ['spec', 'enableIstio'], 'false', 'true')).toBeUndefined();
    expect(removeEntryEdit(model, document, ['spec', 'enableIstio'])).toBeUndefined();
  });

  it('names every file of a stack of overlays that writes a value, top-most first', () => {
    const middle = {
      'middle/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: istio.yaml\n',
      'middle/istio.yaml': strategicFile('  enableIstio: true\n  skipCertCheck: true\n'),
    };
    const tree: Tree = {
      ...overlayTree(['  - path: istio.yaml'], {
        ...middle,
        'overlay/istio.yaml': strategicFile('  enableIstio: false\n  networkZone: eu\n'),
      }),
      'overlay/kustomization.yaml': 'resources: [../middle]\npatches:\n  - path: istio.yaml\n',
    };
    const document = dynakubeDocument(modelOf(tree));
    const files = (path: string[]) =>
      writersOf(document, path).map((writer) => [writer.document.file, writer.patch]);
    expect(files(['spec', 'enableIstio'])).toEqual([
      ['overlay/istio.yaml', true],
      ['middle/istio.yaml', true],
      ['base/dk.yaml', false],
    ]);
    expect(files(['spec', 'skipCertCheck'])).toEqual([['middle/istio.yaml', true]]);
    expect(files(['spec', 'networkZone'])).toEqual([['overlay/istio.yaml', true]]);
    expect(files(['spec', 'apiUrl'])).toEqual([['base/dk.yaml', false]]);
    expect(files(['spec', 'nothing'])).toEqual([]);
    // Removing the value from the top patch alone would leave the middle one's.
    expect(removeEntryEdit(modelOf(tree), document, ['spec', 'enableIstio'])).toBeUndefined();
  });
});
