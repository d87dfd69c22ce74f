import type { ModuleId } from '../extract/types.js';

/** Stable, human-readable id of a candidate service, derived from its modules' names. */
export type ClusterId = string;

/** One candidate service. */
export interface Cluster {
  /** Stable id (unique, derived from the modules' most distinctive word). */
  id: ClusterId;
  /** Display name. */
  label: string;
  /** Member modules, sorted. */
  modules: ModuleId[];
}

/** A partition of the analysed modules into candidate services. */
export interface Partition {
  /** Candidate services, sorted by id. */
  clusters: Cluster[];
  /** Module id -> cluster id, for every clustered module. */
  assignment: Record<ModuleId, ClusterId>;
}

/** An undirected, weighted edge of the clustering graph (source < target). */
export interface WeightedEdge {
  source: ModuleId;
  target: ModuleId;
  /** Sum of the weights of the imports between the two modules, both directions. */
  weight: number;
}
