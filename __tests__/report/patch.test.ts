import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEdits, removeEntryEdit, setValueEdit } from '../../src/rules/edits.js';
import { buildModel } from '../../src/model/build.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import type { Fix } from '../../src/rules/types.js';
import { fixPatch } from '../../src/report/patch.js';
import { enableIstioRequired } from '../../src/rules/enable-istio-required.js';
import { applyFixes, modelOf, runRule, type Tree } from '../rules/harness.js';

/** Writes `files` into a fresh git repository, applies `patch` with `git apply` and returns the new texts. */
function gitApply(files: Record<string, string>, patch: string): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dkig-patch-'));
  execFileSync('git', ['init', '-q', dir]);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  writeFileSync(path.join(dir, 'fix.patch'), patch);
  execFileSync('git', ['-C', dir, 'apply', '--check', 'fix.patch']);
  execFileSync('git', ['-C', dir, 'apply', 'fix.patch']);
  const result: Record<string, string> = {};
  for (const file of new Set([...Object.keys(files), ...patchedFiles(patch)]))
    result[file] = readFileSync(path.join(dir, file), 'utf8');
  return result;
}

function patchedFiles(patch: string): string[] {
  return [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((match) => match[1]);
}

const VALUES = `# istiod values
pilot:
  env:
    PILOT_TRACE_SAMPLING: "1"
meshConfig:
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
global:
  hub: docker.io/istio
`;

describe('fixPatch', () => {
  it('makes a patch that git applies to the same result as the edits (replace, insert, delete)', () => {
    const fix: Fix = {
      description: 'several edits',
      edits: [
        { file: 'istio/values.yaml', startLine: 4, endLine: 4, replacement: '    PILOT_TRACE_SAMPLING: "5"' },
        {
          file: 'istio/values.yaml',
          startLine: 5,
          endLine: 4,
          replacement: '    ENABLE_NATIVE_SIDECARS: "false"',
        },
        { file: 'istio/values.yaml', startLine: 8, endLine: 9, replacement: '' },
      ],
    };
    const files = new Map([['istio/values.yaml', VALUES]]);
    const patch = fixPatch(fix, files)!;
    expect(
      patch.startsWith('diff --git a/istio/values.yaml b/istio/values.yaml\n--- a/istio/values.yaml\n'),
    ).toBe(true);
    expect(gitApply({ 'istio/values.yaml': VALUES }, patch)['istio/values.yaml']).toBe(
      applyEdits(VALUES, fix.edits),
    );
  });

  it('covers every file a fix edits, and creates a file that is not on head', () => {
    const fix: Fix = {
      description: 'two files',
      edits: [
        { file: 'a.yaml', startLine: 2, endLine: 2, replacement: 'b: 2' },
        { file: 'new/entry.yaml', startLine: 1, endLine: 0, replacement: 'kind: ServiceEntry\nmetadata: {}' },
      ],
    };
    const patch = fixPatch(fix, new Map([['a.yaml', 'a: 1\nb: 1\n']]))!;
    const applied = gitApply({ 'a.yaml': 'a: 1\nb: 1\n' }, patch);
    expect(applied).toEqual({
      'a.yaml': 'a: 1\nb: 2\n',
      'new/entry.yaml': 'kind: ServiceEntry\nmetadata: {}\n',
    });
  });

  it('keeps CRLF line endings and files without a final newline applicable', () => {
    const crlf = 'a: 1\r\nb: 1\r\nc: 1\r\n';
    const crlfPatch = fixPatch(
      { description: '', edits: [{ file: 'w.yaml', startLine: 2, endLine: 2, replacement: 'b: 2\nb2: 3' }] },
      new Map([['w.yaml', crlf]]),
    )!;
    expect(gitApply({ 'w.yaml': crlf }, crlfPatch)['w.yaml']).toBe('a: 1\r\nb: 2\r\nb2: 3\r\nc: 1\r\n');
    const bare = 'a: 1\nb: 1';
    const barePatch = fixPatch(
      { description: '', edits: [{ file: 'n.yaml', startLine: 2, endLine: 2, replacement: 'b: 2' }] },
      new Map([['n.yaml', bare]]),
    )!;
    expect(gitApply({ 'n.yaml': bare }, barePatch)['n.yaml']).toBe('a: 1\nb: 2');
  });

  it("makes the builders' edits on a CRLF file into a patch git applies, and the file stays CRLF", () => {
    const text =
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: dynatrace\r\n  labels:\r\n' +
      '    istio-injection: enabled\r\n    team: obs\r\n';
    const model = buildModel([parseYamlText('ns.yaml', text)]);
    const document = model.resources[0].document;
    const fix: Fix = {
      description: 'remove the label, add an annotation',
      edits: [
        removeEntryEdit(model, document, ['metadata', 'labels', 'istio-injection'])!,
        setValueEdit(model, document, ['metadata', 'annotations', 'owner'], 'platform')!,
      ],
    };
    const applied = gitApply({ 'ns.yaml': text }, fixPatch(fix, new Map([['ns.yaml', text]]))!)['ns.yaml'];
    expect(applied).toBe(
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: dynatrace\r\n  labels:\r\n' +
        '    team: obs\r\n  annotations:\r\n    owner: platform\r\n',
    );
    expect(applied.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('adds no CR at the end of a CRLF file without a final newline', () => {
    const text = 'a: 1\r\nb: 1';
    const patch = fixPatch(
      { description: '', edits: [{ file: 'w.yaml', startLine: 2, endLine: 2, replacement: 'b: 2' }] },
      new Map([['w.yaml', text]]),
    )!;
    expect(gitApply({ 'w.yaml': text }, patch)['w.yaml']).toBe('a: 1\r\nb: 2');
  });

  it('makes the fix for a value a kustomize patch wrote into a patch of that file that git applies', () => {
    const dynakube =
      'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\n  namespace: dynatrace\n' +
      'spec:\n  apiUrl: https://abc12345.live.dynatrace.com/api\n  enableIstio: true\n' +
      '  oneAgent:\n    cloudNativeFullStack: {}\n';
    const istiod =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n' +
      '  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: istiod\n  values:\n' +
      '    meshConfig:\n      outboundTrafficPolicy:\n        mode: REGISTRY_ONLY\n';
    const overlays: Tree[] = [
      {
        'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: dk-patch.yaml\n',
        'overlay/dk-patch.yaml':
          'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\nspec:\n  enableIstio: false\n',
      },
      {
        'overlay/kustomization.yaml':
          'resources: [../base]\npatches:\n  - target: {kind: DynaKube, name: dk}\n    patch: |-\n' +
          '      - op: replace\n        path: /spec/enableIstio\n        value: false\n',
      },
    ];
    for (const overlay of overlays) {
      const tree: Tree = {
        'istiod.yaml': istiod,
        'base/kustomization.yaml': 'resources: [dk.yaml]\n',
        'base/dk.yaml': dynakube,
        ...overlay,
      };
      const [finding] = runRule(enableIstioRequired, tree);
      const patchFile = Object.keys(overlay).at(-1)!;
      expect(finding.origin.file).toBe(patchFile);
      const patch = fixPatch(finding.fix!, modelOf(tree).files)!;
      expect(patchedFiles(patch)).toEqual([patchFile]);
      const applied = gitApply(tree, patch);
      expect(applied).toEqual(applyFixes(tree, [finding]));
      expect(applied[patchFile]).toMatch(/(enableIstio|value): true\n$/);
      expect(runRule(enableIstioRequired, applied)).toHaveLength(0);
    }
  });

  it('returns nothing when the edits change nothing', () => {
    const fix: Fix = {
      description: '',
      edits: [{ file: 'a.yaml', startLine: 1, endLine: 1, replacement: 'a: 1' }],
    };
    expect(fixPatch(fix, new Map([['a.yaml', 'a: 1\n']]))).toBeUndefined();
  });
});
