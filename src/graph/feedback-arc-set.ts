/**
 * A small-weight feedback arc set of one strongly connected component: arcs whose removal leaves
 * it acyclic, weighted (at module level, by the import statements behind each arc).
 *
 * Small components are solved exactly (exact-feedback-arc-set.ts: dynamic programming over the
 * subsets of nodes, the minimum total weight). Larger ones start from the greedy order of Eades,
 * Lin & Smyth ("A fast and effective heuristic for the feedback arc set problem", IPL 47, 1993),
 * weighted: sinks go to the back, sources to the front, and otherwise the node with the largest
 * (outgoing − incoming) weight goes to the front; the arcs pointing backwards are the cut. Then
 * local search (improve-cut.ts) drops every redundant cut and tries 1-swaps that lower the weight.
 *
 * Deterministic: nodes are indices whose order is the tie-break order (at module level, by id).
 */
import { improveCut } from './improve-cut.js';
import { exactFeedbackArcSet } from './exact-feedback-arc-set.js';

/** One weighted arc of a component; its ends are node indices 0 … n−1. */
export interface Arc {
  from: number;
  to: number;
  /** Cost of cutting it, ≥ 1 (import statements behind it). */
  weight: number;
}

/** Limits that keep the search bounded on a component of any size. */
export interface FeedbackArcSetLimits {
  /** Solve exactly when 2^nodes × arcs is at most this (the steps of the dynamic programme). */
  exactSteps: number;
  /** Arc visits the local search may make in one component; past it, it stops and the cut may keep redundant arcs. */
  searchSteps: number;
}

/** Exact up to 2^18 DP steps (12 nodes with 64 arcs, 13 with 32; about 10 ms); local search up to 20 million arc visits (about a second). */
export const FEEDBACK_ARC_SET_LIMITS: FeedbackArcSetLimits = { exactSteps: 2 ** 18, searchSteps: 20_000_000 };

/** The nodes beyond which the exact programme is never tried (its table has 2^nodes entries). */
const MAX_EXACT_NODES = 20;

export interface FeedbackArcSet {
  /** Indices of the arcs to cut, ascending. */
  cut: number[];
  /** True when the cut has the minimum total weight (solved exactly). */
  exact: boolean;
  /** True when no cut arc is redundant (putting any one back creates a cycle); false only when the search budget ran out. */
  minimal: boolean;
}

/** A feedback arc set of the component with `n` nodes and `arcs` (self-loops are always cut). */
export function feedbackArcSet(
  n: number,
  arcs: readonly Arc[],
  limits: FeedbackArcSetLimits = FEEDBACK_ARC_SET_LIMITS,
): FeedbackArcSet {
  if (n <= MAX_EXACT_NODES && 2 ** n * Math.max(arcs.length, 1) <= limits.exactSteps)
    return { cut: backwardArcs(arcs, positionsOf(exactFeedbackArcSet(n, arcs))), exact: true, minimal: true };
  return heuristicFeedbackArcSet(n, arcs, limits.searchSteps);
}

/** Eades–Lin–Smyth, then local search; never exact (even when it happens to find the minimum). */
export function heuristicFeedbackArcSet(n: number, arcs: readonly Arc[], searchSteps: number): FeedbackArcSet {
  const { cut, minimal } = improveCut(n, arcs, eadesLinSmythOrder(n, arcs), searchSteps);
  return { cut, exact: false, minimal };
}

/** The arcs that point backwards in an order (position per node), and self-loops; ascending. */
export function backwardArcs(arcs: readonly Arc[], position: Int32Array): number[] {
  const cut: number[] = [];
  arcs.forEach((arc, index) => {
    if ((position[arc.to] as number) <= (position[arc.from] as number)) cut.push(index);
  });
  return cut;
}

/** Position of each node in `order`. */
export function positionsOf(order: readonly number[]): Int32Array {
  const position = new Int32Array(order.length);
  order.forEach((node, index) => {
    position[node] = index;
  });
  return position;
}

/**
 * The Eades–Lin–Smyth order of nodes 0 … n−1, in O(arcs · log arcs): in and out weights are kept
 * as nodes leave, sinks and sources wait on stacks, and the largest (out − in) weight comes from a
 * heap with lazy deletion, ties to the lower index.
 */
export function eadesLinSmythOrder(n: number, arcs: readonly Arc[]): number[] {
  const outArcs: number[][] = Array.from({ length: n }, () => []);
  const inArcs: number[][] = Array.from({ length: n }, () => []);
  const outWeight = new Float64Array(n);
  const inWeight = new Float64Array(n);
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  arcs.forEach((arc, index) => {
    if (arc.from === arc.to) return;
    outArcs[arc.from]?.push(index);
    inArcs[arc.to]?.push(index);
    outWeight[arc.from] = (outWeight[arc.from] as number) + arc.weight;
    inWeight[arc.to] = (inWeight[arc.to] as number) + arc.weight;
    outDegree[arc.from] = (outDegree[arc.from] as number) + 1;
    inDegree[arc.to] = (inDegree[arc.to] as number) + 1;
  });
  const delta = (node: number) => (outWeight[node] as number) - (inWeight[node] as number);
  const removed = new Uint8Array(n);
  const front: number[] = [];
  const back: number[] = [];
  const sinks: number[] = [];
  const sources: number[] = [];
  const heap = new DeltaHeap();
  for (let node = n - 1; node >= 0; node--) {
    if (outDegree[node] === 0) sinks.push(node);
    else if (inDegree[node] === 0) sources.push(node);
  }
  for (let node = 0; node < n; node++) heap.push(delta(node), node);
  const remove = (node: number) => {
    removed[node] = 1;
    for (const index of outArcs[node] as number[]) {
      const arc = arcs[index] as Arc;
      if (removed[arc.to] === 1) continue;
      inWeight[arc.to] = (inWeight[arc.to] as number) - arc.weight;
      inDegree[arc.to] = (inDegree[arc.to] as number) - 1;
      if (inDegree[arc.to] === 0) sources.push(arc.to);
      heap.push(delta(arc.to), arc.to);
    }
    for (const index of inArcs[node] as number[]) {
      const arc = arcs[index] as Arc;
      if (removed[arc.from] === 1) continue;
      outWeight[arc.from] = (outWeight[arc.from] as number) - arc.weight;
      outDegree[arc.from] = (outDegree[arc.from] as number) - 1;
      if (outDegree[arc.from] === 0) sinks.push(arc.from);
      heap.push(delta(arc.from), arc.from);
    }
  };
  let left = n;
  while (left > 0) {
    const sink = sinks.pop();
    if (sink !== undefined) {
      if (removed[sink] === 0) {
        back.push(sink);
        remove(sink);
        left--;
      }
      continue;
    }
    const source = sources.pop();
    if (source !== undefined) {
      if (removed[source] === 0) {
        front.push(source);
        remove(source);
        left--;
      }
      continue;
    }
    for (;;) {
      const [value, node] = heap.pop();
      if (removed[node] === 1 || value !== delta(node)) continue;
      front.push(node);
      remove(node);
      left--;
      break;
    }
  }
  return [...front, ...back.reverse()];
}

/** A binary max-heap of (delta, node), ties to the lower node; stale entries are skipped by the caller. */
class DeltaHeap {
  private readonly values: number[] = [];
  private readonly nodes: number[] = [];

  push(value: number, node: number): void {
    let at = this.values.length;
    this.values.push(value);
    this.nodes.push(node);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  /** The top entry; the heap is never popped empty (a remaining node always has an entry with its current delta). */
  pop(): [number, number] {
    const top: [number, number] = [this.values[0] as number, this.nodes[0] as number];
    const last = this.values.length - 1;
    this.swap(0, last);
    this.values.pop();
    this.nodes.pop();
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < last && this.before(left, best)) best = left;
      if (right < last && this.before(right, best)) best = right;
      if (best === at) break;
      this.swap(at, best);
      at = best;
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const va = this.values[a] as number;
    const vb = this.values[b] as number;
    return va > vb || (va === vb && (this.nodes[a] as number) < (this.nodes[b] as number));
  }

  private swap(a: number, b: number): void {
    [this.values[a], this.values[b]] = [this.values[b] as number, this.values[a] as number];
    [this.nodes[a], this.nodes[b]] = [this.nodes[b] as number, this.nodes[a] as number];
  }
}
