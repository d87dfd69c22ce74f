/**
 * Barrel see-through: the module that declares an exported name, found by following the
 * exporting module's `export { a as b } from`, re-exported imported bindings and `export *`
 * chains (ECMAScript semantics: `export *` never forwards `default`). Chains are followed to a
 * depth of MAX_DEPTH and cycles among barrels end the search, so every lookup terminates.
 * A name is a type when its declaring module declares it only as a type (interface, type alias,
 * ambient declaration) or when a link of the chain re-exports it with `export type`: nothing of
 * it exists at run time, whatever the importing statement says.
 *
 * Speed: each module's export map (every name it can export, and the first `export *` that can
 * forward it) is built once, when a lookup first goes through its `export *` list, so a barrel of
 * hundreds of `export *` sends each imported name straight to the modules that may declare it
 * instead of asking every one of them. A module whose `export *` chains loop back (or run deeper
 * than MAX_MAP_DEPTH) gets no map and is searched star by star, as the definition reads.
 */
import type { ModuleExports, ModuleId } from '../extract/types.js';
import { getOrCreate, pairKey } from '../base/collections.js';

/** Longest re-export chain followed. */
const MAX_DEPTH = 64;

/** Longest `export *` chain an export map is built through. */
const MAX_MAP_DEPTH = 256;

/** Where an exported name is declared, under which name there, and whether it is only a type there. */
export interface Declaration {
  module: ModuleId;
  /** The name in `module` (differs from the name looked up when a link re-exports it renamed: `export { a as b }`). */
  name: string;
  typeOnly: boolean;
}

export type DeclarationLookup = (module: ModuleId, name: string) => Declaration | null;

/** Lists this long or longer are searched through a set or a map. */
const INDEX_FROM = 16;

type Reexport = ModuleExports['reexports'][number];

/** A module's exports, long lists as sets and maps for constant-time membership. */
interface ExportIndex {
  local: readonly string[] | ReadonlySet<string>;
  types: readonly string[] | ReadonlySet<string>;
  /** The re-exports, or the first re-export of each exported name. */
  reexports: readonly Reexport[] | ReadonlyMap<string, Reexport>;
  stars: readonly ModuleId[];
}

function contains(items: readonly string[] | ReadonlySet<string>, name: string): boolean {
  return items instanceof Set ? items.has(name) : (items as readonly string[]).includes(name);
}

function reexportOf(reexports: ExportIndex['reexports'], name: string): Reexport | undefined {
  return reexports instanceof Map
    ? reexports.get(name)
    : (reexports as readonly Reexport[]).find((item) => item.name === name);
}

function searchable(items: readonly string[]): readonly string[] | ReadonlySet<string> {
  return items.length < INDEX_FROM ? items : new Set(items);
}

export function createDeclarationLookup(
  exportsOf: Pick<ReadonlyMap<ModuleId, ModuleExports>, 'get'>,
): DeclarationLookup {
  const memo = new Map<ModuleId, Map<string, Declaration | null>>();
  const indexes = new Map<ModuleId, ExportIndex | null>();
  const indexOf = (module: ModuleId): ExportIndex | null =>
    getOrCreate(indexes, module, () => {
      const exports = exportsOf.get(module);
      if (exports === undefined) return null;
      let reexports: ExportIndex['reexports'] = exports.reexports;
      if (exports.reexports.length >= INDEX_FROM) {
        const first = new Map<string, Reexport>();
        for (const item of exports.reexports) if (!first.has(item.name)) first.set(item.name, item);
        reexports = first;
      }
      return {
        local: searchable(exports.local),
        types: searchable(exports.types ?? []),
        reexports,
        stars: exports.stars,
      };
    });
  const exportMaps = new Map<ModuleId, ReadonlyMap<string, number> | null>();
  const building = new Set<ModuleId>();
  /** Every name `module` can export, with the index of the first `export *` that may forward it (-1: its own or an explicit re-export); null when unknown (a loop). */
  const exportMap = (module: ModuleId, depth: number): ReadonlyMap<string, number> | null => {
    const known = exportMaps.get(module);
    if (known !== undefined) return known;
    if (building.has(module) || depth > MAX_MAP_DEPTH) return null;
    const index = indexOf(module);
    const names = new Map<string, number>();
    let complete = true;
    if (index !== null) {
      building.add(module);
      for (const name of index.local) names.set(name, -1);
      for (const item of index.reexports.values()) if (!names.has(item.name)) names.set(item.name, -1);
      for (const [position, star] of index.stars.entries()) {
        const forwarded = exportMap(star, depth + 1);
        if (forwarded === null) {
          complete = false;
          break;
        }
        for (const name of forwarded.keys()) if (name !== 'default' && !names.has(name)) names.set(name, position);
      }
      building.delete(module);
    }
    const result = complete ? names : null;
    exportMaps.set(module, result);
    return result;
  };
  const lookup = (module: ModuleId, name: string, visiting: Set<string>, depth: number): Declaration | null => {
    const memoOf = memo.get(module);
    const memoised = memoOf?.get(name);
    if (memoised !== undefined) return memoised;
    if (depth > MAX_DEPTH) return null;
    const exports = indexOf(module);
    if (exports === null) return null;
    // A name the module declares needs no search (and cannot be on the path searched: that path left the module for it).
    if (contains(exports.local, name)) return { module, name, typeOnly: contains(exports.types, name) };
    const key = pairKey(module, name);
    if (visiting.has(key)) return null;
    visiting.add(key);
    let found: Declaration | null = null;
    const reexport = reexportOf(exports.reexports, name);
    if (reexport !== undefined) {
      const further =
        reexport.imported === '*' ? null : lookup(reexport.module, reexport.imported, visiting, depth + 1);
      found = {
        module: further?.module ?? reexport.module,
        name: further?.name ?? reexport.imported,
        typeOnly: reexport.typeOnly === true || further?.typeOnly === true,
      };
    } else if (name !== 'default' && exports.stars.length > 0) {
      const names = exportMap(module, 0);
      // A star whose export map lacks the name would answer null, and store nothing: it is skipped.
      const first = names === null ? 0 : names.get(name);
      if (first !== undefined) {
        for (let position = first; position < exports.stars.length; position++) {
          const star = exports.stars[position] as ModuleId;
          if (names !== null && (exportMap(star, 0) as ReadonlyMap<string, number>).has(name) === false) continue;
          found = lookup(star, name, visiting, depth + 1);
          if (found !== null) break;
        }
      }
    }
    visiting.delete(key);
    if (visiting.size === 0 || found !== null) (memoOf ?? getOrCreate(memo, module, () => new Map())).set(name, found);
    return found;
  };
  return (module, name) => lookup(module, name, new Set(), 0);
}
