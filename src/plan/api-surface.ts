/**
 * API surface per candidate service: every name other services import from it, resolved through
 * barrels to the module that declares it (graph declarations), with the services that consume it
 * and the number of import statements. A name imported as a value anywhere is an `operation`
 * (it becomes a remote call); a name only ever imported as a type (`import type`, or an inline
 * `type` specifier) is a `type` (it becomes part of
 * a shared contract package). Namespace imports count as the name `*` of the imported module.
 * Re-exports (`export … from`) are not consumption: the modules that import through a barrel are
 * the consumers, counted at the module that declares each name.
 */
import type { ClusterId, Partition } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import type { ApiSurface, ApiSymbol } from './types.js';
import { getOrCreate } from '../base/collections.js';

export function apiSurfaces(graph: ModuleGraph, partition: Partition): ApiSurface[] {
  // Service -> declaring module -> name -> entry: keyed by the strings themselves, not by a new pair string per name.
  const byService = new Map<ClusterId, Map<ModuleId, Map<string, ApiSymbol & { consumerSet: Set<ClusterId> }>>>();
  for (const edge of graph.edges) {
    const consumer = partition.assignment[edge.from];
    if (consumer === undefined) continue;
    const declaredIn =
      edge.declarations.length === 0 ? null : new Map(edge.declarations.map((item) => [item.symbol, item.module]));
    for (const detail of edge.details) {
      // A barrel's own `export … from` lines pass names on; whoever imports through it is counted instead.
      if (detail.kind === 'reexport') continue;
      for (const symbol of detail.symbols.length > 0 ? detail.symbols : ['*']) {
        const module = declaredIn?.get(symbol) ?? edge.to;
        const owner = partition.assignment[module];
        if (owner === undefined || owner === consumer) continue;
        const symbols = getOrCreate(
          getOrCreate(byService, owner, () => new Map()),
          module,
          () => new Map(),
        );
        let entry = symbols.get(symbol);
        if (entry === undefined) {
          entry = { symbol, module, kind: 'type', consumers: [], importSites: 0, consumerSet: new Set<string>() };
          symbols.set(symbol, entry);
        }
        entry.importSites++;
        entry.consumerSet.add(consumer);
        if (!detail.typeOnly && detail.typeSymbols?.includes(symbol) !== true) entry.kind = 'operation';
      }
    }
  }
  return partition.clusters.map((item) => ({
    cluster: item.id,
    symbols: [...(byService.get(item.id)?.values() ?? [])]
      .flatMap((symbols) => [...symbols.values()])
      .map(({ consumerSet, ...entry }) => ({ ...entry, consumers: [...consumerSet].sort(compareStrings) }))
      .sort((a, b) => compareStrings(a.module, b.module) || compareStrings(a.symbol, b.symbol)),
  }));
}
