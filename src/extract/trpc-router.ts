import { type TS, ts } from '../base/typescript.js';
import type { MountFact, RouteFact } from './collect-routes.js';
import { handlerName, propertyName, type StaticText } from './route-syntax.js';

/** tRPC procedure builders -> operation type. */
const PROCEDURES: Record<string, string> = { query: 'QUERY', mutation: 'MUTATION', subscription: 'SUBSCRIPTION' };

/**
 * The procedures of a tRPC router call (`router({ … })`, `t.router({ … })`,
 * `createTRPCRouter({ … })`): each key whose value ends in `.query(…)`, `.mutation(…)` or
 * `.subscription(…)` is an operation named by its key; a nested router (a call or a plain object)
 * prefixes its keys with a dot (`users.list`); a name is a sub-router mounted at that key. Nested
 * calls read here are added to `seen`, so the walk does not read them again as routers of their
 * own. Null when the call has no object literal or nothing in it is a procedure or a router.
 */
export function trpcRouter(
  node: TS.CallExpression,
  identity: string,
  lineOf: (node: TS.Node) => number,
  bindings: ReadonlyMap<string, { specifier: string; name: string }>,
  seen: Set<TS.Node>,
): { routes: RouteFact[]; mounts: MountFact[] } | null {
  const [argument] = node.arguments;
  if (argument === undefined || !ts.isObjectLiteralExpression(argument)) return null;
  const routes: RouteFact[] = [];
  const mounts: MountFact[] = [];
  const read = (object: TS.ObjectLiteralExpression, prefix: StaticText | null) => {
    for (const property of object.properties) {
      let key: StaticText;
      let value: TS.Expression;
      if (ts.isPropertyAssignment(property)) {
        key = propertyName(property.name);
        value = property.initializer;
      } else if (ts.isShorthandPropertyAssignment(property)) {
        key = { text: property.name.text, dynamic: false };
        value = property.name;
      } else continue;
      const name =
        prefix === null ? key : { text: `${prefix.text}.${key.text}`, dynamic: prefix.dynamic || key.dynamic };
      const dynamic = name.dynamic ? { dynamic: true as const } : {};
      const procedure = procedureOf(value);
      if (procedure !== null) {
        routes.push({
          framework: 'trpc',
          ...procedure,
          path: name.text,
          line: lineOf(property),
          ...dynamic,
          router: identity,
        });
      } else if (isRouterCall(value)) {
        seen.add(value);
        read(value.arguments[0] as TS.ObjectLiteralExpression, name);
      } else if (ts.isObjectLiteralExpression(value)) {
        read(value, name);
      } else if (ts.isIdentifier(value)) {
        const binding = bindings.get(value.text);
        mounts.push({
          framework: 'trpc',
          receiver: identity,
          prefix: name.text,
          ...dynamic,
          mounted: value.text,
          ...(binding === undefined ? {} : { import: binding }),
          line: lineOf(property),
        });
      }
    }
  };
  read(argument, null);
  return routes.length === 0 && mounts.length === 0 ? null : { routes, mounts };
}

/** `router({…})`, `t.router({…})`, `createTRPCRouter({…})`. */
export function isRouterCall(node: TS.Expression): node is TS.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const [argument] = node.arguments;
  return (
    (name === 'router' || name === 'createTRPCRouter') &&
    argument !== undefined &&
    ts.isObjectLiteralExpression(argument)
  );
}

/** `procedure.input(…).query(resolver)` -> QUERY and the resolver's name. */
function procedureOf(node: TS.Expression): { method: string; handler: string } | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return null;
  const method = PROCEDURES[node.expression.name.text];
  if (method === undefined) return null;
  const resolver = node.arguments[node.arguments.length - 1];
  return {
    method,
    handler: resolver !== undefined && ts.isIdentifier(resolver) ? handlerName(resolver) : '<anonymous>',
  };
}
