/**
 * `seams check`: the front half of the pipeline (settings → load → extract → graph, no
 * clustering), then the gate's verdict on the graph against the agreed boundaries and the
 * baseline. Reads the boundaries, the baseline and, with `changedSince`, git; prints and writes
 * nothing (the hooks may, they are the caller's).
 */
import { compareDiagnostics } from './base/diagnostics.js';
import { globMatcher } from './base/glob.js';
import type { PipelineHooks } from './base/progress.js';
import { type AnalyzeOptions, resolveSettings } from './config/resolve-settings.js';
import { changesSince } from './extract/changed-files.js';
import { gateFrontHalf, stageClock } from './front-half.js';
import { readBaseline } from './gate/baseline.js';
import { readBoundaries } from './gate/boundaries.js';
import { type CheckOutcome as Verdict, checkGraph } from './gate/check.js';
import { gatePaths } from './config/gate-paths.js';
import { type RepositoryPlace, repositoryPlace } from './extract/repo-root.js';
import { followRenames } from './gate/renames.js';

/** What `seams check` returns: the verdict, what it was made from, and where the files are. */
export interface CheckOutcome extends Verdict {
  /**
   * The repository the analysed folder belongs to (git's top level, else the folder itself): the
   * formats read by code hosts (github, sarif, gitlab) name files from its root, `prefix` + the
   * module id, so a package of a monorepo is annotated in the right place.
   */
  repository: RepositoryPlace;
  /** Display path of the baseline file (SARIF names it as what suppresses the known violations). */
  baselineFile: string;
}

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
  const files = gatePaths(settings.root, { boundaries: options.boundaries, baseline: options.baseline, cwd });
  const boundaries = readBoundaries(files.boundaries.path, files.boundaries.display, files.boundaries.root);
  const baseline = readBaseline(files.baseline.path, files.baseline.display, files.baseline.root) ?? [];

  const { project, diagnostics, graph } = await gateFrontHalf(settings, stageClock(options));
  const changes =
    options.changedSince === undefined
      ? null
      : changesSince(settings.root, options.changedSince, new Set(graph.modules.map((module) => module.id)));
  // A renamed module keeps its baseline entries (under its new id) and its service (gate/renames.ts).
  const renamedFrom = changes?.renamedFrom ?? new Map<string, string>();
  const verdict = checkGraph(graph, boundaries, followRenames(baseline, renamedFrom), {
    changed: changes?.files ?? null,
    renamedFrom,
    included: scopeOf(settings.include, settings.exclude),
    updateBaseline: options.updateBaseline === true,
    allowGrowth: options.allowGrowth === true,
    strictBaseline: options.strictBaseline === true,
  });
  return {
    result: verdict.result,
    diagnostics: [...project.diagnostics, ...diagnostics].sort(compareDiagnostics),
    boundariesFile: files.boundaries.display,
    baselineUpdate: verdict.baselineUpdate === null ? null : { file: files.baseline.path, ...verdict.baselineUpdate },
    repository: repositoryPlace(settings.root),
    baselineFile: files.baseline.display,
  };
}

/**
 * The file selection as a scope: with `include` or `exclude` globs (flags or seams.config.json), a
 * module is in scope when it is included and not excluded. Baseline entries of modules outside it
 * are kept as they are, never counted as fixed (the run did not look at them). Null: every file.
 */
function scopeOf(include: readonly string[], exclude: readonly string[]): ((module: string) => boolean) | null {
  if (include.length === 0 && exclude.length === 0) return null;
  const isIncluded = include.length > 0 ? globMatcher([...include]) : () => true;
  const isExcluded = exclude.length > 0 ? globMatcher([...exclude]) : () => false;
  return (module) => isIncluded(module) && !isExcluded(module);
}
