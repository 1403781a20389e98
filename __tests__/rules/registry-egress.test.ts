import { describe, expect, it } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import { egressMap } from '../../src/diff/egress.js';
import { generateManifests } from '../../src/generate/index.js';
import { validateServiceEntrySpec } from '../../src/generate/validate-service-entry.js';
import { registryEgress } from '../../src/rules/registry-egress.js';
import { serviceEntryInvalid } from '../../src/rules/service-entry-invalid.js';
import type { FindingDraft } from '../../src/rules/types.js';
import { applyFixes, appOnlyDynaKube, modelOf, runRule, yaml, type Tree } from './harness.js';

const registryOnly = yaml`
  apiVersion: helm.toolkit.fluxcd.io/v2
  kind: HelmRelease
  metadata:
    name: istiod
    namespace: istio-system
  spec:
    chart:
      spec:
        chart: istiod
    values:
      meshConfig:
        outboundTrafficPolicy:
          mode: REGISTRY_ONLY
`;

function operatorNamespace(labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels);
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    '  name: dynatrace',
    ...(entries.length > 0 ? ['  labels:', ...entries.map(([k, v]) => `    ${k}: ${v}`)] : []),
    '',
  ].join('\n');
}

function dynakube(image = 'docker.io/acme/codemodules:1.2.3', annotations = ''): string {
  return (
    [
      'apiVersion: dynatrace.com/v1beta5',
      'kind: DynaKube',
      'metadata:',
      '  name: prod',
      '  namespace: dynatrace',
      ...(annotations ? ['  annotations:', `    ${annotations}`] : []),
      'spec:',
      '  apiUrl: https://abc12345.live.dynatrace.com/api',
      '  enableIstio: true',
      '  oneAgent:',
      '    cloudNativeFullStack:',
      `      codeModulesImage: ${image}`,
    ].join('\n') + '\n'
  );
}

/** A DynaKube without codeModulesImage that takes its images from Dynatrace's public registry. */
function publicRegistryDynakube(annotations = 'feature.dynatrace.com/use-public-registry: "true"'): string {
  // `cloudNativeFullStack:` alone would be null, which the operator reads as the mode off.
  return dynakube(undefined, annotations).replace(/:\n +codeModulesImage.*\n/, ': {}\n');
}

/** An entry for the public registry and the CloudFront hosts it redirects blob downloads to. */
const publicRegistryEntry = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: public-ecr
    namespace: dynatrace
  spec:
    hosts: [public.ecr.aws, d2glxqk2uabbnd.cloudfront.net, d5l0dvt14r5h8.cloudfront.net]
    ports: [{name: https-443, number: 443, protocol: HTTPS}]
    resolution: DNS
`;

function operatorRelease(csidriver: string): string {
  return (
    yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: dynatrace-operator
        namespace: dynatrace
      spec:
        chart:
          spec:
            chart: dynatrace-operator
        values:
          csidriver:
    ` + csidriver
  );
}

/** The guide's ServiceEntry for docker.io. */
const guideEntry = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: codemodules-docker-io
    namespace: dynatrace
  spec:
    hosts:
    - index.docker.io
    - auth.docker.io
    - production.cloudflare.docker.com
    location: MESH_EXTERNAL
    ports:
    - name: https-443
      number: 443
      protocol: HTTPS
    resolution: DNS
`;

/** A selector-less Sidecar in `namespace`, with `outboundTrafficPolicy.mode` when given. */
function sidecar(namespace: string, mode: string | undefined): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    'metadata:',
    '  name: default',
    `  namespace: ${namespace}`,
    'spec:',
    mode ? `  outboundTrafficPolicy: {mode: ${mode}}` : '  egress: [{hosts: ["./*"]}]',
    '',
  ].join('\n');
}

function base(extra: Tree = {}): Tree {
  return {
    'istio/istiod.yaml': registryOnly,
    'dt/ns.yaml': operatorNamespace({ 'istio-injection': 'enabled' }),
    'dt/dk.yaml': dynakube(),
    ...extra,
  };
}

describe('registry-egress', () => {
  const fires: [string, Tree, string[]][] = [
    ['CSI driver in an injected operator namespace, Docker Hub image', base(), ['index.docker.io:443']],
    [
      'CSI driver opted in by csidriver.labels, egress closed by a Sidecar in its namespace',
      {
        'dt/ns.yaml': operatorNamespace(),
        'dt/operator.yaml': operatorRelease('      labels:\n        sidecar.istio.io/inject: "true"\n'),
        'dt/sidecar.yaml': yaml`
          apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata:
            name: default
            namespace: dynatrace
          spec:
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
        `,
        'dt/dk.yaml': dynakube('quay.io/acme/codemodules:1.2.3'),
      },
      ['quay.io:443', 'cdn.quay.io:443'],
    ],
    [
      'an entry for the registry host alone: blob redirects stall',
      base({
        'dt/se.yaml': guideEntry.replace('  - auth.docker.io\n  - production.cloudflare.docker.com\n', ''),
      }),
      ['auth.docker.io:443', 'production.cloudflare.docker.com:443'],
    ],
    [
      'the guide entry exported only to another namespace',
      base({ 'dt/se.yaml': guideEntry + '  exportTo: ["istio-system"]\n' }),
      ['index.docker.io:443'],
    ],
    [
      'a private registry on its own port',
      base({ 'dt/dk.yaml': dynakube('registry.acme.io:5000/dt/cm:1') }),
      ['registry.acme.io:5000'],
    ],
    // The CSI provisioner pulls status.codeModules.imageID, the public registry's image (csi/provisioner/install.go).
    [
      'the public registry (use-public-registry), no codeModulesImage',
      base({ 'dt/dk.yaml': publicRegistryDynakube() }),
      ['public.ecr.aws:443', 'd2glxqk2uabbnd.cloudfront.net:443'],
    ],
    [
      'the public registry (public-registry, operator 1.8 and earlier)',
      base({ 'dt/dk.yaml': publicRegistryDynakube('feature.dynatrace.com/public-registry: "true"') }),
      ['public.ecr.aws:443'],
    ],
  ];

  it('names the public registry pull as such', () => {
    const [draft] = runRule(registryEgress, base({ 'dt/dk.yaml': publicRegistryDynakube() }));
    expect(draft.field).toBe('publicRegistry|public.ecr.aws');
    expect(draft.message).toMatch(
      /^The CSI driver pulls the code modules image from the public registry public\.ecr\.aws/,
    );
  });

  it.each(fires)('fires: %s', (_name, tree, missing) => {
    const drafts = runRule(registryEgress, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].resource).toBe('DynaKube dynatrace/prod');
    expect(drafts[0].origin.file).toBe('dt/dk.yaml');
    for (const host of missing) expect(drafts[0].message).toContain(host);
    expect(drafts[0].fix?.description).toContain('new file');
    const fixed = applyFixes(tree, drafts);
    expect(runRule(registryEgress, fixed)).toEqual([]);
  });

  const silent: [string, Tree][] = [
    [
      'egress open (ALLOW_ANY)',
      { ...base(), 'istio/istiod.yaml': registryOnly.replace('REGISTRY_ONLY', 'ALLOW_ANY') },
    ],
    ['CSI driver outside the mesh', base({ 'dt/ns.yaml': operatorNamespace() })],
    [
      'operator namespace in ambient mode: ztunnel does not enforce REGISTRY_ONLY',
      base({ 'dt/ns.yaml': operatorNamespace({ 'istio.io/dataplane-mode': 'ambient' }) }),
    ],
    ['the guide’s ServiceEntry covers Docker Hub', base({ 'dt/se.yaml': guideEntry })],
    [
      'node image pull: the kubelet pulls the image outside the mesh',
      base({ 'dt/dk.yaml': dynakube(undefined, 'feature.dynatrace.com/node-image-pull: "true"') }),
    ],
    // The operator parses the flag with Go's strconv.ParseBool: "1" and "True" are on too.
    [
      'node image pull written "1"',
      base({ 'dt/dk.yaml': dynakube(undefined, 'feature.dynatrace.com/node-image-pull: "1"') }),
    ],
    [
      'node image pull written "True"',
      base({ 'dt/dk.yaml': dynakube(undefined, 'feature.dynatrace.com/node-image-pull: "True"') }),
    ],
    ['CSI driver disabled', base({ 'dt/operator.yaml': operatorRelease('      enabled: false\n') })],
    [
      'no codeModulesImage: code modules come from the Dynatrace API',
      base({ 'dt/dk.yaml': dynakube().replace(/ +codeModulesImage.*\n/, '') }),
    ],
    ['a placeholder image', base({ 'dt/dk.yaml': dynakube('${CODE_MODULES_IMAGE}') })],
    [
      'the public registry, but node image pull',
      base({
        'dt/dk.yaml': publicRegistryDynakube(
          'feature.dynatrace.com/use-public-registry: "true"\n    feature.dynatrace.com/node-image-pull: "true"',
        ),
      }),
    ],
    [
      'the public registry covered',
      base({ 'dt/dk.yaml': publicRegistryDynakube(), 'dt/se.yaml': publicRegistryEntry }),
    ],
  ];

  it.each(silent)('does not fire: %s', (_name, tree) => {
    expect(runRule(registryEgress, tree)).toEqual([]);
  });

  it('writes the generated registry ServiceEntry to a new file beside the DynaKube', () => {
    const tree = base();
    const [draft] = runRule(registryEgress, tree);
    const [edit] = draft.fix!.edits;
    expect(edit).toMatchObject({ file: 'dt/dynatrace-registry-docker-io.yaml', startLine: 1, endLine: 0 });
    const text = applyFixes(tree, [draft])[edit.file];
    for (const host of ['index.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com'])
      expect(text).toContain(`- ${host}`);
    expect(text).toContain('namespace: dynatrace');
    expect(text).toContain('resolution: DNS');
  });
});

describe('registry-egress coverage', () => {
  it('lists only the hosts no entry covers', () => {
    const [draft] = runRule(registryEgress, {
      'istio/istiod.yaml': registryOnly,
      'dt/ns.yaml': operatorNamespace({ 'istio-injection': 'enabled' }),
      'dt/dk.yaml': dynakube(),
      'dt/se.yaml': guideEntry.replace('  - auth.docker.io\n', ''),
    });
    expect(draft.message).toContain('auth.docker.io:443');
    expect(draft.message).not.toContain('index.docker.io:443');
    expect(draft.message).not.toContain('production.cloudflare.docker.com:443');
  });
});

/** A ServiceEntry in namespace dynatrace with these hosts, ports and extra spec lines. */
function entry(name: string, hosts: string[], ports: [number, string][], extra = 'resolution: DNS'): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${name}`,
    '  namespace: dynatrace',
    'spec:',
    '  hosts:',
    ...hosts.map((host) => `  - "${host}"`),
    '  ports:',
    ...ports.map(
      ([number, protocol]) =>
        `  - {name: ${protocol.toLowerCase()}-${number}, number: ${number}, protocol: ${protocol}}`,
    ),
    '  location: MESH_EXTERNAL',
    ...extra.split('\n').map((line) => `  ${line}`),
    '',
  ].join('\n');
}

/** The ServiceEntry specs a fix creates. */
function createdSpecs(draft: FindingDraft): Record<string, unknown>[] {
  return draft.fix!.edits.flatMap((edit) =>
    parseAllDocuments(edit.replacement).map((doc) => (doc.toJS() as { spec: Record<string, unknown> }).spec),
  );
}

describe('registry-egress: a registry given by IP address', () => {
  const tree = base({ 'dt/dk.yaml': dynakube('10.0.0.5:5000/dt/codemodules:1.31') });

  it('fixes with an entry Istio accepts: the IP in addresses, TCP, resolution NONE', () => {
    const [draft] = runRule(registryEgress, tree);
    expect(draft.message).toContain('10.0.0.5:5000');
    const specs = createdSpecs(draft);
    expect(specs).toEqual([
      {
        hosts: ['ip-10-0-0-5.registry.invalid'],
        addresses: ['10.0.0.5/32'],
        ports: [{ name: 'tcp-5000', number: 5000, protocol: 'TCP' }],
        location: 'MESH_EXTERNAL',
        resolution: 'NONE',
      },
    ]);
    for (const spec of specs) expect(validateServiceEntrySpec(spec)).toEqual([]);
  });

  it('the fixed tree is quiet for registry-egress and service-entry-invalid', () => {
    const fixed = applyFixes(tree, runRule(registryEgress, tree));
    expect(runRule(registryEgress, fixed)).toEqual([]);
    expect(runRule(serviceEntryInvalid, fixed)).toEqual([]);
  });

  it('the generated manifests carry the same entry and no "invalid and was dropped" note', async () => {
    const result = await generateManifests(modelOf(tree));
    expect(result.notes.map((note) => note.reason).join('\n')).not.toContain('invalid');
    expect(result.generated.map((manifest) => (parse(manifest.yaml) as { spec: unknown }).spec)).toEqual(
      createdSpecs(runRule(registryEgress, tree)[0]),
    );
  });
});

describe('registry-egress: an entry Istio rejects covers nothing', () => {
  const rejected: [string, Tree, string][] = [
    [
      'the IP of a registry in hosts (the old fix for an IP registry)',
      base({
        'dt/dk.yaml': dynakube('10.0.0.5:5000/dt/codemodules:1.31'),
        'dt/se.yaml': entry('dynatrace-registry-10-0-0-5', ['10.0.0.5'], [[5000, 'HTTPS']]),
      }),
      '10.0.0.5:5000',
    ],
    [
      'the guide’s hosts on a plain TCP port with DNS resolution',
      base({
        'dt/se.yaml': entry(
          'codemodules-docker-io',
          ['index.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com'],
          [[443, 'TCP']],
        ),
      }),
      'index.docker.io:443',
    ],
    [
      'a wildcard host with DNS resolution and no endpoints',
      base({
        'dt/dk.yaml': dynakube('registry.acme.com/dt/codemodules:1.31'),
        'dt/se.yaml': entry('acme', ['*.acme.com', 'registry.acme.com'], [[443, 'HTTPS']]),
      }),
      'registry.acme.com:443',
    ],
  ];

  it.each(rejected)('%s', (_name, tree, missing) => {
    expect(runRule(serviceEntryInvalid, tree)).toHaveLength(1);
    const drafts = runRule(registryEgress, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].message).toContain(missing);
  });

  it('the fix beside the rejected entry takes a name of its own, so applying it replaces nothing', () => {
    const tree = rejected[0][1];
    const [draft] = runRule(registryEgress, tree);
    const [edit] = draft.fix!.edits;
    expect(edit.file).toBe('dt/dynatrace-registry-10-0-0-5-2.yaml');
    expect(edit.replacement).toContain('name: dynatrace-registry-10-0-0-5-2\n');
    const fixed = applyFixes(tree, [draft]);
    expect(runRule(registryEgress, fixed)).toEqual([]);
    expect(runRule(serviceEntryInvalid, fixed)).toHaveLength(1);
  });

  it('an IP registry is covered by an entry whose addresses hold the IP (or its CIDR) on the port', () => {
    const image = dynakube('10.0.0.5:5000/dt/codemodules:1.31');
    const byCidr = entry(
      'lab',
      ['registry.lab.internal'],
      [[5000, 'TCP']],
      'addresses: [10.0.0.0/24]\nresolution: NONE',
    );
    expect(runRule(registryEgress, base({ 'dt/dk.yaml': image, 'dt/se.yaml': byCidr }))).toEqual([]);
    const otherPort = byCidr.replace(/5000/g, '5001');
    expect(runRule(registryEgress, base({ 'dt/dk.yaml': image, 'dt/se.yaml': otherPort }))).toHaveLength(1);
    const otherNet = byCidr.replace('10.0.0.0/24', '10.0.1.0/24');
    expect(runRule(registryEgress, base({ 'dt/dk.yaml': image, 'dt/se.yaml': otherNet }))).toHaveLength(1);
  });
});

describe('registry-egress: one registry used on two ports by two DynaKubes', () => {
  const second = dynakube('registry.acme.com/dt/codemodules:1.31').replace('name: prod', 'name: other');
  const tree = base({
    'dt/dk.yaml': `${dynakube('registry.acme.com:5000/dt/codemodules:1.31')}---\n${second}`,
  });

  it('one fix declares both ports in one entry; no two fixes create the same file', () => {
    const drafts = runRule(registryEgress, tree);
    expect(drafts.map((draft) => draft.resource)).toEqual([
      'DynaKube dynatrace/prod',
      'DynaKube dynatrace/other',
    ]);
    const created = drafts.flatMap((draft) => draft.fix?.edits.filter((edit) => edit.endLine === 0) ?? []);
    expect(created.map((edit) => edit.file)).toEqual(['dt/dynatrace-registry-registry-acme-com.yaml']);
    expect(createdSpecs(drafts.find((draft) => draft.fix)!)).toEqual([
      {
        hosts: ['registry.acme.com'],
        ports: [
          { name: 'https-443', number: 443, protocol: 'HTTPS' },
          { name: 'https-5000', number: 5000, protocol: 'HTTPS' },
        ],
        location: 'MESH_EXTERNAL',
        resolution: 'DNS',
      },
    ]);
    expect(drafts[1].message).toContain('The fix offered for DynaKube prod declares these too.');
    expect(runRule(registryEgress, applyFixes(tree, drafts))).toEqual([]);
  });

  it('the generated manifests hold one entry per namespace and name, with both ports', async () => {
    const result = await generateManifests(modelOf(tree));
    const registries = result.generated.filter((manifest) => manifest.name.startsWith('dynatrace-registry'));
    expect(registries.map((manifest) => `${manifest.namespace}/${manifest.name}`)).toEqual([
      'dynatrace/dynatrace-registry-registry-acme-com',
    ]);
    expect((parse(registries[0].yaml) as { spec: unknown }).spec).toEqual(
      createdSpecs(runRule(registryEgress, tree)[0])[0],
    );
  });
});

/**
 * The rule, the egress map and the generated manifests answer one question: does the CSI driver's pull go through?
 * Each row: the rule fires ⇔ the map's CSI driver → registry path is blocked ⇔ registry entries are generated.
 */
describe('registry-egress, the egress map and the generated manifests agree', () => {
  const table: [string, Tree, boolean][] = [
    ['no entry', base(), true],
    ['the guide’s entry for Docker Hub', base({ 'dt/se.yaml': guideEntry }), false],
    [
      'the guide’s entry in another namespace, exported everywhere',
      base({ 'dt/se.yaml': guideEntry.replace('namespace: dynatrace', 'namespace: istio-system') }),
      false,
    ],
    [
      'the guide’s entry exported only to another namespace',
      base({ 'dt/se.yaml': guideEntry + '  exportTo: ["istio-system"]\n' }),
      true,
    ],
    [
      'an entry for registry-1.docker.io alone',
      base({ 'dt/se.yaml': entry('hub', ['registry-1.docker.io'], [[443, 'HTTPS']]) }),
      true,
    ],
    [
      'the guide’s hosts on port 80 only',
      base({ 'dt/se.yaml': guideEntry.replace('number: 443', 'number: 80') }),
      true,
    ],
    [
      'the guide’s hosts on a TCP port Istio rejects',
      base({ 'dt/se.yaml': guideEntry.replace('protocol: HTTPS', 'protocol: TCP') }),
      true,
    ],
    [
      'a private registry on its own port, entry on 443',
      base({
        'dt/dk.yaml': dynakube('registry.acme.com:5000/dt/cm:1'),
        'dt/se.yaml': entry('acme', ['registry.acme.com'], [[443, 'HTTPS']]),
      }),
      true,
    ],
    [
      'a private registry on its own port, entry on that port',
      base({
        'dt/dk.yaml': dynakube('registry.acme.com:5000/dt/cm:1'),
        'dt/se.yaml': entry('acme', ['registry.acme.com'], [[5000, 'HTTPS']]),
      }),
      false,
    ],
    ['an IP registry, no entry', base({ 'dt/dk.yaml': dynakube('10.0.0.5:5000/dt/cm:1') }), true],
    [
      'the operator namespace’s Sidecar sets ALLOW_ANY under a REGISTRY_ONLY mesh',
      base({ 'dt/sidecar.yaml': sidecar('dynatrace', 'ALLOW_ANY') }),
      false,
    ],
    [
      'the root Sidecar sets ALLOW_ANY, the operator namespace’s own Sidecar inherits REGISTRY_ONLY',
      base({
        'dt/sidecar.yaml': sidecar('dynatrace', undefined),
        'istio/sidecar.yaml': sidecar('istio-system', 'ALLOW_ANY'),
      }),
      true,
    ],
    [
      'the root Sidecar sets ALLOW_ANY and the operator namespace has none',
      base({ 'istio/sidecar.yaml': sidecar('istio-system', 'ALLOW_ANY') }),
      false,
    ],
    ['the public registry, no entry', base({ 'dt/dk.yaml': publicRegistryDynakube() }), true],
    [
      'the public registry and its CDN declared',
      base({ 'dt/dk.yaml': publicRegistryDynakube(), 'dt/se.yaml': publicRegistryEntry }),
      false,
    ],
    [
      'an IP registry, the IP in hosts',
      base({
        'dt/dk.yaml': dynakube('10.0.0.5:5000/dt/cm:1'),
        'dt/se.yaml': entry('ip', ['10.0.0.5'], [[5000, 'HTTPS']]),
      }),
      true,
    ],
  ];

  it.each(table)('%s', async (_name, tree, blocked) => {
    const model = modelOf(tree);
    const fires = runRule(registryEgress, tree).length > 0;
    const map = egressMap(model)!;
    const registryNode = map.nodes.find((node) => node.label.startsWith('registry'))!;
    const path = map.edges.find((edge) => edge.to === registryNode.id)!;
    const generated = (await generateManifests(model)).generated.filter((manifest) =>
      manifest.name.startsWith('dynatrace-registry'),
    );
    expect({ fires, mapBlocked: !!path.blocked, generated: generated.length > 0 }).toEqual({
      fires: blocked,
      mapBlocked: blocked,
      generated: blocked,
    });
  });
});

/**
 * Who pulls codeModulesImage decides whether the mesh needs its registry: only the CSI driver pulling it itself
 * does. With node-image-pull the kubelet pulls it for a Job, without the CSI driver it is an init container's image,
 * and the operator does not read a custom image's manifest. The generator (both scopes) and the rule agree.
 */
describe('registry entries for codeModulesImage follow who pulls it', () => {
  const nodePull = 'feature.dynatrace.com/node-image-pull: "true"';
  const table: [string, Tree, string[]][] = [
    ['the CSI driver pulls it', base(), ['dynatrace/dynatrace-registry-docker-io']],
    ['node-image-pull: the kubelet pulls it', base({ 'dt/dk.yaml': dynakube(undefined, nodePull) }), []],
    [
      'node-image-pull written "True"',
      base({ 'dt/dk.yaml': dynakube(undefined, nodePull.replace('true', 'True')) }),
      [],
    ],
    [
      'no CSI driver: an init container image',
      base({ 'dt/operator.yaml': operatorRelease('      enabled: false\n') }),
      [],
    ],
    [
      'node-image-pull with the CSI driver disabled',
      base({
        'dt/dk.yaml': dynakube(undefined, nodePull),
        'dt/operator.yaml': operatorRelease('      enabled: false\n'),
      }),
      [],
    ],
  ];

  it.each(table)('%s', async (_name, tree, entries) => {
    const model = modelOf(tree);
    const registryEntriesOf = async (scope: 'needed' | 'all') =>
      (await generateManifests(model, { scope })).generated
        .filter((manifest) => manifest.name.startsWith('dynatrace-registry'))
        .map((manifest) => `${manifest.namespace}/${manifest.name}`);
    expect(await registryEntriesOf('needed')).toEqual(entries);
    expect(await registryEntriesOf('all')).toEqual(entries);
    expect(runRule(registryEgress, tree)).toHaveLength(entries.length > 0 ? 1 : 0);
  });
});

/** An application-only DynaKube of `version` named `prod`, with `useCSIDriver` when given. */
const appOnly = (version: string, useCSIDriver?: boolean) =>
  appOnlyDynaKube(version, { useCSIDriver, name: 'prod' });

/** A Flux HelmRelease of the operator chart pinned at `version`. */
function pinnedOperator(version: string): string {
  return yaml`
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: dynatrace-operator
      namespace: dynatrace
    spec:
      chart:
        spec:
          chart: dynatrace-operator
          version: '${version}'
  `;
}

describe('registry-egress, useCSIDriver of v1beta1/v1beta2 applicationMonitoring', () => {
  // Only with the CSI driver does something in the operator's namespace pull codeModulesImage; without it the
  // image is an init container's, pulled by the kubelet (reference/dynatrace.md §5.2).
  const cases: { name: string; dynakube: string; operator?: string; fires: boolean }[] = [
    { name: 'v1beta1 useCSIDriver: false', dynakube: appOnly('v1beta1', false), fires: false },
    {
      name: 'v1beta1 useCSIDriver: false under operator 1.2.2, which keeps the field',
      dynakube: appOnly('v1beta1', false),
      operator: pinnedOperator('1.2.2'),
      fires: false,
    },
    {
      name: 'v1beta1 without useCSIDriver (nil reads as false)',
      dynakube: appOnly('v1beta1'),
      fires: false,
    },
    { name: 'v1beta2 useCSIDriver: false', dynakube: appOnly('v1beta2', false), fires: false },
    {
      name: 'v1beta2 without useCSIDriver (CRD default false)',
      dynakube: appOnly('v1beta2'),
      fires: false,
    },
    { name: 'v1beta1 useCSIDriver: true', dynakube: appOnly('v1beta1', true), fires: true },
    { name: 'v1beta2 useCSIDriver: true', dynakube: appOnly('v1beta2', true), fires: true },
    {
      name: 'v1beta1 useCSIDriver: false under operator 1.4.0, which drops the field and uses the CSI driver',
      dynakube: appOnly('v1beta1', false),
      operator: pinnedOperator('1.4.0'),
      fires: true,
    },
    {
      name: 'v1beta5 applicationMonitoring (no such field: the CSI driver serves when installed)',
      dynakube: appOnly('v1beta5'),
      fires: true,
    },
  ];

  it.each(cases)('$name', ({ dynakube: dk, operator, fires }) => {
    const tree = base({ 'dt/dk.yaml': dk, ...(operator ? { 'dt/operator.yaml': operator } : {}) });
    if (operator) expect(modelOf(tree).operatorInstalls[0].version?.value).toMatch(/^1\.[24]\.\d$/);
    expect(runRule(registryEgress, tree)).toHaveLength(fires ? 1 : 0);
  });
});
