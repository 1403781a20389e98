import { describe, expect, it } from '@jest/globals';
import { codeModulesViaCsi } from '../../src/model/facts-csi.js';
import { modelOf } from './helpers.js';

/** A DynaKube of `version` in `mode`, with the extra lines under the mode. */
function dynakube(version: string, mode: string, modeLines: string[] = []): string[] {
  return [
    `apiVersion: dynatrace.com/${version}`,
    'kind: DynaKube',
    'metadata:',
    '  name: dk',
    '  namespace: dynatrace',
    'spec:',
    '  apiUrl: https://abc12345.live.dynatrace.com/api',
    '  oneAgent:',
    `    ${mode}:`,
    ...modeLines.map((line) => `      ${line}`),
    '      codeModulesImage: docker.io/acme/codemodules:1.2.3',
  ];
}

/** The operator chart, pinned at `version` when given, with `csidriver.enabled` (and `migrationMode`) when given. */
function operator(version?: string, csiEnabled?: boolean, migrationMode?: boolean): string[] {
  return [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: dynatrace-operator, namespace: dynatrace}',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: dynatrace-operator',
    ...(version ? [`      version: '${version}'`] : []),
    ...(csiEnabled === undefined ? [] : ['  values:', '    csidriver:', `      enabled: ${csiEnabled}`]),
    ...(migrationMode === undefined ? [] : [`      migrationMode: ${migrationMode}`]),
  ];
}

describe('codeModulesViaCsi', () => {
  const cases: { name: string; tree: Record<string, string[]>; csi: boolean; line?: number }[] = [
    {
      name: 'cloudNativeFullStack',
      tree: { 'dk.yaml': dynakube('v1beta5', 'cloudNativeFullStack') },
      csi: true,
    },
    {
      name: 'cloudNativeFullStack with csidriver.enabled: false',
      tree: { 'dk.yaml': dynakube('v1beta5', 'cloudNativeFullStack'), 'op.yaml': operator(undefined, false) },
      csi: false,
    },
    {
      name: 'classicFullStack injects no code modules',
      tree: { 'dk.yaml': dynakube('v1beta5', 'classicFullStack') },
      csi: false,
    },
    {
      name: 'v1beta6 applicationMonitoring',
      tree: { 'dk.yaml': dynakube('v1beta6', 'applicationMonitoring') },
      csi: true,
    },
    {
      name: 'v1beta1 applicationMonitoring, useCSIDriver: false',
      tree: { 'dk.yaml': dynakube('v1beta1', 'applicationMonitoring', ['useCSIDriver: false']) },
      csi: false,
      line: 10,
    },
    {
      name: 'v1beta1 applicationMonitoring, useCSIDriver: true',
      tree: { 'dk.yaml': dynakube('v1beta1', 'applicationMonitoring', ['useCSIDriver: true']) },
      csi: true,
      line: 10,
    },
    {
      name: 'v1beta1 applicationMonitoring without useCSIDriver (nil: false)',
      tree: { 'dk.yaml': dynakube('v1beta1', 'applicationMonitoring') },
      csi: false,
      line: 9,
    },
    {
      name: 'v1beta2 applicationMonitoring without useCSIDriver (CRD default false)',
      tree: { 'dk.yaml': dynakube('v1beta2', 'applicationMonitoring') },
      csi: false,
    },
    {
      name: 'v1beta2 useCSIDriver: true, but csidriver.enabled: false',
      tree: {
        'dk.yaml': dynakube('v1beta2', 'applicationMonitoring', ['useCSIDriver: true']),
        'op.yaml': operator(undefined, false),
      },
      csi: false,
    },
    {
      name: 'v1beta3 has no useCSIDriver: a stray one is pruned, the installed CSI driver serves',
      tree: { 'dk.yaml': dynakube('v1beta3', 'applicationMonitoring', ['useCSIDriver: false']) },
      csi: true,
    },
    {
      name: 'v1beta1 useCSIDriver: false under operator 1.3.2 (stores v1beta2, keeps it)',
      tree: {
        'dk.yaml': dynakube('v1beta1', 'applicationMonitoring', ['useCSIDriver: false']),
        'op.yaml': operator('1.3.2'),
      },
      csi: false,
    },
    {
      name: 'v1beta1 useCSIDriver: false under operator 1.4.1 (stores v1beta3, drops it)',
      tree: {
        'dk.yaml': dynakube('v1beta1', 'applicationMonitoring', ['useCSIDriver: false']),
        'op.yaml': operator('1.4.1'),
      },
      csi: true,
    },
    // Chart v1.10 on: `"csiDriver": {{ and .Values.csidriver.enabled (not .Values.csidriver.migrationMode) }}` in
    // modules.json (templates/_helpers.tpl); with it false the webhook gives new pods an emptyDir
    // (`isCSIVolume`, pkg/webhook/mutation/pod/mutator/oneagent/mutator.go) and the provisioner installs nothing.
    {
      name: 'cloudNativeFullStack, csidriver.migrationMode: true (chart 1.10.2)',
      tree: {
        'dk.yaml': dynakube('v1beta6', 'cloudNativeFullStack'),
        'op.yaml': operator('1.10.2', true, true),
      },
      csi: false,
      line: 12,
    },
    {
      name: 'cloudNativeFullStack, csidriver.migrationMode: true, chart version not pinned',
      tree: {
        'dk.yaml': dynakube('v1beta6', 'cloudNativeFullStack'),
        'op.yaml': operator(undefined, true, true),
      },
      csi: false,
    },
    {
      name: 'cloudNativeFullStack, csidriver.migrationMode: false',
      tree: {
        'dk.yaml': dynakube('v1beta6', 'cloudNativeFullStack'),
        'op.yaml': operator('1.10.2', true, false),
      },
      csi: true,
    },
    {
      name: 'csidriver.migrationMode: true under chart 1.9, which has no such value',
      tree: {
        'dk.yaml': dynakube('v1beta6', 'cloudNativeFullStack'),
        'op.yaml': operator('1.9.0', true, true),
      },
      csi: true,
    },
  ];

  it.each(cases)('$name', ({ tree, csi, line }) => {
    const model = modelOf(tree);
    const via = codeModulesViaCsi(model, model.dynakubes[0]);
    expect(via.value).toBe(csi);
    if (line)
      expect(via.origin).toMatchObject({ file: tree['op.yaml'] && !csi ? 'op.yaml' : 'dk.yaml', line });
  });
});
