import { compareStrings } from '../diagnostics.js';
import type { Extraction, ImportKind, ModuleId } from '../extract/types.js';
import { IMPORT_KINDS, type ExternalImports, type ModuleEdge, type ModuleGraph } from './types.js';

/**
 * Merges each module's resolved imports into one edge per ordered pair of analysed modules
 * (self-imports dropped), and gathers the packages and built-ins each module uses.
 */
export function buildGraph(extraction: Extraction): ModuleGraph {
  const edges = new Map<string, { from: ModuleId; to: ModuleId; kinds: Set<ImportKind>; typeOnly: boolean; symbols: Set<string>; lines: Set<number> }>();
  const externals: Record<ModuleId, ExternalImports> = {};
  for (const module of extraction.modules) {
    const packages = new Set<string>();
    const builtins = new Set<string>();
    for (const item of module.imports) {
      const target = item.target;
      if (target.type === 'package') packages.add(target.name);
      if (target.type === 'builtin') builtins.add(target.name);
      if (target.type !== 'internal' || target.module === module.id) continue;
      const key = `${module.id}\u0000${target.module}`;
      let edge = edges.get(key);
      if (edge === undefined) {
        edge = { from: module.id, to: target.module, kinds: new Set(), typeOnly: true, symbols: new Set(), lines: new Set() };
        edges.set(key, edge);
      }
      edge.kinds.add(item.kind);
      edge.typeOnly &&= item.typeOnly;
      for (const symbol of item.symbols) edge.symbols.add(symbol);
      edge.lines.add(item.line);
    }
    if (packages.size > 0 || builtins.size > 0) {
      externals[module.id] = { packages: [...packages].sort(compareStrings), builtins: [...builtins].sort(compareStrings) };
    }
  }
  const merged: ModuleEdge[] = [...edges.values()]
    .map((edge) => ({
      from: edge.from,
      to: edge.to,
      kinds: IMPORT_KINDS.filter((kind) => edge.kinds.has(kind)),
      typeOnly: edge.typeOnly,
      symbols: [...edge.symbols].sort(compareStrings),
      lines: [...edge.lines].sort((a, b) => a - b),
    }))
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  return {
    modules: extraction.modules.map((module) => ({ id: module.id, lines: module.lines })),
    edges: merged,
    externals,
  };
}
