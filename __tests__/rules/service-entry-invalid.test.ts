import { describe, expect, it } from '@jest/globals';
import { serviceEntryInvalid } from '../../src/rules/service-entry-invalid.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

function entry(spec: string): Tree {
  return {
    'mesh/se.yaml':
      yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: egress
          namespace: dynatrace
      ` + spec,
  };
}

const wildcardDns = yaml`
  spec:
    hosts:
      - "*.blob.core.windows.net"
    ports:
      - number: 443
        name: https-443
        protocol: HTTPS
    location: MESH_EXTERNAL
    resolution: DNS
`;

const multiHostTcp = yaml`
  spec:
    hosts:
      - index.docker.io
      - auth.docker.io
    ports:
      - number: 443
        name: tcp-443
        protocol: TCP # was copied from an old example
    resolution: DNS
`;

const duplicatePorts = yaml`
  spec:
    hosts:
      - registry.example.com
    ports:
      - number: 443
        name: https
        protocol: HTTPS
      - number: 443
        name: https-again
        protocol: HTTPS
      - number: 8443
        name: https
        protocol: HTTPS
      - number: 5000
        name: Registry_Port
        protocol: HTTPS
    resolution: DNS
`;

describe('service-entry-invalid', () => {
  const fires: [string, Tree, string, boolean][] = [
    ['a wildcard host with DNS resolution and no endpoints', entry(wildcardDns), 'hosts must be FQDN', true],
    [
      'several hosts on a TCP port',
      entry(multiHostTcp),
      'multiple hosts provided with non-HTTP, non-TLS ports',
      true,
    ],
    ['duplicate port numbers and names, a bad port name', entry(duplicatePorts), 'already defined', true],
    [
      'the `*` host (no safe correction)',
      entry(wildcardDns.replace('"*.blob.core.windows.net"', '"*"').replace('DNS', 'NONE')),
      'hostname cannot be wildcard',
      false,
    ],
    [
      'several hosts on a plain TCP port other than 443 (no safe correction)',
      entry(multiHostTcp.replace('number: 443', 'number: 5432')),
      'multiple hosts',
      false,
    ],
    [
      // Istio's ValidateWildcardDomain (pkg/config/validation/agent) takes `*` only at the start of the first label
      // (labels.IsWildcardDNS1123Label): `registry*` is rejected, not merely warned about as a partial wildcard.
      'a `*` inside the first label (no safe correction)',
      entry(wildcardDns.replace('"*.blob', '"blob*').replace('DNS', 'NONE')),
      'invalid host "blob*.core.windows.net"',
      false,
    ],
    [
      // The CRD's openAPIV3Schema enums (resolution, location) are case-sensitive: the API server rejects `dns`.
      'a lower-case resolution',
      entry(
        wildcardDns
          .replace('"*.blob.core.windows.net"', 'blob.core.windows.net')
          .replace('resolution: DNS', 'resolution: dns'),
      ),
      'resolution "dns" is not one of',
      false,
    ],
    [
      'a lower-case location',
      entry(
        wildcardDns
          .replace('"*.blob.core.windows.net"', 'blob.core.windows.net')
          .replace('MESH_EXTERNAL', 'mesh_external'),
      ),
      'location "mesh_external" is not one of',
      false,
    ],
    [
      // ValidateServiceEntry and the CRD's CEL rule: "only one of WorkloadSelector or Endpoints can be set".
      'both workloadSelector and endpoints',
      entry(
        wildcardDns.replace('"*.blob.core.windows.net"', 'blob.core.windows.net') +
          '  workloadSelector: {labels: {app: blob}}\n  endpoints:\n    - address: blob.example.com\n',
      ),
      'only one of WorkloadSelector or Endpoints',
      false,
    ],
    [
      // validateExportTo takes "." as the entry's own namespace when it looks for duplicates.
      '"." next to its own namespace in exportTo',
      entry(
        wildcardDns.replace('"*.blob.core.windows.net"', 'blob.core.windows.net') +
          '  exportTo: [".", dynatrace]\n',
      ),
      'duplicate entries in exportTo',
      false,
    ],
    [
      'an exportTo entry that is not a namespace name',
      entry(
        wildcardDns.replace('"*.blob.core.windows.net"', 'blob.core.windows.net') +
          '  exportTo: [".", "team a"]\n',
      ),
      'exportTo "team a" is not',
      false,
    ],
  ];

  it.each(fires)('fires: %s', (_name, tree, message, fixable) => {
    const drafts = runRule(serviceEntryInvalid, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].message).toContain(message);
    expect(drafts[0].resource).toBe('ServiceEntry dynatrace/egress');
    expect(drafts[0].fix !== undefined).toBe(fixable);
  });

  const silent: [string, Tree][] = [
    [
      'the guide’s docker.io entry',
      entry(multiHostTcp.replace('tcp-443', 'https-443').replace('TCP', 'HTTPS')),
    ],
    [
      'a wildcard host with resolution NONE',
      entry(wildcardDns.replace('resolution: DNS', 'resolution: NONE')),
    ],
    [
      'a wildcard host with DNS resolution and endpoints',
      entry(wildcardDns + '  endpoints:\n    - address: blob.example.com\n'),
    ],
    [
      // ValidateDNS1123Labels allows the last label to be empty: `example.com.` is a valid, unambiguous name.
      'a fully qualified host with a trailing dot',
      entry(wildcardDns.replace('"*.blob.core.windows.net"', 'blob.core.windows.net.')),
    ],
    ['a placeholder substituted at deploy time', entry(wildcardDns.replace('*.blob', '${BLOB_HOST}'))],
  ];

  it.each(silent)('does not fire: %s', (_name, tree) => {
    expect(runRule(serviceEntryInvalid, tree)).toEqual([]);
  });

  it('points at the line of the first problem', () => {
    const tree = entry(wildcardDns);
    const [draft] = runRule(serviceEntryInvalid, tree);
    const lines = tree['mesh/se.yaml'].split('\n');
    expect(lines[draft.origin.line - 1]).toContain('*.blob.core.windows.net');
  });

  it.each([
    ['wildcard DNS → NONE', wildcardDns, ['  resolution: NONE']],
    ['TCP on 443 → TLS, comment kept', multiHostTcp, ['protocol: TLS # was copied from an old example']],
    [
      'duplicate port dropped, names made unique and valid',
      duplicatePorts,
      ['name: https-8443', 'name: https-5000'],
    ],
  ])('fix: %s', (_name, spec, expected) => {
    const tree = entry(spec);
    const fixed = applyFixes(tree, runRule(serviceEntryInvalid, tree));
    for (const text of expected) expect(fixed['mesh/se.yaml']).toContain(text);
    expect(runRule(serviceEntryInvalid, fixed)).toEqual([]);
  });

  it('removes the whole duplicate port item', () => {
    const tree = entry(duplicatePorts);
    const fixed = applyFixes(tree, runRule(serviceEntryInvalid, tree));
    expect(fixed['mesh/se.yaml']).not.toContain('https-again');
    expect(fixed['mesh/se.yaml'].match(/number: 443/g)).toHaveLength(1);
  });
});
