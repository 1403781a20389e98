import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { addGenerated, analyze, check } from '../src/engine.js';
import type { Report } from '../src/report/types.js';
import { modelOf, type Tree } from './rules/harness.js';

const EXAMPLES = path.resolve(process.cwd(), 'examples');
const SAMPLES = path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples');

// Example PRs are the folders with a base and a head (examples/workflows holds workflow files).
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(path.join(EXAMPLES, entry.name)).includes('head'))
  .map((entry) => entry.name)
  .sort();
const samples = readdirSync(SAMPLES).filter((file) => file.endsWith('.yaml'));

/** An enrolled operator namespace and an enrolled application namespace whose pods ask to be scraped. */
const meshNamespaces: Tree = {
  'istio/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n',
  'dynatrace/namespace.yaml':
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n  labels:\n    istio-injection: enabled\n',
  'apps/namespace.yaml':
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n',
  'apps/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  template:
    metadata:
      labels:
        app: cart
      annotations:
        metrics.dynatrace.com/scrape: "true"
        metrics.dynatrace.com/port: "8080"
    spec:
      containers:
        - name: cart
          image: cart:1
`,
};

/**
 * What the upstream samples are put next to, so that most rules fire on them: meshes that restrict egress or enforce
 * STRICT mTLS in the install forms the model reads (mesh ConfigMap, Flux values, IstioOperator, a rendered istiod),
 * and installs where a default decides (an istiod that pins no version, a CSI driver no values switch off).
 */
const surroundings: Record<string, Tree> = {
  alone: {},
  'registry-only mesh': {
    ...meshNamespaces,
    'istio/mesh.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n',
  },
  'strict mTLS': {
    ...meshNamespaces,
    'istio/peer-authentication.yaml':
      'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n',
  },
  'istiod 1.28 values': {
    ...meshNamespaces,
    'istio/istiod.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      version: 1.28.0
  values:
    pilot:
      cni:
        enabled: true
    meshConfig:
      outboundTrafficPolicy:
        mode: REGISTRY_ONLY
`,
  },
  // A rendered istiod that pins no version: native sidecars are its default, set in no file.
  'rendered istiod without a tag': {
    ...meshNamespaces,
    'istio/istiod-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  selector:
    matchLabels:
      app: istiod
  template:
    metadata:
      labels:
        app: istiod
    spec:
      containers:
        - name: discovery
          image: docker.io/istio/pilot
`,
  },
  'cni chart and operator chart': {
    ...meshNamespaces,
    'istio/cni.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.28.0
  values:
    cniBinDir: /opt/cni/bin
`,
    'dynatrace/operator.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: dynatrace-operator
  namespace: dynatrace
spec:
  chart:
    spec:
      chart: dynatrace-operator
      version: 1.7.0
  values:
    installCRD: true
`,
  },
  'sidecar and ambient namespaces': {
    ...meshNamespaces,
    'apps/ambient.yaml':
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n  labels:\n    istio.io/dataplane-mode: ambient\n',
  },
  'OpenShift Service Mesh': {
    ...meshNamespaces,
    'istio/smcp.yaml':
      'apiVersion: maistra.io/v2\nkind: ServiceMeshControlPlane\nmetadata:\n  name: basic\n  namespace: istio-system\nspec:\n  version: v2.6\n',
  },
  'root Sidecar REGISTRY_ONLY': {
    ...meshNamespaces,
    'istio/sidecar.yaml':
      'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
  },
  'strict mTLS, operator namespace outside the mesh': {
    ...meshNamespaces,
    'dynatrace/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dynatrace\n',
    'istio/peer-authentication.yaml':
      'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n',
    'istio/mesh.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n',
  },
  'ServiceEntries for the registry': {
    ...meshNamespaces,
    'istio/mesh.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n',
    'istio/registry.yaml': `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: registry
  namespace: istio-system
spec:
  hosts:
    - registry.example.com
  exportTo:
    - "."
  ports:
    - number: 443
      name: tls
      protocol: TLS
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: registry
  namespace: shop
spec:
  hosts:
    - registry.example.com
  ports:
    - number: 443
      name: https
      protocol: HTTPS
  resolution: NONE
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: broken
  namespace: shop
spec:
  ports:
    - number: 443
      name: https
      protocol: HTTPS
  resolution: DNS
`,
  },
  IstioOperator: {
    ...meshNamespaces,
    'istio/operator.yaml':
      'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\n  namespace: istio-system\nspec:\n  meshConfig:\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n  components:\n    cni:\n      enabled: true\n',
  },
};

/** A sample with its commented-out `enableIstio: true` and `codeModulesImage` switched on (a private registry). */
function withIstioAndImage(sample: string): string {
  return sample
    .replace('# enableIstio: true', 'enableIstio: true')
    .replace('# codeModulesImage: ""', 'codeModulesImage: registry.example.com/dynatrace/codemodules:1.2.3');
}

/** A finding or a note, with where it points. */
type Place = { what: string; file: string; line: number };

function placesOf(report: Report): Place[] {
  return [
    ...report.findings.map((f) => ({
      what: `finding ${f.ruleId}: ${f.message}`,
      file: f.file,
      line: f.line,
    })),
    ...report.notEvaluable.map((n) => ({ what: `note: ${n.reason}`, file: n.file, line: n.line })),
  ];
}

/** JSON promises a repo-relative file and a 1-based line: a place without them is one nobody can act on. */
const unplaced = (places: Place[]) => places.filter((p) => p.file === '' || !(p.line >= 1));

describe('every finding and note points at a file and line', () => {
  it.each(examples)('example %s', async (name) => {
    const { report } = await check({
      repo: path.join(EXAMPLES, name),
      base: 'base',
      head: 'head',
      selection: { include: ['**/*.yaml', '**/*.yml'], exclude: [] },
    });
    expect(unplaced(placesOf(report))).toEqual([]);
  });

  // Every sample in every surrounding, as written and in a PR that turns on what the samples leave commented out:
  // 25 × 12 × 2 repositories, each built in memory once.
  const cases = samples.flatMap((sample) =>
    Object.keys(surroundings).flatMap((around) => [
      [sample, around, 'as written'],
      [sample, around, 'PR sets enableIstio and a codeModulesImage'],
    ]),
  );
  const reports = new Map<string, Report>();
  beforeAll(async () => {
    for (const [sample, around, variant] of cases) {
      const written = readFileSync(path.join(SAMPLES, sample), 'utf8');
      const base = { ...surroundings[around], [sample]: written };
      const analysis =
        variant === 'as written'
          ? analyze(modelOf(base), undefined)
          : analyze(modelOf({ ...base, [sample]: withIstioAndImage(written) }), modelOf(base));
      reports.set(`${sample}, ${around}, ${variant}`, (await addGenerated(analysis, {})).report);
    }
  });

  it.each(cases)('%s, %s, %s', (sample, around, variant) => {
    expect(unplaced(placesOf(reports.get(`${sample}, ${around}, ${variant}`)!))).toEqual([]);
  });

  // The check above means something only for rules that fire: all but dynakube-spec (the samples are valid) and
  // enable-istio-conflict.
  it('the samples and their surroundings make most rules fire', () => {
    const fired = new Set([...reports.values()].flatMap((report) => report.findings.map((f) => f.ruleId)));
    expect([...fired].sort()).toEqual(
      expect.arrayContaining([
        'activegate-mesh-access',
        'cni-csi-deadlock',
        'config-not-evaluable',
        'dynakube-api-version',
        'enable-istio-dns-load',
        'enable-istio-reapply',
        'enable-istio-required',
        'metric-scraping-mtls',
        'mixed-dataplane-modes',
        'native-sidecars',
        'operator-namespace-injection',
        'registry-egress',
        'service-entry-conflict',
        'service-entry-invalid',
        'service-entry-visibility',
        'unsupported-istio-distribution',
      ]),
    );
  });
});
