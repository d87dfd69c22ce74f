import { describe, expect, it } from 'vitest';
import { semanticEdges } from '../../src/cluster/semantic-edges.js';
import { splitWords } from '../../src/extract/words.js';

describe('semanticEdges (TF-IDF cosine)', () => {
  it('links modules that share rare words, with the cosine of their TF-IDF vectors', () => {
    // Four modules; "invoice" is shared by a and b only, "cart" by c and d only, "service" by all.
    const vocabulary = new Map<string, Record<string, number>>([
      ['a.ts', { invoice: 1, service: 1 }],
      ['b.ts', { invoice: 1, service: 1 }],
      ['c.ts', { cart: 1, service: 1 }],
      ['d.ts', { cart: 1, service: 1 }],
    ]);
    // idf(invoice) = ln(4/2); idf(service) = ln(4/4) = 0, so a and b are the same unit vector: cosine 1.
    const edges = semanticEdges(vocabulary, { neighbours: 5, minSimilarity: 0.2, maxDocumentShare: 0.5 });
    expect(edges.map((edge) => [edge.source, edge.target, Number(edge.weight.toFixed(10))])).toEqual([
      ['a.ts', 'b.ts', 1],
      ['c.ts', 'd.ts', 1],
    ]);
  });

  it('computes partial similarity by hand', () => {
    // a = {x:1, y:1}, b = {x:1, z:1}, c = {w:1}, d = {w:1}: N = 4, idf(x) = ln 2, idf(y) = idf(z) = ln 4.
    // |a| = |b| = sqrt(ln2² + ln4²) = ln2·sqrt(5); a·b = ln2²; cosine = 1/5.
    const vocabulary = new Map<string, Record<string, number>>([
      ['a.ts', { x: 1, y: 1 }],
      ['b.ts', { x: 1, z: 1 }],
      ['c.ts', { w: 1 }],
      ['d.ts', { w: 1 }],
    ]);
    const edges = semanticEdges(vocabulary, { neighbours: 5, minSimilarity: 0.1, maxDocumentShare: 0.5 });
    expect(edges[0]?.source).toBe('a.ts');
    expect(edges[0]?.target).toBe('b.ts');
    expect(edges[0]?.weight).toBeCloseTo(0.2, 12);
  });

  it('keeps only the nearest neighbours and drops pairs below the threshold', () => {
    const vocabulary = new Map<string, Record<string, number>>([
      ['a.ts', { x: 1, y: 1 }],
      ['b.ts', { x: 1, z: 1 }],
      ['c.ts', { w: 1 }],
      ['d.ts', { w: 1 }],
    ]);
    expect(
      semanticEdges(vocabulary, { neighbours: 5, minSimilarity: 0.3, maxDocumentShare: 0.5 }).map(
        (edge) => edge.source + edge.target,
      ),
    ).toEqual(['c.tsd.ts']);
  });
});

describe('splitWords', () => {
  it('splits identifiers and paths into singular domain words, dropping stop words', () => {
    expect(splitWords('OrderLineItems')).toEqual(['order', 'line']);
    expect(splitWords('src/services/invoice-batches.service')).toEqual(['service', 'invoice', 'batch', 'service']);
    expect(splitWords('HTTPServerError')).toEqual(['http', 'server']);
  });
});
