import {
  describeRestriction,
  outboundRestriction,
  undeclaredNamespaceRestriction,
  type OutboundRestriction,
} from '../model/effective.js';
import { injectsCodeModules } from '../model/dynakube.js';
import { activeGatePod, dynakubeNamespace, podMeshMembership } from '../model/facts-dataplane.js';
import { monitoredNamespaces } from '../model/monitored-namespaces.js';
import type { Origin } from '../model/provenance.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { namespaceHasSidecars } from './dynatrace-consumers.js';
import { setValueEdit } from './edits.js';
import { pureAmbient } from './native-sidecars.js';
import { hostCovered, apiUrlHost } from './hosts.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';
import { firstAndMore } from '../short-text.js';

const id = 'enable-istio-required';

/**
 * The namespaces this DynaKube's traffic leaves from (`where`: `namespace shop`, or the ones the repository does not
 * declare), each with its restriction if it has one: its own namespace (operator, ActiveGate) and, when it injects
 * code modules, every namespace it monitors (its own too, if its ignored-namespaces flag lets it inject there).
 */
function namespaceRestrictions(
  model: ClusterModel,
  dynakube: DynaKube,
): { where: string; restriction: OutboundRestriction | undefined }[] {
  const ownNamespace = dynakubeNamespace(model, dynakube);
  const monitored = monitoredNamespaces(model, dynakube);
  const restrictions = [ownNamespace, ...monitored.filter((namespace) => namespace !== ownNamespace)].map(
    (namespace) => ({ where: `namespace ${namespace}`, restriction: outboundRestriction(model, namespace) }),
  );
  // The repository declares none of the namespaces it monitors: they exist all the same, under the root default.
  if (injectsCodeModules(dynakube) && monitored.length === 0) {
    restrictions.push({
      where: `the namespaces DynaKube ${dynakube.name} selects that the repository does not declare`,
      restriction: undeclaredNamespaceRestriction(model),
    });
  }
  return restrictions;
}

/**
 * For a DynaKube without code modules, the Dynatrace pods in its namespace that run with a sidecar, and so are held
 * by its outbound policy: its OneAgents use the host network and are never in the mesh (the guide: "those pods can
 * never be part of the mesh"), so only the ActiveGate and the operator can need `enableIstio`.
 */
function sidecarPodsWithoutCodeModules(model: ClusterModel, dynakube: DynaKube): string[] {
  const pods: string[] = [];
  if (namespaceHasSidecars(model, dynakubeNamespace(model, dynakube))) pods.push('the Dynatrace Operator');
  const activeGate = activeGatePod(model, dynakube);
  if (activeGate && podMeshMembership(model, activeGate)?.mode === 'sidecar') pods.push('the ActiveGate');
  return pods;
}

/** Namespaces named in a message before the rest is counted. */
const NAMESPACES_NAMED = 5;

/**
 * Who cannot reach Dynatrace, for the message; undefined when no pod of a DynaKube without code modules can be held.
 * With code modules, the pods it injects that run with a sidecar (named by namespace where the repository enrolls
 * them), and its operator or ActiveGate when they do too: never its OneAgents, which use the host network.
 */
function blockedPods(model: ClusterModel, dynakube: DynaKube): string | undefined {
  if (injectsCodeModules(dynakube)) {
    const enrolled = monitoredNamespaces(model, dynakube).filter((namespace) =>
      namespaceHasSidecars(model, namespace),
    );
    const where =
      enrolled.length > 0
        ? ` (namespace${enrolled.length === 1 ? '' : 's'} ${firstAndMore(enrolled, NAMESPACES_NAMED)})`
        : '';
    const own = sidecarPodsWithoutCodeModules(model, dynakube);
    const also =
      own.length > 0 ? `, and ${own.join(' and ')} in namespace ${dynakubeNamespace(model, dynakube)},` : '';
    return `The code modules it injects into pods with an Istio sidecar${where}${also} cannot reach`;
  }
  const pods = sidecarPodsWithoutCodeModules(model, dynakube);
  if (pods.length === 0) return undefined;
  const hostAgents =
    dynakube.modes.length > 0 ? 'Its OneAgents use the host network, outside the mesh, but ' : '';
  return (
    `${hostAgents}${pods.join(' and ')} in namespace ${dynakubeNamespace(model, dynakube)} ` +
    `run${pods.length === 1 ? 's' : ''} with an Istio sidecar and cannot reach`
  );
}

/**
 * Where egress is restricted for this DynaKube's traffic, if anywhere: the same per-namespace decision as the other
 * egress rules, so a Sidecar that sets ALLOW_ANY lifts the mesh-wide REGISTRY_ONLY for the namespaces it governs.
 */
function egressRestriction(
  model: ClusterModel,
  dynakube: DynaKube,
): { origin: Origin; what: string } | undefined {
  const restrictions = namespaceRestrictions(model, dynakube);
  const first = restrictions.find(({ restriction }) => restriction);
  if (!first?.restriction) return undefined;
  const { where, restriction } = first;
  // Only the mesh-wide policy restricting every namespace concerned goes without saying where.
  const everywhere = restrictions.every((r) => r.restriction && !r.restriction.sidecar);
  const what = describeRestriction(restriction);
  return { origin: restriction.origin, what: everywhere ? what : `${what} for ${where}` };
}

export const enableIstioRequired: Rule = {
  meta: {
    id,
    severity: 'error',
    description:
      'A mesh that restricts egress needs `enableIstio: true` (or equivalent ServiceEntries) on every DynaKube.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      if (dynakube.enableIstio.value) continue;
      const blocked = blockedPods(head, dynakube);
      if (!blocked) continue;
      const restriction = egressRestriction(head, dynakube);
      if (!restriction) continue;
      const host = apiUrlHost(dynakube.apiUrl?.value);
      if (host && hostCovered(head, host, dynakube.namespace)) continue;
      const edit = setValueEdit(head, dynakube.document, ['spec', 'enableIstio'], 'true');
      // The outbound policy is enforced by sidecars only: ztunnel passes ambient traffic through (reference
      // istio.md §1, istio/istio#54281), as `registry-egress` and the egress map read it. In a pure ambient mesh
      // nothing is blocked today; a namespace enrolled for sidecars later would be, so it stays a note.
      const ambientNamespaces = pureAmbient(head);
      findings.push({
        message: ambientNamespaces
          ? `DynaKube ${dynakube.name} has enableIstio off while ${restriction.what} ` +
            `(${restriction.origin.file}:${restriction.origin.line}), but the repository shows a pure ambient mesh ` +
            `(ambient profile; ambient namespaces ${ambientNamespaces}; nothing enrolled for sidecars): ztunnel ` +
            `does not enforce the outbound policy, so no Dynatrace traffic is blocked. Pods enrolled for sidecars ` +
            `later could not reach Dynatrace${host ? ` (${host})` : ''}: no ServiceEntry in the repository covers it.`
          : `DynaKube ${dynakube.name} has enableIstio off while ${restriction.what} ` +
            `(${restriction.origin.file}:${restriction.origin.line}). ${blocked} ` +
            `Dynatrace${host ? ` (${host})` : ''}: no ServiceEntry in the repository covers it.`,
        ...(ambientNamespaces ? { severity: 'info' as const } : {}),
        origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
        resource: resourceId(dynakube),
        field: 'spec.enableIstio',
        ...(edit
          ? {
              fix: {
                description:
                  'Set `enableIstio: true` so the operator creates ServiceEntries and VirtualServices for the Dynatrace endpoints (the DynaKube must then be deleted and reapplied).',
                edits: [edit],
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
