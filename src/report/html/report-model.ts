/**
 * Facts every section of the HTML report reads: the plan order of services, which step extracts
 * each, which dependencies lie on a cycle or are cut to break one. Derived once from the analysis.
 */
import type { Analysis } from '../../analysis.js';
import type { Cluster, ClusterId } from '../../cluster/types.js';
import type { ModuleId } from '../../extract/types.js';
import type { ServiceMetrics } from '../../metrics/types.js';
import type { ServiceDependency } from '../../graph/types.js';
import { pairKey } from '../../base/collections.js';
import { planOrder } from '../view-model.js';

/** How a service dependency is drawn. */
export type DependencyClass = 'plain' | 'cycle' | 'cut' | 'kernel';

/** Derived facts shared by the sections. */
export interface ReportModel {
  /** Cluster ids in extraction order (see planOrder). */
  order: ClusterId[];
  /** Cluster id -> rank of the plan step that extracts it. */
  stepOf: Map<ClusterId, number>;
  /** Clusters by id. */
  clusters: Map<ClusterId, Cluster>;
  /** Service metrics by cluster id. */
  metrics: Map<ClusterId, ServiceMetrics>;
  /** Physical lines by module id. */
  linesOf: Map<ModuleId, number>;
  /** Cluster id -> index of the cycle (plan.cycles) it belongs to. */
  cycleOf: Map<ClusterId, number>;
  /** `from\0to` keys of the service dependencies the cycle breaks cut. */
  cut: Set<string>;
}

/** Key of a service dependency in `ReportModel.cut`. */
export function dependencyKey(from: ClusterId, to: ClusterId): string {
  return pairKey(from, to);
}

/** Builds the shared facts of one analysis. */
export function buildReportModel(analysis: Analysis): ReportModel {
  const { partition, plan } = analysis;
  const stepOf = new Map<ClusterId, number>();
  for (const step of plan.steps) for (const id of step.clusters) if (!stepOf.has(id)) stepOf.set(id, step.rank);
  const cycleOf = new Map<ClusterId, number>();
  for (const [index, cycle] of plan.cycles.entries()) for (const id of cycle) cycleOf.set(id, index);
  const cut = new Set<string>();
  for (const cycle of plan.cycleBreaks) for (const item of cycle.cut) cut.add(dependencyKey(item.from, item.to));
  return {
    order: planOrder(analysis),
    stepOf,
    clusters: new Map(partition.clusters.map((item) => [item.id, item])),
    metrics: new Map(analysis.metrics.services.map((item) => [item.cluster, item])),
    linesOf: new Map(analysis.graph.modules.map((item) => [item.id, item.lines])),
    cycleOf,
    cut,
  };
}

/** True when the cluster is a shared kernel. */
export function isKernel(model: ReportModel, id: ClusterId): boolean {
  return model.clusters.get(id)?.kind === 'kernel';
}

/** Kernel edge, an edge to cut to break a cycle, an edge on a cycle, or a plain dependency. */
export function classifyDependency(model: ReportModel, dependency: ServiceDependency): DependencyClass {
  if (isKernel(model, dependency.from) || isKernel(model, dependency.to)) return 'kernel';
  if (model.cut.has(dependencyKey(dependency.from, dependency.to))) return 'cut';
  const cycle = model.cycleOf.get(dependency.from);
  return cycle !== undefined && cycle === model.cycleOf.get(dependency.to) ? 'cycle' : 'plain';
}
