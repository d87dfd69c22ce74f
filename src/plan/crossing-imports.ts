import type { Partition } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleGraph } from '../graph/types.js';
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
  const byPair = new Map<string, CrossingImport[]>();
  const wired = new Set(
    graph.dependencies.filter((edge) => edge.wired === true).map((edge) => pairKey(edge.from, edge.to)),
  );
  for (const edge of graph.edges) {
    const from = partition.assignment[edge.from];
    if (from === undefined) continue;
    const declaredIn = new Map(edge.declarations.map((item) => [item.symbol, item.module]));
    for (const detail of edge.details) {
      const byModule = new Map<string, string[]>();
      for (const symbol of detail.symbols) {
        const module = symbol === '*' ? edge.to : (declaredIn.get(symbol) ?? edge.to);
        const names = getOrCreate(byModule, module, () => []);
        names.push(symbol);
      }
      if (detail.symbols.length === 0) byModule.set(edge.to, []);
      for (const [module, symbols] of byModule) {
        const to = partition.assignment[module];
        if (to === undefined || to === from || module === edge.from) continue;
        const key = pairKey(from, to);
        const list = getOrCreate(byPair, key, () => []);
        const typeOnly =
          detail.typeOnly ||
          (symbols.length > 0 && symbols.every((symbol) => detail.typeSymbols?.includes(symbol) === true));
        const isWired = typeOnly && wired.has(pairKey(edge.from, module));
        list.push({
          from: edge.from,
          line: detail.line,
          to: module,
          ...(module === edge.to ? {} : { via: edge.to }),
          symbols,
          typeOnly,
          ...(isWired ? { wired: true } : {}),
        });
      }
    }
  }
  for (const list of byPair.values()) list.sort(compareCrossing);
  return byPair;
}

export function compareCrossing(a: CrossingImport, b: CrossingImport): number {
  return compareStrings(a.from, b.from) || a.line - b.line || compareStrings(a.to, b.to);
}
