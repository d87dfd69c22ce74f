import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { collectEvents } from '../../src/extract/collect-events.js';

const eventsOf = (lines: string[]) =>
  collectEvents(ts.createSourceFile('a.ts', lines.join('\n'), ts.ScriptTarget.Latest));

describe('collectEvents', () => {
  it('reads NestJS event emitter listeners and emitters by literal, constant and enum names', () => {
    expect(
      eventsOf([
        "import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';", // 1
        "const PAID = 'order.paid';", // 2
        "const Events = { Shipped: 'order.shipped' } as const;", // 3
        "enum E { Cancelled = 'order.cancelled' }", // 4
        'export class OrderListener {', // 5
        "  @OnEvent('order.created') onCreated() {}", // 6
        '  @OnEvent([PAID, Events.Shipped]) onMany() {}', // 7
        '  @OnEvent(someName()) onDynamic() {}', // 8
        '}', // 9
        'export class OrderService {', // 10
        '  constructor(private readonly events: EventEmitter2) {}', // 11
        '  run(name: string) {', // 12
        "    this.events.emit('order.created', {});", // 13
        '    this.events.emitAsync(E.Cancelled, {});', // 14
        '    this.events.emit(name);', // 15
        '  }', // 16
        '}', // 17
      ]),
    ).toEqual([
      {
        role: 'listen',
        name: 'order.created',
        transport: 'nest-event-emitter',
        line: 6,
        handler: 'OrderListener.onCreated',
      },
      { role: 'listen', name: 'order.paid', transport: 'nest-event-emitter', line: 7, handler: 'OrderListener.onMany' },
      {
        role: 'listen',
        name: 'order.shipped',
        transport: 'nest-event-emitter',
        line: 7,
        handler: 'OrderListener.onMany',
      },
      {
        role: 'listen',
        name: 'someName()',
        transport: 'nest-event-emitter',
        line: 8,
        handler: 'OrderListener.onDynamic',
        dynamic: true,
      },
      { role: 'emit', name: 'order.created', transport: 'nest-event-emitter', line: 13 },
      { role: 'emit', name: 'order.cancelled', transport: 'nest-event-emitter', line: 14 },
      { role: 'emit', name: 'name', transport: 'nest-event-emitter', line: 15, dynamic: true },
    ]);
  });

  it('reads Node EventEmitter events, leaving out process and stream lifecycle events', () => {
    expect(
      eventsOf([
        "import { EventEmitter } from 'node:events';", // 1
        'const bus = new EventEmitter();', // 2
        "bus.on('user.registered', () => {});", // 3
        "bus.once('error', () => {});", // 4
        "bus.emit('user.registered', {});", // 5
        "process.on('user.registered', () => {});", // 6
        "socket.emit('chat', {});", // 7
        'export class Hub extends EventEmitter {', // 8
        "  ping() { this.emit('hub.ping'); }", // 9
        '}', // 10
      ]),
    ).toEqual([
      { role: 'listen', name: 'user.registered', transport: 'event-emitter', line: 3 },
      { role: 'emit', name: 'user.registered', transport: 'event-emitter', line: 5 },
      { role: 'emit', name: 'hub.ping', transport: 'event-emitter', line: 9 },
    ]);
  });

  it('reads microservice patterns and client emits and sends', () => {
    expect(
      eventsOf([
        "import { ClientProxy, EventPattern, MessagePattern } from '@nestjs/microservices';", // 1
        'export class Billing {', // 2
        "  constructor(@Inject('BILLING') private readonly client: ClientProxy) {}", // 3
        "  @EventPattern('invoice.issued') issued() {}", // 4
        "  @MessagePattern({ role: 'invoice', cmd: 'get' }) get() {}", // 5
        "  run() { this.client.emit('invoice.issued', {}); this.client.send({ cmd: 'get', role: 'invoice' }, {}); }", // 6
        '}', // 7
      ]),
    ).toEqual([
      { role: 'listen', name: 'invoice.issued', transport: 'nest-microservices', line: 4, handler: 'Billing.issued' },
      {
        role: 'listen',
        name: '{"cmd":"get","role":"invoice"}',
        transport: 'nest-microservices',
        line: 5,
        handler: 'Billing.get',
      },
      { role: 'emit', name: 'invoice.issued', transport: 'nest-microservices', line: 6 },
      { role: 'emit', name: '{"cmd":"get","role":"invoice"}', transport: 'nest-microservices', line: 6 },
    ]);
  });

  it('reads BullMQ queues, workers and NestJS processors', () => {
    expect(
      eventsOf([
        "import { Queue, Worker } from 'bullmq';", // 1
        "import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';", // 2
        "const mail = new Queue('mail');", // 3
        "mail.add('welcome', {});", // 4
        "new Worker('mail', async () => {});", // 5
        "@Processor('reports') export class ReportProcessor extends WorkerHost {}", // 6
        'export class Reports {', // 7
        "  constructor(@InjectQueue('reports') private readonly queue: Queue) {}", // 8
        "  run() { return this.queue.add('monthly', {}); }", // 9
        '}', // 10
      ]),
    ).toEqual([
      { role: 'emit', name: 'mail', transport: 'bullmq', line: 4 },
      { role: 'listen', name: 'mail', transport: 'bullmq', line: 5 },
      { role: 'listen', name: 'reports', transport: 'bullmq', line: 6, handler: 'ReportProcessor' },
      { role: 'emit', name: 'reports', transport: 'bullmq', line: 9 },
    ]);
  });

  it('records nothing for emitters of unknown buses', () => {
    expect(eventsOf(["this.$emit('update', 1);", "io.emit('x');", "emitter.on('x', f);"])).toEqual([]);
  });
});

describe('collectEvents: a project bus or pub/sub wrapper', () => {
  it("reads publish/subscribe on receivers named like a bus, and GraphQL's pubsub.asyncIterator", () => {
    expect(
      eventsOf([
        "import { bus } from './bus';", // 1
        'export class Orders {', // 2
        '  constructor(private readonly eventBus: EventBus, private pubSub: PubSub) {}', // 3
        "  place() { this.eventBus.publish('order.placed', {}); }", // 4
        "  watch() { return this.pubSub.asyncIterator('orderPlaced'); }", // 5
        '}', // 6
        "bus.subscribe('order.placed', () => {});", // 7
        "store.subscribe('order.placed', () => {});", // 8: a store, not a bus
        "observable.subscribe('x');", // 9: not a bus
      ]).map((fact) => [fact.role, fact.transport, fact.name, fact.line]),
    ).toEqual([
      ['emit', 'bus', 'order.placed', 4],
      ['listen', 'bus', 'orderPlaced', 5],
      ['listen', 'bus', 'order.placed', 7],
    ]);
  });
});
