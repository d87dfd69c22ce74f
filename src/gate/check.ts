import type { Progress } from '../base/progress.js';
import path from 'node:path';
import { resolveSettings, type AnalyzeOptions } from '../config/resolve-settings.js';
import { compareDiagnostics, type Diagnostic } from '../base/diagnostics.js';
import { extract } from '../extract/extract.js';
import { buildGraph } from '../graph/build-graph.js';
import { loadProject } from '../load/load-project.js';
import { reachFilter } from '../load/select-files.js';
import { entryOf, identityOf, readBaseline, renderBaseline } from './baseline.js';
import { readBoundaries } from './boundaries.js';
import { changedFiles } from './changed-files.js';
import { assignServices, findViolations } from './find-violations.js';
import type { BaselineEntry, CheckResult } from './types.js';

export interface CheckOptions extends AnalyzeOptions {
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

export interface CheckOutcome {
  /** The verdict and the violations. */
  result: CheckResult;
  /** Diagnostics of the analysis behind the check. */
  diagnostics: Diagnostic[];
  /** Display path of the boundaries file. */
  boundariesFile: string;
  /** With updateBaseline: the baseline to write (absolute path and text); the caller writes it. */
  baselineUpdate: { file: string; text: string; entries: number } | null;
}

/**
 * `seams check`: the module graph (no clustering) against the agreed boundaries, compared with
 * the baseline. Only new violations fail; fixed ones are reported; the verdict is `passed`.
 * Prints and writes nothing (`progress` may, it is the caller's).
 */
export async function check(
  options: CheckOptions = {},
  progress: (event: Progress) => void = () => undefined,
): Promise<CheckOutcome> {
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

  progress({ stage: 'load' });
  const project = loadProject(settings);
  const extraction = await extract(project, {
    cacheDir: settings.cacheDir,
    mayReach: reachFilter(settings),
    onParsed: (done, total) => progress({ stage: 'parse', done, total }),
    onResolved: (done, total) => progress({ stage: 'resolve', done, total }),
  });
  progress({ stage: 'graph' });
  const graph = buildGraph(extraction);
  const { serviceOf, unassigned } = assignServices(
    graph.modules.map((module) => module.id),
    boundaries,
  );
  let violations = findViolations(graph, boundaries, serviceOf);
  let inScope = (_entry: BaselineEntry) => true;
  let checkedModules = graph.modules.length;
  if (options.changedSince !== undefined) {
    const changed = changedFiles(
      settings.root,
      options.changedSince,
      new Set(graph.modules.map((module) => module.id)),
    );
    violations = violations.filter((violation) => violation.rule !== 'budget-exceeded' && changed.has(violation.file));
    inScope = (entry) => entry.rule !== 'budget-exceeded' && changed.has(entry.from);
    checkedModules = graph.modules.filter((module) => changed.has(module.id)).length;
  }
  const accepted = new Set(baseline.map(identityOf));
  const found = new Set(violations.map((violation) => violation.identity));
  const newViolations = violations.filter((violation) => !accepted.has(violation.identity));
  const knownViolations = violations.filter((violation) => accepted.has(violation.identity));
  const fixed = baseline.filter((entry) => inScope(entry) && !found.has(identityOf(entry)));

  let baselineUpdate: CheckOutcome['baselineUpdate'] = null;
  let stillNew = newViolations;
  let stale = fixed;
  if (options.updateBaseline) {
    const fixedIds = new Set(fixed.map(identityOf));
    const kept = baseline.filter((entry) => !fixedIds.has(identityOf(entry)));
    const entries = options.allowGrowth ? [...kept, ...newViolations.map(entryOf)] : kept;
    const text = renderBaseline(entries);
    baselineUpdate = { file: baselinePath, text, entries: new Set(entries.map(identityOf)).size };
    if (options.allowGrowth) stillNew = [];
    stale = [];
  }
  const passed = stillNew.length === 0 && !(options.strictBaseline === true && stale.length > 0);
  const summary = `+${newViolations.length} new, −${fixed.length} fixed, ${knownViolations.length} known`;
  return {
    result: { newViolations, knownViolations, fixed, checkedModules, unassignedModules: unassigned, passed, summary },
    diagnostics: [...project.diagnostics, ...extraction.diagnostics].sort(compareDiagnostics),
    boundariesFile,
    baselineUpdate,
  };
}
