import { compareStrings } from '../diagnostics.js';
import { louvain, UndirectedGraph } from '../graph/graphology.js';
import { createRandom } from './random.js';
import type { WeightedEdge } from './types.js';

/**
 * Louvain modularity maximisation (Blondel et al. 2008) on a weighted, undirected graph, with a
 * seeded random node order and an explicit resolution γ (Lambiotte et al. 2008), run `runs` times
 * (seeds seed, seed + 7919, ...) keeping the partition of highest modularity, earliest on ties.
 * Nodes and edges enter the graph in sorted order, so the same input and seed give the same
 * groups. A node with no edges forms a group of its own. Returns the groups in no particular order.
 */
export function louvainGroups(nodes: readonly string[], edges: readonly WeightedEdge[], resolution: number, seed: number, runs = 1): string[][] {
  const graph = new UndirectedGraph();
  for (const id of [...nodes].sort(compareStrings)) graph.addNode(id);
  for (const edge of edges) if (edge.weight > 0) graph.addUndirectedEdge(edge.source, edge.target, { weight: edge.weight });
  if (graph.size === 0) return graph.nodes().map((id) => [id]);
  let communities: Record<string, number> = {};
  let best = -Infinity;
  for (let run = 0; run < runs; run++) {
    const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution, rng: createRandom(seed + run * 7919) });
    if (detailed.modularity > best + 1e-12) {
      best = detailed.modularity;
      communities = detailed.communities;
    }
  }
  const groups = new Map<number, string[]>();
  graph.forEachNode((id) => {
    const community = communities[id] as number;
    const members = groups.get(community);
    if (members) members.push(id);
    else groups.set(community, [id]);
  });
  return [...groups.values()];
}
