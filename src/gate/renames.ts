import type { ModuleId } from '../extract/types.js';
import type { BaselineEntry } from './types.js';

/**
 * The baseline with git's renames applied (`renamedFrom`: new module id -> old id, from
 * `--changed-since`): an entry naming a renamed module, as the importer or as the imported module,
 * names its new id, so a renamed file keeps its accepted violations (and `--update-baseline`
 * writes them under the new id). Budget entries name services and are kept as they are.
 */
export function followRenames(
  baseline: readonly BaselineEntry[],
  renamedFrom: ReadonlyMap<ModuleId, ModuleId>,
): BaselineEntry[] {
  if (renamedFrom.size === 0) return [...baseline];
  const renamedTo = new Map([...renamedFrom].map(([now, before]) => [before, now]));
  return baseline.map((entry) =>
    entry.rule === 'budget-exceeded'
      ? entry
      : { ...entry, from: renamedTo.get(entry.from) ?? entry.from, to: renamedTo.get(entry.to) ?? entry.to },
  );
}
