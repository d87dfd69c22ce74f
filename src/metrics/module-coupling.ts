/**
 * Afferent coupling Ca, efferent coupling Ce and instability I of every module. Definitions:
 * R. C. Martin, "OO Design Quality Metrics: An Analysis of Dependencies" (1994) and "Agile Software
 * Development: Principles, Patterns, and Practices" (2002), with a module (file) in the place of a
 * class category, on the see-through dependency graph (an import of a name through a barrel is a
 * dependency on the module that declares it):
 *   Ca = number of other modules that depend on the module;
 *   Ce = number of other modules it depends on;
 *   I  = Ce / (Ca + Ce), in [0, 1]; 0 when Ca + Ce = 0 (an isolated module is stable, as for services).
 * Every import counts, type-only ones included, as in coupling.ts.
 */
import type { ModuleGraph } from '../graph/types.js';
import { round4 } from '../base/numbers.js';
import type { ModuleCoupling } from './types.js';

/** Ca, Ce and I of every module, in the order of graph.modules (sorted by id). */
export function moduleCoupling(graph: ModuleGraph): ModuleCoupling[] {
  const afferent = new Map<string, number>();
  const efferent = new Map<string, number>();
  // One dependency per ordered pair: counting dependencies counts distinct modules.
  for (const edge of graph.dependencies) {
    if (edge.from === edge.to) continue;
    afferent.set(edge.to, (afferent.get(edge.to) ?? 0) + 1);
    efferent.set(edge.from, (efferent.get(edge.from) ?? 0) + 1);
  }
  return graph.modules.map((module) => {
    const ca = afferent.get(module.id) ?? 0;
    const ce = efferent.get(module.id) ?? 0;
    return { module: module.id, ca, ce, instability: ca + ce === 0 ? 0 : round4(ce / (ca + ce)) };
  });
}
