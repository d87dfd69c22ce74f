import { compareStrings } from '../base/compare.js';
import { SeamsError } from '../base/errors.js';
import { MAX_CONFIG_SIZE, readRequiredText } from '../base/read-file-safely.js';
import type { BaselineEntry, RuleId, Violation } from './types.js';

/** The version of the baseline files seams writes: 2 added `count` to budget entries. */
const BASELINE_VERSION = 2;

const RULES: readonly RuleId[] = ['dependency-not-allowed', 'entry-point-bypassed', 'service-cycle', 'budget-exceeded'];

/**
 * seams.baseline.json: the violations a team has accepted, by identity (rule, importing module,
 * imported module, imported name; services for budgets), never by line number or count, so
 * moving code or editing unrelated lines never changes it; a budget's entry also records the
 * count accepted (`count`, version 2; version 1 files, whose budget entries have none, are still
 * read). Returns null when nothing is at the
 * path; a baseline that is there but cannot be read (a folder, a FIFO, no permission, over 10 MB,
 * a link out of `root`) is a coded error, never an empty baseline. `root`: the analysed root for
 * the default location (links are followed only inside it), null for a path the user passed.
 */
export function readBaseline(file: string, display: string, root: string | null = null): BaselineEntry[] | null {
  const text = readRequiredText(file, display, {
    root,
    maxBytes: MAX_CONFIG_SIZE,
    hint: 'seams.baseline.json must be a readable regular file: replace it, or pass another with --baseline',
  });
  if (text === null) return null;
  const fail = (why: string): never => {
    throw new SeamsError(
      'BASELINE_INVALID',
      `${display}: ${why}`,
      'fix or delete the baseline, then run `seams check --update-baseline --allow-growth` to write a new one',
    );
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const record = parsed as { version?: unknown; violations?: unknown };
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (record.version !== 1 && record.version !== BASELINE_VERSION) ||
    !Array.isArray(record.violations)
  )
    return fail(`expected {"version": ${BASELINE_VERSION}, "violations": [...]} (or version 1)`);
  return (record.violations as unknown[]).map((entry, index) => {
    const item = entry as Partial<BaselineEntry>;
    if (
      typeof item !== 'object' ||
      item === null ||
      !RULES.includes(item.rule as RuleId) ||
      typeof item.from !== 'string' ||
      typeof item.to !== 'string' ||
      typeof item.symbol !== 'string'
    ) {
      return fail(`violations[${index}] must be {"rule", "from", "to", "symbol"} with a known rule`);
    }
    const accepted: BaselineEntry = { rule: item.rule as RuleId, from: item.from, to: item.to, symbol: item.symbol };
    if (item.count === undefined) return accepted;
    if (item.rule !== 'budget-exceeded' || !Number.isSafeInteger(item.count) || item.count < 0)
      return fail(`violations[${index}].count must be a whole number ≥ 0, on a budget-exceeded entry only`);
    return { ...accepted, count: item.count };
  });
}

/** The identity string of a baseline entry, equal to the identity of the violation it accepts. */
export function identityOf(entry: BaselineEntry): string {
  return entry.rule === 'budget-exceeded'
    ? `budget-exceeded|${entry.from}|${entry.to}`
    : `${entry.rule}|${entry.from}|${entry.to}|${entry.symbol}`;
}

/** The baseline entry that accepts a violation. */
export function entryOf(violation: Violation): BaselineEntry {
  return violation.rule === 'budget-exceeded'
    ? {
        rule: violation.rule,
        from: violation.fromService,
        to: violation.toService,
        symbol: '*',
        ...(violation.count === undefined ? {} : { count: violation.count }),
      }
    : { rule: violation.rule, from: violation.file, to: violation.target, symbol: violation.symbol };
}

/** The baseline file's text: entries unique and sorted, two-space JSON, trailing newline. */
export function renderBaseline(entries: readonly BaselineEntry[]): string {
  const unique = new Map(entries.map((entry) => [identityOf(entry), entry]));
  const sorted = [...unique.values()].sort(
    (a, b) =>
      compareStrings(a.from, b.from) ||
      compareStrings(a.to, b.to) ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.symbol, b.symbol),
  );
  return `${JSON.stringify({ version: BASELINE_VERSION, violations: sorted }, null, 2)}\n`;
}
