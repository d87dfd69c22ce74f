import { RESERVED_SERVICE_IDS } from '../config/settings.js';
import type { ModuleId } from '../extract/types.js';

/** Stable, human-readable id of a candidate service, derived from its modules' names. */
export type ClusterId = string;

/** One candidate service. */
export interface Cluster {
  /** Stable id (unique, derived from the modules' most distinctive word). */
  id: ClusterId;
  /** Display name. */
  label: string;
  /** `service`: a candidate service; `kernel`: the shared kernel (a library to publish or duplicate); `shell`: the composition root, which stays; `unattached`: modules tied to no service (no service, no plan step). */
  kind: ClusterKind;
  /** True when the service was pinned in the configuration (`services`). */
  pinned: boolean;
  /** Member modules, sorted. */
  modules: ModuleId[];
}

/** What a cluster is. */
export type ClusterKind = 'service' | 'kernel' | 'shell' | 'unattached';

/** How firmly a module sits in its service, and the ties that hold it there. */
export interface Confidence {
  /** Mean share of its service's other modules that each Louvain run put with it (0…1), or null for modules placed after clustering. */
  consensus: number | null;
  /** Up to three modules of the same service it is most strongly joined to, with each signal's part of the weight. */
  ties: {
    module: ModuleId;
    weight: number;
    signals: Partial<Record<'static' | 'semantic' | 'stem' | 'change' | 'data' | 'event', number>>;
  }[];
}

/** A partition of the analysed modules into candidate services. */
export interface Partition {
  /** Candidate services, sorted by id. */
  clusters: Cluster[];
  /** Module id -> cluster id, for every clustered module. */
  assignment: Record<ModuleId, ClusterId>;
  /** Shared-kernel modules with the reason each was recognised (empty when none or disabled). */
  kernel: Record<ModuleId, string>;
  /** Modules placed by a rule rather than by Louvain (composition root, hubs, singletons, unattached), with the reason. */
  placement: Record<ModuleId, string>;
  /** Per module of a service: consensus over the Louvain runs and its strongest ties. */
  confidence: Record<ModuleId, Confidence>;
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
  /** Share of clustering-graph weight kept inside services. */
  intraWeight: number;
  /** The share a random partition with the same service sizes would keep (the null model). */
  expectedIntraWeight: number;
  /** The rule's score: intraWeight − expectedIntraWeight. */
  score: number;
}

/** Id of the shared-kernel cluster; never a service name (those are single words or word-N). */
export const KERNEL_ID = RESERVED_SERVICE_IDS.kernel;

/** Id of the composition-root cluster (detected, or `shell` globs in the configuration). */
export const SHELL_ID = RESERVED_SERVICE_IDS.shell;

/** Id of the cluster of modules tied to no service. */
export const UNATTACHED_ID = RESERVED_SERVICE_IDS.unattached;

/** An undirected, weighted edge of the clustering graph (source < target). */
export interface WeightedEdge {
  source: ModuleId;
  target: ModuleId;
  /** Sum of the weights of the imports between the two modules, both directions. */
  weight: number;
}
