import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../diagnostics.js';
import type { WeightedEdge } from './types.js';

/** One coupling signal's contribution to the clustering graph. */
export interface SignalSummary {
  /** Signal name. */
  name: 'static' | 'semantic' | 'change' | 'data';
  /** Weight the signal is multiplied by. */
  weight: number;
  /** Undirected module pairs it connects. */
  pairs: number;
}

/**
 * The clustering graph: static coupling plus `semanticWeight` × semantic coupling plus
 * `changeWeight` × change coupling plus `dataWeight` × data coupling, summed per undirected
 * module pair. Each signal is documented in its own file (weigh-edges.ts, semantic-edges.ts,
 * change-edges.ts, entity-edges.ts).
 */
export function combineSignals(
  signals: { static: readonly WeightedEdge[]; semantic: readonly WeightedEdge[]; change: readonly WeightedEdge[]; data: readonly WeightedEdge[] },
  settings: ClusterSettings,
): { edges: WeightedEdge[]; summary: SignalSummary[] } {
  const combined = new Map<string, WeightedEdge>();
  const add = (edges: readonly WeightedEdge[], factor: number) => {
    if (factor === 0) return;
    for (const edge of edges) {
      const key = `${edge.source}\u0000${edge.target}`;
      const existing = combined.get(key);
      if (existing) existing.weight += factor * edge.weight;
      else combined.set(key, { source: edge.source, target: edge.target, weight: factor * edge.weight });
    }
  };
  add(signals.static, 1);
  add(signals.semantic, settings.semanticWeight);
  add(signals.change, settings.changeWeight);
  add(signals.data, settings.dataWeight);
  return {
    edges: [...combined.values()].sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target)),
    summary: [
      { name: 'static', weight: 1, pairs: signals.static.length },
      { name: 'semantic', weight: settings.semanticWeight, pairs: settings.semanticWeight === 0 ? 0 : signals.semantic.length },
      { name: 'change', weight: settings.changeWeight, pairs: settings.changeWeight === 0 ? 0 : signals.change.length },
      { name: 'data', weight: settings.dataWeight, pairs: settings.dataWeight === 0 ? 0 : signals.data.length },
    ],
  };
}
