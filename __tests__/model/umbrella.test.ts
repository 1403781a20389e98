import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { effectiveOutboundPolicy } from '../../src/model/effective.js';
import type { ClusterModel } from '../../src/model/types.js';
import { lineOf, modelOf } from './helpers.js';

const ISTIO_REPO = 'https://istio-release.storage.googleapis.com/charts';
const DYNATRACE_REPO =
  'https://raw.githubusercontent.com/Dynatrace/dynatrace-operator/main/config/helm/repos/stable';

/** A Chart.yaml (apiVersion v2) listing `dependencies`, each `[name, extra lines]`. */
function chartYaml(dependencies: [string, string[]?][], repository = ISTIO_REPO): string[] {
  return [
    'apiVersion: v2',
    'name: platform',
    'version: 0.1.0',
    'dependencies:',
    ...dependencies.flatMap(([name, extra = []]) => [
      `  - name: ${name}`,
      '    version: 1.28.0',
      `    repository: ${repository}`,
      ...extra.map((line) => `    ${line}`),
    ]),
  ];
}

const umbrellaValues = [
  'istiod:',
  '  pilot:',
  '    env:',
  '      ENABLE_NATIVE_SIDECARS: "false"',
  '  meshConfig:',
  '    outboundTrafficPolicy:',
  '      mode: REGISTRY_ONLY',
  'cni:',
  '  podAnnotations:',
  '    oneagent.dynatrace.com/inject: "false"',
];

/** What the model read, in a form a table can state: each chart with its version and the installs' key facts. */
function summary(model: ClusterModel) {
  return {
    charts: model.chartValues.map((values) => [
      values.chart,
      values.chartVersion,
      values.valuesPath.join('.'),
    ]),
    outboundPolicy: effectiveOutboundPolicy(model).value,
    cniAnnotations: model.cniInstalls.map((cni) => cni.podAnnotations.value),
  };
}

interface Case {
  name: string;
  tree: Record<string, string[]>;
  expected: ReturnType<typeof summary>;
}

const cases: Case[] = [
  {
    name: 'values nested under each dependency name, not the whole file as the cni chart',
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([['base'], ['cni'], ['istiod']]),
      'add-ons/istio/values.yaml': umbrellaValues,
    },
    expected: {
      charts: [
        ['base', '1.28.0', 'base'],
        ['cni', '1.28.0', 'cni'],
        ['istiod', '1.28.0', 'istiod'],
      ],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [{ 'oneagent.dynatrace.com/inject': 'false' }],
    },
  },
  {
    name: 'values nested under the alias',
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([
        ['istiod', ['alias: control-plane']],
        ['cni', ['alias: node-agent']],
      ]),
      'add-ons/istio/values.yaml': [
        'control-plane:',
        '  meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}',
        'node-agent:',
        '  podAnnotations: {a: b}',
        'cni:',
        '  podAnnotations: {not: read}',
      ],
    },
    expected: {
      charts: [
        ['istiod', '1.28.0', 'control-plane'],
        ['cni', '1.28.0', 'node-agent'],
      ],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [{ a: 'b' }],
    },
  },
  {
    name: 'a dependency whose condition the values turn off is not installed',
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([
        ['cni', ['condition: cni.enabled']],
        ['istiod', ['condition: istiod.enabled,global.istiod']],
      ]),
      'add-ons/istio/values.yaml': [
        'cni:',
        '  enabled: false',
        '  podAnnotations: {oneagent.dynatrace.com/inject: "false"}',
        'istiod:',
        '  meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}',
      ],
    },
    expected: {
      charts: [['istiod', '1.28.0', 'istiod']],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [],
    },
  },
  {
    name: 'a dependency whose only tag is false is not installed; a true condition wins over tags',
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([
        ['cni', ['tags: [ambient]']],
        ['istiod', ['tags: [ambient]', 'condition: istiod.enabled']],
      ]),
      'add-ons/istio/values.yaml': [
        'tags: {ambient: false}',
        'cni: {podAnnotations: {a: b}}',
        'istiod: {enabled: true, meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}}',
      ],
    },
    expected: {
      charts: [['istiod', '1.28.0', 'istiod']],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [],
    },
  },
  {
    name: 'apiVersion v1: dependencies in requirements.yaml',
    tree: {
      'charts/mesh/Chart.yaml': ['apiVersion: v1', 'name: mesh', 'version: 0.1.0'],
      'charts/mesh/requirements.yaml': chartYaml([['cni']]).slice(3),
      'charts/mesh/values.yaml': ['cni:', '  podAnnotations: {a: b}'],
    },
    expected: {
      charts: [['cni', '1.28.0', 'cni']],
      outboundPolicy: 'ALLOW_ANY',
      cniAnnotations: [{ a: 'b' }],
    },
  },
  {
    name: 'the dynatrace-operator chart as a dependency',
    tree: {
      'platform/Chart.yaml': chartYaml([['dynatrace-operator']], DYNATRACE_REPO),
      'platform/values.yaml': ['dynatrace-operator:', '  csidriver: {enabled: true}', 'installCRD: true'],
    },
    expected: {
      charts: [['dynatrace-operator', '1.28.0', 'dynatrace-operator']],
      outboundPolicy: 'ALLOW_ANY',
      cniAnnotations: [],
    },
  },
  {
    name: 'an overlay values-*.yaml is read on top of values.yaml',
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
      'add-ons/istio/values.yaml': ['istiod: {meshConfig: {outboundTrafficPolicy: {mode: ALLOW_ANY}}}'],
      'add-ons/istio/values-prod.yaml': [
        'istiod: {meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}}',
      ],
    },
    expected: {
      charts: [['istiod', '1.28.0', 'istiod']],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [],
    },
  },
  {
    name: 'a chart without Istio or Dynatrace dependencies leaves key guessing alone',
    tree: {
      'app/Chart.yaml': chartYaml([['redis']], 'https://charts.bitnami.com/bitnami'),
      'app/values.yaml': ['cni:', '  podAnnotations: {a: b}'],
    },
    expected: { charts: [['cni', undefined, '']], outboundPolicy: 'ALLOW_ANY', cniAnnotations: [{ a: 'b' }] },
  },
];

/** A chart folder's Chart.yaml: what Helm matches a dependency against is its `name`. */
const subchartYaml = (name: string, version: string) => [
  'apiVersion: v2',
  `name: ${name}`,
  `version: ${version}`,
];

const subchartCases: Case[] = [
  {
    name: "a subchart unpacked in charts/: its values.yaml are the defaults and its version the chart's",
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
      'add-ons/istio/values.yaml': ['istiod:', '  meshConfig: {rootNamespace: istio-system}'],
      'add-ons/istio/charts/istiod/Chart.yaml': subchartYaml('istiod', '1.28.2'),
      'add-ons/istio/charts/istiod/values.yaml': [
        '_internal_defaults_do_not_set:',
        '  meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}',
      ],
    },
    expected: {
      charts: [['istiod', '1.28.2', 'istiod']],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [],
    },
  },
  {
    name: "the parent's values override the subchart's, which are not an install of their own",
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
      'add-ons/istio/values.yaml': ['istiod:', '  meshConfig: {outboundTrafficPolicy: {mode: ALLOW_ANY}}'],
      'add-ons/istio/charts/istiod/Chart.yaml': subchartYaml('istiod', '1.22.0'),
      'add-ons/istio/charts/istiod/values.yaml': [
        'meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}',
      ],
    },
    expected: { charts: [['istiod', '1.22.0', 'istiod']], outboundPolicy: 'ALLOW_ANY', cniAnnotations: [] },
  },
  {
    name: 'a chart unpacked in charts/ without being listed is installed under its name',
    tree: {
      'mesh/Chart.yaml': ['apiVersion: v2', 'name: mesh', 'version: 0.1.0'],
      'mesh/values.yaml': ['cni:', '  podAnnotations: {a: b}'],
      'mesh/charts/cni/Chart.yaml': subchartYaml('cni', '1.28.0'),
      'mesh/charts/cni/values.yaml': ['_internal_defaults_do_not_set:', '  podAnnotations: {}'],
    },
    expected: {
      charts: [['cni', '1.28.0', 'cni']],
      outboundPolicy: 'ALLOW_ANY',
      cniAnnotations: [{ a: 'b' }],
    },
  },
  {
    name: 'a file:// dependency: the folder it names is the subchart',
    tree: {
      'platform/mesh/Chart.yaml': chartYaml([['istiod']], 'file://../istiod-custom'),
      'platform/mesh/values.yaml': ['istiod:', '  meshConfig: {rootNamespace: istio-system}'],
      'platform/istiod-custom/Chart.yaml': subchartYaml('istiod', '1.27.0'),
      'platform/istiod-custom/values.yaml': ['meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'],
    },
    expected: {
      charts: [['istiod', '1.27.0', 'istiod']],
      outboundPolicy: 'REGISTRY_ONLY',
      cniAnnotations: [],
    },
  },
  {
    name: "a copy of Istio's unreleased chart (version 1.0.0) is no release: the listing's version stands",
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
      'add-ons/istio/charts/istiod/Chart.yaml': subchartYaml('istiod', '1.0.0'),
      'add-ons/istio/charts/istiod/values.yaml': ['_internal_defaults_do_not_set:', '  meshConfig: {}'],
    },
    expected: { charts: [['istiod', '1.28.0', '']], outboundPolicy: 'ALLOW_ANY', cniAnnotations: [] },
  },
  {
    name: 'without values of its own, the subcharts are installed with their defaults',
    tree: {
      'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
      'add-ons/istio/charts/istiod/Chart.yaml': subchartYaml('istiod', '1.28.2'),
      'add-ons/istio/charts/istiod/values.yaml': [
        '_internal_defaults_do_not_set:',
        '  meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}',
      ],
    },
    expected: { charts: [['istiod', '1.28.2', '']], outboundPolicy: 'REGISTRY_ONLY', cniAnnotations: [] },
  },
];

const upstreamValues = (file: string) =>
  readFileSync(path.resolve(process.cwd(), '../shared/fixtures/istio-charts', file), 'utf8');

describe('umbrella charts with their subcharts in the repository', () => {
  it.each(subchartCases)('$name', ({ tree, expected }) => {
    expect(summary(modelOf(tree))).toEqual(expected);
  });

  it("reads upstream's chart defaults under the presets, and points fixes at the parent's values", () => {
    const parent = ['cni:', '  platform: openshift', 'istiod:', '  pilot: {env: {A: b}}'];
    const model = modelOf({
      'mesh/Chart.yaml': chartYaml([['istiod'], ['cni']]),
      'mesh/values.yaml': parent,
      'mesh/charts/istiod/Chart.yaml': subchartYaml('istiod', '1.28.0'),
      'mesh/charts/istiod/values.yaml': upstreamValues('istio-discovery-values.yaml'),
      'mesh/charts/cni/Chart.yaml': subchartYaml('cni', '1.28.0'),
      'mesh/charts/cni/values.yaml': upstreamValues('istio-cni-values.yaml'),
    });
    expect(model.notEvaluable).toEqual([]);
    expect(model.chartValues.map((values) => values.chart)).toEqual(['istiod', 'cni']);
    const cni = model.chartValues[1];
    // The openshift platform preset sets cniBinDir over the chart default /opt/cni/bin.
    expect(cni.values.cniBinDir).toBe('/var/lib/cni/bin');
    expect(model.cniInstalls[0].annotationsTarget?.document.file).toBe('mesh/values.yaml');
    expect(model.pilotInstalls[0].env.A.origin).toMatchObject({ file: 'mesh/values.yaml', line: 4 });
    expect(model.pilotInstalls[0].envTarget?.document.file).toBe('mesh/values.yaml');
    expect(effectiveOutboundPolicy(model).value).toBe('ALLOW_ANY');
  });

  it('notes a file:// dependency whose folder is not in the repository', () => {
    const chart = chartYaml([['istiod']], 'file://../vendor/istiod');
    const model = modelOf({ 'mesh/Chart.yaml': chart, 'mesh/values.yaml': ['istiod: {}'] });
    expect(model.notEvaluable).toEqual([
      {
        file: 'mesh/Chart.yaml',
        line: lineOf(chart, 'name: istiod'),
        reason:
          'dependency istiod: its chart file://../vendor/istiod is not in the repository, so the defaults in its values.yaml were not read',
      },
    ]);
  });
});

describe('umbrella charts', () => {
  it.each(cases)('$name', ({ tree, expected }) => {
    expect(summary(modelOf(tree))).toEqual(expected);
  });

  it('points facts at the nested keys of values.yaml and keeps the chart version', () => {
    const model = modelOf({
      'add-ons/istio/Chart.yaml': chartYaml([['base'], ['cni'], ['istiod']]),
      'add-ons/istio/values.yaml': umbrellaValues,
    });
    expect(effectiveOutboundPolicy(model).origin).toMatchObject({
      file: 'add-ons/istio/values.yaml',
      line: lineOf(umbrellaValues, 'mode: REGISTRY_ONLY'),
    });
    expect(model.cniInstalls[0].podAnnotations.origin).toMatchObject({
      file: 'add-ons/istio/values.yaml',
      line: lineOf(umbrellaValues, 'podAnnotations:'),
    });
    expect(model.cniInstalls[0].annotationsTarget?.path).toEqual(['cni', 'podAnnotations']);
    expect(model.pilotInstalls[0].via).toMatch(/umbrella chart add-ons\/istio\/Chart.yaml dependency istiod/);
    expect(model.notEvaluable).toEqual([]);
  });

  it("hands the parent's global values to every dependency, over the dependency's own", () => {
    const values = [
      'global: {istioNamespace: mesh}',
      'istiod:',
      '  global: {istioNamespace: ignored, hub: x}',
    ];
    const model = modelOf({
      'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
      'add-ons/istio/values.yaml': values,
    });
    expect(model.chartValues[0].values.global).toEqual({ istioNamespace: 'mesh', hub: 'x' });
  });

  it('leaves a values file mapped by the config to that chart', () => {
    const model = modelOf(
      {
        'add-ons/istio/Chart.yaml': chartYaml([['istiod']]),
        'add-ons/istio/values.yaml': ['meshConfig: {outboundTrafficPolicy: {mode: REGISTRY_ONLY}}'],
      },
      { charts: { istiod: ['add-ons/istio/values.yaml'] } },
    );
    expect(model.chartValues.map((values) => [values.chart, values.valuesPath])).toEqual([['istiod', []]]);
  });
});
