import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeFolders, OutputError, writeOutputFile } from '../src/output-file.js';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dkig-output-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeOutputFile', () => {
  it('makes the missing folders of the target and writes it', async () => {
    const target = path.join(tempDir(), 'a', 'b', 'c', 'report.json');
    await writeOutputFile(target, '{"version":1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"version":1}\n');
  });

  it('writes into a folder that exists, replacing an older file', async () => {
    const target = path.join(tempDir(), 'report.txt');
    writeFileSync(target, 'old');
    await writeOutputFile(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('names the file and the reason when a part of the path is a file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'plain'), 'x');
    const target = path.join(dir, 'plain', 'sub', 'report.json');
    const failure = writeOutputFile(target, '{}');
    await expect(failure).rejects.toThrow(OutputError);
    await expect(failure).rejects.toThrow(`cannot write ${target}: ENOTDIR: not a directory`);
  });

  it('names the file when the target is a folder', async () => {
    const dir = tempDir();
    await expect(writeOutputFile(dir, '{}')).rejects.toThrow(`cannot write ${dir}: EISDIR`);
  });
});

describe('makeFolders', () => {
  it('makes every missing level and accepts folders that exist', async () => {
    const dir = path.join(tempDir(), 'x', 'y');
    await makeFolders(dir);
    await makeFolders(dir);
    expect(existsSync(dir)).toBe(true);
  });

  // Node's recursive mkdir spins forever there (every new folder answers ENOENT): one level at a time must fail.
  const procMounted = existsSync('/proc/self');
  (procMounted ? it : it.skip)(
    'fails, and returns, under /proc',
    async () => {
      await expect(makeFolders('/proc/dkig-output-test/a/b')).rejects.toThrow(/ENOENT/);
    },
    10_000,
  );
});
