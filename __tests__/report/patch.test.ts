import { describe, expect, it } from '@jest/globals';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyEdits, removeEntryEdit, setValueEdit } from '../../src/rules/edits.js';
import { buildModel } from '../../src/model/build.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import type { Fix, TextEdit } from '../../src/rules/types.js';
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

  it('quotes file names with line breaks, quotes or backslashes as git does, so the patch still applies', () => {
    const file = 'evil\nnext.yaml:1  error "q" \\ [new].yaml';
    const patch = fixPatch(
      { description: '', edits: [{ file, startLine: 1, endLine: 1, replacement: 'a: 2' }] },
      new Map([[file, 'a: 1\n']]),
    )!;
    expect(patch.split('\n').slice(0, 3)).toEqual([
      'diff --git "a/evil\\nnext.yaml:1  error \\"q\\" \\\\ [new].yaml" "b/evil\\nnext.yaml:1  error \\"q\\" \\\\ [new].yaml"',
      '--- "a/evil\\nnext.yaml:1  error \\"q\\" \\\\ [new].yaml"',
      '+++ "b/evil\\nnext.yaml:1  error \\"q\\" \\\\ [new].yaml"',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'dkig-patch-'));
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(path.join(dir, file), 'a: 1\n');
    writeFileSync(path.join(dir, 'fix.patch'), patch);
    execFileSync('git', ['-C', dir, 'apply', 'fix.patch']);
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe('a: 2\n');
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

describe('fixPatch on a part of a big file', () => {
  /** The patch of the whole file, as it was made before patches were made from the lines around the edits. */
  function wholeFilePatch(file: string, text: string, edits: TextEdit[]): string | undefined {
    const after = applyEdits(text, edits);
    if (after === text) return undefined;
    const body = createTwoFilesPatch(`a/${file}`, `b/${file}`, text, after, undefined, undefined, {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    });
    return `diff --git a/${file} b/${file}\n${body.replace(/^=+\n/, '')}`;
  }

  /** A file of repeated manifest-like lines (the same lines recur, as in a rendered manifest). */
  const fileArbitrary = fc
    .record({
      lines: fc.array(fc.constantFrom('kind: Deployment', '  labels:', '    app: web', '  - name: a', ''), {
        minLength: 1,
        maxLength: 160,
        size: 'max',
      }),
      crlf: fc.integer({ min: 0, max: 3 }),
      finalBreak: fc.boolean(),
    })
    .map(({ lines, crlf, finalBreak }) => {
      // crlf: 0 = LF, 1 = CRLF, 2 = every third line CRLF, 3 = CRLF in the first two thirds only (so the lines
      // around an edit near the end can have another dominant line break than the file).
      const isCrlf = (index: number) =>
        crlf === 1 || (crlf === 2 && index % 3 === 0) || (crlf === 3 && index < (lines.length * 2) / 3);
      const breaks = lines.map((_, index) => (isCrlf(index) ? '\r\n' : '\n'));
      const body = lines.map((line, index) => line + breaks[index]).join('');
      return finalBreak ? body : body.replace(/\r?\n$/, '');
    });

  it('is the patch of the whole file, with the same line numbers, for any edits', () => {
    fc.assert(
      fc.property(
        fileArbitrary,
        fc.array(
          fc.record({
            at: fc.nat({ max: 200 }),
            remove: fc.integer({ min: 0, max: 3 }),
            replacement: fc.constantFrom('', '    team: obs', '  annotations:\n    a: b', 'kind: Deployment'),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        (text, drafts) => {
          const lineCount = text.split('\n').length;
          // Non-overlapping edits: each drafted edit takes its own stretch of the file.
          const edits: TextEdit[] = [];
          let next = 1;
          for (const draft of drafts) {
            const startLine = next + (draft.at % 80);
            if (startLine > lineCount + 1) break;
            const endLine = Math.min(lineCount, startLine + draft.remove - 1);
            edits.push({ file: 'm.yaml', startLine, endLine, replacement: draft.replacement });
            next = Math.max(startLine, endLine) + 2;
          }
          fc.pre(edits.length > 0);
          const fix: Fix = { description: '', edits };
          expect(fixPatch(fix, new Map([['m.yaml', text]]))).toBe(wholeFilePatch('m.yaml', text, edits));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gives added lines the file's dominant line break, not that of the lines around them", () => {
    // CRLF in the first 100 lines, LF in the last 60: an insertion among the LF lines still takes CRLF, as a patch
    // of the whole file did.
    const lines = Array.from({ length: 160 }, (_, index) => `line${index + 1}: x${index < 100 ? '\r' : ''}`);
    const text = lines.join('\n') + '\n';
    const edits: TextEdit[] = [{ file: 'm.yaml', startLine: 140, endLine: 139, replacement: 'added: y' }];
    const patch = fixPatch({ description: '', edits }, new Map([['m.yaml', text]]))!;
    expect(patch).toBe(wholeFilePatch('m.yaml', text, edits));
    expect(patch).toContain('+added: y\r\n');
  });

  it('numbers the hunk of an edit deep in a long file as in the file', () => {
    const text = Array.from({ length: 500 }, (_, index) => `line${index + 1}: x`).join('\n') + '\n';
    const patch = fixPatch(
      {
        description: '',
        edits: [{ file: 'm.yaml', startLine: 400, endLine: 400, replacement: 'line400: y' }],
      },
      new Map([['m.yaml', text]]),
    )!;
    expect(patch).toContain('@@ -397,7 +397,7 @@');
    expect(gitApply({ 'm.yaml': text }, patch)['m.yaml']).toBe(text.replace('line400: x', 'line400: y'));
  });
});
