import { describe, expect, it } from 'vitest';
import { partitionFromGroups } from '../../src/cluster/cluster.js';
import { editPartition, parseMerge, parseMove } from '../../src/cluster/edit-partition.js';

const base = partitionFromGroups([
  ['src/order.ts', 'src/order-line.ts'],
  ['src/payment.ts', 'src/refund.ts'],
  ['src/mail.ts'],
]);

describe('editPartition (what-if)', () => {
  it('merges services into the first and moves modules matching a glob', () => {
    expect(base.clusters.map((item) => item.id)).toEqual(['mail', 'order', 'payment']);
    const edited = editPartition(base, {
      merges: [['order', 'payment']],
      moves: [{ glob: 'src/refund.ts', service: 'refunds' }],
    });
    expect(edited.clusters.map((item) => [item.id, item.modules])).toEqual([
      ['mail', ['src/mail.ts']],
      ['order', ['src/order-line.ts', 'src/order.ts', 'src/payment.ts']],
      ['refunds', ['src/refund.ts']],
    ]);
    expect(edited.assignment['src/payment.ts']).toBe('order');
  });

  it('rejects unknown services and globs that match nothing', () => {
    expect(() => editPartition(base, { merges: [['order', 'billing']], moves: [] })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID', message: "--merge: no service named 'billing'" }),
    );
    expect(() => editPartition(base, { merges: [], moves: [{ glob: 'lib/**', service: 'x' }] })).toThrowError(
      expect.objectContaining({ code: 'OPTION_INVALID' }),
    );
    expect(parseMove('src/a/**=billing')).toEqual({ glob: 'src/a/**', service: 'billing' });
    expect(() => parseMove('src/a/**')).toThrowError(expect.objectContaining({ code: 'OPTION_INVALID' }));
    expect(parseMerge('a, b')).toEqual(['a', 'b']);
    expect(() => parseMerge('a')).toThrowError(expect.objectContaining({ code: 'OPTION_INVALID' }));
  });
});
