/**
 * The verdict of `seams check` on a module graph: the violations of the boundaries (find-violations.ts),
 * compared with the baseline. Only new violations fail; fixed ones are reported; with
 * `--changed-since`, only the changed modules are checked. Pure: the caller reads the boundaries,
 * the baseline and the changed files, and writes the baseline update.
 */
import type { Diagnostic } from '../base/diagnostics.js';
import type { ModuleId } from '../extract/types.js';
import type { GateGraph } from '../graph/types.js';
import { entryOf, identityOf, renderBaseline } from './baseline.js';
import type { Boundaries } from './boundaries.js';
import { assignServices, compareViolations, findViolations, unclaimedViolations } from './find-violations.js';
import type { BaselineEntry, CheckResult, Violation } from './types.js';

/** How the graph is judged. */
export interface VerdictOptions {
  /** Modules changed since the `--changed-since` ref, or null to check every module. */
  changed: ReadonlySet<ModuleId> | null;
  /**
   * With `--include` or `--exclude`: whether a module id is in the file selection (analysed), or absent when
   * every file is. A baseline entry whose importing or imported module is not included lies
   * outside the scope: the run cannot see it.
   */
  included?: ((module: ModuleId) => boolean) | null;
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
  graph: GateGraph,
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
  const changed = options.changed;
  const included = options.included ?? null;
  const scoped = changed !== null || included !== null;
  const checks = (module: ModuleId) => (changed === null || changed.has(module)) && (included?.(module) ?? true);
  // A scoped run judges only the entries it can see: imports from a checked module (to an
  // analysed one), never a budget (its count needs every module). The others are kept as they are.
  const inScope = (entry: BaselineEntry) =>
    !scoped || (entry.rule !== 'budget-exceeded' && checks(entry.from) && (included?.(entry.to) ?? true));
  if (changed !== null)
    violations = violations.filter((violation) => violation.rule !== 'budget-exceeded' && changed.has(violation.file));
  const checkedModules = graph.modules.filter((module) => checks(module.id)).length;
  const outsideScope = new Set(baseline.filter((entry) => !inScope(entry)).map(identityOf)).size;
  const accepted = new Map(baseline.map((entry) => [identityOf(entry), entry]));
  const found = new Map(violations.map((violation) => [violation.identity, violation]));
  // A baselined budget holds at its recorded count: more imports than that are a new violation.
  const isNew = (violation: Violation) => {
    const recorded = accepted.get(violation.identity)?.count;
    return !accepted.has(violation.identity) || (recorded !== undefined && (violation.count ?? 0) > recorded);
  };
  const newViolations = violations.filter(isNew).map((violation) =>
    accepted.has(violation.identity)
      ? {
          ...violation,
          message: `${violation.message} and the baseline accepts ${accepted.get(violation.identity)?.count}`,
        }
      : violation,
  );
  const knownViolations = violations.filter((violation) => !isNew(violation));
  const fixed = baseline.filter((entry) => inScope(entry) && !found.has(identityOf(entry)));

  let baselineUpdate: { text: string; entries: number } | null = null;
  let stillNew = newViolations;
  let stale = fixed;
  if (options.updateBaseline) {
    const fixedIds = new Set(fixed.map(identityOf));
    // A budget's recorded count follows the count found downwards (upwards only as new growth).
    const ratcheted = (entry: BaselineEntry): BaselineEntry => {
      const count = found.get(identityOf(entry))?.count;
      return inScope(entry) && count !== undefined && (entry.count === undefined || count <= entry.count)
        ? { ...entry, count }
        : entry;
    };
    const kept = baseline.filter((entry) => !fixedIds.has(identityOf(entry))).map(ratcheted);
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
  const summary =
    `+${newViolations.length} new, -${fixed.length} fixed, ${knownViolations.length} known` +
    (scoped ? `, ${outsideScope} outside the scope` : '');
  return {
    result: {
      newViolations,
      knownViolations,
      fixed,
      checkedModules,
      outsideScope,
      unassignedModules: unassigned,
      passed,
      summary,
    },
    baselineUpdate,
  };
}
