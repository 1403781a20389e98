import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/engine.js';
import { bundle } from '../helpers/bundle.js';

/**
 * The bad-input corpus: every file a pull request could contain that is not a well-formed manifest, run through
 * the bundled CLI as a process. Each must end in findings or "could not evaluate" notes with file and line (or in
 * nothing, where there is nothing to say), exit 0 or 1, and leave stderr empty: no crash, no stack trace, no
 * warning printed by a library.
 */
const FIXTURES = path.resolve('__tests__/fixtures/bad-inputs');

interface ExpectedNote {
  line: number;
  reason: RegExp;
}
type Expectation =
  /** These notes (at least), and optionally these rule ids among the findings. */
  | { notes: ExpectedNote[]; findings?: string[]; maxNotes?: number }
  /** Nothing to report: no finding, no note. */
  | 'clean'
  /** Anything, as long as the general guarantees hold (used where the outcome depends on stack size). */
  | 'any';

const note = (line: number, reason: RegExp): ExpectedNote => ({ line, reason });
const SYNTAX = /^YAML syntax error: /;
const TEMPLATE = /^Helm\/Go template syntax/;
const TOO_DEEP = /nested too deeply|syntax error|could not be read/;

/** Committed fixtures, by file name. */
const COMMITTED: Record<string, Expectation> = {
  'malformed-unclosed-flow.yaml': { notes: [note(6, SYNTAX)] },
  'malformed-tab-indent.yaml': { notes: [note(4, SYNTAX)] },
  'malformed-unterminated-quote.yaml': { notes: [note(4, SYNTAX)] },
  'dynakube-spec-number.yaml': {
    notes: [note(6, /^DynaKube spec-is-a-number: spec is the number 3, not a mapping/)],
  },
  'dynakube-enable-istio-maybe.yaml': {
    notes: [note(8, /^DynaKube maybe-istio: spec\.enableIstio is the string "maybe", not a boolean/)],
  },
  'labels-list.yaml': {
    notes: [
      note(5, /^Namespace labels-as-list: metadata\.labels is a list, not a map of strings/),
      note(6, /^Namespace labels-as-list: metadata\.annotations is the number 3/),
    ],
  },
  'metadata-null.yaml': { notes: [note(3, /^DynaKube without metadata\.name/)] },
  'wrong-scalar-types.yaml': {
    notes: [
      note(
        12,
        /^ServiceEntry hosts-a-string: spec\.hosts is the string "abc\.live\.dynatrace\.com", not a list/,
      ),
      note(13, /^ServiceEntry hosts-a-string: spec\.ports is a mapping, not a list/),
      note(22, /^PeerAuthentication mtls-a-list: spec\.mtls is a list, not a mapping/),
      note(23, /^PeerAuthentication mtls-a-list: spec\.selector is the string "app=x"/),
    ],
  },
  'unknown-api-version.yaml': { notes: [], findings: ['dynakube-api-version'] },
  'unknown-kind.yaml': 'clean',
  'empty.yaml': 'clean',
  'only-document-marker.yaml': 'clean',
  'only-markers-and-comments.yaml': 'clean',
  'top-level-scalars.yaml': 'clean',
  'helm-template-values.yaml': { notes: [note(4, TEMPLATE)] },
  'helm-template-control.yaml': { notes: [note(1, TEMPLATE)] },
  'duplicate-keys.yaml': { notes: [note(9, /^duplicate key "enableIstio" \(first at line 7\)/)] },
  'alias-bomb.yaml': { notes: [note(1, /alias/i)] },
  'alias-self-and-undefined.yaml': { notes: [note(1, /alias/i)] },
  'merge-keys-wrong.yaml': { notes: [note(1, /merge/i)] },
  'complex-keys-and-tags.yaml': 'any',
  'list-with-bad-items.yaml': {
    notes: [
      note(4, /^List: item 0 is null, not an object/),
      note(5, /^List: item 1 is the number 3, not an object/),
      note(6, /^List: item 2 is the string "text"/),
      note(7, /^List: item 3 is a list/),
      note(12, /^DynaKube in-a-list: spec is the string "not a map", not a mapping/),
      note(16, /^List: items is the number 3, not a list/),
    ],
  },
  'mesh-configmap-bad-nested.yaml': { notes: [note(10, /^mesh config: YAML syntax error/)] },
  'helmrelease-bad-values.yaml': {
    notes: [note(11, /^HelmRelease istiod: spec\.values is the string "not a map", not a mapping/)],
  },
};

const dynakubeMaybe = (name: string) =>
  [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata:',
    `  name: ${name}`,
    '  namespace: dynatrace',
    'spec:',
    '  enableIstio: "maybe"',
    '',
  ].join('\n');
const MAYBE = /spec\.enableIstio is the string "maybe"/;
const DEPTH = 10_000;

/** Cases built at test time: binary bytes, encodings, and sizes that should not be committed. */
const GENERATED: Record<string, { content: () => string | Buffer; expect: Expectation }> = {
  'crlf-line-endings.yaml': {
    content: () => dynakubeMaybe('crlf').replace(/\n/g, '\r\n'),
    expect: { notes: [note(7, MAYBE)] },
  },
  'byte-order-mark.yaml': {
    content: () => `\uFEFF${dynakubeMaybe('bom')}`,
    expect: { notes: [note(7, MAYBE)] },
  },
  'binary-elf.yaml': {
    content: () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
    expect: { notes: [note(1, /binary/)] },
  },
  'utf16le-bom.yaml': {
    content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dynakubeMaybe('utf16'), 'utf16le')]),
    expect: { notes: [note(1, /binary/)] },
  },
  'latin1-not-utf8.yaml': {
    content: () => Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: café\n', 'latin1'),
    expect: { notes: [note(4, /not valid UTF-8/)] },
  },
  'over-size-limit.yaml': {
    content: () => `${dynakubeMaybe('big')}# ${'x'.repeat(MAX_FILE_BYTES)}\n`,
    expect: { notes: [note(1, /larger than/)] },
  },
  'at-size-limit.yaml': {
    content: () => {
      const head = `${dynakubeMaybe('at-limit')}# `;
      return `${head}${'x'.repeat(MAX_FILE_BYTES - head.length - 1)}\n`;
    },
    expect: { notes: [note(7, MAYBE)] },
  },
  'deep-flow-sequence.yaml': {
    content: () => `a: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
    expect: { notes: [note(1, TOO_DEEP)] },
  },
  'deep-flow-mapping.yaml': {
    content: () => `a: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`,
    expect: { notes: [note(1, TOO_DEEP)] },
  },
  'deep-compact-sequence.yaml': {
    content: () => `${'- '.repeat(DEPTH)}x\n`,
    expect: { notes: [note(1, TOO_DEEP)] },
  },
  'deep-in-a-dynakube.yaml': {
    content: () =>
      `${dynakubeMaybe('deep').replace('  enableIstio: "maybe"\n', '')}  namespaceSelector: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`,
    expect: { notes: [note(7, TOO_DEEP)] },
  },
  'deep-block-mapping.yaml': {
    content: () => {
      const lines = Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`);
      return `${lines.join('\n')}\n${' '.repeat(1000)}v\n`;
    },
    expect: 'any',
  },
  'enormous-name.yaml': {
    content: () =>
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${'n'.repeat(1_900_000)}\n  labels: [a]\n`,
    expect: { notes: [note(5, /metadata\.labels is a list/)] },
  },
  'enormous-values.yaml': {
    content: () =>
      `${dynakubeMaybe('huge')}  apiUrl: https://${'a'.repeat(900_000)}.live.dynatrace.com/api\n  networkZone: ${'z'.repeat(900_000)}\n`,
    expect: { notes: [note(7, MAYBE)] },
  },
  'enormous-single-line.yaml': {
    content: () => `[${'1,'.repeat(200_000)}1]\n`,
    expect: 'clean',
  },
  'many-duplicate-keys.yaml': {
    content: () => 'a: 1\n'.repeat(100_000),
    expect: {
      notes: [
        note(2, /^duplicate key "a" \(first at line 1\)/),
        note(22, /^99979 more problem\(s\) in this file/),
      ],
      maxNotes: 21,
    },
  },
  'list-of-many-bad-items.yaml': {
    content: () => `apiVersion: v1\nkind: List\nitems:\n${'  - 3\n'.repeat(100_000)}`,
    expect: {
      notes: [note(4, /^List: item 0 is the number 3/), note(24, /^99980 more problem/)],
      maxNotes: 21,
    },
  },
  'many-documents.yaml': {
    content: () => `${'---\na: 1\n'.repeat(10_000)}---\n${dynakubeMaybe('last')}`,
    expect: { notes: [note(10_000 * 2 + 8, MAYBE)] },
  },
};

let cli: string;
let workdir: string;
beforeAll(() => {
  cli = bundle('cli');
  workdir = mkdtempSync(path.join(tmpdir(), 'dkig-corpus-'));
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; endLine: number; message: string }[];
  notEvaluable: { file: string; line: number; reason: string }[];
}

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

function content(name: string): Buffer {
  if (name in GENERATED) {
    const made = GENERATED[name].content();
    return typeof made === 'string' ? Buffer.from(made) : made;
  }
  return readFileSync(path.join(FIXTURES, name));
}

/** Lines a finding or note may point at: 1 … the file's last line. */
function lastLine(bytes: Buffer): number {
  const text = bytes.toString('utf8').trimEnd();
  return Math.max(1, text.split(/\r?\n/).length);
}

function expectWellFormed(report: JsonReport, files: Map<string, Buffer>): void {
  for (const entry of [...report.findings, ...report.notEvaluable]) {
    expect(files.has(entry.file)).toBe(true);
    expect(Number.isInteger(entry.line)).toBe(true);
    expect(entry.line).toBeGreaterThanOrEqual(1);
    expect(entry.line).toBeLessThanOrEqual(lastLine(files.get(entry.file)!));
  }
  for (const item of report.notEvaluable) expect(item.reason.length).toBeLessThan(400);
  for (const finding of report.findings) expect(finding.message.length).toBeLessThan(2000);
}

function expectOutcome(name: string, expectation: Expectation, report: JsonReport): void {
  const notes = report.notEvaluable.filter((item) => item.file === name);
  const findings = report.findings.filter((item) => item.file === name);
  if (expectation === 'any') return;
  if (expectation === 'clean') {
    expect({ name, notes, findings }).toEqual({ name, notes: [], findings: [] });
    return;
  }
  for (const wanted of expectation.notes) {
    const found = notes.some((item) => item.line === wanted.line && wanted.reason.test(item.reason));
    if (!found)
      throw new Error(
        `${name}: no note at line ${wanted.line} matching ${wanted.reason}; got ${JSON.stringify(notes)}`,
      );
  }
  if (expectation.maxNotes !== undefined) expect(notes.length).toBeLessThanOrEqual(expectation.maxNotes);
  expect(findings.map((finding) => finding.ruleId)).toEqual(
    expect.arrayContaining(expectation.findings ?? []),
  );
}

const committedOnDisk = readdirSync(FIXTURES).sort();
const allCases: [string, Expectation][] = [
  ...Object.entries(COMMITTED),
  ...Object.entries(GENERATED).map(([name, generated]): [string, Expectation] => [name, generated.expect]),
];

describe('bad-input corpus through the bundled CLI', () => {
  it('lists every committed fixture in the table (a new fixture needs an expectation)', () => {
    expect(committedOnDisk).toEqual(Object.keys(COMMITTED).sort());
  });

  it.each(allCases)(
    '%s: exits 0/1 with a clean stderr, and reports it with file and line',
    (name, expectation) => {
      const dir = path.join(workdir, name.replace(/\W/g, '_'));
      mkdirSync(dir, { recursive: true });
      const bytes = content(name);
      writeFileSync(path.join(dir, name), bytes);
      const { code, stdout, stderr, signal } = runCli(['check', '--repo', dir, '--format', 'json']);
      expect({ signal, stderr }).toEqual({ signal: null, stderr: '' });
      expect([0, 1]).toContain(code);
      const report = JSON.parse(stdout) as JsonReport;
      expectWellFormed(report, new Map([[name, bytes]]));
      expectOutcome(name, expectation, report);
      // Nothing read from the file is echoed at length: an enormous value cannot blow up the output.
      expect(stdout.length).toBeLessThan(200_000);
    },
  );

  describe('the whole corpus in one repository, as base and as head', () => {
    let dir: string;
    let files: Map<string, Buffer>;
    beforeAll(() => {
      dir = path.join(workdir, 'all');
      files = new Map(allCases.map(([name]) => [name, content(name)]));
      for (const side of ['base', 'head']) {
        mkdirSync(path.join(dir, side), { recursive: true });
        for (const [name, bytes] of files) writeFileSync(path.join(dir, side, name), bytes);
      }
      // A good file next to the bad ones is still checked: the corpus does not hide findings.
      writeFileSync(
        path.join(dir, 'head', 'good-dynakube.yaml'),
        readFileSync(path.join(FIXTURES, 'unknown-api-version.yaml'), 'utf8').replace(
          'from-the-future',
          'good',
        ),
      );
    });

    it.each(['json', 'text', 'markdown'])('renders --format %s without a crash', (format) => {
      const { code, stdout, stderr } = runCli([
        'check',
        '--base',
        path.join(dir, 'base'),
        '--head',
        path.join(dir, 'head'),
        '--format',
        format,
        '--fail-on',
        'warning',
      ]);
      // good-dynakube.yaml adds a new dynakube-api-version warning: the check still decides, and says why.
      expect(stderr).toBe("dynakube-istio-guard: failing on 1 new finding(s) at or above 'warning'\n");
      expect(code).toBe(1);
      if (format !== 'json') return expect(stdout).toMatch(/good-dynakube\.yaml/);
      const report = JSON.parse(stdout) as JsonReport;
      expectWellFormed(report, new Map([...files, ['good-dynakube.yaml', Buffer.from('x\n'.repeat(20))]]));
      for (const [name, expectation] of allCases) expectOutcome(name, expectation, report);
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          ruleId: 'dynakube-api-version',
          file: 'good-dynakube.yaml',
          status: 'new',
        }),
      );
    });
  });
});
