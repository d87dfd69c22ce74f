/**
 * Force-directed placement of boxes that do not overlap, with graphology's layouts:
 * ForceAtlas2 (Jacomy et al., PLoS ONE 2014; graphology-layout-forceatlas2) from a circle in input
 * order, once on points and once with node sizes ("prevent overlap"), then Noverlap (Gephi's
 * anti-collision pass; graphology-layout-noverlap). Each box is seen by the libraries as the circle
 * around it, grown by the gap; boxes are wide (a label under a circle), so the plane is first
 * stretched vertically by the boxes' typical width/height (and shrunk back after): the circles then
 * hug the boxes more closely. Both libraries are deterministic given the initial positions:
 * ForceAtlas2 draws no random numbers, and Noverlap draws them only for two nodes on the very same
 * spot, which is ruled out before it runs (see `separate`). Should Noverlap leave boxes overlapping,
 * the layout is spread out by 10% and Noverlap runs again, and at worst spread until the closest
 * two centres are a largest box apart, so the result never has two boxes overlapping.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';

// Each package sets `module.exports = fn` but types it as `export default fn` (see src/graph/graphology.ts).
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const noverlap = noverlapModule as unknown as typeof noverlapModule.default;

/** ForceAtlas2 iterations on points, then with sizes: enough for a few hundred nodes to settle. */
const FORCE_ITERATIONS = 300;
const SIZED_ITERATIONS = 500;
/** Noverlap runs of at most NOVERLAP_ITERATIONS, each after spreading the layout by 10%. */
const NOVERLAP_ROUNDS = 6;
const NOVERLAP_ITERATIONS = 300;

/** A box to place, centred on the point returned for it. */
export interface Box {
  /** Width in user units. */
  width: number;
  /** Height in user units. */
  height: number;
}

/** An undirected weighted edge between two boxes, by index. */
export type BoxEdge = [source: number, target: number, weight: number];

/** A centre, in user units. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Centres for `boxes`, the heavily connected ones close together and no two boxes closer than
 * `gap` on either axis. Same input, same output: nodes and edges enter the layouts in the order given.
 */
export function placeBoxes(boxes: readonly Box[], edges: readonly BoxEdge[], gap: number): Point[] {
  const n = boxes.length;
  if (n === 0) return [];
  if (n === 1) return [{ x: 0, y: 0 }];
  const stretch = Math.min(
    3,
    Math.max(1, median(boxes.map((box) => box.width)) / median(boxes.map((box) => box.height))),
  );
  // In the stretched plane, each box grown by the gap: boxes that do not overlap there keep the gap.
  const grown = boxes.map((box) => ({ width: box.width + gap, height: (box.height + gap) * stretch }));
  const radius = grown.map((box) => Math.hypot(box.width, box.height) / 2);

  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    graph.addNode(key(i), { x: n * Math.cos(angle), y: n * Math.sin(angle), size: radius[i] as number });
  }
  // Weights relative to their mean, so the forces balance the same way whatever the import counts.
  const mean = edges.reduce((sum, edge) => sum + edge[2], 0) / Math.max(1, edges.length);
  for (const [source, target, weight] of edges)
    if (source !== target && weight > 0) graph.mergeEdge(key(source), key(target), { weight: weight / mean });
  // inferSettings, but with the library's default gravity (1, not 0.05): with a few nodes, a weak
  // gravity lets a node with no edges drift far from the rest.
  const settings = { ...forceAtlas2.inferSettings(n), gravity: 1 };
  forceAtlas2.assign(graph, { iterations: FORCE_ITERATIONS, settings });

  // Scale so that neighbours sit about one box apart, then let sizes push overlapping boxes apart.
  let points = positions(graph, n);
  const spread = median(points.map((_, i) => nearest(points, i)));
  const scale = spread > 0 ? (2 * median(radius)) / spread : 1;
  setPositions(graph, separate(points.map((point) => ({ x: point.x * scale, y: point.y * scale }))));
  forceAtlas2.assign(graph, { iterations: SIZED_ITERATIONS, settings: { ...settings, adjustSizes: true } });

  for (let round = 0; ; round++) {
    setPositions(graph, separate(positions(graph, n)));
    noverlap.assign(graph, {
      maxIterations: NOVERLAP_ITERATIONS,
      settings: { margin: 0, ratio: 1, expansion: 1.1, gridSize: 20, speed: 3 },
    });
    points = positions(graph, n);
    if (!overlapping(points, grown)) break;
    if (round === NOVERLAP_ROUNDS) {
      points = spreadApart(separate(points), 2 * Math.max(...radius));
      break;
    }
    setPositions(
      graph,
      points.map((point) => ({ x: point.x * 1.1, y: point.y * 1.1 })),
    );
  }
  return points.map((point) => ({ x: point.x, y: point.y / stretch }));
}

function key(index: number): string {
  return `n${index}`;
}

function positions(graph: UndirectedGraph, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => {
    const { x, y } = graph.getNodeAttributes(key(i)) as Point;
    return { x, y };
  });
}

function setPositions(graph: UndirectedGraph, points: readonly Point[]): void {
  for (const [i, point] of points.entries()) graph.mergeNodeAttributes(key(i), point);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Distance from point i to its nearest other point. */
function nearest(points: readonly Point[], i: number): number {
  const p = points[i] as Point;
  let best = Infinity;
  for (const [j, q] of points.entries()) if (j !== i) best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y));
  return best;
}

/**
 * The points, each moved off any earlier point with the same 32-bit coordinates (Noverlap works in
 * 32-bit floats and jitters two nodes on one spot with Math.random).
 */
function separate(points: Point[]): Point[] {
  const taken = new Set<string>();
  for (const point of points) {
    const at = () => `${Math.fround(point.x)},${Math.fround(point.y)}`;
    for (let step = 1; taken.has(at()); step++) {
      point.x += step * (1 + Math.abs(point.x) * 1e-6);
      point.y += step * (1 + Math.abs(point.y) * 1e-6);
    }
    taken.add(at());
  }
  return points;
}

/** True when two boxes centred on the points overlap. */
function overlapping(points: readonly Point[], boxes: readonly Box[]): boolean {
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const p = points[i] as Point;
      const q = points[j] as Point;
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      if (Math.abs(p.x - q.x) < (a.width + b.width) / 2 && Math.abs(p.y - q.y) < (a.height + b.height) / 2) return true;
    }
  return false;
}

/** The points scaled about the origin until no two are closer than `distance`. */
function spreadApart(points: readonly Point[], distance: number): Point[] {
  const closest = Math.min(...points.map((_, i) => nearest(points, i)));
  const scale = Math.max(1, distance / closest);
  return points.map((point) => ({ x: point.x * scale, y: point.y * scale }));
}
