/**
 * Plain-text phrases for what moves at a step and for a service's interface (endpoints, tables,
 * events), shared by the text, Markdown and HTML reports so that all three say the same thing.
 */
import type { Endpoint } from '../graph/types.js';
import type { EventCrossing, TableMove, TableSplit } from '../plan/types.js';

/** `GET /api/orders/:id` (an operation: `QUERY orders`); `(unmounted)` when the router was never found mounted. */
export function endpointText(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}${endpoint.mounted === false ? ' (router not found mounted)' : ''}`;
}

/** Where an endpoint is handled: `OrdersController.findOne, src/orders/orders.controller.ts:12`. */
export function endpointSite(endpoint: Endpoint): string {
  return `${endpoint.handler}, ${endpoint.module}:${endpoint.line}`;
}

/** `order (read-write)`; a table the code does not name statically is named by its entity. */
export function tableText(table: TableMove): string {
  return `${tableName(table)} (${table.access})`;
}

export function tableName(table: Pick<TableMove, 'table' | 'entity'>): string {
  return table.table ?? `${table.entity} (table name not static)`;
}

/** What a shared table asks of the team. */
export const CONFLICT_ADVICE: Record<TableSplit['conflict'], string> = {
  'both-write': 'written on both sides: split it, or give it one owner and send the other writes through its API',
  'step-writes': 'only this step writes it: it becomes the owner; the others read through its API or a replica',
  'others-write': 'this step only reads it: it stays with its writer; read it through an API or a replica',
  'read-only': 'nobody writes it in the analysed code: reference data, replicate it',
};

/** `product (read), also used by catalog (read, extracted earlier): nobody writes it…`. */
export function splitText(split: TableSplit): string {
  const others = split.others
    .map((other) => `${other.cluster} (${other.access}${other.extracted ? ', extracted earlier' : ''})`)
    .join(', ');
  return `${tableText(split)}, also used by ${others}: ${CONFLICT_ADVICE[split.conflict]}`;
}

/** `publishes order.created (nest-event-emitter) to billing, notify`; `… listened to within`; `… (no listener in the analysed code)`. */
export function eventText(event: EventCrossing): string {
  const verb = event.direction === 'publishes' ? 'publishes' : 'consumes';
  const side = event.direction === 'publishes' ? 'to' : 'from';
  const parts = [
    ...(event.counterparts.length > 0 ? [`${side} ${event.counterparts.join(', ')}`] : []),
    ...(event.within === true ? [event.direction === 'publishes' ? 'listened to within' : 'emitted within'] : []),
  ];
  const where =
    parts.length > 0
      ? ` ${parts.join(', and ')}`
      : event.direction === 'publishes'
        ? ' (no listener in the analysed code)'
        : ' (no emitter in the analysed code)';
  return `${verb} ${event.name} (${event.transport})${where}`;
}

/** The first `shown` items of a list as text, with "and N more". */
export function listed(items: readonly string[], shown: number): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
