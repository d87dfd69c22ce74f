import { describe, expect, it } from 'vitest';
import { cluster } from '../../src/cluster/cluster.js';
import { labelClusters, pathWords } from '../../src/cluster/label-clusters.js';
import type { WeightedEdge } from '../../src/cluster/types.js';
import { DEFAULT_SEED, type ClusterSettings } from '../../src/config/settings.js';
import type { ModuleGraph } from '../../src/graph/types.js';

const settings: ClusterSettings = { seed: DEFAULT_SEED, resolution: 1, runtimeWeight: 1, typeWeight: 0.5, dynamicWeight: 0.5, kernel: 'none' };

/** A module graph whose edges are the given undirected edges, read as imports source -> target. */
function graphOf(modules: string[], edges: WeightedEdge[]): ModuleGraph {
  return {
    modules: modules.map((id) => ({ id, lines: 1 })),
    edges: [],
    dependencies: edges.map((edge) => ({ from: edge.source, to: edge.target, kinds: ['static'], typeOnly: false, symbols: ['x'] })),
    externals: {},
  };
}

/** Every pair of the group connected with weight 1. */
function clique(ids: string[]): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) edges.push({ source: ids[i] as string, target: ids[j] as string, weight: 1 });
  return edges;
}

describe('cluster', () => {
  const orders = ['src/controllers/order-controller.ts', 'src/models/order.ts', 'src/repositories/order-repository.ts', 'src/services/order-service.ts'];
  const payments = ['src/controllers/payment-controller.ts', 'src/models/payment.ts', 'src/repositories/payment-repository.ts', 'src/services/payment-service.ts'];
  const lonely = 'src/scripts/seed-database.ts';
  const modules = [...orders, ...payments, lonely];
  const edges = [...clique(orders), ...clique(payments), { source: orders[3] as string, target: payments[3] as string, weight: 1 }].sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1,
  );

  it('separates two dense groups joined by one edge, and names them after their domain word', () => {
    const partition = cluster(graphOf(modules, edges), edges, settings);
    expect(partition.clusters.map((item) => ({ id: item.id, modules: item.modules }))).toEqual([
      { id: 'database', modules: [lonely] },
      { id: 'order', modules: [...orders].sort() },
      { id: 'payment', modules: [...payments].sort() },
    ]);
  });

  it('is a partition: every module in exactly one cluster, assignment consistent', () => {
    const partition = cluster(graphOf(modules, edges), edges, settings);
    const listed = partition.clusters.flatMap((item) => item.modules).sort();
    expect(listed).toEqual([...modules].sort());
    for (const item of partition.clusters) for (const id of item.modules) expect(partition.assignment[id]).toBe(item.id);
  });

  it('gives identical output for the same seed and input order', () => {
    expect(JSON.stringify(cluster(graphOf(modules, edges), edges, settings))).toBe(JSON.stringify(cluster(graphOf([...modules].reverse(), edges), edges, settings)));
  });
});

describe('labels', () => {
  it('splits paths into lower-case singular words without extensions or generic words', () => {
    expect(pathWords('src/services/OrderService.ts')).toEqual(['service', 'order', 'service']);
    expect(pathWords('src/models/categories/index.ts')).toEqual(['model', 'category']);
    expect(pathWords('lib/address-book_v2.tsx')).toEqual(['address', 'book', 'v2']);
  });

  it('prefers distinctive words over layer words and keeps names unique', () => {
    const labels = labelClusters([
      ['src/services/cart-service.ts', 'src/models/cart.ts', 'src/models/cart-item.ts'],
      ['src/services/cart-pricing-service.ts', 'src/models/price.ts'],
      ['src/services/shipping-service.ts', 'src/models/shipment.ts'],
    ]);
    expect(labels[0]).toBe('cart');
    expect(labels[1]).not.toBe('cart');
    expect(labels[1]).not.toBe('service');
    expect(labels[2]).toMatch(/^ship/);
    expect(new Set(labels).size).toBe(3);
  });
});
