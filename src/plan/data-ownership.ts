/**
 * Data ownership per candidate service: an entity is `owned` when the modules of one service
 * alone use it, `shared` when two to four services use it (its owner must expose it to up to
 * three others, or the data must be split), and `common` when five or more do (reference data,
 * or a sign the entity belongs in the shared kernel). Users come from graph/data-entities.ts.
 */
import type { ClusterId, Partition } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleGraph } from '../graph/types.js';
import type { DataOwnership } from './types.js';
import { getOrCreate } from '../base/collections.js';

/** Most services sharing an entity before it counts as common. */
export const SHARED_UP_TO = 4;

export function dataOwnership(graph: ModuleGraph, partition: Partition): DataOwnership {
  const usersOf = new Map<string, string[]>();
  for (const [module, names] of Object.entries(graph.data.uses)) {
    for (const name of names) {
      const users = getOrCreate(usersOf, name, () => []);
      users.push(module);
    }
  }
  const entities = graph.data.entities.map((entity) => {
    const modules = [...(usersOf.get(entity.name) ?? [])].sort(compareStrings);
    const services = [
      ...new Set(
        modules.map((module) => partition.assignment[module]).filter((id): id is ClusterId => id !== undefined),
      ),
    ].sort(compareStrings);
    const category: 'owned' | 'shared' | 'common' =
      services.length <= 1 ? 'owned' : services.length <= SHARED_UP_TO ? 'shared' : 'common';
    return { name: entity.name, orm: entity.orm, declaredIn: entity.declaredIn, services, modules, category };
  });
  const services = partition.clusters.map((item) => {
    const mine = entities.filter((entity) => entity.services.includes(item.id));
    const pick = (category: 'owned' | 'shared' | 'common') =>
      mine.filter((entity) => entity.category === category).map((entity) => entity.name);
    return { cluster: item.id, owned: pick('owned'), shared: pick('shared'), common: pick('common') };
  });
  return { entities, services };
}
