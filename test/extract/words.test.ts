import { describe, expect, it } from 'vitest';
import { isRoleName, nameStem, splitWords } from '../../src/extract/words.js';

describe('nameStem', () => {
  it('strips role suffixes, role words at the end and verbs, and keeps compound names whole', () => {
    expect(nameStem('album.service.ts')).toBe('album');
    expect(nameStem('AlbumsController.ts')).toBe('album');
    expect(nameStem('order-repository.ts')).toBe('order');
    expect(nameStem('PaymentCollectionService.ts')).toBe('payment-collection');
    expect(nameStem('product-collection.ts')).toBe('product-collection');
    expect(nameStem('create-order.ts')).toBe('order');
    expect(nameStem('list-orders.ts')).toBe('order');
    expect(nameStem('NoteCreateService.ts')).toBe('note');
    expect(nameStem('1680000000-add-album-table.ts')).toBe('album');
    expect(nameStem('user.entity.spec.ts')).toBe('user');
    expect(nameStem('categories')).toBe('category');
  });

  it('keeps a lone role word before a role suffix, and gives null for names that say nothing', () => {
    expect(nameStem('job.service.ts')).toBe('job');
    expect(nameStem('event-bus.ts')).toBe('event-bus');
    for (const name of [
      'index.ts',
      'base.service.ts',
      'types.ts',
      'routes.ts',
      'services',
      'get-by-id.ts',
      'v1',
      'abstract-base.repository.ts',
    ])
      expect(nameStem(name)).toBeNull();
  });

  it('recognises folders named by role words', () => {
    expect(['services', 'dtos', 'controllers', 'utils', 'repositories', 'api'].map(isRoleName)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['orders', 'billing', 'admin', 'albums'].map(isRoleName)).toEqual([false, false, false, false]);
  });

  it('splits identifiers into lower-case singular words without stop words', () => {
    expect(splitWords('getOrderItemsByCustomerId')).toEqual(['order', 'customer']);
    expect(splitWords('HTTPRequestHandler')).toEqual(['http', 'handler']);
  });
});
