import { describe, expect, it } from '@jest/globals';
import { enableIstioReapply as rule } from '../../src/rules/enable-istio-reapply.js';
import { findingsOf, runRule, yaml } from './harness.js';

function dynakube(enableIstio: string | undefined, extra = ''): string {
  return (
    yaml`
    apiVersion: dynatrace.com/v1beta5
    kind: DynaKube
    metadata:
      name: dk
      namespace: dynatrace
    spec:
      apiUrl: https://abc12345.live.dynatrace.com/api
  ` +
    (enableIstio === undefined ? '' : `  enableIstio: ${enableIstio}\n`) +
    extra
  );
}

const cloudNative = '  oneAgent:\n    cloudNativeFullStack: {}\n  activeGate:\n    capabilities: [routing]\n';

describe('enable-istio-reapply', () => {
  it('fires when enableIstio is switched on, with delete and apply commands', () => {
    const findings = runRule(rule, { 'dk.yaml': dynakube('true') }, { 'dk.yaml': dynakube(undefined) });
    expect(findings).toHaveLength(1);
    expect(findings[0].origin).toMatchObject({ file: 'dk.yaml', line: 8 });
    expect(findings[0].fix?.commands).toEqual([
      'kubectl delete dynakube dk -n dynatrace',
      'kubectl apply -f dk.yaml',
    ]);
  });

  it('fires when switched off and lists the operator-made objects to delete', () => {
    const findings = runRule(
      rule,
      { 'dk.yaml': dynakube('false', cloudNative) },
      { 'dk.yaml': dynakube('true', cloudNative) },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('dk-fqdn-operator stays behind');
    // Deleting the DynaKube (the first command) removes them by garbage collection: the clean-up is a safety net.
    expect(findings[0].message).toContain(
      'deleting the DynaKube removes them through their owner references',
    );
    expect(findings[0].fix?.commands).toEqual([
      'kubectl delete dynakube dk -n dynatrace',
      'kubectl apply -f dk.yaml',
      'kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n dynatrace --ignore-not-found dk-fqdn-operator dk-fqdn-oneagent dk-fqdn-activegate',
      'kubectl delete serviceentries.networking.istio.io -n dynatrace --ignore-not-found dk-ip-operator dk-ip-oneagent dk-ip-activegate',
    ]);
  });

  it('lists only the operator component for a DynaKube without injection or ActiveGate', () => {
    const findings = runRule(rule, { 'dk.yaml': dynakube(undefined) }, { 'dk.yaml': dynakube('yes') });
    expect(findings[0].fix?.commands?.slice(2)).toEqual([
      'kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n dynatrace --ignore-not-found dk-fqdn-operator',
      'kubectl delete serviceentries.networking.istio.io -n dynatrace --ignore-not-found dk-ip-operator',
    ]);
    expect(findings[0].origin.line).toBe(4);
  });

  // The ActiveGate runs for capabilities or for extensions (activegate.Spec.IsEnabled(), props.go): v1beta3–v1beta5
  // `extensions`, v1beta6 `extensions.prometheus`; the operator made `activegate` entries for it either way.
  it.each([
    ['v1beta5', '  extensions: {}\n'],
    ['v1beta6', '  extensions:\n    prometheus: {}\n'],
  ])('lists the activegate objects of an ActiveGate that only %s extensions run', (version, extensions) => {
    const head = dynakube('false', extensions).replace('v1beta5', version);
    const base = dynakube('true', extensions).replace('v1beta5', version);
    const findings = runRule(rule, { 'dk.yaml': head }, { 'dk.yaml': base });
    expect(findings[0].fix?.commands?.slice(2)).toEqual([
      'kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n dynatrace --ignore-not-found dk-fqdn-operator dk-fqdn-activegate',
      'kubectl delete serviceentries.networking.istio.io -n dynatrace --ignore-not-found dk-ip-operator dk-ip-activegate',
    ]);
  });

  it.each([
    ['unchanged on', dynakube('true'), dynakube('true')],
    ['unchanged off (explicit false vs absent)', dynakube('false'), dynakube(undefined)],
    ['other fields change', dynakube('true', cloudNative), dynakube('true')],
  ])('does not fire: %s', (_name, head, base) => {
    expect(runRule(rule, { 'dk.yaml': head }, { 'dk.yaml': base })).toHaveLength(0);
  });

  it('does not fire for a new DynaKube or without a base', () => {
    expect(runRule(rule, { 'dk.yaml': dynakube('true') }, {})).toHaveLength(0);
    expect(runRule(rule, { 'dk.yaml': dynakube('true') })).toHaveLength(0);
  });

  it('follows a DynaKube that moved to another file', () => {
    expect(
      runRule(rule, { 'new/dk.yaml': dynakube('true') }, { 'dk.yaml': dynakube(undefined) }),
    ).toHaveLength(1);
  });

  describe('re-applies the DynaKube the way the cluster gets it', () => {
    const BASE_KUSTOMIZATION = 'resources: [dk.yaml]\n';
    const overlay = (patch: boolean) =>
      yaml`
      resources: [../../base]
    ` +
      (patch
        ? yaml`
      patches:
        - target: {kind: DynaKube, name: dk}
          patch: |-
            - op: add
              path: /spec/enableIstio
              value: true
    `
        : '');
    /** The base DynaKube without enableIstio, and overlays that patch it on (head) or not (base). */
    const overlaid = (extra: Record<string, string>, patched = ['prod']) => {
      const side = (on: boolean): Record<string, string> => ({
        'dynatrace/base/dk.yaml': dynakube(undefined),
        'dynatrace/base/kustomization.yaml': BASE_KUSTOMIZATION,
        ...Object.fromEntries(
          ['prod', 'staging'].map((name) => [
            `dynatrace/overlays/${name}/kustomization.yaml`,
            overlay(on && patched.includes(name)),
          ]),
        ),
        ...extra,
      });
      return [side(true), side(false)] as const;
    };
    const flux = (name: string, path: string) => yaml`
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: ${name}, namespace: flux-system}
      spec: {path: ${path}, interval: 10m, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}
    `;
    const argo = (name: string, path: string, extra = '') => yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: ${name}, namespace: argocd}
      spec:
        destination: {server: https://kubernetes.default.svc}
        source: {repoURL: https://example.com/gitops.git, path: ${path}${extra}}
    `;

    it.each<[string, readonly [Record<string, string>, Record<string, string>], string]>([
      [
        'an overlay patches enableIstio on: apply that overlay, not the base file',
        overlaid({}),
        'kubectl apply -k dynatrace/overlays/prod',
      ],
      [
        'of two overlays, the one that sets enableIstio',
        overlaid({}, ['staging']),
        'kubectl apply -k dynatrace/overlays/staging',
      ],
      // ftechmax/msa-infrastructure installs its charts with kustomize helmCharts: `kubectl apply -k` fails there
      // with "must specify --enable-helm" (kubernetes/kubectl#1144), `kubectl kustomize` takes the flag.
      [
        'an overlay whose base inflates the operator chart with helmCharts',
        overlaid({
          'dynatrace/base/kustomization.yaml': yaml`
            resources: [dk.yaml]
            helmCharts:
              - name: dynatrace-operator
                repo: https://raw.githubusercontent.com/Dynatrace/dynatrace-operator/main/config/helm/repos/stable
                version: 1.10.2
                releaseName: dynatrace-operator
                namespace: dynatrace
          `,
        }),
        'kubectl kustomize dynatrace/overlays/prod --enable-helm | kubectl apply -f -',
      ],
      [
        'a Flux Kustomization deploys the overlay',
        overlaid({ 'clusters/prod/dynatrace.yaml': flux('dynatrace', './dynatrace/overlays/prod') }),
        'flux reconcile kustomization dynatrace -n flux-system --with-source',
      ],
      [
        'of two Flux Kustomizations, the one whose overlay sets enableIstio',
        overlaid({
          'clusters/a.yaml': flux('staging', './dynatrace/overlays/staging'),
          'clusters/b.yaml': flux('prod', './dynatrace/overlays/prod'),
        }),
        'flux reconcile kustomization prod -n flux-system --with-source',
      ],
      [
        'an Argo CD Application deploys the overlay',
        overlaid({ 'apps/dynatrace.yaml': argo('dynatrace', 'dynatrace/overlays/prod') }),
        'argocd app sync dynatrace',
      ],
      [
        'an Argo CD Application deploys the folder of a plain file',
        [
          { 'dynatrace/dk.yaml': dynakube('true'), 'apps/dt.yaml': argo('dt', 'dynatrace') },
          { 'dynatrace/dk.yaml': dynakube(undefined), 'apps/dt.yaml': argo('dt', 'dynatrace') },
        ],
        'argocd app sync dt',
      ],
      [
        'a Flux Kustomization deploys a folder without kustomization.yaml',
        [
          { 'dynatrace/dk.yaml': dynakube('true'), 'flux.yaml': flux('dt', './dynatrace') },
          { 'dynatrace/dk.yaml': dynakube(undefined), 'flux.yaml': flux('dt', './dynatrace') },
        ],
        'flux reconcile kustomization dt -n flux-system --with-source',
      ],
      [
        'a kustomization at the top of the repository',
        [
          { 'dk.yaml': dynakube('true'), 'kustomization.yaml': 'resources: [dk.yaml]\n' },
          { 'dk.yaml': dynakube(undefined), 'kustomization.yaml': 'resources: [dk.yaml]\n' },
        ],
        'kubectl apply -k .',
      ],
      [
        'an Argo CD directory source without recurse does not deploy a subfolder',
        [
          { 'dynatrace/dk/dk.yaml': dynakube('true'), 'apps/dt.yaml': argo('dt', 'dynatrace') },
          { 'dynatrace/dk/dk.yaml': dynakube(undefined), 'apps/dt.yaml': argo('dt', 'dynatrace') },
        ],
        'kubectl apply -f dynatrace/dk/dk.yaml',
      ],
      [
        'an Argo CD directory source with recurse deploys a subfolder',
        [
          {
            'dynatrace/dk/dk.yaml': dynakube('true'),
            'apps/dt.yaml': argo('dt', 'dynatrace', ', directory: {recurse: true}'),
          },
          {
            'dynatrace/dk/dk.yaml': dynakube(undefined),
            'apps/dt.yaml': argo('dt', 'dynatrace', ', directory: {recurse: true}'),
          },
        ],
        'argocd app sync dt',
      ],
    ])('%s', (_name, [head, base], apply) => {
      const findings = runRule(rule, head, base);
      expect(findings).toHaveLength(1);
      expect(findings[0].fix?.commands).toEqual(['kubectl delete dynakube dk -n dynatrace', apply]);
    });

    it('says in the fix how the DynaKube is applied again', () => {
      const [head, base] = overlaid({});
      expect(runRule(rule, head, base)[0].fix?.description).toBe(
        'Delete DynaKube dk and apply the kustomization dynatrace/overlays/prod that renders it again once this change is merged.',
      );
    });
  });

  it('is a new warning in the engine report', () => {
    const findings = findingsOf(rule, { 'dk.yaml': dynakube('true') }, { 'dk.yaml': dynakube(undefined) });
    expect(findings.map((f) => [f.severity, f.status])).toEqual([['warning', 'new']]);
  });
});
