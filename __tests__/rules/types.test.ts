import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSarif } from '../../src/report/sarif.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { DOCS_BASE, PROJECT_HOME } from '../../src/rules/types.js';

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('the project home', () => {
  it('links every rule to its doc page under the home, and the page is in the repository', () => {
    for (const rule of ALL_RULES) {
      expect(rule.meta.docs).toBe(`${DOCS_BASE}/${rule.meta.id}.md`);
      expect(rule.meta.docs.startsWith(`${PROJECT_HOME}/blob/main/`)).toBe(true);
      const inRepo = rule.meta.docs.slice(`${PROJECT_HOME}/blob/main/`.length);
      expect(existsSync(path.join(ROOT, inRepo))).toBe(true);
    }
  });

  it('is the SARIF informationUri', () => {
    const sarif = buildSarif({
      version: 1,
      summary: { errors: 0, warnings: 0, infos: 0, new: 0, unchanged: 0, fixed: 0 },
      findings: [],
      generated: [],
      changes: [],
      notEvaluable: [],
    });
    expect(JSON.stringify(sarif)).toContain(`"informationUri":"${PROJECT_HOME}"`);
  });

  it('is written once in the source, so publishing the repository changes one line', () => {
    const host = PROJECT_HOME.replace(/^https:\/\//, '');
    const copies = sourceFiles(path.join(ROOT, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8').includes(host) ? [path.relative(ROOT, file)] : [],
    );
    expect(copies).toEqual(['src/rules/types.ts']);
  });
});
