/**
 * Minimum-weight feedback arc set of a small component, exactly: the arcs an acyclic subgraph
 * keeps are those pointing forward in some order of the nodes, so the minimum cut is the order with
 * the least backward weight, found by dynamic programming over the subsets of nodes placed first
 * (the Held–Karp scheme applied to linear ordering; e.g. Bodlaender et al., "A note on exact
 * algorithms for vertex ordering problems on graphs", Theory Comput. Syst. 50, 2012):
 *   best(∅) = 0;  best(S ∪ {v}) = min over v ∉ S of best(S) + weight of the arcs from v into S.
 * O(2^n · arcs) time, 2^n entries; feedback-arc-set.ts calls it only under its step budget.
 * Ties go to the first subset and the lowest node reached, so the order is deterministic.
 */
import type { Arc } from './feedback-arc-set.js';

/** An order of nodes 0 … n−1 whose backward arcs have the minimum total weight (self-loops count in every order). */
export function exactFeedbackArcSet(n: number, arcs: readonly Arc[]): number[] {
  // Arcs grouped by tail, in flat typed arrays: node v's arcs are first[v] … first[v + 1] − 1.
  const first = new Int32Array(n + 1);
  for (const arc of arcs) if (arc.from !== arc.to) first[arc.from + 1] = (first[arc.from + 1] as number) + 1;
  for (let node = 0; node < n; node++) first[node + 1] = (first[node + 1] as number) + (first[node] as number);
  const headBit = new Int32Array(first[n] as number);
  const weight = new Float64Array(first[n] as number);
  const fill = first.slice(0, n);
  for (const arc of arcs) {
    if (arc.from === arc.to) continue;
    const at = fill[arc.from] as number;
    fill[arc.from] = at + 1;
    headBit[at] = 1 << arc.to;
    weight[at] = arc.weight;
  }
  const size = 1 << n;
  const best = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const last = new Int8Array(size);
  best[0] = 0;
  for (let placed = 0; placed < size; placed++) {
    const base = best[placed] as number;
    for (let node = 0; node < n; node++) {
      const bit = 1 << node;
      if ((placed & bit) !== 0) continue;
      let cost = base;
      const end = first[node + 1] as number;
      for (let at = first[node] as number; at < end; at++)
        if ((placed & (headBit[at] as number)) !== 0) cost += weight[at] as number;
      const next = placed | bit;
      if (cost < (best[next] as number)) {
        best[next] = cost;
        last[next] = node;
      }
    }
  }
  const order: number[] = [];
  for (let placed = size - 1; placed > 0; placed &= ~(1 << (last[placed] as number)))
    order.push(last[placed] as number);
  return order.reverse();
}
