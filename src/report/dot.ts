/**
 * Graphviz DOT of the candidate services or of the modules grouped by service (`subgraph
 * cluster_<i>`). Node ids are generated (`s0`, `m12`); every name is a double-quoted string with
 * `\` and `"` escaped, so it can neither end the string nor start an escape such as `\N` or `\l`.
 */
import type { Analysis } from '../analysis.js';
import { moduleView, serviceView, sizeLabel, type GraphLevel } from './graph-view.js';

/** Colour of edges inside a cycle of services. */
const CYCLE_COLOUR = '"#d62728"';

/** Pen width of the heaviest service edges; the scale is 1 + log2(imports), so 1 import draws 1. */
const MAX_PENWIDTH = 6;

/**
 * A DOT double-quoted string, one label line per part: `\` and `"` are escaped, a line break in a
 * part becomes the `\n` escape (a centred line break in a label), other control characters a space.
 */
export function dotString(...parts: string[]): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
  const escaped = parts.map((part) => part.replace(/[\\"]|\r\n|[\u0000-\u001f\u007f]/g, escapeDotChar));
  return `"${escaped.join('\\n')}"`;
}

function escapeDotChar(char: string): string {
  if (char === '\\' || char === '"') return `\\${char}`;
  return char === '\n' || char === '\r' || char === '\r\n' ? '\\n' : ' ';
}

/** The graph at the given level as `digraph seams { ... }`, one statement per line, newline-terminated. */
export function renderDot(analysis: Analysis, level: GraphLevel): string {
  const lines = level === 'service' ? serviceLines(analysis) : moduleLines(analysis);
  return `${[
    'digraph seams {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...lines,
    '}',
  ].join('\n')}\n`;
}

/** Pen width for an edge of `imports` module edges: 1 + log2(imports), at most MAX_PENWIDTH, two decimals. */
export function penwidth(imports: number): number {
  return Math.round(Math.min(MAX_PENWIDTH, 1 + Math.log2(Math.max(1, imports))) * 100) / 100;
}

function serviceLines(analysis: Analysis): string[] {
  const view = serviceView(analysis);
  const lines: string[] = [];
  for (const node of view.nodes) {
    const label = dotString(node.cluster, sizeLabel(node));
    lines.push(
      `  ${node.key} [label=${label}${node.kernel ? ', style="rounded,dashed", color=gray50, fontcolor=gray30' : ''}];`,
    );
  }
  for (const edge of view.edges) {
    const attributes = [`label="${edge.imports}"`, `penwidth=${penwidth(edge.imports)}`];
    if (edge.typeOnly) attributes.push('style=dashed');
    if (edge.cycle) attributes.push(`color=${CYCLE_COLOUR}`, `fontcolor=${CYCLE_COLOUR}`);
    else if (edge.kernel) attributes.push('color=gray60');
    lines.push(`  ${edge.from} -> ${edge.to} [${attributes.join(', ')}];`);
  }
  return lines;
}

function moduleLines(analysis: Analysis): string[] {
  const view = moduleView(analysis);
  const lines: string[] = [];
  for (const group of view.groups) {
    if (group.modules.length === 0) continue;
    lines.push(`  subgraph cluster_${group.index} {`);
    lines.push(`    label=${dotString(group.cluster)};`);
    lines.push(
      group.kernel ? '    style="rounded,dashed"; color=gray50; fontcolor=gray30;' : '    style=rounded; color=gray70;',
    );
    for (const module of group.modules) lines.push(`    ${module.key} [label=${dotString(module.id)}];`);
    lines.push('  }');
  }
  for (const module of view.ungrouped) lines.push(`  ${module.key} [label=${dotString(module.id)}];`);
  for (const edge of view.edges) {
    const attributes = [...(edge.typeOnly ? ['style=dashed'] : []), ...(edge.cycle ? [`color=${CYCLE_COLOUR}`] : [])];
    lines.push(`  ${edge.from} -> ${edge.to}${attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''};`);
  }
  return lines;
}
