import { activeGateMeshAccess } from './activegate-mesh-access.js';
import { cniCsiDeadlock } from './cni-csi-deadlock.js';
import { configNotEvaluable } from './config-not-evaluable.js';
import { dynakubeApiVersion } from './dynakube-api-version.js';
import { dynakubeSpec } from './dynakube-spec.js';
import { enableIstioConflict } from './enable-istio-conflict.js';
import { enableIstioDnsLoad } from './enable-istio-dns-load.js';
import { enableIstioReapply } from './enable-istio-reapply.js';
import { enableIstioRequired } from './enable-istio-required.js';
import { metricScrapingMtls } from './metric-scraping-mtls.js';
import { mixedDataplaneModes } from './mixed-dataplane-modes.js';
import { nativeSidecars } from './native-sidecars.js';
import { operatorNamespaceInjection } from './operator-namespace-injection.js';
import { registryEgress } from './registry-egress.js';
import { serviceEntryConflict } from './service-entry-conflict.js';
import { serviceEntryInvalid } from './service-entry-invalid.js';
import { serviceEntryVisibility } from './service-entry-visibility.js';
import { unsupportedIstioDistribution } from './unsupported-istio-distribution.js';
import type { Rule } from './types.js';
import { byCodeUnits } from '../text-order.js';

/** Every rule, sorted by id. A new rule is one file in this folder, one line here and its doc page. */
export const ALL_RULES: readonly Rule[] = [
  activeGateMeshAccess,
  cniCsiDeadlock,
  configNotEvaluable,
  dynakubeApiVersion,
  dynakubeSpec,
  enableIstioConflict,
  enableIstioDnsLoad,
  enableIstioReapply,
  enableIstioRequired,
  metricScrapingMtls,
  mixedDataplaneModes,
  nativeSidecars,
  operatorNamespaceInjection,
  registryEgress,
  serviceEntryConflict,
  serviceEntryInvalid,
  serviceEntryVisibility,
  unsupportedIstioDistribution,
].sort((a, b) => byCodeUnits(a.meta.id, b.meta.id));
