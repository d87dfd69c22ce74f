import type { ModuleId } from '../extract/types.js';

/** The rules `seams check` enforces. */
export type RuleId =
  | 'dependency-not-allowed'
  | 'entry-point-bypassed'
  | 'service-cycle'
  | 'budget-exceeded'
  | 'unclaimed-module';

/** One import that breaks a rule. */
export interface Violation {
  /** The rule it breaks. */
  rule: RuleId;
  /** Importing module (for budget-exceeded, the first importing module). */
  file: ModuleId;
  /** 1-based line of the import statement. */
  line: number;
  /** Imported module. */
  target: ModuleId;
  /** Service of the importing module. */
  fromService: string;
  /** Service of the imported module. */
  toService: string;
  /** The imported names this violation is about (one per violation; `*` for a whole module). */
  symbol: string;
  /** One-line explanation. */
  message: string;
  /** Stable identity for the baseline: rule, importing module, imported module, symbol (never a line). */
  identity: string;
  /** budget-exceeded only: the number of module imports from `fromService` into `toService`. */
  count?: number;
}

/** A baseline entry: the identity fields of an accepted violation. */
export interface BaselineEntry {
  rule: RuleId;
  from: ModuleId;
  to: ModuleId;
  symbol: string;
  /**
   * budget-exceeded only: the number of module imports accepted; more fail the check. Absent in
   * version 1 baselines (any count is accepted until the next --update-baseline records it).
   */
  count?: number;
}

/** What `seams check` found, compared with the baseline. */
export interface CheckResult {
  /** Violations not in the baseline: these fail the check. */
  newViolations: Violation[];
  /** Violations the baseline accepts. */
  knownViolations: Violation[];
  /** Baseline entries no longer found: fixed since the baseline was written. */
  fixed: BaselineEntry[];
  /** Modules checked (all, or those of the scope: included with --include, changed since --changed-since). */
  checkedModules: number;
  /** Baseline entries outside the scope of a scoped run (--include, --changed-since): neither checked nor fixed, kept as they are. */
  outsideScope: number;
  /** Modules no service of the boundaries file claims (each is also an `unclaimed-module` violation unless `"unclaimed": "warn"`). */
  unassignedModules: ModuleId[];
  /** True when the check passes under the options given. */
  passed: boolean;
  /** One-line summary, plain ASCII so grep finds it: `+2 new, -5 fixed, 31 known` (scoped runs add `, N outside the scope`). */
  summary: string;
}
