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
