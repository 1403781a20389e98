// Synthetic GitOps repository for `npm run bench`: N files (about 3 documents each), deep folders, a few percent
// of them Istio / Dynatrace related, committed twice (base, then head with a small PR-sized change).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Deterministic pseudo-random numbers, so a given N always gives the same repository. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deployment = (name, ns, annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
${annotations}    spec:
      serviceAccountName: ${name}
      containers:
        - name: app
          image: registry.example.com/shop/${name}:1.4.2
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: FEATURE_FLAGS
              value: "a,b,c"
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          readinessProbe:
            httpGet: { path: /ready, port: http }
          livenessProbe:
            httpGet: { path: /health, port: http }
`;

const service = (name, ns) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;

const ingress = (name, ns) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  rules:
    - host: ${name}.shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: ${name}, port: { name: http } }
`;

const serviceAccount = (name, ns) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${ns}
`;

const hpa = (name, ns) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
`;

const rbac = (name, ns) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  ingress:
    - from:
        - namespaceSelector: {}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${name}
  namespace: ${ns}
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${name}
  namespace: ${ns}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${name}
subjects:
  - kind: ServiceAccount
    name: ${name}
    namespace: ${ns}
`;

const pdb = (name, ns) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`;

const configMap = (name, ns) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  application.yaml: |
    server:
      port: 8080
    cache:
      ttl: 60s
  LOG_FORMAT: json
`;

const kustomization = (ns, files) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${ns}
resources:
${files.map((file) => `  - ${file}`).join('\n')}
`;

const namespace = (ns, labels = '') => `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
${labels}`;

const scrapeAnnotations = `      annotations:
        metrics.dynatrace.com/scrape: "true"
        metrics.dynatrace.com/port: "9090"
        prometheus.io/scrape: "true"
`;

const dynakube = (cluster, enableIstio) => `apiVersion: dynatrace.com/v1beta5
kind: DynaKube
metadata:
  name: ${cluster}
  namespace: dynatrace
spec:
  apiUrl: https://abc12345.live.dynatrace.com/api
  enableIstio: ${enableIstio}
  oneAgent:
    cloudNativeFullStack:
      namespaceSelector:
        matchLabels:
          monitored: "true"
  activeGate:
    capabilities: [routing, kubernetes-monitoring]
`;

const istiod = (mode) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      version: 1.26.4
      sourceRef: { kind: HelmRepository, name: istio }
  values:
    pilot:
      cni:
        enabled: true
    meshConfig:
      outboundTrafficPolicy:
        mode: ${mode}
`;

const cni = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.26.4
      sourceRef: { kind: HelmRepository, name: istio }
  values:
    cni:
      excludeNamespaces: [kube-system]
`;

const serviceEntry = (name, ns) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  hosts: [${name}.partner.example.com]
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - { number: 443, name: https, protocol: HTTPS }
`;

const peerAuthentication = (ns) => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${ns}
spec:
  mtls:
    mode: STRICT
`;

/**
 * The files of the repository (path -> text); `head` applies the PR's change. `relatedShare` of the applications
 * are scraped by Dynatrace and have a ServiceEntry and a STRICT PeerAuthentication.
 */
export function syntheticFiles(fileCount, head, relatedShare = 0.04) {
  const next = random(fileCount);
  const files = new Map();
  const clusters = ['prod-eu', 'prod-us', 'staging', 'dev'];
  clusters.forEach((cluster, index) => {
    const root = `clusters/${cluster}/platform`;
    files.set(`${root}/dynatrace/namespace.yaml`, namespace('dynatrace'));
    files.set(`${root}/istio/namespace.yaml`, namespace('istio-system'));
    files.set(`${root}/istio/istiod.yaml`, istiod(head && index === 0 ? 'REGISTRY_ONLY' : 'ALLOW_ANY'));
    files.set(`${root}/istio/cni.yaml`, cni);
    files.set(`${root}/istio/mtls.yaml`, peerAuthentication('istio-system'));
    if (head || index > 0) files.set(`${root}/dynatrace/dynakube.yaml`, dynakube(cluster, false));
  });
  let app = 0;
  while (files.size < fileCount) {
    const cluster = clusters[app % clusters.length];
    const team = `team-${String(Math.floor(next() * 40)).padStart(2, '0')}`;
    const name = `svc-${app}`;
    const ns = `${team}-${cluster}`;
    const dir = `clusters/${cluster}/apps/${team}/${name}`;
    const related = next() < relatedShare;
    const appFiles = {
      'deployment.yaml': [
        deployment(name, ns, related ? scrapeAnnotations : ''),
        service(name, ns),
        ingress(name, ns),
        hpa(name, ns),
        pdb(name, ns),
        serviceAccount(name, ns),
      ].join('---\n'),
      'rbac.yaml': rbac(name, ns),
    };
    if (next() < 0.5) appFiles['configmap.yaml'] = configMap(name, ns);
    if (related) appFiles['istio.yaml'] = [serviceEntry(name, ns), peerAuthentication(ns)].join('---\n');
    if (next() < 0.1) appFiles['namespace.yaml'] = namespace(ns, '  labels:\n    istio-injection: enabled\n');
    appFiles['kustomization.yaml'] = kustomization(ns, Object.keys(appFiles));
    for (const [file, text] of Object.entries(appFiles)) {
      if (files.size >= fileCount) break;
      // A PR touches a few application files too.
      const changed = head && app % 500 === 7 ? text.replace('replicas: 2', 'replicas: 3') : text;
      files.set(`${dir}/${file}`, changed);
    }
    app++;
  }
  return files;
}

function write(root, files) {
  for (const [file, text] of files) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * Whether a file of {@link syntheticFiles} can matter to a rule: RBAC, ConfigMaps nothing refers to and Deployments
 * that mention neither Istio, Dynatrace nor Prometheus cannot.
 */
function canMatter(file, text) {
  if (file.endsWith('/rbac.yaml') || file.endsWith('/configmap.yaml')) return false;
  return !file.endsWith('/deployment.yaml') || /istio|dynatrace|prometheus/i.test(text);
}

/** Only the files that can matter, when `relevantOnly`. */
function selected(files, relevantOnly) {
  if (!relevantOnly) return files;
  return new Map([...files].filter(([file, text]) => canMatter(file, text)));
}

/**
 * Creates (or reuses) `<dir>/repo-<N>`: a git repository whose HEAD~1 is the base and HEAD the head. With
 * `relevantOnly`, `<dir>/repo-<N>-relevant`: the same commits without the files no rule can use, which bounds what a
 * check that reads less could gain.
 */
export function ensureRepository(dir, fileCount, relevantOnly = false) {
  const root = path.join(dir, `repo-${fileCount}${relevantOnly ? '-relevant' : ''}`);
  if (existsSync(path.join(root, '.git', 'bench-complete'))) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-C', root, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
      },
    });
  git('init', '-q', '-b', 'main');
  const base = selected(syntheticFiles(fileCount, false), relevantOnly);
  write(root, base);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const head = selected(syntheticFiles(fileCount, true), relevantOnly);
  for (const file of base.keys()) if (!head.has(file)) rmSync(path.join(root, file));
  write(root, head);
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  writeFileSync(path.join(root, '.git', 'bench-complete'), '');
  return root;
}

/**
 * Creates (or reuses) `<dir>/big-file-<N>`: one rendered manifest of N Deployments that Dynatrace scrapes in a
 * STRICT-mTLS namespace (each one a finding with a fix), beside a DynaKube. A file of many documents must cost what
 * its documents cost: positions and fixes used to count the whole file once per document.
 */
export function ensureBigFile(dir, documents) {
  const root = path.join(dir, `big-file-${documents}`);
  const manifest = path.join(root, 'rendered', 'apps.yaml');
  if (existsSync(manifest)) return root;
  const files = new Map([
    ['platform/dynakube.yaml', dynakube('prod', false)],
    [
      'platform/shop.yaml',
      [namespace('shop', '  labels:\n    istio-injection: enabled\n'), peerAuthentication('shop')].join(
        '---\n',
      ),
    ],
  ]);
  const apps = Array.from({ length: documents }, (_, index) =>
    deployment(`app-${index}`, 'shop', scrapeAnnotations),
  );
  files.set('rendered/apps.yaml', apps.join('---\n'));
  write(root, files);
  return root;
}

/**
 * Creates (or reuses) `<dir>/dense-<N>`: N files (head only, no git) in which every application is related, so
 * the rules have thousands of workloads, ServiceEntries and findings to go through: their cost must grow with
 * what they read, not with its square.
 */
export function ensureDenseRepository(dir, fileCount) {
  const root = path.join(dir, `dense-${fileCount}`);
  const complete = path.join(root, '.bench-complete');
  if (existsSync(complete)) return root;
  rmSync(root, { recursive: true, force: true });
  write(root, syntheticFiles(fileCount, true, 1));
  writeFileSync(complete, '');
  return root;
}
