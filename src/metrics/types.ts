import type { ClusterId } from '../cluster/types.js';

/** Coupling and size of one candidate service. */
export interface ServiceMetrics {
  /** The candidate service. */
  cluster: ClusterId;
  /** Number of modules (files). */
  files: number;
  /** Physical lines of its modules. */
  lines: number;
  /** Afferent coupling Ca: modules outside that import a module inside (Martin 1994). */
  ca: number;
  /** Efferent coupling Ce: modules inside that import a module outside (Martin 1994). */
  ce: number;
  /** Instability I = Ce / (Ca + Ce), 0 when Ca + Ce = 0 (Martin 1994). */
  instability: number;
  /** Cohesion: internal import edges / all import edges touching the service; 0 with none. */
  cohesion: number;
}

/** Agreement of the partition with an expected one (MoJoFM, Wen & Tzerpos 2004). */
export interface Agreement {
  /** MoJoFM in [0, 100]: 100 means identical partitions. */
  mojoFm: number;
  /** Modules present in both the analysis and the expected partition (the ones compared). */
  compared: number;
  /** Analysed modules the expected partition does not mention. */
  missingFromExpected: number;
  /** Expected-partition entries that are not analysed modules. */
  missingFromAnalysis: number;
}

/** Metrics of the whole partition. */
export interface PartitionMetrics {
  /** Newman modularity Q of the partition on the weighted clustering graph, in [-0.5, 1]. */
  modularity: number;
  /** Agreement with --expected, or null when none was given. */
  expected: Agreement | null;
}

export interface Metrics {
  /** Whole-partition metrics. */
  partition: PartitionMetrics;
  /** One entry per candidate service, sorted by cluster id. */
  services: ServiceMetrics[];
}

/** Rounds to 4 decimals: printed metrics are claims, not float noise. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
