import { describe, expect, it } from 'vitest';
import { entityEdges } from '../../src/cluster/entity-edges.js';

describe('entityEdges (data coupling)', () => {
  it('links the users of one entity with 1/(k-1) per pair and adds up over entities', () => {
    // Order used by a, b, c: each pair 1/2. Invoice used by b, c: 1. So b-c = 1.5.
    const edges = entityEdges({
      entities: [],
      uses: { 'a.ts': ['Order'], 'b.ts': ['Invoice', 'Order'], 'c.ts': ['Invoice', 'Order'], 'd.ts': ['Lonely'] },
    });
    expect(edges).toEqual([
      { source: 'a.ts', target: 'b.ts', weight: 0.5 },
      { source: 'a.ts', target: 'c.ts', weight: 0.5 },
      { source: 'b.ts', target: 'c.ts', weight: 1.5 },
    ]);
  });

  it('ignores entities used by more than 40 modules', () => {
    const uses = Object.fromEntries(Array.from({ length: 41 }, (_, index) => [`m${index}.ts`, ['Everywhere']]));
    expect(entityEdges({ entities: [], uses })).toEqual([]);
  });
});
