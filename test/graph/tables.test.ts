import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import type { EntityFacts } from '../../src/extract/collect-entities.js';
import { extract } from '../../src/extract/extract.js';
import type { Extraction, ModuleFacts, ModuleImport } from '../../src/extract/types.js';
import { pairEvents } from '../../src/graph/events.js';
import { assembleTables } from '../../src/graph/tables.js';
import { loadProject } from '../../src/load/load-project.js';
import { fixture } from '../helpers.js';

/** The data and event parts of fixtures/backend (src/data, src/events, prisma), the rest of the fixture left out. */
const OWN = /^(src\/data\/|src\/events\/|prisma\/)/;

describe('fixtures/backend: tables and event channels, by hand (expected-data.json)', () => {
  let extraction: Extraction;
  const expected = JSON.parse(readFileSync(fixture('backend', 'expected-data.json'), 'utf8'));
  beforeAll(async () => {
    extraction = await extract(loadProject(resolveSettings({ path: fixture('backend'), cache: false })));
  });

  it('assembles the tables behind the entities with their readers, writers and users', () => {
    const { tables, diagnostics } = assembleTables(extraction.modules, extraction.prismaModels);
    const own = tables
      .filter((table) => OWN.test(table.declaredIn))
      .map((table) => ({
        ...table,
        readers: table.readers.filter((id) => OWN.test(id)),
        writers: table.writers.filter((id) => OWN.test(id)),
        users: table.users.filter((id) => OWN.test(id)),
      }));
    expect(own).toEqual(expected.tables);
    expect(diagnostics.filter((item) => /src\/(data|events)\//.test(item.message))).toEqual(expected.diagnostics);
  });

  it('pairs the emitted and listened events', () => {
    const own = pairEvents(extraction.modules.filter((module) => OWN.test(module.id)));
    expect(own).toEqual(expected.events);
  });
});

const module = (
  id: string,
  entities: Partial<EntityFacts>,
  imports: Partial<ModuleImport>[] = [],
  local: string[] = [],
): ModuleFacts => ({
  id,
  lines: 1,
  imports: imports.map((item) => ({
    specifier: '',
    kind: 'static',
    typeOnly: false,
    symbols: [],
    line: 1,
    syntax: 'import',
    target: { type: 'unresolved' },
    ...item,
  })),
  exports: { local, reexports: [], stars: [], abstract: [] },
  terms: {},
  entities: { declares: [], uses: [], ...entities },
  wiring: [],
  members: [],
  bootstrap: null,
});

describe('assembleTables', () => {
  it('follows a project entity decorator through a barrel and reads the table argument the wrapper passes on', () => {
    const modules = [
      module('src/db/entity.ts', { entityDecorators: [{ name: 'Table', orm: 'typeorm', table: 1 }] }, [], ['Table']),
      module('src/db/index.ts', {}, [], []),
      module(
        'src/a.ts',
        { decorated: [{ name: 'A', decorator: 'Table', from: './db', arguments: ['ignored', 'a_rows'] }] },
        [{ specifier: './db', symbols: ['Table'], target: { type: 'internal', module: 'src/db/index.ts' } }],
        ['A'],
      ),
      module(
        'src/b.ts',
        {
          decorated: [
            { name: 'B', decorator: 'Table', from: './db', arguments: [] },
            { name: 'C', decorator: 'Other', from: './db', arguments: ['c'] },
          ],
        },
        [{ specifier: './db', symbols: ['Other', 'Table'], target: { type: 'internal', module: 'src/db/index.ts' } }],
      ),
    ];
    (modules[1] as ModuleFacts).exports.stars = ['src/db/entity.ts'];
    expect(assembleTables(modules, []).tables).toEqual([
      {
        table: 'a_rows',
        orm: 'typeorm',
        entity: 'A',
        declaredIn: 'src/a.ts',
        tableSource: 'explicit',
        readers: [],
        writers: [],
        users: ['src/a.ts'],
      },
      // No table argument passed: TypeORM's default (snake case of the class).
      {
        table: 'b',
        orm: 'typeorm',
        entity: 'B',
        declaredIn: 'src/b.ts',
        tableSource: 'default',
        readers: [],
        writers: [],
        users: ['src/b.ts'],
      },
    ]);
  });

  it('says when an ORM is used but none of its entities is found', () => {
    const modules = [
      module('src/a.ts', { uses: ['Order'] }, [
        { specifier: 'typeorm', target: { type: 'package', name: 'typeorm', installed: true } },
      ]),
      module('src/b.ts', { uses: ['prisma:order'] }),
      module('src/c.ts', {}, [
        { specifier: '@nestjs/typeorm', target: { type: 'package', name: '@nestjs/typeorm', installed: true } },
      ]),
      module('src/d.ts', {}, [{ specifier: 'typeorm', target: { type: 'package', name: 'typeorm', installed: true } }]),
      module('src/e.ts', {}, [{ specifier: 'typeorm', target: { type: 'package', name: 'typeorm', installed: true } }]),
    ];
    expect(
      assembleTables(modules, [
        { name: 'Order', file: 'prisma/schema.prisma', table: 'orders', tableSource: 'explicit' },
      ]).diagnostics,
    ).toEqual([
      {
        code: 'ORM_ENTITIES_NOT_FOUND',
        message:
          'typeorm is used by 4 modules (src/a.ts, src/c.ts, src/d.ts, and 1 more) but none of its entities was found (declared in a form seams does not read, or outside the analysed files): its tables are not reported',
      },
    ]);
  });

  it('resolves static model calls only through a binding the module imports', () => {
    const modules = [
      module(
        'src/model.ts',
        {
          declares: [
            { name: 'Review', orm: 'mongoose', binding: 'ReviewModel', table: 'reviews', tableSource: 'default' },
          ],
        },
        [],
        ['ReviewModel'],
      ),
      module(
        'src/use.ts',
        {
          access: [
            { entity: 'ReviewModel', mode: 'write', line: 3, static: true },
            { entity: 'Review', mode: 'read', line: 4, static: true },
          ],
        },
        [{ specifier: './model', symbols: ['ReviewModel'], target: { type: 'internal', module: 'src/model.ts' } }],
      ),
    ];
    expect(assembleTables(modules, []).tables).toEqual([
      {
        table: 'reviews',
        orm: 'mongoose',
        entity: 'Review',
        declaredIn: 'src/model.ts',
        tableSource: 'default',
        readers: [],
        writers: ['src/use.ts'],
        users: ['src/model.ts', 'src/use.ts'],
      },
    ]);
  });
});

describe('assembleTables: entity bindings imported through barrels', () => {
  it('finds a default-exported entity re-exported by name, and an entity re-exported renamed', async () => {
    const { tempProject } = await import('../helpers.js');
    const root = tempProject({
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "experimentalDecorators": true } }',
      'models/attachment.ts':
        "import { Entity } from 'typeorm';\n@Entity('attachments')\nexport default class Attachment {}\n",
      'models/order.ts': "import { Entity } from 'typeorm';\n@Entity('orders')\nexport class Order {}\n",
      'models/index.ts':
        "export { default as Attachment } from './attachment';\nexport { Order as Purchase } from './order';\n",
      // Value imports of the bindings: these modules use the entities (they construct them).
      'upload.ts': "import { Attachment } from './models';\nexport const make = () => new Attachment();\n",
      'checkout.ts': "import { Purchase } from './models';\nexport const make = () => new Purchase();\n",
    });
    const extraction = await extract(loadProject(resolveSettings({ path: root, cache: false })));
    const { tables } = assembleTables(extraction.modules, extraction.prismaModels);
    expect(tables.map((table) => [table.table, table.users])).toEqual([
      ['attachments', ['models/attachment.ts', 'upload.ts']],
      ['orders', ['checkout.ts', 'models/order.ts']],
    ]);
  });
});
