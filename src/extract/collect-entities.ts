import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import { type DataAccess, dataAccessCollector, nameOf } from './collect-data-access.js';
import { type LiteralConstants, literalConstantsCollector } from './literal-constants.js';
import { readEntityDeclarations } from './entity-declarations.js';
import { type KindVisitor, type NodeVisitor, walk } from './walk.js';

/** An ORM that declares entities in TypeScript code (Prisma declares them in schema files). */
export type Orm = 'typeorm' | 'mongoose' | 'sequelize';

/** How an entity's table name is known: written in the code, computed by the ORM's default naming rule, or not static. */
export type TableSource = 'explicit' | 'default' | 'dynamic';

/** One entity a file declares. */
export interface DeclaredEntity {
  /** Entity name: the class, or the model name of `model('Name', …)` / `define('Name', …)`. */
  name: string;
  orm: Orm;
  /** What other modules import to reach it: the class, or the variable a `model()`/`define()` call is assigned to. */
  binding: string;
  /** Table or collection name; absent when not static (`tableSource: 'dynamic'`). */
  table?: string;
  /** Whether `table` is written in the code or the ORM's default for the name (see table-names.ts). */
  tableSource: TableSource;
}

/** A function of this file whose body calls an ORM's entity decorator (a project's own entity decorator). */
export interface EntityDecorator {
  /** The function's name (`AppEntity` of `export function AppEntity(name) { … Entity(name) … }`). */
  name: string;
  orm: Orm;
  /** Where the table name comes from: the wrapper's parameter at this index, the ORM's default for the class name, or not static. */
  table: number | 'default' | 'dynamic';
}

/** A class decorated with a decorator that may wrap an ORM's entity decorator (resolved across files). */
export interface DecoratedClass {
  /** The class name. */
  name: string;
  /** The decorator's name in the module that exports it (the imported name when imported). */
  decorator: string;
  /** The import specifier it came from; absent when declared in this file. */
  from?: string;
  /** Per argument: its static string, or the `name` / `tableName` / `collection` of an object literal; null otherwise. */
  arguments: (string | null)[];
}

/** ORM entities a file declares and the entity names it uses, read from its syntax alone. */
export interface EntityFacts {
  /**
   * Entities declared here: TypeORM `@Entity()` and `@ViewEntity()` classes, Mongoose
   * `model('Name', …)` and `@Schema()` classes, Sequelize `define('Name', …)`, `X.init(…)` and
   * sequelize-typescript `@Table` classes; with their table names. Sorted by name.
   */
  declares: DeclaredEntity[];
  /**
   * Entity names used: `Repository<X>` (and any `…Repository<X>` type), `getRepository(X)`,
   * `@InjectRepository(X)`, TypeORM relation decorators `@ManyToOne(() => X)`, Mongoose
   * `@InjectModel(X.name)` / `InjectModel('X')`, and Prisma client accesses `prisma.x.` (recorded as
   * `prisma:x`). Names that are not entities are dropped later, against the declared ones. Sorted.
   */
  uses: string[];
  /** Functions here that wrap an ORM's entity decorator, sorted by name; absent when none. */
  entityDecorators?: EntityDecorator[];
  /** Classes with a decorator that could wrap an entity decorator, sorted by name; absent when none. */
  decorated?: DecoratedClass[];
  /** Entities read and written here, sorted by entity, mode; absent when none (collect-data-access.ts). */
  access?: DataAccess[];
}

/** The node kinds the entities collector reads. */
const ENTITY_KINDS = [
  ts.SyntaxKind.TypeReference,
  ts.SyntaxKind.ExpressionWithTypeArguments,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.PropertyAccessExpression,
];

const RELATIONS = new Set(['ManyToOne', 'OneToMany', 'ManyToMany', 'OneToOne']);

/**
 * Detects the data entities of TypeORM, Prisma, Mongoose and Sequelize code in one walk of the
 * syntax tree, without the type checker (so a use is recognised by its shape, not its type).
 */
export function collectEntities(file: TS.SourceFile): EntityFacts {
  const constants = literalConstantsCollector();
  const collector = entitiesCollector(file, constants.constants);
  walk(file, [constants, collector]);
  return collector.result();
}

/**
 * The entities collector as a visitor of the shared walk (JSDoc comments are skipped); `constants`
 * are the file's string constants (a visitor of the same walk), for table names written through one.
 */
export function entitiesCollector(
  file: TS.SourceFile,
  constants: LiteralConstants,
): KindVisitor & { result: () => EntityFacts } {
  const uses = new Set<string>();
  const declarations = readEntityDeclarations(file, constants);
  const access = dataAccessCollector(file);
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (ts.isTypeReferenceNode(node) && entityName(node.typeName).endsWith('Repository')) {
      const argument = node.typeArguments?.[0];
      if (argument && ts.isTypeReferenceNode(argument)) uses.add(entityName(argument.typeName));
    } else if (ts.isExpressionWithTypeArguments(node) && node.expression.getText(file).endsWith('Repository')) {
      const argument = node.typeArguments?.[0];
      if (argument && ts.isTypeReferenceNode(argument)) uses.add(entityName(argument.typeName));
    } else if (ts.isCallExpression(node)) {
      collectCall(node, uses);
    } else if (ts.isPropertyAccessExpression(node) && isPrismaClient(node.expression)) {
      uses.add(`prisma:${node.name.text}`);
    }
  };
  const kinds = [...new Set([...ENTITY_KINDS, ...declarations.kinds, ...access.kinds])];
  const own = new Set(ENTITY_KINDS);
  const ownDeclarations = new Set(declarations.kinds);
  const ownAccess = new Set(access.kinds);
  return {
    kinds,
    visit: (node, inJsDoc) => {
      if (own.has(node.kind)) visit(node, inJsDoc);
      if (ownDeclarations.has(node.kind)) declarations.visit(node, inJsDoc);
      if (ownAccess.has(node.kind)) access.visit(node, inJsDoc);
    },
    result: () => {
      const declared = declarations.result();
      const facts: EntityFacts = { declares: declared.declares, uses: [...uses].sort(compareStrings) };
      if (declared.entityDecorators.length > 0) facts.entityDecorators = declared.entityDecorators;
      if (declared.decorated.length > 0) facts.decorated = declared.decorated;
      const accesses = access.result();
      if (accesses.length > 0) facts.access = accesses;
      return facts;
    },
  };
}

function collectCall(node: TS.CallExpression, uses: Set<string>): void {
  const name = calleeName(node.expression);
  const [first] = node.arguments;
  if (
    (name === 'getRepository' || name === 'InjectRepository' || name === 'getCustomRepository') &&
    first &&
    ts.isIdentifier(first)
  )
    uses.add(first.text);
  if (
    name !== undefined &&
    RELATIONS.has(name) &&
    first &&
    (ts.isArrowFunction(first) || ts.isFunctionExpression(first))
  ) {
    const body = ts.isArrowFunction(first) ? first.body : undefined;
    if (body && ts.isIdentifier(body)) uses.add(body.text);
  }
  if (name === 'InjectModel' && first) {
    if (ts.isStringLiteral(first)) uses.add(first.text);
    else if (ts.isPropertyAccessExpression(first) && ts.isIdentifier(first.expression) && first.name.text === 'name')
      uses.add(first.expression.text);
  }
}

/** `Entity` for `Entity()`, `Entity('x')`, `typeorm.Entity()`; the called name of a call or identifier. */
export function calleeName(expression: TS.Expression): string | undefined {
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function entityName(name: TS.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}

/** A Prisma client by name: `prisma`, `this.prisma`, `this.prismaService`. */
function isPrismaClient(expression: TS.Expression): boolean {
  return /^prisma/i.test(nameOf(expression));
}
