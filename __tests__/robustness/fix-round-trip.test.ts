import { beforeAll, describe, expect, it } from '@jest/globals';
import { parseYamlText } from '../../src/parse/yaml.js';
import type { Finding } from '../../src/rules/types.js';
import { checkTrees } from '../helpers/memory-source.js';
import { surroundings, withIstioAndImage } from '../helpers/surroundings.js';
import { applyFixes, type Tree } from '../rules/harness.js';
import { dynakubeSamples, examplePairs, type TreePair } from './mutations.js';

/**
 * Every fix the product offers on real inputs, applied and checked again: the example pull requests, and each
 * upstream DynaKube sample (switched to enableIstio and a private codeModulesImage) in a few meshes. After applying
 * one finding's fix, that finding is gone, no error appears that was not there, and every file it edited still
 * parses. (`__tests__/rules/harness.ts` checks each rule's fixes on small trees; this is the property for the whole
 * product.)
 */

/**
 * Surroundings (see helpers/surroundings) in which, between them, every rule with a fix fires on the samples: strict
 * mTLS with the operator namespace in the mesh and outside it, Istio 1.28 (native sidecars) with CNI and REGISTRY_ONLY
 * in a Flux HelmRelease and in an IstioOperator, and ServiceEntries that do not reach every namespace.
 */
const SETTINGS = [
  'strict mTLS',
  'strict mTLS, operator namespace outside the mesh',
  'istiod 1.28 values',
  'IstioOperator',
  'ServiceEntries for the registry',
];

function startingPoints(): TreePair[] {
  const samples = Object.entries(dynakubeSamples()).flatMap(([file, text]) =>
    SETTINGS.map((setting) => ({
      name: `${file} in ${setting}`,
      base: { ...surroundings[setting], [file]: text },
      head: { ...surroundings[setting], [file]: withIstioAndImage(text) },
    })),
  );
  return [...examplePairs(), ...samples];
}

/** Findings a person would act on: those of head (new or unchanged). */
const open = (findings: Finding[]) => findings.filter((finding) => finding.status !== 'fixed');

/** What goes wrong when `finding`'s fix is applied to `pair`'s head; nothing when the fix works. */
async function fixProblems(pair: TreePair, finding: Finding, before: Finding[]): Promise<string[]> {
  const fixed: Tree = applyFixes(pair.head, [finding]);
  const edited = [...new Set(finding.fix!.edits.map((edit) => edit.file))];
  const problems: string[] = [];
  for (const file of edited) {
    const parseProblems = parseYamlText(file, fixed[file]).problems.map((problem) => problem.reason);
    if (parseProblems.length > 0) problems.push(`${file} no longer parses: ${parseProblems.join('; ')}`);
  }
  const after = open((await checkTrees(pair.base, fixed)).report.findings);
  if (after.some((other) => other.key === finding.key)) problems.push('the finding is still there');
  const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map((f) => f.key));
  for (const error of after.filter((f) => f.severity === 'error' && !errorsBefore.has(f.key)))
    problems.push(`new error ${error.ruleId} at ${error.file}:${error.line}: ${error.message}`);
  return problems;
}

describe('every fix offered on the examples and the DynaKube samples', () => {
  const pairs = startingPoints();
  const results: { pair: string; rule: string; problems: string[] }[] = [];

  beforeAll(async () => {
    for (const pair of pairs) {
      const before = open((await checkTrees(pair.base, pair.head)).report.findings);
      for (const finding of before.filter((f) => (f.fix?.edits.length ?? 0) > 0))
        results.push({
          pair: pair.name,
          rule: finding.ruleId,
          problems: await fixProblems(pair, finding, before),
        });
    }
  });

  it('are many, from every rule whose fix edits files and that fires on these inputs', () => {
    expect(results.length).toBeGreaterThan(150);
    expect([...new Set(results.map((result) => result.rule))].sort()).toEqual([
      'activegate-mesh-access',
      'cni-csi-deadlock',
      'dynakube-api-version',
      'enable-istio-required',
      'metric-scraping-mtls',
      'native-sidecars',
      'operator-namespace-injection',
      'registry-egress',
      'service-entry-visibility',
    ]);
  });

  it('each remove their finding, add no error and leave the files parsing', () => {
    const failed = results.filter((result) => result.problems.length > 0);
    expect(failed.map((result) => `${result.pair}: ${result.rule}: ${result.problems.join(' | ')}`)).toEqual(
      [],
    );
  });
});
