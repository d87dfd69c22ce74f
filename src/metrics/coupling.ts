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

export interface Coupling {
  ca: number;
  ce: number;
  instability: number;
}

export function coupling(cluster: ClusterId, edges: readonly DependencyEdge[], assignment: Readonly<Record<ModuleId, ClusterId>>): Coupling {
  const afferent = new Set<ModuleId>();
  const efferent = new Set<ModuleId>();
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    if (to === cluster) afferent.add(edge.from);
    if (from === cluster) efferent.add(edge.from);
  }
  const ca = afferent.size;
  const ce = efferent.size;
  return { ca, ce, instability: ca + ce === 0 ? 0 : ce / (ca + ce) };
}
