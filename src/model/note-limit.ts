import type { NotEvaluable } from './provenance.js';

/**
 * A file can yield thousands of notes (a mapping with 100,000 duplicate keys, a `kind: List` of numbers). The first
 * few say what is wrong; the rest would only bury the other files' notes and blow up the comment.
 */
export const MAX_NOTES_PER_FILE = 20;

/** The first `MAX_NOTES_PER_FILE` notes of each file in their order, then one note counting the rest. */
export function limitNotesPerFile(
  notes: readonly NotEvaluable[],
  limit = MAX_NOTES_PER_FILE,
): NotEvaluable[] {
  const kept: NotEvaluable[] = [];
  const dropped = new Map<string, { first: NotEvaluable; count: number }>();
  const counts = new Map<string, number>();
  for (const note of notes) {
    const count = (counts.get(note.file) ?? 0) + 1;
    counts.set(note.file, count);
    if (count <= limit) kept.push(note);
    else {
      const entry = dropped.get(note.file);
      if (entry) entry.count++;
      else dropped.set(note.file, { first: note, count: 1 });
    }
  }
  for (const [file, { first, count }] of dropped)
    kept.push({ file, line: first.line, reason: `${count} more problem(s) in this file are not listed` });
  return kept;
}
