import { describe, expect, it } from 'vitest';
import { interPartitionCallPercentage } from '../../src/metrics/icp.js';
import type { DependencyEdge } from '../../src/graph/types.js';

const edge = (from: string, to: string, symbols: string[]): DependencyEdge => ({
  from,
  to,
  kinds: ['static'],
  typeOnly: false,
  symbols,
});

// Services: A = {a1, a2}, B = {b1, b2}.
const assignment = { a1: 'A', a2: 'A', b1: 'B', b2: 'B' };
const edges = [
  edge('a1', 'a2', ['x', 'y']), // inside A, weight 2
  edge('a1', 'b1', ['*']), // A -> B, weight 1
  edge('b1', 'b2', []), // inside B, side-effect import: weight max(1, 0) = 1
  edge('b2', 'a2', ['p', 'q', 'r']), // B -> A, weight 3
  edge('a1', 'ghost', ['z']), // unassigned end: ignored
];

describe('interPartitionCallPercentage (ICP, Jin et al. 2019)', () => {
  it('weighs import sites by imported names by default', () => {
    // Total 2 + 1 + 1 + 3 = 7; crossing 1 + 3 = 4: ICP = 4/7.
    expect(interPartitionCallPercentage(edges, assignment)).toBeCloseTo(4 / 7, 10);
  });

  it('takes a weight getter', () => {
    // Unit weights: 2 crossing of 4 assigned edges = 1/2.
    expect(interPartitionCallPercentage(edges, assignment, () => 1)).toBe(0.5);
    // Only type-only edges count: none here, total 0 -> 0.
    expect(interPartitionCallPercentage(edges, assignment, (e) => (e.typeOnly ? 1 : 0))).toBe(0);
  });

  it('is 0 with no edges, 0 when nothing crosses, 1 when everything crosses', () => {
    expect(interPartitionCallPercentage([], assignment)).toBe(0);
    expect(interPartitionCallPercentage([edge('a1', 'a2', ['x'])], assignment)).toBe(0);
    expect(interPartitionCallPercentage([edge('a1', 'b1', ['x']), edge('b2', 'a2', ['y', 'z'])], assignment)).toBe(1);
  });
});
