import type { Partition, WeightedEdge } from '../cluster/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { cohesion } from './cohesion.js';
import { coupling } from './coupling.js';
import { modularity } from './modularity.js';
import { mojoFm } from './mojofm.js';
import { round4, type Metrics } from './types.js';

/** Per-service coupling and size, and whole-partition modularity and agreement. */
export function measure(
  graph: ModuleGraph,
  weighted: readonly WeightedEdge[],
  partition: Partition,
  expected: Readonly<Record<string, string>> | null,
): Metrics {
  const lines = new Map(graph.modules.map((module) => [module.id, module.lines]));
  const services = partition.clusters.map((item) => {
    const c = coupling(item.id, graph.dependencies, partition.assignment);
    return {
      cluster: item.id,
      files: item.modules.length,
      lines: item.modules.reduce((sum, id) => sum + (lines.get(id) ?? 0), 0),
      ca: c.ca,
      ce: c.ce,
      instability: round4(c.instability),
      cohesion: round4(cohesion(item.id, graph.dependencies, partition.assignment)),
    };
  });
  const agreement = expected === null ? null : mojoFm(partition.assignment, expected);
  return {
    partition: {
      modularity: round4(modularity(graph.modules.map((module) => module.id), weighted, partition.assignment)),
      expected: agreement === null ? null : { ...agreement, mojoFm: Math.round(agreement.mojoFm * 100) / 100 },
    },
    services,
  };
}
