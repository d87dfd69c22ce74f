import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import type { DecoratedClass, DeclaredEntity, EntityDecorator, Orm } from './collect-entities.js';
import type { LiteralConstants } from './literal-constants.js';
import { mongooseCollectionName, sequelizeTableName, typeormTableName } from './table-names.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

/** Class decorators that never declare an entity: NestJS, GraphQL, class-transformer, TypeORM's own others. */
const NOT_ENTITY_DECORATORS = new Set([
  'Injectable',
  'Controller',
  'Module',
  'Global',
  'Resolver',
  'ObjectType',
  'InputType',
  'ArgsType',
  'InterfaceType',
  'Catch',
  'Processor',
  'WebSocketGateway',
  'Directive',
  'Scalar',
  'Exclude',
  'Expose',
  'ChildEntity',
  'EventSubscriber',
  'EntityRepository',
  'TableInheritance',
  'Index',
  'Unique',
  'Check',
  'Component',
  'Pipe',
  'NgModule',
  'UseGuards',
  'UseInterceptors',
  'UseFilters',
  'UsePipes',
  'ApiTags',
  'ApiProperty',
  'SetMetadata',
]);

/** The entity decorators of the ORMs, by the name they are exported under. */
const ORM_DECORATORS = new Set(['Entity', 'ViewEntity', 'Schema', 'Table']);

type Table = { table?: string; tableSource: DeclaredEntity['tableSource'] };
const DYNAMIC: Table = { tableSource: 'dynamic' };

interface FunctionScope {
  name: string;
  parameters: string[];
  end: number;
}

/**
 * Entity declarations of one file with their table names (table-names.ts for the ORMs' defaults),
 * the functions that wrap an ORM's entity decorator, and the classes decorated with something that
 * might be such a wrapper (imported from another module of the project: resolved in graph/tables.ts).
 * Decorators are told apart by the name they are imported under (`import { Entity as TypeOrmEntity }
 * from 'typeorm'` is TypeORM's); a name not imported is taken by its own name.
 */
export function readEntityDeclarations(
  file: TS.SourceFile,
  constants: LiteralConstants,
): KindVisitor & {
  result: () => { declares: DeclaredEntity[]; entityDecorators: EntityDecorator[]; decorated: DecoratedClass[] };
} {
  const imports = new Map<string, { imported: string; from: string }>();
  const assigned = new Map<TS.Node, string>();
  const schemas = new Map<string, TS.NewExpression>();
  const classes: { name: string; decorator: TS.Decorator }[] = [];
  const calls: TS.CallExpression[] = [];
  const wrapped: { scope: FunctionScope; call: TS.CallExpression }[] = [];
  const scopes: FunctionScope[] = [];
  const mayWrap = /\b(Entity|ViewEntity|Schema|Table)\b/.test(file.text);

  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    while (scopes.length > 0 && node.pos >= (scopes[scopes.length - 1] as FunctionScope).end) scopes.pop();
    if (ts.isImportDeclaration(node)) readImport(node, imports);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const initializer = node.initializer;
      if (ts.isCallExpression(initializer)) assigned.set(initializer, node.name.text);
      if (ts.isNewExpression(initializer) && /(^|\.)Schema$/.test(calleeText(initializer.expression) ?? ''))
        schemas.set(node.name.text, initializer);
      if (mayWrap && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)))
        scopes.push({ name: node.name.text, parameters: parameterNames(initializer), end: initializer.end });
    } else if (ts.isFunctionDeclaration(node) && node.name && node.body && mayWrap) {
      scopes.push({ name: node.name.text, parameters: parameterNames(node), end: node.end });
    } else if (ts.isClassDeclaration(node) && node.name) {
      for (const decorator of ts.getDecorators(node) ?? []) classes.push({ name: node.name.text, decorator });
    } else if (ts.isCallExpression(node)) {
      calls.push(node);
      const scope = scopes[scopes.length - 1];
      if (scope !== undefined && ts.isIdentifier(node.expression)) {
        const name = imports.get(node.expression.text)?.imported ?? node.expression.text;
        if (ORM_DECORATORS.has(name)) wrapped.push({ scope, call: node });
      }
    }
  };

  /** The ORM whose entity decorator `local` is, by the name it is imported under. */
  const ormDecorator = (local: string): { orm: Orm; imported: string } | undefined => {
    const imported = imports.get(local);
    const name = imported?.imported ?? local;
    const from = imported?.from;
    if (from?.startsWith('.')) return undefined;
    if ((name === 'Entity' || name === 'ViewEntity') && (from === undefined || !/mongoose|sequelize/.test(from)))
      return { orm: 'typeorm', imported: name };
    if (name === 'Schema' && (from === undefined || /mongoose/.test(from))) return { orm: 'mongoose', imported: name };
    if (name === 'Table' && from === 'sequelize-typescript') return { orm: 'sequelize', imported: name };
    return undefined;
  };

  const result = () => {
    const declares = new Map<string, DeclaredEntity>();
    const decorated: DecoratedClass[] = [];
    for (const { name, decorator } of classes) {
      const expression = decorator.expression;
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      const local = calleeText(callee);
      if (local === undefined) continue;
      const args = ts.isCallExpression(expression) ? expression.arguments : ts.factory.createNodeArray<TS.Expression>();
      const orm = ts.isIdentifier(callee) ? ormDecorator(local) : ormDecorator(local.replace(/^.*\./, ''));
      if (orm !== undefined) {
        declares.set(name, { name, orm: orm.orm, binding: name, ...classTable(orm.orm, name, args[0]) });
        continue;
      }
      if (!ts.isIdentifier(callee) || NOT_ENTITY_DECORATORS.has(local)) continue;
      const imported = imports.get(local);
      if (imported !== undefined && !isProjectSpecifier(imported.from)) continue;
      decorated.push({
        name,
        decorator: imported?.imported ?? local,
        ...(imported ? { from: imported.from } : {}),
        arguments: args.map((argument) => argumentName(argument)),
      });
    }
    for (const call of calls) declareCall(call, assigned.get(call), declares);
    const entityDecorators = new Map<string, EntityDecorator>();
    for (const { scope, call } of wrapped) {
      const orm = ormDecorator((call.expression as TS.Identifier).text);
      if (orm !== undefined && !entityDecorators.has(scope.name))
        entityDecorators.set(scope.name, { name: scope.name, orm: orm.orm, table: wrapperTable(orm.orm, call, scope) });
    }
    return {
      declares: [...declares.values()].sort((a, b) => compareStrings(a.name, b.name)),
      entityDecorators: [...entityDecorators.values()].sort((a, b) => compareStrings(a.name, b.name)),
      decorated: decorated.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.decorator, b.decorator)),
    };
  };

  /** `model('Order', schema, 'coll')`, `define('Order', attrs, options)`, `Order.init(attrs, options)`. */
  const declareCall = (
    node: TS.CallExpression,
    assignedTo: string | undefined,
    declares: Map<string, DeclaredEntity>,
  ) => {
    const name = calleeText(node.expression)?.replace(/^.*\./, '');
    const [first, second, third] = node.arguments;
    if (name === 'model' && first && ts.isStringLiteral(first) && second !== undefined) {
      declares.set(first.text, {
        name: first.text,
        orm: 'mongoose',
        binding: assignedTo ?? first.text,
        ...mongooseTable(first.text, second, third),
      });
    } else if (
      name === 'define' &&
      first &&
      ts.isStringLiteral(first) &&
      ts.isPropertyAccessExpression(node.expression)
    ) {
      declares.set(first.text, {
        name: first.text,
        orm: 'sequelize',
        binding: assignedTo ?? first.text,
        ...sequelizeTable(first.text, third),
      });
    } else if (
      name === 'init' &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.arguments.length >= 2
    ) {
      const model = node.expression.expression.text;
      if (/^[A-Z]/.test(model))
        declares.set(model, { name: model, orm: 'sequelize', binding: model, ...sequelizeTable(model, second) });
    }
  };

  /** Mongoose: the third argument of `model()`, else the schema's `collection` option, else the pluralised name. */
  const mongooseTable = (model: string, schema: TS.Expression, collection: TS.Expression | undefined): Table => {
    if (collection !== undefined) return explicit(constants.resolve(collection));
    const created = ts.isIdentifier(schema)
      ? schemas.get(schema.text)
      : ts.isNewExpression(schema)
        ? schema
        : undefined;
    const options = created?.arguments?.[1];
    if (options !== undefined) {
      const option = objectOption(options, 'collection');
      if (option !== 'absent') return option === undefined ? DYNAMIC : explicit(option);
    }
    return { table: mongooseCollectionName(model), tableSource: 'default' };
  };

  /** Sequelize options: `tableName`, else the default of `modelName` (or the model name), `freezeTableName`, `underscored`. */
  const sequelizeTable = (model: string, options: TS.Expression | undefined): Table => {
    if (options === undefined)
      return {
        table: sequelizeTableName(model, { freezeTableName: false, underscored: false }),
        tableSource: 'default',
      };
    const tableName = objectOption(options, 'tableName');
    if (tableName !== 'absent') return tableName === undefined ? DYNAMIC : explicit(tableName);
    if (
      !ts.isObjectLiteralExpression(options) ||
      options.properties.some(
        (property) => !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property),
      )
    )
      return DYNAMIC;
    const modelName = objectOption(options, 'modelName');
    const freeze = booleanOption(options, 'freezeTableName');
    const underscored = booleanOption(options, 'underscored');
    if (modelName === undefined || freeze === undefined || underscored === undefined) return DYNAMIC;
    return {
      table: sequelizeTableName(modelName === 'absent' ? model : modelName, { freezeTableName: freeze, underscored }),
      tableSource: 'default',
    };
  };

  /** `@Entity('orders')`, `@Entity({ name })`, `@Schema({ collection })`, `@Table({ tableName })`, else the ORM's default. */
  const classTable = (orm: Orm, className: string, argument: TS.Expression | undefined): Table => {
    if (orm === 'sequelize') return sequelizeTable(className, argument);
    const key = orm === 'typeorm' ? 'name' : 'collection';
    const byDefault: Table = {
      table: orm === 'typeorm' ? typeormTableName(className) : mongooseCollectionName(className),
      tableSource: 'default',
    };
    if (argument === undefined) return byDefault;
    if (orm === 'typeorm' && !ts.isObjectLiteralExpression(argument)) return explicit(constants.resolve(argument));
    const option = objectOption(argument, key);
    if (option === 'absent') return ts.isObjectLiteralExpression(argument) ? byDefault : DYNAMIC;
    return explicit(option);
  };

  /** Where a wrapper's `Entity(…)` call takes its table name from. */
  const wrapperTable = (orm: Orm, call: TS.CallExpression, scope: FunctionScope): EntityDecorator['table'] => {
    const [argument] = call.arguments;
    if (argument === undefined) return 'default';
    const key = orm === 'typeorm' ? 'name' : orm === 'mongoose' ? 'collection' : 'tableName';
    const parameter = (node: TS.Node) => (ts.isIdentifier(node) ? scope.parameters.indexOf(node.text) : -1);
    if (parameter(argument) >= 0) return parameter(argument);
    if (!ts.isObjectLiteralExpression(argument)) return 'dynamic';
    for (const property of argument.properties) {
      if (ts.isSpreadAssignment(property) && parameter(property.expression) >= 0) return parameter(property.expression);
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === key)
        return parameter(property.name) >= 0 ? parameter(property.name) : 'dynamic';
      if (ts.isPropertyAssignment(property) && propertyKey(property.name) === key)
        return parameter(property.initializer) >= 0 ? parameter(property.initializer) : 'dynamic';
    }
    return 'default';
  };

  /** A static string for `key` of an object literal; 'absent' when the key is not there (and no spread could hold it); undefined when not static. */
  const objectOption = (node: TS.Expression, key: string): string | undefined | 'absent' => {
    if (!ts.isObjectLiteralExpression(node)) return undefined;
    let spread = false;
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) spread = true;
      if (ts.isPropertyAssignment(property) && propertyKey(property.name) === key)
        return constants.resolve(property.initializer);
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === key)
        return constants.resolve(property.name);
    }
    return spread ? undefined : 'absent';
  };

  const argumentName = (argument: TS.Expression): string | null => {
    const text = constants.resolve(argument);
    if (text !== undefined) return text;
    for (const key of ['name', 'tableName', 'collection']) {
      const option = objectOption(argument, key);
      if (option !== undefined && option !== 'absent') return option;
    }
    return null;
  };

  return {
    kinds: [
      ts.SyntaxKind.ImportDeclaration,
      ts.SyntaxKind.VariableDeclaration,
      ts.SyntaxKind.FunctionDeclaration,
      ts.SyntaxKind.ClassDeclaration,
      ts.SyntaxKind.CallExpression,
    ],
    visit,
    result,
  };
}

function explicit(table: string | undefined): Table {
  return table === undefined ? DYNAMIC : { table, tableSource: 'explicit' };
}

/** `true`/`false` of a boolean option; false when absent; undefined when not a literal. */
function booleanOption(node: TS.ObjectLiteralExpression, key: string): boolean | undefined {
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || propertyKey(property.name) !== key) continue;
    if (property.initializer.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (property.initializer.kind === ts.SyntaxKind.FalseKeyword) return false;
    return undefined;
  }
  return false;
}

function readImport(node: TS.ImportDeclaration, imports: Map<string, { imported: string; from: string }>): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || node.importClause === undefined) return;
  const from = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (clause.name) imports.set(clause.name.text, { imported: 'default', from });
  if (clause.namedBindings && ts.isNamedImports(clause.namedBindings))
    for (const element of clause.namedBindings.elements)
      imports.set(element.name.text, { imported: (element.propertyName ?? element.name).text, from });
}

/** A specifier that may name a module of the project: relative, or not a well-known decorator package. */
function isProjectSpecifier(specifier: string): boolean {
  return !/^(@nestjs\/|@angular\/|typeorm|mongoose|sequelize|class-validator|class-transformer|type-graphql|@mikro-orm\/|inversify|tsyringe)/.test(
    specifier,
  );
}

function parameterNames(node: TS.SignatureDeclarationBase): string[] {
  return node.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ''));
}

function calleeText(expression: TS.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) {
    const left = calleeText(expression.expression);
    return left === undefined ? expression.name.text : `${left}.${expression.name.text}`;
  }
  return undefined;
}

function propertyKey(name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
