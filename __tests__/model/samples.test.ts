import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/engine.js';
import { buildModel } from '../../src/model/build.js';
import { parseYamlText } from '../../src/parse/yaml.js';

const SAMPLES = path.resolve(process.cwd(), '../shared/fixtures/dynatrace-samples');
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml'));

describe('upstream DynaKube samples', () => {
  it('finds all 25 samples', () => {
    expect(files).toHaveLength(25);
  });

  it.each(files)('%s parses and normalizes', (file) => {
    const parsed = parseYamlText(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
    expect(parsed.problems).toEqual([]);
    const model = buildModel([parsed]);
    expect(model.dynakubes.length).toBeGreaterThan(0);
    for (const dynakube of model.dynakubes) {
      expect(dynakube.version).toMatch(/^v1beta[1-6]$/);
      expect(dynakube.apiUrl?.value).toContain('/api');
      expect(dynakube.apiUrl?.origin.line).toBeGreaterThan(1);
      expect(dynakube.modes.length).toBeLessThanOrEqual(1);
    }
  });

  // The samples of old apiVersions (v1beta1, v1beta4) are kept upstream for reference, but the newest operator no
  // longer serves them: `dynakube-api-version` rightly warns there. No other rule may fire in a default mesh.
  it.each(files)('%s yields no finding in a default mesh', (file) => {
    const model = buildModel([parseYamlText(file, readFileSync(path.join(SAMPLES, file), 'utf8'))]);
    const findings = analyze(model, undefined).report.findings;
    const unserved = /__v1beta[1-4]__/.test(file);
    expect(findings.filter((f) => f.ruleId !== 'dynakube-api-version')).toEqual([]);
    expect(findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(
      unserved ? model.dynakubes.map(() => 'dynakube-api-version:warning') : [],
    );
  });

  it('reads the v1beta1 top-level namespaceSelector and the per-mode one of later versions', () => {
    const v1 = `apiVersion: dynatrace.com/v1beta1\nkind: DynaKube\nmetadata:\n  name: a\n  namespace: dynatrace\nspec:\n  apiUrl: https://x.live.dynatrace.com/api\n  namespaceSelector:\n    matchLabels:\n      team: a\n  oneAgent:\n    cloudNativeFullStack: {}\n`;
    const v5 = `apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: b\n  namespace: dynatrace\nspec:\n  apiUrl: https://x.live.dynatrace.com/api\n  oneAgent:\n    applicationMonitoring:\n      namespaceSelector:\n        matchLabels:\n          team: b\n`;
    const model = buildModel([parseYamlText('v1.yaml', v1), parseYamlText('v5.yaml', v5)]);
    expect(
      model.dynakubes.map((d) => [d.namespaceSelector?.value, d.namespaceSelector?.origin.line]),
    ).toEqual([
      [{ matchLabels: { team: 'a' } }, 8],
      [{ matchLabels: { team: 'b' } }, 10],
    ]);
  });
});
