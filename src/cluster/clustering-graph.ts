import type { ClusterSettings } from '../config/settings.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { WeightedEdge } from './types.js';
import { PairMap } from './pair-map.js';

/** The coupling signals, in the order they are reported. */
export const SIGNAL_NAMES = ['static', 'semantic', 'stem', 'change', 'data', 'event'] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** One coupling signal's contribution to the clustering graph. */
export interface SignalSummary {
  /** Signal name. */
  name: SignalName;
  /** Weight the signal is multiplied by. */
  weight: number;
  /** Undirected module pairs it connects. */
  pairs: number;
}

/** The clustering graph and what each signal put into it. */
export interface ClusteringGraph {
  /** Summed weight per undirected module pair (source < target), sorted. */
  edges: WeightedEdge[];
  /** Each signal with its weight and pairs. */
  summary: SignalSummary[];
  /** Weighted contribution of each signal to a pair (both orders accepted); empty when the pair has none. */
  contributions: (a: ModuleId, b: ModuleId) => Partial<Record<SignalName, number>>;
}

/**
 * The clustering graph: static coupling plus `semanticWeight` × semantic coupling plus
 * `stemWeight` × domain-stem coupling plus `changeWeight` × change coupling plus `dataWeight` ×
 * data coupling plus `eventWeight` × event coupling, summed per undirected module pair. Each
 * signal is documented in its own file (weigh-edges.ts, semantic-edges.ts, stem-edges.ts,
 * change-edges.ts, entity-edges.ts, event-edges.ts).
 */
export function combineSignals(
  signals: Readonly<Record<SignalName, readonly WeightedEdge[]>>,
  settings: ClusterSettings,
): ClusteringGraph {
  const factors: Record<SignalName, number> = {
    static: 1,
    semantic: settings.semanticWeight,
    stem: settings.stemWeight,
    change: settings.changeWeight,
    data: settings.dataWeight,
    event: settings.eventWeight,
  };
  // Per unordered pair (ends in code-unit order): its edge and each signal's part of the weight.
  const combined = new PairMap<{ edge: WeightedEdge; parts: Partial<Record<SignalName, number>> }>();
  const edges: WeightedEdge[] = [];
  for (const name of SIGNAL_NAMES) {
    const factor = factors[name];
    if (factor === 0) continue;
    for (const edge of signals[name]) {
      // One entry per unordered pair, whatever order a signal gives its ends in.
      const [source, target] =
        compareStrings(edge.source, edge.target) <= 0 ? [edge.source, edge.target] : [edge.target, edge.source];
      const weight = factor * edge.weight;
      const existing = combined.get(source, target);
      if (existing) {
        existing.edge.weight += weight;
        existing.parts[name] = (existing.parts[name] ?? 0) + weight;
      } else {
        const entry = { edge: { source, target, weight }, parts: { [name]: 0 + weight } };
        combined.set(source, target, entry);
        edges.push(entry.edge);
      }
    }
  }
  return {
    edges: edges.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target)),
    summary: SIGNAL_NAMES.map((name) => ({
      name,
      weight: factors[name],
      pairs: factors[name] === 0 ? 0 : signals[name].length,
    })),
    contributions: (a, b) => (a < b ? combined.get(a, b) : combined.get(b, a))?.parts ?? {},
  };
}

/** The signal that contributed most to a pair, or null when none did. */
export function strongestSignal(contributions: Partial<Record<SignalName, number>>): SignalName | null {
  let best: SignalName | null = null;
  for (const name of SIGNAL_NAMES)
    if ((contributions[name] ?? 0) > (best === null ? 0 : (contributions[best] ?? 0))) best = name;
  return best;
}
