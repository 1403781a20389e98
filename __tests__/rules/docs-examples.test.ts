import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlText } from '../../src/parse/yaml.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { docsUrl, type Rule } from '../../src/rules/types.js';
import {
  normalizedQuote,
  readRulePage,
  RULE_PAGES,
  rulePageIds,
  SHARED,
  type Example,
  type RulePage,
} from './doc-pages.js';
import { findingsOf, modelOf } from './harness.js';

// The rule pages are what a user reads from the PR comment: their examples run through the engine, their quotes
// are looked up in the sources they quote, and their header agrees with the rule's meta. The markers a page uses
// are described in doc-pages.ts.

/** Rules whose subject the guide does not treat; their pages say so and quote the operator or nothing. */
const NOT_IN_GUIDE: Record<string, string> = {
  'config-not-evaluable': 'what the checker itself could not read',
  'dynakube-api-version': "the operator's served and deprecated API versions",
  'dynakube-spec': "the operator's validation webhook",
};

const pages = new Map(rulePageIds().map((id) => [id, readRulePage(id)]));
const rules = ALL_RULES.map((rule) => [rule.meta.id, rule] as const);

/** The page's header line: `**Severity:** <level> … · **Fixable:** yes|no …`. */
function header(page: RulePage): { severity?: string; fixable?: string } {
  const paragraph = page.text.split('\n\n').find((p) => p.startsWith('**Severity:**')) ?? '';
  const match = /^\*\*Severity:\*\* (\w+)[^]*· \*\*Fixable:\*\* (yes|no)\b/.exec(paragraph);
  return { severity: match?.[1], fixable: match?.[2] };
}

/** Where the rule's open findings (not those only on the base) are, as `file:line`, with their severities. */
function findingsAt(rule: Rule, example: Example): { at: string; severity: string }[] {
  return findingsOf(rule, example.head, example.base)
    .filter((finding) => finding.ruleId === rule.meta.id && finding.status !== 'fixed')
    .map((finding) => ({ at: `${finding.file}:${finding.line}`, severity: finding.severity }));
}

function sourceText(source: string): string {
  const file =
    source === 'guide'
      ? path.join(SHARED, 'seed/dynatrace-istio-deployment.md')
      : source.startsWith('reference/')
        ? path.join(SHARED, source)
        : undefined;
  if (!file) throw new Error(`unknown quote source '${source}' (guide or reference/<file>)`);
  return readFileSync(file, 'utf8');
}

describe('rule pages', () => {
  it('exist for every rule and only for rules', () => {
    expect([...pages.keys()]).toEqual(rules.map(([id]) => id).sort());
  });

  describe.each(rules)('%s', (id, rule) => {
    const page = pages.get(id)!;

    it('are titled by the id the rule links them with, and state its severity and fixable flag', () => {
      expect(page.text.split('\n')[0]).toBe(`# ${id}`);
      expect(rule.meta.docs).toBe(docsUrl(id));
      expect(header(page)).toEqual({
        severity: rule.meta.severity,
        fixable: rule.meta.fixable ? 'yes' : 'no',
      });
      // What, why (with the guide's words), how to fix, example: the sections every page has (DESIGN §4).
      expect(page.text.match(/^## .*/gm)).toEqual([
        '## What it checks',
        '## Why',
        '## How to fix',
        '## Example',
      ]);
    });

    it('mark every example and quote', () => {
      expect(page.problems).toEqual([]);
      expect(page.examples.filter((example) => example.kind === 'fires').length).toBeGreaterThan(0);
      for (const fragment of page.fragments)
        expect([fragment.where, parseYamlText('fragment.yaml', fragment.text).problems]).toEqual([
          fragment.where,
          [],
        ]);
    });

    it('link to files that exist', () => {
      const links = [...page.text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]);
      const broken = links.filter(
        (link) => !/^https?:/.test(link) && !existsSync(path.join(RULE_PAGES, link)),
      );
      expect(broken).toEqual([]);
    });

    it('quote their sources word for word', () => {
      const missing = page.quotes
        .filter((quote) => !normalizedQuote(sourceText(quote.source)).includes(normalizedQuote(quote.text)))
        .map((quote) => `${quote.where} (${quote.source})`);
      expect(missing).toEqual([]);
      const quotesGuide = page.quotes.some((quote) => quote.source === 'guide');
      expect([id, quotesGuide]).toEqual([id, !(id in NOT_IN_GUIDE)]);
    });

    const examples = page.examples.map(
      (example) => [`${example.kind} at ${example.where}`, example] as const,
    );
    // A page without examples fails above; `it.each` refuses an empty table.
    (examples.length > 0 ? it.each(examples) : it.skip.each([['none', page.examples[0]] as const]))(
      'example %s',
      (_name, example) => {
        // A tree the model cannot fully read would pass for the wrong reason (only this rule's notes are wanted).
        if (id !== 'config-not-evaluable' || example.kind === 'passes')
          expect([example.where, modelOf(example.head).notEvaluable]).toEqual([example.where, []]);
        const found = findingsAt(rule, example);
        if (example.kind === 'passes') {
          expect([example.where, found]).toEqual([example.where, []]);
          return;
        }
        expect([example.where, found.length > 0]).toEqual([example.where, true]);
        if (example.reported.length > 0)
          expect([example.where, found.map((f) => f.at).sort()]).toEqual([
            example.where,
            [...example.reported].sort(),
          ]);
        if (example.severity)
          expect([example.where, found.map((f) => f.severity)]).toEqual([
            example.where,
            found.map(() => example.severity),
          ]);
      },
    );
  });
});

describe('the README rule table', () => {
  it('lists every rule with its page and default severity', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [id, rule] of rules) {
      const row = readme.split('\n').find((l) => l.startsWith(`| [\`${id}\`](docs/rules/${id}.md)`));
      expect([id, row?.split('|')[2].trim().split(' ')[0]]).toEqual([id, rule.meta.severity]);
    }
  });
});
