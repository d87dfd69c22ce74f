/**
 * Cyclic dependency pairs CDP, seams's measure of how tangled the service dependency graph is:
 *   CDP = |{ {s, t} : s → t and t → s }| / |{ {s, t} : s → t or t → s }|
 * over unordered pairs {s, t} of distinct services, where s → t means s imports t (a
 * ServiceDependency from s to t with at least one import). The pairs that import each other
 * are the 2-cycles of the service graph: neither can be deployed or changed without the other
 * (the "cyclic dependency" smell of Martin's Acyclic Dependencies Principle; Martin, "Design
 * Principles and Design Patterns", 2000). Longer cycles are not counted here; the plan reports
 * them as strongly connected components.
 * Entries from a service to itself, entries with imports ≤ 0 and repeated entries for the same
 * ordered pair add nothing. Range [0, 1], lower is better; 0 when no pair has a dependency.
 */
import type { ClusterId } from '../cluster/types.js';
import type { ServiceDependency } from '../graph/types.js';
import { unorderedPairKey, getOrCreate } from '../base/collections.js';

export function cyclicDependencyPairs(dependencies: readonly ServiceDependency[]): number {
  const directions = new Map<string, Set<ClusterId>>();
  for (const dependency of dependencies) {
    if (dependency.from === dependency.to || dependency.imports <= 0) continue;
    const key = unorderedPairKey(dependency.from, dependency.to);
    const importers = getOrCreate(directions, key, () => new Set());
    importers.add(dependency.from);
  }
  if (directions.size === 0) return 0;
  let cyclic = 0;
  for (const importers of directions.values()) if (importers.size === 2) cyclic++;
  return cyclic / directions.size;
}
