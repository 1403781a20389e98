import { describe, expect, it } from '@jest/globals';
import { enableIstioConflict as rule } from '../../src/rules/enable-istio-conflict.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

function dynakube(enableIstio: boolean, apiUrl = 'https://abc12345.live.dynatrace.com/api'): string {
  return yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
    spec:
      apiUrl: ${apiUrl}
      enableIstio: ${enableIstio}
  `;
}

function serviceEntry(name: string, hosts: string[], namespace = 'dynatrace'): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  hosts:',
    ...hosts.map((h) => `    - ${h}`),
    '  ports:',
    '    - name: https-443',
    '      number: 443',
    '      protocol: HTTPS',
    '  location: MESH_EXTERNAL',
    '  resolution: DNS',
    '',
  ].join('\n');
}

const virtualService = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: dynatrace-tenant
    namespace: dynatrace
  spec:
    hosts: [abc12345.live.dynatrace.com]
    tls:
      - match: [{ sniHosts: [abc12345.live.dynatrace.com], port: 443 }]
        route: [{ destination: { host: abc12345.live.dynatrace.com, port: { number: 443 } } }]
`;

const registry = serviceEntry('registries', ['index.docker.io']);

const cases: { name: string; tree: Tree; fires: string[] }[] = [
  {
    name: 'a pre-existing ServiceEntry for the apiUrl host',
    tree: {
      'dk.yaml': dynakube(true),
      'se.yaml': serviceEntry('dynatrace', ['abc12345.live.dynatrace.com']),
    },
    fires: ['ServiceEntry dynatrace/dynatrace'],
  },
  {
    name: 'a ServiceEntry with the tenant host among other hosts',
    tree: {
      'dk.yaml': dynakube(true),
      'se.yaml': serviceEntry('egress', ['index.docker.io', 'ABC12345.live.dynatrace.com', 'auth.docker.io']),
    },
    fires: ['ServiceEntry dynatrace/egress'],
  },
  {
    name: 'a third-generation apps URL maps to the live host',
    tree: {
      'dk.yaml': dynakube(true, 'https://abc12345.apps.dynatrace.com'),
      'se.yaml': serviceEntry('dynatrace', ['abc12345.live.dynatrace.com']),
    },
    fires: ['ServiceEntry dynatrace/dynatrace'],
  },
  {
    name: 'leftover operator objects committed to the repository',
    tree: {
      'dk.yaml': dynakube(true),
      'se.yaml': serviceEntry('dk-fqdn-operator', ['abc12345.live.dynatrace.com']),
      'ip.yaml': serviceEntry('dk-ip-oneagent', ['ignored.subdomain']),
    },
    fires: ['ServiceEntry dynatrace/dk-fqdn-operator', 'ServiceEntry dynatrace/dk-ip-oneagent'],
  },
  {
    name: 'a VirtualService for the tenant host',
    tree: { 'dk.yaml': dynakube(true), 'vs.yaml': virtualService },
    fires: ['VirtualService dynatrace/dynatrace-tenant'],
  },
  {
    // An egress-gateway route for the tenant: it applies to that gateway alone, the operator's to the sidecars.
    name: 'a VirtualService for the tenant host bound only to a gateway',
    tree: {
      'dk.yaml': dynakube(true),
      'vs.yaml': virtualService.replace('spec:\n', 'spec:\n  gateways: [istio-system/egressgateway]\n'),
    },
    fires: [],
  },
  {
    name: 'a VirtualService for the tenant host bound to a gateway and the mesh',
    tree: {
      'dk.yaml': dynakube(true),
      'vs.yaml': virtualService.replace('spec:\n', 'spec:\n  gateways: [istio-system/egressgateway, mesh]\n'),
    },
    fires: ['VirtualService dynatrace/dynatrace-tenant'],
  },
  {
    name: 'enableIstio off: hand-written entries are the way to go',
    tree: {
      'dk.yaml': dynakube(false),
      'se.yaml': serviceEntry('dk-fqdn-operator', ['abc12345.live.dynatrace.com']),
    },
    fires: [],
  },
  {
    name: 'other hosts only',
    tree: { 'dk.yaml': dynakube(true), 'se.yaml': registry },
    fires: [],
  },
  {
    name: 'a wildcard entry is not the same host',
    tree: { 'dk.yaml': dynakube(true), 'se.yaml': serviceEntry('wild', ['"*.live.dynatrace.com"']) },
    fires: [],
  },
  {
    name: 'an operator-like name in another namespace',
    tree: {
      'dk.yaml': dynakube(true),
      'se.yaml': serviceEntry('dk-fqdn-operator', ['x.example.com'], 'shop'),
    },
    fires: [],
  },
  {
    name: 'a placeholder apiUrl has no host to compare',
    tree: {
      'dk.yaml': dynakube(true, 'https://ENVIRONMENTID.live.dynatrace.com/api'),
      'se.yaml': serviceEntry('dynatrace', ['abc12345.live.dynatrace.com']),
    },
    fires: [],
  },
  {
    // The operator drops `.apps` after a dotted prefix instead of writing `.live` (operatorApiEndpoint).
    name: 'a third-generation apps URL with a dotted prefix maps to the host without apps',
    tree: {
      'dk.yaml': dynakube(true, 'https://abc12345.sprint.apps.dynatracelabs.com'),
      'se.yaml': serviceEntry('dynatrace', ['abc12345.sprint.dynatracelabs.com']),
    },
    fires: ['ServiceEntry dynatrace/dynatrace'],
  },
];

describe('enable-istio-conflict', () => {
  it.each(cases)('$name', ({ tree, fires }) => {
    expect(runRule(rule, tree).map((f) => f.resource)).toEqual(fires);
  });

  it('points at the hosts of a host conflict and at the name of a name clash', () => {
    expect(runRule(rule, cases[0].tree)[0].origin).toMatchObject({ file: 'se.yaml', line: 7 });
    expect(runRule(rule, cases[3].tree)[0].origin).toMatchObject({ file: 'se.yaml', line: 4 });
  });

  it.each(cases.filter((c) => c.fires.length > 0))('the fix removes the conflict: $name', ({ tree }) => {
    const findings = runRule(rule, tree);
    expect(findings.every((f) => f.fix && f.fix.edits.length > 0)).toBe(true);
    expect(runRule(rule, applyFixes(tree, findings))).toHaveLength(0);
  });

  it('keeps the other hosts of a shared ServiceEntry', () => {
    const fixed = applyFixes(cases[1].tree, runRule(rule, cases[1].tree))['se.yaml'];
    expect(fixed).toContain('    - index.docker.io\n    - auth.docker.io\n');
    expect(fixed).not.toContain('dynatrace.com');
  });

  it('removes only the conflicting document of a multi-document file', () => {
    const tree = {
      'dk.yaml': dynakube(true),
      'se.yaml': `${registry}---\n${serviceEntry('dt', ['abc12345.live.dynatrace.com'])}`,
    };
    const fixed = applyFixes(tree, runRule(rule, tree))['se.yaml'];
    expect(fixed).toContain('name: registries');
    expect(fixed).not.toContain('name: dt\n');
  });
});
