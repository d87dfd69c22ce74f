import type { Partition, WeightedEdge } from '../cluster/types.js';
import type { ModuleGraph, ServiceDependency } from '../graph/types.js';
import { abstractness, mainSequenceDistance } from './abstractness.js';
import { adjustedRandIndex } from './ari.js';
import { c2cCoverage } from './c2c-coverage.js';
import { cyclicDependencyPairs } from './cdp.js';
import { cohesionAll } from './cohesion.js';
import { couplingAll } from './coupling.js';
import { interPartitionCallPercentage } from './icp.js';
import { interfaceNumber } from './ifn.js';
import { modularity } from './modularity.js';
import { mojoFm } from './mojofm.js';
import { nonExtremeDistribution } from './ned.js';
import { structuralModularity } from './structural-modularity.js';
import { turboMq } from './turbo-mq.js';
import { round4 } from '../base/numbers.js';
import type { Agreement, Metrics } from './types.js';

/**
 * Every metric of the partition: per service on the see-through dependency graph, for the whole
 * partition on the same graph (modularity on the weighted clustering graph it was made from, CDP
 * on the service dependencies: graph/service-dependencies.ts of the same partition), and agreement
 * with the expected partition when one is given.
 */
export function measure(
  graph: ModuleGraph,
  weighted: readonly WeightedEdge[],
  partition: Partition,
  dependencies: readonly ServiceDependency[],
  expected: Readonly<Record<string, string>> | null,
): Metrics {
  const byId = new Map(graph.modules.map((module) => [module.id, module]));
  const edges = graph.dependencies;
  const interfaces = interfaceNumber(edges, partition.assignment);
  const couplings = couplingAll(edges, partition.assignment);
  const cohesions = cohesionAll(edges, partition.assignment);
  const services = partition.clusters.map((item) => {
    const c = couplings.get(item.id) ?? { ca: 0, ce: 0, instability: 0 };
    const members = item.modules.map((id) => byId.get(id));
    const a = abstractness({
      total: members.reduce((sum, module) => sum + (module?.exports ?? 0), 0),
      abstract: members.reduce((sum, module) => sum + (module?.abstractExports ?? 0), 0),
    });
    return {
      cluster: item.id,
      files: item.modules.length,
      lines: members.reduce((sum, module) => sum + (module?.lines ?? 0), 0),
      ca: c.ca,
      ce: c.ce,
      instability: round4(c.instability),
      abstractness: round4(a),
      distance: round4(mainSequenceDistance(a, c.instability)),
      cohesion: round4(cohesions.get(item.id) ?? 0),
      interfaces: interfaces.perService[item.id] ?? 0,
    };
  });
  const ned = nonExtremeDistribution(partition.assignment);
  return {
    partition: {
      modularity: round4(
        modularity(
          graph.modules.map((module) => module.id),
          weighted,
          partition.assignment,
        ),
      ),
      turboMq: round4(turboMq(edges, partition.assignment)),
      structuralModularity: round4(structuralModularity(edges, partition.assignment)),
      icp: round4(interPartitionCallPercentage(edges, partition.assignment)),
      ifn: round4(interfaces.average),
      ned: round4(ned.ned),
      nedWindow: ned.window,
      cdp: round4(cyclicDependencyPairs(dependencies)),
      expected: expected === null ? null : agreement(partition.assignment, expected),
    },
    services,
  };
}

function agreement(actual: Readonly<Record<string, string>>, expected: Readonly<Record<string, string>>): Agreement {
  const result = mojoFm(actual, expected);
  return {
    mojoFm: Math.round(result.mojoFm * 100) / 100,
    ari: round4(adjustedRandIndex(actual, expected)),
    c2cCoverage: round4(c2cCoverage(actual, expected)),
    compared: result.compared,
    missingFromExpected: result.missingFromExpected,
    missingFromAnalysis: result.missingFromAnalysis,
  };
}
