import type { ModuleId } from '../extract/types.js';

/** Stable, human-readable id of a candidate service, derived from its modules' names. */
export type ClusterId = string;

/** One candidate service. */
export interface Cluster {
  /** Stable id (unique, derived from the modules' most distinctive word). */
  id: ClusterId;
  /** Display name. */
  label: string;
  /** `service`: a candidate service; `kernel`: the shared kernel (a library to publish or duplicate). */
  kind: 'service' | 'kernel';
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
}

/** Id of the shared-kernel cluster; never a service name (those are single words or word-N). */
export const KERNEL_ID = 'shared-kernel';

/** An undirected, weighted edge of the clustering graph (source < target). */
export interface WeightedEdge {
  source: ModuleId;
  target: ModuleId;
  /** Sum of the weights of the imports between the two modules, both directions. */
  weight: number;
}
