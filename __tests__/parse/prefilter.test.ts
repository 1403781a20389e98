import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  decideDocuments,
  isKeptKind,
  KEPT_KINDS,
  parseKept,
  parseRelevant,
  planDocuments,
  WORKLOAD_KINDS,
  type DocumentSpan,
  type PlannedFile,
} from '../../src/parse/prefilter.js';
import { parseYamlText } from '../../src/parse/yaml.js';

const verdicts = (text: string) => planDocuments(text)?.map((span) => span.verdict);

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{ port: 80 }]
`;

const dynakube = `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://abc.live.dynatrace.com/api
`;

describe('planDocuments', () => {
  it('drops objects no rule reads and keeps the kinds the model reads', () => {
    expect(verdicts(`${service}---\n${dynakube}`)).toEqual(['drop', 'keep']);
  });

  it('keeps by API group whatever the kind', () => {
    expect(isKeptKind('SomethingNew', 'telemetry.istio.io/v1')).toBe(true);
    expect(isKeptKind('Thing', 'source.toolkit.fluxcd.io/v1')).toBe(true);
    expect(isKeptKind('Service', 'v1')).toBe(false);
    expect(isKeptKind('PodList', 'v1')).toBe(true);
  });

  it('leaves a ConfigMap to decide by its name, and keeps one whose name it cannot read', () => {
    const configMap = (metadata: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${metadata}data:\n  a: b\n`;
    expect(verdicts(configMap('  name: settings\n'))).toEqual(['configMap']);
    expect(verdicts(configMap('  name: "odd name"\n'))).toEqual(['keep']);
    expect(verdicts(configMap('  labels:\n    a: b\n'))).toEqual(['keep']);
    // The same kind and apiVersion again, after the first answer was remembered.
    expect(verdicts([configMap('  name: one\n'), configMap('  name: "two words"\n')].join('---\n'))).toEqual([
      'configMap',
      'keep',
    ]);
  });

  it("reads a ConfigMap's name wherever its kind is, and passes over other kinds' metadata", () => {
    const names = (text: string) => planDocuments(text)?.map((span) => [span.verdict, span.name]);
    // `metadata:` before `kind:`: the name is read before the kind is known.
    expect(names('apiVersion: v1\nmetadata:\n  name: early\nkind: ConfigMap\ndata: {a: b}\n')).toEqual([
      ['configMap', 'early'],
    ]);
    // A Service's metadata is jumped over, so what is below it is still read at column 0.
    const jumped = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    a: b\nspec: {}\n';
    expect(names(`${jumped}kind: DynaKube\n`)).toEqual([['keep', undefined]]);
    expect(names(`${jumped}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n`)).toEqual([
      ['drop', undefined],
      ['configMap', 'after'],
    ]);
    // A second `metadata:` is unsure whatever the kind.
    expect(names(`${jumped}metadata:\n  name: again\n`)).toEqual([['keep', undefined]]);
  });

  it('keeps a workload only when it mentions Istio, Dynatrace or Prometheus', () => {
    const deployment = (annotation: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        ${annotation}
`;
    expect(verdicts(deployment('team: shop'))).toEqual(['drop']);
    expect(verdicts(deployment('metrics.dynatrace.com/scrape: "true"'))).toEqual(['keep']);
    expect(verdicts(deployment('sidecar.istio.io/inject: "false"'))).toEqual(['keep']);
    expect(verdicts(deployment('prometheus.io/port: "9090"'))).toEqual(['keep']);
  });

  it('keeps documents without kind (values files), with kind not on one line, or templated', () => {
    expect(verdicts('meshConfig:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n')).toEqual(['keep']);
    expect(verdicts('apiVersion: v1\nkind:\n  Service\nmetadata:\n  name: x\n')).toEqual(['keep']);
    expect(verdicts('apiVersion: v1\nkind: {{ .Values.kind }}\nmetadata:\n  name: x\n')).toEqual(['keep']);
    expect(verdicts('{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"}}\n')).toEqual([
      'keep',
    ]);
    expect(verdicts('apiVersion: v1\nkind: Service\nmetadata: {name: x}\n')).toEqual(['keep']);
  });

  it('keeps documents with anchors, aliases, merge keys or a duplicate kind', () => {
    expect(verdicts(`${service}x: &a 1\ny: *a\n`)).toEqual(['keep']);
    expect(verdicts(`${service}extra:\n  <<: {a: 1}\n`)).toEqual(['keep']);
    expect(verdicts(`${service}kind: DynaKube\n`)).toEqual(['keep']);
    expect(verdicts(`${service}"kind": DynaKube\n`)).toEqual(['keep']);
  });

  it('splits on column-0 markers only, also with CRLF, `...` and comments after `---`', () => {
    const blockScalar = `apiVersion: v1
kind: Secret
metadata:
  name: s
stringData:
  doc: |
    ---
    kind: DynaKube
`;
    expect(verdicts(blockScalar)).toEqual(['drop']);
    expect(verdicts(`${service}...\n---\n${dynakube}`)).toEqual(['drop', 'keep']);
    expect(verdicts(`--- # first\n${service}--- # second\n${dynakube}`)).toEqual(['drop', 'keep']);
    const crlf = `${service}---\n${dynakube}`.replace(/\n/g, '\r\n');
    expect(verdicts(crlf)).toEqual(['drop', 'keep']);
    expect(verdicts(`--- |\n  text\n---\n${service}`)).toEqual(['keep', 'drop']);
  });

  it('leaves files with directives to the parser', () => {
    expect(planDocuments(`%YAML 1.1\n---\n${service}`)).toBeUndefined();
  });

  it('treats empty and comment-only documents as no documents', () => {
    const spans = planDocuments(`# header\n---\n${service}---\n`)!;
    expect(spans.map((span) => span.hasContent)).toEqual([false, true, false]);
  });
});

describe('decideDocuments', () => {
  const configMap = (name: string, data = 'a: b') =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: x\ndata:\n  ${data}\n`;
  const helmRelease = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
spec:
  valuesFrom:
    - kind: ConfigMap
      name: istiod-values
`;
  const decide = (files: Record<string, string>) => {
    const planned = Object.entries(files).map(([file, text]) => ({
      path: file,
      text,
      spans: planDocuments(text),
    }));
    const decided = decideDocuments(planned);
    return Object.fromEntries(planned.map((file, index) => [file.path, decided[index]]));
  };
  /** The flags of the file at `path` when `files` are one side. */
  const decidedFor = (files: PlannedFile[], path: string) =>
    decideDocuments(files)[files.findIndex((file) => file.path === path)];

  it('keeps ConfigMaps that a kept document names, that are the mesh config or mention Dynatrace', () => {
    const decided = decide({
      'a.yaml': [configMap('istiod-values'), configMap('app-settings'), configMap('istio')].join('---\n'),
      'b.yaml': configMap('tenant', 'url: https://x.live.dynatrace.com'),
      'hr.yaml': helmRelease,
    });
    expect(decided['a.yaml']).toEqual([true, false, true]);
    expect(decided['b.yaml']).toEqual([true]);
  });

  const release = helmRelease.replace('istiod-values', 'shop-values');

  it('counts the words of a file left to the parser whole (a directive) as kept', () => {
    const decided = decide({
      'a.yaml': [configMap('shop-values'), configMap('app-settings')].join('---\n'),
      'hr.yaml': `%YAML 1.2\n---\n${release}`,
    });
    expect(decided['hr.yaml']).toBeUndefined();
    expect(decided['a.yaml']).toEqual([true, false]);
  });

  it('decides the same when the plans are reused by a second side', () => {
    const text = [configMap('shop-values'), configMap('app-settings')].join('---\n');
    // One object for the file on both sides, as the engine shares a file's read and plan.
    const shared: PlannedFile = { path: 'a.yaml', text, spans: planDocuments(text) };
    const side = (withRelease: boolean) =>
      decidedFor(
        [shared, ...(withRelease ? [{ path: 'hr.yaml', text: release, spans: planDocuments(release) }] : [])],
        'a.yaml',
      );
    expect(side(true)).toEqual([true, false]);
    expect(side(false)).toEqual([false, false]);
    expect(side(true)).toEqual([true, false]);
  });

  it('finds the names a shared file refers to again when the other side has other ConfigMaps', () => {
    const twoReleases = `${release}    - kind: ConfigMap\n      name: extra-values\n`;
    const shared = { path: 'hr.yaml', text: twoReleases, spans: planDocuments(twoReleases) };
    const shop = {
      path: 'a.yaml',
      text: configMap('shop-values'),
      spans: planDocuments(configMap('shop-values')),
    };
    const extra = configMap('extra-values');
    const withExtra = [shared, shop, { path: 'b.yaml', text: extra, spans: planDocuments(extra) }];
    expect(decidedFor([shared, shop], 'a.yaml')).toEqual([true]);
    // hr.yaml's words were matched against {shop-values} only: a side that also has extra-values must look again.
    expect(decidedFor(withExtra, 'b.yaml')).toEqual([true]);
    expect(decidedFor([shared, shop], 'a.yaml')).toEqual([true]);
    expect(decidedFor(withExtra.slice(1), 'b.yaml')).toEqual([false]);
  });

  it('matches a ConfigMap name as a whole word only, wherever it stands in a kept document', () => {
    const maps = ['values', 'shop-values', 'shop', 'tail.values']
      .map((name) => configMap(name))
      .join('---\n');
    const referring = (line: string) => ({
      'cm.yaml': maps,
      'hr.yaml': `${helmRelease.replace('name: istiod-values\n', '')}${line}`,
    });
    // Quoted, in a flow list, at the very end of the text: the word is the name; `shop-values-2` names none.
    expect(decide(referring('      name: "shop-values"\n'))['cm.yaml']).toEqual([false, true, false, false]);
    expect(decide(referring('      name: [shop, x]\n'))['cm.yaml']).toEqual([false, false, true, false]);
    expect(decide(referring('      name: shop-values-2\n'))['cm.yaml']).toEqual([false, false, false, false]);
    expect(decide(referring('      name: tail.values'))['cm.yaml']).toEqual([false, false, false, true]);
  });

  it('keeps every Kustomization: which folders have one decides what gets built', () => {
    const decided = decide({
      'apps/web/kustomization.yaml': 'resources:\n  - service.yaml\n',
      'apps/web/service.yaml': service,
      'apps/api/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nmetadata:\n  name: api\nresources: [a.yaml]\n',
    });
    expect(decided['apps/web/kustomization.yaml']).toEqual([true]);
    expect(decided['apps/web/service.yaml']).toEqual([false]);
    expect(decided['apps/api/kustomization.yaml']).toEqual([true]);
  });
});

describe('parseKept', () => {
  it('keeps lines, columns and document indexes of the kept documents', () => {
    const text = `${service}---\n${service}---\n${dynakube}`;
    const full = parseYamlText('f.yaml', text);
    const filtered = parseRelevant('f.yaml', text);
    expect(filtered.documents).toBe(3);
    // The kept DynaKube is read by the fast path or by yaml: never more than the one document.
    expect(filtered.parsedDocuments).toBeLessThanOrEqual(1);
    expect(filtered.parsed.text).toBe(text);
    expect(filtered.parsed.documents).toHaveLength(1);
    const [kept] = filtered.parsed.documents;
    const original = full.documents[2];
    expect(kept.index).toBe(original.index);
    expect(kept.value).toEqual(original.value);
    for (const at of [['metadata', 'name'], ['spec', 'apiUrl'], ['spec']]) {
      expect(kept.positionAt(at)).toEqual(original.positionAt(at));
      expect(kept.rangeAt(at)).toEqual(original.rangeAt(at));
    }
  });

  it('keeps indexes when the dropped document is the first one and has no marker', () => {
    const text = `${service}---\n${dynakube}`;
    const spans = planDocuments(text)!;
    const filtered = parseKept('f.yaml', text, spans, [false, true]);
    expect(filtered.parsed.documents.map((d) => d.index)).toEqual([1]);
    expect(filtered.parsed.documents[0].line).toBe(parseYamlText('f.yaml', text).documents[1].line);
  });

  it('parses nothing for a file with no document that can matter, but keeps its text', () => {
    const filtered = parseRelevant('svc.yaml', `\ufeff${service}---\n${service}`);
    // A byte order mark at column 0 makes the first document unsure, so it is kept.
    expect(filtered.parsedDocuments).toBe(1);
    const none = parseRelevant('svc.yaml', `${service}---\n${service}`);
    expect(none.parsedDocuments).toBe(0);
    expect(none.parsed.documents).toEqual([]);
    expect(none.parsed.problems).toEqual([]);
    expect(none.parsed.text).toContain('kind: Service');
  });
});

/** Kind names the model and the rules dispatch on, found in their source text. */
function kindsReadBySource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /kind\s*[!=]==\s*'([A-Z]\w*)'/g,
    /isIstioKind\([^,]+,\s*'([A-Z]\w*)'\)/g,
    /findResource\([^,]+,\s*'([A-Z]\w*)'/g,
    /kind\)\s*\?\?\s*'([A-Z]\w*)'/g,
  ];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : full.endsWith('.ts') ? [full] : [];
    });
  for (const file of ['src/model', 'src/rules', 'src/diff'].flatMap(walk)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1], file);
    // Records and lists of kinds (`const SAIL_KINDS = { Istio: …, … }`, `TEMPLATE_PATHS`).
    for (const table of text.matchAll(
      /const \w*(?:KINDS|TEMPLATE_PATHS)\w*[^=]*=\s*([{[][\s\S]*?\n[}\]])/g,
    )) {
      for (const key of table[1].matchAll(/^\s*'?([A-Z]\w*)'?\s*[:,]/gm)) found.set(key[1], file);
    }
  }
  return found;
}

describe('the kinds the model reads', () => {
  it('are never dropped by the pre-filter (add new kinds to KEPT_KINDS or KEPT_API_GROUPS)', () => {
    const kinds = kindsReadBySource();
    // The scan must see the dispatch at all, or this test would pass on nothing.
    for (const known of ['DynaKube', 'Namespace', 'HelmRelease', 'IstioOperator', 'Istio', 'Deployment'])
      expect(kinds.has(known)).toBe(true);
    const dropped = [...kinds].filter(([kind]) => !isKeptKind(kind) && !WORKLOAD_KINDS.includes(kind));
    expect(dropped).toEqual([]);
  });

  it('lists each kind once', () => {
    expect(new Set(KEPT_KINDS).size).toBe(KEPT_KINDS.length);
  });
});

// Used by the type checker only: spans are plain data.
export type { DocumentSpan };
