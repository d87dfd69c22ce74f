import { describe, expect, it } from 'vitest';
import { abstractness, mainSequenceDistance } from '../../src/metrics/abstractness.js';

describe('abstractness (Martin 1994)', () => {
  it('is abstract exports over all exports', () => {
    // 1 of 4: 1/4.
    expect(abstractness({ total: 4, abstract: 1 })).toBe(0.25);
    expect(abstractness({ total: 3, abstract: 3 })).toBe(1);
    expect(abstractness({ total: 3, abstract: 0 })).toBe(0);
  });

  it('is 0 when nothing is exported', () => {
    expect(abstractness({ total: 0, abstract: 0 })).toBe(0);
  });
});

describe('mainSequenceDistance (Martin 1994, normalised D)', () => {
  it('is |A + I − 1|', () => {
    // On the main sequence: 0.25 + 0.75 − 1 = 0.
    expect(mainSequenceDistance(0.25, 0.75)).toBe(0);
    // |0.5 + 0.2 − 1| = 0.3.
    expect(mainSequenceDistance(0.5, 0.2)).toBeCloseTo(0.3, 10);
    // |0.6 + 0.9 − 1| = 0.5.
    expect(mainSequenceDistance(0.6, 0.9)).toBeCloseTo(0.5, 10);
  });

  it('is 1 in the zone of pain and in the zone of uselessness', () => {
    expect(mainSequenceDistance(0, 0)).toBe(1);
    expect(mainSequenceDistance(1, 1)).toBe(1);
  });
});
