/**
 * The extraction plan of fixtures/plan-shop, computed by hand. The fixture pins its services in
 * seams.config.json (catalog, notify, orders, payments, shipping; kernel src/common/**), so what
 * is tested here is the plan, not the clustering. Physical lines (wc -l): catalog 46
 * (5+16+11+3+11), notify 12 (3+9), orders 55 (14+11+30), payments 42 (14+10+18), shipping 31
 * (15+11+5), kernel 6 (3+3).
 *
 * See-through module imports between services (file:line):
 *   catalog  -> kernel   catalog.service:4 (log)
 *   notify   -> kernel   mailer:2 (log)
 *   orders   -> catalog  order.entity:2 (Product), orders.module:2 (CatalogModule via the barrel),
 *                        orders.service:3 (CatalogService via the barrel)
 *   orders   -> payments orders.module:3, orders.service:4
 *   orders   -> kernel   orders.service:5 (prisma)
 *   payments -> orders   payments.module:2, payments.service:2
 *   payments -> kernel   payments.service:3 (prisma)
 *   shipping -> orders   shipping.controller:2 (type-only, but constructor injection: wired, a
 *                        runtime coupling), shipping.service:2 (type-only Order: a contract)
 *   shipping -> notify   shipping.service:4 (sendMail)
 *   shipping -> kernel   shipping.service:3 (log)
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Analysis } from '../../src/analysis.js';
import { packagesByService } from '../../src/report/explain.js';
import { fixture } from '../helpers.js';

const shop = (edits: { merges?: string[][]; moves?: { glob: string; service: string }[] } = {}): Promise<Analysis> =>
  analyze({ path: fixture('plan-shop'), cache: false, ...edits });

describe('plan-shop: the extraction plan, by hand', () => {
  it('lifts module imports to a weighted service dependency graph', async () => {
    const { plan } = await shop();
    expect(plan.dependencies).toEqual([
      { from: 'catalog', to: 'shared-kernel', imports: 1, typeOnly: 0 },
      { from: 'notify', to: 'shared-kernel', imports: 1, typeOnly: 0 },
      { from: 'orders', to: 'catalog', imports: 3, typeOnly: 0 },
      { from: 'orders', to: 'payments', imports: 2, typeOnly: 0 },
      { from: 'orders', to: 'shared-kernel', imports: 1, typeOnly: 0 },
      { from: 'payments', to: 'orders', imports: 2, typeOnly: 0 },
      { from: 'payments', to: 'shared-kernel', imports: 1, typeOnly: 0 },
      { from: 'shipping', to: 'notify', imports: 1, typeOnly: 0 },
      // The wired constructor injection is not counted as type-only; the Order type import is.
      { from: 'shipping', to: 'orders', imports: 2, typeOnly: 1 },
      { from: 'shipping', to: 'shared-kernel', imports: 1, typeOnly: 0 },
    ]);
  });

  it('reports the orders <-> payments cycle with the imports to cut, file and line', async () => {
    const { plan } = await shop();
    // 2 imports each way: on a tie the direction from the later name (payments -> orders) is cut.
    const cut = {
      services: ['orders', 'payments'],
      cut: [{ from: 'payments', to: 'orders', imports: 2 }],
      imports: [
        {
          from: 'src/payments/payments.module.ts',
          line: 2,
          to: 'src/orders/orders.module.ts',
          symbols: ['OrdersModule'],
          typeOnly: false,
        },
        {
          from: 'src/payments/payments.service.ts',
          line: 2,
          to: 'src/orders/orders.service.ts',
          symbols: ['OrdersService'],
          typeOnly: false,
        },
      ],
    };
    expect(plan.cycles).toEqual([['orders', 'payments']]);
    expect(plan.cycleBreaks).toEqual([cut]);
    expect(plan.mutualDependencies).toEqual([cut]);
  });

  it('orders the extraction by the cost model, recomputed after every step', async () => {
    const { plan } = await shop();
    // Step 1, the kernel, always first: inbound 5 (one import from each service), 6 lines: 5.006.
    // Step 2, of {catalog, notify, orders, payments, shipping, orders+payments}:
    //   notify   out 0, in 1 (shipping)                                   -> 1.012
    //   shipping out 1 (wired, ×3) + 1 contract, in 0, notify still here -> 3·2 + 1 + 0.031 = 7.031
    //   catalog  in 3, Product shared with orders (×2)                    -> 5.046
    //   payments 3·2 + 2 + 2 (AuditEntry) = 10.042; orders 3·5 + 3 + 2·2 = 22.054; both 3·3 + 1 + 2 = 12.096
    // Step 3 (notify gone): shipping 3·1 + 1 contract + 0.031 = 4.031 beats catalog 5.046.
    // Step 4: catalog 5.046 (orders 3·5 + 2 + 4 = 21.054, payments 10.042, both 3·3 + 2 = 11.096).
    // Step 5: orders + payments, nothing left around them: 97 lines, 0.097.
    expect(plan.steps).toEqual([
      {
        rank: 1,
        clusters: ['shared-kernel'],
        reason: 'publish it as a library (or duplicate it) first; 5 imports from the services use it',
        dependsOn: [],
        inboundImports: 5,
        cost: { outbound: 0, contracts: 0, inbound: 5, sharedEntities: 0, lines: 6, total: 5.006 },
        remoteCalls: [],
        routes: [],
        callers: [],
        tables: { moves: [], splits: [] },
        events: [],
      },
      {
        rank: 2,
        clusters: ['notify'],
        reason: 'cheapest next (cost 1.012): no calls back into the monolith; 1 import from the monolith to rewire',
        dependsOn: ['shared-kernel'],
        inboundImports: 1,
        cost: { outbound: 0, contracts: 0, inbound: 1, sharedEntities: 0, lines: 12, total: 1.012 },
        remoteCalls: [],
        routes: [],
        // shipping stays and calls sendMail in-process: the call goes to the new notify service.
        callers: [
          {
            from: 'src/shipping/shipping.service.ts',
            line: 4,
            to: 'src/notify/mailer.ts',
            symbols: ['sendMail'],
            typeOnly: false,
          },
        ],
        // sequelize.define('EmailLog') with no tableName: Sequelize pluralises the model name; defined, never queried here.
        tables: {
          moves: [
            {
              table: 'EmailLogs',
              entity: 'EmailLog',
              orm: 'sequelize',
              declaredIn: 'src/notify/email-log.ts',
              access: 'use',
              modules: ['src/notify/email-log.ts'],
            },
          ],
          splits: [],
        },
        events: [],
      },
      {
        rank: 3,
        clusters: ['shipping'],
        reason:
          'cheapest next (cost 4.031): 1 import back into the monolith becomes a remote call; 1 type-only import back into the monolith goes to a shared contract; nothing left in the monolith imports it',
        dependsOn: ['notify', 'shared-kernel'],
        inboundImports: 0,
        cost: { outbound: 1, contracts: 1, inbound: 0, sharedEntities: 0, lines: 31, total: 4.031 },
        remoteCalls: [
          {
            from: 'src/shipping/shipping.controller.ts',
            line: 2,
            to: 'src/orders/orders.service.ts',
            symbols: ['OrdersService'],
            typeOnly: true,
            wired: true,
          },
        ],
        // @Controller('shipments') with @Post(':orderId') on line 9; no bootstrap sets a global prefix.
        routes: [
          {
            module: 'src/shipping/shipping.controller.ts',
            line: 9,
            framework: 'nestjs',
            method: 'POST',
            path: '/shipments/:orderId',
            handler: 'ShippingController.create',
          },
        ],
        callers: [],
        // model('Shipment', schema) with no collection: Mongoose lower-cases and pluralises it; ShipmentModel.create writes.
        tables: {
          moves: [
            {
              table: 'shipments',
              entity: 'Shipment',
              orm: 'mongoose',
              declaredIn: 'src/shipping/shipment.schema.ts',
              access: 'write',
              modules: ['src/shipping/shipment.schema.ts', 'src/shipping/shipping.service.ts'],
            },
          ],
          splits: [],
        },
        events: [],
      },
      {
        rank: 4,
        clusters: ['catalog'],
        reason:
          'cheapest next (cost 5.046): no calls back into the monolith; 3 imports from the monolith to rewire; 1 data entity shared with the monolith',
        dependsOn: ['shared-kernel'],
        inboundImports: 3,
        cost: { outbound: 0, contracts: 0, inbound: 3, sharedEntities: 1, lines: 46, total: 5.046 },
        remoteCalls: [],
        routes: [],
        // orders stays: its entity's relation, its module's import and its service's injection all reach catalog in-process.
        callers: [
          {
            from: 'src/orders/order.entity.ts',
            line: 2,
            to: 'src/catalog/product.entity.ts',
            symbols: ['Product'],
            typeOnly: false,
          },
          {
            from: 'src/orders/orders.module.ts',
            line: 2,
            to: 'src/catalog/catalog.module.ts',
            via: 'src/catalog/index.ts',
            symbols: ['CatalogModule'],
            typeOnly: false,
          },
          {
            from: 'src/orders/orders.service.ts',
            line: 3,
            to: 'src/catalog/catalog.service.ts',
            via: 'src/catalog/index.ts',
            symbols: ['CatalogService'],
            typeOnly: false,
          },
        ],
        // TypeORM's default names are the snake-cased class names. Category is catalog's alone; Product is
        // read by catalog (findOneByOrFail) and named by orders' @ManyToOne: nobody writes it.
        tables: {
          moves: [
            {
              table: 'category',
              entity: 'Category',
              orm: 'typeorm',
              declaredIn: 'src/catalog/category.entity.ts',
              access: 'use',
              modules: ['src/catalog/category.entity.ts', 'src/catalog/product.entity.ts'],
            },
          ],
          splits: [
            {
              table: 'product',
              entity: 'Product',
              orm: 'typeorm',
              declaredIn: 'src/catalog/product.entity.ts',
              access: 'read',
              modules: [
                'src/catalog/catalog.service.ts',
                'src/catalog/category.entity.ts',
                'src/catalog/product.entity.ts',
              ],
              others: [{ cluster: 'orders', access: 'use', extracted: false, modules: ['src/orders/order.entity.ts'] }],
              conflict: 'read-only',
            },
          ],
        },
        events: [],
      },
      {
        rank: 5,
        clusters: ['orders', 'payments'],
        reason:
          'orders and payments import each other (4 imports): moving them together keeps those local; cheapest next (cost 0.097): no calls back into the monolith; nothing left in the monolith imports it',
        dependsOn: ['catalog', 'shared-kernel'],
        inboundImports: 0,
        cost: { outbound: 0, contracts: 0, inbound: 0, sharedEntities: 0, lines: 97, total: 0.097 },
        remoteCalls: [],
        routes: [],
        callers: [],
        // Prisma's AuditEntry (no @@map) is created by both services; Payment.init without tableName is 'Payments';
        // Order is saved, found and updated by orders. Product was catalog's (extracted at step 4): orders still names it.
        tables: {
          moves: [
            {
              table: 'AuditEntry',
              entity: 'AuditEntry',
              orm: 'prisma',
              declaredIn: 'prisma/schema.prisma',
              access: 'write',
              modules: ['src/orders/orders.service.ts', 'src/payments/payments.service.ts'],
            },
            {
              table: 'Payments',
              entity: 'Payment',
              orm: 'sequelize',
              declaredIn: 'src/payments/payment.model.ts',
              access: 'write',
              modules: ['src/payments/payment.model.ts', 'src/payments/payments.service.ts'],
            },
            {
              table: 'order',
              entity: 'Order',
              orm: 'typeorm',
              declaredIn: 'src/orders/order.entity.ts',
              access: 'read-write',
              modules: ['src/orders/order.entity.ts', 'src/orders/orders.service.ts'],
            },
          ],
          splits: [
            {
              table: 'product',
              entity: 'Product',
              orm: 'typeorm',
              declaredIn: 'src/catalog/product.entity.ts',
              access: 'use',
              modules: ['src/orders/order.entity.ts'],
              others: [
                {
                  cluster: 'catalog',
                  access: 'read',
                  extracted: true,
                  modules: [
                    'src/catalog/catalog.service.ts',
                    'src/catalog/category.entity.ts',
                    'src/catalog/product.entity.ts',
                  ],
                },
              ],
              conflict: 'read-only',
            },
          ],
        },
        events: [],
      },
    ]);
    // Each step's outbound + contracts + inbound when it moves: 5 + 1 + 2 + 3 + 0.
    expect(plan.migrationImports).toBe(11);
  });

  it('lists each service API through the barrel, operations apart from types', async () => {
    const { plan } = await shop();
    const api = (id: string) => plan.apis.find((item) => item.cluster === id)?.symbols;
    // orders imports CatalogModule and CatalogService through src/catalog/index.ts, and Product directly.
    expect(api('catalog')).toEqual([
      {
        symbol: 'CatalogModule',
        module: 'src/catalog/catalog.module.ts',
        kind: 'operation',
        consumers: ['orders'],
        importSites: 1,
      },
      {
        symbol: 'CatalogService',
        module: 'src/catalog/catalog.service.ts',
        kind: 'operation',
        consumers: ['orders'],
        importSites: 1,
      },
      {
        symbol: 'Product',
        module: 'src/catalog/product.entity.ts',
        kind: 'operation',
        consumers: ['orders'],
        importSites: 1,
      },
    ]);
    // shipping imports Order and OrdersService only as types: a contract, not a call (wiring is
    // runtime coupling for the cost model, but the name itself is imported as a type).
    expect(api('orders')).toEqual([
      { symbol: 'Order', module: 'src/orders/order.entity.ts', kind: 'type', consumers: ['shipping'], importSites: 1 },
      {
        symbol: 'OrdersModule',
        module: 'src/orders/orders.module.ts',
        kind: 'operation',
        consumers: ['payments'],
        importSites: 1,
      },
      {
        symbol: 'OrdersService',
        module: 'src/orders/orders.service.ts',
        kind: 'operation',
        consumers: ['payments', 'shipping'],
        importSites: 2,
      },
    ]);
    expect(api('shipping')).toEqual([]);
  });

  it('finds the entities of four ORMs and who uses them', async () => {
    const { plan } = await shop();
    expect(plan.data.entities).toEqual([
      // prisma.auditEntry.create in orders.service and payments.service.
      {
        name: 'AuditEntry',
        orm: 'prisma',
        declaredIn: 'prisma/schema.prisma',
        services: ['orders', 'payments'],
        modules: ['src/orders/orders.service.ts', 'src/payments/payments.service.ts'],
        category: 'shared',
      },
      // Declared in category.entity; product.entity relates to it.
      {
        name: 'Category',
        orm: 'typeorm',
        declaredIn: 'src/catalog/category.entity.ts',
        services: ['catalog'],
        modules: ['src/catalog/category.entity.ts', 'src/catalog/product.entity.ts'],
        category: 'owned',
      },
      // sequelize.define('EmailLog', …).
      {
        name: 'EmailLog',
        orm: 'sequelize',
        declaredIn: 'src/notify/email-log.ts',
        services: ['notify'],
        modules: ['src/notify/email-log.ts'],
        category: 'owned',
      },
      // getRepository(Order) in orders.service; shipping imports Order as a type only, which is no use.
      {
        name: 'Order',
        orm: 'typeorm',
        declaredIn: 'src/orders/order.entity.ts',
        services: ['orders'],
        modules: ['src/orders/order.entity.ts', 'src/orders/orders.service.ts'],
        category: 'owned',
      },
      // Payment.init(…); payments.service imports the Payment class and calls Payment.create.
      {
        name: 'Payment',
        orm: 'sequelize',
        declaredIn: 'src/payments/payment.model.ts',
        services: ['payments'],
        modules: ['src/payments/payment.model.ts', 'src/payments/payments.service.ts'],
        category: 'owned',
      },
      // @InjectRepository(Product) and Repository<Product> in catalog.service, relations in category.entity and order.entity.
      {
        name: 'Product',
        orm: 'typeorm',
        declaredIn: 'src/catalog/product.entity.ts',
        services: ['catalog', 'orders'],
        modules: [
          'src/catalog/catalog.service.ts',
          'src/catalog/category.entity.ts',
          'src/catalog/product.entity.ts',
          'src/orders/order.entity.ts',
        ],
        category: 'shared',
      },
      // const ShipmentModel = model('Shipment', …); shipping.service imports ShipmentModel.
      {
        name: 'Shipment',
        orm: 'mongoose',
        declaredIn: 'src/shipping/shipment.schema.ts',
        services: ['shipping'],
        modules: ['src/shipping/shipment.schema.ts', 'src/shipping/shipping.service.ts'],
        category: 'owned',
      },
    ]);
    expect(plan.data.services).toEqual([
      { cluster: 'catalog', owned: ['Category'], shared: ['Product'], common: [] },
      { cluster: 'notify', owned: ['EmailLog'], shared: [], common: [] },
      { cluster: 'orders', owned: ['Order'], shared: ['AuditEntry', 'Product'], common: [] },
      { cluster: 'payments', owned: ['Payment'], shared: ['AuditEntry'], common: [] },
      { cluster: 'shared-kernel', owned: [], shared: [], common: [] },
      { cluster: 'shipping', owned: ['Shipment'], shared: [], common: [] },
    ]);
  });

  it('lists the npm packages each service would declare in its own package.json', async () => {
    const analysis = await shop();
    expect(Object.fromEntries(packagesByService(analysis))).toEqual({
      catalog: ['@nestjs/common', '@nestjs/typeorm', 'typeorm'],
      notify: ['nodemailer', 'sequelize'],
      orders: ['@nestjs/common', 'typeorm'],
      payments: ['@nestjs/common', 'sequelize'],
      'shared-kernel': ['@prisma/client'],
      shipping: ['@nestjs/common', 'mongoose'],
    });
  });

  it('reads NestJS module lists and constructor injection as wiring', async () => {
    const { graph } = await shop();
    const wired = graph.dependencies
      .filter((edge) => edge.wired === true)
      .map((edge) => `${edge.from} -> ${edge.to}${edge.typeOnly ? ' (type-only)' : ''}`);
    expect(wired).toEqual([
      'src/catalog/catalog.module.ts -> src/catalog/catalog.service.ts', // providers: [CatalogService]
      'src/orders/orders.module.ts -> src/catalog/catalog.module.ts', // imports: [CatalogModule], through the barrel
      'src/orders/orders.module.ts -> src/orders/orders.service.ts', // providers
      'src/orders/orders.module.ts -> src/payments/payments.module.ts', // imports: [forwardRef(() => PaymentsModule)]
      'src/orders/orders.service.ts -> src/catalog/catalog.service.ts', // constructor injection
      'src/orders/orders.service.ts -> src/payments/payments.service.ts', // constructor injection
      'src/payments/payments.module.ts -> src/orders/orders.module.ts',
      'src/payments/payments.module.ts -> src/payments/payments.service.ts',
      'src/payments/payments.service.ts -> src/orders/orders.service.ts', // @Inject(forwardRef(() => OrdersService))
      'src/shipping/shipping.controller.ts -> src/orders/orders.service.ts (type-only)', // injected although imported as a type
    ]);
    // The imports that are not wiring stay unwired: entities, functions, the Prisma client.
    expect(
      graph.dependencies.find(
        (edge) => edge.from === 'src/shipping/shipping.service.ts' && edge.to === 'src/notify/mailer.ts',
      )?.wired,
    ).toBeUndefined();
  });

  it('re-plans a merged or moved partition without clustering again', async () => {
    // shipping joins notify (the first name keeps the id): step 2 of {catalog 5.046, notify+shipping
    // out 1 (wired) ×3 + 1 contract, in 0, 43 lines = 4.043, orders, payments, the pair}.
    const merged = (await shop({ merges: [['notify', 'shipping']] })).plan;
    expect(merged.steps.map((step) => [step.clusters.join('+'), step.cost.total])).toEqual([
      ['shared-kernel', 5.006],
      ['notify', 4.043],
      ['catalog', 5.046],
      ['orders+payments', 0.097],
    ]);
    // The controller moves to orders: shipping keeps only its type import of Order, and orders now
    // imports shipping (ship). Step 2: notify 1.012 (shipping: 3·1 + 1 + 1 = 5.016). Step 3:
    // shipping 0·3 + 1 contract + 1 inbound + 16 lines = 2.016. Step 5: the pair holds 112 lines.
    const moved = (await shop({ moves: [{ glob: 'src/shipping/shipping.controller.ts', service: 'orders' }] })).plan;
    expect(moved.steps.map((step) => [step.clusters.join('+'), step.cost.total])).toEqual([
      ['shared-kernel', 5.006],
      ['notify', 1.012],
      ['shipping', 2.016],
      ['catalog', 5.046],
      ['orders+payments', 0.112],
    ]);
    expect(moved.migrationImports).toBe(5 + 1 + 2 + 3 + 0);
  });
});
