import { describe, expect, it } from 'vitest';
import { nonExtremeDistribution } from '../../src/metrics/ned.js';

/** An assignment with one cluster per size, named S0, S1, … */
function withSizes(sizes: number[]): Record<string, string> {
  const map: Record<string, string> = {};
  let next = 0;
  sizes.forEach((size, cluster) => {
    for (let i = 0; i < size; i++) map[`m${next++}`] = `S${cluster}`;
  });
  return map;
}

describe('nonExtremeDistribution (NED, Wu, Hassan & Holt 2005)', () => {
  it('uses the default window for a small codebase', () => {
    // n = 1 + 2 + 5 + 22 = 30: min = max(2, round(0.15) = 0) = 2, max = max(20, round(6) = 6) = 20.
    // Sizes 2 and 5 are inside, 1 and 22 are extreme: NED = 7/30.
    const result = nonExtremeDistribution(withSizes([1, 2, 5, 22]));
    expect(result.window).toEqual({ min: 2, max: 20 });
    expect(result.ned).toBeCloseTo(7 / 30, 10);
  });

  it('scales the default window with the codebase, bounds inclusive', () => {
    // n = 2 + 3 + 100 + 395 = 500: min = max(2, round(2.5) = 3) = 3, max = max(20, round(100)) = 100.
    // Sizes 3 and 100 are inside (inclusive), 2 and 395 are extreme: NED = 103/500.
    const result = nonExtremeDistribution(withSizes([2, 3, 100, 395]));
    expect(result.window).toEqual({ min: 3, max: 100 });
    expect(result.ned).toBeCloseTo(103 / 500, 10);
  });

  it('takes an explicit window', () => {
    // Window 5–20 on sizes 1, 2, 5, 22: only the 5 is inside: 5/30 = 1/6.
    expect(nonExtremeDistribution(withSizes([1, 2, 5, 22]), { min: 5, max: 20 })).toEqual({
      ned: 5 / 30,
      window: { min: 5, max: 20 },
    });
    expect(nonExtremeDistribution(withSizes([2, 2]), { min: 2, max: 2 }).ned).toBe(1);
    expect(nonExtremeDistribution(withSizes([2, 2]), { min: 3, max: 1 }).ned).toBe(0);
  });

  it('is 0 for an empty assignment', () => {
    expect(nonExtremeDistribution({})).toEqual({ ned: 0, window: { min: 2, max: 20 } });
  });
});
