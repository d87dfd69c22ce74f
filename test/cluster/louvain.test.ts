import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactGraph, louvainRun } from '../../src/cluster/louvain.js';
import { createRandom } from '../../src/cluster/random.js';
import { louvain, LouvainRunaway, UndirectedGraph, withMoveBudget } from '../../src/graph/graphology.js';

interface Case {
  order: number;
  edges: [number, number, number][];
}

/** A random simple graph: `size` distinct pairs (self-loops allowed), weights from a small set or arbitrary floats. */
function randomGraph(seed: number, order: number, size: number, loops: boolean): Case {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const edges: [number, number, number][] = [];
  const palette = [1, 0.5, 0.25, 2, 5, 0.1];
  let attempts = 0;
  while (edges.length < size && attempts++ < size * 50) {
    const a = Math.floor(random() * order);
    const b = Math.floor(random() * order);
    if (a === b && !loops) continue;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const weight = random() < 0.5 ? (palette[Math.floor(random() * palette.length)] as number) : random() * 3 + 1e-3;
    edges.push([a, b, weight]);
  }
  return { order, edges };
}

function library(graphCase: Case, resolution: number, seed: number | null, budget: number) {
  const graph = new UndirectedGraph();
  for (let i = 0; i < graphCase.order; i++) graph.addNode(`n${String(i).padStart(6, '0')}`);
  const key = (i: number) => `n${String(i).padStart(6, '0')}`;
  for (const [a, b, weight] of graphCase.edges) graph.addUndirectedEdge(key(a), key(b), { weight });
  try {
    const result = withMoveBudget(budget, () =>
      louvain.detailed(graph, {
        getEdgeWeight: 'weight',
        resolution,
        randomWalk: seed !== null,
        rng: createRandom(seed ?? 0),
      }),
    );
    return {
      communities: Array.from({ length: graphCase.order }, (_, i) => result.communities[key(i)]),
      modularity: result.modularity,
    };
  } catch (error) {
    if (error instanceof LouvainRunaway) return null;
    throw error;
  }
}

function ours(graphCase: Case, resolution: number, seed: number | null, budget: number) {
  const graph = compactGraph(
    graphCase.order,
    graphCase.edges.map((edge) => edge[0]),
    graphCase.edges.map((edge) => edge[1]),
    graphCase.edges.map((edge) => edge[2]),
  );
  const result = louvainRun(graph, resolution, seed === null ? null : createRandom(seed), budget);
  return result === null ? null : { communities: [...result.communities], modularity: result.modularity };
}

describe('louvainRun', () => {
  const cases: [string, Case][] = [];
  for (const [order, size] of [
    [6, 7],
    [40, 60],
    [100, 128], // 256 neighbour entries: the library's 8-bit start pointers wrap
    [200, 400],
    [300, 1000],
    [1500, 4000],
  ] as const)
    for (const loops of [false, true])
      cases.push([
        `${order} nodes, ${size} edges${loops ? ', loops' : ''}`,
        randomGraph(order * 31 + size, order, size, loops),
      ]);

  it.each(cases)('gives the library’s communities and modularity bit for bit (%s)', (_, graphCase) => {
    // The budget louvain-groups.ts gives a run (some of these graphs make the library cycle).
    const budget = 50 * (graphCase.order + graphCase.edges.length) + 10_000;
    for (const resolution of [0.5, 1, 2, 8])
      for (const seed of [1, 42, null]) {
        const expected = library(graphCase, resolution, seed, budget);
        expect(ours(graphCase, resolution, seed, budget)).toEqual(expected);
      }
  });

  it('gives the library’s result where its 16-bit start pointers wrap (65,536 neighbour entries)', () => {
    const graphCase = randomGraph(7, 3000, 32768, false);
    const budget = 50 * (graphCase.order + graphCase.edges.length) + 10_000;
    expect(ours(graphCase, 2, 11, budget)).toEqual(library(graphCase, 2, 11, budget));
  });

  it('abandons a run past its move budget exactly where the library does', () => {
    const cycle = JSON.parse(readFileSync(new URL('./fixtures/louvain-cycle.json', import.meta.url), 'utf8')) as {
      seed: number;
      nodes: string[];
      edges: [string, string, number][];
    };
    const ids = [...cycle.nodes].sort();
    const index = new Map(ids.map((id, position) => [id, position]));
    const graphCase: Case = {
      order: ids.length,
      edges: cycle.edges.map(([a, b, weight]) => [index.get(a) as number, index.get(b) as number, weight]),
    };
    const small = randomGraph(5, 60, 150, true);
    for (const budget of [1, 10, 50, 100, 200, 1000, 20_000]) {
      expect(ours(graphCase, 1, cycle.seed, budget)).toEqual(library(graphCase, 1, cycle.seed, budget));
      expect(ours(small, 1, 3, budget)).toEqual(library(small, 1, 3, budget));
    }
    expect(ours(graphCase, 1, cycle.seed, 100_000)).toBeNull();
  });
});
