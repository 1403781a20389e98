import { jest } from '@jest/globals';
import { main } from '../../src/cli-commands.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** The current directory of the run (restored after it): where relative paths on the command line start. */
  cwd?: string;
}

/**
 * Runs a CLI command line in this process (no bundle to build), with what it writes to stdout and stderr caught.
 * `NO_COLOR` is set as for a pipe, so text output has no escape sequences.
 */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const written = { stdout: '', stderr: '' };
  const catchWrites = (stream: 'stdout' | 'stderr') =>
    jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
  const spies = [catchWrites('stdout'), catchWrites('stderr')];
  const noColor = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  const cwd = process.cwd();
  try {
    if (options.cwd) process.chdir(options.cwd);
    const code = await main(args);
    return { code, ...written };
  } finally {
    process.chdir(cwd);
    for (const spy of spies) spy.mockRestore();
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}
