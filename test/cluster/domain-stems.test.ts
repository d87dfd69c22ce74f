import { describe, expect, it } from 'vitest';
import { domainStems } from '../../src/cluster/domain-stems.js';
import { CLIQUE_NEIGHBOURS, MAX_CLIQUE, stemEdges } from '../../src/cluster/stem-edges.js';

describe('domainStems', () => {
  it('finds layer folders and takes each module stem from the entry under its deepest layer folder', () => {
    const ids = [
      'src/controllers/album.controller.ts',
      'src/controllers/asset.controller.ts',
      'src/services/album.service.ts',
      'src/services/asset.service.ts',
      'src/services/base.service.ts',
      'src/services/index.ts',
      'src/schema/tables/album.table.ts',
      'src/schema/tables/asset.table.ts',
      'src/api/routes/admin/orders/create-order.ts',
      'src/api/routes/admin/orders/list-orders.ts',
      'src/api/routes/admin/carts/get-cart.ts',
      'src/api/routes/admin/products/index.ts',
      'src/api/routes/admin/regions/v1/update.ts',
      'src/orders/order-status.ts',
      'src/orders/types.ts',
      'src/main.ts',
    ];
    // controllers/, services/, tables/ are named by role words and hold several entries (api/ and
    // routes/ hold one each); admin/ holds four differently named folders that do not import one
    // another; src/ holds the codebase.
    const routes = ids
      .filter((id) => id.startsWith('src/api/'))
      .map((from) => ({ from, to: 'src/services/base.service.ts' }));
    const { stems, layerFolders } = domainStems(ids, [
      ...routes,
      { from: 'src/orders/types.ts', to: 'src/orders/order-status.ts' },
    ]);
    expect(layerFolders).toEqual(['src/api/routes/admin', 'src/controllers', 'src/schema/tables', 'src/services']);
    expect(Object.fromEntries(stems)).toEqual({
      'src/controllers/album.controller.ts': 'album',
      'src/controllers/asset.controller.ts': 'asset',
      'src/services/album.service.ts': 'album',
      'src/services/asset.service.ts': 'asset',
      'src/schema/tables/album.table.ts': 'album',
      'src/schema/tables/asset.table.ts': 'asset',
      'src/api/routes/admin/orders/create-order.ts': 'order',
      'src/api/routes/admin/orders/list-orders.ts': 'order',
      'src/api/routes/admin/carts/get-cart.ts': 'cart',
      'src/api/routes/admin/products/index.ts': 'product',
      'src/api/routes/admin/regions/v1/update.ts': 'region',
      'src/orders/order-status.ts': 'order-status',
      'src/orders/types.ts': 'order',
    });
  });

  it('does not take a feature folder whose files import one another for a layer folder', () => {
    const ids = ['src/billing/invoice.ts', 'src/billing/payment.ts', 'src/billing/refund.ts', 'src/billing/tax.ts'];
    const dependencies = [
      { from: 'src/billing/invoice.ts', to: 'src/billing/payment.ts' },
      { from: 'src/billing/refund.ts', to: 'src/billing/payment.ts' },
      { from: 'src/billing/tax.ts', to: 'src/billing/invoice.ts' },
    ];
    expect(domainStems(ids, dependencies).layerFolders).toEqual([]);
    // The same four files with imports only to the outside form a layer folder.
    const outside = ids.map((from) => ({ from, to: 'src/shared.ts' }));
    expect(domainStems([...ids, 'src/shared.ts'], outside).layerFolders).toEqual(['src/billing']);
  });
});

describe('stemEdges', () => {
  it('joins a family of k modules pairwise with 1 / (k - 1)', () => {
    const edges = stemEdges(
      new Map([
        ['a.ts', 'album'],
        ['b.ts', 'album'],
        ['c.ts', 'album'],
        ['d.ts', 'asset'],
      ]),
    );
    expect(edges).toEqual([
      { source: 'a.ts', target: 'b.ts', weight: 0.5 },
      { source: 'a.ts', target: 'c.ts', weight: 0.5 },
      { source: 'b.ts', target: 'c.ts', weight: 0.5 },
    ]);
  });

  it('joins a large family as a ring lattice with the same total weight per module', () => {
    const k = MAX_CLIQUE + 6;
    const stems = new Map(Array.from({ length: k }, (_, index) => [`m${String(index).padStart(3, '0')}.ts`, 'user']));
    const edges = stemEdges(stems);
    expect(edges).toHaveLength(k * CLIQUE_NEIGHBOURS);
    const total = new Map<string, number>();
    for (const edge of edges)
      for (const end of [edge.source, edge.target]) total.set(end, (total.get(end) ?? 0) + edge.weight);
    for (const weight of total.values()) expect(weight).toBeCloseTo(1, 12);
  });
});
