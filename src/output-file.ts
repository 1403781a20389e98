import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A report or manifest that cannot be written where the user asked: said in one line, not as an internal error. */
export class OutputError extends Error {}

/**
 * Writes `text` to `target`, making the folders it needs first (as a linter's `--output` does). A failure names the
 * file and the reason in an {@link OutputError}.
 */
export async function writeOutputFile(target: string, text: string): Promise<void> {
  try {
    await makeFolders(path.dirname(path.resolve(target)));
    await fs.writeFile(target, text);
  } catch (error) {
    throw new OutputError(`cannot write ${target}: ${reasonOf(error)}`);
  }
}

/**
 * Makes `folder` and its missing parents one level at a time. Not `mkdir({ recursive: true })`: Node's recursive
 * mkdir never returns (it spins at full CPU) when a parent lies on a file system that answers ENOENT to every new
 * folder, such as `/proc`; one level at a time, that answer is an error like any other.
 */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while (!(await isFolder(current))) {
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing.reverse()) {
    await fs.mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      // Made meanwhile by someone else: fine.
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

async function isFolder(dir: string): Promise<boolean> {
  const stat = await fs.stat(dir).catch(() => undefined);
  return stat?.isDirectory() ?? false;
}

/** Node's `ENOENT: no such file or directory, mkdir '/x'` without the path, which the caller names already. */
function reasonOf(error: unknown): string {
  const message = ((error as Error).message ?? String(error)).split('\n')[0];
  return message.replace(/, \w+ '.*'$/, '');
}
