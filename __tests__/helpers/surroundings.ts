import type { Tree } from '../rules/harness.js';

/**
 * Repositories the upstream DynaKube samples are dropped into (finding locations, fix round-trips, fuzzing), so that
 * most rules fire on them.
 */

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
export const surroundings: Record<string, Tree> = {
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
export function withIstioAndImage(sample: string): string {
  return sample
    .replace('# enableIstio: true', 'enableIstio: true')
    .replace('# codeModulesImage: ""', 'codeModulesImage: registry.example.com/dynatrace/codemodules:1.2.3');
}
