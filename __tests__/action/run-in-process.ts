import { jest } from '@jest/globals';
import { run } from '../../src/action/main.js';
import { runnerFiles, type RunOptions, type RunResult } from './harness.js';

/**
 * Runs the action from `src/` in this process (no bundle to build), with the environment and runner files the
 * bundled run gets (see harness.ts; the workspace is `GITHUB_WORKSPACE`, the current folder stays): what it
 * writes to stdout and stderr is caught, and the exit code is the `process.exitCode` it set, reset afterwards.
 */
export async function runActionInProcess(options: Omit<RunOptions, 'bundle'>): Promise<RunResult> {
  const runner = await runnerFiles(options);
  const written = { stdout: '', stderr: '' };
  const catchWrites = (stream: 'stdout' | 'stderr') =>
    jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
  const savedEnv = process.env;
  const spies = [catchWrites('stdout'), catchWrites('stderr')];
  process.env = { ...runner.env };
  try {
    await run();
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return { code, ...written, ...(await runner.collect()) };
  } finally {
    process.exitCode = undefined;
    process.env = savedEnv;
    for (const spy of spies) spy.mockRestore();
  }
}
