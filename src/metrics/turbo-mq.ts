/**
 * Normalized TurboMQ of a partition of the directed module graph (B. S. Mitchell and
 * S. Mancoridis, "On the Automatic Modularization of Software Systems Using the Bunch Tool",
 * IEEE Transactions on Software Engineering 32(3), 2006):
 *   MQ   = Σ_i CF_i
 *   CF_i = 2μ_i / (2μ_i + Σ_{j≠i} (ε_ij + ε_ji))   when μ_i > 0, else 0
 *   TurboMQ = MQ / k
 * where i and j range over the clusters, μ_i is the number of import edges with both ends in
 * cluster i, ε_ij the number of edges from a module of i to a module of j, and k the number of
 * clusters that hold at least one module (every distinct cluster id of the assignment). Every
 * edge weighs 1 (one edge per ordered importer/imported pair). The division by k is seams's
 * normalisation (Bunch reports the plain sum, which grows with the number of clusters): it
 * makes the value comparable across partitions with different numbers of services.
 * Range [0, 1], higher is better: 1 when every cluster has internal edges and no edge crosses,
 * 0 when no cluster has an internal edge. A cluster without internal edges contributes 0 (also
 * when it has no edges at all, so isolated singletons lower the average). Edges whose ends are
 * not both assigned are ignored; an edge from a module to itself counts as internal.
 * 0 for an assignment with no clusters.
 */
import type { ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { DependencyEdge } from '../graph/types.js';

export function turboMq(edges: readonly DependencyEdge[], assignment: Readonly<Record<ModuleId, ClusterId>>): number {
  const internal = new Map<ClusterId, number>();
  const crossing = new Map<ClusterId, number>();
  for (const cluster of Object.values(assignment)) {
    internal.set(cluster, 0);
    crossing.set(cluster, 0);
  }
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      internal.set(from, (internal.get(from) ?? 0) + 1);
    } else {
      crossing.set(from, (crossing.get(from) ?? 0) + 1);
      crossing.set(to, (crossing.get(to) ?? 0) + 1);
    }
  }
  const clusters = [...internal.keys()].sort(compareStrings);
  if (clusters.length === 0) return 0;
  let mq = 0;
  for (const cluster of clusters) {
    const mu = internal.get(cluster) ?? 0;
    if (mu > 0) mq += (2 * mu) / (2 * mu + (crossing.get(cluster) ?? 0));
  }
  return mq / clusters.length;
}
