/**
 * The verdict of `seams check` on a module graph: the violations of the boundaries (find-violations.ts),
 * compared with the baseline. Only new violations fail; fixed ones are reported; with
 * `--changed-since`, only the changed modules are checked. Pure: the caller reads the boundaries,
 * the baseline and the changed files, and writes the baseline update.
 */
import type { Diagnostic } from '../base/diagnostics.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { entryOf, identityOf, renderBaseline } from './baseline.js';
import type { Boundaries } from './boundaries.js';
import { assignServices, compareViolations, findViolations, unclaimedViolations } from './find-violations.js';
import type { BaselineEntry, CheckResult } from './types.js';

/** How the graph is judged. */
export interface VerdictOptions {
  /** Modules changed since the `--changed-since` ref, or null to check every module. */
  changed: ReadonlySet<ModuleId> | null;
  /** Rewrite the baseline: drop fixed entries (and add new ones with allowGrowth). */
  updateBaseline: boolean;
  /** With updateBaseline: accept the new violations into the baseline too. */
  allowGrowth: boolean;
  /** Fail when the baseline has entries that are fixed (stale). */
  strictBaseline: boolean;
  /** Renames git found since the `--changed-since` ref: new module id -> old id (see assignServices). */
  renamedFrom?: ReadonlyMap<ModuleId, ModuleId>;
}

/** What `seams check` returns: the verdict and what it was made from. */
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

/** The verdict, and with `updateBaseline` the new baseline's text and number of entries. */
export function checkGraph(
  graph: ModuleGraph,
  boundaries: Boundaries,
  baseline: readonly BaselineEntry[],
  options: VerdictOptions,
): { result: CheckResult; baselineUpdate: { text: string; entries: number } | null } {
  const { serviceOf, unassigned, renamed } = assignServices(
    graph.modules.map((module) => module.id),
    boundaries,
    options.renamedFrom,
  );
  let violations = findViolations(graph, boundaries, serviceOf);
  let inScope = (_entry: BaselineEntry) => true;
  let checkedModules = graph.modules.length;
  const changed = options.changed;
  if (changed !== null) {
    violations = violations.filter((violation) => violation.rule !== 'budget-exceeded' && changed.has(violation.file));
    inScope = (entry) => entry.rule !== 'budget-exceeded' && changed.has(entry.from);
    checkedModules = graph.modules.filter((module) => changed.has(module.id)).length;
  }
  const accepted = new Set(baseline.map(identityOf));
  const found = new Set(violations.map((violation) => violation.identity));
  const newViolations = violations.filter((violation) => !accepted.has(violation.identity));
  const knownViolations = violations.filter((violation) => accepted.has(violation.identity));
  const fixed = baseline.filter((entry) => inScope(entry) && !found.has(identityOf(entry)));

  let baselineUpdate: { text: string; entries: number } | null = null;
  let stillNew = newViolations;
  let stale = fixed;
  if (options.updateBaseline) {
    const fixedIds = new Set(fixed.map(identityOf));
    const kept = baseline.filter((entry) => !fixedIds.has(identityOf(entry)));
    const entries = options.allowGrowth ? [...kept, ...newViolations.map(entryOf)] : kept;
    baselineUpdate = { text: renderBaseline(entries), entries: new Set(entries.map(identityOf)).size };
    if (options.allowGrowth) stillNew = [];
    stale = [];
  }
  // Unclaimed modules fail unless "unclaimed": "warn", and never enter the baseline (find-violations.ts).
  const unclaimed = unclaimedViolations(unassigned, renamed).filter(
    (item) => changed === null || changed.has(item.file),
  );
  if (boundaries.unclaimed !== 'warn' && unclaimed.length > 0) {
    newViolations.push(...unclaimed);
    newViolations.sort(compareViolations);
    stillNew = [...stillNew, ...unclaimed];
  }
  const passed = stillNew.length === 0 && !(options.strictBaseline && stale.length > 0);
  const summary = `+${newViolations.length} new, −${fixed.length} fixed, ${knownViolations.length} known`;
  return {
    result: { newViolations, knownViolations, fixed, checkedModules, unassignedModules: unassigned, passed, summary },
    baselineUpdate,
  };
}
