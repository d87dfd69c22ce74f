import type { ModuleId } from '../extract/types.js';

/** Stable, human-readable id of a candidate service, derived from its modules' names. */
export type ClusterId = string;

/** One candidate service. */
export interface Cluster {
  /** Stable id (unique, derived from the modules' most distinctive word). */
  id: ClusterId;
  /** Display name. */
  label: string;
  /** `service`: a candidate service; `kernel`: the shared kernel (a library to publish or duplicate); `shell`: the composition root (configured), which stays. */
  kind: 'service' | 'kernel' | 'shell';
  /** True when the service was pinned in the configuration (`services`). */
  pinned: boolean;
  /** Member modules, sorted. */
  modules: ModuleId[];
}

/** A partition of the analysed modules into candidate services. */
export interface Partition {
  /** Candidate services, sorted by id. */
  clusters: Cluster[];
  /** Module id -> cluster id, for every clustered module. */
  assignment: Record<ModuleId, ClusterId>;
  /** Shared-kernel modules with the reason each was recognised (empty when none or disabled). */
  kernel: Record<ModuleId, string>;
  /** Louvain resolution the partition was made with (the chosen one under `auto`). */
  resolution: number;
  /** The resolution sweep under `--resolution auto`, else null. */
  sweep: SweepPoint[] | null;
}

/** One resolution tried by the `auto` sweep. */
export interface SweepPoint {
  /** Louvain resolution γ. */
  resolution: number;
  /** Services it produced (kernel excluded). */
  services: number;
  /** Newman modularity Q (γ = 1) of the partition on the clustering graph. */
  modularity: number;
  /** Share of clustering-graph weight between services (lower is better). */
  crossWeight: number;
  /** Share of modules in services of non-extreme size (NED). */
  balance: number;
  /** The rule's score: 0.5·Q + 0.25·(1 − crossWeight) + 0.25·balance. */
  score: number;
}

/** Id of the shared-kernel cluster; never a service name (those are single words or word-N). */
export const KERNEL_ID = 'shared-kernel';

/** Id of the composition-root cluster (`shell` globs in the configuration). */
export const SHELL_ID = 'composition-root';

/** An undirected, weighted edge of the clustering graph (source < target). */
export interface WeightedEdge {
  source: ModuleId;
  target: ModuleId;
  /** Sum of the weights of the imports between the two modules, both directions. */
  weight: number;
}
