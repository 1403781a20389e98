import { describe, expect, it } from '@jest/globals';
import { metricScrapingMtls } from '../../src/rules/metric-scraping-mtls.js';
import { parseYamlText } from '../../src/parse/yaml.js';
import { applyFixes, runRule, yaml, type Tree } from './harness.js';

const strictMesh = yaml`
  apiVersion: security.istio.io/v1
  kind: PeerAuthentication
  metadata:
    name: default
    namespace: istio-system
  spec:
    mtls:
      mode: STRICT
`;

const activeGateOutside = yaml`
  apiVersion: dynatrace.com/v1beta5
  kind: DynaKube
  metadata:
    name: dynakube
    namespace: dynatrace
  spec:
    apiUrl: https://abc12345.live.dynatrace.com/api
    enableIstio: true
    activeGate:
      capabilities:
        - kubernetes-monitoring
`;

const activeGateInside = activeGateOutside + '    labels:\n      sidecar.istio.io/inject: "true"\n';

function namespace(name: string, labels: Record<string, string>): string {
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`),
    '',
  ].join('\n');
}

const scrapedDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: shop
    namespace: shop
  spec:
    template:
      metadata:
        labels:
          app: shop
        annotations:
          metrics.dynatrace.com/scrape: "true"
          metrics.dynatrace.com/port: "8080" # app metrics
          metrics.dynatrace.com/path: /metrics
      spec:
        containers:
          - name: shop
            image: shop:1
`;

const sidecarNamespace = namespace('shop', { 'istio-injection': 'enabled' });

function tree(extra: Tree = {}): Tree {
  return {
    'istio/mtls.yaml': strictMesh,
    'dt/dk.yaml': activeGateOutside,
    'apps/ns.yaml': sidecarNamespace,
    'apps/shop.yaml': scrapedDeployment,
    ...extra,
  };
}

describe('metric-scraping-mtls', () => {
  const fires: [string, Tree, boolean][] = [
    ['sidecar pod scraped directly under mesh-wide STRICT, ActiveGate outside', tree(), true],
    [
      'pod opted in by label in an unlabelled namespace',
      tree({
        'apps/ns.yaml': namespace('shop', { team: 'shop' }),
        'apps/shop.yaml': scrapedDeployment.replace(
          'app: shop',
          'app: shop\n        sidecar.istio.io/inject: "true"',
        ),
      }),
      true,
    ],
    [
      'includeInboundPorts lists the scrape port',
      tree({
        'apps/shop.yaml': scrapedDeployment.replace(
          'metrics.dynatrace.com/path: /metrics',
          'metrics.dynatrace.com/path: /metrics\n        traffic.sidecar.istio.io/includeInboundPorts: "9090, 8080"',
        ),
      }),
      true,
    ],
    [
      'ambient pod: no metric merging, no fix',
      tree({ 'apps/ns.yaml': namespace('shop', { 'istio.io/dataplane-mode': 'ambient' }) }),
      false,
    ],
  ];

  it.each(fires)('fires: %s', (_name, input, fixable) => {
    const drafts = runRule(metricScrapingMtls, input);
    expect(drafts).toHaveLength(1);
    const scrapeLine =
      input['apps/shop.yaml'].split('\n').findIndex((l) => l.includes('dynatrace.com/scrape')) + 1;
    expect(drafts[0]).toMatchObject({
      resource: 'Deployment shop/shop',
      origin: { file: 'apps/shop.yaml', line: scrapeLine },
    });
    expect(drafts[0].fix !== undefined).toBe(fixable);
    if (!fixable) expect(drafts[0].message).toContain('not available in ambient mode');
  });

  const silent: [string, Tree][] = [
    ['no strict mTLS', { ...tree(), 'istio/mtls.yaml': strictMesh.replace('STRICT', 'PERMISSIVE') }],
    ['pod outside the mesh', tree({ 'apps/ns.yaml': namespace('shop', { team: 'shop' }) })],
    [
      'pod opts out of the injected namespace',
      tree({
        'apps/shop.yaml': scrapedDeployment.replace(
          'app: shop',
          'app: shop\n        sidecar.istio.io/inject: "false"',
        ),
      }),
    ],
    ['ActiveGate in the mesh', tree({ 'dt/dk.yaml': activeGateInside })],
    ['no ActiveGate in the repository', { ...tree(), 'dt/dk.yaml': '' }],
    [
      'already pointing at the merged endpoint',
      tree({ 'apps/shop.yaml': scrapedDeployment.replace('"8080" # app metrics', '"15020"') }),
    ],
    [
      'scrape port excluded from the sidecar',
      tree({
        'apps/shop.yaml': scrapedDeployment.replace(
          'metrics.dynatrace.com/path: /metrics',
          'metrics.dynatrace.com/path: /metrics\n        traffic.sidecar.istio.io/excludeInboundPorts: "8080"',
        ),
      }),
    ],
    [
      // istio-iptables captures only the ports of includeInboundPorts when it is not "*" (handleInboundPortsInclude).
      'scrape port left out of includeInboundPorts',
      tree({
        'apps/shop.yaml': scrapedDeployment.replace(
          'metrics.dynatrace.com/path: /metrics',
          'metrics.dynatrace.com/path: /metrics\n        traffic.sidecar.istio.io/includeInboundPorts: "9090"',
        ),
      }),
    ],
    [
      'port-level PERMISSIVE on the scrape port',
      tree({
        'apps/pa.yaml': yaml`
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: shop-metrics
            namespace: shop
          spec:
            selector:
              matchLabels:
                app: shop
            mtls:
              mode: STRICT
            portLevelMtls:
              8080:
                mode: PERMISSIVE
        `,
      }),
    ],
    [
      'host-network pod is never in the mesh',
      tree({
        'apps/shop.yaml': scrapedDeployment.replace(
          '    spec:\n      containers:',
          '    spec:\n      hostNetwork: true\n      containers:',
        ),
      }),
    ],
    [
      'scrape annotation off',
      tree({ 'apps/shop.yaml': scrapedDeployment.replace('scrape: "true"', 'scrape: "false"') }),
    ],
  ];

  it.each(silent)('does not fire: %s', (_name, input) => {
    expect(runRule(metricScrapingMtls, input)).toEqual([]);
  });

  it('points Dynatrace at the merged endpoint and keeps the application endpoint in prometheus.io/*', () => {
    const input = tree();
    const drafts = runRule(metricScrapingMtls, input);
    const fixed = applyFixes(input, drafts);
    const text = fixed['apps/shop.yaml'];
    expect(text).toContain('metrics.dynatrace.com/port: "15020" # app metrics\n');
    expect(text).toContain('metrics.dynatrace.com/path: /stats/prometheus\n');
    expect(text).toContain('        prometheus.io/scrape: "true"\n');
    expect(text).toContain('        prometheus.io/port: "8080"\n');
    expect(text).toContain('        prometheus.io/path: /metrics\n');
    expect(runRule(metricScrapingMtls, fixed)).toEqual([]);
  });

  it('adds an annotations block when the pod template has none', () => {
    const input = tree({
      'apps/shop.yaml': yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: shop
          namespace: shop
          annotations:
            metrics.dynatrace.com/scrape: "true"
            metrics.dynatrace.com/port: "9090"
        spec:
          containers:
            - name: shop
              image: shop:1
      `,
    });
    const drafts = runRule(metricScrapingMtls, input);
    expect(drafts).toHaveLength(1);
    const fixed = applyFixes(input, drafts);
    expect(fixed['apps/shop.yaml']).toContain('    prometheus.io/port: "9090"\n');
    expect(runRule(metricScrapingMtls, fixed)).toEqual([]);
  });
});

describe('metric-scraping-mtls, scrape annotations added by a kustomize overlay', () => {
  const basePod = scrapedDeployment.replace(/ {6}annotations:\n(.*\n){3}/, '');
  const patch = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: shop
    spec:
      template:
        metadata:
          annotations:
            metrics.dynatrace.com/scrape: "true"
            metrics.dynatrace.com/port: "8080" # app metrics
  `;
  const overlaid = (overlay: Tree) =>
    tree({
      'apps/shop.yaml': '',
      'apps/base/kustomization.yaml': 'resources: [shop.yaml]\n',
      'apps/base/shop.yaml': basePod,
      ...overlay,
    });

  it('points at the patch and rewrites the annotations there, leaving the base alone', () => {
    const input = overlaid({
      'apps/overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: scrape.yaml\n',
      'apps/overlay/scrape.yaml': patch,
    });
    expect(basePod).not.toContain('annotations');
    const drafts = runRule(metricScrapingMtls, input);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].origin).toMatchObject({ file: 'apps/overlay/scrape.yaml', line: 9 });
    expect(new Set(drafts[0].fix?.edits.map((edit) => edit.file))).toEqual(
      new Set(['apps/overlay/scrape.yaml']),
    );
    const fixed = applyFixes(input, drafts);
    expect(fixed['apps/base/shop.yaml']).toBe(basePod);
    expect(parseYamlText('scrape.yaml', fixed['apps/overlay/scrape.yaml']).problems).toEqual([]);
    expect(fixed['apps/overlay/scrape.yaml']).toBe(
      patch.replace('"8080" # app metrics', '"15020" # app metrics') +
        [
          '        metrics.dynatrace.com/path: /stats/prometheus',
          '        prometheus.io/scrape: "true"',
          '        prometheus.io/port: "8080"',
          '',
        ].join('\n'),
    );
    expect(runRule(metricScrapingMtls, fixed)).toEqual([]);
  });

  it('offers no edit into a flow mapping the patch wrote', () => {
    const input = overlaid({
      'apps/overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: scrape.yaml\n',
      'apps/overlay/scrape.yaml': patch.replace(
        /annotations:\n.*\n.*\n/,
        'annotations: {metrics.dynatrace.com/scrape: "true", metrics.dynatrace.com/port: "8080"}\n',
      ),
    });
    const drafts = runRule(metricScrapingMtls, input);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].origin.file).toBe('apps/overlay/scrape.yaml');
    expect(drafts[0].fix).toBeUndefined();
  });
});
