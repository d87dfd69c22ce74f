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

export function cohesion(cluster: ClusterId, edges: readonly DependencyEdge[], assignment: Readonly<Record<ModuleId, ClusterId>>): number {
  let internal = 0;
  let crossing = 0;
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === cluster && to === cluster) internal++;
    else if (from === cluster || to === cluster) crossing++;
  }
  return internal + crossing === 0 ? 0 : internal / (internal + crossing);
}
