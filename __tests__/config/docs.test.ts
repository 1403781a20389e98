import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CONFIG_KEYS, parseConfig } from '../../src/config/load.js';
import { HELM_CHARTS } from '../../src/model/types.js';

// docs/configuration.md is the config file's reference: it must name every key the loader accepts and no other, and
// its config examples must load.

/** A list of code spans in prose: `` `a`, `b` and `c` ``. */
const CODE_LIST = '((?:`[^`]+`(?:,\\s+|\\s+and\\s+))+`[^`]+`)';

const page = readFileSync('docs/configuration.md', 'utf8');

/** The first column of the config file's key table (the table whose header starts with `| key`). */
function documentedKeys(): string[] {
  const table = page.slice(page.indexOf('| key'));
  const rows = table
    .slice(0, table.search(/\n(?!\|)/))
    .split('\n')
    .slice(2);
  return rows.map((row) => /^\|\s*`([^`]+)`/.exec(row)?.[1] ?? row);
}

/** The YAML fences of the page that are config files rather than manifests (no `kind`). */
function configExamples(): string[] {
  return [...page.matchAll(/```yaml\n([^]*?)```/g)]
    .map((match) => match[1])
    .filter((text) => (parse(text) as Record<string, unknown> | null)?.kind === undefined);
}

describe('docs/configuration.md', () => {
  it('documents every key the config file accepts, and only those', () => {
    expect(documentedKeys()).toEqual(CONFIG_KEYS);
    const unknownKeySentence = new RegExp(`a top-level key other than ${CODE_LIST}`).exec(page)?.[1];
    expect(unknownKeySentence?.match(/`[^`]+`/g)).toEqual(CONFIG_KEYS.map((key) => `\`${key}\``));
  });

  it('names the charts `charts` accepts', () => {
    const chartSentence = new RegExp(`a chart name under\\s+\`charts\`\\s+other than ${CODE_LIST}`).exec(
      page,
    )?.[1];
    expect(chartSentence?.match(/`[^`]+`/g)).toEqual(HELM_CHARTS.map((chart) => `\`${chart}\``));
  });

  it('has config examples the loader accepts', () => {
    const examples = configExamples();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const text of examples) expect(() => parseConfig(text, 'example.yml')).not.toThrow();
  });
});
