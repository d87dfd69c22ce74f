/**
 * The service map: an SVG of candidate services (area ∝ lines), their dependencies (width ∝
 * imports, arrow = direction, colour = cycle status) and the shared kernel in a band of its own.
 * From 40 services on, groups of coupled services sit in titled boxes. The inline script adds the
 * tooltip, the details panel and the highlighting.
 */
import type { Analysis } from '../../analysis.js';
import { compareStrings } from '../../base/compare.js';
import { escapeHtml } from './escape.js';
import { coord, formatCount, plural } from './format.js';
import {
  arrowSize,
  layoutServiceMap,
  MAP_EDGES_DRAWN,
  type MapEdge,
  type MapEventEdge,
  type MapGroup,
  type MapNode,
} from './map-layout.js';
import { isKernel, type DependencyClass, type ReportModel } from './report-model.js';

const EDGE_KINDS: readonly (DependencyClass | 'event')[] = ['plain', 'cycle', 'cut', 'kernel', 'event'];
const ARROW_SIZES: readonly number[] = [8, 11, 14];

/**
 * A map whose labels would come out smaller than about 10 px when scaled to fit its frame (about
 * FIT_WIDTH × FIT_HEIGHT px) is drawn at LARGE_MAP_SCALE px per user unit instead, in a frame that
 * scrolls.
 */
const LARGE_MAP_SCALE = 0.85;
const FIT_WIDTH = 960;
const FIT_HEIGHT = 640;

/** The service-map section. */
export function renderServiceMap(analysis: Analysis, model: ReportModel): string {
  const layout = layoutServiceMap(analysis, model);
  const [minX, minY, width, height] = layout.box;
  const services = analysis.partition.clusters.filter((item) => item.kind === 'service').length;
  const between = analysis.plan.dependencies.filter((dep) => !isKernel(model, dep.from) && !isKernel(model, dep.to));
  const out: string[] = [];
  out.push('<section id="map" class="section"><h2>Service map</h2>');
  out.push(`<p class="lead">${escapeHtml(mapSummary(analysis, model, services, between.length))}</p>`);
  const large = width * LARGE_MAP_SCALE > FIT_WIDTH || height * LARGE_MAP_SCALE > FIT_HEIGHT;
  const size = large ? ` width="${coord(width * LARGE_MAP_SCALE)}" height="${coord(height * LARGE_MAP_SCALE)}"` : '';
  out.push(`<div class="map-layout"><div class="map-frame${large ? ' scroll' : ''}">`);
  out.push(
    `<svg id="service-map" class="map${large ? ' map-large' : ''}"${size} viewBox="${coord(minX)} ${coord(minY)} ${coord(width)} ${coord(height)}" role="group" aria-label="Service map: candidate services and the imports between them" font-size="${coord(layout.fontSize)}">`,
  );
  out.push(`<defs>${markers()}</defs>`);
  if (layout.band !== null) out.push(kernelBand(analysis, model, layout.band, layout.nodes, layout.fontSize));
  if (layout.groups.length > 0) out.push(`<g class="groups">${layout.groups.map(renderGroup).join('')}</g>`);
  out.push('<g class="edges">');
  for (const edge of layout.edges) out.push(renderEdge(edge));
  for (const edge of layout.eventEdges) out.push(renderEventEdge(edge));
  out.push('</g><g class="nodes">');
  for (const node of layout.nodes) out.push(renderNode(node, model));
  out.push('</g></svg>');
  if (layout.hiddenEdges > 0)
    out.push(
      `<p class="note">The ${formatCount(MAP_EDGES_DRAWN)} heaviest dependencies are drawn; ${plural(layout.hiddenEdges, 'lighter one')} ${layout.hiddenEdges === 1 ? 'is' : 'are'} in the matrix below.</p>`,
    );
  out.push('</div>');
  out.push(mapPanel());
  out.push('</div></section>');
  return out.join('\n');
}

function mapSummary(analysis: Analysis, model: ReportModel, services: number, dependencies: number): string {
  const kernel = `${analysis.partition.clusters.some((item) => item.kind === 'shell') ? ' + composition root' : ''}${analysis.partition.clusters.some((item) => item.kind === 'kernel') ? ' + shared kernel' : ''}`;
  const cycles = analysis.plan.cycles;
  const cycleText =
    cycles.length === 0
      ? 'no cycles between services'
      : `${plural(cycles.length, 'cycle')} through ${plural(
          cycles.reduce((sum, cycle) => sum + cycle.length, 0),
          'service',
        )}, ${plural(model.cut.size, 'dependency', 'dependencies')} to cut`;
  return `${plural(services, 'service')}${kernel} · ${plural(dependencies, 'dependency', 'dependencies')} between services · ${cycleText}.`;
}

/** Arrowheads: one per edge colour and size (userSpaceOnUse, so heavy edges do not get giant heads). */
function markers(): string {
  const out: string[] = [];
  for (const kind of EDGE_KINDS) {
    for (const size of ARROW_SIZES) {
      out.push(
        `<marker id="arrow-${kind}-${size}" class="arrow arrow-${kind}" viewBox="0 0 10 10" refX="0" refY="5" markerUnits="userSpaceOnUse" markerWidth="${size}" markerHeight="${size}" orient="auto"><path d="M0 0L10 5L0 10z"/></marker>`,
      );
    }
  }
  return out.join('');
}

function renderEventEdge(edge: MapEventEdge): string {
  const shown = edge.names.slice(0, 5).join(', ') + (edge.names.length > 5 ? `, +${edge.names.length - 5} more` : '');
  const title = `${edge.from} → ${edge.to}: ${plural(edge.names.length, 'event')} (${shown}), asynchronous`;
  return `<path class="edge edge-event" d="${edge.path}" stroke-width="1.5" marker-end="url(#arrow-event-8)" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}"><title>${escapeHtml(title)}</title></path>`;
}

function renderEdge(edge: MapEdge): string {
  const typeOnly = edge.typeOnly > 0 ? ` (${formatCount(edge.typeOnly)} type-only)` : '';
  const note = edge.kind === 'cut' ? '; cut it to break the cycle' : edge.kind === 'cycle' ? '; on a cycle' : '';
  const title = `${edge.from} → ${edge.to}: ${plural(edge.imports, 'import')}${typeOnly}${note}`;
  return `<path class="edge edge-${edge.kind}" d="${edge.path}" stroke-width="${coord(edge.width)}" marker-end="url(#arrow-${edge.kind}-${arrowSize(edge.width)})" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}"><title>${escapeHtml(title)}</title></path>`;
}

/** A group of services: a box behind them, titled with their common folder (or largest member) and count. */
function renderGroup(group: MapGroup): string {
  const [x, y, width, height] = group.box;
  return (
    `<g class="map-group" data-group="${escapeHtml(group.id)}"><title>${escapeHtml(`${group.title}: ${group.members.join(', ')}`)}</title>` +
    `<rect x="${coord(x)}" y="${coord(y)}" width="${coord(width)}" height="${coord(height)}" rx="12"/>` +
    `<text class="group-title" x="${coord(group.titleX)}" y="${coord(group.titleY)}">${escapeHtml(group.title)}</text></g>`
  );
}

function renderNode(node: MapNode, model: ReportModel): string {
  const metrics = model.metrics.get(node.id);
  const step = model.stepOf.get(node.id);
  const pinned = model.clusters.get(node.id)?.pinned === true;
  const classes = ['service-node', node.kernel ? 'kernel' : 'service', pinned ? 'pinned' : '']
    .filter((item) => item !== '')
    .join(' ');
  const label = `${node.id}${node.kernel ? ' (shared kernel)' : ''}: ${plural(metrics?.files ?? 0, 'file')}, ${plural(metrics?.lines ?? 0, 'line')}${step === undefined ? '' : `, extraction step ${step}`}`;
  const badge = step !== undefined && node.r >= 9 ? `<text class="step" y="0.35em">${step}</text>` : '';
  return (
    `<g class="${classes}" data-service="${escapeHtml(node.id)}" tabindex="0" role="button" aria-label="${escapeHtml(label)}">` +
    `<circle cx="${coord(node.x)}" cy="${coord(node.y)}" r="${coord(node.r)}"/>` +
    (badge === '' ? '' : `<g transform="translate(${coord(node.x)} ${coord(node.y)})">${badge}</g>`) +
    (node.kernel
      ? ''
      : `<text class="label" x="${coord(node.labelX)}" y="${coord(node.labelY)}" text-anchor="${node.anchor}">${escapeHtml(node.label)}</text>`) +
    '</g>'
  );
}

/** The kernel's band: dashed box, a line on what it is, and its inbound imports summarised per service. */
function kernelBand(
  analysis: Analysis,
  model: ReportModel,
  band: [number, number, number, number],
  nodes: MapNode[],
  fontSize: number,
): string {
  const [x, y, width, height] = band;
  const kernels = nodes.filter((node) => node.kernel);
  const textX = Math.max(...kernels.map((node) => node.x + node.r)) + 24;
  const inbound = analysis.plan.dependencies.filter((dep) => isKernel(model, dep.to) && !isKernel(model, dep.from));
  const total = inbound.reduce((sum, dep) => sum + dep.imports, 0);
  const users = new Map<string, number>();
  for (const dep of inbound) users.set(dep.from, (users.get(dep.from) ?? 0) + dep.imports);
  const ranked = [...users.entries()]
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .map(([id, count]) => `${id} ${formatCount(count)}`);
  // As many users as fit on one line of the band (about 0.5 em per character), then a count of the rest.
  const room = Math.floor((x + width - textX - 12) / (fontSize * 0.92 * 0.5));
  const intro = `${plural(total, 'import')} from ${plural(users.size, 'service')}: `;
  const shown: string[] = [];
  let used = intro.length;
  for (const [index, item] of ranked.entries()) {
    const tail = index === ranked.length - 1 ? 0 : 10;
    if (used + item.length + 3 + tail > room && shown.length > 0) break;
    shown.push(item);
    used += item.length + 3;
  }
  const more = ranked.length > shown.length ? ` · +${ranked.length - shown.length} more` : '';
  const lines = kernels.reduce((sum, node) => sum + (model.metrics.get(node.id)?.lines ?? 0), 0);
  const files = kernels.reduce((sum, node) => sum + (model.metrics.get(node.id)?.files ?? 0), 0);
  const step = model.stepOf.get(kernels[0]?.id ?? '');
  const midY = y + height / 2;
  return (
    `<g class="kernel-band"><rect x="${coord(x)}" y="${coord(y)}" width="${coord(width)}" height="${coord(height)}" rx="10"/>` +
    `<text class="band-title" x="${coord(textX)}" y="${coord(midY - fontSize * 0.9)}">Shared kernel · ${escapeHtml(plural(files, 'file'))}, ${escapeHtml(plural(lines, 'line'))} · a library to publish${step === undefined ? '' : ` in step ${step}`}, not a service</text>` +
    `<text class="band-text" x="${coord(textX)}" y="${coord(midY + fontSize * 0.6)}">${escapeHtml(`${intro}${shown.join(' · ')}${more}`)}</text>` +
    `<text class="band-text faint" x="${coord(textX)}" y="${coord(midY + fontSize * 2)}">These edges are summarised here; select a service to draw its own.</text></g>`
  );
}

/** Legend, the hint and the details panel the script fills in. */
function mapPanel(): string {
  const line = (kind: string, text: string, dashed = false) =>
    `<li><svg class="swatch" viewBox="0 0 40 12" aria-hidden="true"><path class="edge edge-${kind}" d="M2 6H30" stroke-width="3"${dashed ? ' stroke-dasharray="4 3"' : ''}/><path class="arrow-${kind}" d="M30 1L39 6L30 11z"/></svg>${text}</li>`;
  return [
    '<aside class="map-panel" aria-label="Legend and details">',
    '<ul class="legend">',
    line('plain', 'dependency, not on a cycle'),
    line('cycle', 'on a cycle between services'),
    line('cut', 'cut this to break the cycle'),
    line('event', 'events: emitted by one, listened to by the other (asynchronous)', true),
    '<li><svg class="swatch" viewBox="0 0 40 12" aria-hidden="true"><path class="edge edge-plain" d="M2 3H38" stroke-width="1.5"/><path class="edge edge-plain" d="M2 9H38" stroke-width="5"/></svg>line width ∝ imports</li>',
    '<li><svg class="swatch" viewBox="0 0 40 16" aria-hidden="true"><circle class="legend-service" cx="9" cy="8" r="5"/><circle class="legend-service" cx="27" cy="8" r="7.5"/><text class="legend-step" x="27" y="11">3</text></svg>service: area ∝ lines, number = extraction step</li>',
    '<li><svg class="swatch" viewBox="0 0 40 16" aria-hidden="true"><rect class="legend-kernel" x="2" y="2" width="36" height="12" rx="3"/></svg>shared kernel (library)</li>',
    '</ul>',
    '<p id="details-hint" class="hint">Hover a service for its metrics and API; click it (or Tab to it and press Enter) for its modules and edges.</p>',
    '<div id="details" class="details" hidden aria-live="polite"></div>',
    '</aside>',
  ].join('\n');
}
