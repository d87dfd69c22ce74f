import { compareStrings } from '../base/compare.js';
import { type CompactGraph, compactGraph, louvainRun } from './louvain.js';
import { createRandom } from './random.js';
import type { WeightedEdge } from './types.js';

/** Every run of a seeded Louvain series: the best partition, and each run's assignment (node -> community). */
export interface LouvainRuns {
  /** Groups of the run of highest modularity (earliest on ties), in no particular order. */
  groups: string[][];
  /** Each run's assignment, in run order (the best one included). */
  runs: Map<string, number>[];
}

/** The graph Louvain partitions, built once and shared by every run and resolution on it. */
export interface LouvainGraph {
  /** Node ids, sorted; a node's index in `graph` is its position here. */
  ids: string[];
  /** The edges of positive weight, in the order given. */
  graph: CompactGraph;
}

/**
 * Louvain modularity maximisation (Blondel et al. 2008; louvain.ts) on a weighted, undirected
 * graph, with a seeded random node order and an explicit resolution γ (Lambiotte et al. 2008), run
 * `runs` times (seeds seed, seed + 7919, ...) keeping the partition of highest modularity,
 * earliest on ties. Nodes are numbered in sorted order and edges kept in the order given (callers
 * pass them in a deterministic order), so the same input and seed give the same groups. A node
 * with no edges forms a group of its own. Returns the groups in no particular order.
 */
export function louvainGroups(
  nodes: readonly string[],
  edges: readonly WeightedEdge[],
  resolution: number,
  seed: number,
  runs = 1,
): string[][] {
  return louvainRuns(nodes, edges, resolution, seed, runs).groups;
}

/** louvainGroups, with every run's assignment kept (for consensus). */
export function louvainRuns(
  nodes: readonly string[],
  edges: readonly WeightedEdge[],
  resolution: number,
  seed: number,
  runs = 1,
): LouvainRuns {
  return louvainSeries(louvainGraph(nodes, edges), resolution, seed, runs);
}

/** The graph of `nodes` and the edges of positive weight between them, numbered for Louvain. */
export function louvainGraph(nodes: readonly string[], edges: readonly WeightedEdge[]): LouvainGraph {
  const ids = [...nodes].sort(compareStrings);
  const index = new Map<string, number>();
  ids.forEach((id, position) => {
    if (index.has(id)) throw new Error(`Louvain: node ${id} given twice`);
    index.set(id, position);
  });
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (const edge of edges) {
    if (!(edge.weight > 0)) continue;
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined)
      throw new Error(`Louvain: edge ${edge.source} – ${edge.target} has an end that is not a node`);
    sources.push(source);
    targets.push(target);
    weights.push(edge.weight);
  }
  return { ids, graph: compactGraph(ids.length, sources, targets, weights) };
}

/** louvainRuns on a graph built by louvainGraph. */
export function louvainSeries(prepared: LouvainGraph, resolution: number, seed: number, runs = 1): LouvainRuns {
  const { ids, graph } = prepared;
  if (graph.size === 0) {
    const single = new Map(ids.map((id, index) => [id, index]));
    return { groups: ids.map((id) => [id]), runs: Array.from({ length: runs }, () => single) };
  }
  const assignments: Map<string, number>[] = [];
  const results: ArrayLike<number>[] = [];
  let best = -Infinity;
  let bestIndex = 0;
  for (let run = 0; run < runs; run++) {
    const detailed = guardedLouvain(graph, resolution, seed + run * 7919);
    const communities = detailed.communities;
    results.push(communities);
    assignments.push(new Map(ids.map((id, index) => [id, communities[index] as number])));
    if (detailed.modularity > best + 1e-12) {
      best = detailed.modularity;
      bestIndex = run;
    }
  }
  const communities = results[bestIndex] as ArrayLike<number>;
  const groups = new Map<number, string[]>();
  ids.forEach((id, index) => {
    const community = communities[index] as number;
    const members = groups.get(community);
    if (members) members.push(id);
    else groups.set(community, [id]);
  });
  return { groups: [...groups.values()], runs: assignments };
}

/** Node moves a Louvain run may make per node (and edge) before it is judged to be cycling. */
export const MOVES_PER_ELEMENT = 50;

/**
 * One seeded Louvain run, guarded against the endless local-moving cycle (see louvain.ts): a run
 * that exceeds its move budget is repeated in the fixed node order (no random walk), and if that
 * cycles too, every connected component is one community (its modularity reported as -Infinity,
 * so any completed run is preferred).
 */
function guardedLouvain(
  graph: CompactGraph,
  resolution: number,
  seed: number,
): { communities: ArrayLike<number>; modularity: number } {
  const budget = MOVES_PER_ELEMENT * (graph.order + graph.size) + 10_000;
  for (const randomWalk of [true, false]) {
    const result = louvainRun(graph, resolution, randomWalk ? createRandom(seed) : null, budget);
    if (result !== null) return result;
  }
  return { communities: componentsOf(graph), modularity: -Infinity };
}

function componentsOf(graph: CompactGraph): Int32Array {
  const communities = new Int32Array(graph.order).fill(-1);
  let next = 0;
  for (let start = 0; start < graph.order; start++) {
    if ((communities[start] as number) >= 0) continue;
    const stack = [start];
    communities[start] = next;
    while (stack.length > 0) {
      const node = stack.pop() as number;
      for (let j = graph.starts[node] as number, end = graph.starts[node + 1] as number; j < end; j++) {
        const neighbour = graph.neighbourhood[j] as number;
        if ((communities[neighbour] as number) >= 0) continue;
        communities[neighbour] = next;
        stack.push(neighbour);
      }
    }
    next++;
  }
  return communities;
}
