/**
 * Louvain modularity maximisation (Blondel et al. 2008) with resolution γ (Lambiotte et al. 2008)
 * on a compact, undirected, weighted graph. This is graphology-communities-louvain 2.0.2's
 * undirected Louvain (fast local moves, seeded random walk, its tie-breaking) over
 * graphology-indices 0.17's UndirectedLouvainIndex (both MIT, Guillaume Plique), ported onto
 * arrays built once per graph and copied per run: the library needs a graphology graph of string
 * keys and re-indexes it for every run, which cost more than Louvain itself. Every sum is taken in
 * the library's order and every pointer array has the library's element type (mnemonist's
 * getPointerArray, overflow included), so a run gives the library's communities and modularity
 * bit for bit (test/cluster/louvain.test.ts checks it against the library). The local-moving
 * phase can cycle forever on some weighted graphs (seen on a generated 20,000-file monolith): a
 * run is abandoned once it has made more node moves (moves and isolations) than its budget.
 */

/** Unsigned integer array of the smallest type indexing `size` elements (mnemonist's getPointerArray). */
export type PointerArray = Uint8Array | Uint16Array | Uint32Array;

function pointerArray(size: number, length: number): PointerArray {
  const maxIndex = size - 1;
  if (maxIndex <= 0xff) return new Uint8Array(length);
  if (maxIndex <= 0xffff) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** An undirected weighted graph as adjacency arrays, laid out as UndirectedLouvainIndex lays out a graphology graph. */
export interface CompactGraph {
  /** Nodes; a node's index is its position. */
  order: number;
  /** Edges, self-loops included. */
  size: number;
  /** Neighbours of node i are neighbourhood[starts[i]] … neighbourhood[starts[i + 1] − 1] (self-loops left out). */
  starts: PointerArray;
  /** Neighbour indices, grouped by node. */
  neighbourhood: PointerArray;
  /** Weight of each neighbour entry. */
  weights: Float64Array;
  /** Per node, twice the weight of its self-loop (0 without one). */
  loops: Float64Array;
  /** Per node, its weighted degree (a self-loop counted twice). */
  totalWeights: Float64Array;
  /** Total edge weight M. */
  totalWeight: number;
}

/**
 * The compact graph of `order` nodes and the edges sources[e]–targets[e] of weight weights[e]
 * (node indices), laid out exactly as UndirectedLouvainIndex lays out a graphology graph holding
 * the same nodes and the same edges added in the same order.
 */
export function compactGraph(
  order: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  weights: ArrayLike<number>,
): CompactGraph {
  const size = weights.length;
  const degrees = new Uint32Array(order);
  let selfLoops = 0;
  for (let e = 0; e < size; e++) {
    const source = sources[e] as number;
    const target = targets[e] as number;
    if (source === target) selfLoops++;
    else {
      degrees[source] = (degrees[source] as number) + 1;
      degrees[target] = (degrees[target] as number) + 1;
    }
  }
  const entries = (size - selfLoops) * 2;
  const starts = pointerArray(entries, order + 1);
  const neighbourhood = pointerArray(order + 1, entries);
  const entryWeights = new Float64Array(entries);
  const loops = new Float64Array(order);
  const totalWeights = new Float64Array(order);
  let end = 0;
  for (let i = 0; i < order; i++) {
    end += degrees[i] as number;
    starts[i] = end;
  }
  let totalWeight = 0;
  for (let e = 0; e < size; e++) {
    const source = sources[e] as number;
    const target = targets[e] as number;
    const weight = weights[e] as number;
    totalWeight += weight;
    if (source === target) {
      totalWeights[source] = (totalWeights[source] as number) + weight * 2;
      loops[source] = weight * 2;
      continue;
    }
    totalWeights[source] = (totalWeights[source] as number) + weight;
    totalWeights[target] = (totalWeights[target] as number) + weight;
    // `--starts[x]` in the library: the stored value wraps with the array's type, the index used does not.
    const startSource = (starts[source] as number) - 1;
    starts[source] = startSource;
    const startTarget = (starts[target] as number) - 1;
    starts[target] = startTarget;
    neighbourhood[startSource] = target;
    neighbourhood[startTarget] = source;
    entryWeights[startSource] = weight;
    entryWeights[startTarget] = weight;
  }
  starts[order] = entries;
  return { order, size, starts, neighbourhood, weights: entryWeights, loops, totalWeights, totalWeight };
}

/** One Louvain run's outcome. */
export interface LouvainResult {
  /** Community of each node (0 … communities − 1), by node index. */
  communities: PointerArray;
  /** Modularity of the partition at the run's resolution. */
  modularity: number;
}

/** Thrown inside a run that made more node moves than its budget. */
class Runaway extends Error {}

const EPSILON = 1e-10;

/**
 * One Louvain run on `graph` (at least one edge) at resolution γ: nodes are visited in a random
 * walk seeded by `rng`, or in the library's fixed order when `rng` is null. Null when the run makes
 * more than `budget` node moves.
 */
export function louvainRun(
  graph: CompactGraph,
  resolution: number,
  rng: (() => number) | null,
  budget: number,
): LouvainResult | null {
  try {
    return new LouvainIndex(graph, resolution, budget).run(rng);
  } catch (error) {
    if (error instanceof Runaway) return null;
    throw error;
  }
}

/** UndirectedLouvainIndex's state for one run, with undirectedLouvain's local moving and its zoom out. */
class LouvainIndex {
  /** Current communities (nodes of the current level). */
  private C: number;
  /** Unused community slots. */
  private U = 0;
  private readonly M: number;
  private starts: PointerArray;
  private neighbourhood: PointerArray;
  private weights: Float64Array;
  private readonly loops: Float64Array;
  private readonly totalWeights: Float64Array;
  private readonly belongings: PointerArray;
  private readonly counts: PointerArray;
  private readonly unused: PointerArray;
  /** Original node -> its community at the current level. */
  private readonly mapping: PointerArray;
  private moves = 0;

  constructor(
    graph: CompactGraph,
    private readonly resolution: number,
    private readonly budget: number,
  ) {
    const order = graph.order;
    this.C = order;
    this.M = graph.totalWeight;
    this.starts = graph.starts.slice();
    this.neighbourhood = graph.neighbourhood.slice();
    this.weights = graph.weights.slice();
    this.loops = graph.loops.slice();
    this.totalWeights = graph.totalWeights.slice();
    this.belongings = pointerArray(order + 1, order);
    this.counts = pointerArray(order + 1, order);
    this.unused = pointerArray(order + 1, order);
    for (let i = 0; i < order; i++) {
      this.belongings[i] = i;
      this.counts[i] = 1;
    }
    this.mapping = this.belongings.slice();
  }

  run(rng: (() => number) | null): LouvainResult {
    const order = this.C;
    // undirectedLouvain's SparseMap of neighbouring communities -> weight, in first-seen order.
    const keys = pointerArray(order, order);
    const slots = pointerArray(order, order);
    const values = new Float64Array(order);
    const queue = new SparseQueueSet(order);
    const { resolution } = this;
    let moveWasMade = true;
    while (moveWasMade) {
      const l = this.C;
      const { starts, neighbourhood, weights, belongings, loops, totalWeights } = this;
      const M2 = 2 * this.M;
      moveWasMade = false;
      let ri = rng === null ? 0 : Math.floor(rng() * l);
      for (let s = 0; s < l; s++, ri++) queue.enqueue(ri % l);
      while (queue.size !== 0) {
        const i = queue.dequeue();
        let degree = 0;
        let size = 0;
        const currentCommunity = belongings[i] as number;
        const end = starts[i + 1] as number;
        for (let start = starts[i] as number; start < end; start++) {
          const weight = weights[start] as number;
          const community = belongings[neighbourhood[start] as number] as number;
          degree += weight;
          const slot = slots[community] as number;
          if (slot < size && keys[slot] === community) values[slot] = (values[slot] as number) + weight;
          else {
            keys[size] = community;
            slots[community] = size;
            values[size] = 0 + weight;
            size++;
          }
        }
        const own = slots[currentCommunity] as number;
        const ownWeight = own < size && keys[own] === currentCommunity ? (values[own] as number) || 0 : 0;
        const withLoops = degree + (loops[i] as number);
        let bestDelta =
          ownWeight - (withLoops * ((totalWeights[currentCommunity] as number) - withLoops) * resolution) / M2;
        let bestCommunity = currentCommunity;
        for (let ci = 0; ci < size; ci++) {
          const targetCommunity = keys[ci] as number;
          if (targetCommunity === currentCommunity) continue;
          const delta =
            (values[ci] as number) - (withLoops * (totalWeights[targetCommunity] as number) * resolution) / M2;
          // The library's tieBreaker.
          const better =
            Math.abs(delta - bestDelta) < EPSILON
              ? bestCommunity !== currentCommunity && targetCommunity > bestCommunity
              : delta > bestDelta;
          if (better) {
            bestDelta = delta;
            bestCommunity = targetCommunity;
          }
        }
        if (bestDelta < 0) {
          bestCommunity = this.isolate(i, degree);
          if (bestCommunity === currentCommunity) continue;
        } else if (bestCommunity === currentCommunity) continue;
        else this.move(i, degree, bestCommunity);
        moveWasMade = true;
        for (let start = starts[i] as number; start < end; start++) {
          const j = neighbourhood[start] as number;
          if (belongings[j] !== bestCommunity) queue.enqueue(j);
        }
      }
      if (moveWasMade) this.zoomOut();
    }
    return { communities: this.mapping, modularity: this.modularity() };
  }

  private count(): void {
    if (++this.moves > this.budget) throw new Runaway();
  }

  private isolate(i: number, degree: number): number {
    this.count();
    const current = this.belongings[i] as number;
    if (this.counts[current] === 1) return current;
    const community = this.unused[--this.U] as number;
    const loops = this.loops[i] as number;
    this.totalWeights[current] = (this.totalWeights[current] as number) - (degree + loops);
    this.totalWeights[community] = (this.totalWeights[community] as number) + (degree + loops);
    this.belongings[i] = community;
    this.counts[current] = (this.counts[current] as number) - 1;
    this.counts[community] = (this.counts[community] as number) + 1;
    return community;
  }

  private move(i: number, degree: number, target: number): void {
    this.count();
    const current = this.belongings[i] as number;
    const loops = this.loops[i] as number;
    this.totalWeights[current] = (this.totalWeights[current] as number) - (degree + loops);
    this.totalWeights[target] = (this.totalWeights[target] as number) + (degree + loops);
    this.belongings[i] = target;
    const nowEmpty = this.counts[current] === 1;
    this.counts[current] = (this.counts[current] as number) - 1;
    this.counts[target] = (this.counts[target] as number) + 1;
    if (nowEmpty) this.unused[this.U++] = current;
  }

  /**
   * The induced graph of the communities, in place: communities renumbered in order of first
   * member, each one's neighbours in ascending order with the weights summed in node order (the
   * library's plain-object adjacency, whose integer keys enumerate in ascending order).
   */
  private zoomOut(): void {
    const { belongings, starts, neighbourhood, weights, loops, totalWeights } = this;
    const previous = this.C;
    const labels = new Int32Array(previous).fill(-1);
    const communityTotals: number[] = [];
    let C = 0;
    for (let i = 0; i < previous; i++) {
      const ci = belongings[i] as number;
      if ((labels[ci] as number) < 0) {
        labels[ci] = C;
        communityTotals.push(totalWeights[ci] as number);
        C++;
      }
      belongings[i] = labels[ci] as number;
    }
    for (let i = 0; i < this.mapping.length; i++) this.mapping[i] = belongings[this.mapping[i] as number] as number;
    // Nodes by community, in node order (a counting sort).
    const first = new Uint32Array(C + 1);
    for (let i = 0; i < previous; i++)
      first[(belongings[i] as number) + 1] = (first[(belongings[i] as number) + 1] as number) + 1;
    for (let c = 0; c < C; c++) first[c + 1] = (first[c + 1] as number) + (first[c] as number);
    const members = new Uint32Array(previous);
    const fill = first.slice(0, C);
    for (let i = 0; i < previous; i++) {
      const c = belongings[i] as number;
      members[fill[c] as number] = i;
      fill[c] = (fill[c] as number) + 1;
    }
    const nextStarts = this.starts.slice();
    const nextNeighbourhood = this.neighbourhood.slice();
    const nextWeights = this.weights.slice();
    const adjacency = new Float64Array(C);
    const seen = new Uint8Array(C);
    const touched: number[] = [];
    const internal = new Float64Array(C);
    let n = 0;
    for (let ci = 0; ci < C; ci++) {
      let internalWeight = 0;
      for (let m = first[ci] as number, last = first[ci + 1] as number; m < last; m++) {
        const i = members[m] as number;
        internalWeight += loops[i] as number;
        for (let j = starts[i] as number, end = starts[i + 1] as number; j < end; j++) {
          const cj = belongings[neighbourhood[j] as number] as number;
          if (ci === cj) {
            internalWeight += weights[j] as number;
            continue;
          }
          if (seen[cj] === 0) {
            seen[cj] = 1;
            adjacency[cj] = 0;
            touched.push(cj);
          }
          adjacency[cj] = (adjacency[cj] as number) + (weights[j] as number);
        }
      }
      internal[ci] = internalWeight;
      nextStarts[ci] = n;
      touched.sort((a, b) => a - b);
      for (const cj of touched) {
        nextNeighbourhood[n] = cj;
        nextWeights[n] = adjacency[cj] as number;
        seen[cj] = 0;
        n++;
      }
      touched.length = 0;
    }
    for (let ci = 0; ci < C; ci++) {
      totalWeights[ci] = communityTotals[ci] as number;
      loops[ci] = internal[ci] as number;
      this.counts[ci] = 1;
      belongings[ci] = ci;
    }
    nextStarts[C] = n;
    this.starts = nextStarts;
    this.neighbourhood = nextNeighbourhood;
    this.weights = nextWeights;
    this.C = C;
    this.U = 0;
  }

  private modularity(): number {
    const { belongings, starts, neighbourhood, weights, loops, totalWeights, resolution } = this;
    let Q = 0;
    const M2 = this.M * 2;
    const internalWeights = new Float64Array(this.C);
    for (let i = 0; i < this.C; i++) {
      const ci = belongings[i] as number;
      internalWeights[ci] = (internalWeights[ci] as number) + (loops[i] as number);
      for (let j = starts[i] as number, end = starts[i + 1] as number; j < end; j++) {
        if (belongings[neighbourhood[j] as number] !== ci) continue;
        internalWeights[ci] = (internalWeights[ci] as number) + (weights[j] as number);
      }
    }
    for (let i = 0; i < this.C; i++)
      // biome-ignore lint/style/useExponentiationOperator: the library's expression, kept for identical rounding
      Q += (internalWeights[i] as number) / M2 - Math.pow((totalWeights[i] as number) / M2, 2) * resolution;
    return Q;
  }
}

/** mnemonist's SparseQueueSet: a FIFO queue of distinct integers below `capacity`, with its membership test as written. */
class SparseQueueSet {
  start = 0;
  size = 0;
  private readonly dense: PointerArray;
  private readonly sparse: PointerArray;

  constructor(private readonly capacity: number) {
    this.dense = pointerArray(capacity, capacity);
    this.sparse = pointerArray(capacity, capacity);
  }

  enqueue(member: number): void {
    let index = this.sparse[member] as number;
    if (this.size !== 0) {
      const inBounds =
        (index < this.capacity && index >= this.start && index < this.start + this.size) ||
        index < (this.start + this.size) % this.capacity;
      if (inBounds && this.dense[index] === member) return;
    }
    index = (this.start + this.size) % this.capacity;
    this.dense[index] = member;
    this.sparse[member] = index;
    this.size++;
  }

  dequeue(): number {
    const index = this.start;
    this.size--;
    this.start++;
    if (this.start === this.capacity) this.start = 0;
    const member = this.dense[index] as number;
    this.sparse[member] = this.capacity;
    return member;
  }
}
