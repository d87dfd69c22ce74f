import { compareStrings } from '../base/compare.js';
import { louvain, LouvainRunaway, nodeId, nodeKey, UndirectedGraph, withMoveBudget } from '../graph/graphology.js';
import { createRandom } from './random.js';
import type { WeightedEdge } from './types.js';

/** Every run of a seeded Louvain series: the best partition, and each run's assignment (node -> community). */
export interface LouvainRuns {
  /** Groups of the run of highest modularity (earliest on ties), in no particular order. */
  groups: string[][];
  /** Each run's assignment, in run order (the best one included). */
  runs: Map<string, number>[];
}

/**
 * Louvain modularity maximisation (Blondel et al. 2008) on a weighted, undirected graph, with a
 * seeded random node order and an explicit resolution γ (Lambiotte et al. 2008), run `runs` times
 * (seeds seed, seed + 7919, ...) keeping the partition of highest modularity, earliest on ties.
 * Nodes enter the graph in sorted order and edges in the order given (callers pass them in a
 * deterministic order), so the same input and seed give the same groups. A node with no edges forms a group of its own. Returns the groups in no particular order.
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
  const graph = new UndirectedGraph();
  for (const id of [...nodes].sort(compareStrings)) graph.addNode(nodeKey(id));
  for (const edge of edges)
    if (edge.weight > 0) graph.addUndirectedEdge(nodeKey(edge.source), nodeKey(edge.target), { weight: edge.weight });
  const ids = graph.nodes().map(nodeId);
  if (graph.size === 0) {
    const single = new Map(ids.map((id, index) => [id, index]));
    return { groups: ids.map((id) => [id]), runs: Array.from({ length: runs }, () => single) };
  }
  const assignments: Map<string, number>[] = [];
  let best = -Infinity;
  let bestIndex = 0;
  for (let run = 0; run < runs; run++) {
    const detailed = guardedLouvain(graph, resolution, seed + run * 7919);
    assignments.push(new Map(Object.entries(detailed.communities).map(([key, community]) => [nodeId(key), community])));
    if (detailed.modularity > best + 1e-12) {
      best = detailed.modularity;
      bestIndex = run;
    }
  }
  const communities = assignments[bestIndex] as Map<string, number>;
  const groups = new Map<number, string[]>();
  for (const id of ids) {
    const community = communities.get(id) as number;
    const members = groups.get(community);
    if (members) members.push(id);
    else groups.set(community, [id]);
  }
  return { groups: [...groups.values()], runs: assignments };
}

/** Node moves a Louvain run may make per node (and edge) before it is judged to be cycling. */
export const MOVES_PER_ELEMENT = 50;

/**
 * One seeded Louvain run, guarded against graphology's endless local-moving cycle (see
 * withMoveBudget): a run that exceeds its move budget is repeated in graphology's fixed node order
 * (randomWalk off), and if that cycles too, every connected component is one community (its
 * modularity reported as -Infinity, so any completed run is preferred).
 */
function guardedLouvain(
  graph: InstanceType<typeof UndirectedGraph>,
  resolution: number,
  seed: number,
): { communities: Record<string, number>; modularity: number } {
  const budget = MOVES_PER_ELEMENT * (graph.order + graph.size) + 10_000;
  for (const randomWalk of [true, false]) {
    try {
      return withMoveBudget(budget, () =>
        louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, randomWalk, rng: createRandom(seed) }),
      );
    } catch (error) {
      if (!(error instanceof LouvainRunaway)) throw error;
    }
  }
  return { communities: componentsOf(graph), modularity: -Infinity };
}

function componentsOf(graph: InstanceType<typeof UndirectedGraph>): Record<string, number> {
  const communities: Record<string, number> = {};
  let next = 0;
  graph.forEachNode((start) => {
    if (start in communities) return;
    const stack = [start];
    communities[start] = next;
    while (stack.length > 0) {
      graph.forEachNeighbor(stack.pop() as string, (neighbour) => {
        if (neighbour in communities) return;
        communities[neighbour] = next;
        stack.push(neighbour);
      });
    }
    next++;
  });
  return communities;
}
