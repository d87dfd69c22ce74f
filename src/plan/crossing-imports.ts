import type { ClusterId, Partition } from '../cluster/types.js';
import type { ModuleId } from '../extract/types.js';
import { compareStrings } from '../base/compare.js';
import type { ImportDetail, ModuleGraph } from '../graph/types.js';
import type { CrossingImport } from './types.js';
import { pairKey, getOrCreate } from '../base/collections.js';

/**
 * Every import statement between two different services, keyed `from\0to` by service pair, seen
 * through barrels like the service dependency graph: the names of one statement are split by the
 * module that declares them, so an import of a kernel name through a barrel another service
 * happens to hold is not a crossing, and `via` names the barrel when the statement went through one.
 * A type-only import that framework wiring uses at run time (graph `wired`) is marked `wired`.
 */
export function crossingImports(graph: ModuleGraph, partition: Partition): Map<string, CrossingImport[]> {
  // Service -> service -> imports: keyed by the ids themselves, not by a new pair string per statement.
  const bySource = new Map<ClusterId, Map<ClusterId, CrossingImport[]>>();
  const wired = new Set(
    graph.dependencies.filter((edge) => edge.wired === true).map((edge) => pairKey(edge.from, edge.to)),
  );
  const add = (from: ClusterId, to: ClusterId, item: CrossingImport) =>
    getOrCreate(
      getOrCreate(bySource, from, () => new Map()),
      to,
      () => [],
    ).push(item);
  for (const edge of graph.edges) {
    const from = partition.assignment[edge.from];
    if (from === undefined) continue;
    // Usually every name is declared in the imported module itself: each statement is one crossing, or none.
    const direct = edge.declarations.every((item) => item.module === edge.to);
    const declaredIn = direct ? null : new Map(edge.declarations.map((item) => [item.symbol, item.module]));
    for (const detail of edge.details) {
      if (direct || detail.symbols.length === 0) {
        const to = partition.assignment[edge.to];
        if (to === undefined || to === from || edge.to === edge.from) continue;
        add(from, to, crossing(edge.from, edge.to, edge.to, detail, [...detail.symbols], wired));
        continue;
      }
      const byModule = new Map<string, string[]>();
      for (const symbol of detail.symbols) {
        const module = symbol === '*' ? edge.to : (declaredIn?.get(symbol) ?? edge.to);
        getOrCreate(byModule, module, () => []).push(symbol);
      }
      for (const [module, symbols] of byModule) {
        const to = partition.assignment[module];
        if (to === undefined || to === from || module === edge.from) continue;
        add(from, to, crossing(edge.from, module, edge.to, detail, symbols, wired));
      }
    }
  }
  const byPair = new Map<string, CrossingImport[]>();
  for (const [from, row] of bySource) {
    for (const [to, list] of row) byPair.set(pairKey(from, to), list.sort(compareCrossing));
  }
  return byPair;
}

/** The names `symbols` of the statement `detail` of `from`, declared in `module`, imported through `imported`. */
function crossing(
  from: ModuleId,
  module: ModuleId,
  imported: ModuleId,
  detail: ImportDetail,
  symbols: string[],
  wired: ReadonlySet<string>,
): CrossingImport {
  const typeOnly =
    detail.typeOnly || (symbols.length > 0 && symbols.every((symbol) => detail.typeSymbols?.includes(symbol) === true));
  const item: CrossingImport =
    module === imported
      ? { from, line: detail.line, to: module, symbols, typeOnly }
      : { from, line: detail.line, to: module, via: imported, symbols, typeOnly };
  if (typeOnly && wired.has(pairKey(from, module))) item.wired = true;
  return item;
}

export function compareCrossing(a: CrossingImport, b: CrossingImport): number {
  return compareStrings(a.from, b.from) || a.line - b.line || compareStrings(a.to, b.to);
}
