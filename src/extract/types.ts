import type { Diagnostic } from '../base/diagnostics.js';
import type { BootstrapFact } from './collect-bootstrap.js';
import type { EntityFacts } from './collect-entities.js';
import type { EventFact } from './collect-events.js';
import type { RouteFacts } from './collect-routes.js';
import type { PrismaModel } from './read-prisma.js';

/** POSIX path of a source file relative to the analysed root, e.g. `src/orders/order-service.ts`. */
export type ModuleId = string;

/** How one module refers to another. */
export type ImportKind = 'static' | 'type' | 'dynamic' | 'require' | 'reexport' | 'side-effect';

/** The syntax an import was written in (more detail than its kind). */
export type ImportSyntax =
  | 'import'
  | 'export-from'
  | 'import-equals'
  | 'import-call'
  | 'require-call'
  | 'import-type'
  | 'jsdoc-import-type'
  | 'reference-path';

/** One import statement as written, before resolution. */
export interface RawImport {
  /** The module specifier text, e.g. `../shared/logger` or `@nestjs/common`. */
  specifier: string;
  /** The syntactic form of the import. */
  kind: ImportKind;
  /** True when the statement imports types only (`import type`, or every specifier is `type`). */
  typeOnly: boolean;
  /** Imported names, sorted: `default`, `*` for namespace / `export *` / dynamic / require. */
  symbols: string[];
  /** Of `symbols`, those marked with an inline `type` in a statement that is not type-only (`import { a, type B }`), sorted; absent when none. */
  typeSymbols?: string[];
  /** 1-based line of the statement. */
  line: number;
  /** The syntax it was written in. */
  syntax: ImportSyntax;
}

/** What a module exports, as written: the input of barrel see-through. */
export interface RawExports {
  /** Names declared in the module and exported (`default` for a default export), sorted. */
  local: string[];
  /** Names re-exported from another module: `export { a as name } from`, or an imported binding re-exported; `typeOnly` when written `export type` (or imported with `import type`). */
  reexports: { name: string; specifier: string; imported: string; typeOnly?: true }[];
  /** Specifiers of `export * from`. */
  stars: string[];
  /** Local exports that are abstract: interfaces, type aliases, abstract classes; sorted. */
  abstract: string[];
  /** Local exports that exist only as types (interfaces, type aliases, ambient declarations, `export type`); sorted; absent when none. */
  types?: string[];
}

/** What a module exports, with re-export targets resolved to analysed modules. */
export interface ModuleExports {
  /** Names declared in the module and exported, sorted. */
  local: string[];
  /** Exported `name` is `imported` of `module` (`*`: the module's namespace); `typeOnly` when re-exported as a type only. Sorted by name. */
  reexports: { name: string; module: ModuleId; imported: string; typeOnly?: true }[];
  /** Modules re-exported with `export * from`, in source order. */
  stars: ModuleId[];
  /** Local exports that are abstract: interfaces, type aliases, abstract classes; sorted. */
  abstract: string[];
  /** Local exports that exist only as types, sorted; absent when none. */
  types?: string[];
}

/** Where a specifier resolved to. */
export type ImportTarget =
  | { type: 'internal'; module: ModuleId }
  | { type: 'package'; name: string; installed: boolean }
  | { type: 'builtin'; name: string }
  /** A file under the root that is not analysed (left out by the file selection, or skipped); `path` relative to the root. */
  | { type: 'excluded'; path: string }
  /** A file outside the analysed root (`../lib/x.ts`, relative to the root), and the folder of the package it belongs to (`../lib`). */
  | { type: 'outside'; path: string; folder: string }
  | { type: 'asset'; path: string }
  | { type: 'unresolved' };

/** One import statement with its resolved target. */
export interface ModuleImport extends RawImport {
  /** The module the specifier resolves to under the project's compiler options. */
  target: ImportTarget;
}

/** Everything extraction learnt about one source file. */
export interface ModuleFacts {
  /** Module id. */
  id: ModuleId;
  /** Physical lines of the file. */
  lines: number;
  /** Import statements in source order. */
  imports: ModuleImport[];
  /** Its exports, for barrel see-through. */
  exports: ModuleExports;
  /** Its vocabulary: identifier and path words -> occurrences, keys sorted (semantic coupling). */
  terms: Record<string, number>;
  /** ORM entities it declares and the entity names it uses. */
  entities: EntityFacts;
  /** Names it wires through NestJS modules and constructor injection, sorted. */
  wiring: string[];
  /** Of those, the providers and controllers its `@Module` lists (its own members), sorted. */
  members: string[];
  /** The call that starts the application in this file (a bootstrap file), or null. */
  bootstrap: BootstrapFact | null;
  /** Events, messages and jobs it emits and listens to (collect-events.ts), sorted by line; absent when none. */
  events?: EventFact[];
  /** HTTP routes, API operations, router mounts and exports, NestJS setup written in it; absent when none. */
  api?: RouteFacts;
  /** Exported string constants by key (`X`, `O.A`, `E.A`); absent when none. */
  constants?: Record<string, string>;
  /** Present when the file selection left it out and an analysed file's import reached it (FILE_REACHED_BY_IMPORT). */
  reached?: true;
}

/** Output of the extract stage: plain, JSON-serialisable facts per module. */
export interface Extraction {
  /** One entry per analysed file, sorted by id. */
  modules: ModuleFacts[];
  /** Prisma models declared in `.prisma` schema files under the root. */
  prismaModels: PrismaModel[];
  /** Parse errors, unresolved imports and the like. */
  diagnostics: Diagnostic[];
}
