import type { ImportKind, ModuleId } from '../extract/types.js';

/** One analysed source file. */
export interface ModuleNode {
  /** Module id (POSIX path relative to the analysed root). */
  id: ModuleId;
  /** Physical lines of the file. */
  lines: number;
}

/** All imports from one module to another, merged. */
export interface ModuleEdge {
  /** Importing module. */
  from: ModuleId;
  /** Imported module, as written (a barrel is the target when the import names the barrel). */
  to: ModuleId;
  /** Import forms used between the pair, in the order of IMPORT_KINDS. */
  kinds: ImportKind[];
  /** True when every import between the pair is type-only. */
  typeOnly: boolean;
  /** Imported names, sorted; `*` for namespace, `export *`, dynamic import and require. */
  symbols: string[];
  /** 1-based lines of the import statements in `from`, ascending. */
  lines: number[];
}

/** Packages and Node built-ins one module imports. */
export interface ExternalImports {
  /** npm package names, sorted. */
  packages: string[];
  /** Node built-in module names (without `node:`), sorted. */
  builtins: string[];
}

/** The module dependency graph: plain data, sorted, JSON-serialisable. */
export interface ModuleGraph {
  /** Every analysed module, sorted by id. */
  modules: ModuleNode[];
  /** One edge per ordered pair (from imports to), sorted by from, then to. */
  edges: ModuleEdge[];
  /** Per module with any, its external imports; keys sorted. */
  externals: Record<ModuleId, ExternalImports>;
}

/** Canonical order of import kinds in every output. */
export const IMPORT_KINDS: readonly ImportKind[] = ['static', 'type', 'dynamic', 'require', 'reexport', 'side-effect'];
