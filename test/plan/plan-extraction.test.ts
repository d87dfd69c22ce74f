import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { partitionFromGroups } from '../../src/cluster/cluster.js';
import type { DependencyEdge, ModuleEdge, ModuleGraph } from '../../src/graph/types.js';
import { apiSurfaces } from '../../src/plan/api-surface.js';
import { eadesOrder, mutualDependencies } from '../../src/plan/break-cycles.js';
import { planExtraction } from '../../src/plan/plan-extraction.js';
import { serviceDependencies } from '../../src/graph/service-dependencies.js';
import type { Partition } from '../../src/cluster/types.js';
import { tempProject, EMPTY_GRAPH_EXTRAS } from '../helpers.js';

const edge = (from: string, to: string, typeOnly = false): DependencyEdge => ({
  from,
  to,
  kinds: [typeOnly ? 'type' : 'static'],
  typeOnly,
  symbols: ['x'],
});

/** A graph whose modules have 10 lines each; every edge is one import statement on line 1. */
function graphOf(modules: string[], edges: DependencyEdge[]): ModuleGraph {
  const written: ModuleEdge[] = edges.map((item) => ({
    ...item,
    lines: [1],
    details: [
      {
        line: 1,
        kind: item.kinds[0] ?? 'static',
        syntax: 'import',
        specifier: `./${item.to}`,
        typeOnly: item.typeOnly,
        symbols: item.symbols,
      },
    ],
    declarations: item.symbols.map((symbol) => ({ symbol, module: item.to })),
  }));
  return {
    modules: modules.map((id) => ({ id, lines: 10, exports: 0, abstractExports: 0 })),
    edges: written,
    dependencies: edges,
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}

const planOf = (graph: ModuleGraph, partition: Partition) =>
  planExtraction(graph, partition, serviceDependencies(graph, partition.assignment));

describe('planExtraction: cost model', () => {
  it('orders a chain by cost: 3 per import back into the monolith, 1 per import to rewire, lines / 1000', () => {
    // alpha -> beta -> gamma. Step 1: alpha 3·1 + 0 + 0.01 = 3.01, beta 3 + 1 + 0.01 = 4.01, gamma 0 + 1 + 0.01 = 1.01.
    const graph = graphOf(
      ['alpha.ts', 'beta.ts', 'gamma.ts'],
      [edge('alpha.ts', 'beta.ts'), edge('beta.ts', 'gamma.ts')],
    );
    const plan = planOf(graph, partitionFromGroups([['alpha.ts'], ['beta.ts'], ['gamma.ts']]));
    expect(plan.steps.map((step) => step.clusters)).toEqual([['gamma'], ['beta'], ['alpha']]);
    expect(plan.steps[0]).toMatchObject({
      rank: 1,
      dependsOn: [],
      inboundImports: 1,
      cost: { outbound: 0, inbound: 1, sharedEntities: 0, lines: 10, total: 1.01 },
      remoteCalls: [],
      // beta stays in the monolith and imports gamma in-process: that call now goes to the new service.
      callers: [{ from: 'beta.ts', line: 1, to: 'gamma.ts', symbols: ['x'], typeOnly: false }],
      reason: 'cheapest next (cost 1.01): no calls back into the monolith; 1 import from the monolith to rewire',
    });
    expect(plan.steps[2]).toMatchObject({ dependsOn: ['beta'], cost: { outbound: 0, inbound: 0, total: 0.01 } });
    // Each step's inbound + outbound when it moves: 1 + 1 + 0.
    expect(plan.migrationImports).toBe(2);
    expect(plan.cycles).toEqual([]);
  });

  it('moves two services that import each other together when that is cheapest, and says which imports would cut the cycle', () => {
    // alpha <-> beta, both -> gamma, delta -> alpha. Step 1: gamma 2.01 is cheapest; step 2: the pair (0 out, 1 in) 1.02
    // beats delta 3.01, beta 4.01, alpha 5.01; step 3: delta.
    const graph = graphOf(
      ['alpha.ts', 'beta.ts', 'gamma.ts', 'delta.ts'],
      [
        edge('alpha.ts', 'beta.ts'),
        edge('beta.ts', 'alpha.ts'),
        edge('alpha.ts', 'gamma.ts'),
        edge('beta.ts', 'gamma.ts'),
        edge('delta.ts', 'alpha.ts'),
      ],
    );
    const plan = planOf(graph, partitionFromGroups([['alpha.ts'], ['beta.ts'], ['gamma.ts'], ['delta.ts']]));
    expect(plan.steps.map((step) => step.clusters)).toEqual([['gamma'], ['alpha', 'beta'], ['delta']]);
    expect(plan.steps[1]?.reason).toBe(
      'alpha and beta import each other (2 imports): moving them together keeps those local; cheapest next (cost 1.02): no calls back into the monolith; 1 import from the monolith to rewire',
    );
    expect(plan.cycles).toEqual([['alpha', 'beta']]);
    const breakBetaToAlpha = {
      services: ['alpha', 'beta'],
      cut: [{ from: 'beta', to: 'alpha', imports: 1 }],
      imports: [{ from: 'beta.ts', line: 1, to: 'alpha.ts', symbols: ['x'], typeOnly: false }],
    };
    expect(plan.cycleBreaks).toEqual([breakBetaToAlpha]);
    // A two-service cycle: on a tie the direction from the later name is cut.
    expect(plan.mutualDependencies).toEqual([breakBetaToAlpha]);
  });

  it('lists the runtime imports that become remote calls, not the type-only ones', () => {
    // alpha imports beta (runtime) and gamma (type only); seven delta modules import beta and gamma.
    // Step 1: alpha 3·1 + 1 contract + 0 + 0.01 = 4.01; beta and gamma 0 + 8 + 0.01 = 8.01; delta 3·14 + 0 = 42.07.
    // alpha goes first; of its two imports into the monolith only the runtime one becomes a remote call,
    // the type-only one goes to a shared contract.
    const deltas = Array.from({ length: 7 }, (_, index) => `delta${index}.ts`);
    const graph = graphOf(
      ['alpha.ts', 'beta.ts', 'gamma.ts', ...deltas],
      [
        edge('alpha.ts', 'beta.ts'),
        edge('alpha.ts', 'gamma.ts', true),
        ...deltas.flatMap((id) => [edge(id, 'beta.ts'), edge(id, 'gamma.ts')]),
      ],
    );
    const plan = planOf(graph, partitionFromGroups([['alpha.ts'], ['beta.ts'], ['gamma.ts'], deltas]));
    expect(plan.steps[0]).toMatchObject({
      clusters: ['alpha'],
      cost: { outbound: 1, contracts: 1, inbound: 0, sharedEntities: 0, lines: 10, total: 4.01 },
      remoteCalls: [{ from: 'alpha.ts', line: 1, to: 'beta.ts', symbols: ['x'], typeOnly: false }],
    });
  });
});

describe('eadesOrder (feedback arc set heuristic)', () => {
  it('puts sinks last and sources first, and breaks a cycle at its weakest back edge', () => {
    const dependency = (from: string, to: string, imports: number) => ({ from, to, imports, typeOnly: 0 });
    // a -> b (5), b -> c (5), c -> a (1): no sink or source; deltas a 4, b 0, c -4: a first, then b (source), c.
    expect(
      eadesOrder(['a', 'b', 'c'], [dependency('a', 'b', 5), dependency('b', 'c', 5), dependency('c', 'a', 1)]),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('apiSurfaces', () => {
  it('counts a name imported with an inline type specifier as a type, and its value neighbour as an operation', async () => {
    const root = tempProject({
      'events/order-events.ts':
        "export const OrderEvents = { Placed: 'placed' };\nexport interface OrderPlaced {\n  id: string;\n}\n",
      'mail/handler.ts':
        "import { OrderEvents, type OrderPlaced } from '../events/order-events';\n\nexport const on = (event: OrderPlaced) => [OrderEvents.Placed, event.id];\n",
    });
    const analysis = await analyze({ path: root, cache: false });
    const partition = partitionFromGroups([['events/order-events.ts'], ['mail/handler.ts']]);
    const events = partition.assignment['events/order-events.ts'];
    const consumers = [partition.assignment['mail/handler.ts']];
    expect(apiSurfaces(analysis.graph, partition).find((api) => api.cluster === events)?.symbols).toEqual([
      { symbol: 'OrderEvents', module: 'events/order-events.ts', kind: 'operation', consumers, importSites: 1 },
      { symbol: 'OrderPlaced', module: 'events/order-events.ts', kind: 'type', consumers, importSites: 1 },
    ]);
  });

  it("does not count a barrel's own re-exports as consumption, only the imports through it", async () => {
    const root = tempProject({
      'shared/index.ts': "export * from './money';\nexport { log } from './log';\n",
      'shared/money.ts': 'export const cents = (value: number) => Math.round(value * 100);\n',
      'shared/log.ts': 'export const log = (message: string) => message;\n',
      'cart/cart.ts': "import { cents } from '../shared';\n\nexport const total = cents(1);\n",
    });
    const analysis = await analyze({ path: root, cache: false, kernel: 'none' });
    // The barrel sits in a service of its own; money.ts and log.ts in another.
    const partition = partitionFromGroups([
      ['shared/index.ts'],
      ['shared/log.ts', 'shared/money.ts'],
      ['cart/cart.ts'],
    ]);
    const owner = partition.assignment['shared/money.ts'];
    expect(apiSurfaces(analysis.graph, partition).find((api) => api.cluster === owner)?.symbols).toEqual([
      {
        symbol: 'cents',
        module: 'shared/money.ts',
        kind: 'operation',
        consumers: [partition.assignment['cart/cart.ts']],
        importSites: 1,
      },
    ]);
  });

  it('sees a mixed import as type-only where only its inline type names reach a module through a barrel', async () => {
    const root = tempProject({
      'billing/index.ts': "export { charge } from './charge';\nexport type { Invoice } from './invoice';\n",
      'billing/charge.ts': 'export const charge = (amount: number) => amount;\n',
      'billing/invoice.ts': 'export interface Invoice {\n  id: string;\n}\n',
      'orders/order.ts':
        "import { charge, type Invoice } from '../billing';\n\nexport const place = (): Invoice => ({ id: String(charge(1)) });\n",
    });
    const { graph } = await analyze({ path: root, cache: false });
    const from = graph.dependencies
      .filter((edge) => edge.from === 'orders/order.ts')
      .map(({ to, typeOnly, kinds }) => ({ to, typeOnly, kinds }));
    expect(from).toEqual([
      { to: 'billing/charge.ts', typeOnly: false, kinds: ['static'] },
      { to: 'billing/invoice.ts', typeOnly: true, kinds: ['type'] },
    ]);
  });

  it('lists the names other services import, through barrels, as operations or types with their consumers', async () => {
    const root = tempProject({
      'billing/index.ts': "export { charge } from './charge';\nexport type { Invoice } from './invoice';\n",
      'billing/charge.ts': 'export function charge(amount: number): number {\n  return amount;\n}\n',
      'billing/invoice.ts': 'export interface Invoice {\n  id: string;\n}\n',
      'orders/order.ts':
        "import { charge } from '../billing';\nimport type { Invoice } from '../billing';\n\nexport const place = (): Invoice => ({ id: String(charge(1)) });\n",
      'orders/refund.ts': "import { charge } from '../billing/charge';\n\nexport const refund = () => charge(-1);\n",
    });
    const analysis = await analyze({ path: root, cache: false });
    const partition = partitionFromGroups([
      ['billing/charge.ts', 'billing/index.ts', 'billing/invoice.ts'],
      ['orders/order.ts', 'orders/refund.ts'],
    ]);
    const billing = apiSurfaces(analysis.graph, partition).find((api) => api.cluster === 'billing');
    expect(billing?.symbols).toEqual([
      { symbol: 'charge', module: 'billing/charge.ts', kind: 'operation', consumers: ['order'], importSites: 2 },
      { symbol: 'Invoice', module: 'billing/invoice.ts', kind: 'type', consumers: ['order'], importSites: 1 },
    ]);
  });
});

describe('mutualDependencies', () => {
  it('on a tie cuts the direction the cycle breaks cut, so both pieces of advice agree', () => {
    const dependency = (from: string, to: string, imports: number) => ({ from, to, imports, typeOnly: 0 });
    const dependencies = [dependency('a', 'b', 1), dependency('b', 'a', 1)];
    // Alone, a tie cuts the direction from the later name: b -> a.
    expect(mutualDependencies(dependencies, new Map()).map((pair) => pair.cut)).toEqual([
      [{ from: 'b', to: 'a', imports: 1 }],
    ]);
    // When the cycle break of a larger cycle cuts a -> b, the pair advice follows it.
    const cycleBreaks = [{ services: ['a', 'b', 'c'], cut: [{ from: 'a', to: 'b', imports: 1 }], imports: [] }];
    expect(mutualDependencies(dependencies, new Map(), cycleBreaks).map((pair) => pair.cut)).toEqual([
      [{ from: 'a', to: 'b', imports: 1 }],
    ]);
    // A lighter direction wins over the cycle break's choice.
    expect(
      mutualDependencies([dependency('a', 'b', 2), dependency('b', 'a', 1)], new Map(), cycleBreaks).map(
        (pair) => pair.cut,
      ),
    ).toEqual([[{ from: 'b', to: 'a', imports: 1 }]]);
  });
});
