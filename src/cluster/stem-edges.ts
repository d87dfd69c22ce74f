/**
 * Domain-stem coupling: modules that share a domain stem (see domain-stems.ts) attract, across
 * layer folders: `controllers/album.controller.ts`, `services/album.service.ts` and
 * `repositories/album.repository.ts` belong together even where no import joins them. For a stem
 * shared by k modules (k ≥ 2), each pair of them gets 1 / (k − 1), so a stem adds at most 1 to
 * any module's total weight however large its family; families larger than MAX_CLIQUE are joined
 * as a ring lattice instead (each module linked to the CLIQUE_NEIGHBOURS next ones in id order,
 * 1 / (2 · CLIQUE_NEIGHBOURS) each, so the total per module is still 1) to stay sparse.
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { WeightedEdge } from './types.js';
import { getOrCreate } from '../base/collections.js';

/** Families up to this size are joined pairwise. */
export const MAX_CLIQUE = 64;

/** Neighbours on each side in the ring lattice of a larger family. */
export const CLIQUE_NEIGHBOURS = 16;

export function stemEdges(stems: ReadonlyMap<ModuleId, string>): WeightedEdge[] {
  const families = new Map<string, ModuleId[]>();
  for (const [id, stem] of stems) {
    const family = getOrCreate(families, stem, () => []);
    family.push(id);
  }
  const edges: WeightedEdge[] = [];
  const add = (a: ModuleId, b: ModuleId, weight: number) => {
    const [source, target] = compareStrings(a, b) < 0 ? [a, b] : [b, a];
    edges.push({ source, target, weight });
  };
  for (const members of families.values()) {
    const k = members.length;
    if (k < 2) continue;
    members.sort(compareStrings);
    if (k <= MAX_CLIQUE) {
      for (let i = 0; i < k; i++)
        for (let j = i + 1; j < k; j++) add(members[i] as ModuleId, members[j] as ModuleId, 1 / (k - 1));
    } else {
      for (let i = 0; i < k; i++)
        for (let step = 1; step <= CLIQUE_NEIGHBOURS; step++)
          add(members[i] as ModuleId, members[(i + step) % k] as ModuleId, 1 / (2 * CLIQUE_NEIGHBOURS));
    }
  }
  return edges.sort((x, y) => compareStrings(x.source, y.source) || compareStrings(x.target, y.target));
}
