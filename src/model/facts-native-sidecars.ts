import type { Fact, Origin } from './provenance.js';
import { atLeast, formatLine, releaseLine, type ReleaseLine } from './facts-versions.js';
import { parseGoBool } from './read.js';
import type { PilotInstall } from './types.js';

export const NATIVE_SIDECARS_ENV = 'ENABLE_NATIVE_SIDECARS';
/** Per-pod override, "Takes precedence over the ENABLE_NATIVE_SIDECARS environment variable" (Istio 1.24+). */
export const NATIVE_SIDECAR_ANNOTATION = 'sidecar.istio.io/nativeSidecar';

export interface NativeSidecarState {
  /**
   * `on`: enabled (explicitly, or `auto` on a cluster stated to run Kubernetes ≥ 1.33); `auto`: the 1.27+ default,
   * on where every node runs Kubernetes ≥ 1.33, the cluster's version unknown; `off`.
   */
  state: 'on' | 'auto' | 'off';
  /** Why, for messages. */
  reason: string;
  origin: Origin;
  /** The explicit setting, when there is one. */
  setting?: Fact<string>;
}

/**
 * Whether an istiod install injects native sidecars (reference/istio.md §4): `ENABLE_NATIVE_SIDECARS` as that
 * version parses it ({@link parseNativeSidecarsEnv}), else the default of the version: off before 1.27, `auto`
 * from 1.27. `compatibilityVersion` ≤ 1.26 switches it off. An unpinned version is the newest release. `auto` turns
 * native sidecars on only where every node runs Kubernetes 1.33 or newer: with the cluster's Kubernetes version
 * stated (`kubernetes-version`), it is on or off.
 */
export function nativeSidecarState(pilot: PilotInstall, kubernetesVersion?: string): NativeSidecarState {
  const state = configuredState(pilot);
  return state.state === 'auto' ? withKubernetes(state, kubernetesVersion) : state;
}

/** The state istiod's configuration gives, before the nodes' Kubernetes version decides `auto`. */
function configuredState(pilot: PilotInstall): NativeSidecarState {
  const line = releaseLine(pilot.version?.value) ?? 'latest';
  const version = istioVersionText(pilot);
  const setting = pilot.env[NATIVE_SIDECARS_ENV];
  const anchor = pilot.version?.origin ?? setting?.origin ?? pilot.compatibilityVersion?.origin;
  if (setting) {
    const base = { origin: setting.origin, setting };
    const state = parseNativeSidecarsEnv(setting.value, line);
    if (state === 'auto') return { ...base, state, reason: `${NATIVE_SIDECARS_ENV} is "auto" on ${version}` };
    return { ...base, state, reason: `${NATIVE_SIDECARS_ENV} is "${setting.value}"` };
  }
  const compatibility = releaseLine(pilot.compatibilityVersion?.value);
  if (pilot.compatibilityVersion && compatibility && !atLeast(compatibility, 1, 27))
    return {
      state: 'off',
      reason: `compatibilityVersion ${pilot.compatibilityVersion.value} switches native sidecars off`,
      origin: pilot.compatibilityVersion.origin,
    };
  const origin = anchor ?? envTargetOrigin(pilot);
  if (!atLeast(line, 1, 27))
    return {
      state: 'off',
      reason: `${version} (${formatLine(line)}) injects classic sidecars by default`,
      origin,
    };
  return {
    state: 'auto',
    reason: `${version} defaults ${NATIVE_SIDECARS_ENV} to "auto": native sidecars on every node with Kubernetes 1.33 or newer`,
    origin,
  };
}

/** The install's Istio version for messages, saying where it comes from when the repository pins none. */
function istioVersionText(pilot: PilotInstall): string {
  if (!pilot.version) return 'an unpinned (newest) Istio';
  return pilot.version.defaulted
    ? `Istio ${pilot.version.value} (istio-version: the repository pins none)`
    : `Istio ${pilot.version.value}`;
}

/** `auto` decided by the cluster's Kubernetes version, when the user states it. */
function withKubernetes(auto: NativeSidecarState, kubernetesVersion: string | undefined): NativeSidecarState {
  const line = releaseLine(kubernetesVersion);
  if (!line || line === 'latest') return auto;
  const nodes = `the cluster runs Kubernetes ${kubernetesVersion} (kubernetes-version)`;
  return atLeast(line, 1, 33)
    ? { ...auto, state: 'on', reason: `${auto.reason}; ${nodes}, so they are on` }
    : { ...auto, state: 'off', reason: `${auto.reason}; ${nodes}, so they stay off` };
}

/**
 * `ENABLE_NATIVE_SIDECARS` as istiod of `line` parses it (pilot/pkg/features): from 1.27 a string compared with
 * `true`, `false` and `auto` exactly, anything else off; before, a bool variable read by `strconv.ParseBool` (`1`,
 * `t`, `TRUE`, `True` are true), anything it cannot parse the default off.
 */
export function parseNativeSidecarsEnv(value: string, line: ReleaseLine): NativeSidecarState['state'] {
  if (atLeast(line, 1, 27)) return value === 'true' ? 'on' : value === 'auto' ? 'auto' : 'off';
  return parseGoBool(value) === true ? 'on' : 'off';
}

/**
 * The line where pilot env settings go (or the nearest parent that exists), for installs that pin nothing; a
 * rendered istiod has no values map for them, and its discovery container is where the env goes.
 */
function envTargetOrigin(pilot: PilotInstall): Origin {
  const target = pilot.envTarget;
  if (!target) return pilot.origin;
  for (let depth = target.path.length; depth >= 0; depth -= 1) {
    const line = target.document.lineAt(target.path.slice(0, depth));
    if (line !== undefined) return { file: target.document.file, line, path: target.path.join('.') };
  }
  return { file: target.document.file, line: target.document.line };
}
