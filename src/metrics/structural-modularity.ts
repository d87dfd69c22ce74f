/**
 * Structural modularity SM of a partition (W. Jin, T. Liu, Y. Cai, R. Kazman, R. Mo and
 * Q. Zheng, "Service Candidate Identification from Monolithic Systems Based on Execution
 * Traces", IEEE Transactions on Software Engineering, 2019 (early access; 47(5), 2021); also
 * used in the Mono2Micro evaluations):
 *   SM        = (1/K) Σ_i scoh_i − (1 / (K(K−1)/2)) Σ_{i<j} scop_{i,j}
 *   scoh_i    = μ_i / N_i²
 *   scop_{i,j} = σ_{i,j} / (2 · N_i · N_j)
 * where K is the number of clusters (distinct cluster ids of the assignment, each holding at
 * least one module), N_i the number of modules in cluster i, μ_i the number of import edges
 * with both ends in i, and σ_{i,j} the number of edges between i and j in either direction.
 * Every edge weighs 1 (one edge per ordered importer/imported pair). When K = 1 there is no
 * pair and the coupling term is 0 (instead of 0/0). Edges whose ends are not both assigned are
 * ignored; an edge from a module to itself counts as internal (N_i² counts such pairs too).
 * Range [−1, 1], higher is better: scoh_i ≤ 1 since at most N_i² ordered pairs lie in i, and
 * scop_{i,j} ≤ 1 since at most 2·N_i·N_j ordered pairs join i and j. 0 for an assignment with
 * no clusters.
 */
import type { ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { DependencyEdge } from '../graph/types.js';
import { pairKey } from '../base/collections.js';

export function structuralModularity(
  edges: readonly DependencyEdge[],
  assignment: Readonly<Record<ModuleId, ClusterId>>,
): number {
  const sizes = new Map<ClusterId, number>();
  for (const cluster of Object.values(assignment)) sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
  const internal = new Map<ClusterId, number>();
  const between = new Map<string, { first: ClusterId; second: ClusterId; count: number }>();
  for (const edge of edges) {
    const from = assignment[edge.from];
    const to = assignment[edge.to];
    if (from === undefined || to === undefined) continue;
    if (from === to) {
      internal.set(from, (internal.get(from) ?? 0) + 1);
      continue;
    }
    const [first, second] = compareStrings(from, to) < 0 ? [from, to] : [to, from];
    const key = pairKey(first, second);
    const pair = between.get(key);
    if (pair) pair.count++;
    else between.set(key, { first, second, count: 1 });
  }
  const clusters = [...sizes.keys()].sort(compareStrings);
  const k = clusters.length;
  if (k === 0) return 0;
  let cohesion = 0;
  for (const cluster of clusters) {
    const n = sizes.get(cluster) ?? 0;
    cohesion += (internal.get(cluster) ?? 0) / (n * n);
  }
  if (k === 1) return cohesion;
  let coupling = 0;
  for (const key of [...between.keys()].sort(compareStrings)) {
    const pair = between.get(key);
    if (!pair) continue;
    coupling += pair.count / (2 * (sizes.get(pair.first) ?? 0) * (sizes.get(pair.second) ?? 0));
  }
  return cohesion / k - coupling / ((k * (k - 1)) / 2);
}
