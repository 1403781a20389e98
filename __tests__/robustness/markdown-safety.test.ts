import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { visibleBlock } from '../../src/report/control-chars.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import type { Finding } from '../../src/rules/types.js';
import { nodesOf, parseGfm } from '../report/gfm.js';

/**
 * Everything a manifest can put into the PR comment (names, values, hosts, file paths, notes) is hostile text. A
 * report filled with it must render to the same markdown structure as the same report filled with `x`: no new
 * block, table cell, link, emphasis or HTML tag, no broken fence, no @mention.
 */
const DANGEROUS = [
  '`',
  '``',
  '```',
  '~~~',
  '|',
  '\\',
  '\\|',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '<',
  '>',
  '<!--',
  '-->',
  '</details>',
  '<details>',
  '<summary>',
  '<script>alert(1)</script>',
  '<img src=x>',
  '@octocat',
  '@org/team',
  ' @a',
  '[x](https://e.com)',
  '[x]: https://e.com',
  '![i](x)',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '#',
  '# ',
  '- ',
  '* ',
  '1. ',
  '> ',
  '---',
  '===',
  '    ',
  '\t',
  '&amp;',
  '&#64;',
  '&lt;b&gt;',
  '\u200b',
  '\u2028',
  ':',
  '[^1]',
  '$$',
  '{{ .Values.x }}',
  '"',
  "'",
  'é',
  '😀',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 4 })), { maxLength: 10 })
  .map((parts) => parts.join(''));

interface Texts {
  resource: string;
  message: string;
  file: string;
  fixDescription: string;
  command: string;
  noteFile: string;
  reason: string;
  changeResource: string;
  changePath: string;
  before: string;
  after: string;
  objectKey: string;
  manifestName: string;
  manifestYaml: string;
}

const texts: fc.Arbitrary<Texts> = fc.record({
  resource: hostile,
  message: hostile,
  file: hostile,
  fixDescription: hostile,
  command: hostile,
  noteFile: hostile,
  reason: hostile,
  changeResource: hostile,
  changePath: hostile,
  before: hostile,
  after: hostile,
  objectKey: hostile,
  manifestName: hostile,
  manifestYaml: hostile,
});

function finding(t: Texts, status: Finding['status'], severity: Finding['severity']): Finding {
  return {
    ruleId: 'enable-istio-required',
    severity,
    status,
    // Rules quote manifest values in code spans inside their prose.
    message: `DynaKube ${t.resource} has \`${t.message}\` set: ${t.message}`,
    file: t.file,
    line: 3,
    endLine: 4,
    resource: `DynaKube ${t.resource}`,
    docs: 'https://example.com/docs/enable-istio-required.md',
    fix: { description: `Set \`${t.fixDescription}\` to true`, edits: [], commands: [t.command] },
    key: `k|${status}|${severity}`,
  };
}

function reportOf(t: Texts): Report {
  return {
    version: 1,
    summary: { errors: 1, warnings: 1, infos: 0, new: 2, unchanged: 1, fixed: 1 },
    findings: [
      finding(t, 'new', 'error'),
      finding(t, 'new', 'warning'),
      finding(t, 'unchanged', 'error'),
      finding(t, 'fixed', 'error'),
    ],
    generated: [
      { kind: 'ServiceEntry', namespace: t.manifestName, name: t.manifestName, yaml: t.manifestYaml },
    ],
    changes: [
      {
        resource: t.changeResource,
        path: t.changePath,
        before: t.before,
        after: t.after,
        file: t.file,
        line: 2,
      },
      { resource: t.changeResource, path: t.changePath, before: null, after: { [t.objectKey]: t.after } },
    ],
    notEvaluable: [{ file: t.noteFile, line: 7, reason: `${t.reason} in \`${t.reason}\`` }],
  };
}

const BENIGN: Texts = {
  resource: 'x',
  message: 'x',
  file: 'x',
  fixDescription: 'x',
  command: 'x',
  noteFile: 'x',
  reason: 'x',
  changeResource: 'x',
  changePath: 'x',
  before: 'x',
  after: 'x',
  objectKey: 'x',
  manifestName: 'x',
  manifestYaml: 'x',
};

/** A GFM literal autolink (`www.x.y`, `https://…`, `a@b.c`) is text that happens to be clickable, not structure. */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const text = node.children[0].value;
  return [text, `http://${text}`, `mailto:${text}`].includes(node.url);
}

/** Inline nodes that only carry text; which of them appear depends on the text and is harmless. */
const TEXTUAL = new Set(['text', 'inlineCode']);

/** The structure of a tree: node types and nesting, HTML tags, code languages; not the text. */
function skeleton(node: Nodes): unknown {
  if (TEXTUAL.has(node.type) || isAutolink(node)) return undefined;
  if (node.type === 'html') return { html: node.value.match(/<\/?[a-z][^>]*>/gi) ?? [] };
  if (node.type === 'code') return { code: node.lang ?? '' };
  if (!('children' in node)) return node.type;
  const children = (node.children as Nodes[]).map(skeleton).filter((child) => child !== undefined);
  const extra =
    node.type === 'link' ? { url: node.url } : node.type === 'heading' ? { depth: node.depth } : {};
  return { type: node.type, ...extra, children };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(html: string): string {
  return html.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text GitHub scans for @mentions: text nodes and HTML text, not code and not link targets. */
function mentionableText(node: Nodes): string[] {
  if (node.type === 'text') return [node.value];
  if (node.type === 'html') return [decodeEntities(node.value.replace(/<[^>]*>/g, ' '))];
  if (node.type === 'inlineCode' || node.type === 'code') return [];
  if ('children' in node) return (node.children as Nodes[]).flatMap(mentionableText);
  return [];
}
const MENTION = /(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9]/;

describe('markdown safety of manifest text (property)', () => {
  const benignTree = parseGfm(renderMarkdown(reportOf(BENIGN)));

  it('renders hostile text with the structure of plain text', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const markdown = renderMarkdown(reportOf(t));
        expect(skeleton(parseGfm(markdown))).toEqual(skeleton(benignTree));
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a name or value @mention anyone', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const tree = parseGfm(renderMarkdown(reportOf(t)));
        for (const text of mentionableText(tree)) expect(text).not.toMatch(MENTION);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps code blocks whole: generated YAML and fix commands come back verbatim', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const codes = nodesOf(parseGfm(renderMarkdown(reportOf(t))), 'code');
        const yaml = codes.find((code) => code.lang === 'yaml');
        // Markdown reads every line ending as `\n`; invisible and bidi characters are shown as `?`.
        const lines = (text: string) => visibleBlock(text.replace(/\r\n?/g, '\n').replace(/\n$/, ''));
        expect(yaml?.value).toBe(lines(t.manifestYaml));
        const commands = codes.filter((code) => code.lang === 'sh').map((code) => code.value);
        expect(commands).toContain(lines(t.command));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a file:line location inside its code span', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const codes = nodesOf(parseGfm(renderMarkdown(reportOf(t))), 'inlineCode').map((code) => code.value);
        // Line endings become spaces in a code span, as CommonMark does with them.
        const shown = visibleBlock(`${t.noteFile}:7`.replace(/\r\n|\r|\n/g, ' '));
        // …and one space each side is dropped when both are there (CommonMark code span rule).
        const stripped = /^ .* $/s.test(shown) && shown.trim() !== '' ? shown.slice(1, -1) : shown;
        expect(codes).toContain(stripped);
      }),
      { numRuns: 300 },
    );
  });
});
