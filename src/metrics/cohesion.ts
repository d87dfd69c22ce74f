/**
 * Cohesion of a candidate service: the share of the module import edges touching the service
 * that stay inside it,
 *   cohesion = internal / (internal + outgoing + incoming),
 * counted on ordered module pairs (one edge per importer/imported pair). 1 means self-contained,
 * 0 means every edge crosses its boundary (or it has no edges at all). This is the complement
 * of the cut ratio used for "strong" communities (Radicchi et al., PNAS 2004), per service.
 */
import type { ClusterId } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import type { DependencyEdge } from '../graph/types.js';

export function cohesion(
  cluster: ClusterId,
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
): number {
  return cohesionAll(edges, assignment).get(cluster) ?? 0;
}

/** Cohesion of every cluster that has any edge, in one pass over the edges. */
export function cohesionAll(
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
): Map<ClusterId, number> {
  const internal = new Map<ClusterId, number>();
  const crossing = new Map<ClusterId, number>();
  const bump = (map: Map<ClusterId, number>, cluster: ClusterId) => map.set(cluster, (map.get(cluster) ?? 0) + 1);
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from !== undefined && from === to) bump(internal, from);
    else {
      if (from !== undefined) bump(crossing, from);
      if (to !== undefined) bump(crossing, to);
    }
  }
  const result = new Map<ClusterId, number>();
  for (const cluster of new Set([...internal.keys(), ...crossing.keys()])) {
    const inside = internal.get(cluster) ?? 0;
    result.set(cluster, inside / (inside + (crossing.get(cluster) ?? 0)));
  }
  return result;
}
