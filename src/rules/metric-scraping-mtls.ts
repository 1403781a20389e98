import {
  activeGatePod,
  podMeshMembership,
  workloadPod,
  type PodMeshMembership,
} from '../model/facts-dataplane.js';
import { effectiveMtls, type EffectiveMtls } from '../model/facts-mtls.js';
import { resourceId, type ClusterModel, type DynaKube, type Workload } from '../model/types.js';
import type { PathSegment } from '../parse/yaml.js';
import { originAt } from '../model/resource.js';
import { setValueEdit, yamlString, type YamlValue } from './edits.js';
import { docsUrl, type Fix, type FindingDraft, type Rule, type TextEdit } from './types.js';

const id = 'metric-scraping-mtls';

const SCRAPE = 'metrics.dynatrace.com/scrape';
const PORT = 'metrics.dynatrace.com/port';
const PATH = 'metrics.dynatrace.com/path';
/** The istio-agent's merged metrics endpoint: excepted from mTLS, serves Envoy, Istio and application metrics. */
const MERGED_PORT = '15020';
const MERGED_PATH = '/stats/prometheus';
const MERGE_OPT_OUT = 'prometheus.istio.io/merge-metrics';
const EXCLUDE_INBOUND = 'traffic.sidecar.istio.io/excludeInboundPorts';
const INCLUDE_INBOUND = 'traffic.sidecar.istio.io/includeInboundPorts';

/** ActiveGates that scrape Prometheus endpoints (the `kubernetes-monitoring` capability), with their mesh state. */
function scrapingActiveGates(model: ClusterModel): { dynakube: DynaKube; membership?: PodMeshMembership }[] {
  return model.dynakubes
    .filter((dynakube) => dynakube.activeGate?.capabilities.value.includes('kubernetes-monitoring'))
    .map((dynakube) => ({ dynakube, membership: podMeshMembership(model, activeGatePod(model, dynakube)!) }));
}

function scrapePort(workload: Workload): number | undefined {
  const port = Number(workload.podAnnotations[PORT]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/**
 * A port the sidecar's iptables do not capture bypasses the sidecar, and so mTLS (`handleInboundPortsInclude` in
 * tools/istio-iptables): one listed in `traffic.sidecar.istio.io/excludeInboundPorts`, or, where the pod sets
 * `traffic.sidecar.istio.io/includeInboundPorts` to something other than `*`, one that list leaves out (empty
 * captures nothing).
 */
function bypassesSidecar(workload: Workload, port: number | undefined): boolean {
  if (port === undefined) return false;
  const listed = (key: string) => (workload.podAnnotations[key] ?? '').split(',').map((p) => p.trim());
  if (listed(EXCLUDE_INBOUND).includes(String(port))) return true;
  const included = workload.podAnnotations[INCLUDE_INBOUND];
  return included !== undefined && !listed(INCLUDE_INBOUND).some((p) => p === '*' || p === String(port));
}

/**
 * Points Dynatrace at the merged endpoint and keeps the application's endpoint in `prometheus.io/*`, which
 * Istio reads to merge the application's metrics in. New keys are inserted together, in one edit.
 */
function mergingFix(model: ClusterModel, workload: Workload): Fix | undefined {
  const annotations = workload.podAnnotations;
  const wanted: [string, string][] = [
    [PORT, `"${MERGED_PORT}"`],
    [PATH, MERGED_PATH],
  ];
  const appPort = annotations[PORT];
  if (annotations['prometheus.io/scrape'] === undefined) wanted.push(['prometheus.io/scrape', '"true"']);
  if (annotations['prometheus.io/port'] === undefined && appPort)
    wanted.push(['prometheus.io/port', `"${appPort}"`]);
  if (annotations['prometheus.io/path'] === undefined && annotations[PATH])
    wanted.push(['prometheus.io/path', yamlString(annotations[PATH])]);
  if (annotations[MERGE_OPT_OUT]?.toLowerCase() === 'false') wanted.push([MERGE_OPT_OUT, '"true"']);

  const annotationsPath: PathSegment[] = [...workload.podMetadataPath, 'annotations'];
  const shape = workload.document.describeAt(annotationsPath);
  const edits: TextEdit[] = [];
  if (!shape || shape.kind !== 'map' || shape.flow) {
    if (shape && shape.kind !== 'null') return undefined;
    const block: Record<string, YamlValue> = Object.fromEntries(wanted);
    const edit = setValueEdit(model, workload.document, annotationsPath, block);
    if (!edit) return undefined;
    edits.push(edit);
  } else {
    for (const [key, value] of wanted) {
      const edit = setValueEdit(model, workload.document, [...annotationsPath, key], value);
      if (!edit) return undefined;
      edits.push(edit);
    }
  }
  return {
    description:
      `Point Dynatrace at Istio's merged metrics endpoint (${PORT}: "${MERGED_PORT}", ${PATH}: ${MERGED_PATH}), ` +
      'which strict mTLS does not block, and keep the application endpoint in the prometheus.io/* annotations so ' +
      'Istio merges its metrics in. Add `metrics.dynatrace.com/filter` to drop istio_* and envoy_* metrics if they are not wanted.',
    edits: mergeInsertions(edits),
  };
}

/** Insertions at the same place become one edit, so applying them cannot interleave. */
function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const same = result.find(
      (other) =>
        other.file === edit.file &&
        other.startLine === edit.startLine &&
        other.endLine === edit.endLine &&
        edit.startLine > edit.endLine,
    );
    if (same) same.replacement = `${same.replacement}\n${edit.replacement}`;
    else result.push({ ...edit });
  }
  return result;
}

function finding(
  model: ClusterModel,
  workload: Workload,
  membership: PodMeshMembership,
  mtls: EffectiveMtls,
  outside: string,
): FindingDraft {
  const base = {
    origin: originAt(workload, [...workload.podMetadataPath, 'annotations', SCRAPE]),
    resource: resourceId(workload),
    field: `${workload.podMetadataPath.join('.')}.annotations.${SCRAPE}`,
  };
  const strict = `${mtls.policy} makes mTLS STRICT (${mtls.origin.file}:${mtls.origin.line})`;
  if (membership.mode === 'ambient') {
    return {
      ...base,
      message:
        `${resourceId(workload)} asks Dynatrace to scrape its metrics directly, but it is in ambient mode ` +
        `(${membership.reason}), ${strict} and ${outside} is outside the mesh: the ActiveGate cannot connect to ` +
        'the pod. Istio metric merging is not available in ambient mode (it needs a sidecar); put the ActiveGate ' +
        'into the mesh (ambient) to scrape this pod.',
    };
  }
  const fix = mergingFix(model, workload);
  return {
    ...base,
    message:
      `${resourceId(workload)} asks Dynatrace to scrape its metrics directly (port ` +
      `${workload.podAnnotations[PORT] ?? 'unset'}), but it has a sidecar (${membership.reason}), ${strict} and ` +
      `${outside} is outside the mesh: with strict mTLS, direct connections to pod IPs are not possible. ` +
      'Use the Istio metric-merging endpoint instead.',
    ...(fix ? { fix } : {}),
  };
}

export const metricScrapingMtls: Rule = {
  meta: {
    id,
    severity: 'warning',
    description:
      'Under strict mTLS, an ActiveGate outside the mesh can only scrape mesh pods through Istio metric merging.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const activeGates = scrapingActiveGates(head);
    const outside = activeGates.filter((activeGate) => !activeGate.membership);
    // Unknown ActiveGate, or one in the mesh that scrapes through its own proxy: nothing to say.
    if (outside.length === 0) return [];
    const outsideName = `the ActiveGate of DynaKube ${outside.map((a) => a.dynakube.name).join(', ')}`;
    const findings: FindingDraft[] = [];
    for (const workload of head.workloads) {
      if (workload.podAnnotations[SCRAPE]?.toLowerCase() !== 'true') continue;
      if (workload.podAnnotations[PORT] === MERGED_PORT) continue;
      const namespace = workload.namespace ?? 'default';
      const membership = podMeshMembership(head, workloadPod(workload));
      if (!membership) continue;
      const port = scrapePort(workload);
      if (membership.mode === 'sidecar' && bypassesSidecar(workload, port)) continue;
      const mtls = effectiveMtls(head, namespace, workload.podLabels, port);
      if (mtls.value !== 'STRICT') continue;
      findings.push(finding(head, workload, membership, mtls, outsideName));
    }
    return findings;
  },
};
