import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { addGenerated, analyze, check } from '../src/engine.js';
import type { Report } from '../src/report/types.js';
import { surroundings, withIstioAndImage } from './helpers/surroundings.js';
import { modelOf } from './rules/harness.js';

const EXAMPLES = path.resolve(process.cwd(), 'examples');
const SAMPLES = path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples');

// Example PRs are the folders with a base and a head (examples/workflows holds workflow files).
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(path.join(EXAMPLES, entry.name)).includes('head'))
  .map((entry) => entry.name)
  .sort();
const samples = readdirSync(SAMPLES).filter((file) => file.endsWith('.yaml'));

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
