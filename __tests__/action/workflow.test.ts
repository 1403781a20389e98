import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as actionsCore from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as workflow from '../../src/action/workflow.js';

/** What a function writes to stdout. */
function stdoutOf(run: () => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

const withoutDelimiters = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER');

describe('the workflow commands the action writes', () => {
  let dir: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dkig-workflow-'));
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const annotationCases: [string, workflow.AnnotationProperties | undefined][] = [
    ['plain: 100% sure\nsecond line\r', undefined],
    ['with properties', { title: 'rule: a,b', file: 'dir/a b.yaml', startLine: 3, endLine: 5 }],
    ['line zero is left out', { file: 'x.yaml', startLine: 0 }],
  ];

  it.each(annotationCases)('annotates like @actions/core: %s', (message, properties) => {
    for (const kind of ['error', 'warning', 'notice'] as const) {
      expect(stdoutOf(() => workflow[kind](message, properties))).toBe(
        stdoutOf(() => actionsCore[kind](message, properties)),
      );
    }
  });

  it('writes debug, info, masks and failures like @actions/core', () => {
    const ours = stdoutOf(() => {
      workflow.debug('a%b');
      workflow.info('hello');
      workflow.setSecret('s3cr3t');
      workflow.setFailed(new Error('broken'));
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    const theirs = stdoutOf(() => {
      actionsCore.debug('a%b');
      actionsCore.info('hello');
      actionsCore.setSecret('s3cr3t');
      actionsCore.setFailed(new Error('broken'));
    });
    expect(ours).toBe(theirs);
  });

  it('reads inputs like @actions/core', () => {
    process.env['INPUT_FAIL-ON'] = '  warning \n';
    process.env.INPUT_SOME_NAME = 'x';
    for (const name of ['fail-on', 'some name', 'missing'])
      expect(workflow.getInput(name)).toBe(actionsCore.getInput(name));
  });

  it('appends outputs and the summary to the runner files like @actions/core', async () => {
    const read = (file: string) => withoutDelimiters(readFileSync(file, 'utf8'));
    const run = async (api: typeof workflow | typeof actionsCore, name: string) => {
      const output = path.join(dir, `${name}-output`);
      const summary = path.join(dir, `${name}-summary`);
      writeFileSync(output, '');
      writeFileSync(summary, '');
      process.env.GITHUB_OUTPUT = output;
      process.env.GITHUB_STEP_SUMMARY = summary;
      api.setOutput('errors', 2);
      api.setOutput('report', 'multi\nline');
      api.setOutput('missing', undefined);
      await api.summary.addRaw('# title\n').addRaw('body').write();
      return { output: read(output), summary: read(summary) };
    };
    const ours = await run(workflow, 'ours');
    expect(ours).toEqual(await run(actionsCore, 'theirs'));
    expect(ours.output).toContain('report<<DELIMITER\nmulti\nline\nDELIMITER');
  });

  it('prints a masked value only in its add-mask command; logs, outputs and the summary get ***', async () => {
    const secret = 'ghp_maskedValue123';
    const output = path.join(dir, 'output');
    const summary = path.join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    process.env.GITHUB_OUTPUT = output;
    process.env.GITHUB_STEP_SUMMARY = summary;
    const printed = stdoutOf(() => {
      workflow.setSecret(secret);
      workflow.info(`token ${secret} echoed`);
      workflow.warning(`HTTP 401: bad ${secret}`, { title: secret });
      workflow.debug(secret);
    });
    workflow.setOutput('report', `x${secret}y`);
    await workflow.summary.addRaw(`> ${secret}`).write();
    expect(printed.split('\n')).toEqual([
      `::add-mask::${secret}`,
      'token *** echoed',
      '::warning title=***::HTTP 401: bad ***',
      '::debug::***',
      '',
    ]);
    expect(readFileSync(output, 'utf8')).toContain('\nx***y\n');
    expect(readFileSync(summary, 'utf8')).toBe('> ***');
    expect(workflow.redact(`a${secret}b${secret}`)).toBe('a***b***');
  });

  it('fails to write the summary without $GITHUB_STEP_SUMMARY, as @actions/core does', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(workflow.summary.addRaw('x').write()).rejects.toThrow('GITHUB_STEP_SUMMARY');
  });
});
