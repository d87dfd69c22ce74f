import { type TS, ts } from '../base/typescript.js';
import type { RouteFact } from './collect-routes.js';
import {
  DYNAMIC,
  decoratorArguments,
  decoratorName,
  memberName,
  propertyOf,
  type StaticText,
  staticText,
  staticTexts,
} from './route-syntax.js';
import { joinPaths } from './route-path.js';

/** NestJS method decorators -> HTTP method (`@Sse` serves GET). */
const NEST_METHODS: Record<string, string> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Options: 'OPTIONS',
  Head: 'HEAD',
  All: 'ALL',
  Sse: 'GET',
};

/** GraphQL operation decorators (@nestjs/graphql, type-graphql) -> operation type. */
const GRAPHQL_OPERATIONS: Record<string, string> = {
  Query: 'QUERY',
  Mutation: 'MUTATION',
  Subscription: 'SUBSCRIPTION',
};

/** The version a route is served at: `neutral` for VERSION_NEUTRAL (served without a version). */
const NEUTRAL = 'neutral';

/**
 * The routes a decorated class declares: a NestJS `@Controller(prefix | [prefixes] | { path,
 * version })` with its `@Get/@Post/…(path | [paths])` methods and their `@Version(…)` (one route
 * per prefix, path and version); a GraphQL `@Resolver` with its `@Query/@Mutation/@Subscription`
 * methods, named by a string argument, a `{ name }` option or the method's name.
 */
export function decoratedRoutes(node: TS.ClassDeclaration, lineOf: (node: TS.Node) => number): RouteFact[] {
  const decorators = ts.getDecorators(node) ?? [];
  const className = node.name?.text ?? '<anonymous>';
  const routes: RouteFact[] = [];
  for (const decorator of decorators) {
    const name = decoratorName(decorator);
    if (name === 'Controller') routes.push(...controllerRoutes(node, className, decorator, lineOf));
    else if (name === 'Resolver') routes.push(...resolverOperations(node, className, lineOf));
  }
  return routes;
}

function controllerRoutes(
  node: TS.ClassDeclaration,
  className: string,
  controller: TS.Decorator,
  lineOf: (node: TS.Node) => number,
): RouteFact[] {
  const [argument] = decoratorArguments(controller);
  let prefixes: StaticText[] = staticTexts(argument);
  let classVersions: StaticText[] = [];
  if (argument !== undefined && ts.isObjectLiteralExpression(argument)) {
    prefixes = staticTexts(propertyOf(argument, 'path'));
    classVersions = versionsOf(propertyOf(argument, 'version'));
  }
  if (prefixes.length === 0) prefixes = [{ text: '', dynamic: false }];
  const routes: RouteFact[] = [];
  for (const member of node.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    const decorators = ts.getDecorators(member) ?? [];
    const version = decorators.find((decorator) => decoratorName(decorator) === 'Version');
    const versions = version === undefined ? classVersions : versionsOf(decoratorArguments(version)[0]);
    for (const decorator of decorators) {
      const method = NEST_METHODS[decoratorName(decorator)];
      if (method === undefined) continue;
      let paths = staticTexts(decoratorArguments(decorator)[0]);
      if (paths.length === 0) paths = [{ text: '', dynamic: false }];
      const line = lineOf(decorator);
      const handler = `${className}.${memberName(member.name)}`;
      for (const prefix of prefixes) {
        for (const path of paths) {
          const dynamic = prefix.dynamic || path.dynamic;
          const base = { framework: 'nestjs' as const, method, path: joinPaths(prefix.text, path.text), handler, line };
          if (versions.length === 0) routes.push(dynamic ? { ...base, dynamic: true } : base);
          for (const each of versions)
            routes.push({ ...base, ...(dynamic || each.dynamic ? { dynamic: true } : {}), version: each.text });
        }
      }
    }
  }
  return routes;
}

/** `'1'`, `['1', '2']`, `VERSION_NEUTRAL` (`neutral`); anything else is DYNAMIC. */
function versionsOf(node: TS.Expression | undefined): StaticText[] {
  if (node === undefined) return [];
  const elements = ts.isArrayLiteralExpression(node) ? node.elements : [node];
  return elements.map((element) => (isNeutral(element) ? { text: NEUTRAL, dynamic: false } : staticText(element)));
}

function isNeutral(node: TS.Expression): boolean {
  return (
    (ts.isIdentifier(node) && node.text === 'VERSION_NEUTRAL') ||
    (ts.isPropertyAccessExpression(node) && node.name.text === 'VERSION_NEUTRAL')
  );
}

function resolverOperations(
  node: TS.ClassDeclaration,
  className: string,
  lineOf: (node: TS.Node) => number,
): RouteFact[] {
  const routes: RouteFact[] = [];
  for (const member of node.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const decorator of ts.getDecorators(member) ?? []) {
      const method = GRAPHQL_OPERATIONS[decoratorName(decorator)];
      if (method === undefined) continue;
      const methodName = memberName(member.name);
      const name = operationName(decoratorArguments(decorator)) ?? {
        text: methodName,
        dynamic: methodName === DYNAMIC,
      };
      routes.push({
        framework: 'graphql',
        method,
        path: name.text,
        handler: `${className}.${methodName}`,
        line: lineOf(decorator),
        ...(name.dynamic ? { dynamic: true as const } : {}),
      });
    }
  }
  return routes;
}

/** `@Query('name')` (schema first) or `@Query(() => T, { name })` (code first); undefined: the method's name. */
function operationName(args: readonly TS.Expression[]): StaticText | undefined {
  for (const argument of args) {
    if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return staticText(argument);
    if (ts.isObjectLiteralExpression(argument)) {
      const name = propertyOf(argument, 'name');
      if (name !== undefined) return staticText(name);
    }
  }
  return undefined;
}
