import { describe, expect, it } from '@jest/globals';
import { generateManifests } from '../../src/generate/index.js';
import type { IstioObject } from '../../src/generate/objects.js';
import {
  buildFqdnServiceEntry,
  buildIpServiceEntry,
  buildVirtualService,
} from '../../src/generate/operator-objects.js';
import { activeGatePeerAuthentication } from '../../src/generate/peer-authentication.js';
import { validateIstioObject } from '../../src/generate/schema-validate.js';
import { validateServiceEntrySpec } from '../../src/generate/validate-service-entry.js';
import { modelOf } from './helpers.js';

const owner = { name: 'dk', namespace: 'dynatrace' };
const hosts = [
  { protocol: 'https' as const, host: 'a.example.com', port: 443 },
  { protocol: 'http' as const, host: 'b.example.com', port: 80 },
];

function serviceEntry(spec: Record<string, unknown>): IstioObject {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'ServiceEntry',
    metadata: { name: 'se', namespace: 'ns' },
    spec,
  };
}

const VALID_SPEC = {
  hosts: ['a.example.com'],
  ports: [{ name: 'https-443', number: 443, protocol: 'HTTPS' }],
  location: 'MESH_EXTERNAL',
  resolution: 'DNS',
};

describe('validateIstioObject', () => {
  it('accepts what the builders make', async () => {
    for (const object of [
      buildFqdnServiceEntry(owner, 'oneagent', hosts),
      buildVirtualService(owner, 'oneagent', hosts),
      buildIpServiceEntry(owner, 'oneagent', [{ protocol: 'https', host: '10.0.0.1', port: 443 }]),
      activeGatePeerAuthentication('dynatrace'),
    ]) {
      expect(await validateIstioObject(object)).toEqual([]);
    }
  });

  it.each([
    [
      'a resolution outside the enum',
      { ...VALID_SPEC, resolution: 'dns' },
      /spec\.resolution: must be one of NONE, STATIC, DNS/,
    ],
    [
      'a port without a name (CRD: required)',
      { ...VALID_SPEC, ports: [{ number: 443, protocol: 'HTTPS' }] },
      /spec\.ports\.0: must have required property 'name'/,
    ],
    [
      'a port number as a string',
      { ...VALID_SPEC, ports: [{ name: 'https', number: '443' }] },
      /spec\.ports\.0\.number: must be integer/,
    ],
    [
      'an unknown field (kubectl validates strictly)',
      { ...VALID_SPEC, resolutoin: 'DNS' },
      /spec: unknown field "resolutoin"/,
    ],
    ['no hosts', { ...VALID_SPEC, hosts: [] }, /spec\.hosts: must NOT have fewer than 1 items/],
    ['the "*" host', { ...VALID_SPEC, hosts: ['*'], resolution: 'NONE' }, /hostname cannot be wildcard/],
    [
      'a wildcard host with DNS and no endpoints',
      { ...VALID_SPEC, hosts: ['*.example.com'] },
      /hosts must be FQDN if no endpoints/,
    ],
    [
      'several hosts with a TCP port',
      {
        ...VALID_SPEC,
        hosts: ['a.example.com', 'b.example.com'],
        ports: [{ name: 'tcp-9999', number: 9999, protocol: 'TCP' }],
      },
      /multiple hosts provided with non-HTTP, non-TLS ports/,
    ],
    [
      'duplicate port numbers',
      {
        ...VALID_SPEC,
        ports: [
          { name: 'a', number: 443, protocol: 'HTTPS' },
          { name: 'b', number: 443, protocol: 'TLS' },
        ],
      },
      /service entry port 443 already defined/,
    ],
    [
      'a bad port name',
      { ...VALID_SPEC, ports: [{ name: 'https_443', number: 443, protocol: 'HTTPS' }] },
      /invalid port name "https_443"/,
    ],
    [
      'port 0',
      { ...VALID_SPEC, ports: [{ name: 'zero', number: 0, protocol: 'HTTPS' }] },
      /port number 0 is not between 1 and 65535/,
    ],
    [
      'an unknown protocol',
      { ...VALID_SPEC, ports: [{ name: 'x', number: 443, protocol: 'QUIC' }] },
      /unsupported protocol "QUIC"/,
    ],
    [
      'a CIDR with DNS resolution',
      { ...VALID_SPEC, addresses: ['10.0.0.1/32'] },
      /CIDR addresses are allowed only for NONE\/STATIC/,
    ],
    ['an IP as host', { ...VALID_SPEC, hosts: ['10.0.0.1'] }, /top-level domain cannot be all-numeric/],
  ])('catches %s', async (_name, spec, expected) => {
    const problems = await validateIstioObject(serviceEntry(spec));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('catches a VirtualService with a host listed twice or without routes', async () => {
    const vs = buildVirtualService(owner, 'operator', hosts);
    const broken: IstioObject = { ...vs, spec: { hosts: ['a.example.com', 'a.example.com'] } };
    expect(await validateIstioObject(broken)).toEqual([
      'spec.hosts.1: duplicate hosts in virtual service: "a.example.com"',
      'spec: http, tcp or tls must be provided in virtual service',
    ]);
  });

  it('catches a PeerAuthentication with a bad mode, and bad metadata', async () => {
    const pa = activeGatePeerAuthentication('dynatrace');
    const broken: IstioObject = {
      ...pa,
      metadata: { name: 'Bad_Name', namespace: 'dynatrace', labels: { x: 'not valid!' } },
      spec: { mtls: { mode: 'LENIENT' } },
    };
    expect(await validateIstioObject(broken)).toEqual([
      'metadata.name "Bad_Name" is not a DNS-1123 subdomain',
      'label x has an invalid value "not valid!"',
      'spec.mtls.mode: must be one of UNSET, DISABLE, PERMISSIVE, STRICT',
    ]);
  });
});

describe('validateServiceEntrySpec (reusable by rules on repository ServiceEntries)', () => {
  it('returns paths inside spec for each problem', () => {
    expect(
      validateServiceEntrySpec({
        hosts: ['ok.example.com', '*'],
        ports: [
          { name: 'a', number: 80, protocol: 'HTTP' },
          { name: 'a', number: 81, protocol: 'HTTP' },
        ],
        resolution: 'DNS',
      }),
    ).toEqual([
      { severity: 'error', message: 'hostname cannot be wildcard "*"', path: ['hosts', 1] },
      {
        severity: 'error',
        message: 'service entry port name "a" already defined',
        path: ['ports', 1, 'name'],
      },
      {
        severity: 'error',
        message: 'hosts must be FQDN if no endpoints are provided for resolution mode DNS: "*"',
        path: ['hosts', 1],
      },
    ]);
  });

  it('partial wildcards are a warning; several hosts are fine with resolution NONE and TCP', () => {
    expect(validateServiceEntrySpec({ hosts: ['*foo.example.com'], resolution: 'NONE' })).toEqual([
      {
        severity: 'warning',
        message: 'partial wildcard "*foo.example.com" is not allowed',
        path: ['hosts', 0],
      },
    ]);
    expect(
      validateServiceEntrySpec({
        hosts: ['a.example.com', 'b.example.com'],
        ports: [{ name: 'tcp', number: 9999, protocol: 'TCP' }],
        resolution: 'NONE',
      }),
    ).toEqual([]);
  });

  // Istio's ValidateWildcardDomain (pkg/config/validation/agent/validation.go): the first label is `*` or a DNS-1123
  // label led by `*` or `*-` (labels.IsWildcardDNS1123Label); the others are DNS-1123 labels, the last may be empty
  // (ValidateDNS1123Labels); at most 255 characters (CheckDNS1123Preconditions).
  it.each([
    ['foo*.example.com', ['error', 'warning']],
    ['f*o.example.com', ['error', 'warning']],
    ['*-foo.example.com', ['warning']],
    ['example.com.', []],
    ['*.example.com.', []],
    ['a..example.com', ['error']],
    [`${'a'.repeat(63)}.`.repeat(4) + 'example.com', ['error']],
  ])('host %s gives %j', (host, severities) => {
    const problems = validateServiceEntrySpec({ hosts: [host], resolution: 'NONE' });
    expect(problems.map((p) => p.severity).sort()).toEqual(severities);
  });

  // ValidateServiceEntry (pkg/config/validation/validation.go, 1.28+): DYNAMIC_DNS wants wildcard hosts, no addresses,
  // no endpoints, and HTTP ports (1.30 also TLS, GRPC, HTTP2).
  it('DYNAMIC_DNS: wildcard hosts only, no addresses or endpoints, HTTP-routable ports', () => {
    const valid = {
      hosts: ['*.example.com'],
      ports: [{ name: 'http', number: 80, protocol: 'HTTP' }],
      resolution: 'DYNAMIC_DNS',
    };
    expect(validateServiceEntrySpec(valid)).toEqual([]);
    const invalid = {
      ...valid,
      hosts: ['api.example.com'],
      addresses: ['10.0.0.1'],
      endpoints: [{ address: '10.0.0.2' }],
      ports: [{ name: 'tcp', number: 443, protocol: 'TCP' }],
    };
    expect(validateServiceEntrySpec(invalid).map((p) => p.message)).toEqual([
      'host must be wildcarded for resolution mode DYNAMIC_DNS: "api.example.com"',
      'addresses cannot be set for resolution type DYNAMIC_DNS',
      'endpoints cannot be set for resolution type DYNAMIC_DNS',
      'protocol "TCP" is not supported for resolution type DYNAMIC_DNS',
    ]);
  });

  it('exportTo: "*" and "~" cannot be combined', () => {
    expect(
      validateServiceEntrySpec({ hosts: ['a.example.com'], exportTo: ['~', 'ns'] }).map((p) => p.message),
    ).toEqual(['cannot export service entry to no one (~) and someone']);
  });
});

describe('generateManifests drops what would be rejected', () => {
  it('a DynaKube name that is not a valid object name gives a note, not an invalid manifest', async () => {
    const model = modelOf({
      'dk.yaml': `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: My_DynaKube
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
`,
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(result.generated).toEqual([]);
    expect(result.notes).toEqual([
      {
        file: 'dk.yaml',
        line: 4,
        reason:
          'generated ServiceEntry My_DynaKube-fqdn-operator is invalid and was dropped: metadata.name "My_DynaKube-fqdn-operator" is not a DNS-1123 subdomain',
      },
      expect.objectContaining({
        reason: expect.stringMatching(/^generated VirtualService My_DynaKube-fqdn-operator is invalid/),
      }),
    ]);
  });

  // The VirtualService was offered alone: it routed a host no ServiceEntry declares.
  it('a ServiceEntry Istio rejects takes its VirtualService with it', async () => {
    const model = modelOf({
      'dk.yaml': `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: dynakube
  namespace: dynatrace
spec:
  apiUrl: https://dt_managed.corp.example.com/e/abc/api
`,
    });
    const result = await generateManifests(model, { scope: 'all' });
    expect(result.generated).toEqual([]);
    expect(result.notes).toEqual([
      {
        file: 'dk.yaml',
        line: 4,
        reason:
          'generated ServiceEntry dynakube-fqdn-operator is invalid and was dropped: spec.hosts.0: invalid host "dt_managed.corp.example.com"',
      },
      {
        file: 'dk.yaml',
        line: 4,
        reason:
          'generated VirtualService dynakube-fqdn-operator was dropped with its ServiceEntry, whose hosts it routes',
      },
    ]);
  });
});
