/**
 * Inter-partition call percentage ICP (W. Jin, T. Liu, Y. Cai, R. Kazman, R. Mo and Q. Zheng,
 * "Service Candidate Identification from Monolithic Systems Based on Execution Traces",
 * IEEE Transactions on Software Engineering, 2019):
 *   ICP = Σ_{i≠j} c_{i,j} / Σ_{i,j} c_{i,j}
 * where c_{i,j} is the weight of the import edges from modules of cluster i to modules of
 * cluster j (i = j: edges inside a cluster). Jin et al. count runtime calls from execution
 * traces; seams has a static graph, so by default it counts import sites weighted by imported
 * names: an edge weighs the number of its imported names (`symbols.length`, where `*` is one
 * name), at least 1 (a side-effect import names nothing and still weighs 1). A custom weight
 * getter replaces that; weights must be non-negative. Edges whose ends are not both assigned
 * are ignored (neither numerator nor denominator).
 * Range [0, 1], lower is better: 0 when no edge crosses a boundary, 1 when every edge does.
 * 0 when there are no edges (or their total weight is 0).
 */
import type { ClusterId } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import type { DependencyEdge } from '../graph/types.js';

export function interPartitionCallPercentage(
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
  weight: (edge: DependencyEdge) => number = importedNames,
): number {
  let total = 0;
  let crossing = 0;
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined) continue;
    const w = weight(edge);
    total += w;
    if (from !== to) crossing += w;
  }
  return total === 0 ? 0 : crossing / total;
}

/** Import sites weighted by imported names: the edge's names, at least 1. */
function importedNames(edge: DependencyEdge): number {
  return Math.max(1, edge.symbols.length);
}
