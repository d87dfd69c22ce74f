import { describe, expect, it } from 'vitest';
import { cohesion } from '../../src/metrics/cohesion.js';
import { coupling } from '../../src/metrics/coupling.js';
import type { DependencyEdge } from '../../src/graph/types.js';

const edge = (from: string, to: string, typeOnly = false): DependencyEdge => ({
  from,
  to,
  kinds: [typeOnly ? 'type' : 'static'],
  typeOnly,
  symbols: ['x'],
});

// Services: A = {a1, a2}, B = {b1, b2}, C = {c1}.
const assignment = { a1: 'A', a2: 'A', b1: 'B', b2: 'B', c1: 'C' };
const edges = [
  edge('a1', 'a2'), // inside A
  edge('a1', 'b1'), // A -> B
  edge('a2', 'b1'), // A -> B
  edge('a2', 'b2', true), // A -> B, type-only still couples
  edge('b1', 'b2'), // inside B
  edge('c1', 'a1'), // C -> A
  edge('b2', 'c1'), // B -> C
];

describe('coupling (Martin 1994)', () => {
  it('counts distinct modules on each side of the boundary', () => {
    // A: Ca = {c1} = 1; Ce = {a1, a2} = 2; I = 2/3.
    expect(coupling('A', edges, assignment)).toEqual({ ca: 1, ce: 2, instability: 2 / 3 });
    // B: Ca = {a1, a2} = 2; Ce = {b2} = 1; I = 1/3.
    expect(coupling('B', edges, assignment)).toEqual({ ca: 2, ce: 1, instability: 1 / 3 });
    // C: Ca = {b2}; Ce = {c1}; I = 1/2.
    expect(coupling('C', edges, assignment)).toEqual({ ca: 1, ce: 1, instability: 0.5 });
  });

  it('defines I = 0 for a service with no outside edges', () => {
    expect(coupling('A', [edge('a1', 'a2')], assignment)).toEqual({ ca: 0, ce: 0, instability: 0 });
  });
});

describe('cohesion', () => {
  it('is internal edges over all edges touching the service', () => {
    // A: internal 1 (a1->a2); crossing a1->b1, a2->b1, a2->b2, c1->a1 = 4; 1/5.
    expect(cohesion('A', edges, assignment)).toBeCloseTo(1 / 5, 12);
    // B: internal 1 (b1->b2); crossing 3 from A + b2->c1 = 4; 1/5.
    expect(cohesion('B', edges, assignment)).toBeCloseTo(1 / 5, 12);
    // C: internal 0; 0.
    expect(cohesion('C', edges, assignment)).toBe(0);
  });

  it('is 0 for a service without edges and 1 for a closed one', () => {
    expect(cohesion('A', [], assignment)).toBe(0);
    expect(cohesion('A', [edge('a1', 'a2'), edge('a2', 'a1')], assignment)).toBe(1);
  });
});
