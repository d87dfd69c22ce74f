import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import { type LiteralConstants, literalConstantsCollector } from './literal-constants.js';
import { type KindVisitor, type NodeVisitor, walk } from './walk.js';

/** The bus a message travels on; emitters and listeners pair only on the same one. */
export type EventTransport = 'nest-event-emitter' | 'event-emitter' | 'nest-microservices' | 'bullmq' | 'bus';

/** One event (or message, or job) a file emits or listens to. */
export interface EventFact {
  role: 'emit' | 'listen';
  /** The event name, message pattern or queue name; with `dynamic`, the expression as written (never paired). */
  name: string;
  transport: EventTransport;
  /** 1-based line of the decorator or call. */
  line: number;
  /** The listening method (`Class.method`) or class (`@Processor`), when there is one. */
  handler?: string;
  /** The name is not a literal of this file. */
  dynamic?: true;
}

/**
 * Node EventEmitter events that are the lifecycle of streams, sockets, servers and processes rather
 * than messages between parts of the application: left out. `message` is among them (ws,
 * worker_threads, child processes and cluster all use it for their transport's own frames).
 */
const LIFECYCLE_EVENTS = new Set([
  'error',
  'close',
  'data',
  'end',
  'finish',
  'connect',
  'connection',
  'message',
  'open',
  'ready',
  'drain',
  'exit',
  'listening',
  'readable',
  'timeout',
  'newListener',
  'removeListener',
]);

const EMITTER_PACKAGES = /^(node:)?events$|^eventemitter[23]$/;
const BULL_PACKAGES = /^(bullmq|bull|@nestjs\/bullmq|@nestjs\/bull)$/;

/**
 * Publish and subscribe calls of a project's own bus or pub/sub wrapper (transport `bus`): a
 * method of these names with a literal first argument, on a receiver named like a bus
 * (`eventBus`, `bus`, `pubsub`, `pubSub`, `broker`, `events`, `publisher`, `subscriber`).
 * GraphQL subscriptions' `pubsub.asyncIterator('x')` listens.
 */
const BUS_METHODS = new Map<string, 'emit' | 'listen'>([
  ['publish', 'emit'],
  ['dispatch', 'emit'],
  ['subscribe', 'listen'],
  ['asyncIterator', 'listen'],
  ['asyncIterableIterator', 'listen'],
]);
const BUS_RECEIVER = /bus$|pub_?sub|broker|^events$|publisher|subscriber/i;

/** Collects the events of one file (see eventsCollector). */
export function collectEvents(file: TS.SourceFile): EventFact[] {
  const constants = literalConstantsCollector();
  const collector = eventsCollector(file, constants.constants);
  walk(file, [constants, collector]);
  return collector.result();
}

/**
 * Asynchronous coupling read from syntax: NestJS `@OnEvent('x')` listeners and
 * `eventEmitter.emit('x')` / `emitAsync('x')` on an `EventEmitter2`; Node `EventEmitter`
 * `on/once/addListener('x')` and `emit('x')`; NestJS microservices `@EventPattern('x')` /
 * `@MessagePattern('x')` listeners and `client.emit('x')` / `client.send('x')` on a `ClientProxy`;
 * BullMQ `queue.add(…)` on `new Queue('q')` or `@InjectQueue('q')` (emits to queue `q`) and
 * `new Worker('q', …)` / `@Processor('q')` (listen). Names are literals, or constants, enum members
 * and object-literal members of this file; message patterns written as flat object literals are
 * their keys sorted, as JSON (`{"cmd":"sum"}`, NestJS's own route key). Anything else is recorded
 * with `dynamic`. An `emit` is read only on a receiver whose type (or `new`) shows its bus, or in a
 * file importing the bus's package; other emitters (sockets, Vue components) are not events here.
 */
export function eventsCollector(
  file: TS.SourceFile,
  constants: LiteralConstants,
): KindVisitor & { result: () => EventFact[] } {
  const imports = new Map<string, string>();
  // Receiver name (`this.x` / `x`) -> its bus; for BullMQ also the queue name expression.
  const receivers = new Map<string, { transport: EventTransport; queue?: TS.Expression }>();
  const pending: {
    role: EventFact['role'];
    transport: EventTransport | 'receiver';
    receiver?: string;
    name: TS.Expression;
    node: TS.Node;
    handler?: string;
  }[] = [];
  const classes: { name: string; end: number }[] = [];
  let extendsEmitter = false;
  const lineOf = (node: TS.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;

  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    while (classes.length > 0 && node.pos >= (classes[classes.length - 1] as { end: number }).end) classes.pop();
    if (ts.isImportDeclaration(node)) {
      if (!ts.isStringLiteral(node.moduleSpecifier) || node.importClause === undefined) return;
      const from = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause.name) imports.set(clause.name.text, from);
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const element of clause.namedBindings.elements)
          imports.set((element.propertyName ?? element.name).text, from);
      if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))
        imports.set(clause.namedBindings.name.text, from);
    } else if (ts.isClassDeclaration(node)) {
      const name = node.name?.text ?? 'default';
      classes.push({ name, end: node.end });
      for (const clause of node.heritageClauses ?? [])
        for (const type of clause.types)
          if (ts.isIdentifier(type.expression) && /^EventEmitter2?$/.test(type.expression.text)) extendsEmitter = true;
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decoratorCall(decorator, 'Processor');
        const [first] = call?.arguments ?? [];
        if (first)
          pending.push({
            role: 'listen',
            transport: 'bullmq',
            name: nameOption(first),
            node: decorator,
            handler: name,
          });
      }
    } else if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) {
      const handler = `${classes[classes.length - 1]?.name ?? ''}.${node.name.text}`.replace(/^\./, '');
      for (const decorator of ts.getDecorators(node) ?? []) {
        for (const [decoratorName, transport] of [
          ['OnEvent', 'nest-event-emitter'],
          ['EventPattern', 'nest-microservices'],
          ['MessagePattern', 'nest-microservices'],
        ] as const) {
          const [first] = decoratorCall(decorator, decoratorName)?.arguments ?? [];
          if (first === undefined) continue;
          for (const name of ts.isArrayLiteralExpression(first) ? first.elements : [first])
            pending.push({ role: 'listen', transport, name, node: decorator, handler });
        }
      }
    } else if (ts.isParameter(node) || ts.isPropertyDeclaration(node)) {
      if (!ts.isIdentifier(node.name)) return;
      for (const decorator of ts.getDecorators(node) ?? []) {
        const [queue] = decoratorCall(decorator, 'InjectQueue')?.arguments ?? [];
        if (queue) receivers.set(node.name.text, { transport: 'bullmq', queue });
      }
      const transport = transportOfType(node.type);
      if (transport && !receivers.has(node.name.text)) receivers.set(node.name.text, { transport });
      if (node.initializer) bindNew(node.name.text, node.initializer);
    } else if (ts.isVariableDeclaration(node)) {
      if (ts.isIdentifier(node.name) && node.initializer) bindNew(node.name.text, node.initializer);
    } else if (ts.isBinaryExpression(node)) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const name = receiverName(node.left);
        if (name !== undefined) bindNew(name, node.right);
      }
    } else if (ts.isNewExpression(node)) {
      if (ts.isIdentifier(node.expression) && node.expression.text === 'Worker' && node.arguments?.[0])
        pending.push({ role: 'listen', transport: 'bullmq', name: node.arguments[0], node, receiver: 'Worker' });
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first] = node.arguments;
      if (first === undefined) return;
      const receiver = receiverName(node.expression.expression);
      if (receiver === undefined || receiver === 'process') return;
      if (method === 'emit' || method === 'emitAsync' || method === 'send' || method === 'add' || method === 'addBulk')
        pending.push({
          role: 'emit',
          transport: 'receiver',
          receiver,
          name: first,
          node: node.expression.name,
          handler: method,
        });
      else if (BUS_METHODS.has(method) && BUS_RECEIVER.test(receiver))
        // A project bus or pub/sub wrapper: `eventBus.publish('order.created', …)`, `pubsub.subscribe('x', …)`.
        pending.push({
          role: BUS_METHODS.get(method) as 'emit' | 'listen',
          transport: 'bus',
          name: first,
          node: node.expression.name,
        });
      else if (method === 'on' || method === 'once' || method === 'addListener' || method === 'prependListener')
        pending.push({
          role: 'listen',
          transport: 'receiver',
          receiver,
          name: first,
          node: node.expression.name,
          handler: method,
        });
    }
  };

  /** `x = new EventEmitter()`, `new EventEmitter2()`, `new Queue('q')`, `ClientProxyFactory.create(…)`. */
  const bindNew = (name: string, initializer: TS.Expression): void => {
    if (ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression)) {
      const type = initializer.expression.text;
      if (type === 'EventEmitter') receivers.set(name, { transport: 'event-emitter' });
      else if (type === 'EventEmitter2') receivers.set(name, { transport: 'nest-event-emitter' });
      else if (type === 'Queue' && initializer.arguments?.[0])
        receivers.set(name, { transport: 'bullmq', queue: initializer.arguments[0] });
    } else if (
      ts.isCallExpression(initializer) &&
      ts.isPropertyAccessExpression(initializer.expression) &&
      initializer.expression.expression.getText(file) === 'ClientProxyFactory'
    )
      receivers.set(name, { transport: 'nest-microservices' });
  };

  const importsAny = (pattern: RegExp): boolean => [...imports.values()].some((from) => pattern.test(from));

  const result = (): EventFact[] => {
    const bullImported = importsAny(BULL_PACKAGES);
    const facts = new Map<string, EventFact>();
    const add = (
      role: EventFact['role'],
      transport: EventTransport,
      expression: TS.Expression,
      node: TS.Node,
      handler?: string,
    ) => {
      const name =
        transport === 'nest-microservices' ? patternName(expression, constants) : constants.resolve(expression);
      if (name !== undefined && transport === 'event-emitter' && LIFECYCLE_EVENTS.has(name)) return;
      const fact: EventFact = {
        role,
        name: name ?? expression.getText(file).slice(0, 80),
        transport,
        line: lineOf(node),
        ...(handler !== undefined ? { handler } : {}),
        ...(name === undefined ? { dynamic: true as const } : {}),
      };
      facts.set(`${fact.line}\0${role}\0${transport}\0${fact.name}\0${handler ?? ''}`, fact);
    };
    for (const item of pending) {
      if (item.transport === 'bullmq') {
        if (bullImported) add(item.role, 'bullmq', item.name, item.node, item.handler);
        continue;
      }
      if (item.transport === 'bus') {
        add(item.role, 'bus', item.name, item.node);
        continue;
      }
      if (item.transport !== 'receiver') {
        const from = item.transport === 'nest-event-emitter' ? /^@nestjs\/event-emitter$/ : /^@nestjs\/microservices$/;
        if (importsAny(from)) add(item.role, item.transport, item.name, item.node, item.handler);
        continue;
      }
      const method = item.handler as string;
      const bound =
        receivers.get(item.receiver as string) ??
        (item.receiver === 'this' && extendsEmitter ? { transport: 'event-emitter' as const } : undefined);
      const transport = bound?.transport ?? guessTransport(item.receiver as string, method);
      if (transport === undefined) continue;
      if (transport === 'bullmq') {
        if ((method === 'add' || method === 'addBulk') && bound?.queue && bullImported)
          add('emit', 'bullmq', bound.queue, item.node);
        continue;
      }
      if (method === 'add' || method === 'addBulk') continue;
      if (method === 'send' && transport !== 'nest-microservices') continue;
      if (method === 'emitAsync' && transport !== 'nest-event-emitter') continue;
      if (transport === 'nest-microservices' && item.role === 'listen') continue;
      add(item.role, transport, item.name, item.node);
    }
    return [...facts.values()].sort(
      (a, b) =>
        a.line - b.line ||
        compareStrings(a.role, b.role) ||
        compareStrings(a.transport, b.transport) ||
        compareStrings(a.name, b.name) ||
        compareStrings(a.handler ?? '', b.handler ?? ''),
    );
  };

  /** A receiver of unknown type: its bus when the file imports that bus's package and the name fits. */
  const guessTransport = (receiver: string, method: string): EventTransport | undefined => {
    if (/client/i.test(receiver) && importsAny(/^@nestjs\/microservices$/)) return 'nest-microservices';
    if (/emitter|events?$|bus$/i.test(receiver) && importsAny(/^@nestjs\/event-emitter$/)) return 'nest-event-emitter';
    if (method !== 'send' && /emitter|events?$|bus$/i.test(receiver) && importsAny(EMITTER_PACKAGES))
      return 'event-emitter';
    return undefined;
  };

  return {
    kinds: [
      ts.SyntaxKind.ImportDeclaration,
      ts.SyntaxKind.ClassDeclaration,
      ts.SyntaxKind.MethodDeclaration,
      ts.SyntaxKind.Parameter,
      ts.SyntaxKind.PropertyDeclaration,
      ts.SyntaxKind.VariableDeclaration,
      ts.SyntaxKind.BinaryExpression,
      ts.SyntaxKind.NewExpression,
      ts.SyntaxKind.CallExpression,
    ],
    visit,
    result,
  };
}

/** The bus of a typed receiver: `EventEmitter2`, `EventEmitter`, `ClientProxy` / `ClientKafka` / …. */
function transportOfType(type: TS.TypeNode | undefined): EventTransport | undefined {
  if (type === undefined || !ts.isTypeReferenceNode(type)) return undefined;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  if (name === 'EventEmitter2') return 'nest-event-emitter';
  if (name === 'EventEmitter') return 'event-emitter';
  if (/^Client(Proxy|Kafka|Redis|Nats|Mqtt|RMQ|Grpc|TCP)/.test(name)) return 'nest-microservices';
  return undefined;
}

/** The call of `@Name(…)`. */
function decoratorCall(decorator: TS.Decorator, name: string): TS.CallExpression | undefined {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === name
    ? call
    : undefined;
}

/** `@Processor('q')` or `@Processor({ name: 'q' })`. */
function nameOption(argument: TS.Expression): TS.Expression {
  if (!ts.isObjectLiteralExpression(argument)) return argument;
  for (const property of argument.properties)
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'name')
      return property.initializer;
  return argument;
}

/** A message pattern: a string, or a flat object literal of static strings and numbers as NestJS keys it (keys sorted, JSON). */
function patternName(expression: TS.Expression, constants: LiteralConstants): string | undefined {
  const text = constants.resolve(expression);
  if (text !== undefined || !ts.isObjectLiteralExpression(expression)) return text;
  const entries: [string, string | number][] = [];
  for (const property of expression.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
      return undefined;
    const value = ts.isNumericLiteral(property.initializer)
      ? Number(property.initializer.text)
      : constants.resolve(property.initializer);
    if (value === undefined) return undefined;
    entries.push([property.name.text, value]);
  }
  entries.sort((a, b) => compareStrings(a[0], b[0]));
  return JSON.stringify(Object.fromEntries(entries));
}

/** `x` for `this.x`, `x`; `this` for `this`. */
function receiverName(expression: TS.Expression): string | undefined {
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression) && expression.expression.kind === ts.SyntaxKind.ThisKeyword)
    return expression.name.text;
  return undefined;
}
