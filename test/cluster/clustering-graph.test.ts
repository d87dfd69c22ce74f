import { describe, expect, it } from 'vitest';
import { combineSignals, strongestSignal } from '../../src/cluster/clustering-graph.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { tempProject } from '../helpers.js';

const settings = { ...resolveSettings({ path: tempProject({}) }).cluster, semanticWeight: 0.5, stemWeight: 4 };

describe('combineSignals', () => {
  it('sums each unordered pair once, weighted per signal, whatever order a signal gives its ends in', () => {
    const graph = combineSignals(
      {
        static: [{ source: 'a.ts', target: 'b.ts', weight: 1 }],
        semantic: [{ source: 'b.ts', target: 'a.ts', weight: 0.4 }],
        stem: [
          { source: 'a.ts', target: 'b.ts', weight: 0.5 },
          { source: 'c.ts', target: 'a.ts', weight: 1 },
        ],
        change: [],
        data: [],
        event: [],
      },
      settings,
    );
    // a–b: 1 + 0.5·0.4 + 4·0.5 = 3.2; a–c: 4·1 = 4.
    expect(graph.edges).toEqual([
      { source: 'a.ts', target: 'b.ts', weight: 3.2 },
      { source: 'a.ts', target: 'c.ts', weight: 4 },
    ]);
    expect(graph.contributions('b.ts', 'a.ts')).toEqual({ static: 1, semantic: 0.2, stem: 2 });
    expect(graph.contributions('a.ts', 'c.ts')).toEqual({ stem: 4 });
    expect(strongestSignal(graph.contributions('a.ts', 'b.ts'))).toBe('stem');
    expect(graph.contributions('b.ts', 'c.ts')).toEqual({});
  });
});
