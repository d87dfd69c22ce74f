/**
 * Newman modularity Q of a partition of a weighted undirected graph (Newman & Girvan 2004;
 * Newman, PNAS 2006):
 *   Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
 * where m is the total edge weight, L_c the weight of edges inside community c, d_c the summed
 * weighted degree of c's nodes, and γ = 1 (the classic definition, whatever resolution
 * clustering used). Q lies in [−1/2, 1); 0 for a graph with no edges. Computed by
 * graphology-metrics on the same clustering graph Louvain optimises.
 */
import type { ClusterId, WeightedEdge } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import { modularity as graphologyModularity, UndirectedGraph } from '../graph/graphology.js';

export function modularity(modules: readonly ModuleId[], edges: readonly WeightedEdge[], assignment: Readonly<Record<ModuleId, ClusterId>>): number {
  if (edges.length === 0) return 0;
  const graph = new UndirectedGraph();
  for (const id of modules) graph.addNode(id, { community: assignment[id] ?? `unclustered:${id}` });
  for (const edge of edges) graph.addUndirectedEdge(edge.source, edge.target, { weight: edge.weight });
  return graphologyModularity(graph, { getNodeCommunity: 'community', getEdgeWeight: 'weight' });
}
