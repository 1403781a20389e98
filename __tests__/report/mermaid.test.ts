import { describe, expect, it } from '@jest/globals';
import type { EgressMap } from '../../src/diff/egress.js';
import { escapeMermaid, renderMermaid } from '../../src/report/mermaid.js';

const HOSTILE = 'ns "evil"]\n```\n<b>@octocat</b> end';

describe('renderMermaid', () => {
  it('escapes labels so nothing can close a label, inject HTML or end the fence', () => {
    const escaped = escapeMermaid(HOSTILE);
    expect(escaped).not.toMatch(/["[\]<>`@\n]/);
    expect(escaped).toContain('#34;evil#34;');
    const map: EgressMap = {
      nodes: [
        { id: 'n0', label: `code modules\n${HOSTILE}`, place: 'cluster', inMesh: true },
        { id: 'n1', label: 'Dynatrace environment\nabc.live.dynatrace.com', place: 'external' },
      ],
      edges: [{ from: 'n0', to: 'n1', label: 'agent traffic', blocked: HOSTILE, newlyBlocked: true }],
      omittedNamespaces: 2,
    };
    const chart = renderMermaid(map);
    expect(chart).not.toContain('```');
    expect(chart).not.toMatch(/<b>|@octocat/);
    // Every label is one quoted string: quotes come in pairs on each line.
    for (const line of chart.split('\n')) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    expect(chart).toContain('n0 --x|"BLOCKED by this PR: ');
    expect(chart).toContain('linkStyle 0 stroke:#d1242f');
    expect(chart).toContain('subgraph mesh["in the Istio mesh"]');
    expect(chart).toContain('n1(["Dynatrace environment<br/>abc.live.dynatrace.com"])');
    expect(chart).toContain('more["2 more monitored namespaces not shown"]');
  });
});
