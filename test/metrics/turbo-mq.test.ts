import { describe, expect, it } from 'vitest';
import { turboMq } from '../../src/metrics/turbo-mq.js';
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

describe('turboMq (normalized TurboMQ, Mitchell & Mancoridis 2006)', () => {
  it('matches a hand computation', () => {
    // μ_A = 2, crossing at A = ε_AB + ε_BA = 1 + 1 = 2: CF_A = 4 / (4 + 2) = 2/3.
    // μ_B = 1, crossing at B = ε_BA + ε_AB + ε_BC = 3: CF_B = 2 / (2 + 3) = 2/5.
    // μ_C = 0: CF_C = 0.
    // MQ = 2/3 + 2/5 = 16/15; k = 3; normalized = 16/45.
    expect(turboMq(edges, assignment)).toBeCloseTo(16 / 45, 10);
  });

  it('ignores edges whose ends are not both assigned', () => {
    const extra = [...edges, edge('a1', 'ghost'), edge('ghost', 'c1')];
    expect(turboMq(extra, assignment)).toBeCloseTo(16 / 45, 10);
  });

  it('does not depend on the order of edges or assignment keys', () => {
    const reversed = Object.fromEntries(Object.entries(assignment).reverse());
    expect(turboMq([...edges].reverse(), reversed)).toBe(turboMq(edges, assignment));
  });

  it('is 1 for closed clusters and counts edge-less clusters as 0', () => {
    // One cluster, μ = 2, nothing crosses: CF = 4/4 = 1; k = 1.
    expect(turboMq([edge('a1', 'a2'), edge('a2', 'a1')], { a1: 'A', a2: 'A' })).toBe(1);
    // Add a singleton cluster S with no edges: (1 + 0) / 2 = 1/2.
    expect(turboMq([edge('a1', 'a2')], { a1: 'A', a2: 'A', s: 'S' })).toBe(0.5);
  });

  it('is 0 when no cluster has an internal edge, and 0 for no clusters', () => {
    // Every edge crosses: μ = 0 everywhere.
    expect(turboMq([edge('a1', 'b1'), edge('b1', 'a1')], { a1: 'A', b1: 'B' })).toBe(0);
    expect(turboMq([], { a1: 'A' })).toBe(0);
    expect(turboMq(edges, {})).toBe(0);
    expect(turboMq([], {})).toBe(0);
  });
});
