import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../diagnostics.js';
import type { ModuleId } from '../extract/types.js';
import { louvain, UndirectedGraph } from '../graph/graphology.js';
import type { ModuleGraph } from '../graph/types.js';
import { detectKernel } from './detect-kernel.js';
import { labelClusters } from './label-clusters.js';
import { createRandom } from './random.js';
import { KERNEL_ID, type Cluster, type Partition, type WeightedEdge } from './types.js';

/**
 * Candidate services. With `kernel: auto`, a first Louvain pass over every module finds the areas
 * of the system, the shared kernel is recognised from them (detect-kernel.ts) and set apart as
 * one cluster, and a second pass partitions the remaining modules. With `kernel: none`, one pass.
 */
export function cluster(graph: ModuleGraph, weighted: readonly WeightedEdge[], settings: ClusterSettings): Partition {
  const all = graph.modules.map((module) => module.id);
  const firstPass = partitionFromGroups(louvainGroups(all, weighted, settings));
  if (settings.kernel === 'none') return firstPass;
  const kernel = detectKernel(graph, firstPass);
  if (kernel.modules.length === 0) return firstPass;
  const inKernel = new Set(kernel.modules);
  const rest = all.filter((id) => !inKernel.has(id));
  const restEdges = weighted.filter((edge) => !inKernel.has(edge.source) && !inKernel.has(edge.target));
  return partitionFromGroups(louvainGroups(rest, restEdges, settings), kernel.modules, kernel.reasons);
}

/**
 * Louvain modularity maximisation (Blondel et al. 2008) on the weighted, undirected clustering
 * graph, with a seeded random node order and an explicit resolution γ (Lambiotte et al. 2008).
 * Nodes and edges enter the graph in sorted order, so the same input and seed give the same
 * groups. A module with no edges forms a group of its own.
 */
function louvainGroups(modules: readonly ModuleId[], edges: readonly WeightedEdge[], settings: ClusterSettings): ModuleId[][] {
  const graph = new UndirectedGraph();
  for (const id of [...modules].sort(compareStrings)) graph.addNode(id);
  for (const edge of edges) graph.addUndirectedEdge(edge.source, edge.target, { weight: edge.weight });
  const communities = louvain(graph, { getEdgeWeight: 'weight', resolution: settings.resolution, rng: createRandom(settings.seed) });
  const groups = new Map<number, ModuleId[]>();
  graph.forEachNode((id) => {
    const community = communities[id] as number;
    const members = groups.get(community);
    if (members) members.push(id);
    else groups.set(community, [id]);
  });
  return [...groups.values()];
}

/** Names groups of modules and returns them, with the kernel if any, as a sorted Partition. */
export function partitionFromGroups(groups: ModuleId[][], kernel: ModuleId[] = [], kernelReasons: Record<ModuleId, string> = {}): Partition {
  const sorted = groups.map((members) => [...members].sort(compareStrings)).sort((a, b) => compareStrings(a[0] ?? '', b[0] ?? ''));
  const labels = labelClusters(sorted);
  const clusters: Cluster[] = sorted.map((members, index) => ({ id: labels[index] as string, label: labels[index] as string, kind: 'service', modules: members }));
  if (kernel.length > 0) clusters.push({ id: KERNEL_ID, label: 'shared kernel', kind: 'kernel', modules: [...kernel].sort(compareStrings) });
  clusters.sort((a, b) => compareStrings(a.id, b.id));
  const assignment: Record<ModuleId, string> = {};
  for (const item of clusters) for (const id of item.modules) assignment[id] = item.id;
  return { clusters, assignment, kernel: { ...kernelReasons } };
}
