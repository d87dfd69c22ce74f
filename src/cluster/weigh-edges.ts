import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../diagnostics.js';
import type { DependencyEdge, ModuleGraph } from '../graph/types.js';
import type { WeightedEdge } from './types.js';

/**
 * The clustering graph: the module graph made undirected, each import weighted by what it
 * couples and by how telling it is. A runtime import weighs `runtimeWeight`, a type-only import
 * `typeWeight`, an import that is only dynamic `dynamicWeight`; that weight is divided by the
 * fan-in of the imported module (the number of modules importing it), because importing a module
 * that half the system imports says little about where the importer belongs, while importing a
 * module nobody else uses says a lot (the inverse-frequency idea of tf-idf, applied to
 * dependencies). Both directions between a pair add up.
 */
export function weighEdges(graph: ModuleGraph, settings: ClusterSettings): WeightedEdge[] {
  const fanIn = new Map<string, number>();
  for (const edge of graph.dependencies) fanIn.set(edge.to, (fanIn.get(edge.to) ?? 0) + 1);
  const weights = new Map<string, WeightedEdge>();
  for (const edge of graph.dependencies) {
    const [source, target] = compareStrings(edge.from, edge.to) < 0 ? [edge.from, edge.to] : [edge.to, edge.from];
    const key = `${source}\u0000${target}`;
    const existing = weights.get(key);
    const weight = edgeWeight(edge, settings) / (fanIn.get(edge.to) ?? 1);
    if (existing) existing.weight += weight;
    else weights.set(key, { source, target, weight });
  }
  return [...weights.values()].sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
}

/** Weight of one directed module edge under the clustering settings. */
export function edgeWeight(edge: DependencyEdge, settings: ClusterSettings): number {
  if (edge.typeOnly) return settings.typeWeight;
  if (edge.kinds.every((kind) => kind === 'dynamic' || kind === 'type')) return settings.dynamicWeight;
  return settings.runtimeWeight;
}
