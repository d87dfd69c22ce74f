import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { wiringCollector } from '../../src/extract/collect-wiring.js';
import { walk } from '../../src/extract/walk.js';
import { analyze } from '../../src/analyze.js';
import { tempProject } from '../helpers.js';

function wiringOf(code: string): string[] {
  const collector = wiringCollector();
  walk(ts.createSourceFile('a.ts', code, ts.ScriptTarget.Latest), [collector]);
  return collector.result();
}

describe('NestJS wiring', () => {
  it('collects module lists, constructor injection and @Inject tokens', () => {
    expect(
      wiringOf(
        [
          '@Module({ imports: [UsersModule, forwardRef(() => OrdersModule), ConfigModule.forRoot()], providers: [BillingService], controllers: [BillingController], exports: [BillingService] })',
          'export class BillingModule {}',
          '@Injectable()',
          'export class BillingService {',
          '  constructor(private readonly users: UsersService, @Inject(CLOCK) private readonly clock: Clock, plain: string) {}',
          '}',
          'export class NotDecorated { constructor(ignored: IgnoredService) {} }',
        ].join('\n'),
      ),
    ).toEqual([
      'BillingController',
      'BillingService',
      'CLOCK',
      'Clock',
      'ConfigModule',
      'OrdersModule',
      'UsersModule',
      'UsersService',
    ]);
  });

  it("tells the module's own members (providers, controllers) from the modules it imports", () => {
    const collector = wiringCollector();
    const code =
      '@Module({ imports: [UsersModule, forwardRef(() => OrdersModule)], providers: [BillingService, forwardRef(() => TaxService)], controllers: [BillingController], exports: [BillingService, UsersModule] })\nexport class BillingModule {}';
    walk(ts.createSourceFile('a.ts', code, ts.ScriptTarget.Latest), [collector]);
    expect(collector.members()).toEqual(['BillingController', 'BillingService', 'TaxService']);
  });

  it("weighs the imports of a module's members at the member weight, and its imported modules as runtime coupling", async () => {
    const root = tempProject({
      'billing/billing.module.ts':
        "import { Module } from '@nestjs/common';\nimport { BillingService } from './billing.service';\nimport { UsersModule } from '../users/users.module';\n\n@Module({ imports: [UsersModule], providers: [BillingService] })\nexport class BillingModule {}\n",
      'billing/billing.service.ts': 'export class BillingService {}\n',
      'users/users.module.ts': "import { Module } from '@nestjs/common';\n\n@Module({})\nexport class UsersModule {}\n",
      'package.json': '{"dependencies": {"@nestjs/common": "*"}}',
    });
    const analysis = await analyze({ path: root, cache: false, semanticWeight: 0, stemWeight: 0 });
    const from = analysis.graph.dependencies
      .filter((edge) => edge.from === 'billing/billing.module.ts')
      .map(({ to, wired, member }) => ({ to, wired, member }));
    expect(from).toEqual([
      { to: 'billing/billing.service.ts', wired: true, member: true },
      { to: 'users/users.module.ts', wired: true, member: undefined },
    ]);
    // Member 5, runtime 1, both halved by hub damping: the module's fan-out 2 over the P95 fan-out 1 (fan-outs 0, 0, 2).
    const weights = Object.fromEntries(
      analysis.clustering.edges.map((edge) => [`${edge.source} ${edge.target}`, edge.weight]),
    );
    expect(weights).toEqual({
      'billing/billing.module.ts billing/billing.service.ts': 2.5,
      'billing/billing.module.ts users/users.module.ts': 0.5,
    });
  });

  it('marks a type-only import used for injection as wired, so it weighs as runtime coupling', async () => {
    const root = tempProject({
      'users.service.ts': 'export class UsersService {}\n',
      'billing.service.ts':
        "import type { UsersService } from './users.service';\n\n@Injectable()\nexport class BillingService {\n  constructor(private readonly users: UsersService) {}\n}\n",
      'report.ts':
        "import type { UsersService } from './users.service';\n\nexport type Report = { users: UsersService };\n",
    });
    const analysis = await analyze({ path: root, cache: false });
    const wired = Object.fromEntries(analysis.graph.dependencies.map((edge) => [edge.from, edge.wired === true]));
    expect(wired).toEqual({ 'billing.service.ts': true, 'report.ts': false });
  });
});
