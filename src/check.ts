/**
 * `seams check`: the front half of the pipeline (settings → load → extract → graph, no
 * clustering), then the gate's verdict on the graph against the agreed boundaries and the
 * baseline. Reads the boundaries, the baseline and, with `changedSince`, git; prints and writes
 * nothing (the hooks may, they are the caller's).
 */
import path from 'node:path';
import { compareDiagnostics } from './base/diagnostics.js';
import type { PipelineHooks } from './base/progress.js';
import { type AnalyzeOptions, resolveSettings } from './config/resolve-settings.js';
import { changedFiles } from './extract/changed-files.js';
import { frontHalf, stageClock } from './front-half.js';
import { readBaseline } from './gate/baseline.js';
import { readBoundaries } from './gate/boundaries.js';
import { type CheckOutcome, checkGraph } from './gate/check.js';

export type { CheckOutcome } from './gate/check.js';

export interface CheckOptions extends AnalyzeOptions, PipelineHooks {
  /** Boundaries file (default <path>/seams.boundaries.json). */
  boundaries?: string;
  /** Baseline file (default <path>/seams.baseline.json). */
  baseline?: string;
  /** Rewrite the baseline: drop fixed entries (and add new ones with allowGrowth). */
  updateBaseline?: boolean;
  /** With updateBaseline: accept the new violations into the baseline too. */
  allowGrowth?: boolean;
  /** Fail when the baseline has entries that are fixed (stale). */
  strictBaseline?: boolean;
  /** Check only files changed since this git ref. */
  changedSince?: string;
}

/** The module graph against the boundaries, compared with the baseline; only new violations fail. */
export async function check(options: CheckOptions = {}): Promise<CheckOutcome> {
  const settings = resolveSettings(options);
  const cwd = options.cwd ?? process.cwd();
  const boundariesPath =
    options.boundaries === undefined
      ? path.join(settings.root, 'seams.boundaries.json')
      : path.resolve(cwd, options.boundaries);
  const boundariesFile = options.boundaries ?? path.relative(cwd, boundariesPath).split(path.sep).join('/');
  const boundaries = readBoundaries(
    boundariesPath,
    boundariesFile,
    options.boundaries === undefined ? settings.root : null,
  );
  const baselinePath =
    options.baseline === undefined
      ? path.join(settings.root, 'seams.baseline.json')
      : path.resolve(cwd, options.baseline);
  const baseline =
    readBaseline(
      baselinePath,
      options.baseline ?? 'seams.baseline.json',
      options.baseline === undefined ? settings.root : null,
    ) ?? [];

  const { project, extraction, graph } = await frontHalf(settings, stageClock(options), 'none');
  const changed =
    options.changedSince === undefined
      ? null
      : changedFiles(settings.root, options.changedSince, new Set(graph.modules.map((module) => module.id)));
  const verdict = checkGraph(graph, boundaries, baseline, {
    changed,
    updateBaseline: options.updateBaseline === true,
    allowGrowth: options.allowGrowth === true,
    strictBaseline: options.strictBaseline === true,
  });
  return {
    result: verdict.result,
    diagnostics: [...project.diagnostics, ...extraction.diagnostics].sort(compareDiagnostics),
    boundariesFile,
    baselineUpdate: verdict.baselineUpdate === null ? null : { file: baselinePath, ...verdict.baselineUpdate },
  };
}
