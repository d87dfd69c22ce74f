import type { Partition } from '../cluster/types.js';
import { compareStrings } from '../diagnostics.js';
import type { ModuleGraph } from '../graph/types.js';
import type { CrossingImport } from './types.js';

/** Every import statement (as written) between two different services, keyed `from\0to` by service pair. */
export function crossingImports(graph: ModuleGraph, partition: Partition): Map<string, CrossingImport[]> {
  const byPair = new Map<string, CrossingImport[]>();
  for (const edge of graph.edges) {
    const from = partition.assignment[edge.from];
    const to = partition.assignment[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\u0000${to}`;
    let list = byPair.get(key);
    if (!list) byPair.set(key, (list = []));
    for (const detail of edge.details) list.push({ from: edge.from, line: detail.line, to: edge.to, symbols: detail.symbols, typeOnly: detail.typeOnly });
  }
  for (const list of byPair.values()) list.sort(compareCrossing);
  return byPair;
}

export function compareCrossing(a: CrossingImport, b: CrossingImport): number {
  return compareStrings(a.from, b.from) || a.line - b.line || compareStrings(a.to, b.to);
}
