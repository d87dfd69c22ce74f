import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { getOrCreate } from '../base/collections.js';

/** Who imports each module and what each module imports, on the see-through graph (self-imports left out). */
export interface ImportSets {
  importers: Map<ModuleId, Set<ModuleId>>;
  imported: Map<ModuleId, Set<ModuleId>>;
}

export function importSets(graph: ModuleGraph): ImportSets {
  const importers = new Map<ModuleId, Set<ModuleId>>();
  const imported = new Map<ModuleId, Set<ModuleId>>();
  for (const edge of graph.dependencies) {
    if (edge.from === edge.to) continue;
    setOf(importers, edge.to).add(edge.from);
    setOf(imported, edge.from).add(edge.to);
  }
  return { importers, imported };
}

function setOf(map: Map<ModuleId, Set<ModuleId>>, key: ModuleId): Set<ModuleId> {
  const value = getOrCreate(map, key, () => new Set());
  return value;
}
