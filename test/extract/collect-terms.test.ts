import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { collectTerms, termOf } from '../../src/extract/collect-terms.js';

describe('collectTerms', () => {
  it('keeps domain words, one term per identifier, without role words or verbs', () => {
    expect(termOf('PaymentCollectionService')).toBe('payment-collection');
    expect(termOf('productCollectionRepository')).toBe('product-collection');
    expect(termOf('createOrder')).toBe('order');
    expect(termOf('OrderController')).toBe('order');
    expect(termOf('UserDto')).toBe('user');
    expect(termOf('Injectable')).toBe('injectable');
    expect(termOf('findOne')).toBeNull();
    expect(termOf('service')).toBeNull();
  });

  it('counts identifier terms and the domain stems of the path (the file twice), not role folders', () => {
    const code =
      'export class PaymentCollectionService { constructor(private readonly payments: PaymentCollectionRepository) {} createPayment() { return this.payments; } }';
    const terms = collectTerms(
      ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest),
      'src/services/payment-collection.service.ts',
    );
    // payment-collection: the class, the repository type and the file name (twice); payment: `payments` twice and createPayment.
    expect(terms).toEqual({ 'payment-collection': 4, payment: 3 });
  });
});
