// Value syntax the Dynatrace Operator webhook checks, written after the libraries it calls: go-containerregistry's
// `name.ParseReference` (weak validation), `golang.org/x/mod/semver`, apimachinery's `IsDNS1035Label`.

const TAG = /^[A-Za-z0-9_.-]{1,128}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** go-containerregistry's repository alphabet: lower case only. */
const REPOSITORY = /^[a-z0-9_./-]{2,255}$/;
/** A registry `host[:port]` as Go's URL parser takes it, or a bracketed IPv6 address. */
const REGISTRY = /^([A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]*)?$/;

/** Whether go-containerregistry parses `image` as an image reference (`[registry/]repository[:tag][@digest]`). */
export function parsesAsImageReference(image: string): boolean {
  const at = image.indexOf('@');
  if (at >= 0 && !DIGEST.test(image.slice(at + 1))) return false;
  const named = at >= 0 ? image.slice(0, at) : image;
  const colon = named.lastIndexOf(':');
  const hasTag = colon >= 0 && !named.slice(colon + 1).includes('/');
  if (hasTag && !TAG.test(named.slice(colon + 1))) return false;
  const repository = hasTag ? named.slice(0, colon) : named;
  const slash = repository.indexOf('/');
  const first = slash < 0 ? '' : repository.slice(0, slash);
  // The first component is a registry when it has a dot or a port.
  const hasRegistry = first.includes('.') || first.includes(':');
  if (hasRegistry && !REGISTRY.test(first)) return false;
  return REPOSITORY.test(hasRegistry ? repository.slice(slash + 1) : repository);
}

/** The webhook's `versionRegex`, dots unescaped as written there: they match any character. */
const ONEAGENT_VERSION = /^\d+.\d+.\d+.\d{8}-\d{6}$/;
const SEMVER_NUMBER = '(0|[1-9]\\d*)';
const SEMVER_IDENTIFIER = '[0-9A-Za-z-]+';
/** What `semver.IsValid` accepts of the first three dot-separated parts (`1`, `1.2`, `1.2.3-pre+build`). */
const GO_SEMVER = new RegExp(
  `^v${SEMVER_NUMBER}(\\.${SEMVER_NUMBER}(\\.${SEMVER_NUMBER}` +
    `(-${SEMVER_IDENTIFIER}(\\.${SEMVER_IDENTIFIER})*)?(\\+${SEMVER_IDENTIFIER}(\\.${SEMVER_IDENTIFIER})*)?)?)?$`,
);

/**
 * Whether the webhook accepts a OneAgent `version`: its regular expression matches and the first three parts convert
 * to semver (`dtversion.ToSemver`), which rejects leading zeros such as `1.02.3`.
 */
export function validOneAgentVersion(version: string): boolean {
  if (!ONEAGENT_VERSION.test(version)) return false;
  const semantic = `v${version.split('.').slice(0, 3).join('.')}`;
  if (!GO_SEMVER.test(semantic)) return false;
  const prerelease = /-([^+]*)/.exec(semantic)?.[1];
  // A numeric pre-release identifier must not have a leading zero either.
  return !prerelease?.split('.').some((identifier) => /^0\d+$/.test(identifier));
}

/** apimachinery's DNS-1035 label: lower-case alphanumerics and `-`, a letter first, at most 63 characters. */
export function isDns1035Label(name: string): boolean {
  return name.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name);
}
