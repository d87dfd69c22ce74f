import type { Partition } from '../cluster/types.js';
import { compareStrings } from '../diagnostics.js';
import type { ModuleGraph } from '../graph/types.js';
import type { CrossingImport } from './types.js';

/**
 * Every import statement between two different services, keyed `from\0to` by service pair, seen
 * through barrels like the service dependency graph: the names of one statement are split by the
 * module that declares them, so an import of a kernel name through a barrel another service
 * happens to hold is not a crossing, and `via` names the barrel when the statement went through one.
 * A type-only import that framework wiring uses at run time (graph `wired`) is marked `wired`.
 */
export function crossingImports(graph: ModuleGraph, partition: Partition): Map<string, CrossingImport[]> {
  const byPair = new Map<string, CrossingImport[]>();
  const wired = new Set(graph.dependencies.filter((edge) => edge.wired === true).map((edge) => `${edge.from}\u0000${edge.to}`));
  for (const edge of graph.edges) {
    const from = partition.assignment[edge.from];
    if (from === undefined) continue;
    const declaredIn = new Map(edge.declarations.map((item) => [item.symbol, item.module]));
    for (const detail of edge.details) {
      const byModule = new Map<string, string[]>();
      for (const symbol of detail.symbols) {
        const module = symbol === '*' ? edge.to : (declaredIn.get(symbol) ?? edge.to);
        let names = byModule.get(module);
        if (!names) byModule.set(module, (names = []));
        names.push(symbol);
      }
      if (detail.symbols.length === 0) byModule.set(edge.to, []);
      for (const [module, symbols] of byModule) {
        const to = partition.assignment[module];
        if (to === undefined || to === from || module === edge.from) continue;
        const key = `${from}\u0000${to}`;
        let list = byPair.get(key);
        if (!list) byPair.set(key, (list = []));
        const typeOnly = detail.typeOnly || (symbols.length > 0 && symbols.every((symbol) => detail.typeSymbols?.includes(symbol) === true));
        const isWired = typeOnly && wired.has(`${edge.from}\u0000${module}`);
        list.push({ from: edge.from, line: detail.line, to: module, ...(module === edge.to ? {} : { via: edge.to }), symbols, typeOnly, ...(isWired ? { wired: true } : {}) });
      }
    }
  }
  for (const list of byPair.values()) list.sort(compareCrossing);
  return byPair;
}

export function compareCrossing(a: CrossingImport, b: CrossingImport): number {
  return compareStrings(a.from, b.from) || a.line - b.line || compareStrings(a.to, b.to);
}
