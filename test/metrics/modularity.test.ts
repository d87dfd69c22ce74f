import { describe, expect, it } from 'vitest';
import { modularity } from '../../src/metrics/modularity.js';

describe('modularity (Newman Q)', () => {
  it('matches a hand computation on two triangles joined by one edge', () => {
    // Triangles {a,b,c} and {d,e,f} plus c-d, unit weights: m = 7.
    // Each community: L_c = 3, d_c = 2+2+3 = 7. Q = 2 × (3/7 − (7/14)²) = 6/7 − 1/2 = 5/14.
    const modules = ['a', 'b', 'c', 'd', 'e', 'f'];
    const edges = [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
      ['d', 'e'],
      ['d', 'f'],
      ['e', 'f'],
      ['c', 'd'],
    ].map(([source, target]) => ({ source: source as string, target: target as string, weight: 1 }));
    const assignment = { a: 'x', b: 'x', c: 'x', d: 'y', e: 'y', f: 'y' };
    expect(modularity(modules, edges, assignment)).toBeCloseTo(5 / 14, 12);
  });

  it('weighs edges: a heavy bridge lowers Q', () => {
    // Path a-b (w=1), b-c (w=2), c-d (w=1); split {a,b} {c,d}. m = 4.
    // L = 1 each; d_{ab} = 1 + 3 = 4, d_{cd} = 4. Q = 2 × (1/4 − (4/8)²) = 0.
    const edges = [
      { source: 'a', target: 'b', weight: 1 },
      { source: 'b', target: 'c', weight: 2 },
      { source: 'c', target: 'd', weight: 1 },
    ];
    expect(modularity(['a', 'b', 'c', 'd'], edges, { a: 'x', b: 'x', c: 'y', d: 'y' })).toBeCloseTo(0, 12);
  });

  it('is 0 without edges and −1/2 for a bipartite split of one edge', () => {
    expect(modularity(['a', 'b'], [], { a: 'x', b: 'y' })).toBe(0);
    // One edge a-b, a and b apart: Q = 2 × (0 − (1/2)²) = −1/2.
    expect(modularity(['a', 'b'], [{ source: 'a', target: 'b', weight: 1 }], { a: 'x', b: 'y' })).toBeCloseTo(-0.5, 12);
  });
});

describe('modularity agrees with graphology-metrics', () => {
  it('on random weighted graphs and partitions', async () => {
    const { default: fc } = await import('fast-check');
    const { UndirectedGraph } = await import('graphology');
    const { default: graphologyModularity } = (await import('graphology-metrics/graph/modularity.js')) as unknown as {
      default: (graph: unknown, options: object) => number;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.1, max: 5, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
        (size, raw, communities) => {
          const ids = Array.from({ length: size }, (_, index) => `n${index}`);
          const weights = new Map<string, number>();
          for (const [a, b, weight] of raw) {
            const [x, y] = [a % size, b % size].sort((p, q) => p - q) as [number, number];
            if (x !== y) weights.set(`${x}-${y}`, (weights.get(`${x}-${y}`) ?? 0) + weight);
          }
          if (weights.size === 0) return;
          const edges = [...weights.entries()].map(([key, weight]) => {
            const [x, y] = key.split('-').map(Number) as [number, number];
            return { source: ids[x] as string, target: ids[y] as string, weight };
          });
          const assignment = Object.fromEntries(ids.map((id, index) => [id, `c${communities[index]}`]));
          const graph = new UndirectedGraph();
          for (const id of ids) graph.addNode(id, { community: assignment[id] });
          for (const edge of edges) graph.addUndirectedEdge(edge.source, edge.target, { weight: edge.weight });
          expect(modularity(ids, edges, assignment)).toBeCloseTo(
            graphologyModularity(graph, { getNodeCommunity: 'community', getEdgeWeight: 'weight' }),
            10,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
