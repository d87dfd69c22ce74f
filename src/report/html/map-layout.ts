/**
 * Deterministic layout of the service map. Services sit on an ellipse, ordered so that heavily
 * coupled services are neighbours (a greedy chain, then pairwise swaps that lower
 * Σ weight × circular distance, a common proxy for edge crossings in circular layouts, cf. Baur &
 * Brandes 2004). The shared kernel sits in its own band below. Node area is proportional to lines.
 * No randomness: the same analysis gives the same coordinates.
 */
import type { Analysis } from '../../analysis.js';
import type { ClusterId } from '../../cluster/types.js';
import { compareStrings } from '../../base/compare.js';
import { classifyDependency, isKernel, type DependencyClass, type ReportModel } from './report-model.js';
import { coord } from './format.js';
import { splitPairKey, unorderedPairKey as pairKey } from '../../base/collections.js';

/** Service-to-service edges drawn at most; lighter ones are counted, not drawn. */
export const MAP_EDGES_DRAWN = 400;

/** Characters of a label before it is shortened. */
const LABEL_CHARS = 28;

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
  /** Label alignment: away from the centre of the ellipse. */
  anchor: 'start' | 'middle' | 'end';
  /** The label text, shortened to LABEL_CHARS. */
  label: string;
}

/** One drawn dependency. */
export interface MapEdge {
  /** Importing service. */
  from: ClusterId;
  /** Imported service. */
  to: ClusterId;
  /** Module import edges behind it. */
  imports: number;
  /** Of those, type-only. */
  typeOnly: number;
  /** Colour class: plain, on a cycle, to cut, or to/from the kernel (hidden until selected). */
  kind: DependencyClass;
  /** SVG path data (a quadratic curve bending to the right of its direction). */
  path: string;
  /** Stroke width in user units. */
  width: number;
}

/** The whole map. */
export interface MapLayout {
  /** viewBox: min x, min y, width, height. */
  box: [number, number, number, number];
  /** Services on the ellipse, then kernels in the band. */
  nodes: MapNode[];
  /** Edges in drawing order (lightest first, so heavy edges stay on top). */
  edges: MapEdge[];
  /** Service-to-service edges not drawn (beyond MAP_EDGES_DRAWN). */
  hiddenEdges: number;
  /** The kernel band, when there is a kernel: x, y, width, height. */
  band: [number, number, number, number] | null;
  /** Label font size in user units. */
  fontSize: number;
}

/** Lays out the service map of an analysis. */
export function layoutServiceMap(analysis: Analysis, model: ReportModel): MapLayout {
  const services = analysis.partition.clusters.filter((item) => item.kind !== 'kernel').map((item) => item.id);
  const kernels = analysis.partition.clusters.filter((item) => item.kind === 'kernel').map((item) => item.id);
  const weights = undirectedWeights(analysis, model);
  const ring = orderOnCircle(services, weights);
  const n = ring.length;
  // An ellipse wider than tall fills a landscape screen; the kernel band goes underneath.
  const radius = n <= 1 ? 0 : Math.min(1600, Math.max(180, n * 22));
  const rx = radius * 1.4;
  const ry = radius * 0.9;
  const rMax = n <= 1 ? 40 : Math.min(40, (0.8 * Math.PI * ry) / n);
  const rMin = Math.max(3, rMax * 0.22);
  const maxLines = Math.max(1, ...analysis.partition.clusters.map((item) => model.metrics.get(item.id)?.lines ?? 0));
  const size = (id: ClusterId) => Math.max(rMin, rMax * Math.sqrt((model.metrics.get(id)?.lines ?? 0) / maxLines));
  const spacing = n <= 1 ? 100 : (2 * Math.PI * ry) / n;
  const fontSize = Math.max(6, Math.min(13 * Math.max(1, radius / 300), spacing * 0.55));
  const label = (id: ClusterId) => (id.length > LABEL_CHARS ? `${id.slice(0, LABEL_CHARS - 1)}…` : id);
  const longest = Math.max(6, ...ring.map((id) => label(id).length));
  const marginX = rMax + 14 + longest * fontSize * 0.62;
  const marginY = rMax + 10 + fontSize * 1.4;

  const nodes: MapNode[] = ring.map((id, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(1, n);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const x = rx * cos;
    const y = ry * sin;
    const r = size(id);
    const out = r + 7;
    const anchor = n <= 1 || Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
    const labelY =
      n <= 1
        ? y + r + fontSize + 4
        : y + out * sin + (sin > 0.3 ? fontSize * 0.9 : sin < -0.3 ? -fontSize * 0.3 : fontSize * 0.35);
    return { id, x, y, r, kernel: false, labelX: n <= 1 ? x : x + out * cos, labelY, anchor, label: label(id) };
  });

  const halfWidth = Math.max(rx + marginX, 330);
  let top = -(ry + marginY);
  let bottom = ry + marginY;
  let band: MapLayout['band'] = null;
  if (kernels.length > 0) {
    const kernelR = Math.max(...kernels.map(size));
    const bandY = n === 0 ? 0 : bottom + 6;
    if (n === 0) top = 0;
    // Three lines of text at the map's font size must fit, however large the ring makes it.
    const bandHeight = Math.max(76, 2 * kernelR + 20, fontSize * 3.8 + 16);
    band = [-halfWidth + 10, bandY, 2 * halfWidth - 20, bandHeight];
    let x = -halfWidth + 36;
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
  const at = new Map(nodes.map((node) => [node.id, node]));

  const serviceDeps = analysis.plan.dependencies.filter(
    (dep) => at.has(dep.from) && at.has(dep.to) && dep.from !== dep.to,
  );
  const between = serviceDeps.filter((dep) => !isKernel(model, dep.from) && !isKernel(model, dep.to));
  const drawn = [...between]
    .sort((a, b) => b.imports - a.imports || compareStrings(a.from, b.from) || compareStrings(a.to, b.to))
    .slice(0, MAP_EDGES_DRAWN);
  const maxImports = Math.max(1, ...drawn.map((dep) => dep.imports));
  const kernelDeps = serviceDeps.filter((dep) => isKernel(model, dep.from) || isKernel(model, dep.to));
  const edges: MapEdge[] = [...drawn, ...kernelDeps]
    .map((dep) => {
      const kind = classifyDependency(model, dep);
      const source = at.get(dep.from) as MapNode;
      const target = at.get(dep.to) as MapNode;
      const width = kind === 'kernel' ? 1.5 : 1.5 + 6.5 * (dep.imports / maxImports);
      return {
        from: dep.from,
        to: dep.to,
        imports: dep.imports,
        typeOnly: dep.typeOnly,
        kind,
        width,
        path: curve(source, target, width, kind === 'kernel' ? 0.06 : 0.14),
      };
    })
    .sort(
      (a, b) =>
        Number(b.kind === 'kernel') - Number(a.kind === 'kernel') ||
        a.imports - b.imports ||
        compareStrings(a.from, b.from) ||
        compareStrings(a.to, b.to),
    );
  return {
    box: [-halfWidth, top, 2 * halfWidth, bottom - top],
    nodes,
    edges,
    hiddenEdges: between.length - drawn.length,
    band,
    fontSize,
  };
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

/**
 * Orders services around a circle: a greedy chain that always appends the service most coupled to
 * the last two placed, then passes of pairwise swaps while they lower Σ weight × circular distance.
 */
export function orderOnCircle(ids: readonly ClusterId[], weights: ReadonlyMap<string, number>): ClusterId[] {
  const n = ids.length;
  if (n <= 3) return [...ids];
  const sorted = [...ids].sort(compareStrings);
  const index = new Map(sorted.map((id, i) => [id, i]));
  const adjacency: [number, number][][] = sorted.map(() => []);
  for (const [key, weight] of [...weights.entries()].sort((a, b) => compareStrings(a[0], b[0]))) {
    const [a, b] = splitPairKey(key);
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    adjacency[i]?.push([j, weight]);
    adjacency[j]?.push([i, weight]);
  }
  const total = adjacency.map((list) => list.reduce((sum, [, weight]) => sum + weight, 0));
  const weightTo = (i: number, j: number) => adjacency[i]?.find(([other]) => other === j)?.[1] ?? 0;

  let start = 0;
  for (let i = 1; i < n; i++) if ((total[i] ?? 0) > (total[start] ?? 0)) start = i;
  const chain = [start];
  const placed = new Set(chain);
  while (chain.length < n) {
    const last = chain[chain.length - 1] as number;
    const before = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < n; i++) {
      if (placed.has(i)) continue;
      const score = weightTo(last, i) + (before >= 0 ? 0.5 * weightTo(before, i) : 0);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    chain.push(best);
    placed.add(best);
  }

  const position = new Array<number>(n);
  for (const [at, node] of chain.entries()) position[node] = at;
  const distance = (p: number, q: number) => {
    const d = Math.abs(p - q);
    return Math.min(d, n - d);
  };
  const moveCost = (node: number, to: number, skip: number) =>
    (adjacency[node] ?? []).reduce(
      (sum, [other, weight]) => (other === skip ? sum : sum + weight * distance(to, position[other] as number)),
      0,
    );
  const maxPasses = n > 150 ? 3 : 30;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const pa = position[a] as number;
        const pb = position[b] as number;
        const delta = moveCost(a, pb, b) + moveCost(b, pa, a) - moveCost(a, pa, b) - moveCost(b, pb, a);
        if (delta < -1e-9) {
          position[a] = pb;
          position[b] = pa;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  const ring = new Array<ClusterId>(n);
  for (const [i, id] of sorted.entries()) ring[position[i] as number] = id;
  return ring;
}

/** Length of the arrowhead for a stroke width: three sizes, so a few markers serve every edge. */
export function arrowSize(width: number): number {
  return width < 3 ? 8 : width < 5.5 ? 11 : 14;
}

/** A quadratic curve from one node's rim to another's, bending right by `bend` × length; the end leaves room for the arrowhead. */
function curve(source: MapNode, target: MapNode, width: number, bend: number): string {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;
  const cx = (source.x + target.x) / 2 - (dy / length) * length * bend;
  const cy = (source.y + target.y) / 2 + (dx / length) * length * bend;
  const from = towards(source, cx, cy, source.r + 1);
  const to = towards(target, cx, cy, target.r + 2 + arrowSize(width));
  return `M${coord(from[0])} ${coord(from[1])}Q${coord(cx)} ${coord(cy)} ${coord(to[0])} ${coord(to[1])}`;
}

/** The point `distance` from a node's centre towards (x, y). */
function towards(node: MapNode, x: number, y: number, distance: number): [number, number] {
  const dx = x - node.x;
  const dy = y - node.y;
  const length = Math.hypot(dx, dy) || 1;
  return [node.x + (dx / length) * distance, node.y + (dy / length) * distance];
}
