import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/engine.js';
import { generateManifests, manifestsByFile } from '../../src/generate/index.js';
import { serviceEntryConflict } from '../../src/rules/service-entry-conflict.js';
import { serviceEntryInvalid } from '../../src/rules/service-entry-invalid.js';
import { serviceEntryVisibility } from '../../src/rules/service-entry-visibility.js';
import { connectionInfoHandler, modelOf, startApi } from './helpers.js';

// The generated manifests, committed next to the repository they were generated for, must satisfy the tool's own
// ServiceEntry rules: an entry the tool offers and then reports (hidden from the namespaces that need it, or
// clashing with an entry of the repository) leaves the user's traffic as broken as before.

function istiod(meshConfig: string[]): string {
  return [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istiod',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    '  values:',
    '    meshConfig:',
    '      outboundTrafficPolicy:',
    '        mode: REGISTRY_ONLY',
    ...meshConfig.map((line) => `      ${line}`),
    '',
  ].join('\n');
}

const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata:
  name: dynatrace
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
`;

// The placeholder apiUrl is replaced by the local API's URL; the tenant host comes in the endpoints.
const DYNAKUBE = `apiVersion: dynatrace.com/v1beta6
kind: DynaKube
metadata:
  name: dk
  namespace: dynatrace
spec:
  apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api
  oneAgent:
    cloudNativeFullStack: {}
  activeGate:
    capabilities: [routing]
`;

const RULES = [serviceEntryConflict, serviceEntryInvalid, serviceEntryVisibility];

describe('generated manifests added to the repository pass its ServiceEntry rules', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi(
      connectionInfoHandler(
        {
          communicationEndpoints: [
            'https://abc12345.live.dynatrace.com/communication',
            'https://sg-1.example.com:9999/communication',
            'https://10.1.2.3:443/communication',
          ],
        },
        { communicationEndpoints: 'https://abc12345.live.dynatrace.com:443/communication' },
      ),
    );
  });
  afterAll(async () => api.close());

  it.each([
    ['the default mesh', {}],
    ['defaultServiceExportTo ["."]', { 'istio.yaml': istiod(['defaultServiceExportTo: ["."]']) }],
    [
      'defaultServiceExportTo naming namespaces (istiod exports such entries nowhere)',
      { 'istio.yaml': istiod(['defaultServiceExportTo: [dynatrace, shop]']) },
    ],
  ])('%s', async (_case, extra: Record<string, string>) => {
    const tree: Record<string, string> = {
      'istio.yaml': istiod([]),
      'ns.yaml': NAMESPACES,
      'dt/dk.yaml': DYNAKUBE,
      ...extra,
    };
    const { generated, notes } = await generateManifests(modelOf(tree), {
      dynatrace: { apiUrl: api.url.replace('127.0.0.1', 'localhost'), token: 't' },
    });
    expect(notes).toEqual([]);
    expect(generated.length).toBeGreaterThan(0);
    const withGenerated = { ...tree, ...Object.fromEntries(manifestsByFile(generated)) };
    const findings = analyze(modelOf(withGenerated), undefined, { rules: RULES }).report.findings;
    expect(findings.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
  });
});
