import { describe, expect, it } from '@jest/globals';
import { serviceEntryConflict } from '../../src/rules/service-entry-conflict.js';
import { runRule, type Tree } from './harness.js';

function serviceEntry(options: {
  name: string;
  namespace?: string;
  hosts: string[];
  port?: number;
  protocol?: string;
  resolution?: string;
  exportTo?: string[];
}): string {
  const lines = [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${options.name}`,
    `  namespace: ${options.namespace ?? 'dynatrace'}`,
    'spec:',
    '  hosts:',
    ...options.hosts.map((h) => `    - ${h}`),
    '  ports:',
    `    - number: ${options.port ?? 443}`,
    `      name: p-${options.port ?? 443}`,
    ...(options.protocol ? [`      protocol: ${options.protocol}`] : []),
    '  location: MESH_EXTERNAL',
    ...(options.resolution ? [`  resolution: ${options.resolution}`] : []),
    ...(options.exportTo
      ? [`  exportTo: [${options.exportTo.map((e) => JSON.stringify(e)).join(', ')}]`]
      : []),
  ];
  return lines.join('\n') + '\n';
}

function dynakube(enableIstio: boolean, apiUrl = 'https://abc12345.live.dynatrace.com/api'): string {
  return [
    'apiVersion: dynatrace.com/v1beta5',
    'kind: DynaKube',
    'metadata:',
    '  name: prod',
    '  namespace: dynatrace',
    'spec:',
    `  apiUrl: ${apiUrl}`,
    `  enableIstio: ${enableIstio}`,
    '',
  ].join('\n');
}

const tenant = 'abc12345.live.dynatrace.com';

describe('service-entry-conflict', () => {
  const fires: [string, Tree, string][] = [
    [
      'same host and port, HTTPS vs TLS',
      {
        'a/se.yaml': serviceEntry({ name: 'a', hosts: [tenant], protocol: 'HTTPS', resolution: 'DNS' }),
        'b/se.yaml': serviceEntry({ name: 'b', hosts: [tenant], protocol: 'TLS', resolution: 'DNS' }),
      },
      'b/se.yaml',
    ],
    [
      'same host and port, DNS vs NONE',
      {
        'a/se.yaml': serviceEntry({
          name: 'a',
          hosts: ['registry.example.com'],
          protocol: 'HTTPS',
          resolution: 'DNS',
        }),
        'b/se.yaml': serviceEntry({ name: 'b', hosts: ['registry.example.com'], protocol: 'HTTPS' }),
      },
      'b/se.yaml',
    ],
    [
      'a hand-written entry for the tenant beside the one the operator makes with enableIstio',
      {
        'dt/dk.yaml': dynakube(true),
        'dt/se.yaml': serviceEntry({ name: 'tenant', hosts: [tenant], protocol: 'TCP', resolution: 'DNS' }),
      },
      'dt/se.yaml',
    ],
    [
      'third-generation apiUrl maps to the live host the operator declares',
      {
        'dt/dk.yaml': dynakube(true, 'https://abc12345.apps.dynatrace.com'),
        'dt/se.yaml': serviceEntry({
          name: 'tenant',
          hosts: [tenant],
          protocol: 'HTTPS',
          resolution: 'NONE',
        }),
      },
      'dt/se.yaml',
    ],
  ];

  it.each(fires)('fires: %s', (_name, tree, file) => {
    const drafts = runRule(serviceEntryConflict, tree);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].origin.file).toBe(file);
    expect(drafts[0].origin.line).toBe(tree[file].split('\n').indexOf('  ports:') + 2);
  });

  const silent: [string, Tree][] = [
    [
      'identical declarations (a duplicate, not a conflict)',
      {
        'a/se.yaml': serviceEntry({ name: 'a', hosts: [tenant], protocol: 'HTTPS', resolution: 'DNS' }),
        'b/se.yaml': serviceEntry({ name: 'b', hosts: [tenant], protocol: 'HTTPS', resolution: 'DNS' }),
      },
    ],
    [
      'same host on different ports',
      {
        'a/se.yaml': serviceEntry({ name: 'a', hosts: [tenant], protocol: 'HTTPS', resolution: 'DNS' }),
        'b/se.yaml': serviceEntry({ name: 'b', hosts: [tenant], port: 80, protocol: 'HTTP' }),
      },
    ],
    [
      'exported to different namespaces only',
      {
        'a/se.yaml': serviceEntry({
          name: 'a',
          namespace: 'one',
          hosts: [tenant],
          protocol: 'HTTPS',
          exportTo: ['.'],
        }),
        'b/se.yaml': serviceEntry({
          name: 'b',
          namespace: 'two',
          hosts: [tenant],
          protocol: 'TLS',
          exportTo: ['.'],
        }),
      },
    ],
    [
      'enableIstio off: the operator makes no entry',
      {
        'dt/dk.yaml': dynakube(false),
        'dt/se.yaml': serviceEntry({ name: 'tenant', hosts: [tenant], protocol: 'TCP', resolution: 'DNS' }),
      },
    ],
    [
      'a hand-written entry that matches the operator-made one',
      {
        'dt/dk.yaml': dynakube(true),
        'dt/se.yaml': serviceEntry({ name: 'tenant', hosts: [tenant], protocol: 'HTTPS', resolution: 'DNS' }),
      },
    ],
    [
      'placeholder apiUrl: the operator host is unknown',
      {
        'dt/dk.yaml': dynakube(true, 'https://ENVIRONMENTID.live.dynatrace.com/api'),
        'dt/se.yaml': serviceEntry({ name: 'tenant', hosts: [tenant], protocol: 'TCP' }),
      },
    ],
  ];

  it.each(silent)('does not fire: %s', (_name, tree) => {
    expect(runRule(serviceEntryConflict, tree)).toEqual([]);
  });

  it('names the operator-made entry in the message', () => {
    const drafts = runRule(serviceEntryConflict, {
      'dt/dk.yaml': dynakube(true),
      'dt/se.yaml': serviceEntry({ name: 'tenant', hosts: [tenant], protocol: 'HTTPS' }),
    });
    expect(drafts[0].message).toContain('ServiceEntry dynatrace/prod-fqdn-operator');
    expect(drafts[0].message).toContain('resolution NONE vs DNS');
  });
});
