import type { ClusterId } from '../cluster/types.js';

/** Imports from one candidate service into another. */
export interface ServiceDependency {
  /** Importing service. */
  from: ClusterId;
  /** Imported service. */
  to: ClusterId;
  /** Module edges (importer/imported module pairs) from `from` into `to`. */
  imports: number;
  /** Of those, edges that are type-only. */
  typeOnly: number;
}

/** One step of the extraction order. */
export interface PlanStep {
  /** 1-based position in the order. */
  rank: number;
  /** Services extracted together in this step (several when they form a cycle), sorted. */
  clusters: ClusterId[];
  /** One line saying why this step comes here. */
  reason: string;
  /** Services extracted earlier that this step still imports, sorted. */
  dependsOn: ClusterId[];
  /** Module edges from services still in the monolith into this step's services: call sites to rewire. */
  inboundImports: number;
}

/** The extraction plan. */
export interface Plan {
  /** The service dependency graph, sorted by from, then to. */
  dependencies: ServiceDependency[];
  /** Cycles between services: strongly connected components of two or more, each sorted. */
  cycles: ClusterId[][];
  /** The recommended order; every cluster appears in exactly one step. */
  steps: PlanStep[];
}
