/**
 * The hooks a caller of the pipeline may pass to watch it run: wall time per stage and progress
 * events. Declared here, below every stage, so that any stage or orchestrator can take them.
 */

/** Receives the wall time of each stage as it ends (for --timings); never part of the analysis. */
export type StageObserver = (stage: string, milliseconds: number) => void;

/** What the pipeline is doing now, for a progress display: a stage as it starts, and files parsed of those to parse. */
export interface Progress {
  /** The stage that is starting (or, for `parse` and `resolve`, running). */
  stage: 'load' | 'parse' | 'resolve' | 'graph' | 'history' | 'signals' | 'cluster' | 'metrics' | 'plan';
  /** During `parse` and `resolve`: files done so far. */
  done?: number;
  /** During `parse`: files to parse (those the cache does not already hold); during `resolve`: all files. */
  total?: number;
}

/** Receives progress events; it may print, the pipeline never does. */
export type ProgressListener = (event: Progress) => void;

/** Named callbacks of `analyze` and `check`; both optional, neither changes the result. */
export interface PipelineHooks {
  /** Called with each stage's wall time as it ends. */
  onStage?: StageObserver;
  /** Called as stages start and while files are parsed and resolved. */
  onProgress?: ProgressListener;
}
