import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../base/compare.js';
import type { DependencyEdge, ModuleGraph } from '../graph/types.js';
import type { WeightedEdge } from './types.js';
import { PairMap } from './pair-map.js';

/** Percentile of fan-in and fan-out above which a module counts as a hub. */
export const HUB_PERCENTILE = 0.95;

/**
 * Static coupling: the see-through module graph made undirected, each import weighted by what it
 * couples and damped at hubs. A runtime import weighs `runtimeWeight`, a type-only import
 * `typeWeight`, an import that is only dynamic `dynamicWeight`; an import of a name wired through
 * NestJS (module lists, constructor injection, `@Inject`) is runtime coupling whatever its form,
 * and weighs `runtimeWeight`; a `@Module`'s import of one of its own `providers` or `controllers`
 * (graph `member`) weighs `memberWeight` (default 5): those classes are parts of the module, not
 * modules it uses, and without the extra weight the `*.module.ts` files of a NestJS codebase, which
 * import one another, cluster as a layer of their own. That weight is divided by
 * max(1, fanIn(to) / P95(fanIn)) and by max(1, fanOut(from) / P95(fanOut)), P95 being the 95th
 * percentile over all modules: imports of a module far more popular than almost every other
 * (a utility hub) and imports made by a module that imports far more than almost every other
 * (a composition root: main, app module, route index) say little about where either end
 * belongs, while ordinary imports keep their full weight. Both directions between a pair add up.
 */
export function weighEdges(graph: ModuleGraph, settings: ClusterSettings): WeightedEdge[] {
  const fanIn = new Map<string, number>();
  const fanOut = new Map<string, number>();
  for (const edge of graph.dependencies) {
    fanIn.set(edge.to, (fanIn.get(edge.to) ?? 0) + 1);
    fanOut.set(edge.from, (fanOut.get(edge.from) ?? 0) + 1);
  }
  const ids = graph.modules.map((module) => module.id);
  const hubIn = percentile(
    ids.map((id) => fanIn.get(id) ?? 0),
    HUB_PERCENTILE,
  );
  const hubOut = percentile(
    ids.map((id) => fanOut.get(id) ?? 0),
    HUB_PERCENTILE,
  );
  const weights = new PairMap<WeightedEdge>();
  const edges: WeightedEdge[] = [];
  for (const edge of graph.dependencies) {
    const [source, target] = compareStrings(edge.from, edge.to) < 0 ? [edge.from, edge.to] : [edge.to, edge.from];
    const damping = Math.max(1, (fanIn.get(edge.to) ?? 0) / hubIn) * Math.max(1, (fanOut.get(edge.from) ?? 0) / hubOut);
    const weight = edgeWeight(edge, settings) / damping;
    const existing = weights.get(source, target);
    if (existing) existing.weight += weight;
    else {
      const created = { source, target, weight };
      weights.set(source, target, created);
      edges.push(created);
    }
  }
  return edges.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
}

/** Weight of one directed module edge under the clustering settings, before hub damping. */
export function edgeWeight(edge: DependencyEdge, settings: ClusterSettings): number {
  if (edge.member) return settings.memberWeight;
  if (edge.wired) return settings.runtimeWeight;
  if (edge.typeOnly) return settings.typeWeight;
  if (edge.kinds.every((kind) => kind === 'dynamic' || kind === 'type')) return settings.dynamicWeight;
  return settings.runtimeWeight;
}

/** The q-quantile (nearest rank, lower) of the values, at least 1. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.max(1, sorted[Math.floor(q * (sorted.length - 1))] as number);
}
