import { describe, expect, it } from '@jest/globals';
import { visibleBlock, visibleLine } from '../../src/report/control-chars.js';

describe('control characters from manifests', () => {
  it.each([
    ['plain text', 'plain text', 'plain text'],
    ['a\nb', 'a?b', 'a\nb'],
    ['crlf\r\nline\r\n', 'crlf??line??', 'crlf\r\nline\r\n'],
    ['lone\rreturn', 'lone?return', 'lone?return'],
    ['tab\there', 'tab?here', 'tab\there'],
    [
      'esc \u001b[2J bel \u0007 csi \u009b del \u007f',
      'esc ?[2J bel ? csi ? del ?',
      'esc ?[2J bel ? csi ? del ?',
    ],
    ['form\u000cfeed \u000bvt', 'form?feed ?vt', 'form?feed ?vt'],
    // Bidi controls reorder the rest of the line; zero-width characters hide in a name.
    ['ns/\u202eevil.yaml\u202c:3', 'ns/?evil.yaml?:3', 'ns/?evil.yaml?:3'],
    ['a\u2066b\u2069 \u200fc\u061c', 'a?b? ?c?', 'a?b? ?c?'],
    ['dyna\u200btrace\u200d\ufeff\u2060', 'dyna?trace???', 'dyna?trace???'],
    ['ünïcödé 🙂 日本', 'ünïcödé 🙂 日本', 'ünïcödé 🙂 日本'],
  ])('%j: one line %j, a block %j', (text, line, block) => {
    expect(visibleLine(text)).toBe(line);
    expect(visibleBlock(text)).toBe(block);
  });
});
