import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { generateManifests } from '../../src/generate/index.js';
import { registryHosts, registryOfImage } from '../../src/generate/registries.js';
import { modelOf } from './helpers.js';

describe('registryOfImage', () => {
  it.each([
    ['dynatrace/dynatrace-operator:v1.10.2', { registry: 'docker.io', port: 443 }],
    ['busybox', { registry: 'docker.io', port: 443 }],
    ['docker.io/library/busybox', { registry: 'docker.io', port: 443 }],
    ['index.docker.io/dynatrace/oneagent', { registry: 'docker.io', port: 443 }],
    ['quay.io/org/image@sha256:abcd', { registry: 'quay.io', port: 443 }],
    ['registry.example.com:5000/team/codemodules:1.2', { registry: 'registry.example.com', port: 5000 }],
    ['localhost/image', { registry: 'localhost', port: 443 }],
    ['Public.ECR.aws/dynatrace/dynatrace-codemodules:1.311', { registry: 'public.ecr.aws', port: 443 }],
  ])('%s', (image, expected) => {
    expect(registryOfImage(image)).toEqual(expected);
  });

  it.each(['', 'has space/x', 'bad_host:99999/x'])('rejects "%s"', (image) => {
    expect(registryOfImage(image)).toBeUndefined();
  });
});

describe('registryHosts: blob-redirect hosts of the common registries', () => {
  it.each([
    [
      'docker.io',
      ['index.docker.io', 'registry-1.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com'],
      [],
    ],
    ['ghcr.io', ['ghcr.io', 'pkg-containers.githubusercontent.com'], []],
    ['quay.io', ['quay.io', 'cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io'], []],
    [
      'registry.redhat.io',
      ['registry.redhat.io', 'quay.io', 'cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io'],
      [],
    ],
    [
      'public.ecr.aws',
      ['public.ecr.aws', 'd2glxqk2uabbnd.cloudfront.net', 'd5l0dvt14r5h8.cloudfront.net'],
      [],
    ],
    [
      '123456789012.dkr.ecr.eu-central-1.amazonaws.com',
      [
        '123456789012.dkr.ecr.eu-central-1.amazonaws.com',
        'prod-eu-central-1-starport-layer-bucket.s3.eu-central-1.amazonaws.com',
      ],
      [],
    ],
    ['gcr.io', ['gcr.io', 'storage.googleapis.com'], []],
    ['europe-west3-docker.pkg.dev', ['europe-west3-docker.pkg.dev', 'storage.googleapis.com'], []],
    ['myacr.azurecr.io', ['myacr.azurecr.io'], ['*.blob.core.windows.net']],
    ['mcr.microsoft.com', ['mcr.microsoft.com'], ['*.data.mcr.microsoft.com']],
    ['registry.example.com', ['registry.example.com'], []],
  ])('%s', (registry, hosts, wildcardHosts) => {
    const result = registryHosts(registry, 443);
    expect(result.hosts).toEqual(hosts);
    expect(result.wildcardHosts).toEqual(wildcardHosts);
  });
});

/** The operator's namespace with sidecars: the CSI driver pulls from inside the mesh. */
const INJECTED_OPERATOR_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: dynatrace
  labels:
    istio-injection: enabled
`;

const RESTRICTED_MESH = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
---
${INJECTED_OPERATOR_NAMESPACE}`;

function dynakube(spec: string, extra = ''): string {
  return `apiVersion: dynatrace.com/v1beta6
kind: DynaKube
metadata:
  name: dynakube
  namespace: dynatrace
${extra}spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
${spec}`;
}

const CODE_MODULES = `  oneAgent:
    cloudNativeFullStack:
      codeModulesImage: quay.io/acme/dynatrace-codemodules:1.311
`;

function specsOf(yaml: string) {
  return parse(yaml) as {
    metadata: { name: string };
    spec: { hosts: string[]; ports: unknown[]; resolution: string };
  };
}

describe('registry ServiceEntries', () => {
  it('one entry per registry with its blob hosts, port 443 HTTPS, DNS, MESH_EXTERNAL', async () => {
    const model = modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(CODE_MODULES) });
    const result = await generateManifests(model, {});
    const registry = result.generated.find((m) => m.name === 'dynatrace-registry-quay-io');
    expect(registry?.yaml).toBe(`apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: dynatrace-registry-quay-io
  namespace: dynatrace
  labels:
    app.kubernetes.io/created-by: dynakube-istio-guard
    app.kubernetes.io/component: registry
  annotations:
    dynakube-istio-guard/pulled-by: the CSI driver pulls codeModulesImage of DynaKube dynakube
spec:
  hosts:
  - quay.io
  - cdn.quay.io
  - cdn01.quay.io
  - cdn02.quay.io
  - cdn03.quay.io
  ports:
  - name: https-443
    number: 443
    protocol: HTTPS
  location: MESH_EXTERNAL
  resolution: DNS
`);
  });

  it('leaves out hosts a repository ServiceEntry already covers (exactly or by wildcard), and skips a fully covered registry', async () => {
    const existing = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: quay
  namespace: istio-system
spec:
  hosts: [quay.io, "*.quay.io"]
  ports: [{name: https, number: 443, protocol: TLS}]
  resolution: NONE
`;
    const model = modelOf({
      'mesh.yaml': RESTRICTED_MESH,
      'dk.yaml': dynakube(CODE_MODULES),
      'se.yaml': existing,
    });
    const result = await generateManifests(model, {});
    expect(result.generated.filter((m) => m.name.startsWith('dynatrace-registry'))).toEqual([]);

    const partial = existing.replace('[quay.io, "*.quay.io"]', '[quay.io, cdn.quay.io]');
    const second = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(CODE_MODULES), 'se.yaml': partial }),
      {},
    );
    const entry = second.generated.find((m) => m.name === 'dynatrace-registry-quay-io');
    expect(specsOf(entry?.yaml ?? '').spec.hosts).toEqual([
      'cdn01.quay.io',
      'cdn02.quay.io',
      'cdn03.quay.io',
    ]);
  });

  it('a registry on the tenant host is covered by the operator entry', async () => {
    const spec = `  oneAgent:
    cloudNativeFullStack:
      codeModulesImage: abc12345.live.dynatrace.com/linux/codemodules:latest
`;
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(spec) }),
      {},
    );
    expect(
      result.generated.map((m) => m.name).filter((name) => name.startsWith('dynatrace-registry')),
    ).toEqual([]);
  });

  // The kubelet pulls the OneAgent DaemonSet's and the ActiveGate StatefulSet's images, outside the mesh, and the
  // operator (since v1.0) never reads their manifests: nothing in the mesh talks to those registries.
  it.each([
    [
      'a custom OneAgent image',
      `  oneAgent:
    classicFullStack:
      image: ghcr.io/acme/oneagent:1
`,
    ],
    [
      'a custom OneAgent image next to code modules from the tenant',
      `  oneAgent:
    cloudNativeFullStack:
      image: ghcr.io/acme/oneagent:1
`,
    ],
    [
      'a custom ActiveGate image',
      `  activeGate:
    capabilities: [routing]
    image: ghcr.io/acme/activegate:1
`,
    ],
  ])('no registry entry for %s', async (_case, spec) => {
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(spec) }),
      {},
    );
    expect(
      result.generated.map((m) => m.name).filter((name) => name.startsWith('dynatrace-registry')),
    ).toEqual([]);
  });

  it('several DynaKubes pulling from one registry share its entry, which names them all', async () => {
    const second = dynakube(CODE_MODULES.replace('dynatrace-codemodules:1.311', 'other:2')).replace(
      'name: dynakube',
      'name: second',
    );
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(CODE_MODULES), 'dk2.yaml': second }),
      {},
    );
    const registries = result.generated.filter((m) => m.name.startsWith('dynatrace-registry'));
    expect(registries.map((m) => m.name)).toEqual(['dynatrace-registry-quay-io']);
    expect(parse(registries[0].yaml).metadata.annotations).toEqual({
      'dynakube-istio-guard/pulled-by':
        'the CSI driver pulls codeModulesImage of DynaKube dynakube; the CSI driver pulls codeModulesImage of DynaKube second',
    });
  });

  it.each([
    [
      'registry.example.com:5000/dt/codemodules:1',
      [['dynatrace-registry-registry-example-com', ['registry.example.com'], 5000, 'DNS']],
    ],
    [
      'myacr.azurecr.io/dynatrace/codemodules:1',
      [
        ['dynatrace-registry-myacr-azurecr-io', ['myacr.azurecr.io'], 443, 'DNS'],
        ['dynatrace-registry-myacr-azurecr-io-wildcard', ['*.blob.core.windows.net'], 443, 'NONE'],
      ],
    ],
  ])("%s: the registry's own port; a wildcard blob store in a NONE entry", async (image, expected) => {
    const spec = `  oneAgent:
    applicationMonitoring:
      codeModulesImage: ${image}
`;
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(spec) }),
      {},
    );
    const registries = result.generated
      .filter((m) => m.name.startsWith('dynatrace-registry'))
      .map((m) => specsOf(m.yaml));
    expect(registries.map((r) => [r.metadata.name, r.spec.hosts, r.spec.ports, r.spec.resolution])).toEqual(
      expected.map(([name, hosts, port, resolution]) => [
        name,
        hosts,
        [{ name: `https-${port}`, number: port, protocol: 'HTTPS' }],
        resolution,
      ]),
    );
    if (image.includes('azurecr'))
      expect(result.notes.map((n) => n.reason)).toContainEqual(
        expect.stringMatching(/myacr\.<region>\.data\.azurecr\.io/),
      );
  });

  const PUBLIC_ECR = ['public.ecr.aws', 'd2glxqk2uabbnd.cloudfront.net', 'd5l0dvt14r5h8.cloudfront.net'];
  const USE_PUBLIC = '  annotations:\n    feature.dynatrace.com/use-public-registry: "true"\n';
  const CLOUD_NATIVE = '  oneAgent:\n    cloudNativeFullStack: {}\n';

  // With the public registry the operator learns the code modules image from the Dynatrace API and the CSI
  // provisioner pulls it (status.codeModules.imageID); OneAgent and ActiveGate images are the kubelet's.
  it.each([
    ['use-public-registry, code modules through the CSI driver', CLOUD_NATIVE, USE_PUBLIC, PUBLIC_ECR],
    [
      'the flag public-registry of operators up to 1.8',
      CLOUD_NATIVE,
      '  annotations:\n    feature.dynatrace.com/public-registry: "true"\n',
      PUBLIC_ECR,
    ],
    [
      'publicRegistryOverride',
      `${CLOUD_NATIVE}  publicRegistryOverride: https://mirror.example.com/dynatrace/\n`,
      '',
      ['mirror.example.com'],
    ],
    [
      'use-public-registry with host agents only (no code modules)',
      '  oneAgent:\n    hostMonitoring: {}\n',
      USE_PUBLIC,
      undefined,
    ],
    [
      'use-public-registry with node-image-pull (the kubelet pulls)',
      CLOUD_NATIVE,
      `${USE_PUBLIC}    feature.dynatrace.com/node-image-pull: "true"\n`,
      undefined,
    ],
    [
      'use-public-registry and a custom codeModulesImage (the custom image wins)',
      CODE_MODULES,
      USE_PUBLIC,
      undefined,
    ],
  ])('public registry: %s', async (_case, spec, extra, hosts) => {
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(spec, extra) }),
      {},
    );
    const names = result.generated.map((m) => m.name).filter((name) => name.startsWith('dynatrace-registry'));
    const entry = result.generated.find(
      (m) => m.name.startsWith('dynatrace-registry') && !m.name.endsWith('quay-io'),
    );
    expect(entry && specsOf(entry.yaml).spec.hosts).toEqual(hosts);
    if (hosts)
      expect(parse(entry!.yaml).metadata.annotations['dynakube-istio-guard/pulled-by']).toMatch(
        /^the CSI driver pulls the code modules image from (Dynatrace's public registry|publicRegistryOverride) of DynaKube dynakube$/,
      );
    // Besides the custom code modules image's own registry (quay.io), at most the public one.
    expect(names.filter((name) => name !== 'dynatrace-registry-quay-io')).toHaveLength(hosts ? 1 : 0);
  });

  it('a placeholder image is a note', async () => {
    const spec = `  oneAgent:
    cloudNativeFullStack:
      codeModulesImage: \${REGISTRY}/codemodules:1
`;
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(spec) }),
      {},
    );
    expect(result.notes).toContainEqual({
      file: 'dk.yaml',
      line: 10,
      reason:
        'registry ServiceEntry for codeModulesImage of DynaKube dynakube not generated: "${REGISTRY}/codemodules:1" is a placeholder',
    });
  });
});

describe('scope "needed" (the default)', () => {
  it('generates nothing when egress is not restricted', async () => {
    const result = await generateManifests(modelOf({ 'dk.yaml': dynakube(CODE_MODULES) }), {});
    expect(result).toEqual({ generated: [], notes: [] });
  });

  it('under REGISTRY_ONLY with enableIstio off: Dynatrace entries and registries', async () => {
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(CODE_MODULES) }),
      {},
    );
    expect(result.generated.map((m) => `${m.kind} ${m.name}`)).toEqual([
      'ServiceEntry dynakube-fqdn-operator',
      'VirtualService dynakube-fqdn-operator',
      'ServiceEntry dynatrace-registry-quay-io',
    ]);
    expect(result.notes.map((n) => n.reason)).toEqual([
      expect.stringMatching(/^dynakube-fqdn-oneagent .*no Dynatrace API token/),
    ]);
  });

  it.each([
    ['dynatrace', true],
    ['apps', false],
  ])(
    'a REGISTRY_ONLY Sidecar in %s counts for the registries when it is the operator namespace',
    async (namespace, registries) => {
      const sidecar = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: ${namespace}
spec:
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
`;
      const result = await generateManifests(
        modelOf({
          'sidecar.yaml': sidecar,
          'ns.yaml': INJECTED_OPERATOR_NAMESPACE,
          'dk.yaml': dynakube(CODE_MODULES),
        }),
        {},
      );
      const names = result.generated.map((m) => m.name);
      // Registries are contacted from the operator's namespace (the CSI driver, the operator); the Dynatrace entries
      // serve every namespace with code modules.
      expect(names.includes('dynatrace-registry-quay-io')).toBe(registries);
      expect(names).toContain('dynakube-fqdn-operator');
    },
  );

  // Only the CSI driver pulls from a registry, from the operator's namespace: without a sidecar there (not
  // enrolled, or ambient, where ztunnel does not enforce REGISTRY_ONLY) nothing in the mesh talks to the registry.
  it.each([
    ['not enrolled', ''],
    ['ambient', '  labels:\n    istio.io/dataplane-mode: ambient\n'],
  ])('no registry entry when the operator namespace is %s', async (_case, labels) => {
    const namespace = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n${labels}`;
    const mesh = RESTRICTED_MESH.replace(
      `---\n${INJECTED_OPERATOR_NAMESPACE}`,
      namespace ? `---\n${namespace}` : '',
    );
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': mesh, 'dk.yaml': dynakube(CODE_MODULES) }),
      {},
    );
    expect(result.generated.map((m) => m.name)).toEqual(['dynakube-fqdn-operator', 'dynakube-fqdn-operator']);
  });

  it('with enableIstio on the operator makes the Dynatrace entries: only registries are generated', async () => {
    const spec = `  enableIstio: true
  oneAgent:
    cloudNativeFullStack:
      codeModulesImage: quay.io/acme/codemodules:1
  activeGate:
    capabilities: [routing]
    image: ghcr.io/acme/activegate:1
`;
    const result = await generateManifests(
      modelOf({ 'mesh.yaml': RESTRICTED_MESH, 'dk.yaml': dynakube(spec) }),
      {},
    );
    expect(result.generated.map((m) => m.name)).toEqual(['dynatrace-registry-quay-io']);
    expect(result.notes).toEqual([]);
  });
});
