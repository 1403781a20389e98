// The three functions one by one: the package's index loads every module of semver when the CLI starts.
import satisfies from 'semver/functions/satisfies.js';
import minVersion from 'semver/ranges/min-version.js';
import validRange from 'semver/ranges/valid.js';

/** A release line (`1.28`), or `latest` when the text is a range the newest release satisfies (Helm picks it). */
export type ReleaseLine = { major: number; minor: number } | 'latest';

const FAR_FUTURE = '99.99.99';

/**
 * Reads a version as written in a repository: `1.28.2`, `v1.10.2`, `1.30-latest`, `1.28.x`, `~1.26.0`, `>=1.26`.
 * Returns undefined for text that is no version (a template, a digest).
 */
export function releaseLine(text: string | undefined): ReleaseLine | undefined {
  if (!text) return undefined;
  const trimmed = text.trim().replace(/^v(?=\d)/, '');
  if (/-latest$/.test(trimmed)) return releaseLine(trimmed.replace(/-latest$/, ''));
  const exact = /^(\d+)\.(\d+)(?:\.\d+)?(?:[-+][\w.-]*)?$/.exec(trimmed);
  if (exact) return { major: Number(exact[1]), minor: Number(exact[2]) };
  const range = validRange(trimmed);
  if (!range) return undefined;
  if (satisfies(FAR_FUTURE, range)) return 'latest';
  const lowest = minVersion(range);
  return lowest ? { major: lowest.major, minor: lowest.minor } : undefined;
}

/** Compares a release line with `major.minor`; `latest` is newer than any line. */
export function atLeast(line: ReleaseLine, major: number, minor: number): boolean {
  if (line === 'latest') return true;
  return line.major > major || (line.major === major && line.minor >= minor);
}

export function formatLine(line: ReleaseLine): string {
  return line === 'latest' ? 'latest' : `${line.major}.${line.minor}`;
}

/** The tag of an image reference (`repo/name:1.2.3@sha256:…` → `1.2.3`). */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon < 0 ? undefined : withoutDigest.slice(colon + 1);
}
