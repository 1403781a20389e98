import { hasActiveGate } from '../generate/dynatrace-entries.js';
import { deployersOf, inflatesHelmCharts, type Deployer } from '../model/deployment.js';
import { injectsCodeModules } from '../model/dynakube.js';
import { operatorNamespaces } from '../model/effective.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { docsUrl, type FindingDraft, type Rule } from './types.js';

const id = 'enable-istio-reapply';

/** Components the operator made Istio objects for (reference/dynatrace.md §1.2). */
function istioComponents(dynakube: DynaKube): string[] {
  return [
    'operator',
    ...(injectsCodeModules(dynakube) ? ['oneagent'] : []),
    // An ActiveGate runs for a capability or for extensions (`hasActiveGate`); `--ignore-not-found` covers a
    // section that started none.
    ...(dynakube.activeGate || hasActiveGate(dynakube) ? ['activegate'] : []),
  ];
}

function namespaceOf(model: ClusterModel, dynakube: DynaKube): string {
  return dynakube.namespace ?? operatorNamespaces(model)[0].value;
}

/** The same DynaKube on the base side: same name and namespace, preferably in the same file. */
function baseOf(base: ClusterModel, dynakube: DynaKube): DynaKube | undefined {
  const same = base.dynakubes.filter(
    (old) => old.name === dynakube.name && (old.namespace ?? '') === (dynakube.namespace ?? ''),
  );
  return same.find((old) => old.document.file === dynakube.document.file) ?? same[0];
}

/** Commands that remove the ServiceEntries and VirtualServices the operator made while `enableIstio` was on. */
function cleanupCommands(before: DynaKube, namespace: string): string[] {
  const components = istioComponents(before);
  const fqdn = components.map((component) => `${before.name}-fqdn-${component}`);
  const ip = components.map((component) => `${before.name}-ip-${component}`);
  return [
    `kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n ${namespace} --ignore-not-found ${fqdn.join(' ')}`,
    `kubectl delete serviceentries.networking.istio.io -n ${namespace} --ignore-not-found ${ip.join(' ')}`,
  ];
}

/** How the DynaKube is applied again after the delete, and what the fix says about it. */
interface Reapply {
  command: string;
  how: string;
}

/**
 * The apply that recreates the DynaKube as the cluster has it: a kustomization that patches the DynaKube renders
 * another object than its file, so `kubectl apply -f` of that file would recreate it without the overlay's
 * `enableIstio`. A DynaKube that Flux or Argo CD deploys is applied again by them.
 */
function reapplyOf(model: ClusterModel, dynakube: DynaKube): Reapply {
  const setBy = dynakube.enableIstio.defaulted ? undefined : dynakube.enableIstio.origin.file;
  const deployer: Deployer | undefined = deployersOf(model, dynakube.origin.file, setBy)[0];
  switch (deployer?.tool) {
    case 'flux':
      return {
        command: `flux reconcile kustomization ${deployer.name} -n ${deployer.namespace} --with-source`,
        how: `let Flux Kustomization ${deployer.namespace}/${deployer.name} apply it again`,
      };
    case 'argo': {
      const app =
        deployer.namespace && deployer.namespace !== 'argocd'
          ? `${deployer.namespace}/${deployer.name}`
          : deployer.name;
      return { command: `argocd app sync ${app}`, how: `let Argo CD Application ${app} sync it again` };
    }
    case 'kustomize': {
      const dir = deployer.dir === '' ? '.' : deployer.dir;
      return {
        // kubectl's `apply -k` has no `--enable-helm`; `kubectl kustomize` has (kubectl reference, kubectl kustomize).
        command: inflatesHelmCharts(model, deployer.dir)
          ? `kubectl kustomize ${dir} --enable-helm | kubectl apply -f -`
          : `kubectl apply -k ${dir}`,
        how: `apply the kustomization ${dir} that renders it again`,
      };
    }
    default:
      return { command: `kubectl apply -f ${dynakube.origin.file}`, how: 'apply it again' };
  }
}

export const enableIstioReapply: Rule = {
  meta: {
    id,
    severity: 'warning',
    description: 'Changing `enableIstio` takes effect only after the DynaKube is deleted and applied again.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head, base }) {
    if (!base) return [];
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      const before = baseOf(base, dynakube);
      if (!before || before.enableIstio.value === dynakube.enableIstio.value) continue;
      const namespace = namespaceOf(head, dynakube);
      const switchedOff = before.enableIstio.value;
      const reapply = reapplyOf(head, dynakube);
      const commands = [
        `kubectl delete dynakube ${dynakube.name} -n ${namespace}`,
        reapply.command,
        ...(switchedOff ? cleanupCommands(before, namespace) : []),
      ];
      const leftovers = switchedOff
        ? ` With enableIstio off the operator does not remove the ServiceEntries and VirtualServices it made ` +
          `(${before.name}-fqdn-operator stays behind) while the DynaKube exists; deleting the DynaKube removes them ` +
          `through their owner references, and the last commands delete any that remain.`
        : '';
      findings.push({
        message:
          `DynaKube ${dynakube.name} switches enableIstio ${switchedOff ? 'off' : 'on'}. ` +
          `"Changes to the enableIstio attribute require you to remove and reapply your DynaKube for the update to take effect."` +
          leftovers,
        origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
        resource: resourceId(dynakube),
        field: 'spec.enableIstio',
        subject: dynakube,
        fix: {
          description: `Delete DynaKube ${dynakube.name} and ${reapply.how} once this change is merged${switchedOff ? ', then remove any Istio objects the operator made for it that remain' : ''}.`,
          edits: [],
          commands,
        },
      });
    }
    return findings;
  },
};
