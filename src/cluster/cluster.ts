import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../diagnostics.js';
import { louvain, UndirectedGraph } from '../graph/graphology.js';
import type { ModuleId } from '../extract/types.js';
import { labelClusters } from './label-clusters.js';
import { createRandom } from './random.js';
import type { Cluster, Partition, WeightedEdge } from './types.js';

/**
 * Candidate services by Louvain modularity maximisation (Blondel et al. 2008) on the weighted,
 * undirected clustering graph, with a seeded random node order and an explicit resolution γ
 * (Lambiotte et al. 2008). Nodes and edges enter the graph in sorted order, so the same input and
 * seed give the same partition. A module with no imports at all forms a service of its own.
 */
export function cluster(modules: readonly ModuleId[], edges: readonly WeightedEdge[], settings: ClusterSettings): Partition {
  const graph = new UndirectedGraph();
  for (const id of [...modules].sort(compareStrings)) graph.addNode(id);
  for (const edge of edges) graph.addUndirectedEdge(edge.source, edge.target, { weight: edge.weight });
  const communities = louvain(graph, {
    getEdgeWeight: 'weight',
    resolution: settings.resolution,
    rng: createRandom(settings.seed),
  });
  const groups = new Map<number, ModuleId[]>();
  graph.forEachNode((id) => {
    const community = communities[id] as number;
    const members = groups.get(community);
    if (members) members.push(id);
    else groups.set(community, [id]);
  });
  return partitionFromGroups([...groups.values()]);
}

/** Names groups of modules and returns them as a sorted Partition. */
export function partitionFromGroups(groups: ModuleId[][]): Partition {
  const sorted = groups.map((members) => [...members].sort(compareStrings)).sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  const labels = labelClusters(sorted);
  const clusters: Cluster[] = sorted
    .map((members, index) => ({ id: labels[index] as string, label: labels[index] as string, modules: members }))
    .sort((a, b) => compareStrings(a.id, b.id));
  const assignment: Record<ModuleId, string> = {};
  for (const item of clusters) for (const id of item.modules) assignment[id] = item.id;
  return { clusters, assignment };
}
