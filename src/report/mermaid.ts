/**
 * Mermaid flowchart of the candidate services or of the modules grouped by service. Node ids are
 * generated (`s0`, `m12`); every name is a quoted label with Mermaid entity codes for the characters
 * that could end the label, start an entity or reach the rendered HTML.
 */
import type { Analysis } from '../analysis.js';
import { moduleView, serviceView, sizeLabel, type GraphLevel } from './graph-view.js';

/** Colour of edges inside a cycle of services. */
const CYCLE_COLOUR = '#d62728';

/** Colour of edges into or out of the shared kernel. */
const KERNEL_EDGE_COLOUR = '#999999';

/** How the shared kernel is drawn apart from the services. */
const KERNEL_STYLE = 'fill:#f4f4f4,stroke:#999999,stroke-dasharray:5 5,color:#555555';

/**
 * A label in Mermaid's `["..."]` syntax, one line per part: in each part `#` (entity start), `"`,
 * `<`, `>`, `&`, backticks (Markdown strings) and `%` (`%%{init}%%` directives are found anywhere in
 * the text) become entity codes, line breaks and control characters a space; the parts are joined by the only markup the
 * label carries, `<br/>`.
 */
export function mermaidLabel(...parts: string[]): string {
  const escaped = parts.map((part) =>
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
    part.replace(/[#"<>&`%]|\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, (char) => MERMAID_ENTITIES[char] ?? ' '),
  );
  return `["${escaped.join('<br/>')}"]`;
}

const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
  '%': '#37;',
};

/** The graph at the given level as a Mermaid `flowchart LR`, one statement per line, newline-terminated. */
export function renderMermaid(analysis: Analysis, level: GraphLevel): string {
  const lines = level === 'service' ? serviceLines(analysis) : moduleLines(analysis);
  return `${['flowchart LR', ...lines].join('\n')}\n`;
}

function serviceLines(analysis: Analysis): string[] {
  const view = serviceView(analysis);
  const lines: string[] = [];
  for (const node of view.nodes) lines.push(`  ${node.key}${mermaidLabel(node.cluster, sizeLabel(node))}`);
  for (const edge of view.edges)
    lines.push(`  ${edge.from} ${edge.typeOnly ? '-.->' : '-->'}|${edge.imports}| ${edge.to}`);
  lines.push(...linkStyles(view.edges));
  const kernel = view.nodes.filter((node) => node.kernel).map((node) => node.key);
  if (kernel.length > 0) lines.push(`  classDef kernel ${KERNEL_STYLE}`, `  class ${kernel.join(',')} kernel`);
  return lines;
}

function moduleLines(analysis: Analysis): string[] {
  const view = moduleView(analysis);
  const lines: string[] = [];
  for (const group of view.groups) {
    if (group.modules.length === 0) continue;
    lines.push(`  subgraph ${group.key} ${mermaidLabel(group.cluster)}`);
    for (const module of group.modules) lines.push(`    ${module.key}${mermaidLabel(module.id)}`);
    lines.push('  end');
  }
  for (const module of view.ungrouped) lines.push(`  ${module.key}${mermaidLabel(module.id)}`);
  for (const edge of view.edges) lines.push(`  ${edge.from} ${edge.typeOnly ? '-.->' : '-->'} ${edge.to}`);
  lines.push(...linkStyles(view.edges.map((edge) => ({ ...edge, kernel: false }))));
  for (const group of view.groups) {
    if (group.kernel && group.modules.length > 0) lines.push(`  style ${group.key} ${KERNEL_STYLE}`);
  }
  return lines;
}

/** `linkStyle` lines colouring edges by their index in definition order: cycle edges red, kernel edges grey. */
function linkStyles(edges: { cycle: boolean; kernel: boolean }[]): string[] {
  const cycle: number[] = [];
  const kernel: number[] = [];
  edges.forEach((edge, index) => {
    if (edge.cycle) cycle.push(index);
    else if (edge.kernel) kernel.push(index);
  });
  const lines: string[] = [];
  if (cycle.length > 0) lines.push(`  linkStyle ${cycle.join(',')} stroke:${CYCLE_COLOUR},color:${CYCLE_COLOUR}`);
  if (kernel.length > 0) lines.push(`  linkStyle ${kernel.join(',')} stroke:${KERNEL_EDGE_COLOUR}`);
  return lines;
}
