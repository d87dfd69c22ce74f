/**
 * Barrel see-through: the module that declares an exported name, found by following the
 * exporting module's `export { a as b } from`, re-exported imported bindings and `export *`
 * chains (ECMAScript semantics: `export *` never forwards `default`). Chains are followed to a
 * depth of MAX_DEPTH and cycles among barrels end the search, so every lookup terminates.
 */
import type { ModuleExports, ModuleId } from '../extract/types.js';

/** Longest re-export chain followed. */
const MAX_DEPTH = 64;

export type DeclarationLookup = (module: ModuleId, name: string) => ModuleId | null;

export function createDeclarationLookup(exportsOf: ReadonlyMap<ModuleId, ModuleExports>): DeclarationLookup {
  const memo = new Map<string, ModuleId | null>();
  const lookup = (module: ModuleId, name: string, visiting: Set<string>, depth: number): ModuleId | null => {
    const key = `${module}\u0000${name}`;
    if (memo.has(key)) return memo.get(key) as ModuleId | null;
    if (visiting.has(key) || depth > MAX_DEPTH) return null;
    const exports = exportsOf.get(module);
    if (exports === undefined) return null;
    visiting.add(key);
    let found: ModuleId | null = null;
    if (exports.local.includes(name)) {
      found = module;
    } else {
      const reexport = exports.reexports.find((item) => item.name === name);
      if (reexport !== undefined) {
        found = reexport.imported === '*' ? reexport.module : (lookup(reexport.module, reexport.imported, visiting, depth + 1) ?? reexport.module);
      } else if (name !== 'default') {
        for (const star of exports.stars) {
          found = lookup(star, name, visiting, depth + 1);
          if (found !== null) break;
        }
      }
    }
    visiting.delete(key);
    if (visiting.size === 0 || found !== null) memo.set(key, found);
    return found;
  };
  return (module, name) => lookup(module, name, new Set(), 0);
}
