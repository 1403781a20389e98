import { describe, expect, it } from '@jest/globals';
import { unsupportedIstioDistribution as rule } from '../../src/rules/unsupported-istio-distribution.js';
import { runRule, yaml, type Tree } from './harness.js';

const smcp = yaml`
  apiVersion: maistra.io/v2
  kind: ServiceMeshControlPlane
  metadata:
    name: basic
    namespace: istio-system
  spec:
    version: v2.5
`;
const memberRoll = yaml`
  apiVersion: maistra.io/v1
  kind: ServiceMeshMemberRoll
  metadata:
    name: default
    namespace: istio-system
  spec:
    members: [shop]
`;
const sail = (profile: string) => yaml`
  apiVersion: sailoperator.io/v1
  kind: Istio
  metadata:
    name: default
  spec:
    version: v1.30.3
    profile: ${profile}
`;
const subscription = (name: string) => yaml`
  apiVersion: operators.coreos.com/v1alpha1
  kind: Subscription
  metadata:
    name: mesh
    namespace: openshift-operators
  spec:
    channel: stable
    name: ${name}
    source: redhat-operators
`;
const ossmGateway = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ingress
    namespace: istio-ingress
  spec:
    template:
      spec:
        containers:
          - name: istio-proxy
            image: registry.redhat.io/openshift-service-mesh/proxyv2-rhel9:2.6.5
`;
const member = (name: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    maistra.io/member-of: istio-system\n`;

const cases: { name: string; tree: Tree; fires: [string, number][] }[] = [
  {
    name: 'a Maistra control plane',
    tree: { 'smcp.yaml': smcp },
    fires: [['ServiceMeshControlPlane istio-system/basic', 4]],
  },
  {
    name: 'control plane and member roll: the control plane stands for both',
    tree: { 'smcp.yaml': smcp, 'smmr.yaml': memberRoll },
    fires: [['ServiceMeshControlPlane istio-system/basic', 4]],
  },
  {
    name: 'only a member roll',
    tree: { 'smmr.yaml': memberRoll },
    fires: [['ServiceMeshMemberRoll istio-system/default', 4]],
  },
  {
    name: 'Sail with an openshift profile',
    tree: { 'istio.yaml': sail('openshift') },
    fires: [['Istio default', 7]],
  },
  {
    name: 'the OSSM 3 operator subscription',
    tree: { 'sub.yaml': subscription('servicemeshoperator3') },
    fires: [['Subscription openshift-operators/mesh', 8]],
  },
  {
    name: 'an OSSM proxy image',
    tree: { 'gw.yaml': ossmGateway },
    fires: [['Deployment istio-ingress/ingress', 11]],
  },
  {
    name: 'member namespaces only: one finding for all',
    tree: { 'a.yaml': member('shop'), 'b.yaml': member('cart') },
    fires: [['Namespace shop', 6]],
  },
  { name: 'upstream Sail', tree: { 'istio.yaml': sail('default') }, fires: [] },
  { name: 'another operator subscription', tree: { 'sub.yaml': subscription('cert-manager') }, fires: [] },
  {
    name: 'upstream proxy image',
    tree: {
      'gw.yaml': ossmGateway.replace(
        'registry.redhat.io/openshift-service-mesh/proxyv2-rhel9',
        'docker.io/istio/proxyv2',
      ),
    },
    fires: [],
  },
];

describe('unsupported-istio-distribution', () => {
  it.each(cases)('$name', ({ tree, fires }) => {
    expect(runRule(rule, tree).map((f) => [f.resource, f.origin.line])).toEqual(fires);
  });

  it('says how many members the one finding stands for', () => {
    expect(runRule(rule, cases[6].tree)[0].message).toContain('and 1 more mesh member');
  });
});
