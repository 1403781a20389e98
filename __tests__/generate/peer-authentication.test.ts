import { describe, expect, it } from '@jest/globals';
import { generateManifests } from '../../src/generate/index.js';
import { modelOf } from './helpers.js';

const DYNAKUBE = `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: dynakube
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  oneAgent:
    classicFullStack: {}
  activeGate:
    capabilities: [routing, kubernetes-monitoring]
`;

const STRICT_MESH_WIDE = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
`;

const ENROLLED_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: dynatrace
  labels:
    istio-injection: enabled
`;

describe('ActiveGate PeerAuthentication', () => {
  it('STRICT mesh-wide and the ActiveGate in the mesh: a PERMISSIVE policy selecting the ActiveGate pods', async () => {
    const model = modelOf({
      'dk.yaml': DYNAKUBE,
      'pa.yaml': STRICT_MESH_WIDE,
      'ns.yaml': ENROLLED_NAMESPACE,
    });
    const result = await generateManifests(model, {});
    expect(result.generated).toEqual([
      {
        kind: 'PeerAuthentication',
        namespace: 'dynatrace',
        name: 'dynatrace-activegate-permissive',
        file: 'generated/dynatrace.yaml',
        yaml: `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata:
  name: dynatrace-activegate-permissive
  namespace: dynatrace
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: activegate
      app.kubernetes.io/managed-by: dynatrace-operator
  mtls:
    mode: PERMISSIVE
`,
      },
    ]);
  });

  it('not generated when mTLS is not STRICT, the ActiveGate is outside the mesh, or a policy exists', async () => {
    const permissive = `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata:
  name: ag
  namespace: dynatrace
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: activegate
  mtls:
    mode: PERMISSIVE
`;
    const cases: Record<string, string>[] = [
      { 'dk.yaml': DYNAKUBE, 'ns.yaml': ENROLLED_NAMESPACE },
      { 'dk.yaml': DYNAKUBE, 'pa.yaml': STRICT_MESH_WIDE },
      {
        'dk.yaml': DYNAKUBE,
        'pa.yaml': STRICT_MESH_WIDE,
        'ns.yaml': ENROLLED_NAMESPACE,
        'ag.yaml': permissive,
      },
      {
        'dk.yaml': DYNAKUBE.replace(
          'capabilities:',
          'labels:\n      sidecar.istio.io/inject: "false"\n    capabilities:',
        ),
        'pa.yaml': STRICT_MESH_WIDE,
        'ns.yaml': ENROLLED_NAMESPACE,
      },
    ];
    for (const files of cases) {
      expect((await generateManifests(modelOf(files), {})).generated).toEqual([]);
    }
  });

  it('a sidecar label on the ActiveGate pods puts it in the mesh', async () => {
    const files = {
      'dk.yaml': DYNAKUBE.replace(
        'capabilities:',
        'labels:\n      sidecar.istio.io/inject: "true"\n    capabilities:',
      ),
      'pa.yaml': STRICT_MESH_WIDE.replace('istio-system', 'dynatrace'),
    };
    const result = await generateManifests(modelOf(files), {});
    expect(result.generated.map((m) => m.name)).toEqual(['dynatrace-activegate-permissive']);
  });

  // Rows where the generator's own mTLS / injection logic (before it used the model's facts) answered wrongly.
  const AG_LABEL = (label: string) =>
    DYNAKUBE.replace('capabilities:', `labels:\n      ${label}\n    capabilities:`);
  const AG_ANNOTATION = (annotation: string) =>
    DYNAKUBE.replace('capabilities:', `annotations:\n      ${annotation}\n    capabilities:`);
  const NAMESPACE = (label: string) => ENROLLED_NAMESPACE.replace('istio-injection: enabled', label);
  const PERMISSIVE_NAMESPACE = STRICT_MESH_WIDE.replace('istio-system', 'dynatrace').replace(
    'STRICT',
    'PERMISSIVE',
  );
  const PORT_PERMISSIVE = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: ag-port
  namespace: dynatrace
spec:
  selector:
    matchLabels:
      app.kubernetes.io/component: activegate
  portLevelMtls:
    9999:
      mode: PERMISSIVE
`;
  it.each([
    [
      'a namespace-wide PERMISSIVE policy overrides the mesh-wide STRICT one',
      {},
      PERMISSIVE_NAMESPACE,
      false,
    ],
    [
      'istio-injection=disabled wins over the pod label sidecar.istio.io/inject',
      {
        'dk.yaml': AG_LABEL('sidecar.istio.io/inject: "true"'),
        'ns.yaml': NAMESPACE('istio-injection: disabled'),
      },
      undefined,
      false,
    ],
    [
      'the sidecar.istio.io/inject: "false" annotation opts the ActiveGate out',
      { 'dk.yaml': AG_ANNOTATION('sidecar.istio.io/inject: "false"') },
      undefined,
      false,
    ],
    ['the ActiveGate port is PERMISSIVE at port level', {}, PORT_PERMISSIVE, false],
    [
      'an ambient namespace puts the ActiveGate in the mesh (ztunnel enforces STRICT)',
      { 'ns.yaml': NAMESPACE('istio.io/dataplane-mode: ambient') },
      undefined,
      true,
    ],
    [
      'a revision label enrols the namespace',
      { 'ns.yaml': NAMESPACE('istio.io/rev: canary') },
      undefined,
      true,
    ],
  ] as const)('%s', async (_name, override, extra, generated) => {
    const files: Record<string, string> = {
      'dk.yaml': DYNAKUBE,
      'pa.yaml': STRICT_MESH_WIDE,
      'ns.yaml': ENROLLED_NAMESPACE,
      ...override,
      ...(extra ? { 'extra.yaml': extra } : {}),
    };
    const names = (await generateManifests(modelOf(files), {})).generated.map((m) => m.name);
    expect(names).toEqual(generated ? ['dynatrace-activegate-permissive'] : []);
  });
});
