// The functions one by one: the package's index loads every module of semver when the CLI starts.
import satisfies from 'semver/functions/satisfies.js';
import intersects from 'semver/ranges/intersects.js';
import minVersion from 'semver/ranges/min-version.js';
import toComparators from 'semver/ranges/to-comparators.js';
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
  // Masterminds/semver (Helm, Flux, Argo CD) reads `,` as AND, node-semver a space.
  const range = validRange(trimmed.replace(/\s*,\s*/g, ' '));
  if (!range) return undefined;
  if (satisfies(FAR_FUTURE, range)) return 'latest';
  return newestLine(range);
}

/**
 * The newest release line a range allows: Helm resolves a dependency range, Flux's source-controller a
 * HelmRelease's `version` and Argo CD a chart `targetRevision` to the newest version that satisfies it, so
 * `>=1.22 <1.25` installs 1.24 and `^1.22.0` the newest 1.x (`latest`). The lines tried are the lowest one and those
 * just under each upper bound.
 */
function newestLine(range: string): ReleaseLine | undefined {
  const lowest = minVersion(range);
  const candidates = lowest ? [{ major: lowest.major, minor: lowest.minor }] : [];
  for (const comparator of toComparators(range).flat()) {
    const upper = /^<=?(\d+)\.(\d+)\./.exec(comparator);
    if (!upper) continue;
    const [major, minor] = [Number(upper[1]), Number(upper[2])];
    if (minor === 0 && major > 0 && satisfies(`${major - 1}.99999.0`, range)) return 'latest';
    candidates.push({ major, minor }, ...(minor > 0 ? [{ major, minor: minor - 1 }] : []));
  }
  return candidates
    .filter((line) => intersects(range, `${line.major}.${line.minor}.x`))
    .reduce<{ major: number; minor: number } | undefined>(
      (newest, line) => (newest === undefined || atLeast(line, newest.major, newest.minor) ? line : newest),
      undefined,
    );
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
