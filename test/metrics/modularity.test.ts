import { describe, expect, it } from 'vitest';
import { modularity } from '../../src/metrics/modularity.js';

describe('modularity (Newman Q)', () => {
  it('matches a hand computation on two triangles joined by one edge', () => {
    // Triangles {a,b,c} and {d,e,f} plus c-d, unit weights: m = 7.
    // Each community: L_c = 3, d_c = 2+2+3 = 7. Q = 2 × (3/7 − (7/14)²) = 6/7 − 1/2 = 5/14.
    const modules = ['a', 'b', 'c', 'd', 'e', 'f'];
    const edges = [
      ['a', 'b'], ['a', 'c'], ['b', 'c'], ['d', 'e'], ['d', 'f'], ['e', 'f'], ['c', 'd'],
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
