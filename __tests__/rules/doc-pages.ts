import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tree } from './harness.js';

/**
 * Reads the rule pages `docs/rules/<id>.md` into what `docs-examples.test.ts` checks. The markers are HTML
 * comments, so the rendered page shows only the prose and the YAML; the prose says in words what a marker says.
 *
 * Examples. Every ```` ```yaml ```` fence on a rule page follows a marker line (blank lines between are allowed):
 *
 * - `<!-- example: fires -->`: the tree must raise the page's rule; `severity=<level>` also checks the level.
 * - `<!-- example: passes -->`: the tree must not raise the page's rule.
 * - `<!-- example: setup -->`: a file added to the tree of every later example of the page (say so in the prose).
 * - `<!-- example: base -->`: the pull request's base of the next `fires` / `passes` example (setup files
 *   included); without one an example has no base.
 * - `<!-- example: fragment -->`: part of an object shown for reading only; it must be valid YAML.
 *
 * `file=<path>` names the fence's file in the tree (default `example.yaml`, `setup-<n>.yaml` for setups); an
 * example or base with a setup's path replaces that setup file. A line whose YAML comment says `reported here` is
 * where the rule's finding is: when a tree marks any, the rule's findings are exactly at the marked lines.
 *
 * Quotes. Every blockquote on a rule page follows `<!-- quote: <source> -->`: `guide` (the Dynatrace guide the
 * product is built from) or `reference/<file>` (the researched facts); the quoted text must appear there word
 * for word, whitespace, list bullets and enclosing quotation marks aside.
 */
export const RULE_PAGES = path.resolve(process.cwd(), 'docs/rules');
export const SHARED = path.resolve(process.cwd(), '../shared');

export type ExampleKind = 'fires' | 'passes';

export interface Example {
  kind: ExampleKind;
  /** `docs/rules/<id>.md:<line>` of the marker, for messages. */
  where: string;
  file: string;
  head: Tree;
  base?: Tree;
  severity?: string;
  /** `file:line` of every line a YAML comment marks `reported here`, across the head tree. */
  reported: string[];
}

export interface Quote {
  where: string;
  source: string;
  text: string;
}

export interface RulePage {
  id: string;
  text: string;
  examples: Example[];
  fragments: { where: string; text: string }[];
  quotes: Quote[];
  /** Problems with the markers themselves: an unmarked fence or blockquote, a marker without a fence. */
  problems: string[];
}

const MARKER = /^<!--\s*(example|quote):\s*(\S+)((?:\s+[\w-]+=\S+)*)\s*-->$/;
const FENCE = /^(\s*)```(\w*)\s*$/;
const REPORTED = /#.*\breported here\b/;

export function rulePageIds(): string[] {
  return readdirSync(RULE_PAGES)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

export function readRulePage(id: string): RulePage {
  const text = readFileSync(path.join(RULE_PAGES, `${id}.md`), 'utf8');
  const page: RulePage = { id, text, examples: [], fragments: [], quotes: [], problems: [] };
  const lines = text.split('\n');
  const setup: Tree = {};
  let base: Tree | undefined;
  let pending: { kind: string; attributes: Record<string, string>; where: string } | undefined;
  const at = (index: number) => `docs/rules/${id}.md:${index + 1}`;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = MARKER.exec(line.trim());
    if (marker) {
      if (pending) page.problems.push(`${pending.where}: marker without a fence or blockquote after it`);
      pending = { kind: `${marker[1]}:${marker[2]}`, attributes: attributesOf(marker[3]), where: at(i) };
      continue;
    }
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('>')) {
      const end = blockEnd(lines, i, (l) => l.trimStart().startsWith('>'));
      const quoted = lines.slice(i, end).map((l) => l.replace(/^\s*>\s?/, ''));
      if (pending?.kind.startsWith('quote:'))
        page.quotes.push({
          where: at(i),
          source: pending.kind.slice('quote:'.length),
          text: quoted.join('\n'),
        });
      else page.problems.push(`${at(i)}: blockquote without <!-- quote: <source> --> before it`);
      pending = undefined;
      i = end - 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (pending) page.problems.push(`${pending.where}: marker without a fence or blockquote after it`);
      pending = undefined;
      continue;
    }
    const close = lines.findIndex((l, j) => j > i && l.trim() === '```');
    const body = lines.slice(i + 1, close).map((l) => l.slice(fence[1].length));
    const content = `${body.join('\n')}\n`;
    const isYaml = fence[2] === 'yaml' || fence[2] === 'yml';
    if (isYaml && !pending?.kind.startsWith('example:'))
      page.problems.push(`${at(i)}: yaml fence without <!-- example: … --> before it`);
    if (pending?.kind.startsWith('example:')) {
      const kind = pending.kind.slice('example:'.length);
      const { file: named, severity } = pending.attributes;
      if (kind === 'fragment') page.fragments.push({ where: pending.where, text: content });
      else if (kind === 'setup') setup[named ?? `setup-${Object.keys(setup).length + 1}.yaml`] = content;
      else if (kind === 'base') base = { ...setup, [named ?? 'example.yaml']: content };
      else if (kind === 'fires' || kind === 'passes') {
        const file = named ?? 'example.yaml';
        const head = { ...setup, [file]: content };
        page.examples.push({
          kind,
          where: pending.where,
          file,
          head,
          ...(base ? { base } : {}),
          ...(severity ? { severity } : {}),
          reported: reportedLines(head),
        });
        base = undefined;
      } else page.problems.push(`${pending.where}: unknown example kind '${kind}'`);
    } else if (pending) page.problems.push(`${pending.where}: a quote marker before a fence`);
    pending = undefined;
    i = close;
  }
  if (pending) page.problems.push(`${pending.where}: marker at the end of the page`);
  return page;
}

function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
}

/** The index after the last of the consecutive lines from `start` that `belongs` accepts. */
function blockEnd(lines: string[], start: number, belongs: (line: string) => boolean): number {
  let end = start;
  while (end < lines.length && belongs(lines[end])) end++;
  return end;
}

function reportedLines(tree: Tree): string[] {
  return Object.entries(tree).flatMap(([file, text]) =>
    text.split('\n').flatMap((line, index) => (REPORTED.test(line) ? [`${file}:${index + 1}`] : [])),
  );
}

/**
 * Text compared word for word: links reduced to their text (a quote drops the guide's links), no stray byte-order
 * marks (the scraped guide has some after link texts), list bullets, quotation marks around the whole, or runs of
 * space.
 */
export function normalizedQuote(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\u00EF\u00BB\u00BF|\uFEFF/g, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^"(.*)"$/, '$1');
}
