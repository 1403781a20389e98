import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { analyze, check } from '../../src/engine.js';
import { renderText } from '../../src/report/text.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { modelOf } from '../rules/harness.js';

const EXAMPLE = path.resolve(process.cwd(), 'examples/cni-without-annotation');

async function exampleReport() {
  const { report } = await check({
    repo: EXAMPLE,
    base: 'base',
    head: 'head',
    selection: { include: ['**/*.yaml'], exclude: [] },
  });
  return report;
}

describe('renderText', () => {
  it('has the same content as the comment: changes, findings with fixes and patches, egress paths, verdict', async () => {
    const report = await exampleReport();
    const text = renderText(report, { color: false });
    expect(text).toContain('What this change does:');
    expect(text).toContain('  Istio CNI  enabled: false -> true  (platform/istio/cni.yaml:10)');
    for (const finding of report.findings) expect(text).toContain(finding.ruleId);
    expect(text).toContain('    +        oneagent.dynatrace.com/inject: "false"');
    expect(text).toContain('Egress paths:');
    expect(text).toContain(
      'Dynatrace Operator ns dynatrace [mesh] -> Dynatrace environment xyz98765.live.dynatrace.com',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '1 error introduced — 1 new (1 error) · 2 unchanged (2 errors) · 0 fixed',
    );
    expect(text).not.toContain('\u001b[');
  });

  it('colors severities, patch lines and the verdict for a terminal', async () => {
    const text = renderText(await exampleReport(), { color: true });
    expect(text).toContain('\u001b[31merror\u001b[0m');
    expect(text).toContain('\u001b[32m+      podAnnotations:\u001b[0m');
    expect(text.trimEnd().split('\n').at(-1)!.startsWith('\u001b[31m\u001b[1m1 error introduced')).toBe(true);
  });

  it('neutralizes control characters that come from manifests', async () => {
    const report = await exampleReport();
    report.findings[0].message = 'evil \u001b[2J\u001b]0;title\u0007 text';
    const text = renderText(report, { color: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('evil ?[2J?]0;title? text');
  });

  it('a line break in a file name or note cannot start a line that looks like a finding', async () => {
    const report = await exampleReport();
    const fake = 'evil\nnext.yaml:1  error  FAKE-RULE  [new]\r.yaml';
    report.findings[0].file = fake;
    report.findings[0].resource = 'DynaKube a\tb';
    report.notEvaluable.push({ file: fake, line: 1, reason: `${fake}: not valid YAML\u009b2J` });
    const lines = renderText(report, { color: false }).split('\n');
    expect(lines.filter((line) => line.includes('FAKE-RULE'))).toEqual([
      expect.stringMatching(/^evil\?next\.yaml:1 {2}error {2}FAKE-RULE {2}\[new\]\?\.yaml:\d+ {2}error /),
      '  evil?next.yaml:1  error  FAKE-RULE  [new]?.yaml:1  evil?next.yaml:1  error  FAKE-RULE  [new]?.yaml: not valid YAML?2J',
    ]);
    expect(lines.some((line) => line.startsWith('next.yaml'))).toBe(false);
    expect(lines).toContain(`  DynaKube a?b: ${report.findings[0].message}`);
  });

  it('carries no bidi control nor zero-width character from manifests', async () => {
    const report = await exampleReport();
    report.findings[0].resource = 'DynaKube \u202eevil';
    report.findings[0].file = 'a\u2066b\u2069.yaml';
    report.findings[0].message = 'dyna\u200btrace';
    const text = renderText(report, { color: false });
    expect(text).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u);
    expect(text).toContain('  DynaKube ?evil: dyna?trace');
  });

  it('says a finding of no file has none, rather than ":0"', async () => {
    const report = await exampleReport();
    Object.assign(report.findings[0], { file: '', line: 0, endLine: 0 });
    const text = renderText(report, { color: false });
    expect(text).toMatch(/^\(no file\) {2}error {2}/m);
    expect(text).not.toMatch(/(^|\s):0\b/m);
  });
});

describe('patches of fixes whose edits meet', () => {
  it('prints one patch for native-sidecars and cni-csi-deadlock, which both add `values:` to one IstioOperator', () => {
    const iop =
      'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: installed-state\n  namespace: istio-system\nspec:\n  tag: 1.28.0\n  components:\n    cni:\n      enabled: true\n      namespace: istio-system\n';
    const dk =
      'apiVersion: dynatrace.com/v1beta5\nkind: DynaKube\nmetadata:\n  name: dk\n  namespace: dynatrace\nspec:\n  apiUrl: https://abc12345.live.dynatrace.com/api\n  oneAgent:\n    cloudNativeFullStack: {}\n';
    const ids = ['native-sidecars', 'cni-csi-deadlock'];
    const { report } = analyze(modelOf({ 'iop.yaml': iop, 'dk.yaml': dk }), undefined, {
      rules: ALL_RULES.filter((rule) => ids.includes(rule.meta.id)),
    });
    const text = renderText(report, {
      color: false,
      files: new Map([
        ['iop.yaml', iop],
        ['dk.yaml', dk],
      ]),
    });
    expect(text.match(/^ {4}diff --git/gm)).toHaveLength(1);
    expect(text.match(/^ {4}\+ {2}values:$/gm)).toHaveLength(1);
    expect(text).toContain('+    cni:\n');
    expect(text).toContain('+    pilot:\n');
    expect(text).toContain('note: this patch also makes the fix of cni-csi-deadlock');
    expect(text).toContain('note: its patch is the one of native-sidecars');
  });
});
