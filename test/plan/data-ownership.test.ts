import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { tempProject } from '../helpers.js';

describe('data ownership', () => {
  it('lists owned, shared and common entities per service, Prisma models included, and costs shared ones', async () => {
    const root = tempProject({
      'prisma/schema.prisma': 'model Invoice {\n  id Int @id\n}\n\nmodel AuditLog {\n  id Int @id\n}\n',
      'src/orders/order.entity.ts':
        "import { Entity } from 'typeorm';\n\n@Entity()\nexport class Order {\n  id!: string;\n}\n",
      'src/orders/order.repository.ts':
        "import { Repository } from 'typeorm';\nimport { Order } from './order.entity';\n\nexport type OrderRepository = Repository<Order>;\nexport const orders = (repository: OrderRepository) => repository;\n",
      'src/billing/invoice.service.ts':
        "import type { Repository } from 'typeorm';\nimport type { Order } from '../orders/order.entity';\n\nexport const bill = (prisma: any, orders: Repository<Order>) => [prisma.invoice.create({}), orders];\n",
      'src/billing/tax.service.ts':
        "import { bill } from './invoice.service';\n\nexport const tax = (prisma: any) => [bill, prisma.invoice.findMany()];\n",
      'src/audit/audit.service.ts': 'export const audit = (prisma: any) => prisma.auditLog.create({});\n',
      'package.json': '{"dependencies": {"typeorm": "*"}}',
      'seams.config.json': JSON.stringify({
        kernel: 'none',
        services: { audit: ['src/audit/**'], billing: ['src/billing/**'], orders: ['src/orders/**'] },
      }),
    });
    const { plan } = await analyze({ path: root, cache: false });
    expect(plan.data.entities).toEqual([
      {
        name: 'AuditLog',
        orm: 'prisma',
        declaredIn: 'prisma/schema.prisma',
        services: ['audit'],
        modules: ['src/audit/audit.service.ts'],
        category: 'owned',
      },
      {
        name: 'Invoice',
        orm: 'prisma',
        declaredIn: 'prisma/schema.prisma',
        services: ['billing'],
        modules: ['src/billing/invoice.service.ts', 'src/billing/tax.service.ts'],
        category: 'owned',
      },
      {
        name: 'Order',
        orm: 'typeorm',
        declaredIn: 'src/orders/order.entity.ts',
        services: ['billing', 'orders'],
        modules: ['src/billing/invoice.service.ts', 'src/orders/order.entity.ts', 'src/orders/order.repository.ts'],
        category: 'shared',
      },
    ]);
    expect(plan.data.services).toEqual([
      { cluster: 'audit', owned: ['AuditLog'], shared: [], common: [] },
      { cluster: 'billing', owned: ['Invoice'], shared: ['Order'], common: [] },
      { cluster: 'orders', owned: [], shared: ['Order'], common: [] },
    ]);
    const billingStep = plan.steps.find((step) => step.clusters.includes('billing'));
    const ordersStep = plan.steps.find((step) => step.clusters.includes('orders'));
    expect(
      (billingStep?.rank ?? 0) < (ordersStep?.rank ?? 0)
        ? billingStep?.cost.sharedEntities
        : ordersStep?.cost.sharedEntities,
    ).toBe(1);
  });
});
