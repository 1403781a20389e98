import type { EgressEdge, EgressMap, EgressNode } from '../diff/egress.js';

/**
 * Text for a Mermaid label: characters outside a small safe set become Mermaid entity codes (`#60;`), so no
 * manifest value can close the label, inject HTML or end the code fence.
 */
export function escapeMermaid(text: string): string {
  return [...text]
    .map((char) => (/^[A-Za-z0-9 .,:/_()=+-]$/.test(char) ? char : `#${char.codePointAt(0)};`))
    .join('');
}

function label(text: string): string {
  return `"${text.split('\n').map(escapeMermaid).join('<br/>')}"`;
}

function nodeLine(node: EgressNode): string {
  const shape = node.place === 'external' ? `([${label(node.label)}])` : `[${label(node.label)}]`;
  return `${node.id}${shape}`;
}

export function edgeText(edge: EgressEdge): string {
  if (!edge.blocked) return edge.label;
  return `${edge.newlyBlocked ? 'BLOCKED by this PR' : 'BLOCKED'}: ${edge.blocked}`;
}

/** The egress map as a Mermaid flowchart: in-mesh components in their own box, blocked paths crossed and red. */
export function renderMermaid(map: EgressMap): string {
  const inMesh = map.nodes.filter((node) => node.place === 'cluster' && node.inMesh);
  const outside = map.nodes.filter((node) => node.place === 'cluster' && !node.inMesh);
  const external = map.nodes.filter((node) => node.place === 'external');
  const lines = ['flowchart LR', '  subgraph cluster["Kubernetes cluster"]'];
  if (inMesh.length > 0) {
    lines.push('    subgraph mesh["in the Istio mesh"]');
    lines.push(...inMesh.map((node) => `      ${nodeLine(node)}`));
    lines.push('    end');
  }
  lines.push(...outside.map((node) => `    ${nodeLine(node)}`));
  if (map.omittedNamespaces > 0)
    lines.push(`    more["${map.omittedNamespaces} more monitored namespaces not shown"]`);
  lines.push('  end', '  subgraph outside["outside the cluster"]');
  lines.push(...external.map((node) => `    ${nodeLine(node)}`), '  end');
  const blocked: number[] = [];
  map.edges.forEach((edge, index) => {
    const arrow = edge.blocked ? '--x' : '-->';
    lines.push(`  ${edge.from} ${arrow}|${label(edgeText(edge))}| ${edge.to}`);
    if (edge.blocked) blocked.push(index);
  });
  if (blocked.length > 0)
    lines.push(`  linkStyle ${blocked.join(',')} stroke:#d1242f,stroke-width:3px,color:#d1242f`);
  lines.push('  classDef meshed fill:#ddf4ff,stroke:#0969da');
  if (inMesh.length > 0) lines.push(`  class ${inMesh.map((node) => node.id).join(',')} meshed`);
  return lines.join('\n');
}
