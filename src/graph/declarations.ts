/**
 * Barrel see-through: the module that declares an exported name, found by following the
 * exporting module's `export { a as b } from`, re-exported imported bindings and `export *`
 * chains (ECMAScript semantics: `export *` never forwards `default`). Chains are followed to a
 * depth of MAX_DEPTH and cycles among barrels end the search, so every lookup terminates.
 * A name is a type when its declaring module declares it only as a type (interface, type alias,
 * ambient declaration) or when a link of the chain re-exports it with `export type`: nothing of
 * it exists at run time, whatever the importing statement says.
 */
import type { ModuleExports, ModuleId } from '../extract/types.js';
import { pairKey } from '../base/collections.js';

/** Longest re-export chain followed. */
const MAX_DEPTH = 64;

/** Where an exported name is declared, and whether it is only a type there. */
export interface Declaration {
  module: ModuleId;
  typeOnly: boolean;
}

export type DeclarationLookup = (module: ModuleId, name: string) => Declaration | null;

export function createDeclarationLookup(exportsOf: ReadonlyMap<ModuleId, ModuleExports>): DeclarationLookup {
  const memo = new Map<string, Declaration | null>();
  const lookup = (module: ModuleId, name: string, visiting: Set<string>, depth: number): Declaration | null => {
    const key = pairKey(module, name);
    if (memo.has(key)) return memo.get(key) as Declaration | null;
    if (visiting.has(key) || depth > MAX_DEPTH) return null;
    const exports = exportsOf.get(module);
    if (exports === undefined) return null;
    visiting.add(key);
    let found: Declaration | null = null;
    if (exports.local.includes(name)) {
      found = { module, typeOnly: exports.types?.includes(name) === true };
    } else {
      const reexport = exports.reexports.find((item) => item.name === name);
      if (reexport !== undefined) {
        const further =
          reexport.imported === '*' ? null : lookup(reexport.module, reexport.imported, visiting, depth + 1);
        found = {
          module: further?.module ?? reexport.module,
          typeOnly: reexport.typeOnly === true || further?.typeOnly === true,
        };
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
