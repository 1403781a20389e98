import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ALL_RULES } from '../../src/rules/index.js';
import type { buildSarif } from '../../src/report/sarif.js';
import { mixedRepo } from '../helpers/mixed-repo.js';
import { runCli } from './run-in-process.js';

/** The JSON contract of DESIGN §6, `version: 1`. */
interface ContractFinding {
  ruleId: string;
  severity: string;
  status: string;
  message: string;
  file: string;
  line: number;
  endLine: number;
  resource: string;
  docs: string;
  fix?: {
    description: string;
    edits: { file: string; startLine: number; endLine: number; replacement: string }[];
  };
}

let repo: string;
let json: { code: number; stdout: string; stderr: string };
let sarif: { code: number; stdout: string; stderr: string };
const args = () => [
  'check',
  '--repo',
  repo,
  '--base',
  path.join(repo, 'base'),
  '--head',
  path.join(repo, 'head'),
];

beforeAll(async () => {
  repo = mixedRepo();
  json = await runCli([...args(), '--format', 'json', '--output-dir', path.join(repo, 'out')]);
  sarif = await runCli([...args(), '--format', 'sarif']);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const RULE_DOCS = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule.meta.docs]));

/** A path as the contract writes it: relative to the tree, `/`-separated, no `./`, `..` or empty segment. */
function expectRepoRelative(file: string): void {
  expect(file).not.toBe('');
  expect(file).not.toMatch(/^\/|^[A-Za-z]:|\\/);
  expect(file.split('/')).not.toContain('..');
  expect(file.split('/')).not.toContain('.');
  expect(file.split('/')).not.toContain('');
}

function lineCount(side: 'base' | 'head', file: string): number {
  return readFileSync(path.join(repo, side, file), 'utf8').split('\n').length;
}

describe('the JSON report of a run with every part of the contract', () => {
  it('has exactly the fields of DESIGN §6 at the top, and report.json in --output-dir is the same report', () => {
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report).sort()).toEqual(
      ['changes', 'findings', 'generated', 'notEvaluable', 'summary', 'version'].sort(),
    );
    expect(report.version).toBe(1);
    expect(JSON.parse(readFileSync(path.join(repo, 'out/report.json'), 'utf8'))).toEqual(report);
    // Every part is there, so each check below checks something.
    const statuses = new Set(report.findings.map((f: ContractFinding) => f.status));
    expect([...statuses].sort()).toEqual(['fixed', 'new', 'unchanged']);
    expect(report.findings.some((f: ContractFinding) => f.fix)).toBe(true);
    for (const part of ['generated', 'changes', 'notEvaluable'])
      expect(report[part].length).toBeGreaterThan(0);
  });

  it('summary counts equal the findings: severities of the open ones, statuses of all', () => {
    const { summary, findings } = JSON.parse(json.stdout) as {
      summary: Record<string, number>;
      findings: ContractFinding[];
    };
    const open = findings.filter((f) => f.status !== 'fixed');
    expect(summary).toEqual({
      errors: open.filter((f) => f.severity === 'error').length,
      warnings: open.filter((f) => f.severity === 'warning').length,
      infos: open.filter((f) => f.severity === 'info').length,
      new: findings.filter((f) => f.status === 'new').length,
      unchanged: findings.filter((f) => f.status === 'unchanged').length,
      fixed: findings.filter((f) => f.status === 'fixed').length,
    });
    // The exit status follows the default threshold: new errors fail.
    expect(json.code).toBe(findings.some((f) => f.status === 'new' && f.severity === 'error') ? 1 : 0);
  });

  it('findings: each field with its type and meaning, lines inside the file they name', () => {
    const { findings } = JSON.parse(json.stdout) as { findings: ContractFinding[] };
    for (const finding of findings) {
      const keys = Object.keys(finding).sort();
      expect(keys).toEqual(
        [
          'docs',
          'endLine',
          'file',
          'line',
          'message',
          'resource',
          'ruleId',
          'severity',
          'status',
          ...(finding.fix ? ['fix'] : []),
        ].sort(),
      );
      expect(RULE_DOCS.get(finding.ruleId)).toBe(finding.docs);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      expect(['new', 'unchanged', 'fixed']).toContain(finding.status);
      expect(finding.message).toMatch(/\S/);
      expect(finding.resource).toMatch(/\S/);
      expectRepoRelative(finding.file);
      // A fixed finding is where it was on base; an open one where it is on head.
      const side = finding.status === 'fixed' ? 'base' : 'head';
      expect(existsSync(path.join(repo, side, finding.file))).toBe(true);
      expect(Number.isInteger(finding.line) && Number.isInteger(finding.endLine)).toBe(true);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
      expect(finding.endLine).toBeLessThanOrEqual(lineCount(side, finding.file));
      if (!finding.fix) continue;
      expect(Object.keys(finding.fix).sort()).toEqual(['description', 'edits']);
      expect(finding.fix.description).toMatch(/\S/);
      expect(finding.fix.edits.length).toBeGreaterThan(0);
      for (const edit of finding.fix.edits) {
        expect(Object.keys(edit).sort()).toEqual(['endLine', 'file', 'replacement', 'startLine']);
        expectRepoRelative(edit.file);
        expect(typeof edit.replacement).toBe('string');
        // 1-based and inclusive; startLine = endLine + 1 inserts before startLine (a new file: 1, 0).
        expect(edit.startLine).toBeGreaterThanOrEqual(1);
        expect(edit.endLine).toBeGreaterThanOrEqual(edit.startLine - 1);
        if (existsSync(path.join(repo, side, edit.file)))
          expect(edit.endLine).toBeLessThanOrEqual(lineCount(side, edit.file));
        else expect([edit.startLine, edit.endLine]).toEqual([1, 0]);
      }
    }
  });

  it('generated: kind, namespace, name, file and YAML that parses to that object', () => {
    const { generated } = JSON.parse(json.stdout) as {
      generated: { kind: string; namespace: string; name: string; file?: string; yaml: string }[];
    };
    for (const manifest of generated) {
      expect(Object.keys(manifest).sort()).toEqual(
        ['file', 'kind', 'name', 'namespace', 'yaml'].filter(
          (key) => key !== 'file' || manifest.file !== undefined,
        ),
      );
      if (manifest.file !== undefined) expectRepoRelative(manifest.file);
      const documents = parseAllDocuments(manifest.yaml);
      expect(Array.isArray(documents) && documents.length).toBe(1);
      const [document] = documents as ReturnType<typeof parseAllDocuments> & unknown[];
      expect(document.errors).toEqual([]);
      expect(document.toJS()).toMatchObject({
        kind: manifest.kind,
        metadata: { name: manifest.name, namespace: manifest.namespace },
      });
    }
  });

  it('changes: resource, path, before and after present; file and line when known', () => {
    const { changes } = JSON.parse(json.stdout) as { changes: Record<string, unknown>[] };
    for (const change of changes) {
      expect(Object.keys(change)).toEqual(expect.arrayContaining(['resource', 'path', 'before', 'after']));
      expect(typeof change.resource).toBe('string');
      expect(typeof change.path).toBe('string');
      expect(change.before === null && change.after === null).toBe(false);
      expect(change.before).not.toEqual(change.after);
      if (change.file === undefined) continue;
      expectRepoRelative(change.file as string);
      expect(change.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('notEvaluable: file and 1-based line of what could not be read, and why', () => {
    const { notEvaluable } = JSON.parse(json.stdout) as {
      notEvaluable: { file: string; line: number; reason: string }[];
    };
    for (const note of notEvaluable) {
      expect(Object.keys(note).sort()).toEqual(['file', 'line', 'reason']);
      expectRepoRelative(note.file);
      expect(Number.isInteger(note.line) && note.line >= 1).toBe(true);
      expect(note.line).toBeLessThanOrEqual(lineCount('head', note.file));
      expect(note.reason).toMatch(/\S/);
    }
    expect(notEvaluable).toContainEqual(
      expect.objectContaining({ file: 'apps/my app/brökèn.yaml', line: 3 }),
    );
  });
});

describe('the SARIF report of the same run, against what code scanning accepts', () => {
  /** What the renderer builds; parsed back from the CLI's output, so a field it forgot is `undefined` here. */
  type Sarif = ReturnType<typeof buildSarif> & {
    runs: { tool: { driver: { semanticVersion?: string } } }[];
  };

  it('has the log, run and tool fields code scanning requires, and every rule documented', () => {
    expect(sarif.stderr).toBe('');
    const log = JSON.parse(sarif.stdout) as Sarif;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('dynakube-istio-guard');
    expect(driver.semanticVersion).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const ids = driver.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of driver.rules) {
      for (const text of [rule.shortDescription.text, rule.fullDescription.text, rule.help.text])
        expect(text.length > 0 && text.length <= 1024).toBe(true);
      expect(rule.name.length).toBeLessThanOrEqual(255);
      expect(['note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
      expect(rule.helpUri).toBe(RULE_DOCS.get(rule.id));
      // The rule's page exists where helpUri points (the repository's docs/rules/<id>.md).
      expect(rule.helpUri).toMatch(new RegExp(`/blob/main/docs/rules/${rule.id}\\.md$`));
      expect(existsSync(`docs/rules/${rule.id}.md`)).toBe(true);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(10);
    }
  });

  it('results: the open findings, each with a known rule, its index, a level and a relative location', () => {
    const log = JSON.parse(sarif.stdout) as Sarif;
    const [run] = log.runs;
    const findings = (JSON.parse(json.stdout) as { findings: ContractFinding[] }).findings;
    const open = findings.filter((f) => f.status !== 'fixed');
    expect(run.results).toHaveLength(open.length);
    run.results.forEach((result, i) => {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.ruleId).toBe(open[i].ruleId);
      expect(['note', 'warning', 'error']).toContain(result.level);
      expect(result.message.text).toMatch(/\S/);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^(\.\/|\/|[a-z]+:)/i);
      expect(decodeURIComponent(artifactLocation.uri)).toBe(open[i].file);
      expect(artifactLocation.uri).not.toMatch(/[ \u0080-\uffff]/);
      expect(region.startLine).toBe(open[i].line);
      expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
      // Whole lines: from column 1 to the column after the last line's end.
      const lastLine = readFileSync(path.join(repo, 'head', open[i].file), 'utf8').split('\n')[
        region.endLine - 1
      ];
      expect([region.startColumn, region.endColumn]).toEqual([1, lastLine.length + 1]);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    });
    const fingerprints = run.results.map((result) => result.partialFingerprints.primaryLocationLineHash);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('gives the same fingerprints on a second run', async () => {
    const again = await runCli([...args(), '--format', 'sarif']);
    expect(again.stdout).toBe(sarif.stdout);
  });
});
