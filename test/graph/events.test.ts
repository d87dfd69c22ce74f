import { describe, expect, it } from 'vitest';
import type { EventFact } from '../../src/extract/collect-events.js';
import type { ModuleFacts } from '../../src/extract/types.js';
import { pairEvents } from '../../src/graph/events.js';

const module = (id: string, events: EventFact[]): ModuleFacts => ({
  id,
  lines: 1,
  imports: [],
  exports: { local: [], reexports: [], stars: [], abstract: [] },
  terms: {},
  entities: { declares: [], uses: [] },
  wiring: [],
  members: [],
  bootstrap: null,
  ...(events.length > 0 ? { events } : {}),
});

describe('pairEvents', () => {
  it('pairs by bus and name, sorts both sides, marks one-sided channels and leaves dynamic names out', () => {
    const channels = pairEvents([
      module('src/z.ts', [
        { role: 'emit', name: 'a', transport: 'event-emitter', line: 9 },
        { role: 'emit', name: 'a', transport: 'event-emitter', line: 2 },
      ]),
      module('src/b.ts', [
        { role: 'listen', name: 'a', transport: 'event-emitter', line: 5, handler: 'on' },
        // Same name on another bus: another channel.
        { role: 'listen', name: 'a', transport: 'nest-event-emitter', line: 6, handler: 'B.onA' },
        { role: 'emit', name: 'payload.kind', transport: 'nest-event-emitter', line: 7, dynamic: true },
      ]),
      module('src/a.ts', [{ role: 'emit', name: 'a', transport: 'event-emitter', line: 1 }]),
      module('src/none.ts', []),
    ]);
    expect(channels).toEqual([
      {
        transport: 'event-emitter',
        name: 'a',
        emitters: [
          { module: 'src/a.ts', line: 1 },
          { module: 'src/z.ts', line: 2 },
          { module: 'src/z.ts', line: 9 },
        ],
        listeners: [{ module: 'src/b.ts', line: 5, handler: 'on' }],
      },
      {
        transport: 'nest-event-emitter',
        name: 'a',
        emitters: [],
        listeners: [{ module: 'src/b.ts', line: 6, handler: 'B.onA' }],
        unpaired: 'no-emitter',
      },
    ]);
  });
});

describe('pairEvents: names written through another module exported constant', () => {
  it('resolves `X` and `X.Y` through the resolved import, a barrel and export *, and nothing else', async () => {
    const { tempProject } = await import('../helpers.js');
    const { resolveSettings } = await import('../../src/config/resolve-settings.js');
    const { loadProject } = await import('../../src/load/load-project.js');
    const { extract } = await import('../../src/extract/extract.js');
    const root = tempProject({
      'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
      'events/order-events.ts':
        "export const OrderEvents = { Placed: 'order.placed' } as const;\nexport const SHIPPED = 'order.shipped';\nexport enum Queues { Mail = 'mail' }\nconst PRIVATE = 'private.event';\n",
      'events/index.ts': "export * from './order-events';\nexport { OrderEvents as Events } from './order-events';\n",
      'orders.ts':
        "import { EventEmitter2 } from '@nestjs/event-emitter';\nimport { OrderEvents, SHIPPED } from './events';\nexport class Orders {\n  constructor(private readonly events: EventEmitter2) {}\n  place() { this.events.emit(OrderEvents.Placed, {}); this.events.emit(SHIPPED, {}); this.events.emit(PRIVATE, {}); }\n}\n",
      // Renamed by the barrel: `Events.Placed` is OrderEvents.Placed.
      'audit.ts':
        "import { OnEvent } from '@nestjs/event-emitter';\nimport { Events } from './events';\nexport class Audit {\n  @OnEvent(Events.Placed) onPlaced() {}\n}\n",
      'listener.ts':
        "import { OnEvent } from '@nestjs/event-emitter';\nimport { OrderEvents } from './events/order-events';\nexport class Listener {\n  @OnEvent(OrderEvents.Placed) onPlaced() {}\n}\n",
    });
    const extraction = await extract(loadProject(resolveSettings({ path: root })));
    expect(
      pairEvents(extraction.modules).map((channel) => [
        channel.name,
        channel.emitters.map((item) => `${item.module}:${item.line}`),
        channel.listeners.map((item) => `${item.module}:${item.line}`),
      ]),
    ).toEqual([
      ['order.placed', ['orders.ts:5'], ['audit.ts:4', 'listener.ts:4']],
      ['order.shipped', ['orders.ts:5'], []],
    ]);
  });
});
