import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import { type AccessMode, classifyAccess, type ReceiverKind } from './classify-access.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

/** One entity a file reads or writes, at the first line it does so. */
export interface DataAccess {
  /**
   * The entity as written: a class (`Order` of `@InjectRepository(Order)`, `getRepository(Order)`,
   * `@InjectModel(Order.name)`), `prisma:order` for a Prisma client access, or, with `static`,
   * the identifier a model method is called on (`Order.findAll()`, `OrderModel.find()`).
   */
  entity: string;
  /** Whether the calls read or write its table. */
  mode: AccessMode;
  /** 1-based line of the first such call. */
  line: number;
  /** The entity is the identifier a static method is called on: an entity only if it is a model's binding (resolved across files). */
  static?: true;
}

/** A receiver name bound to an entity: `this.orders` / `orders` -> Order, read with the lists of `kind`. */
interface Receiver {
  entity: string;
  kind: ReceiverKind;
}

const KINDS = [
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.CallExpression,
];

/** Globals whose statics share names with model methods (`Math.max`, `Object.create`): never models. */
const BUILTINS = new Set([
  'Math',
  'Object',
  'Array',
  'JSON',
  'Promise',
  'Reflect',
  'Number',
  'String',
  'Date',
  'Symbol',
  'Buffer',
  'Set',
  'Map',
  'BigInt',
  'Atomics',
]);

const QUERY_BUILDER_WRITES = new Set(['insert', 'update', 'delete', 'softDelete', 'restore']);

/**
 * Reads and writes of entities, from the syntax of one file: repositories and models bound to a
 * name (`@InjectRepository(Order) private orders: Repository<Order>`, `@InjectModel(Order.name)
 * private orderModel: Model<…>`, `this.orders = dataSource.getRepository(Order)`), Prisma client
 * accesses (`this.prisma.order.findMany()`), EntityManager calls with an entity class argument
 * (`manager.find(Order, …)`), query builders (`createQueryBuilder`: a write when its chain calls
 * insert/update/delete/softDelete/restore), Mongoose `new this.orderModel(dto).save()` (also through
 * a variable), and static model calls (`Order.findAll()`). The method name says read or write
 * (classify-access.ts). Calls are resolved against the names bound anywhere in the file after the
 * walk. Not seen: receivers passed around (function parameters without a repository type),
 * custom repository classes, query builders kept in a variable, Prisma transaction clients.
 */
export function dataAccessCollector(file: TS.SourceFile): KindVisitor & { result: () => DataAccess[] } {
  const receivers = new Map<string, Receiver>();
  // A variable holding `new this.orderModel(…)` -> the receiver name of the model.
  const documents = new Map<string, string>();
  const calls: { receiver: string; method: string; node: TS.Node; static: boolean }[] = [];
  const found = new Map<string, DataAccess>();
  const consumed = new Set<TS.Node>();
  const hasQueryBuilder = file.text.includes('createQueryBuilder');
  const lineOf = (node: TS.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const record = (entity: string, mode: AccessMode, node: TS.Node, isStatic = false): void => {
    const key = `${entity}\0${mode}\0${isStatic}`;
    const line = lineOf(node);
    const known = found.get(key);
    if (known === undefined || line < known.line)
      found.set(key, { entity, mode, line, ...(isStatic ? { static: true as const } : {}) });
  };

  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (ts.isParameter(node) || ts.isPropertyDeclaration(node)) {
      if (!ts.isIdentifier(node.name)) return;
      const receiver =
        injected(node) ?? repositoryType(node.type) ?? (node.initializer && repositoryCall(node.initializer));
      if (receiver) receivers.set(node.name.text, receiver);
    } else if (ts.isVariableDeclaration(node)) {
      if (!ts.isIdentifier(node.name) || node.initializer === undefined) return;
      const receiver = repositoryCall(node.initializer) ?? repositoryType(node.type);
      if (receiver) receivers.set(node.name.text, receiver);
      const created = newOf(node.initializer);
      if (created !== undefined) documents.set(node.name.text, created);
    } else if (ts.isBinaryExpression(node)) {
      if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const name = receiverName(node.left);
      const receiver = repositoryCall(node.right);
      if (name !== undefined && receiver) receivers.set(name, receiver);
    } else if (ts.isCallExpression(node)) {
      if (consumed.has(node)) return;
      if (hasQueryBuilder && queryBuilderChain(node)) return;
      if (!ts.isPropertyAccessExpression(node.expression)) return;
      const method = node.expression.name.text;
      const target = unwrap(node.expression.expression);
      const direct = repositoryCall(target);
      if (direct) {
        const mode = classifyAccess(direct.kind, method);
        if (mode) record(direct.entity, mode, node.expression.name);
      } else if (ts.isPropertyAccessExpression(target) && isPrismaClient(target.expression)) {
        const mode = classifyAccess('prisma', method);
        if (mode) record(`prisma:${target.name.text}`, mode, node.expression.name);
      } else if (isManager(target) && node.arguments[0] && isClassName(node.arguments[0])) {
        const mode = classifyAccess('typeorm', method);
        if (mode) record(node.arguments[0].text, mode, node.expression.name);
      } else if (method === 'save' && newOf(target) !== undefined) {
        calls.push({ receiver: newOf(target) as string, method, node: node.expression.name, static: false });
      } else if (classifyAccess('static', method) !== undefined) {
        const name = receiverName(target);
        if (name !== undefined && !BUILTINS.has(name))
          calls.push({ receiver: name, method, node: node.expression.name, static: isClassName(target) });
      }
    }
  };

  /** A chain through `createQueryBuilder`, seen from its outermost call (the walk is pre-order). */
  const queryBuilderChain = (outer: TS.CallExpression): boolean => {
    const names: string[] = [];
    const chain: TS.CallExpression[] = [];
    let builder: TS.CallExpression | undefined;
    const entityArguments: TS.Expression[] = [];
    for (let node: TS.Expression = outer; ; ) {
      node = unwrap(node);
      if (ts.isCallExpression(node)) {
        chain.push(node);
        if (ts.isPropertyAccessExpression(node.expression)) {
          const name = node.expression.name.text;
          names.push(name);
          if (name === 'createQueryBuilder') builder = node;
          if ((name === 'into' || name === 'update' || name === 'from') && node.arguments[0])
            entityArguments.push(node.arguments[0]);
        }
        node = node.expression;
      } else if (ts.isPropertyAccessExpression(node)) {
        if (builder !== undefined) break;
        node = node.expression;
      } else break;
    }
    // Not a query builder chain: its calls are read one by one.
    if (builder === undefined) return false;
    for (const call of chain) consumed.add(call);
    const callee = builder.expression as TS.PropertyAccessExpression;
    const mode: AccessMode = names.some((name) => QUERY_BUILDER_WRITES.has(name)) ? 'write' : 'read';
    const target = unwrap(callee.expression);
    const direct = repositoryCall(target);
    const [first] = builder.arguments;
    if (direct) record(direct.entity, mode, callee.name);
    else if (first && isClassName(first)) record(first.text, mode, callee.name);
    else {
      const named = entityArguments.find(isClassName);
      if (named !== undefined) record(named.text, mode, callee.name);
      else {
        const name = receiverName(target);
        if (name !== undefined)
          calls.push({ receiver: name, method: mode === 'write' ? 'save' : 'find', node: callee.name, static: false });
      }
    }
    return true;
  };

  return {
    kinds: KINDS,
    visit,
    result: () => {
      for (const call of calls) {
        const receiver = receivers.get(call.receiver);
        if (receiver) {
          const mode = classifyAccess(receiver.kind, call.method);
          if (mode) record(receiver.entity, mode, call.node);
          continue;
        }
        const document = documents.get(call.receiver);
        const model = document === undefined ? undefined : receivers.get(document);
        if (model !== undefined && call.method === 'save') {
          record(model.entity, 'write', call.node);
          continue;
        }
        if (call.static) {
          const mode = classifyAccess('static', call.method);
          if (mode) record(call.receiver, mode, call.node, true);
        }
      }
      return [...found.values()].sort(
        (a, b) =>
          compareStrings(a.entity, b.entity) ||
          compareStrings(a.mode, b.mode) ||
          Number(a.static ?? 0) - Number(b.static ?? 0),
      );
    },
  };
}

/** `@InjectRepository(Order)` (TypeORM), `@InjectModel(Order.name)` / `@InjectModel('Order')` (Mongoose), `@InjectModel(Order)` (Sequelize). */
function injected(node: TS.ParameterDeclaration | TS.PropertyDeclaration): Receiver | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
    const [first] = call.arguments;
    if (first === undefined) continue;
    if (call.expression.text === 'InjectRepository' && ts.isIdentifier(first))
      return { entity: first.text, kind: 'typeorm' };
    if (call.expression.text !== 'InjectModel') continue;
    if (ts.isStringLiteral(first)) return { entity: first.text, kind: 'mongoose' };
    if (ts.isPropertyAccessExpression(first) && ts.isIdentifier(first.expression) && first.name.text === 'name')
      return { entity: first.expression.text, kind: 'mongoose' };
    if (ts.isIdentifier(first)) return { entity: first.text, kind: 'sequelize' };
  }
  return undefined;
}

/** `Repository<Order>` and any `…Repository<Order>` type: TypeORM. */
function repositoryType(type: TS.TypeNode | undefined): Receiver | undefined {
  if (type === undefined || !ts.isTypeReferenceNode(type)) return undefined;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  const [argument] = type.typeArguments ?? [];
  if (!name.endsWith('Repository') || argument === undefined || !ts.isTypeReferenceNode(argument)) return undefined;
  const entity = ts.isIdentifier(argument.typeName) ? argument.typeName.text : argument.typeName.right.text;
  return { entity, kind: 'typeorm' };
}

/** `x.getRepository(Order)` / `getRepository(Order)` (also `getMongoRepository`, `getTreeRepository`). */
function repositoryCall(expression: TS.Expression): Receiver | undefined {
  const node = unwrap(expression);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const [first] = node.arguments;
  if (!/^get(Mongo|Tree)?Repository$/.test(name) || first === undefined || !ts.isIdentifier(first)) return undefined;
  return { entity: first.text, kind: 'typeorm' };
}

/** The receiver name of `new this.orderModel(…)` / `new orderModel(…)`. */
function newOf(expression: TS.Expression): string | undefined {
  const node = unwrap(expression);
  return ts.isNewExpression(node) ? receiverName(node.expression) : undefined;
}

/** `orders` for `this.orders` and `orders`. */
function receiverName(expression: TS.Expression): string | undefined {
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return node.name.text;
  return undefined;
}

/** An EntityManager by name: `manager`, `this.entityManager`, `dataSource.manager`, `queryRunner.manager`. */
function isManager(expression: TS.Expression): boolean {
  return /manager$/i.test(nameOf(expression));
}

/** A Prisma client by name: `prisma`, `this.prisma`, `this.prismaService` (collect-entities reads it without the wrapping). */
function isPrismaClient(expression: TS.Expression): boolean {
  return /^prisma/i.test(nameOf(unwrap(expression)));
}

/** The name an expression ends in: an identifier's text or a property access's name; empty otherwise. */
export function nameOf(expression: TS.Expression): string {
  return ts.isIdentifier(expression)
    ? expression.text
    : ts.isPropertyAccessExpression(expression)
      ? expression.name.text
      : '';
}

function isClassName(node: TS.Node): node is TS.Identifier {
  return ts.isIdentifier(node) && /^[A-Z]/.test(node.text);
}

function unwrap(expression: TS.Expression): TS.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node))
    node = node.expression;
  return node;
}
