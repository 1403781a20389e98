import type { Origin } from '../model/provenance.js';
import type { DynaKube, LabelSelector } from '../model/types.js';
import { resourceId } from '../model/types.js';
import { SECTION, writtenOrigin, type FactSet } from './facts.js';

/** A label selector in kubectl's syntax, with its terms sorted: order and formatting carry no meaning. */
export function selectorText(selector: LabelSelector): string {
  const terms = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`),
    ...(selector.matchExpressions ?? []).map((requirement) => {
      const values = [...(requirement.values ?? [])].sort().join(', ');
      if (requirement.operator === 'Exists') return requirement.key;
      if (requirement.operator === 'DoesNotExist') return `!${requirement.key}`;
      if (requirement.operator === 'In') return `${requirement.key} in (${values})`;
      if (requirement.operator === 'NotIn') return `${requirement.key} notin (${values})`;
      return `${requirement.key} ${requirement.operator} (${values})`;
    }),
  ].sort();
  return terms.length > 0 ? terms.join(', ') : 'everything';
}

/** The settings of a DynaKube that decide how it works with Istio, one fact each. */
export function addDynaKubeFacts(facts: FactSet, dynakube: DynaKube): void {
  const resource = resourceId(dynakube);
  const base = { resource, section: SECTION.dynakube, resourceOrigin: dynakube.origin };
  facts.add({ ...base, path: '', value: true, origin: dynakube.origin });
  facts.add({ ...base, path: 'apiVersion', value: dynakube.apiVersion, origin: dynakube.origin });
  const modes = dynakube.modes.map((mode) => mode.value).sort();
  facts.add({
    ...base,
    path: 'oneAgent mode',
    value: modes.length > 0 ? modes.join(' + ') : null,
    origin: dynakube.modes[0]?.origin,
  });
  facts.add({
    ...base,
    path: 'apiUrl',
    value: dynakube.apiUrl?.value ?? null,
    origin: dynakube.apiUrl?.origin,
  });
  facts.add({
    ...base,
    path: 'enableIstio',
    value: dynakube.enableIstio.value,
    origin: dynakube.enableIstio.defaulted ? undefined : dynakube.enableIstio.origin,
  });
  facts.add({
    ...base,
    path: 'networkZone',
    value: dynakube.networkZone?.value ?? null,
    origin: dynakube.networkZone?.origin,
  });
  facts.add({
    ...base,
    path: 'namespaceSelector',
    value: dynakube.namespaceSelector ? selectorText(dynakube.namespaceSelector.value) : null,
    origin: writtenOrigin(dynakube.namespaceSelector?.origin),
  });
  facts.add({
    ...base,
    path: 'codeModulesImage',
    value: dynakube.codeModulesImage?.value ?? null,
    origin: dynakube.codeModulesImage?.origin,
  });
  facts.add({
    ...base,
    path: 'useCSIDriver',
    value: dynakube.useCSIDriver?.value ?? null,
    origin: dynakube.useCSIDriver?.defaulted ? undefined : dynakube.useCSIDriver?.origin,
  });
  facts.add({
    ...base,
    path: 'oneAgent image',
    value: dynakube.oneAgentImage?.value ?? null,
    origin: dynakube.oneAgentImage?.origin,
  });
  addActiveGateFacts(facts, dynakube, base);
  const featureFlags = Object.fromEntries(
    Object.entries(dynakube.annotations).filter(([key]) => key.startsWith('feature.dynatrace.com/')),
  );
  facts.addMap({ ...base, origin: dynakube.origin }, 'annotations', featureFlags, (key) =>
    lineOrigin(dynakube, ['metadata', 'annotations', key]),
  );
}

function addActiveGateFacts(
  facts: FactSet,
  dynakube: DynaKube,
  base: { resource: string; section: number; resourceOrigin: DynaKube['origin'] },
): void {
  const activeGate = dynakube.activeGate;
  const capabilities = activeGate ? [...activeGate.capabilities.value].sort() : null;
  facts.add({
    ...base,
    path: 'activeGate.capabilities',
    value: capabilities,
    origin: activeGate?.capabilities.origin ?? activeGate?.origin,
  });
  facts.add({
    ...base,
    path: 'activeGate.image',
    value: activeGate?.image?.value ?? null,
    origin: activeGate?.image?.origin,
  });
  if (!activeGate) return;
  facts.addMap({ ...base, origin: activeGate.origin }, 'activeGate.labels', activeGate.labels, (key) =>
    lineOrigin(dynakube, ['spec', 'activeGate', 'labels', key]),
  );
}

function lineOrigin(dynakube: DynaKube, path: string[]): Origin | undefined {
  const line = dynakube.document.lineAt(path);
  return line === undefined ? undefined : { file: dynakube.document.file, line, path: path.join('.') };
}
