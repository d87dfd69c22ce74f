/**
 * The clustering graph of a module graph: every coupling signal the settings turn on, each from
 * its own file (weigh-edges.ts, semantic-edges.ts, stem-edges.ts, change-edges.ts,
 * entity-edges.ts, event-edges.ts), combined by clustering-graph.ts. The domain stems are returned too: the stem
 * signal is made of them and clustering names services after them.
 */
import type { ClusterSettings } from '../config/settings.js';
import type { History } from '../extract/read-history.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { changeEdges } from './change-edges.js';
import { type ClusteringGraph, combineSignals } from './clustering-graph.js';
import { domainStems } from './domain-stems.js';
import { entityEdges } from './entity-edges.js';
import { eventEdges } from './event-edges.js';
import { semanticEdges } from './semantic-edges.js';
import { stemEdges } from './stem-edges.js';
import { weighEdges } from './weigh-edges.js';

/** What the signals are read from besides the module graph. */
export interface SignalSources {
  /** Per module, its identifier terms and their counts (extract/collect-terms.ts); read for semantic coupling. */
  terms: ReadonlyMap<ModuleId, Readonly<Record<string, number>>>;
  /** Git history for change coupling, or null when off or unavailable. */
  history: History | null;
}

/** The clustering graph and the domain stem of each module that has one. */
export interface Signals {
  /** Module -> domain stem (domain-stems.ts). */
  stems: Map<ModuleId, string>;
  /** The weighted, undirected graph clustering partitions. */
  clustering: ClusteringGraph;
}

export function clusteringSignals(graph: ModuleGraph, sources: SignalSources, settings: ClusterSettings): Signals {
  const stems = domainStems(
    graph.modules.map((module) => module.id),
    graph.dependencies,
  ).stems;
  const signals = {
    static: weighEdges(graph, settings),
    semantic: settings.semanticWeight > 0 ? semanticEdges(sources.terms, settings.semantic) : [],
    stem: settings.stemWeight > 0 ? stemEdges(stems) : [],
    change: sources.history !== null && settings.changeWeight > 0 ? changeEdges(sources.history) : [],
    data: settings.dataWeight > 0 ? entityEdges(graph.data) : [],
    event: settings.eventWeight > 0 ? eventEdges(graph.events) : [],
  };
  return { stems, clustering: combineSignals(signals, settings) };
}
