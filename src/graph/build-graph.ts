import { compareStrings } from '../base/compare.js';
import type { Extraction, ImportKind, ModuleExports, ModuleId, ModuleImport } from '../extract/types.js';
import { dataEntities } from './data-entities.js';
import { createDeclarationLookup, type Declaration } from './declarations.js';
import {
  IMPORT_KINDS,
  type DependencyEdge,
  type ExternalImports,
  type ImportDetail,
  type ModuleEdge,
  type ModuleGraph,
} from './types.js';
import { pairKey, getOrCreate } from '../base/collections.js';

/**
 * Merges each module's resolved imports into one edge per ordered pair of analysed modules
 * (self-imports dropped), resolves every imported name to its declaring module through barrels,
 * builds the see-through dependency graph from those declarations, and gathers the packages and
 * built-ins, assets and files outside the root each module uses.
 */
export function buildGraph(extraction: Extraction): ModuleGraph {
  const exportsOf = new Map<ModuleId, ModuleExports>(extraction.modules.map((module) => [module.id, module.exports]));
  const declaringModule = createDeclarationLookup(exportsOf);
  const writtenEdges = new EdgeMerger();
  const seeThrough = new EdgeMerger();
  const declarations = new Map<string, Map<string, ModuleId>>();
  const externals: Record<ModuleId, ExternalImports> = {};
  for (const module of extraction.modules) {
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
            ? { module: target.module, typeOnly: false }
            : (declaringModule(target.module, symbol) ?? { module: target.module, typeOnly: false }),
        );
      }
      const item = asDeclared(written, declared);
      writtenEdges.add(
        module.id,
        target.module,
        item,
        item.symbols.some((symbol) => wiring.has(symbol)),
        item.symbols.some((symbol) => members.has(symbol)),
      );
      const byTarget = new Map<ModuleId, string[]>();
      for (const symbol of item.symbols) {
        const declaring = (declared.get(symbol) as Declaration).module;
        if (symbol !== '*')
          getOrCreate(declarations, pairKey(module.id, target.module), () => new Map<string, ModuleId>()).set(
            symbol,
            declaring,
          );
        getOrCreate(byTarget, declaring, () => []).push(symbol);
      }
      if (item.symbols.length === 0) byTarget.set(target.module, []);
      for (const [declaring, symbols] of byTarget) {
        if (declaring === module.id) continue;
        // The names that reach this module may be some, or all, of the type names of a mixed statement.
        const { typeSymbols: _statementTypes, ...statement } = item;
        const typeNames = symbols.filter((symbol) => item.typeSymbols?.includes(symbol) === true);
        const part =
          typeNames.length === 0
            ? { ...statement, symbols }
            : typeNames.length === symbols.length
              ? { ...statement, symbols, typeOnly: true, kind: item.kind === 'static' ? ('type' as const) : item.kind }
              : { ...statement, symbols, typeSymbols: typeNames };
        seeThrough.add(
          module.id,
          declaring,
          part,
          symbols.some((symbol) => wiring.has(symbol)),
          symbols.some((symbol) => members.has(symbol)),
        );
      }
    }
    if (packages.size > 0 || builtins.size > 0 || assets.size > 0 || outside.size > 0) {
      externals[module.id] = {
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
      };
    }
  }
  const dependencies = seeThrough.edges().map(({ from, to, kinds, typeOnly, symbols, wired, member }) => ({
    from,
    to,
    kinds,
    typeOnly,
    symbols,
    ...(wired ? { wired } : {}),
    ...(member ? { member } : {}),
  }));
  const edges: ModuleEdge[] = writtenEdges.edges().map((edge) => ({
    ...edge,
    declarations: [...(declarations.get(pairKey(edge.from, edge.to)) ?? new Map<string, ModuleId>()).entries()]
      .map(([symbol, module]) => ({ symbol, module }))
      .sort((a, b) => compareStrings(a.symbol, b.symbol)),
  }));
  return {
    modules: extraction.modules.map((module) => ({
      id: module.id,
      lines: module.lines,
      exports: module.exports.local.length,
      abstractExports: module.exports.abstract.length,
      ...(module.bootstrap === null ? {} : { bootstrap: module.bootstrap }),
      ...(module.reached === true ? { reached: true as const } : {}),
    })),
    edges,
    dependencies,
    externals,
    data: dataEntities(extraction, dependencies),
  };
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

/** Accumulates import statements into one edge per ordered pair. */
class EdgeMerger {
  private readonly byPair = new Map<
    string,
    {
      from: ModuleId;
      to: ModuleId;
      kinds: Set<ImportKind>;
      typeOnly: boolean;
      wired: boolean;
      member: boolean;
      symbols: Set<string>;
      details: ImportDetail[];
    }
  >();

  add(from: ModuleId, to: ModuleId, item: ModuleImport, wired: boolean, member: boolean): void {
    const key = pairKey(from, to);
    let edge = this.byPair.get(key);
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
      this.byPair.set(key, edge);
    }
    edge.wired ||= wired;
    edge.member ||= member;
    edge.kinds.add(item.kind);
    edge.typeOnly &&= item.typeOnly;
    for (const symbol of item.symbols) edge.symbols.add(symbol);
    edge.details.push({
      line: item.line,
      kind: item.kind,
      syntax: item.syntax,
      specifier: item.specifier,
      typeOnly: item.typeOnly,
      symbols: [...item.symbols].sort(compareStrings),
      ...(item.typeSymbols === undefined ? {} : { typeSymbols: item.typeSymbols }),
    });
  }

  edges(): (DependencyEdge & { lines: number[]; details: ImportDetail[] })[] {
    // `wired` and `member` are set only when true, so graphs without NestJS wiring keep their shape.
    return [...this.byPair.values()]
      .map((edge) => {
        const details = [...edge.details].sort((a, b) => a.line - b.line || compareStrings(a.specifier, b.specifier));
        return {
          from: edge.from,
          to: edge.to,
          kinds: IMPORT_KINDS.filter((kind) => edge.kinds.has(kind)),
          typeOnly: edge.typeOnly,
          symbols: [...edge.symbols].sort(compareStrings),
          ...(edge.wired ? { wired: true as const } : {}),
          ...(edge.member ? { member: true as const } : {}),
          lines: [...new Set(details.map((detail) => detail.line))],
          details,
        };
      })
      .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  }
}
