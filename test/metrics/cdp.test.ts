import { describe, expect, it } from 'vitest';
import { cyclicDependencyPairs } from '../../src/metrics/cdp.js';
import type { ServiceDependency } from '../../src/graph/types.js';

const dep = (from: string, to: string, imports = 1): ServiceDependency => ({ from, to, imports, typeOnly: 0 });

describe('cyclicDependencyPairs (CDP)', () => {
  it('is the share of dependent pairs that depend both ways', () => {
    // Pairs: {A,B} both ways; {A,C} one way; {C,D} one way. 1 of 3.
    // B -> B (self) and D -> E with 0 imports add nothing; the repeated A -> B changes nothing.
    const dependencies = [
      dep('A', 'B'),
      dep('B', 'A'),
      dep('A', 'C'),
      dep('C', 'D'),
      dep('B', 'B'),
      dep('D', 'E', 0),
      dep('A', 'B', 4),
    ];
    expect(cyclicDependencyPairs(dependencies)).toBeCloseTo(1 / 3, 10);
  });

  it('is 0 with no pairs and for a DAG, 1 when every pair is mutual', () => {
    expect(cyclicDependencyPairs([])).toBe(0);
    expect(cyclicDependencyPairs([dep('A', 'A')])).toBe(0);
    expect(cyclicDependencyPairs([dep('A', 'B'), dep('B', 'C'), dep('A', 'C')])).toBe(0);
    expect(cyclicDependencyPairs([dep('B', 'A'), dep('A', 'B'), dep('C', 'A'), dep('A', 'C')])).toBe(1);
  });
});
