/**
 * Data coupling: modules that use the same data entity attract each other (the "shared data"
 * signal of service identification, e.g. Mono2Micro's and Jin et al.'s use of database tables).
 * For an entity used by k modules, each pair of them gets 1 / (k − 1), so one entity adds at
 * most 1 to any module's total weight however many modules use it; entities used by more than
 * MAX_USERS modules are common data and add nothing (and would make the signal quadratic).
 */
import { compareStrings } from '../base/compare.js';
import type { DataEntities } from '../graph/types.js';
import type { WeightedEdge } from './types.js';
import { pairKey, getOrCreate } from '../base/collections.js';

/** Entities used by more modules than this add no data coupling. */
export const MAX_USERS = 40;

export function entityEdges(data: DataEntities): WeightedEdge[] {
  const usersOf = new Map<string, string[]>();
  for (const [module, names] of Object.entries(data.uses)) {
    for (const name of names) {
      const users = getOrCreate(usersOf, name, () => []);
      users.push(module);
    }
  }
  const weights = new Map<string, WeightedEdge>();
  for (const users of usersOf.values()) {
    if (users.length < 2 || users.length > MAX_USERS) continue;
    const sorted = [...users].sort(compareStrings);
    const weight = 1 / (sorted.length - 1);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = pairKey(sorted[i] as string, sorted[j] as string);
        const existing = weights.get(key);
        if (existing) existing.weight += weight;
        else weights.set(key, { source: sorted[i] as string, target: sorted[j] as string, weight });
      }
    }
  }
  return [...weights.values()].sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
}
