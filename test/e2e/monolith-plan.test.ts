import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixture } from '../helpers.js';

describe('the extraction plan of the fixture monolith', async () => {
  const analysis = await analyze({ path: fixture('monolith'), cache: false });
  const { plan, partition } = analysis;
  const expected = JSON.parse(readFileSync(fixture('monolith', 'expected.json'), 'utf8')) as Record<string, string>;

  it('publishes the kernel, then extracts a domain with no calls back into the monolith', () => {
    expect(plan.steps[0]?.clusters).toEqual(['shared-kernel']);
    const first = plan.steps[1];
    // The catalog imports only the kernel (fixtures/monolith/README.md, "A leaf domain").
    expect(first?.clusters).toEqual(['product']);
    expect(first?.cost).toMatchObject({ outbound: 0, contracts: 0 });
    expect(first?.remoteCalls).toEqual([]);
    expect(first?.reason).toMatch(/^cheapest next \(cost [\d.]+\): no calls back into the monolith; \d+ imports from the monolith to rewire/);
    const members = partition.clusters.find((item) => item.id === 'product')?.modules ?? [];
    expect(new Set(members.map((id) => expected[id]))).toEqual(new Set(['catalog']));
  });

  it('reports the orders <-> payments cycle with the imports to cut', () => {
    const pair = plan.mutualDependencies.find((item) => item.services.join() === 'order,payment');
    const sites = pair?.imports.map((item) => `${item.from}:${item.line} -> ${item.to}`) ?? [];
    // order-service imports payment-service and refund-service (fixtures/monolith/README.md).
    expect(sites).toContain('src/services/order-service.ts:8 -> src/services/payment-service.ts');
    expect(sites).toContain('src/services/order-service.ts:9 -> src/services/refund-service.ts');
    // The lighter direction is cut: order -> payment has fewer module imports than payment -> order.
    const count = (from: string, to: string) => plan.dependencies.find((item) => item.from === from && item.to === to)?.imports ?? 0;
    expect(count('order', 'payment')).toBeLessThan(count('payment', 'order'));
    expect(pair?.cut).toEqual([{ from: 'order', to: 'payment', imports: count('order', 'payment') }]);
    expect(plan.cycleBreaks.some((cycle) => cycle.services.includes('order') && cycle.services.includes('payment'))).toBe(true);
  });

  it('lists the shared entities with their users, Prisma models among them', () => {
    const audit = plan.data.entities.find((entity) => entity.name === 'AuditEvent');
    // prisma.auditEvent.create in three services (fixtures/monolith/README.md, "Prisma models").
    expect(audit).toEqual({
      name: 'AuditEvent',
      orm: 'prisma',
      declaredIn: 'prisma/schema.prisma',
      services: ['customer', 'order', 'payment'],
      modules: ['src/services/customer-service.ts', 'src/services/order-service.ts', 'src/services/refund-service.ts'],
      category: 'shared',
    });
    expect(plan.data.entities.find((entity) => entity.name === 'SearchQuery')).toMatchObject({ services: ['product'], modules: ['src/services/product-service.ts'], category: 'owned' });
    // Product: cart-item and order-line relate to it (fixtures/monolith/README.md, "Cross-domain entity relations").
    const product = plan.data.entities.find((entity) => entity.name === 'Product');
    expect(product?.category).toBe('shared');
    expect(product?.modules).toEqual(expect.arrayContaining(['src/models/cart-item.ts', 'src/models/order-line.ts']));
  });
});
