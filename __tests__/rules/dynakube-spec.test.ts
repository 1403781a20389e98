import { describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/engine.js';
import { dynakubeSpec as rule } from '../../src/rules/dynakube-spec.js';
import { applyFixes, modelOf, runRule, yaml, type Tree } from './harness.js';

function dynakube(spec: string, name = 'dk'): string {
  return (
    yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: ${name}
      namespace: dynatrace
    spec:
  ` +
    spec
      .split('\n')
      .map((line) => (line ? `  ${line}` : line))
      .join('\n')
  );
}

const valid = dynakube(yaml`
  apiUrl: https://abc12345.live.dynatrace.com/api
  oneAgent:
    cloudNativeFullStack: {}
  activeGate:
    capabilities:
      - routing
      - kubernetes-monitoring
      - metrics-ingest
      - dynatrace-api
`);

/** The operator installed by its Helm chart, pinned to `version`. */
function operatorRelease(version: string): string {
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
          version: "${version}"
  `;
}

/** A cloudNativeFullStack DynaKube whose namespaceSelector is `selector` (lines under it). */
function withSelector(selector: string): string {
  return dynakube(
    yaml`
    apiUrl: https://abc12345.live.dynatrace.com/api
    oneAgent:
      cloudNativeFullStack:
        namespaceSelector:
  ` +
      selector
        .split('\n')
        .map((line) => (line ? `      ${line}` : line))
        .join('\n'),
  );
}

/** A DynaKube with a metadata-enrichment selector holding an unknown operator. */
const invalidEnrichmentSelector = dynakube(yaml`
  apiUrl: https://abc12345.live.dynatrace.com/api
  metadataEnrichment:
    enabled: true
    namespaceSelector:
      matchExpressions:
        - {key: team, operator: Equals, values: [shop]}
`);

/** A DynaKube running OneAgent `mode` with one more field under it. */
function oneAgent(mode: string, field: string): string {
  return dynakube(`apiUrl: https://abc12345.live.dynatrace.com/api\noneAgent:\n  ${mode}:\n    ${field}\n`);
}

/** A DynaKube with feature-flag annotations and `oneAgent` lines. */
function withFlags(flags: string[], oneAgentLines: string): string {
  const body = oneAgentLines
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return dynakube(`apiUrl: https://abc12345.live.dynatrace.com/api\noneAgent:\n${body}\n`).replace(
    '  namespace: dynatrace\n',
    `  namespace: dynatrace\n  annotations:\n${flags.map((flag) => `    ${flag}\n`).join('')}`,
  );
}

const ONEAGENT_SELECTOR = 'spec.oneAgent.cloudNativeFullStack.namespaceSelector';

const cases: { name: string; tree: Tree; fires: string[]; line?: number }[] = [
  {
    name: 'two OneAgent modes',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        oneAgent:
          cloudNativeFullStack: {}
          hostMonitoring: {}
      `),
    },
    fires: ['spec.oneAgent'],
    line: 10,
  },
  {
    name: 'apiUrl without /api',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com\n') },
    fires: ['spec.apiUrl'],
    line: 7,
  },
  {
    name: 'apiUrl with a trailing slash',
    tree: { 'dk.yaml': dynakube('apiUrl: "https://abc12345.live.dynatrace.com/api/" # tenant\n') },
    fires: ['spec.apiUrl'],
  },
  {
    name: 'apiUrl that is no URL',
    tree: { 'dk.yaml': dynakube('apiUrl: abc12345.live.dynatrace.com/api\n') },
    fires: ['spec.apiUrl'],
  },
  {
    name: 'apiUrl missing',
    tree: { 'dk.yaml': dynakube('oneAgent:\n  hostMonitoring: {}\n') },
    fires: ['spec.apiUrl'],
  },
  {
    name: 'invalid ActiveGate capability (near miss)',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities:
            - routing
            - Kubernetes_Monitoring
      `),
    },
    fires: ['spec.activeGate.capabilities.Kubernetes_Monitoring'],
    line: 11,
  },
  {
    name: 'unknown ActiveGate capability',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities: [routing, statsd]
      `),
    },
    fires: ['spec.activeGate.capabilities.statsd'],
  },
  {
    // `debugging` came with operator v1.5 (pkg/api/v1beta3/dynakube/activegate/spec.go of v1.5.0; not in v1.4.x).
    name: 'the debugging capability under operator 1.4, which does not know it',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities: [routing, debugging]
      `).replace('v1beta5', 'v1beta3'),
      'op.yaml': operatorRelease('1.4.2'),
    },
    fires: ['spec.activeGate.capabilities.debugging'],
  },
  {
    name: 'the debugging capability under operator 1.5',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities: [routing, debugging]
      `).replace('v1beta5', 'v1beta4'),
      'op.yaml': operatorRelease('1.5.0'),
    },
    fires: [],
  },
  {
    name: 'namespaceSelector: an operator Kubernetes does not know',
    tree: {
      'dk.yaml': withSelector('matchExpressions:\n  - {key: team, operator: Equals, values: [shop]}\n'),
    },
    fires: [ONEAGENT_SELECTOR],
    line: 12,
  },
  {
    name: 'namespaceSelector: In without values',
    tree: { 'dk.yaml': withSelector('matchExpressions:\n  - {key: team, operator: In, values: []}\n') },
    fires: [ONEAGENT_SELECTOR],
  },
  {
    name: 'namespaceSelector: NotIn with values missing',
    tree: { 'dk.yaml': withSelector('matchExpressions:\n  - {key: team, operator: NotIn}\n') },
    fires: [ONEAGENT_SELECTOR],
  },
  {
    name: 'namespaceSelector: Exists with values',
    tree: {
      'dk.yaml': withSelector('matchExpressions:\n  - {key: team, operator: Exists, values: [shop]}\n'),
    },
    fires: [ONEAGENT_SELECTOR],
  },
  {
    name: 'namespaceSelector: a label key with two slashes',
    tree: { 'dk.yaml': withSelector('matchLabels:\n  example.com/team/name: shop\n') },
    fires: [ONEAGENT_SELECTOR],
    line: 12,
  },
  {
    name: 'namespaceSelector: a label key prefix that is no DNS subdomain',
    tree: { 'dk.yaml': withSelector('matchLabels:\n  Example_Com/team: shop\n') },
    fires: [ONEAGENT_SELECTOR],
  },
  {
    name: 'namespaceSelector: a label value with a character labels cannot have',
    tree: { 'dk.yaml': withSelector('matchLabels:\n  team: "shop/eu"\n') },
    fires: [ONEAGENT_SELECTOR],
  },
  {
    name: 'namespaceSelector: a label value longer than 63 characters',
    tree: {
      'dk.yaml': withSelector(
        `matchExpressions:\n  - {key: team, operator: In, values: [${'a'.repeat(64)}]}\n`,
      ),
    },
    fires: [ONEAGENT_SELECTOR],
  },
  {
    name: 'applicationMonitoring selector of a v1beta1 DynaKube (top level)',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        namespaceSelector:
          matchLabels: {team: -shop}
        oneAgent:
          applicationMonitoring: {}
      `).replace('v1beta5', 'v1beta1'),
    },
    fires: ['spec.namespaceSelector'],
  },
  {
    name: 'top-level selector of a v1beta1 DynaKube that injects nothing',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        namespaceSelector:
          matchLabels: {team: -shop}
        oneAgent:
          hostMonitoring: {}
      `).replace('v1beta5', 'v1beta1'),
    },
    fires: [],
  },
  {
    name: 'metadataEnrichment selector with an operator after v1.10.2',
    tree: { 'dk.yaml': invalidEnrichmentSelector, 'op.yaml': operatorRelease('1.11.0') },
    fires: ['spec.metadataEnrichment.namespaceSelector'],
  },
  {
    name: 'metadataEnrichment selector with v1.10.2, which does not check it',
    tree: { 'dk.yaml': invalidEnrichmentSelector, 'op.yaml': operatorRelease('1.10.2') },
    fires: [],
  },
  {
    name: 'metadataEnrichment selector with no operator version pinned',
    tree: { 'dk.yaml': invalidEnrichmentSelector },
    fires: [],
  },
  {
    name: 'namespaceSelector: valid keys, prefixes, values and operators',
    tree: {
      'dk.yaml': withSelector(yaml`
        matchLabels:
          app.kubernetes.io/part-of: shop_1.0
          team: ""
        matchExpressions:
          - {key: kubernetes.io/metadata.name, operator: In, values: [shop, payments]}
          - {key: tier, operator: NotIn, values: [batch]}
          - {key: monitored, operator: Exists}
          - {key: legacy, operator: DoesNotExist, values: []}
      `),
    },
    fires: [],
  },
  {
    name: 'namespaceSelector: a placeholder value',
    tree: { 'dk.yaml': withSelector('matchLabels:\n  team: ${TEAM}\n') },
    fires: [],
  },
  {
    // The model notes an unquoted value (`config-not-evaluable`); it is not reported twice.
    name: 'namespaceSelector: an unquoted number value',
    tree: { 'dk.yaml': withSelector('matchLabels:\n  tier: 1\n') },
    fires: [],
  },
  {
    name: 'OneAgent version without the build timestamp',
    tree: { 'dk.yaml': oneAgent('cloudNativeFullStack', 'version: "1.291.0"') },
    fires: ['spec.oneAgent.cloudNativeFullStack.version'],
    line: 10,
  },
  {
    name: 'OneAgent version with a leading zero, which is no semver',
    tree: { 'dk.yaml': oneAgent('classicFullStack', 'version: 1.02.0.20240101-000000') },
    fires: ['spec.oneAgent.classicFullStack.version'],
  },
  {
    name: 'OneAgent version without the build timestamp, operator v1.3 (no such check)',
    tree: {
      'dk.yaml': oneAgent('cloudNativeFullStack', 'version: "1.291.0"'),
      'op.yaml': operatorRelease('1.3.0'),
    },
    fires: [],
  },
  {
    name: 'a valid OneAgent version',
    tree: { 'dk.yaml': oneAgent('hostMonitoring', 'version: 1.291.0.20240515-092316') },
    fires: [],
  },
  {
    name: 'a placeholder OneAgent version',
    tree: { 'dk.yaml': oneAgent('hostMonitoring', 'version: ${ONEAGENT_VERSION}') },
    fires: [],
  },
  {
    name: 'node-image-pull without codeModulesImage or public registry',
    tree: {
      'dk.yaml': withFlags(['feature.dynatrace.com/node-image-pull: "true"'], 'cloudNativeFullStack: {}'),
    },
    fires: ['metadata.annotations.feature.dynatrace.com/node-image-pull'],
    line: 7,
  },
  {
    // Go's strconv.ParseBool, as the operator reads the flag: "t" is on.
    name: 'node-image-pull written "t" without codeModulesImage or public registry',
    tree: {
      'dk.yaml': withFlags(['feature.dynatrace.com/node-image-pull: "t"'], 'cloudNativeFullStack: {}'),
    },
    fires: ['metadata.annotations.feature.dynatrace.com/node-image-pull'],
    line: 7,
  },
  {
    // ParseBool does not trim: " true" fails to parse and the flag keeps its default, off.
    name: 'node-image-pull written " true" is off',
    tree: {
      'dk.yaml': withFlags(['feature.dynatrace.com/node-image-pull: " true"'], 'cloudNativeFullStack: {}'),
    },
    fires: [],
  },
  {
    name: 'node-image-pull with a codeModulesImage',
    tree: {
      'dk.yaml': withFlags(
        ['feature.dynatrace.com/node-image-pull: "true"'],
        'applicationMonitoring:\n  codeModulesImage: registry.example.com/dynatrace/codemodules:1.291.0',
      ),
    },
    fires: [],
  },
  {
    name: 'node-image-pull with the public registry',
    tree: {
      'dk.yaml': withFlags(
        [
          'feature.dynatrace.com/node-image-pull: "true"',
          'feature.dynatrace.com/use-public-registry: "true"',
        ],
        'cloudNativeFullStack: {}',
      ),
    },
    fires: [],
  },
  {
    name: 'node-image-pull with hostMonitoring, which injects nothing',
    tree: { 'dk.yaml': withFlags(['feature.dynatrace.com/node-image-pull: "true"'], 'hostMonitoring: {}') },
    fires: [],
  },
  {
    name: 'the public registry with classicFullStack',
    tree: {
      'dk.yaml': withFlags(['feature.dynatrace.com/use-public-registry: "true"'], 'classicFullStack: {}'),
    },
    fires: ['metadata.annotations.feature.dynatrace.com/use-public-registry'],
  },
  {
    name: 'the public registry with classicFullStack and operator v1.9, which allows it',
    tree: {
      'dk.yaml': withFlags(['feature.dynatrace.com/use-public-registry: "true"'], 'classicFullStack: {}'),
      'op.yaml': operatorRelease('1.9.0'),
    },
    fires: [],
  },
  {
    name: 'the public registry with cloudNativeFullStack',
    tree: {
      'dk.yaml': withFlags(['feature.dynatrace.com/use-public-registry: "true"'], 'cloudNativeFullStack: {}'),
    },
    fires: [],
  },
  {
    name: 'publicRegistryOverride with classicFullStack in v1beta6',
    tree: {
      'dk.yaml': dynakube(
        'apiUrl: https://abc12345.live.dynatrace.com/api\npublicRegistryOverride: registry.example.com\noneAgent:\n  classicFullStack: {}\n',
      ).replace('v1beta5', 'v1beta6'),
    },
    fires: ['spec.publicRegistryOverride'],
  },
  {
    // v1beta5 has no such field (its CRD schema): the API server prunes it, no public registry is used.
    name: 'publicRegistryOverride with classicFullStack in v1beta5, which prunes it',
    tree: {
      'dk.yaml': dynakube(
        'apiUrl: https://abc12345.live.dynatrace.com/api\npublicRegistryOverride: registry.example.com\noneAgent:\n  classicFullStack: {}\n',
      ),
    },
    fires: [],
  },
  {
    name: 'a OneAgent image with upper case in the repository',
    tree: {
      'dk.yaml': oneAgent('cloudNativeFullStack', 'image: registry.example.com/Dynatrace/OneAgent:1.291.0'),
    },
    fires: ['spec.oneAgent.cloudNativeFullStack.image'],
  },
  {
    name: 'an ActiveGate image with a malformed digest',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        activeGate:
          capabilities: [routing]
          image: registry.example.com/dynatrace/activegate@sha256:abc
      `),
    },
    fires: ['spec.activeGate.image'],
  },
  {
    name: 'valid custom images: registry with port, tag and digest',
    tree: {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        oneAgent:
          classicFullStack:
            image: localhost:5000/dynatrace/oneagent:1.291.0-raw@sha256:${'a'.repeat(64)}
        activeGate:
          capabilities: [routing]
          image: dynatrace/dynatrace-activegate
      `),
    },
    fires: [],
  },
  {
    name: 'a placeholder image',
    tree: { 'dk.yaml': oneAgent('cloudNativeFullStack', 'image: <REGISTRY>/dynatrace/oneagent') },
    fires: [],
  },
  {
    name: 'a DynaKube name that is no DNS-1035 label',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com/api\n', '1st-dynakube') },
    fires: ['metadata.name'],
    line: 4,
  },
  // dt-wv/aiops-easytrade: `sed -i "s/REPLACE_NAME/$suffix/g"` runs before the DynaKube is applied.
  {
    name: 'a name and apiUrl with REPLACE_ tokens a script fills in',
    tree: {
      'dk.yaml': dynakube(
        'apiUrl: https://REPLACE_TENANT_ID.live.dynatrace.com/api\n',
        'k8s-kind-easytrade-REPLACE_NAME',
      ),
    },
    fires: [],
  },
  {
    name: 'a DynaKube name longer than 40 characters',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com/api\n', 'd'.repeat(41)) },
    fires: ['metadata.name'],
  },
  {
    name: 'a 35-character DynaKube name with extensions (limit 31)',
    tree: {
      'dk.yaml': dynakube(
        'apiUrl: https://abc12345.live.dynatrace.com/api\nextensions: {}\n',
        'd'.repeat(35),
      ),
    },
    fires: ['metadata.name'],
  },
  {
    name: 'a 35-character DynaKube name with extensions and operator v1.7 (limit 40)',
    tree: {
      'dk.yaml': dynakube(
        'apiUrl: https://abc12345.live.dynatrace.com/api\nextensions: {}\n',
        'd'.repeat(35),
      ),
      'op.yaml': operatorRelease('1.7.0'),
    },
    fires: [],
  },
  {
    name: 'a 40-character DynaKube name',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com/api\n', 'd'.repeat(40)) },
    fires: [],
  },
  { name: 'a valid DynaKube', tree: { 'dk.yaml': valid }, fires: [] },
  {
    name: 'third-generation apps URL without /api',
    tree: { 'dk.yaml': dynakube('apiUrl: https://abc12345.apps.dynatrace.com\n') },
    fires: [],
  },
  {
    name: 'managed URL',
    tree: { 'dk.yaml': dynakube('apiUrl: https://dt.example.com/e/1234-abcd/api\n') },
    fires: [],
  },
  {
    name: 'the documented example apiUrl',
    tree: { 'dk.yaml': dynakube('apiUrl: https://ENVIRONMENTID.live.dynatrace.com/api\n') },
    fires: [],
  },
  {
    name: 'a Flux substitution',
    tree: { 'dk.yaml': dynakube('apiUrl: https://${TENANT_ID}.live.dynatrace.com\n') },
    fires: [],
  },
  {
    // Replaced by `sed` in the workshop repositories (henrikrexed/openfeature `dynatrace/dynakube.yaml`).
    name: 'a *_TO_REPLACE token',
    tree: { 'dk.yaml': dynakube('apiUrl: DT_TENANT_URL_TO_REPLACE/api\n') },
    fires: [],
  },
  {
    name: 'an Argo CD vault placeholder',
    tree: { 'dk.yaml': dynakube('apiUrl: <path:kv/dt#apiUrl>\n') },
    fires: [],
  },
  {
    name: 'apiUrl missing in a base but set by a patch of the same object',
    tree: {
      'base/dk.yaml': dynakube('oneAgent:\n  hostMonitoring: {}\n'),
      'overlays/prod/patch.yaml': dynakube('apiUrl: https://abc12345.live.dynatrace.com/api\n'),
    },
    fires: [],
  },
];

function caseNamed(name: string) {
  return cases.find((c) => c.name === name)!;
}

describe('dynakube-spec', () => {
  it.each(cases)('$name', ({ tree, fires, line }) => {
    const findings = runRule(rule, tree);
    expect(findings.map((f) => f.field)).toEqual(fires);
    if (line) expect(findings[0].origin.line).toBe(line);
  });

  it('fixes the /api suffix and keeps quotes and comments', () => {
    const tree = cases[2].tree;
    const fixed = applyFixes(tree, runRule(rule, tree));
    expect(fixed['dk.yaml']).toContain('  apiUrl: "https://abc12345.live.dynatrace.com/api" # tenant');
    expect(runRule(rule, fixed)).toHaveLength(0);
  });

  it.each([cases[1], cases[5]])('the fix makes the DynaKube valid: $name', ({ tree }) => {
    const findings = runRule(rule, tree);
    expect(findings[0].fix?.edits).toHaveLength(1);
    expect(runRule(rule, applyFixes(tree, findings))).toHaveLength(0);
  });

  it('offers no edit for the debugging capability under operator 1.4', () => {
    const findings = runRule(
      rule,
      caseNamed('the debugging capability under operator 1.4, which does not know it').tree,
    );
    expect(findings[0].message).toContain(
      'Valid capabilities: routing, kubernetes-monitoring, metrics-ingest, dynatrace-api.',
    );
    expect(findings[0].fix).toBeUndefined();
  });

  it('offers no edit where the right value is unknown', () => {
    expect(runRule(rule, cases[6].tree)[0].fix).toBeUndefined();
    expect(runRule(rule, cases[4].tree)[0].fix).toBeUndefined();
  });

  it('reports a tenant change as immutable, with delete and apply commands', () => {
    const base = { 'dk.yaml': valid };
    const head = { 'dk.yaml': valid.replace('abc12345', 'xyz98765') };
    const findings = runRule(rule, head, base);
    expect(findings.map((f) => f.field)).toEqual(['spec.apiUrl.tenant']);
    expect(findings[0].fix?.commands).toEqual([
      'kubectl delete dynakube dk -n dynatrace',
      'kubectl apply -f dk.yaml',
    ]);
    expect(runRule(rule, base, { 'dk.yaml': valid.replace('.live.', '.sprint.') })).toHaveLength(0);
    expect(runRule(rule, { 'dk.yaml': valid.replace('abc12345', '${TENANT}') }, base)).toHaveLength(0);
  });

  it.each([
    [
      'no operator version pinned',
      [],
      'conform to spec. (operators after v1.10.2: "OneAgent namespaceSelector',
      [],
    ],
    [
      'operator v1.10.2',
      [operatorRelease('1.10.2')],
      'not conform to spec.',
      ['operators after', 'OneAgent'],
    ],
    [
      'operator after v1.10.2',
      [operatorRelease('1.11.0')],
      'OneAgent namespaceSelector contains',
      ['conform'],
    ],
  ])('quotes the selector message of the operator version: %s', (_, operators, quoted, absent) => {
    const tree: Tree = { 'dk.yaml': withSelector('matchLabels:\n  team: "shop/eu"\n') };
    operators.forEach((text, index) => (tree[`op${index}.yaml`] = text));
    const [finding] = runRule(rule, tree);
    expect(finding.message).toContain(
      'spec.oneAgent.cloudNativeFullStack.namespaceSelector.matchLabels.team `shop/eu`: a label value must',
    );
    expect(finding.message).toContain(quoted);
    for (const text of absent) expect(finding.message).not.toContain(text);
  });

  describe('two DynaKubes injecting into one declared Namespace', () => {
    const shop = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: shop\n';
    const billing = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: billing\n';
    /** An injecting DynaKube; `selector` is its matchLabels, absent for every namespace. */
    function injecting(name: string, options: { mode?: string; team?: string; namespace?: string } = {}) {
      const { mode = 'cloudNativeFullStack', team, namespace = 'dynatrace' } = options;
      const selector = team
        ? `\n  ${mode}:\n    namespaceSelector:\n      matchLabels: {team: ${team}}`
        : `\n  ${mode}: {}`;
      return dynakube(
        `apiUrl: https://abc12345.live.dynatrace.com/api\noneAgent:${selector}\n`,
        name,
      ).replace('namespace: dynatrace', `namespace: ${namespace}`);
    }
    const conflicting: Tree = {
      'ns.yaml': shop + '---\n' + billing,
      'dynatrace/dk-shop.yaml': injecting('dk-shop', { team: 'shop' }),
      'dynatrace/dk-all.yaml': injecting('dk-all', { mode: 'applicationMonitoring' }),
    };

    it('without a base, reports the conflict on the later DynaKube (in file order), naming the namespace and the other with file:line', () => {
      const findings = runRule(rule, conflicting);
      expect(findings.map((f) => [f.resource, f.field, f.origin.file, f.origin.line])).toEqual([
        ['DynaKube dynatrace/dk-all', 'namespaceSelector/dk-shop', 'dynatrace/dk-all.yaml', 9],
      ]);
      expect(findings[0].message).toBe(
        'DynaKube dk-all and DynaKube dk-shop (dynatrace/dk-shop.yaml:4) both inject code modules into namespace shop. ' +
          "The DynaKube's specification tries to inject into namespaces where another Dynakube already injects into, which is not supported. " +
          "Make sure the namespaceSelector doesn't conflict with other Dynakubes namespaceSelector",
      );
    });

    it('reports it on the DynaKube the pull request adds', () => {
      const { 'dynatrace/dk-shop.yaml': added, ...base } = conflicting;
      expect(added).toBeDefined();
      const findings = runRule(rule, conflicting, base);
      expect(findings.map((f) => [f.resource, f.field])).toEqual([
        ['DynaKube dynatrace/dk-shop', 'namespaceSelector/dk-all'],
      ]);
    });

    it.each([
      [
        'selectors that select different namespaces',
        { 'dynatrace/dk-all.yaml': injecting('dk-all', { team: 'billing' }) },
      ],
      [
        'a DynaKube that injects nothing (hostMonitoring)',
        { 'dynatrace/dk-all.yaml': injecting('dk-all', { mode: 'hostMonitoring' }) },
      ],
      [
        'DynaKubes of different operator namespaces',
        { 'dynatrace/dk-all.yaml': injecting('dk-all', { namespace: 'dt-2' }) },
      ],
      ['the shared namespace not declared', { 'ns.yaml': billing.replace('billing', 'dynatrace') }],
    ])('no conflict: %s', (_, change) => {
      expect(runRule(rule, { ...conflicting, ...change } as Tree)).toEqual([]);
    });

    it('no conflict between DynaKubes of sibling folders, taken for different clusters', () => {
      const tree: Tree = {
        'clusters/a/ns.yaml': shop,
        'clusters/a/dk.yaml': injecting('dk-a'),
        'clusters/b/ns.yaml': shop,
        'clusters/b/dk.yaml': injecting('dk-b'),
      };
      expect(runRule(rule, tree)).toEqual([]);
      // The same two in one folder conflict.
      expect(
        runRule(rule, {
          'ns.yaml': shop,
          'dk-a.yaml': tree['clusters/a/dk.yaml'],
          'dk-b.yaml': tree['clusters/b/dk.yaml'],
        }),
      ).toHaveLength(1);
    });
  });

  it('lists a placeholder image, version or selector value the model does not list as not evaluable', () => {
    const tree = {
      'dk.yaml': dynakube(yaml`
        apiUrl: https://abc12345.live.dynatrace.com/api
        oneAgent:
          cloudNativeFullStack:
            image: <REGISTRY>/dynatrace/oneagent
            version: ONEAGENT_VERSION_PLACEHOLDER
            namespaceSelector:
              matchLabels: {team: <team>}
      `),
    };
    const { report } = analyze(modelOf(tree), undefined, { rules: [rule] });
    expect(report.findings).toEqual([]);
    // The model lists `*_PLACEHOLDER` itself; this rule lists the others once each.
    expect(report.notEvaluable.map((note) => [note.line, note.reason])).toEqual([
      [
        11,
        expect.stringMatching(
          /^DynaKube dynatrace\/dk spec.oneAgent.cloudNativeFullStack.version: .* placeholder token/,
        ),
      ],
      [
        10,
        expect.stringMatching(/^spec.oneAgent.cloudNativeFullStack.image of DynaKube dk is a placeholder/),
      ],
      [
        13,
        expect.stringMatching(
          /^spec.oneAgent.cloudNativeFullStack.namespaceSelector.matchLabels.team of DynaKube dk/,
        ),
      ],
    ]);
  });

  it('quotes the webhook for the version, node image pull, image and name checks', () => {
    const message = (name: string) => runRule(rule, caseNamed(name).tree)[0].message;
    expect(message('OneAgent version without the build timestamp')).toBe(
      "DynaKube dk: version `1.291.0`: The OneAgent's version is only valid in the format 'major.minor.patch.timestamp', e.g. 1.0.0.20240101-000000",
    );
    expect(message('node-image-pull without codeModulesImage or public registry')).toContain(
      'The DynaKube specification enables node image pull, but neither a code modules image is set nor a public registry is used.',
    );
    expect(message('an ActiveGate image with a malformed digest')).toContain(
      "Custom ActiveGate image can't be parsed, make sure it's a valid image reference.",
    );
    expect(message('the public registry with classicFullStack')).toContain(
      'uses classicFullStack, which is not compatible with the public registry feature or platform tokens.',
    );
    expect(message('a DynaKube name that is no DNS-1035 label')).toContain(
      'The DynaKube name violates DNS-1035',
    );
    expect(message('a 35-character DynaKube name with extensions (limit 31)')).toContain(
      'The length limit for the name of a DynaKube is 31,',
    );
  });

  it('lists placeholder apiUrls as not evaluable, not as findings', () => {
    const model = modelOf(caseNamed('the documented example apiUrl').tree);
    const { report } = analyze(model, undefined, { rules: [rule] });
    expect(report.findings).toHaveLength(0);
    expect(report.notEvaluable).toEqual([
      expect.objectContaining({
        file: 'dk.yaml',
        line: 7,
        reason: expect.stringContaining('documented example'),
      }),
    ]);
  });
});

describe('dynakube-spec, the OTel collector image of a v1beta6 DynaKube', () => {
  /** A DynaKube of `version` with `spec` below its apiUrl, served by the pinned `operatorVersion`. */
  const tree = (version: string, spec: string, operatorVersion = '1.10.2'): Tree => ({
    'dk.yaml':
      yaml`
      apiVersion: dynatrace.com/${version}
      kind: DynaKube
      metadata:
        name: dk
        namespace: dynatrace
      spec:
        apiUrl: https://abc12345.live.dynatrace.com/api
    ` + spec.replace(/^(?=.)/gm, '  '),
    'op.yaml': operatorRelease(operatorVersion),
  });
  const image = 'templates:\n  otelCollector:\n    imageRef:\n      repository: r.example.com/otelcol\n';
  const MISSING_IMAGE =
    "The Dynakube's specification specifies the OTel Collector, but no image repository/tag is configured.";

  // validation/dynakube/telemetryservice.go `missingOTelCollectorImage` (v1.8 to HEAD): telemetry ingest or Prometheus
  // extensions need `templates.otelCollector.imageRef`; v1.8 and v1.9 want a tag, v1.10 on a tag or a digest. Older
  // versions get a default image from their conversion (v1beta5/dynakube/convert_to.go), so only v1beta6 can miss it.
  const cases: { name: string; tree: Tree; line?: number }[] = [
    {
      name: 'v1beta6 telemetryIngest without an image',
      tree: tree('v1beta6', 'telemetryIngest: {}\n'),
      line: 8,
    },
    {
      name: 'v1beta6 Prometheus extensions without an image',
      tree: tree('v1beta6', 'extensions:\n  prometheus: {}\n'),
      line: 9,
    },
    {
      name: 'v1beta6 telemetryIngest, an image without tag or digest',
      tree: tree('v1beta6', `telemetryIngest: {}\n${image}`),
      line: 8,
    },
    {
      name: 'v1beta6 telemetryIngest, an image by digest, operator 1.9 (wants a tag)',
      tree: tree('v1beta6', `telemetryIngest: {}\n${image}      digest: sha256:${'a'.repeat(64)}\n`, '1.9.0'),
      line: 8,
    },
    {
      name: 'v1beta6 telemetryIngest, an image by digest, operator 1.10',
      tree: tree('v1beta6', `telemetryIngest: {}\n${image}      digest: sha256:${'a'.repeat(64)}\n`),
    },
    {
      name: 'v1beta6 telemetryIngest with an image',
      tree: tree('v1beta6', `telemetryIngest: {}\n${image}      tag: "1.0"\n`),
    },
    {
      name: 'v1beta6 database extensions only (no collector)',
      tree: tree('v1beta6', 'extensions:\n  databases: [{id: db}]\n'),
    },
    {
      name: 'v1beta5 telemetryIngest: the conversion gives the image',
      tree: tree('v1beta5', 'telemetryIngest: {}\n'),
    },
    { name: 'v1beta5 extensions: the conversion gives the image', tree: tree('v1beta5', 'extensions: {}\n') },
  ];

  it.each(cases)('$name', ({ tree, line }) => {
    const findings = runRule(rule, tree).filter((f) => f.message.includes('OTel Collector'));
    expect(findings).toHaveLength(line ? 1 : 0);
    if (line) {
      expect(findings[0].message).toContain(MISSING_IMAGE);
      expect(findings[0].origin).toMatchObject({ file: 'dk.yaml', line });
    }
  });
});
