/** Where a fact came from: the file a person edits, 1-based lines, and the YAML path inside the document. */
export interface Origin {
  file: string;
  line: number;
  endLine?: number;
  /** Dotted YAML path inside the document, e.g. `spec.enableIstio`. */
  path?: string;
}

/** A value together with where it was read. `defaulted` marks values that come from a default, not the repo. */
export interface Fact<T> {
  value: T;
  origin: Origin;
  defaulted?: boolean;
}

/** Something that decides a rule but could not be read. */
export interface NotEvaluable {
  file: string;
  line: number;
  reason: string;
}

export function fact<T>(value: T, origin: Origin, defaulted = false): Fact<T> {
  return defaulted ? { value, origin, defaulted } : { value, origin };
}
