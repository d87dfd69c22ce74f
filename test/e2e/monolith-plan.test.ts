import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixture } from '../helpers.js';

describe('the extraction plan of the fixture monolith', async () => {
  const analysis = await analyze({ path: fixture('monolith'), cache: false });
  const { plan, partition } = analysis;
  const expected = JSON.parse(readFileSync(fixture('monolith', 'expected.json'), 'utf8')) as Record<string, string>;
  const serviceOf = (id: string) => partition.assignment[id] as string;

  it('publishes the kernel, then extracts a domain with no calls back into the monolith', () => {
    expect(plan.steps[0]?.clusters).toEqual(['shared-kernel']);
    const first = plan.steps[1];
    // A leaf: one service, of one domain, calling nothing back in the monolith.
    expect(first?.clusters).toHaveLength(1);
    expect(first?.cost).toMatchObject({ outbound: 0, contracts: 0 });
    expect(first?.remoteCalls).toEqual([]);
    expect(first?.reason).toMatch(
      /^cheapest next \(cost [\d.]+\): no calls back into the monolith; \d+ imports from the monolith to rewire/,
    );
    const members = partition.clusters.find((item) => item.id === first?.clusters[0])?.modules ?? [];
    expect(new Set(members.map((id) => expected[id])).size).toBe(1);
  });

  it('reports the orders <-> payments cycle with the imports to cut', () => {
    const order = serviceOf('src/services/order-service.ts');
    const payment = serviceOf('src/services/payment-service.ts');
    expect(order).not.toBe(payment);
    const sitesOf = (a: string, b: string) =>
      plan.mutualDependencies
        .find((item) => item.services.join() === [a, b].sort().join())
        ?.imports.map((item) => `${item.from}:${item.line} -> ${item.to}`) ?? [];
    // order-service imports payment-service and refund-service (fixtures/monolith/README.md).
    expect(sitesOf(order, payment)).toContain('src/services/order-service.ts:8 -> src/services/payment-service.ts');
    expect(sitesOf(order, serviceOf('src/services/refund-service.ts'))).toContain(
      'src/services/order-service.ts:9 -> src/services/refund-service.ts',
    );
    // The lighter direction is cut.
    const count = (from: string, to: string) =>
      plan.dependencies.find((item) => item.from === from && item.to === to)?.imports ?? 0;
    const pair = plan.mutualDependencies.find((item) => item.services.join() === [order, payment].sort().join());
    const [lighter, heavier] = count(order, payment) < count(payment, order) ? [order, payment] : [payment, order];
    expect(count(lighter, heavier)).toBeLessThan(count(heavier, lighter));
    expect(pair?.cut).toEqual([{ from: lighter, to: heavier, imports: count(lighter, heavier) }]);
    expect(plan.cycleBreaks.some((cycle) => cycle.services.includes(order) && cycle.services.includes(payment))).toBe(
      true,
    );
  });

  it('lists the shared entities with their users, Prisma models among them', () => {
    const audit = plan.data.entities.find((entity) => entity.name === 'AuditEvent');
    // prisma.auditEvent.create in three services (fixtures/monolith/README.md, "Prisma models").
    expect(audit).toEqual({
      name: 'AuditEvent',
      orm: 'prisma',
      declaredIn: 'prisma/schema.prisma',
      services: [
        ...new Set(
          ['src/services/customer-service.ts', 'src/services/order-service.ts', 'src/services/refund-service.ts'].map(
            serviceOf,
          ),
        ),
      ].sort(),
      modules: ['src/services/customer-service.ts', 'src/services/order-service.ts', 'src/services/refund-service.ts'],
      category: 'shared',
    });
    expect(plan.data.entities.find((entity) => entity.name === 'SearchQuery')).toMatchObject({
      services: [serviceOf('src/services/product-service.ts')],
      modules: ['src/services/product-service.ts'],
      category: 'owned',
    });
    // Product: cart-item and order-line relate to it (fixtures/monolith/README.md, "Cross-domain entity relations").
    const product = plan.data.entities.find((entity) => entity.name === 'Product');
    expect(product?.category).toBe('shared');
    expect(product?.modules).toEqual(expect.arrayContaining(['src/models/cart-item.ts', 'src/models/order-line.ts']));
  });
});
