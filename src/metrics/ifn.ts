/**
 * Interface number IFN (W. Jin, T. Liu, Y. Cai, R. Kazman, R. Mo and Q. Zheng, "Service
 * Candidate Identification from Monolithic Systems Based on Execution Traces", IEEE
 * Transactions on Software Engineering, 2019):
 *   IFN   = (1/K) Σ_i ifn_i
 *   ifn_i = |I_i|, the number of distinct interfaces service i publishes
 * where K is the number of clusters (distinct cluster ids of the assignment, including those
 * that publish nothing). Jin et al. count the operations other services call; seams's
 * interface is a (module, name) pair: a module of i and a name imported from it by a module of
 * another service (an edge whose `to` is in i and whose `from` is assigned outside i). Each
 * name of the edge's `symbols` is one interface; `*` (namespace import, `export *`, dynamic
 * import, require) is the module as a whole and counts once per module however many importers
 * use it; an edge naming nothing (side-effect import, reference path) also publishes the
 * module as a whole and counts as `*`. The same pair imported by several modules counts once.
 * Edges inside a service and edges whose ends are not both assigned are ignored, and so are
 * re-exports (an edge whose every import is `export … from`): a barrel passes names on, the
 * modules that import through it are the ones that use them (as in the API surface).
 * Range [0, ∞), lower is better. `average` is 0 and `perService` empty for an assignment with
 * no clusters; `perService` has one entry per cluster, keys in compareStrings order.
 */
import type { ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { DependencyEdge } from '../graph/types.js';
import { pairKey } from '../base/collections.js';

export interface InterfaceNumber {
  /** IFN: the mean of `perService` over all clusters; 0 with none. */
  average: number;
  /** ifn_i: distinct (module, name) interfaces each cluster publishes to other clusters. */
  perService: Record<ClusterId, number>;
}

export function interfaceNumber(
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
): InterfaceNumber {
  const published = new Map<ClusterId, Set<string>>();
  for (const cluster of Object.values(assignment)) if (!published.has(cluster)) published.set(cluster, new Set());
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    if (edge.kinds.length > 0 && edge.kinds.every((kind) => kind === 'reexport')) continue;
    const interfaces = published.get(to);
    if (!interfaces) continue;
    for (const symbol of edge.symbols.length === 0 ? ['*'] : edge.symbols) interfaces.add(pairKey(edge.to, symbol));
  }
  // Built with fromEntries, never by assignment: a service named `__proto__` stays an own key.
  const perService: Record<ClusterId, number> = Object.fromEntries(
    [...published.keys()].sort(compareStrings).map((cluster) => [cluster, published.get(cluster)?.size ?? 0]),
  );
  const sum = Object.values(perService).reduce((total, count) => total + count, 0);
  return { average: published.size === 0 ? 0 : sum / published.size, perService };
}
