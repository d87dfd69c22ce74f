import { describe, expect, it } from 'vitest';
import { cluster as clusterWith } from '../../src/cluster/cluster.js';
import { combineSignals } from '../../src/cluster/clustering-graph.js';
import { labelClusters, pathWords } from '../../src/cluster/label-clusters.js';
import type { WeightedEdge } from '../../src/cluster/types.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import type { ClusterSettings } from '../../src/config/settings.js';
import type { ModuleGraph } from '../../src/graph/types.js';
import { tempProject, EMPTY_GRAPH_EXTRAS } from '../helpers.js';

const defaults = resolveSettings({ path: tempProject({}) }).cluster;
const settings: ClusterSettings = { ...defaults, kernel: 'none' };

/** Clusters on a clustering graph made of the given edges alone (no stems). */
function cluster(graph: ModuleGraph, edges: WeightedEdge[], options: ClusterSettings) {
  return clusterWith(
    graph,
    combineSignals({ static: edges, semantic: [], stem: [], change: [], data: [], event: [] }, options),
    options,
    new Map(),
  );
}

/** A module graph whose edges are the given undirected edges, read as imports source -> target. */
function graphOf(modules: string[], edges: WeightedEdge[]): ModuleGraph {
  return {
    modules: modules.map((id) => ({ id, lines: 1, exports: 0, abstractExports: 0 })),
    edges: [],
    dependencies: edges.map((edge) => ({
      from: edge.source,
      to: edge.target,
      kinds: ['static'],
      typeOnly: false,
      symbols: ['x'],
    })),
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}

/** Every pair of the group connected with weight 1. */
function clique(ids: string[]): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      edges.push({ source: ids[i] as string, target: ids[j] as string, weight: 1 });
  return edges;
}

describe('cluster', () => {
  const orders = [
    'src/controllers/order-controller.ts',
    'src/models/order.ts',
    'src/repositories/order-repository.ts',
    'src/services/order-service.ts',
  ];
  const payments = [
    'src/controllers/payment-controller.ts',
    'src/models/payment.ts',
    'src/repositories/payment-repository.ts',
    'src/services/payment-service.ts',
  ];
  const lonely = 'src/scripts/seed-database.ts';
  const modules = [...orders, ...payments, lonely];
  const edges = [
    ...clique(orders),
    ...clique(payments),
    { source: orders[3] as string, target: payments[3] as string, weight: 1 },
  ].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));

  it('separates two dense groups joined by one edge, names them after their domain word, and makes no service of a module no import joins', () => {
    const partition = cluster(graphOf(modules, edges), edges, settings);
    expect(partition.clusters.map((item) => ({ id: item.id, kind: item.kind, modules: item.modules }))).toEqual([
      { id: 'order', kind: 'service', modules: [...orders].sort() },
      { id: 'payment', kind: 'service', modules: [...payments].sort() },
      { id: 'unattached', kind: 'unattached', modules: [lonely] },
    ]);
    expect(partition.placement[lonely]).toBe(
      'no import joins it to another clustered module; no other signal ties it clearly to one service: unattached',
    );
  });

  it('is a partition: every module in exactly one cluster, assignment consistent', () => {
    const partition = cluster(graphOf(modules, edges), edges, settings);
    const listed = partition.clusters.flatMap((item) => item.modules).sort();
    expect(listed).toEqual([...modules].sort());
    for (const item of partition.clusters)
      for (const id of item.modules) expect(partition.assignment[id]).toBe(item.id);
  });

  it('gives identical output for the same seed and input order', () => {
    expect(JSON.stringify(cluster(graphOf(modules, edges), edges, settings))).toBe(
      JSON.stringify(cluster(graphOf([...modules].reverse(), edges), edges, settings)),
    );
  });
});

describe('cluster: controls', () => {
  const billing = ['src/billing/invoice.ts', 'src/billing/ledger.ts', 'src/billing/tax.ts'];
  const shop = ['src/shop/cart.ts', 'src/shop/checkout.ts', 'src/shop/basket.ts'];
  const legacy = ['src/legacy/old-invoice.ts', 'src/legacy/old-cart.ts'];
  const modules = [...billing, ...shop, ...legacy];
  const edges = [
    ...clique(billing),
    ...clique(shop),
    { source: 'src/billing/invoice.ts', target: 'src/legacy/old-invoice.ts', weight: 3 },
    { source: 'src/legacy/old-cart.ts', target: 'src/shop/cart.ts', weight: 3 },
    { source: 'src/legacy/old-cart.ts', target: 'src/legacy/old-invoice.ts', weight: 0.5 },
  ].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
  const graph = graphOf(modules, edges);
  const membersOf = (partition: ReturnType<typeof cluster>) =>
    Object.fromEntries(partition.clusters.map((item) => [item.id, item.modules]));

  it('keeps pinned files in their service and lets the rest join the service they are most connected to', () => {
    const partition = cluster(graph, edges, {
      ...settings,
      services: { payments: ['src/billing/**'], storefront: ['src/shop/**'] },
      resolution: 0.1,
    });
    expect(membersOf(partition)).toEqual({
      payments: [...billing, 'src/legacy/old-invoice.ts'].sort(),
      storefront: [...shop, 'src/legacy/old-cart.ts'].sort(),
    });
    expect(partition.clusters.every((item) => item.pinned)).toBe(true);
  });

  it('clusters folders as units with --granularity folder and still lists files', () => {
    const partition = cluster(graph, edges, { ...settings, granularity: { unit: 'folder', depth: null } });
    for (const item of partition.clusters) {
      const folders = new Set(item.modules.map((id) => id.split('/').slice(0, 2).join('/')));
      for (const folder of folders)
        expect(item.modules.filter((id) => id.startsWith(`${folder}/`)).length).toBe(
          modules.filter((id) => id.startsWith(`${folder}/`)).length,
        );
    }
    expect(partition.clusters.flatMap((item) => item.modules).sort()).toEqual([...modules].sort());
  });

  it('takes the kernel from globs when given', () => {
    const partition = cluster(graph, edges, { ...settings, kernel: ['src/legacy/**'] });
    expect(partition.clusters.find((item) => item.kind === 'kernel')?.modules).toEqual([...legacy].sort());
    expect(partition.kernel['src/legacy/old-cart.ts']).toBe('listed as kernel in the configuration');
  });

  it('sweeps resolutions with auto and reports every point', () => {
    const partition = cluster(graph, edges, { ...settings, resolution: 'auto' });
    expect(partition.sweep?.map((point) => point.resolution)).toEqual([0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8]);
    const best = Math.max(...(partition.sweep ?? []).map((point) => point.score));
    expect(partition.sweep?.find((point) => point.resolution === partition.resolution)?.score).toBe(best);
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

  it('names groups without a usable path word service, then service-2', () => {
    expect(labelClusters([['src/a.ts', 'src/b.ts']])).toEqual(['service']);
    expect(labelClusters([['src/a.ts', 'src/b.ts'], ['src/c.ts']])).toEqual(['service', 'service-2']);
  });
});
