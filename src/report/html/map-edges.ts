/**
 * The service map's edges: the MAP_EDGES_DRAWN heaviest dependencies between services and every
 * kernel edge, each a quadratic curve from rim to rim, width ∝ imports, with an arrowhead sized
 * in three steps.
 */
import type { Analysis } from '../../analysis.js';
import type { ClusterId } from '../../cluster/types.js';
import { compareStrings } from '../../base/compare.js';
import { coord } from './format.js';
import { classifyDependency, isKernel, type DependencyClass, type ReportModel } from './report-model.js';

/** What an edge needs of a node on the map (a MapNode): its centre and radius. */
interface EdgeEnd {
  id: ClusterId;
  x: number;
  y: number;
  r: number;
}

/** Service-to-service edges drawn at most; lighter ones are counted, not drawn. */
export const MAP_EDGES_DRAWN = 400;

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

/** The drawn edges: the MAP_EDGES_DRAWN heaviest between services, then every kernel edge. */
export function mapEdges(
  analysis: Analysis,
  model: ReportModel,
  nodes: readonly EdgeEnd[],
): { edges: MapEdge[]; hiddenEdges: number } {
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
      const source = at.get(dep.from) as EdgeEnd;
      const target = at.get(dep.to) as EdgeEnd;
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
  return { edges, hiddenEdges: between.length - drawn.length };
}

/** Events between services drawn at most (the ones with most channels). */
export const MAP_EVENT_EDGES_DRAWN = 200;

/** Asynchronous coupling between two services: events, messages or queue jobs one emits and the other listens to. */
export interface MapEventEdge {
  /** The service that emits. */
  from: ClusterId;
  /** The service that listens. */
  to: ClusterId;
  /** The channel names, sorted. */
  names: string[];
  /** SVG path data (bending the other way from the import edges). */
  path: string;
}

/**
 * The event edges of the map: per ordered pair of services on the map (kernel included, not the
 * same service), the channels one emits and the other listens to (graph.events), drawn dashed.
 */
export function mapEventEdges(analysis: Analysis, nodes: readonly EdgeEnd[]): MapEventEdge[] {
  const at = new Map(nodes.map((node) => [node.id, node]));
  const assignment = analysis.partition.assignment;
  const byPair = new Map<string, { from: ClusterId; to: ClusterId; names: Set<string> }>();
  for (const channel of analysis.graph.events) {
    const emitters = new Set(channel.emitters.map((item) => assignment[item.module]));
    const listeners = new Set(channel.listeners.map((item) => assignment[item.module]));
    for (const from of emitters)
      for (const to of listeners) {
        if (from === undefined || to === undefined || from === to || !at.has(from) || !at.has(to)) continue;
        const key = `${from}\0${to}`;
        const entry = byPair.get(key) ?? { from, to, names: new Set<string>() };
        entry.names.add(channel.name);
        byPair.set(key, entry);
      }
  }
  return [...byPair.values()]
    .sort((a, b) => b.names.size - a.names.size || compareStrings(a.from, b.from) || compareStrings(a.to, b.to))
    .slice(0, MAP_EVENT_EDGES_DRAWN)
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to))
    .map((entry) => ({
      from: entry.from,
      to: entry.to,
      names: [...entry.names].sort(compareStrings),
      path: curve(at.get(entry.from) as EdgeEnd, at.get(entry.to) as EdgeEnd, 1.5, -0.1),
    }));
}

/** Length of the arrowhead for a stroke width: three sizes, so a few markers serve every edge. */
export function arrowSize(width: number): number {
  return width < 3 ? 8 : width < 5.5 ? 11 : 14;
}

/** A quadratic curve from one node's rim to another's, bending right by `bend` × length; the end leaves room for the arrowhead. */
function curve(source: EdgeEnd, target: EdgeEnd, width: number, bend: number): string {
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
function towards(node: EdgeEnd, x: number, y: number, distance: number): [number, number] {
  const dx = x - node.x;
  const dy = y - node.y;
  const length = Math.hypot(dx, dy) || 1;
  return [node.x + (dx / length) * distance, node.y + (dy / length) * distance];
}
