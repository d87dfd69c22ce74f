/**
 * Layout of the service map: ForceAtlas2 then Noverlap (place-boxes.ts) on each service's
 * footprint, its circle (area ∝ lines) with the label under it, so no label overlaps another label
 * or a node; heavily coupled services end up close. From GROUP_FROM services on, services are
 * grouped (map-groups.ts): each group is laid out alone, then the groups, as boxes with a title,
 * are placed the same way. The shared kernel sits in its own band below. Positions start from a
 * circle in sorted order and the libraries draw no random numbers, so the same analysis gives the
 * same coordinates.
 */
import type { Analysis } from '../../analysis.js';
import type { ClusterId } from '../../cluster/types.js';
import { compareStrings } from '../../base/compare.js';
import { isKernel, type ReportModel } from './report-model.js';
import { mapEdges, mapEventEdges, type MapEdge, type MapEventEdge } from './map-edges.js';
import { splitPairKey, unorderedPairKey as pairKey } from '../../base/collections.js';
import { groupServices, type ServiceGroup } from './map-groups.js';
import { type Box, type BoxEdge, placeBoxes } from './place-boxes.js';

export { arrowSize, MAP_EDGES_DRAWN, type MapEdge, type MapEventEdge } from './map-edges.js';

/** Characters of a label before it is shortened. */
const LABEL_CHARS = 28;

/** Label font size in user units. */
const FONT_SIZE = 12;

/**
 * Estimated advance of label characters, in em: upper bounds of bold DejaVu Sans (Chromium's
 * sans-serif on Linux, wider than the Segoe UI, Roboto or Helvetica the page asks for first),
 * rounded up within four classes; any other character (accented, CJK) counts as 1 em.
 */
const NARROW_CHARS = " '/\\|,.·:;-!()[]ijlfIJ";
const WIDE_CHARS = 'mwMW%@…';
const UPPER_CHARS = 'ABCDEFGHKLNOPQRSTUVXYZ#&+<=>^~';
const NARROW_EM = 0.46;
const WIDE_EM = 1.1;
const UPPER_EM = 0.86;
const PLAIN_EM = 0.73;
/** Height above the baseline and below it of a label line, in em. */
export const LABEL_ASCENT_EM = 0.95;
export const LABEL_DESCENT_EM = 0.3;
/** Width of the white halo drawn around label text (CSS stroke-width 3px: half of it each side). */
export const LABEL_HALO = 1.5;

/** Space between a circle and its label, between two footprints, and inside a group's box. */
const LABEL_GAP = 3;
const NODE_GAP = 6;
const GROUP_PAD = 10;
const GROUP_GAP = 24;

/** One service (or kernel) on the map, in SVG user units. */
export interface MapNode {
  /** The cluster. */
  id: ClusterId;
  /** Centre, x. */
  x: number;
  /** Centre, y (down). */
  y: number;
  /** Radius: area proportional to lines. */
  r: number;
  /** True for a shared kernel (drawn in the band). */
  kernel: boolean;
  /** Label anchor point, x. */
  labelX: number;
  /** Label baseline, y. */
  labelY: number;
  /** Label alignment: centred under the node. */
  anchor: 'start' | 'middle' | 'end';
  /** The label text, shortened to LABEL_CHARS. */
  label: string;
}

/** A group of services (from GROUP_FROM services on), drawn as a titled box behind them. */
export interface MapGroup {
  /** Stable id: its first member. */
  id: string;
  /** Title, drawn inside the box's top left corner. */
  title: string;
  /** The box: x, y, width, height. */
  box: [number, number, number, number];
  /** Title baseline, x (start) and y. */
  titleX: number;
  titleY: number;
  /** Member services, sorted. */
  members: ClusterId[];
}

/** The whole map. */
export interface MapLayout {
  /** viewBox: min x, min y, width, height. */
  box: [number, number, number, number];
  /** Services (group by group, in sorted order within each), then kernels in the band. */
  nodes: MapNode[];
  /** Edges in drawing order (lightest first, so heavy edges stay on top). */
  edges: MapEdge[];
  /** Service-to-service edges not drawn (beyond MAP_EDGES_DRAWN). */
  hiddenEdges: number;
  /** Events between services, drawn dashed. */
  eventEdges: MapEventEdge[];
  /** The kernel band, when there is a kernel: x, y, width, height. */
  band: [number, number, number, number] | null;
  /** Label font size in user units. */
  fontSize: number;
  /** Groups of services (none below GROUP_FROM services), largest first. */
  groups: MapGroup[];
}

/** Lays out the service map of an analysis. */
export function layoutServiceMap(analysis: Analysis, model: ReportModel): MapLayout {
  const services = analysis.partition.clusters.filter((item) => item.kind !== 'kernel').map((item) => item.id);
  const kernels = analysis.partition.clusters.filter((item) => item.kind === 'kernel').map((item) => item.id);
  const weights = undirectedWeights(analysis, model);
  const coupling = [...weights.entries()].sort((a, b) => compareStrings(a[0], b[0]));
  const n = services.length;
  const fontSize = FONT_SIZE;
  // Big circles cost room on a crowded map: the largest shrinks from 40 units to 12 at 133 services.
  const rMax = Math.min(40, Math.max(12, 40 * Math.sqrt(12 / Math.max(1, n))));
  const rMin = Math.max(3, rMax * 0.22);
  const maxLines = Math.max(1, ...analysis.partition.clusters.map((item) => model.metrics.get(item.id)?.lines ?? 0));
  const size = (id: ClusterId) => Math.max(rMin, rMax * Math.sqrt((model.metrics.get(id)?.lines ?? 0) / maxLines));
  const label = (id: ClusterId) => (id.length > LABEL_CHARS ? `${id.slice(0, LABEL_CHARS - 1)}…` : id);

  const groups = groupServices(services, weights, model.clusters, analysis.settings.seed);
  const placed = groups.map((group) => placeServices(group.members, coupling, size, label, fontSize));
  const mapGroups = groups.length > 1 ? placeGroups(groups, placed, coupling, fontSize) : [];
  const nodes = placed.flatMap((item) => item.nodes);

  const extent: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const item of placed) grow(extent, item.bounds);
  for (const group of mapGroups) grow(extent, boxExtent(group.box));
  if (n === 0) grow(extent, [0, 0, 0, 0]);
  const margin = 12;
  const middle = (extent[0] + extent[2]) / 2;
  // Wide enough for the kernel band's text.
  const halfWidth = Math.max((extent[2] - extent[0]) / 2 + margin, 330);
  const left = middle - halfWidth;
  const top = n === 0 ? 0 : extent[1] - margin;
  let bottom = n === 0 ? 0 : extent[3] + margin;
  let band: MapLayout['band'] = null;
  if (kernels.length > 0) {
    const kernelR = Math.max(...kernels.map(size));
    const bandY = bottom + (n === 0 ? 0 : 6);
    // Three lines of text must fit.
    const bandHeight = Math.max(76, 2 * kernelR + 20, fontSize * 3.8 + 16);
    band = [left + 10, bandY, 2 * halfWidth - 20, bandHeight];
    let x = left + 36;
    for (const id of kernels) {
      const r = size(id);
      x += r;
      // The band's title names the kernel, so its node carries no label of its own.
      nodes.push({
        id,
        x,
        y: bandY + bandHeight / 2,
        r,
        kernel: true,
        labelX: x,
        labelY: bandY + bandHeight / 2 + r + fontSize,
        anchor: 'middle',
        label: label(id),
      });
      x += r + 30;
    }
    bottom = bandY + bandHeight + 4;
  }
  const { edges, hiddenEdges } = mapEdges(analysis, model, nodes);
  return {
    box: [left, top, 2 * halfWidth, bottom - top],
    nodes,
    edges,
    hiddenEdges,
    eventEdges: mapEventEdges(analysis, nodes),
    band,
    fontSize,
    groups: mapGroups,
  };
}

/** min x, min y, max x, max y. */
type Extent = [number, number, number, number];

function grow(extent: Extent, other: Extent): void {
  extent[0] = Math.min(extent[0], other[0]);
  extent[1] = Math.min(extent[1], other[1]);
  extent[2] = Math.max(extent[2], other[2]);
  extent[3] = Math.max(extent[3], other[3]);
}

function boxExtent([x, y, width, height]: [number, number, number, number]): Extent {
  return [x, y, x + width, y + height];
}

/** Estimated width of a line of label text, halo included, in user units. */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    em += NARROW_CHARS.includes(char)
      ? NARROW_EM
      : WIDE_CHARS.includes(char)
        ? WIDE_EM
        : UPPER_CHARS.includes(char)
          ? UPPER_EM
          : (char.codePointAt(0) ?? 0) < 0x7f
            ? PLAIN_EM
            : 1;
  }
  return em * fontSize + 2 * LABEL_HALO;
}

/** Height of a line of label text, halo included, in user units. */
function lineHeight(fontSize: number): number {
  return (LABEL_ASCENT_EM + LABEL_DESCENT_EM) * fontSize + 2 * LABEL_HALO;
}

/** Services of one group, placed around the origin, and the extent of their footprints. */
interface PlacedServices {
  nodes: MapNode[];
  bounds: Extent;
}

/** Places services as footprints (circle, then label under it) that do not overlap. */
function placeServices(
  members: readonly ClusterId[],
  coupling: readonly [string, number][],
  size: (id: ClusterId) => number,
  label: (id: ClusterId) => string,
  fontSize: number,
): PlacedServices {
  const footprints: Box[] = members.map((id) => ({
    width: Math.max(2 * size(id), labelWidth(label(id), fontSize)),
    height: 2 * size(id) + LABEL_GAP + lineHeight(fontSize),
  }));
  const index = new Map(members.map((id, i) => [id, i]));
  const edges: BoxEdge[] = [];
  for (const [key, weight] of coupling) {
    const [a, b] = splitPairKey(key);
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined) edges.push([i, j, weight]);
  }
  const centres = placeBoxes(footprints, edges, NODE_GAP);
  const bounds: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  const nodes = members.map((id, i): MapNode => {
    const { x, y: middle } = centres[i] as { x: number; y: number };
    const { width, height } = footprints[i] as Box;
    grow(bounds, [x - width / 2, middle - height / 2, x + width / 2, middle + height / 2]);
    const r = size(id);
    const y = middle - height / 2 + r;
    const labelY = y + r + LABEL_GAP + LABEL_HALO + LABEL_ASCENT_EM * fontSize;
    return { id, x, y, r, kernel: false, labelX: x, labelY, anchor: 'middle', label: label(id) };
  });
  return { nodes, bounds };
}

/** Places each group's box (title row, then its services) and moves its services into it. */
function placeGroups(
  groups: readonly ServiceGroup[],
  placed: readonly PlacedServices[],
  coupling: readonly [string, number][],
  fontSize: number,
): MapGroup[] {
  const titleRow = lineHeight(fontSize) + LABEL_GAP;
  const boxes = groups.map((group, i): Box => {
    const [x0, y0, x1, y1] = (placed[i] as PlacedServices).bounds;
    return {
      width: Math.max(x1 - x0, labelWidth(group.title, fontSize)) + 2 * GROUP_PAD,
      height: y1 - y0 + titleRow + 2 * GROUP_PAD,
    };
  });
  const groupOf = new Map(groups.flatMap((group, i) => group.members.map((id) => [id, i])));
  const between = new Map<string, number>();
  for (const [key, weight] of coupling) {
    const [a, b] = splitPairKey(key);
    const i = groupOf.get(a);
    const j = groupOf.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    const pair = pairKey(Math.min(i, j), Math.max(i, j));
    between.set(pair, (between.get(pair) ?? 0) + weight);
  }
  const edges = [...between.entries()].map(([pair, weight]): BoxEdge => {
    const [i, j] = splitPairKey(pair);
    return [Number(i), Number(j), weight];
  });
  const centres = placeBoxes(boxes, edges, GROUP_GAP);
  return groups.map((group, i) => {
    const { x: cx, y: cy } = centres[i] as { x: number; y: number };
    const { width, height } = boxes[i] as Box;
    const item = placed[i] as PlacedServices;
    const [x0, y0, x1, y1] = item.bounds;
    const x = cx - width / 2;
    const y = cy - height / 2;
    const dx = x + width / 2 - (x0 + x1) / 2;
    const dy = y + GROUP_PAD + titleRow - y0;
    for (const node of item.nodes) {
      node.x += dx;
      node.labelX += dx;
      node.y += dy;
      node.labelY += dy;
    }
    item.bounds = [x0 + dx, y0 + dy, x1 + dx, y1 + dy];
    return {
      id: group.id,
      title: group.title,
      box: [x, y, width, height],
      titleX: x + GROUP_PAD,
      titleY: y + GROUP_PAD + LABEL_HALO + LABEL_ASCENT_EM * fontSize,
      members: group.members,
    };
  });
}

/** Imports between two services, both directions, keyed by the sorted pair; kernels left out. */
function undirectedWeights(analysis: Analysis, model: ReportModel): Map<string, number> {
  const weights = new Map<string, number>();
  for (const dep of analysis.plan.dependencies) {
    if (isKernel(model, dep.from) || isKernel(model, dep.to) || dep.from === dep.to) continue;
    const key = pairKey(dep.from, dep.to);
    weights.set(key, (weights.get(key) ?? 0) + dep.imports);
  }
  return weights;
}
