/** Versions the user states for what the repository does not pin (action inputs, CLI flags). */
export interface AssumedVersions {
  /** The Istio version of installs that pin none (`istio-version`). */
  istioVersion?: string;
  /** The cluster's Kubernetes version (`kubernetes-version`): whether Istio's `auto` native sidecars are on. */
  kubernetesVersion?: string;
}

/**
 * Why a stated version is refused, or undefined: it must name a release (`1.28`, `1.28.2`, `v1.33.1`). A range or a
 * template would say nothing definite, and a typo taken for "unpinned" would silently change what the rules assume.
 */
export function assumedVersionProblem(name: string, value: string): string | undefined {
  return /^v?\d+\.\d+(\.\d+)?$/.test(value.trim())
    ? undefined
    : `${name} must be a version such as 1.28 or 1.28.2 (got '${value}')`;
}
