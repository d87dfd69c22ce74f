import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { wiringCollector } from '../../src/extract/collect-wiring.js';
import { walk } from '../../src/extract/walk.js';
import { analyze } from '../../src/analyze.js';
import { tempProject } from '../helpers.js';

function wiringOf(code: string): string[] {
  const collector = wiringCollector();
  walk(ts.createSourceFile('a.ts', code, ts.ScriptTarget.Latest), [collector.visit]);
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
    ).toEqual(['BillingController', 'BillingService', 'CLOCK', 'Clock', 'ConfigModule', 'OrdersModule', 'UsersModule', 'UsersService']);
  });

  it('marks a type-only import used for injection as wired, so it weighs as runtime coupling', async () => {
    const root = tempProject({
      'users.service.ts': 'export class UsersService {}\n',
      'billing.service.ts': "import type { UsersService } from './users.service';\n\n@Injectable()\nexport class BillingService {\n  constructor(private readonly users: UsersService) {}\n}\n",
      'report.ts': "import type { UsersService } from './users.service';\n\nexport type Report = { users: UsersService };\n",
    });
    const analysis = await analyze({ path: root, cache: false });
    const wired = Object.fromEntries(analysis.graph.dependencies.map((edge) => [edge.from, edge.wired === true]));
    expect(wired).toEqual({ 'billing.service.ts': true, 'report.ts': false });
  });
});
