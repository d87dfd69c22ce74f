/**
 * Local search on a feedback arc set given by an order (the arcs pointing backwards are cut):
 *  (a) redundant cuts: each cut arc, heaviest first, is put back when that closes no cycle. The
 *      kept arcs stay in a topological order, maintained under each insertion with the dynamic
 *      topological sort of Pearce & Kelly ("A dynamic topological sort algorithm for directed
 *      acyclic graphs", ACM JEA 11, 2006): putting back u → v with v before u searches only the
 *      nodes placed between them, forward from v and backward from u, and moves the second set
 *      in front of the first. Kept arcs only grow during a pass, so after a pass no cut arc can be
 *      put back: the cut is minimal.
 *  (b) 1-swaps: a cut arc e = u → v is put back and one lighter kept arc f cut instead, when f lies
 *      on every path v ⇝ u (then e closes no cycle without f). Such an f is found as the only path
 *      arc that crosses some gap between consecutive positions (every path crosses every gap). A
 *      swap lowers the weight; after swaps, pass (a) runs again.
 * Only a cut arc heavier than the lightest arc can be swapped (most imports are one statement).
 * Every arc visit counts against `steps`. When they run out during the first pass (a), the search
 * stops there: the cut is a feedback arc set, reported as possibly not minimal. When they run out
 * later, the cut goes back to the last one that a completed pass proved minimal.
 */
import type { Arc } from './feedback-arc-set.js';
import { backwardArcs, positionsOf } from './feedback-arc-set.js';

/** The improved cut (arc indices, ascending) and whether every cut arc was proven necessary. */
export function improveCut(
  n: number,
  arcs: readonly Arc[],
  order: readonly number[],
  steps: number,
): { cut: number[]; minimal: boolean } {
  const search = new CutSearch(n, arcs, order, steps);
  if (!search.dropRedundant()) return { cut: search.cutArcs(), minimal: false };
  let proven = search.cutArcs();
  while (search.swapRound()) {
    if (!search.dropRedundant()) break;
    proven = search.cutArcs();
  }
  return { cut: proven, minimal: true };
}

/** The budget ran out in the middle of a search. */
class OutOfSteps extends Error {}

class CutSearch {
  private readonly position: Int32Array;
  private readonly nodeAt: Int32Array;
  private readonly cut: Uint8Array;
  private readonly outArcs: number[][];
  private readonly inArcs: number[][];
  private readonly mark: Int32Array;
  private readonly markBack: Int32Array;
  private stamp = 0;
  private readonly lightest: number;

  constructor(
    n: number,
    private readonly arcs: readonly Arc[],
    order: readonly number[],
    private steps: number,
  ) {
    this.position = positionsOf(order);
    this.nodeAt = Int32Array.from(order);
    this.cut = new Uint8Array(arcs.length);
    for (const index of backwardArcs(arcs, this.position)) this.cut[index] = 1;
    this.outArcs = Array.from({ length: n }, () => []);
    this.inArcs = Array.from({ length: n }, () => []);
    arcs.forEach((arc, index) => {
      this.outArcs[arc.from]?.push(index);
      this.inArcs[arc.to]?.push(index);
    });
    this.mark = new Int32Array(n);
    this.markBack = new Int32Array(n);
    this.lightest = arcs.reduce((least, arc) => Math.min(least, arc.weight), Number.POSITIVE_INFINITY);
  }

  cutArcs(): number[] {
    const result: number[] = [];
    this.cut.forEach((value, index) => {
      if (value === 1) result.push(index);
    });
    return result;
  }

  /** Pass (a); false when the budget ran out. */
  dropRedundant(): boolean {
    try {
      for (const index of this.heaviestFirst()) if (this.insert(index)) this.cut[index] = 0;
      return true;
    } catch (error) {
      if (error instanceof OutOfSteps) return false;
      throw error;
    }
  }

  /** A round of improving 1-swaps (b), heaviest cut first; false when none was made or the budget ran out (then the caller keeps its proven cut). */
  swapRound(): boolean {
    let swapped = false;
    try {
      for (const index of this.heaviestFirst()) {
        if (this.arcOf(index).weight <= this.lightest) break;
        const replacement = this.lighterBottleneck(index);
        if (replacement === null) continue;
        this.cut[replacement] = 1;
        try {
          // Without the replacement no path leads back from v to u: the insertion only reorders.
          this.insert(index);
        } catch (error) {
          this.cut[replacement] = 0;
          throw error;
        }
        this.cut[index] = 0;
        swapped = true;
      }
      return swapped;
    } catch (error) {
      if (error instanceof OutOfSteps) return false;
      throw error;
    }
  }

  /** Cut arcs (self-loops excepted) by weight, heaviest first, then by index. */
  private heaviestFirst(): number[] {
    return this.cutArcs()
      .filter((index) => this.arcOf(index).from !== this.arcOf(index).to)
      .sort((a, b) => this.arcOf(b).weight - this.arcOf(a).weight || a - b);
  }

  /** Pearce–Kelly insertion of a cut arc into the kept ones: true (and the order updated) when it closes no cycle. */
  private insert(index: number): boolean {
    const { from: u, to: v } = this.arcOf(index);
    const lower = this.positionOf(v);
    const upper = this.positionOf(u);
    if (lower > upper) return true;
    const forward = this.reach(v, upper, true);
    if (forward === null) return false;
    const backward = this.reach(u, lower, false) as number[];
    // The nodes' current positions, ascending: those reaching u take the first, those reached from v the rest.
    const forwardSlots = Int32Array.from(forward, (node) => this.positionOf(node)).sort();
    const backwardSlots = Int32Array.from(backward, (node) => this.positionOf(node)).sort();
    const moved = [
      ...Array.from(backwardSlots, (slot) => this.nodeAt[slot] as number),
      ...Array.from(forwardSlots, (slot) => this.nodeAt[slot] as number),
    ];
    const slots = new Int32Array(moved.length);
    slots.set(forwardSlots);
    slots.set(backwardSlots, forwardSlots.length);
    slots.sort();
    moved.forEach((node, at) => {
      const slot = slots[at] as number;
      this.position[node] = slot;
      this.nodeAt[slot] = node;
    });
    return true;
  }

  /**
   * Nodes reached from `start` over kept arcs, forward (not past position `bound`; null when the
   * node at `bound` is reached) or backward (not before position `bound`).
   */
  private reach(start: number, bound: number, forward: boolean): number[] | null {
    return this.search(start, bound, forward, this.mark, true);
  }

  /** Like reach, but the node at `bound` is included and the search goes on; marks the nodes in `marks` with a new stamp. */
  private reachAll(start: number, bound: number, forward: boolean, marks: Int32Array): number[] {
    return this.search(start, bound, forward, marks, false) as number[];
  }

  /** The search of reach and reachAll: marks with a new stamp; `stopAtBound`: null as soon as the node at `bound` is reached forward. */
  private search(
    start: number,
    bound: number,
    forward: boolean,
    marks: Int32Array,
    stopAtBound: boolean,
  ): number[] | null {
    const stamp = ++this.stamp;
    const found = [start];
    marks[start] = stamp;
    for (let at = 0; at < found.length; at++) {
      const node = found[at] as number;
      for (const index of (forward ? this.outArcs[node] : this.inArcs[node]) as number[]) {
        if (--this.steps < 0) throw new OutOfSteps();
        if (this.cut[index] === 1) continue;
        const arc = this.arcOf(index);
        const next = forward ? arc.to : arc.from;
        const where = this.positionOf(next);
        if (forward ? where > bound : where < bound) continue;
        if (stopAtBound && forward && where === bound) return null;
        if (marks[next] === stamp) continue;
        marks[next] = stamp;
        found.push(next);
      }
    }
    return found;
  }

  /**
   * The lightest kept arc, lighter than cut arc `index` (u → v), on every kept path v ⇝ u: the
   * only path arc over some gap between positions; ties to the lower index. Null when none.
   */
  private lighterBottleneck(index: number): number | null {
    const { from: u, to: v, weight } = this.arcOf(index);
    const lower = this.positionOf(v);
    const upper = this.positionOf(u);
    if (lower > upper) return null;
    const fromV = this.reachAll(v, upper, true, this.mark);
    const forwardStamp = this.stamp;
    this.reachAll(u, lower, false, this.markBack);
    const backwardStamp = this.stamp;
    // On a path: reached from v (mark) and reaching u (markBack).
    const onPath = (node: number) => this.mark[node] === forwardStamp && this.markBack[node] === backwardStamp;
    if (!onPath(u)) return null;
    const pathArcs: number[] = [];
    for (const node of fromV) {
      if (!onPath(node)) continue;
      for (const arc of this.outArcs[node] as number[]) {
        if (--this.steps < 0) throw new OutOfSteps();
        if (this.cut[arc] === 0 && onPath(this.arcOf(arc).to)) pathArcs.push(arc);
      }
    }
    // crossings[g]: path arcs over the gap between positions lower + g and lower + g + 1.
    const crossings = new Int32Array(upper - lower + 1);
    for (const arc of pathArcs) {
      const start = this.positionOf(this.arcOf(arc).from) - lower;
      const end = this.positionOf(this.arcOf(arc).to) - lower;
      crossings[start] = (crossings[start] as number) + 1;
      crossings[end] = (crossings[end] as number) - 1;
    }
    const single = new Int32Array(upper - lower + 1);
    let running = 0;
    for (let gap = 0; gap < upper - lower; gap++) {
      running += crossings[gap] as number;
      single[gap + 1] = (single[gap] as number) + (running === 1 ? 1 : 0);
    }
    let best: number | null = null;
    for (const arc of pathArcs) {
      const candidate = this.arcOf(arc);
      if (candidate.weight >= weight) continue;
      const start = this.positionOf(candidate.from) - lower;
      const end = this.positionOf(candidate.to) - lower;
      if ((single[end] as number) - (single[start] as number) === 0) continue;
      if (
        best === null ||
        candidate.weight < this.arcOf(best).weight ||
        (candidate.weight === this.arcOf(best).weight && arc < best)
      )
        best = arc;
    }
    return best;
  }

  private arcOf(index: number): Arc {
    return this.arcs[index] as Arc;
  }

  private positionOf(node: number): number {
    return this.position[node] as number;
  }
}
