/**
 * Semantic coupling: modules whose vocabulary is alike attract each other (Mazlami, Cito &
 * Leitner, "Extraction of Microservices from Monolithic Software Architectures", ICWS 2017;
 * Sellami et al., 2022). Each module is a TF-IDF vector over its terms (identifier and path
 * words): tf = 1 + ln(count), idf = ln(N / df). Similarity is the cosine of two vectors.
 * To stay sparse (no all-pairs work), candidate pairs come from an inverted index over terms
 * that at most `maxDocumentShare` of the modules, and at most MAX_TERM_DOCUMENTS modules, use
 * (common words pair everything and say nothing), dot products are accumulated over those terms only, and each module keeps its
 * `neighbours` most similar modules with similarity ≥ `minSimilarity`. Edges are undirected
 * (source < target), weight = similarity (the larger if both ends kept the pair).
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { WeightedEdge } from './types.js';
import { pairKey, getOrCreate } from '../base/collections.js';

export interface SemanticOptions {
  /** Nearest neighbours kept per module. */
  neighbours: number;
  /** Smallest cosine similarity that makes an edge. */
  minSimilarity: number;
  /** Terms used by more than this share of the modules do not generate candidate pairs. */
  maxDocumentShare: number;
}

/**
 * Terms used by more modules than this never generate candidate pairs, whatever the share: the
 * work of a term grows with the square of its document count, and a word shared by hundreds of
 * files names a layer or a framework, not a domain.
 */
export const MAX_TERM_DOCUMENTS = 200;

export function semanticEdges(
  vocabulary: ReadonlyMap<ModuleId, Readonly<Record<string, number>>>,
  options: SemanticOptions,
): WeightedEdge[] {
  const ids = [...vocabulary.keys()].sort(compareStrings);
  const n = ids.length;
  if (n < 2) return [];
  const df = new Map<string, number>();
  for (const id of ids) for (const term of Object.keys(vocabulary.get(id) ?? {})) df.set(term, (df.get(term) ?? 0) + 1);
  const maxDf = Math.max(2, Math.min(MAX_TERM_DOCUMENTS, Math.floor(options.maxDocumentShare * n)));

  // Normalised TF-IDF vectors, and postings of the discriminating terms.
  const vectors = ids.map((id) => {
    const entries: [string, number][] = [];
    let norm = 0;
    for (const [term, count] of Object.entries(vocabulary.get(id) ?? {})) {
      const weight = (1 + Math.log(count)) * Math.log(n / (df.get(term) ?? n));
      if (weight <= 0) continue;
      entries.push([term, weight]);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm) || 1;
    return entries.map(([term, weight]) => [term, weight / length] as const);
  });
  const postings = new Map<string, { index: number; weight: number }[]>();
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector) {
      if ((df.get(term) ?? 0) > maxDf) continue;
      const list = getOrCreate(postings, term, () => []);
      list.push({ index, weight });
    }
  });

  const best = new Map<string, number>();
  vectors.forEach((vector, index) => {
    const scores = new Map<number, number>();
    for (const [term, weight] of vector) {
      for (const other of postings.get(term) ?? []) {
        if (other.index !== index) scores.set(other.index, (scores.get(other.index) ?? 0) + weight * other.weight);
      }
    }
    const kept = [...scores.entries()]
      .filter(([, score]) => score >= options.minSimilarity)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.neighbours);
    for (const [other, score] of kept) {
      const [a, b] = index < other ? [index, other] : [other, index];
      const key = pairKey(a, b);
      best.set(key, Math.max(best.get(key) ?? 0, score));
    }
  });
  return [...best.entries()]
    .map(([key, weight]) => {
      const [a, b] = key.split('\u0000').map(Number) as [number, number];
      return { source: ids[a] as string, target: ids[b] as string, weight };
    })
    .sort((x, y) => compareStrings(x.source, y.source) || compareStrings(x.target, y.target));
}
