/**
 * Typed access to graphology's CommonJS algorithm packages. Each sets `module.exports = fn`, but
 * its typings declare `export default fn`; under NodeNext resolution the default import is the
 * function itself at run time, so the typings' `default` member is re-applied here, once.
 */
import louvainModule from 'graphology-communities-louvain';
import * as louvainIndices from 'graphology-indices/louvain.js';

export { DirectedGraph, UndirectedGraph } from 'graphology';
export { stronglyConnectedComponents } from 'graphology-components';

export const louvain = louvainModule as unknown as typeof louvainModule.default;

/**
 * graphology keeps each node's neighbours (and Louvain its communities) in plain objects keyed by
 * node key, so a node named after an Object.prototype member (`constructor`, `toString`,
 * `__proto__`: a folder or service of the analysed code) finds an inherited property there and
 * fails with "edge already exists". Every id goes into graphology as nodeKey(id), which no
 * prototype member is named like, and comes back through nodeId; the prefix keeps the keys' order.
 */
export function nodeKey(id: string): string {
  return `#${id}`;
}

/** The id of a key made by nodeKey. */
export function nodeId(key: string): string {
  return key.slice(1);
}

/** Thrown by a guarded Louvain run that made more node moves than its budget. */
export class LouvainRunaway extends Error {}

/**
 * graphology-communities-louvain 2.0.2 can cycle forever in its local-moving phase: on some
 * weighted graphs (seen on a generated 20 000-file monolith) nodes keep moving between communities
 * of tied gain and the queue never empties. A pass of local moving moves each node a few times at
 * most, so every node move and isolation is counted and, past `budget`, the run is abandoned with
 * LouvainRunaway; `run` is called with the counter armed and disarmed after, even when it throws.
 */
export function withMoveBudget<T>(budget: number, run: () => T): T {
  const prototype = (louvainIndices as unknown as { UndirectedLouvainIndex: { prototype: Record<string, unknown> } })
    .UndirectedLouvainIndex.prototype;
  const move = prototype.move as (...args: unknown[]) => unknown;
  const isolate = prototype.isolate as (...args: unknown[]) => unknown;
  let moves = 0;
  const count = () => {
    if (++moves > budget) throw new LouvainRunaway(`Louvain made more than ${budget} moves`);
  };
  prototype.move = function (this: unknown, ...args: unknown[]) {
    count();
    return move.apply(this, args);
  };
  prototype.isolate = function (this: unknown, ...args: unknown[]) {
    count();
    return isolate.apply(this, args);
  };
  try {
    return run();
  } finally {
    prototype.move = move;
    prototype.isolate = isolate;
  }
}
