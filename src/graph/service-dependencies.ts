import { compareStrings } from '../base/compare.js';
import { getOrCreate, pairKey } from '../base/collections.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph, ServiceDependency } from './types.js';

/**
 * The dependency graph aggregated by a partition: module edges lifted to edges between the groups
 * the assignment puts them in, one per ordered pair of distinct groups, with counts, sorted by
 * from, then to. Modules the assignment does not name are left out. The metrics (CDP) and the
 * extraction plan read the same list; the orchestrator computes it once.
 */
export function serviceDependencies(
  graph: ModuleGraph,
  assignment: Readonly<Record<ModuleId, string>>,
): ServiceDependency[] {
  const pairs = new Map<string, ServiceDependency>();
  for (const edge of graph.dependencies) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    const key = pairKey(from, to);
    const pair = getOrCreate(pairs, key, () => ({ from, to, imports: 0, typeOnly: 0 }));
    pair.imports++;
    if (edge.typeOnly && edge.wired !== true) pair.typeOnly++;
  }
  return [...pairs.values()].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
