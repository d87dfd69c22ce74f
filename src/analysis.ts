import type { SignalSummary } from './cluster/clustering-graph.js';
import type { Partition, SweepPoint, WeightedEdge } from './cluster/types.js';
import type { Diagnostic } from './base/diagnostics.js';
import type { ModuleCycle, ModuleGraph } from './graph/types.js';
import type { Metrics, ModuleCoupling } from './metrics/types.js';
import type { Plan } from './plan/types.js';

/** The settings an analysis ran with, as recorded in its output (no absolute paths). */
export interface AnalysisSettings {
  /** tsconfig used, relative to the analysed root, or null when the folder was scanned. */
  tsconfig: string | null;
  /** Louvain seed. */
  seed: number;
  /** Louvain resolution used (the chosen one under `auto`). */
  resolution: number;
  /** Expected-partition file as given, or null. */
  expected: string | null;
}

/** Everything one run of the pipeline produced: plain data, the input of every reporter. */
export interface Analysis {
  /** Version of the JSON report schema (docs/report.md, schema/report.schema.json). */
  schemaVersion: 1;
  /** The tool that produced it. */
  tool: { name: 'seams'; version: string };
  /** What the run was asked to do. */
  settings: AnalysisSettings;
  /** The module dependency graph. */
  graph: ModuleGraph;
  /** Facts of the module graph alone, whatever the partition: coupling per module and cycles between modules. */
  moduleFacts: {
    /** Ca, Ce and I of every module, sorted by module. */
    coupling: ModuleCoupling[];
    /** Cycles between modules with the dependencies to cut, sorted by first module. */
    cycles: ModuleCycle[];
  };
  /** How the clustering graph was made: signals, git history read, the resolution sweep. */
  clustering: {
    /** Each coupling signal with its weight and the module pairs it connects. */
    signals: SignalSummary[];
    /** Git history read for change coupling, or null when off or unavailable. */
    history: { commits: number; skippedCommits: number; pairs: number } | null;
    /** The resolution sweep under `--resolution auto`, else null. */
    sweep: SweepPoint[] | null;
    /** The clustering graph itself (what modularity is measured on), so a saved analysis can be re-measured. */
    edges: WeightedEdge[];
  };
  /** Candidate services. */
  partition: Partition;
  /** Coupling, cohesion, modularity and agreement. */
  metrics: Metrics;
  /** Extraction order. */
  plan: Plan;
  /** Everything the user should know about the run, sorted by file, line, code. */
  diagnostics: Diagnostic[];
}
