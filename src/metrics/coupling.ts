/**
 * Afferent coupling Ca, efferent coupling Ce and instability I of a candidate service.
 * Definitions: R. C. Martin, "OO Design Quality Metrics: An Analysis of Dependencies" (1994),
 * with modules in the place of classes and candidate services in the place of categories:
 *   Ca = number of modules outside the service that import a module inside it;
 *   Ce = number of modules inside the service that import a module outside it;
 *   I  = Ce / (Ca + Ce), in [0, 1]; 0 when Ca + Ce = 0 (an isolated service is stable).
 * Every import counts, type-only ones included (they still couple the code bases).
 */
import type { ClusterId } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import type { DependencyEdge } from '../graph/types.js';
import { getOrCreate } from '../base/collections.js';

export interface Coupling {
  ca: number;
  ce: number;
  instability: number;
}

export function coupling(
  cluster: ClusterId,
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
): Coupling {
  return couplingAll(edges, assignment).get(cluster) ?? { ca: 0, ce: 0, instability: 0 };
}

/** Ca, Ce and I of every cluster that has any crossing edge, in one pass over the edges. */
export function couplingAll(
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
): Map<ClusterId, Coupling> {
  const afferent = new Map<ClusterId, Set<ModuleId>>();
  const efferent = new Map<ClusterId, Set<ModuleId>>();
  const add = (map: Map<ClusterId, Set<ModuleId>>, cluster: ClusterId, module: ModuleId) => {
    const set = getOrCreate(map, cluster, () => new Set());
    set.add(module);
  };
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    add(afferent, to, edge.from);
    add(efferent, from, edge.from);
  }
  const result = new Map<ClusterId, Coupling>();
  for (const cluster of new Set([...afferent.keys(), ...efferent.keys()])) {
    const ca = afferent.get(cluster)?.size ?? 0;
    const ce = efferent.get(cluster)?.size ?? 0;
    result.set(cluster, { ca, ce, instability: ca + ce === 0 ? 0 : ce / (ca + ce) });
  }
  return result;
}
