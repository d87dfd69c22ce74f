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
 * Terms are numbered once, and vectors and postings are flat arrays (term ids and weights, in each
 * module's own term order); every sum is taken in the order the formula reads.
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { WeightedEdge } from './types.js';

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

  // Every (module, term) occurrence, terms numbered in order of first use; df per term.
  const numbers = new Map<string, number>();
  const df: number[] = [];
  const starts = new Uint32Array(n + 1);
  const occurrenceTerms: number[] = [];
  const occurrenceCounts: number[] = [];
  for (let index = 0; index < n; index++) {
    const terms = vocabulary.get(ids[index] as ModuleId) ?? {};
    for (const term in terms) {
      if (!Object.hasOwn(terms, term)) continue;
      let number = numbers.get(term);
      if (number === undefined) {
        number = df.length;
        numbers.set(term, number);
        df.push(0);
      }
      df[number] = (df[number] as number) + 1;
      occurrenceTerms.push(number);
      occurrenceCounts.push(terms[term] as number);
    }
    starts[index + 1] = occurrenceTerms.length;
  }
  const maxDf = Math.max(2, Math.min(MAX_TERM_DOCUMENTS, Math.floor(options.maxDocumentShare * n)));
  const idf = new Float64Array(df.length);
  for (let term = 0; term < df.length; term++) idf[term] = Math.log(n / (df[term] as number));

  // Normalised TF-IDF vectors: entries vectorStarts[i] … vectorStarts[i + 1] − 1, in the module's term order.
  const vectorStarts = new Uint32Array(n + 1);
  const vectorTerms = new Uint32Array(occurrenceTerms.length);
  const vectorWeights = new Float64Array(occurrenceTerms.length);
  let entries = 0;
  for (let index = 0; index < n; index++) {
    const first = entries;
    let norm = 0;
    for (let at = starts[index] as number, end = starts[index + 1] as number; at < end; at++) {
      const term = occurrenceTerms[at] as number;
      const weight = (1 + Math.log(occurrenceCounts[at] as number)) * (idf[term] as number);
      if (weight <= 0) continue;
      vectorTerms[entries] = term;
      vectorWeights[entries] = weight;
      entries++;
      norm += weight * weight;
    }
    const length = Math.sqrt(norm) || 1;
    for (let at = first; at < entries; at++) vectorWeights[at] = (vectorWeights[at] as number) / length;
    vectorStarts[index + 1] = entries;
  }

  // Postings of the discriminating terms: postingStarts[t] … postingStarts[t + 1] − 1, modules in order.
  const postingStarts = new Uint32Array(df.length + 1);
  for (let at = 0; at < entries; at++) {
    const term = vectorTerms[at] as number;
    if ((df[term] as number) <= maxDf) postingStarts[term + 1] = (postingStarts[term + 1] as number) + 1;
  }
  for (let term = 0; term < df.length; term++)
    postingStarts[term + 1] = (postingStarts[term + 1] as number) + (postingStarts[term] as number);
  const postingModules = new Uint32Array(postingStarts[df.length] as number);
  const postingWeights = new Float64Array(postingModules.length);
  const fill = postingStarts.slice(0, df.length);
  for (let index = 0; index < n; index++)
    for (let at = vectorStarts[index] as number, end = vectorStarts[index + 1] as number; at < end; at++) {
      const term = vectorTerms[at] as number;
      if ((df[term] as number) > maxDf) continue;
      const slot = fill[term] as number;
      postingModules[slot] = index;
      postingWeights[slot] = vectorWeights[at] as number;
      fill[term] = slot + 1;
    }

  // Per module, its dot product with every module sharing a discriminating term; the nearest kept.
  const scores = new Float64Array(n);
  const touched = new Uint8Array(n);
  const candidates: number[] = [];
  const keptModules: number[] = [];
  const keptScores: number[] = [];
  const best = new Map<number, number>();
  for (let index = 0; index < n; index++) {
    for (let at = vectorStarts[index] as number, end = vectorStarts[index + 1] as number; at < end; at++) {
      const term = vectorTerms[at] as number;
      const weight = vectorWeights[at] as number;
      for (let p = postingStarts[term] as number, last = postingStarts[term + 1] as number; p < last; p++) {
        const other = postingModules[p] as number;
        if (other === index) continue;
        if (touched[other] === 0) {
          touched[other] = 1;
          scores[other] = 0;
          candidates.push(other);
        }
        scores[other] = (scores[other] as number) + weight * (postingWeights[p] as number);
      }
    }
    // The `neighbours` highest scores (ties: the lower index) at or above the threshold, best first.
    keptModules.length = 0;
    keptScores.length = 0;
    for (const other of candidates) {
      touched[other] = 0;
      const score = scores[other] as number;
      if (!(score >= options.minSimilarity)) continue;
      let at = keptModules.length;
      while (
        at > 0 &&
        ((keptScores[at - 1] as number) < score ||
          ((keptScores[at - 1] as number) === score && (keptModules[at - 1] as number) > other))
      )
        at--;
      if (at >= options.neighbours) continue;
      keptModules.splice(at, 0, other);
      keptScores.splice(at, 0, score);
      if (keptModules.length > options.neighbours) {
        keptModules.pop();
        keptScores.pop();
      }
    }
    candidates.length = 0;
    for (let k = 0; k < keptModules.length; k++) {
      const other = keptModules[k] as number;
      const key = index < other ? index * n + other : other * n + index;
      best.set(key, Math.max(best.get(key) ?? 0, keptScores[k] as number));
    }
  }
  // Ids are sorted, so pairs in index order are pairs in id order.
  return [...best.keys()]
    .sort((a, b) => a - b)
    .map((key) => ({
      source: ids[Math.floor(key / n)] as string,
      target: ids[key % n] as string,
      weight: best.get(key) as number,
    }));
}
