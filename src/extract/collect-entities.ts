import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import { type KindVisitor, type NodeVisitor, walk } from './walk.js';

/** ORM entities a file declares and the entity names it uses, read from its syntax alone. */
export interface EntityFacts {
  /**
   * Entities declared here: TypeORM `@Entity()` classes, Mongoose `model('Name', …)` and `@Schema()`
   * classes, Sequelize `define('Name', …)` and `X.init(…)`. `binding` is the name other modules
   * import to reach it: the class, or the variable a `model()`/`define()` call is assigned to
   * (the entity name when there is none). Sorted.
   */
  declares: { name: string; orm: 'typeorm' | 'mongoose' | 'sequelize'; binding: string }[];
  /**
   * Entity names used: `Repository<X>` (and any `…Repository<X>` type), `getRepository(X)`,
   * `@InjectRepository(X)`, TypeORM relation decorators `@ManyToOne(() => X)`, Mongoose
   * `@InjectModel(X.name)` / `InjectModel('X')`, and Prisma client accesses `prisma.x.` (recorded as
   * `prisma:x`). Names that are not entities are dropped later, against the declared ones. Sorted.
   */
  uses: string[];
}

/** The node kinds the entities collector reads. */
const ENTITY_KINDS = [
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.ClassDeclaration,
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
  const collector = entitiesCollector(file);
  walk(file, [collector]);
  return collector.result();
}

/** The entities collector as a visitor of the shared walk (JSDoc comments are skipped). */
export function entitiesCollector(file: TS.SourceFile): KindVisitor & { result: () => EntityFacts } {
  const declares = new Map<string, EntityFacts['declares'][number]>();
  const uses = new Set<string>();
  // `const X = model(…)`: the walk meets the declaration before the call (files are parsed without parent links).
  const assigned = new Map<TS.Node, string>();
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer !== undefined &&
      ts.isCallExpression(node.initializer)
    ) {
      assigned.set(node.initializer, node.name.text);
    } else if (ts.isClassDeclaration(node) && node.name) {
      for (const decorator of ts.getDecorators(node) ?? []) {
        const name = calleeName(decorator.expression);
        if (name === 'Entity')
          declares.set(node.name.text, { name: node.name.text, orm: 'typeorm', binding: node.name.text });
        if (name === 'Schema')
          declares.set(node.name.text, { name: node.name.text, orm: 'mongoose', binding: node.name.text });
      }
    } else if (ts.isTypeReferenceNode(node) && entityName(node.typeName).endsWith('Repository')) {
      const argument = node.typeArguments?.[0];
      if (argument && ts.isTypeReferenceNode(argument)) uses.add(entityName(argument.typeName));
    } else if (ts.isExpressionWithTypeArguments(node) && node.expression.getText(file).endsWith('Repository')) {
      const argument = node.typeArguments?.[0];
      if (argument && ts.isTypeReferenceNode(argument)) uses.add(entityName(argument.typeName));
    } else if (ts.isCallExpression(node)) {
      collectCall(node, declares, uses, assigned.get(node));
    } else if (ts.isPropertyAccessExpression(node) && isPrismaClient(node.expression)) {
      uses.add(`prisma:${node.name.text}`);
    }
  };
  return {
    kinds: ENTITY_KINDS,
    visit,
    result: () => ({
      declares: [...declares.values()].sort((a, b) => compareStrings(a.name, b.name)),
      uses: [...uses].sort(compareStrings),
    }),
  };
}

function collectCall(
  node: TS.CallExpression,
  declares: Map<string, EntityFacts['declares'][number]>,
  uses: Set<string>,
  assignedTo: string | undefined,
): void {
  const name = calleeName(node.expression);
  const [first, second] = node.arguments;
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
  if (name === 'model' && first && ts.isStringLiteral(first) && second !== undefined)
    declares.set(first.text, { name: first.text, orm: 'mongoose', binding: assignedTo ?? first.text });
  if (name === 'define' && first && ts.isStringLiteral(first) && ts.isPropertyAccessExpression(node.expression))
    declares.set(first.text, { name: first.text, orm: 'sequelize', binding: assignedTo ?? first.text });
  if (
    name === 'init' &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.arguments.length >= 2
  ) {
    const model = node.expression.expression.text;
    if (/^[A-Z]/.test(model)) declares.set(model, { name: model, orm: 'sequelize', binding: model });
  }
}

/** `Entity` for `Entity()`, `Entity('x')`, `typeorm.Entity()`; the called name of a call or identifier. */
function calleeName(expression: TS.Expression): string | undefined {
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
  const name = ts.isIdentifier(expression)
    ? expression.text
    : ts.isPropertyAccessExpression(expression)
      ? expression.name.text
      : '';
  return /^prisma/i.test(name);
}
