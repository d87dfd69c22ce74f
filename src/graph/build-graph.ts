import { compareStrings } from '../base/compare.js';
import type { Extraction, ImportKind, ModuleExports, ModuleFacts, ModuleId, ModuleImport } from '../extract/types.js';
import { dataEntities } from './data-entities.js';
import { assembleEndpoints } from './endpoints.js';
import { pairEvents } from './events.js';
import { assembleTables } from './tables.js';
import { createDeclarationLookup, type Declaration, type DeclarationLookup } from './declarations.js';
import {
  IMPORT_KINDS,
  type DependencyEdge,
  type ExternalImports,
  type ImportDetail,
  type ModuleEdge,
  type ModuleGraph,
  type ModuleNode,
} from './types.js';
import { getOrCreate } from '../base/collections.js';

/** What the graph is built for. */
export interface GraphOptions {
  /**
   * Whether endpoints, tables and events are assembled (the plan and the reports read them); the
   * gate (`seams check`) reads only the dependencies and leaves them empty.
   */
  interfaces: boolean;
}

/**
 * Merges each module's resolved imports into one edge per ordered pair of analysed modules
 * (self-imports dropped), resolves every imported name to its declaring module through barrels,
 * builds the see-through dependency graph from those declarations, and gathers the packages and
 * built-ins, assets and files outside the root each module uses.
 */
export function buildGraph(extraction: Extraction, options: GraphOptions = { interfaces: true }): ModuleGraph {
  const declaringModule = declarationLookupOf(extraction.modules);
  const edges: ModuleEdge[] = [];
  const dependencies: DependencyEdge[] = [];
  const externals: Record<ModuleId, ExternalImports> = {};
  // Every edge from a module comes from its own imports: module by module (modules are sorted by
  // id, each module's edges by target), the edges come out sorted by from, then to.
  for (const module of extraction.modules) {
    const own = moduleEdges(module, declaringModule);
    edges.push(...own.edges);
    dependencies.push(...own.dependencies);
    if (own.externals !== null) externals[module.id] = own.externals;
  }
  if (
    !extraction.modules.every(
      (module, index, all) => index === 0 || compareStrings(all[index - 1]?.id ?? '', module.id) < 0,
    )
  ) {
    edges.sort(byEnds);
    dependencies.sort(byEnds);
  }
  const tables = options.interfaces
    ? assembleTables(extraction.modules, extraction.prismaModels)
    : { tables: [], diagnostics: [] };
  const endpoints = options.interfaces ? assembleEndpoints(extraction.modules) : { endpoints: [], diagnostics: [] };
  return {
    modules: extraction.modules.map(moduleNode),
    edges,
    dependencies,
    externals,
    data: dataEntities(extraction, dependencies),
    tables: tables.tables,
    diagnostics: [...endpoints.diagnostics, ...tables.diagnostics],
    endpoints: endpoints.endpoints,
    events: options.interfaces ? pairEvents(extraction.modules) : [],
  };
}

/** The barrel see-through lookup over these modules' exports. */
export function declarationLookupOf(modules: readonly Pick<ModuleFacts, 'id' | 'exports'>[]): DeclarationLookup {
  return createDeclarationLookup(
    new Map<ModuleId, ModuleExports>(modules.map((module) => [module.id, module.exports])),
  );
}

/** A module's node in the graph. */
export function moduleNode(module: ModuleFacts): ModuleNode {
  return {
    id: module.id,
    lines: module.lines,
    exports: module.exports.local.length,
    abstractExports: module.exports.abstract.length,
    ...(module.bootstrap === null ? {} : { bootstrap: module.bootstrap }),
    ...(module.reached === true ? { reached: true as const } : {}),
  };
}

/**
 * The edges from one module (as written, and see-through), sorted by target, and its external
 * imports (null when none). They depend on the module's own imports, wiring and members and,
 * through `declaringModule`, on the exports of the modules its imports name.
 */
export function moduleEdges(
  module: Pick<ModuleFacts, 'id' | 'imports' | 'wiring' | 'members'>,
  declaringModule: DeclarationLookup,
): { edges: ModuleEdge[]; dependencies: DependencyEdge[]; externals: ExternalImports | null } {
  const writtenEdges = new EdgeMerger();
  const seeThrough = new EdgeMerger();
  const packages = new Set<string>();
  const builtins = new Set<string>();
  const assets = new Set<string>();
  const outside = new Map<string, string>();
  const wiring = new Set(module.wiring);
  const members = new Set(module.members);
  for (const written of module.imports) {
    const target = written.target;
    if (target.type === 'package') packages.add(target.name);
    if (target.type === 'builtin') builtins.add(target.name);
    if (target.type === 'asset') assets.add(target.path);
    if (target.type === 'outside') outside.set(target.path, target.folder);
    if (target.type !== 'internal' || target.module === module.id) continue;
    const declared = new Map<string, Declaration>();
    for (const symbol of written.symbols) {
      declared.set(
        symbol,
        symbol === '*'
          ? { module: target.module, name: symbol, typeOnly: false }
          : (declaringModule(target.module, symbol) ?? { module: target.module, name: symbol, typeOnly: false }),
      );
    }
    const item = asDeclared(written, declared);
    const edge = writtenEdges.add(
      module.id,
      target.module,
      item,
      item.symbols.some((symbol) => wiring.has(symbol)),
      item.symbols.some((symbol) => members.has(symbol)),
    );
    const byTarget = new Map<ModuleId, string[]>();
    for (const symbol of item.symbols) {
      const declaring = (declared.get(symbol) as Declaration).module;
      if (symbol !== '*') {
        edge.declarations ??= new Map();
        edge.declarations.set(symbol, declaring);
      }
      getOrCreate(byTarget, declaring, () => []).push(symbol);
    }
    if (item.symbols.length === 0) byTarget.set(target.module, []);
    for (const [declaring, symbols] of byTarget) {
      if (declaring === module.id) continue;
      // The names that reach this module may be some, or all, of the type names of a mixed statement.
      const typeNames =
        item.typeSymbols === undefined
          ? 0
          : symbols.filter((symbol) => item.typeSymbols?.includes(symbol) === true).length;
      const allTypes = typeNames > 0 && typeNames === symbols.length;
      seeThrough.addDependency(
        module.id,
        declaring,
        allTypes && item.kind === 'static' ? 'type' : item.kind,
        allTypes || item.typeOnly,
        symbols,
        symbols.some((symbol) => wiring.has(symbol)),
        symbols.some((symbol) => members.has(symbol)),
      );
    }
  }
  const externals =
    packages.size > 0 || builtins.size > 0 || assets.size > 0 || outside.size > 0
      ? {
          packages: [...packages].sort(compareStrings),
          builtins: [...builtins].sort(compareStrings),
          assets: [...assets].sort(compareStrings),
          ...(outside.size === 0
            ? {}
            : {
                outside: [...outside.keys()]
                  .sort(compareStrings)
                  .map((file) => ({ path: file, folder: outside.get(file) as string })),
              }),
        }
      : null;
  return { edges: writtenEdges.edges(), dependencies: seeThrough.dependencies(), externals };
}

/**
 * The statement with the names its declaring modules declare only as types counted as type names
 * (as if written with an inline `type`): a statement all of whose names are types is type-only
 * (a static one becomes kind `type`), since nothing of it crosses at run time.
 */
function asDeclared(item: ModuleImport, declared: ReadonlyMap<string, Declaration>): ModuleImport {
  if (item.typeOnly || item.symbols.length === 0) return item;
  const types = item.symbols.filter(
    (symbol) => item.typeSymbols?.includes(symbol) === true || declared.get(symbol)?.typeOnly === true,
  );
  if (types.length === 0) return item;
  const { typeSymbols: _written, ...rest } = item;
  if (types.length === item.symbols.length)
    return { ...rest, typeOnly: true, kind: item.kind === 'static' ? 'type' : item.kind };
  return { ...rest, typeSymbols: types };
}

/** One edge per ordered pair, being accumulated. */
interface PendingEdge {
  from: ModuleId;
  to: ModuleId;
  kinds: Set<ImportKind>;
  typeOnly: boolean;
  wired: boolean;
  member: boolean;
  symbols: Set<string>;
  details: ImportDetail[];
  /** For each imported name (not `*`), the module that declares it; absent until one is named. */
  declarations?: Map<string, ModuleId>;
}

/** Accumulates import statements into one edge per ordered pair (with the statements behind it, when added with `add`). */
class EdgeMerger {
  /** from -> to -> edge: keyed by the ids themselves, whose hashes V8 keeps, not by a new pair string per statement. */
  private readonly byPair = new Map<ModuleId, Map<ModuleId, PendingEdge>>();

  /** One statement, kept as a detail of the edge. */
  add(from: ModuleId, to: ModuleId, item: ModuleImport, wired: boolean, member: boolean): PendingEdge {
    const edge = this.addDependency(from, to, item.kind, item.typeOnly, item.symbols, wired, member);
    edge.details.push({
      line: item.line,
      kind: item.kind,
      syntax: item.syntax,
      specifier: item.specifier,
      typeOnly: item.typeOnly,
      symbols: [...item.symbols].sort(compareStrings),
      ...(item.typeSymbols === undefined ? {} : { typeSymbols: item.typeSymbols }),
    });
    return edge;
  }

  /** Some names of one statement, counted in the edge only (no detail); the edge they join. */
  addDependency(
    from: ModuleId,
    to: ModuleId,
    kind: ImportKind,
    typeOnly: boolean,
    symbols: readonly string[],
    wired: boolean,
    member: boolean,
  ): PendingEdge {
    const row = getOrCreate(this.byPair, from, () => new Map());
    let edge = row.get(to);
    if (edge === undefined) {
      edge = {
        from,
        to,
        kinds: new Set(),
        typeOnly: true,
        wired: false,
        member: false,
        symbols: new Set(),
        details: [],
      };
      row.set(to, edge);
    }
    edge.wired ||= wired;
    edge.member ||= member;
    edge.kinds.add(kind);
    edge.typeOnly &&= typeOnly;
    for (const symbol of symbols) edge.symbols.add(symbol);
    return edge;
  }

  /** The edges without their statements, sorted by from, then to. */
  dependencies(): DependencyEdge[] {
    return this.sorted().map((edge) => summaryOf(edge));
  }

  /** The edges with their statements by line and the names' declaring modules, sorted by from, then to. */
  edges(): ModuleEdge[] {
    return this.sorted().map((edge) => {
      const details = edge.details.sort((a, b) => a.line - b.line || compareStrings(a.specifier, b.specifier));
      return {
        ...summaryOf(edge),
        lines: [...new Set(details.map((detail) => detail.line))],
        details,
        declarations: [...(edge.declarations ?? [])]
          .map(([symbol, module]) => ({ symbol, module }))
          .sort((a, b) => compareStrings(a.symbol, b.symbol)),
      };
    });
  }

  private sorted(): PendingEdge[] {
    return [...this.byPair.values()].flatMap((row) => [...row.values()]).sort(byEnds);
  }
}

/** Edges by from, then to. */
function byEnds(a: { from: ModuleId; to: ModuleId }, b: { from: ModuleId; to: ModuleId }): number {
  return compareStrings(a.from, b.from) || compareStrings(a.to, b.to);
}

/** An edge's kinds, names and flags, as both the dependencies and the edges carry them. */
function summaryOf(edge: PendingEdge): DependencyEdge {
  // `wired` and `member` are set only when true, so graphs without NestJS wiring keep their shape.
  return {
    from: edge.from,
    to: edge.to,
    kinds: IMPORT_KINDS.filter((kind) => edge.kinds.has(kind)),
    typeOnly: edge.typeOnly,
    symbols: [...edge.symbols].sort(compareStrings),
    ...(edge.wired ? { wired: true as const } : {}),
    ...(edge.member ? { member: true as const } : {}),
  };
}
