import type { NotEvaluable } from '../model/provenance.js';

/** Where the files of one side (base or head) come from. Paths are repository-relative with `/` separators. */
export interface FileSource {
  /** A short description for messages, e.g. `directory examples/x/head` or `git ref main`. */
  readonly label: string;
  list(): Promise<string[]>;
  read(path: string): Promise<string | undefined>;
  /** The same as {@link read}, for sources that read synchronously (a directory): no promise per file. */
  readNow?(path: string): string | undefined;
  /**
   * The git blob id of a file when the source knows it without reading the file (a git ref does). Lets a file
   * that is the same on base and head be parsed once and read once.
   */
  blobId?(path: string): Promise<string | undefined>;
  /**
   * The source whose file at `path` is this source's file too, byte for byte (the head, for a pull request's base
   * built from it): the file is then neither read nor hashed again.
   */
  sameFileIn?(path: string): FileSource | undefined;
  /** Entries `list()` passed over on purpose and a reviewer should know about (symlinks leaving the tree). */
  skipped?(): NotEvaluable[];
}

export interface FileSelection {
  include: string[];
  exclude: string[];
}

export const DEFAULT_SELECTION: FileSelection = {
  include: ['**/*.yaml', '**/*.yml'],
  exclude: [],
};

/** Folders never read: version control internals and installed packages. */
export const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
