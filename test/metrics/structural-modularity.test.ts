import { describe, expect, it } from 'vitest';
import { structuralModularity } from '../../src/metrics/structural-modularity.js';
import type { DependencyEdge } from '../../src/graph/types.js';

const edge = (from: string, to: string): DependencyEdge => ({
  from,
  to,
  kinds: ['static'],
  typeOnly: false,
  symbols: ['x'],
});

// Clusters: A = {a1, a2}, B = {b1, b2}, C = {c1}.
const assignment = { a1: 'A', a2: 'A', b1: 'B', b2: 'B', c1: 'C' };
const edges = [
  edge('a1', 'a2'), // inside A
  edge('a2', 'a1'), // inside A
  edge('b1', 'b2'), // inside B
  edge('a1', 'b1'), // A -> B
  edge('b2', 'a2'), // B -> A
  edge('b2', 'c1'), // B -> C
];

describe('structuralModularity (SM, Jin et al. 2019)', () => {
  it('matches a hand computation', () => {
    // scoh_A = 2 / 2² = 1/2; scoh_B = 1 / 2² = 1/4; scoh_C = 0 / 1² = 0. Mean over K = 3: (3/4) / 3 = 1/4.
    // scop_AB = σ 2 / (2·2·2) = 1/4; scop_AC = 0; scop_BC = 1 / (2·2·1) = 1/4.
    // Sum 1/2 over K(K−1)/2 = 3 pairs: 1/6. SM = 1/4 − 1/6 = 1/12.
    expect(structuralModularity(edges, assignment)).toBeCloseTo(1 / 12, 10);
  });

  it('ignores edges whose ends are not both assigned', () => {
    expect(structuralModularity([...edges, edge('c1', 'ghost')], assignment)).toBeCloseTo(1 / 12, 10);
  });

  it('has no coupling term for a single cluster', () => {
    // K = 1: N = 3, μ = 2: SM = scoh = 2/9.
    expect(structuralModularity([edge('a', 'b'), edge('b', 'c')], { a: 'X', b: 'X', c: 'X' })).toBeCloseTo(2 / 9, 10);
  });

  it('reaches −1 when two singletons import each other', () => {
    // scoh = 0 for both; σ = 2, scop = 2 / (2·1·1) = 1 over 1 pair: SM = 0 − 1 = −1.
    expect(structuralModularity([edge('a', 'b'), edge('b', 'a')], { a: 'X', b: 'Y' })).toBe(-1);
  });

  it('is 0 for no clusters and for clusters without edges', () => {
    expect(structuralModularity([], {})).toBe(0);
    expect(structuralModularity([], { a: 'X', b: 'Y' })).toBe(0);
  });
});
