import type { Diagnostic } from '../base/diagnostics.js';
import type { BootstrapFact } from '../extract/collect-bootstrap.js';
import type { Endpoint } from './endpoints.js';
import type { EventChannel } from './events.js';
import type { Table } from './tables.js';
import type { ImportKind, ImportSyntax, ModuleId } from '../extract/types.js';

/** One analysed source file. */
export interface ModuleNode {
  /** Module id (POSIX path relative to the analysed root). */
  id: ModuleId;
  /** Physical lines of the file. */
  lines: number;
  /** Declarations it exports itself (re-exports not counted). */
  exports: number;
  /** Of those, interfaces, type aliases and abstract classes. */
  abstractExports: number;
  /** The call that starts the application here, when this is a bootstrap file (`NestFactory.create`, `express()` … `.listen`). */
  bootstrap?: BootstrapFact;
  /** Present when the file selection left the file out and an analysed file's import reached it. */
  reached?: true;
}

/** A dependency of one module on another: what clustering, metrics and the plan read. */
export interface DependencyEdge {
  /** Importing module. */
  from: ModuleId;
  /** Imported module. */
  to: ModuleId;
  /** Import forms used between the pair, in the order of IMPORT_KINDS. */
  kinds: ImportKind[];
  /** True when every import between the pair is type-only. */
  typeOnly: boolean;
  /** Imported names, sorted; `*` for namespace, `export *`, dynamic import and require. */
  symbols: string[];
  /** True when an imported name is wired through NestJS (module lists, constructor injection). */
  wired?: boolean;
  /** True when an imported name is one of the importer's `@Module` providers or controllers: a member of that module. */
  member?: boolean;
}

/** One import statement behind an edge. */
export interface ImportDetail {
  /** 1-based line of the statement in `from`. */
  line: number;
  /** Its kind. */
  kind: ImportKind;
  /** The syntax it was written in. */
  syntax: ImportSyntax;
  /** The specifier as written. */
  specifier: string;
  /** True when the statement is type-only: written `import type`, or every name it imports is a type (see typeSymbols). */
  typeOnly: boolean;
  /** Names it imports, sorted. */
  symbols: string[];
  /** Of those, the types: names marked with an inline `type` (`import { a, type B }`) or declared only as types (interface, type alias, `declare`), sorted; absent when none. */
  typeSymbols?: string[];
}

/** All imports from one module to another as written, merged. */
export interface ModuleEdge extends DependencyEdge {
  /** 1-based lines of the import statements in `from`, ascending. */
  lines: number[];
  /** Every import statement between the pair, by line. */
  details: ImportDetail[];
  /** For each imported name (not `*`), the module that declares it, seen through barrels; sorted by symbol. */
  declarations: { symbol: string; module: ModuleId }[];
}

/** Packages and Node built-ins one module imports. */
export interface ExternalImports {
  /** npm package names, sorted. */
  packages: string[];
  /** Node built-in module names (without `node:`), sorted. */
  builtins: string[];
  /** Non-code files it imports (styles, images, fonts, data), relative to the root, sorted. */
  assets: string[];
  /** Source files outside the analysed root it imports (`../lib/x.ts`, relative to the root) and the folder of the package each belongs to; sorted by path; absent when none. */
  outside?: { path: string; folder: string }[];
}

/** The module dependency graph: plain data, sorted, JSON-serialisable. */
/** An edge as the gate (`seams check`) reads it, its statements sorted by line: a ModuleEdge is one. */
export interface GateEdge extends Pick<ModuleEdge, 'from' | 'to' | 'typeOnly'> {
  details: Pick<ImportDetail, 'line' | 'symbols'>[];
}

/** The graph the gate judges: the modules' ids and the edges as written (a ModuleGraph is one). */
export interface GateGraph {
  modules: Pick<ModuleNode, 'id'>[];
  edges: GateEdge[];
}

export interface ModuleGraph {
  /** Every analysed module, sorted by id. */
  modules: ModuleNode[];
  /** One edge per ordered pair (from imports to) as written (a barrel is the target when the import names it), sorted by from, then to. */
  edges: ModuleEdge[];
  /**
   * The see-through graph that clustering, metrics and the plan use: an import of a name through
   * a barrel counts as an edge to the module that declares the name. Sorted by from, then to.
   */
  dependencies: DependencyEdge[];
  /** Per module with any, its external imports; keys sorted. */
  externals: Record<ModuleId, ExternalImports>;
  /** Data entities and which modules use them (the clustering's data signal, the plan's data ownership). */
  data: DataEntities;
  /** The tables behind the entities (also those declared through a project decorator), with the modules that read, write and use each; sorted by table. */
  tables: Table[];
  /** Problems met assembling endpoints and tables (an ORM used with no entity found, …). */
  diagnostics: Diagnostic[];
  /** HTTP endpoints and API operations, sorted by module, line, method, path. Tables, diagnostics, endpoints and events are empty in a graph built for the gate (`seams check`, build-graph.ts GraphOptions). */
  endpoints: Endpoint[];
  /** Events, messages and queues by name, sorted by transport, then name. */
  events: EventChannel[];
}

/** ORM entities (TypeORM, Prisma, Mongoose, Sequelize) and their users. */
export interface DataEntities {
  /** Every entity found, sorted by name: where it is declared (a module, or a Prisma schema file). */
  entities: { name: string; orm: 'typeorm' | 'prisma' | 'mongoose' | 'sequelize'; declaredIn: string }[];
  /** Module -> entity names it declares or uses, sorted; only modules with any. */
  uses: Record<ModuleId, string[]>;
}

/** Imports from one group of modules (a candidate service) into another: an edge of the dependency graph aggregated by a partition. */
export interface ServiceDependency {
  /** Importing service. */
  from: string;
  /** Imported service. */
  to: string;
  /** Module edges (importer/imported module pairs) from `from` into `to`. */
  imports: number;
  /** Of those, edges that are type-only (and not framework wiring, which couples at run time). */
  typeOnly: number;
}

/** Canonical order of import kinds in every output. */
export const IMPORT_KINDS: readonly ImportKind[] = ['static', 'type', 'dynamic', 'require', 'reexport', 'side-effect'];

/** A cycle of module dependencies (a strongly connected component of two or more modules) and the dependencies to cut to break it. */
export interface ModuleCycle {
  /** Modules of the component, sorted. */
  modules: ModuleId[];
  /** Dependencies between them (ordered module pairs of the see-through graph). */
  dependencies: number;
  /** Dependencies to cut, a feedback arc set of small total weight, sorted by from, then to; `imports` is the number of import statements behind each. */
  cut: { from: ModuleId; to: ModuleId; imports: number }[];
  /** Sum of the cut's `imports`: the import statements to remove or redirect. */
  cutImports: number;
  /** True when the cut was solved exactly: no cut has fewer import statements. */
  exact: boolean;
  /** True when no dependency of the cut is redundant (putting any one back closes a cycle); false only when the search budget ran out on a huge component. */
  minimal: boolean;
}

export type { Endpoint } from './endpoints.js';
