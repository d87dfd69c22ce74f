import { compareStrings } from '../base/compare.js';
import { getOrCreate } from '../base/collections.js';
import { createDeclarationLookup } from './declarations.js';
import type { EventTransport } from '../extract/collect-events.js';
import type { ModuleFacts, ModuleId } from '../extract/types.js';

/** Where an event is emitted or listened to. */
export interface EventEndpoint {
  module: ModuleId;
  /** 1-based line of the call or decorator. */
  line: number;
  /** The listening method (`Class.method`) or class, when known. */
  handler?: string;
}

/** One named event, message pattern or queue on one bus, with the modules on each side: asynchronous coupling. */
export interface EventChannel {
  transport: EventTransport;
  /** The event name, message pattern or queue name. */
  name: string;
  /** Modules that emit it (send, add jobs), sorted by module, line. */
  emitters: EventEndpoint[];
  /** Modules that listen to it (handlers, processors, workers), sorted by module, line. */
  listeners: EventEndpoint[];
  /** Present when one side was not found in the analysed files. */
  unpaired?: 'no-listener' | 'no-emitter';
}

/**
 * Pairs the modules' emitted and listened events by bus and literal name: one channel per
 * (transport, name), sorted by transport then name. A name written through a constant another
 * module exports (`emit(OrderEvents.Placed)` with `import { OrderEvents } from './order-events'`)
 * is that constant's string, found through the resolved import and the exporting module's
 * re-exports (a barrel); other names that are not static are left out: they cannot be paired. Wildcard listeners (`@OnEvent('order.*')`) are kept under their own
 * name and so pair only with an emitter of the same text.
 */
export function pairEvents(modules: readonly ModuleFacts[]): EventChannel[] {
  const channels = new Map<string, EventChannel>();
  const importedConstant = importedConstants(modules);
  for (const module of modules) {
    for (const event of module.events ?? []) {
      const name = event.dynamic ? importedConstant(module, event.name) : event.name;
      if (name === undefined) continue;
      const channel = getOrCreate(channels, `${event.transport}\0${name}`, () => ({
        transport: event.transport,
        name,
        emitters: [],
        listeners: [],
      }));
      const endpoint: EventEndpoint = {
        module: module.id,
        line: event.line,
        ...(event.handler !== undefined && event.role === 'listen' ? { handler: event.handler } : {}),
      };
      (event.role === 'emit' ? channel.emitters : channel.listeners).push(endpoint);
    }
  }
  const byPlace = (a: EventEndpoint, b: EventEndpoint) =>
    compareStrings(a.module, b.module) || a.line - b.line || compareStrings(a.handler ?? '', b.handler ?? '');
  return [...channels.values()]
    .map((channel) => {
      channel.emitters.sort(byPlace);
      channel.listeners.sort(byPlace);
      if (channel.listeners.length === 0) return { ...channel, unpaired: 'no-listener' as const };
      if (channel.emitters.length === 0) return { ...channel, unpaired: 'no-emitter' as const };
      return channel;
    })
    .sort((a, b) => compareStrings(a.transport, b.transport) || compareStrings(a.name, b.name));
}

/**
 * The string an expression written in `module` stands for when it is an exported constant of
 * another analysed module: `X` or `X.Y` (an object or enum member), where `X` is a named import
 * whose specifier resolved to that module, followed to its declaration through re-exports and
 * `export *` (graph/declarations.ts). Undefined for anything else (a local, a call, a namespace
 * import).
 */
function importedConstants(modules: readonly ModuleFacts[]): (module: ModuleFacts, text: string) => string | undefined {
  const byId = new Map(modules.map((module) => [module.id, module]));
  const declaration = createDeclarationLookup(new Map(modules.map((module) => [module.id, module.exports])));
  return (module, text) => {
    const match = /^([A-Za-z_$][\w$]*)((?:\.[A-Za-z_$][\w$]*)?)$/.exec(text);
    if (match === null) return undefined;
    const [, root = '', suffix = ''] = match;
    for (const item of module.imports) {
      if (item.target.type !== 'internal' || !item.symbols.includes(root)) continue;
      const found = declaration(item.target.module, root);
      return found === null ? undefined : byId.get(found.module)?.constants?.[`${found.name}${suffix}`];
    }
    return undefined;
  };
}
