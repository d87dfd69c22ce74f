import type { ClusterId, Partition } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleGraph } from '../graph/types.js';
import type { ServiceDependency } from './types.js';
import { pairKey, getOrCreate } from '../base/collections.js';

/** Lifts module edges to service edges: one per ordered pair of distinct services, with counts. */
export function serviceDependencies(graph: ModuleGraph, partition: Partition): ServiceDependency[] {
  const pairs = new Map<string, ServiceDependency>();
  for (const edge of graph.dependencies) {
    const from = partition.assignment[edge.from];
    const to = partition.assignment[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    const key = pairKey(from, to);
    const pair = getOrCreate(pairs, key, () => ({ from, to, imports: 0, typeOnly: 0 }));
    pair.imports++;
    if (edge.typeOnly && edge.wired !== true) pair.typeOnly++;
  }
  return [...pairs.values()].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}

/** Sum of imports over the given dependencies whose ends satisfy the predicates. */
export function countImports(
  dependencies: readonly ServiceDependency[],
  from: (id: ClusterId) => boolean,
  to: (id: ClusterId) => boolean,
): number {
  return dependencies.reduce(
    (sum, dependency) => (from(dependency.from) && to(dependency.to) ? sum + dependency.imports : sum),
    0,
  );
}
