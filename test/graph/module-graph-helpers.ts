import type { DependencyEdge, ModuleEdge, ModuleGraph } from '../../src/graph/types.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

/** `statements` import statements from `from` of a name declared in `to` (or in `declaredIn`, through `to` as a barrel). */
export function importEdge(from: string, to: string, statements = 1, declaredIn = to, typeOnly = false): ModuleEdge {
  const lines = Array.from({ length: statements }, (_, index) => index + 1);
  return {
    from,
    to,
    kinds: [typeOnly ? 'type' : 'static'],
    typeOnly,
    symbols: [`${declaredIn}Name`],
    lines,
    details: lines.map((line) => ({
      line,
      kind: typeOnly ? 'type' : 'static',
      syntax: 'import',
      specifier: `./${to}`,
      typeOnly,
      symbols: [`${declaredIn}Name`],
    })),
    declarations: [{ symbol: `${declaredIn}Name`, module: declaredIn }],
  };
}

/** A module graph of the named modules whose see-through dependencies follow the declarations of `edges`. */
export function moduleGraph(ids: readonly string[], edges: readonly ModuleEdge[]): ModuleGraph {
  const dependencies = new Map<string, DependencyEdge>();
  for (const edge of edges) {
    for (const { module } of edge.declarations) {
      if (module === edge.from) continue;
      dependencies.set(`${edge.from}>${module}`, {
        from: edge.from,
        to: module,
        kinds: edge.kinds,
        typeOnly: edge.typeOnly,
        symbols: edge.symbols,
      });
    }
  }
  const byPair = (a: { from: string; to: string }, b: { from: string; to: string }) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
  return {
    modules: [...ids].sort().map((id) => ({ id, lines: 1, exports: 1, abstractExports: 0 })),
    edges: [...edges].sort(byPair),
    dependencies: [...dependencies.values()].sort(byPair),
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}
