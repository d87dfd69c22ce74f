/**
 * Change coupling (logical coupling; Gall, Hajek & Jazayeri, ICSM 1998; used for service
 * extraction by Mazlami et al., ICWS 2017): files that change together in history belong
 * together. For a pair changed together in c commits, with c_a and c_b commits changing each,
 * the weight is the cosine c / sqrt(c_a · c_b) in (0, 1]. Only pairs seen together at least
 * twice are kept (one shared commit is chance), and commits that touch too many files were
 * skipped when the history was read.
 */
import type { History } from '../extract/read-history.js';
import type { WeightedEdge } from './types.js';

export function changeEdges(history: History): WeightedEdge[] {
  return history.pairs.map((pair) => ({
    source: pair.a,
    target: pair.b,
    weight: pair.count / Math.sqrt((history.changes[pair.a] ?? pair.count) * (history.changes[pair.b] ?? pair.count)),
  }));
}
