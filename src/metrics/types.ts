import type { ClusterId } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';

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
  /** Abstractness A: abstract exports / exports (Martin 1994), 0 with no exports. */
  abstractness: number;
  /** Distance from the main sequence D' = |A + I − 1| (Martin 1994, normalised). */
  distance: number;
  /** Cohesion: internal import edges / all import edges touching the service; 0 with none. */
  cohesion: number;
  /** Interface number: distinct (module, name) pairs other services import from it (Jin et al. 2019). */
  interfaces: number;
}

/** Agreement of the partition with an expected one. */
export interface Agreement {
  /** MoJoFM in [0, 100] (Wen & Tzerpos 2004): 100 means identical partitions. */
  mojoFm: number;
  /** Adjusted Rand index (Hubert & Arabie 1985): 1 identical, about 0 random. */
  ari: number;
  /** c2c coverage at 50% (Bittencourt & Guerrero 2009): share of expected services recovered, [0, 1]. */
  c2cCoverage: number;
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
  /** Normalised TurboMQ (Mitchell & Mancoridis 2006), [0, 1], higher is better. */
  turboMq: number;
  /** Structural modularity SM (Jin et al. 2019), [-1, 1], higher is better. */
  structuralModularity: number;
  /** Inter-partition call percentage ICP (Jin et al. 2019), [0, 1], lower is better. */
  icp: number;
  /** Interface number IFN: average interfaces per service (Jin et al. 2019), lower is better. */
  ifn: number;
  /** Non-extreme distribution NED (Wu et al. 2005), [0, 1], higher is better. */
  ned: number;
  /** The NED size window used. */
  nedWindow: { min: number; max: number };
  /** Cyclic dependency pairs CDP: share of coupled service pairs coupled both ways, [0, 1], lower is better. */
  cdp: number;
  /** Agreement with --expected, or null when none was given. */
  expected: Agreement | null;
}

export interface Metrics {
  /** Whole-partition metrics (the kernel counts as one service). */
  partition: PartitionMetrics;
  /** One entry per candidate service, sorted by cluster id. */
  services: ServiceMetrics[];
}

/** Coupling of one module (file) with the other modules, on the see-through dependency graph. */
export interface ModuleCoupling {
  /** The module. */
  module: ModuleId;
  /** Afferent coupling Ca: other modules that depend on it (Martin 1994). */
  ca: number;
  /** Efferent coupling Ce: other modules it depends on (Martin 1994). */
  ce: number;
  /** Instability I = Ce / (Ca + Ce), 0 when Ca + Ce = 0 (Martin 1994), rounded to 4 decimals. */
  instability: number;
}
