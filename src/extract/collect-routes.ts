import { compareStrings } from '../base/compare.js';
import { type TS, ts } from '../base/typescript.js';
import { decoratedRoutes } from './collect-decorated-routes.js';
import { lineCounter } from './line-counter.js';
import { nestSetupOf } from './nest-setup.js';
import {
  DYNAMIC,
  handlerName,
  hasProperty,
  isHandlerLike,
  propertyName,
  propertyOf,
  type StaticText,
  staticText,
} from './route-syntax.js';
import { joinPaths } from './route-path.js';
import { isRouterCall, trpcRouter } from './trpc-router.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

/** The framework a route is declared for. */
export type RouteFramework = 'nestjs' | 'express' | 'koa' | 'fastify' | 'graphql' | 'trpc';

/** One HTTP route or API operation as written in one file. */
export interface RouteFact {
  /** The framework it is declared for. */
  framework: RouteFramework;
  /** HTTP method, upper case (GET … ALL); QUERY, MUTATION or SUBSCRIPTION for GraphQL and tRPC. */
  method: string;
  /** Path as far as this file says (`/orders/:id`, a router's path with its own prefix); the operation name for GraphQL and tRPC (`users.list`). */
  path: string;
  /** `Class.method`, the handler's name as written, or `<anonymous>`. */
  handler: string;
  /** 1-based line of the route's decorator or method call. */
  line: number;
  /** Some part of the path (or version) is not a static string: written as `{dynamic}`. */
  dynamic?: true;
  /** The router it is declared on in this file (a variable, `this.x`, or the plugin function whose first parameter it is), for mounts to find it. */
  router?: string;
  /** NestJS version it is served at (`@Version`, `@Controller({ version })`); `neutral` for VERSION_NEUTRAL. */
  version?: string;
}

/** A router, plugin or sub-router mounted on another in this file. */
export interface MountFact {
  /** The framework of the mount: `use` (Express, Koa), `register` (Fastify), a key of a tRPC router. */
  framework: 'express' | 'koa' | 'fastify' | 'trpc';
  /** The router it is mounted on (as RouteFact.router). */
  receiver: string;
  /** The prefix it is mounted at ('' for none); a tRPC key. */
  prefix: string;
  /** The prefix is not (all) a static string. */
  dynamic?: true;
  /** The local name mounted (a router in this file, or an import binding: see `import`). */
  mounted: string;
  /** When the mounted name comes from an import or require in this file: its specifier and imported name (`default`, or a named export). */
  import?: { specifier: string; name: string };
  /** 1-based line of the mount. */
  line: number;
}

/** A router variable (or plugin function) exported by this file, under an exported name. */
export interface RouterExport {
  /** Exported name (`default` for `export default` and `module.exports =`). */
  name: string;
  /** The router in this file (as RouteFact.router). */
  local: string;
}

/** NestJS application setup in a bootstrap file. */
export interface NestSetupFact {
  /** `app.setGlobalPrefix(path, { exclude })`. */
  globalPrefix?: { path: string; dynamic?: true; exclude?: { path: string; method?: string }[]; line: number };
  /** `app.enableVersioning({ type, prefix, defaultVersion })`; type `URI` (the default), `HEADER`, `MEDIA_TYPE`, `CUSTOM` or `{dynamic}`. */
  versioning?: { type: string; prefix?: string | false; defaultVersion?: string[]; line: number };
}

/** The routes facts of one file; every list sorted. */
export interface RouteFacts {
  routes: RouteFact[];
  mounts: MountFact[];
  /** Routers and applications created in this file (`express()`, `Router()`, `new Router({ prefix })`, `new Koa()`, `fastify()`). */
  routers: { name: string; framework: 'express' | 'koa' | 'fastify'; kind: 'app' | 'router'; line: number }[];
  exports: RouterExport[];
  nest?: NestSetupFact;
}

/** Router methods that declare a route (Koa's router spells DELETE `del` too). */
const METHODS: Record<string, string> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  all: 'ALL',
  // SEARCH (RFC draft, in Node's http.METHODS): Express routers have it; directus serves queries through it.
  search: 'SEARCH',
};

/** Receivers that are HTTP clients, not servers: `axios.get('/x', config)` is a request, not a route. */
const CLIENTS = new Set([
  'axios',
  'http',
  'https',
  'fetch',
  'got',
  'ky',
  'request',
  'superagent',
  'supertest',
  'agent',
  'httpclient',
  'httpservice',
  '$http',
  'client',
  'apiclient',
]);

/** Names that are routers even without a factory in the file (a parameter, an import). */
const ROUTER_NAME = /^(app|server|fastify|instance|api|router|.*Router|.*App)$/;

type ServerFramework = 'express' | 'koa' | 'fastify';

/** Receivers taken for routers in a file that imports no framework, when the handler's parameters name one. */
const ROUTER_PARAMETER = /^(router|.*Router)$/;

/** `(ctx, next) =>` is Koa's, `(req, res) =>` Express's, `(request, reply) =>` Fastify's; null for anything else. */
function frameworkOfHandler(node: TS.Expression): ServerFramework | null {
  const handler = ts.isArrayLiteralExpression(node) ? node.elements[node.elements.length - 1] : node;
  if (handler === undefined || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) return null;
  const [first, second] = handler.parameters.map((parameter) =>
    ts.isIdentifier(parameter.name) ? parameter.name.text : '',
  );
  if (first === 'ctx' || first === 'context') return 'koa';
  if (second === 'reply') return 'fastify';
  if ((first === 'req' || first === '_req' || first === 'request') && (second === 'res' || second === 'response'))
    return 'express';
  return null;
}

/** The package an import or require names -> the server framework it means. */
function frameworkOfPackage(specifier: string): ServerFramework | null {
  if (specifier === 'express') return 'express';
  if (specifier === 'koa' || specifier === '@koa/router' || specifier === 'koa-router') return 'koa';
  if (specifier === 'fastify' || specifier === 'fastify-plugin' || specifier.startsWith('@fastify/')) return 'fastify';
  return null;
}

/** A route call of a router, before its router and framework are known (the end of the walk). */
interface RouteCandidate {
  receiver: string;
  /** The receiver is a plain identifier (a parameter may be it). */
  identifier: boolean;
  pos: number;
  methods: string[];
  path: StaticText;
  /** The path looks like one only if the receiver is a router (a computed path). */
  needsRouter: boolean;
  /** The path is a string without a leading slash: a route only on a router created in this file. */
  needsFactory?: boolean;
  handler: string;
  /** Only Fastify takes `(path, { handler })` and `route({ … })`. */
  fastifyOnly: boolean;
  /** The framework the handler's parameters name, for a file that imports none: `(ctx, next)`, `(req, res)`, `(request, reply)`. */
  hint?: ServerFramework;
  line: number;
}

interface MountCandidate {
  receiver: string;
  identifier: boolean;
  pos: number;
  framework: ServerFramework | null;
  prefix: StaticText;
  mounted: string | TS.Node;
  import?: { specifier: string; name: string };
  line: number;
}

/**
 * Routes and mounts, from the syntax alone (see RouteFacts). Router calls are read as candidates
 * during the walk and kept at its end when the file speaks a server framework: it imports or
 * requires express, koa, @koa/router, koa-router, fastify or fastify-plugin, or creates a server;
 * a route call needs a path-looking first argument and a handler, and its receiver must not be a
 * known HTTP client. A receiver that is the first parameter of a function (a Fastify plugin,
 * `function routes(app)`) is named after that function, so that a mount elsewhere can find it.
 */
export function routesCollector(file: TS.SourceFile): KindVisitor & { result: () => RouteFacts | undefined } {
  const lineOf = lineCounter(file);
  const bindings = new Map<string, { specifier: string; name: string }>();
  const frameworks = new Set<ServerFramework>();
  const routers = new Map<string, RouteFacts['routers'][number] & { prefix?: StaticText }>();
  const prefixCalls = new Map<string, StaticText>();
  /** Variables made by `new X()` that is no server or router (a Map, a cache): `map.get('/x', fallback)` is no route. */
  const others = new Set<string>();
  const scopes: { node: TS.SignatureDeclaration; param: string }[] = [];
  /** Every function, and the identifiers returned by `return x` statements: a router made and returned by a factory is named after the factory. */
  const functions: TS.SignatureDeclaration[] = [];
  const returned: { name: string; pos: number }[] = [];
  const scopeNames = new Map<TS.Node, string>();
  const trpcNames = new Map<TS.Node, string>();
  const trpcSeen = new Set<TS.Node>();
  const routes: RouteFact[] = [];
  const trpcMounts: MountFact[] = [];
  const candidates: RouteCandidate[] = [];
  const mounts: MountCandidate[] = [];
  /** `f(x)` calls: a call of a routes function or plugin with a router mounts it (kept at the end when it does). */
  const calls: { callee: string; argument: string; node: TS.CallExpression }[] = [];
  const exported: { name: string; local: string | TS.Node }[] = [];
  const nest: NestSetupFact = {};

  const scopeName = (node: TS.Node): string => {
    const named = scopeNames.get(node);
    if (named !== undefined) return named;
    const own = (node as { name?: TS.Node }).name;
    return own !== undefined && ts.isIdentifier(own) ? own.text : `<anonymous@${lineOf(node)}>`;
  };
  const identityOf = (receiver: string, identifier: boolean, pos: number): string => {
    if (!identifier) return receiver;
    for (let index = scopes.length - 1; index >= 0; index--) {
      const scope = scopes[index] as (typeof scopes)[number];
      if (scope.param === receiver && scope.node.pos <= pos && pos < scope.node.end) return scopeName(scope.node);
    }
    // `function ordersRoutes() { const router = Router(); router.get(…); return router; }`: the
    // innermost function around the call that returns the receiver names it. An application
    // (`const app = express()` in `createApp()`) is the root, not a router to mount: it keeps its name.
    const router = routers.get(receiver);
    if (router === undefined || router.kind === 'app') return receiver;
    let factory: TS.SignatureDeclaration | undefined;
    for (const node of functions)
      if (
        node.pos <= pos &&
        pos < node.end &&
        (factory === undefined || node.pos >= factory.pos) &&
        returned.some((item) => item.name === receiver && node.pos <= item.pos && item.pos < node.end)
      )
        factory = node;
    return factory === undefined ? receiver : scopeName(factory);
  };
  const addScope = (node: TS.SignatureDeclaration) => {
    const [first] = node.parameters;
    if (first !== undefined && ts.isIdentifier(first.name)) scopes.push({ node, param: first.name.text });
  };
  const bind = (local: string, specifier: string, name: string) => {
    bindings.set(local, { specifier, name });
    const framework = frameworkOfPackage(specifier);
    if (framework !== null) frameworks.add(framework);
  };
  /** What a mount argument names: a router, `x.routes()`, an import binding, `ns.name`, `require('./x')`, `import('./x')`, an inline plugin. */
  const mountTarget = (node: TS.Expression): Pick<MountCandidate, 'mounted' | 'import'> | null => {
    if (ts.isIdentifier(node)) {
      const binding = bindings.get(node.text);
      return binding === undefined ? { mounted: node.text } : { mounted: node.text, import: binding };
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { mounted: node };
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const required = requiredSpecifier(node);
      if (required !== null) return { mounted: '<require>', import: { specifier: required, name: 'default' } };
      if (ts.isPropertyAccessExpression(callee) && /^(routes|middleware)$/.test(callee.name.text))
        return mountTarget(callee.expression);
      // `app.use('/x', ordersRoutes())`: the router the factory returns.
      if (ts.isIdentifier(callee)) return mountTarget(callee);
      return null;
    }
    if (ts.isPropertyAccessExpression(node)) {
      const owner = node.expression;
      const required = ts.isCallExpression(owner) ? requiredSpecifier(owner) : null;
      if (required !== null) return { mounted: '<require>', import: { specifier: required, name: node.name.text } };
      const binding = ts.isIdentifier(owner) ? bindings.get(owner.text) : undefined;
      if (ts.isIdentifier(owner) && binding?.name === '*')
        return {
          mounted: `${owner.text}.${node.name.text}`,
          import: { specifier: binding.specifier, name: node.name.text },
        };
    }
    if (ts.isAwaitExpression(node)) return mountTarget(node.expression);
    return null;
  };

  const visitCall = (node: TS.CallExpression) => {
    const callee = node.expression;
    const args = node.arguments;
    if (ts.isIdentifier(callee)) {
      if ((callee.text === 'router' || callee.text === 'createTRPCRouter') && !trpcSeen.has(node)) readTrpc(node);
      else if (callee.text === 'mergeRouters') readMerge(node);
      else if (args.length > 0 && ts.isIdentifier(args[0] as TS.Expression))
        calls.push({ callee: callee.text, argument: (args[0] as TS.Identifier).text, node });
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const name = callee.name.text;
    const method = METHODS[name];
    if (method !== undefined) readRouteCall(node, callee, method);
    else if (name === 'route') readRouteOptions(node, callee);
    else if (name === 'use') readUse(node, callee);
    else if (name === 'register') readRegister(node, callee);
    else if (name === 'router' && !trpcSeen.has(node)) readTrpc(node);
    else if (name === 'mergeRouters') readMerge(node);
    else if (name === 'prefix' && args.length === 1) {
      const base = baseReceiver(callee.expression);
      if (base !== null) prefixCalls.set(base.name, staticText(args[0] as TS.Expression));
    } else if (name === 'setGlobalPrefix' || name === 'enableVersioning') {
      Object.assign(nest, nestSetupOf(node, name, lineOf));
    }
  };

  const readRouteCall = (node: TS.CallExpression, callee: TS.PropertyAccessExpression, method: string) => {
    const args = node.arguments;
    const chain = routeChain(callee.expression);
    if (chain !== null) {
      // `router.route('/path').get(handler).post(handler)` (Express)
      const last = args[args.length - 1];
      if (last === undefined || !isHandlerLike(last)) return;
      const path = staticText(chain.path);
      candidates.push({
        ...chain.base,
        pos: node.pos,
        methods: [method],
        path,
        needsRouter: !looksLikePath(path),
        handler: handlerName(last),
        fastifyOnly: false,
        line: lineOf(callee.name),
      });
      return;
    }
    const base = baseReceiver(callee.expression);
    if (base === null || args.length < 2 || CLIENTS.has(lastPart(base.name).toLowerCase())) return;
    let pathArgument = args[0] as TS.Expression;
    let needsFactory = false;
    if (isPlainString(pathArgument) && !looksLikePath(staticText(pathArgument))) {
      const second = args[1] as TS.Expression;
      // koa-router's named routes: router.get('user', '/users/:id', handler)
      if (args.length >= 3 && isPlainString(second) && looksLikePath(staticText(second))) pathArgument = second;
      // A path without its slash (`router.post('documents.list', …)`): only on a router made here.
      else needsFactory = true;
    }
    const path = staticText(pathArgument);
    if (!needsFactory && !looksLikePath(path) && !path.text.startsWith(DYNAMIC)) return;
    const last = args[args.length - 1] as TS.Expression;
    let handler: string;
    let fastifyOnly = false;
    if (ts.isObjectLiteralExpression(last)) {
      // Fastify: fastify.get('/path', { schema, handler })
      if (!hasProperty(last, 'handler')) return;
      const value = propertyOf(last, 'handler');
      handler = value === undefined ? '<anonymous>' : handlerName(value);
      fastifyOnly = true;
    } else if (isHandlerLike(last) && last !== pathArgument) {
      handler = handlerName(last);
    } else return;
    const hint = frameworkOfHandler(last);
    candidates.push({
      ...base,
      pos: node.pos,
      methods: [method],
      path,
      needsRouter: !looksLikePath(path),
      ...(needsFactory ? { needsFactory } : {}),
      handler,
      fastifyOnly,
      ...(hint === null ? {} : { hint }),
      line: lineOf(callee.name),
    });
  };

  /** Fastify's `fastify.route({ method: 'GET' | ['GET', 'HEAD'], url, handler })`. */
  const readRouteOptions = (node: TS.CallExpression, callee: TS.PropertyAccessExpression) => {
    const [options] = node.arguments;
    const base = baseReceiver(callee.expression);
    if (base === null || options === undefined || !ts.isObjectLiteralExpression(options)) return;
    const methodNode = propertyOf(options, 'method');
    const urlNode = propertyOf(options, 'url') ?? propertyOf(options, 'path');
    if (methodNode === undefined || urlNode === undefined || !hasProperty(options, 'handler')) return;
    const methods = (
      ts.isArrayLiteralExpression(methodNode) ? methodNode.elements.map(staticText) : [staticText(methodNode)]
    ).map((item) => ({ text: item.dynamic ? DYNAMIC : item.text.toUpperCase(), dynamic: item.dynamic }));
    const path = staticText(urlNode);
    const handlerNode = propertyOf(options, 'handler');
    const dynamicMethod = methods.some((item) => item.dynamic);
    candidates.push({
      ...base,
      pos: node.pos,
      methods: methods.map((item) => item.text),
      path: { text: path.text, dynamic: path.dynamic || dynamicMethod },
      needsRouter: !looksLikePath(path),
      handler: handlerNode === undefined ? '<anonymous>' : handlerName(handlerNode),
      fastifyOnly: true,
      line: lineOf(callee.name),
    });
  };

  const readUse = (node: TS.CallExpression, callee: TS.PropertyAccessExpression) => {
    const base = baseReceiver(callee.expression);
    const [first] = node.arguments;
    if (base === null || first === undefined) return;
    const hasPath = isPathArgument(first);
    const prefix = hasPath ? staticText(first) : { text: '', dynamic: false };
    if (hasPath && !looksLikePath(prefix) && !prefix.text.startsWith(DYNAMIC)) return;
    for (const argument of node.arguments.slice(hasPath ? 1 : 0)) {
      const target = mountTarget(argument);
      if (target === null || typeof target.mounted !== 'string') continue;
      const koa = ts.isCallExpression(argument) && requiredSpecifier(argument) === null;
      mounts.push({
        ...base,
        pos: node.pos,
        framework: koa ? 'koa' : null,
        prefix,
        ...target,
        line: lineOf(callee.name),
      });
    }
  };

  /** Fastify's `fastify.register(plugin, { prefix })`. */
  const readRegister = (node: TS.CallExpression, callee: TS.PropertyAccessExpression) => {
    const base = baseReceiver(callee.expression);
    const [plugin, options] = node.arguments;
    if (base === null || plugin === undefined) return;
    const target = dynamicImport(plugin) ?? mountTarget(plugin);
    if (target === null) return;
    let prefix: StaticText = { text: '', dynamic: false };
    if (options !== undefined) {
      if (!ts.isObjectLiteralExpression(options)) prefix = { text: DYNAMIC, dynamic: true };
      else {
        const value = propertyOf(options, 'prefix');
        if (value !== undefined) prefix = staticText(value);
        else if (options.properties.some((property) => ts.isSpreadAssignment(property)))
          prefix = { text: DYNAMIC, dynamic: true };
      }
    }
    mounts.push({ ...base, pos: node.pos, framework: 'fastify', prefix, ...target, line: lineOf(callee.name) });
  };

  const readTrpc = (node: TS.CallExpression) => {
    const identity = trpcNames.get(node) ?? `<anonymous@${lineOf(node)}>`;
    const read = trpcRouter(node, identity, lineOf, bindings, trpcSeen);
    if (read === null) return;
    routes.push(...read.routes);
    trpcMounts.push(...read.mounts);
  };
  const readMerge = (node: TS.CallExpression) => {
    const identity = trpcNames.get(node) ?? `<anonymous@${lineOf(node)}>`;
    for (const argument of node.arguments) {
      if (!ts.isIdentifier(argument)) continue;
      const binding = bindings.get(argument.text);
      trpcMounts.push({
        framework: 'trpc',
        receiver: identity,
        prefix: '',
        mounted: argument.text,
        ...(binding === undefined ? {} : { import: binding }),
        line: lineOf(node),
      });
    }
  };

  const visitVariable = (node: TS.VariableDeclaration) => {
    const init = node.initializer === undefined ? undefined : unwrap(node.initializer);
    if (init === undefined) return;
    if (ts.isIdentifier(node.name)) {
      const name = node.name.text;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) scopeNames.set(init, name);
      else if (ts.isCallExpression(init) || ts.isNewExpression(init)) {
        const factory = factoryOf(init, bindings);
        if (factory !== null) {
          routers.set(name, { name, ...factory, line: lineOf(node) });
          frameworks.add(factory.framework);
        } else if (ts.isNewExpression(init)) others.add(name);
        if (ts.isCallExpression(init)) {
          trpcNames.set(init, name);
          const required = requiredSpecifier(init);
          if (required !== null) bind(name, required, 'default');
          // fp(async (fastify) => …): the plugin is the function.
          const [inner] = init.arguments;
          if (inner !== undefined && (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)))
            scopeNames.set(inner, name);
        }
      }
    } else if (ts.isObjectBindingPattern(node.name) && ts.isCallExpression(init)) {
      const required = requiredSpecifier(init);
      if (required === null) return;
      for (const element of node.name.elements) {
        if (!ts.isIdentifier(element.name)) continue;
        const imported = element.propertyName === undefined ? element.name.text : propertyName(element.propertyName);
        bind(element.name.text, required, typeof imported === 'string' ? imported : imported.text);
      }
    }
  };

  const visitImport = (node: TS.ImportDeclaration) => {
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const specifier = node.moduleSpecifier.text;
    const framework = frameworkOfPackage(specifier);
    if (framework !== null) frameworks.add(framework);
    const clause = node.importClause;
    if (clause === undefined) return;
    if (clause.name !== undefined) bind(clause.name.text, specifier, 'default');
    const named = clause.namedBindings;
    if (named === undefined) return;
    if (ts.isNamespaceImport(named)) bind(named.name.text, specifier, '*');
    else for (const item of named.elements) bind(item.name.text, specifier, (item.propertyName ?? item.name).text);
  };

  const visitExport = (node: TS.Node) => {
    if (ts.isExportAssignment(node)) {
      const local = exportedLocal(node.expression);
      if (local !== null) exported.push({ name: 'default', local });
      const expression = unwrap(node.expression);
      if (isRouterCall(expression)) {
        trpcNames.set(expression, 'default');
        exported.push({ name: 'default', local: 'default' });
      }
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier !== undefined || node.exportClause === undefined) return;
      if (!ts.isNamedExports(node.exportClause)) return;
      for (const item of node.exportClause.elements)
        exported.push({ name: item.name.text, local: (item.propertyName ?? item.name).text });
    } else if (ts.isVariableStatement(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of node.declarationList.declarations)
        if (ts.isIdentifier(declaration.name))
          exported.push({ name: declaration.name.text, local: declaration.name.text });
    } else if (ts.isFunctionDeclaration(node) && hasModifier(node, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(node, ts.SyntaxKind.DefaultKeyword);
      exported.push({ name: isDefault ? 'default' : (node.name?.text ?? 'default'), local: node });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = commonJsExport(node.left);
      if (name === null) return;
      if (name === 'default' && ts.isObjectLiteralExpression(node.right)) {
        for (const property of node.right.properties) {
          if (ts.isShorthandPropertyAssignment(property))
            exported.push({ name: property.name.text, local: property.name.text });
          else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer))
            exported.push({ name: propertyName(property.name).text, local: property.initializer.text });
        }
        return;
      }
      const local = exportedLocal(node.right);
      if (local !== null) exported.push({ name, local });
    }
  };

  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
        visitCall(node as TS.CallExpression);
        break;
      case ts.SyntaxKind.ImportDeclaration:
        visitImport(node as TS.ImportDeclaration);
        break;
      case ts.SyntaxKind.VariableDeclaration:
        visitVariable(node as TS.VariableDeclaration);
        break;
      case ts.SyntaxKind.ClassDeclaration:
        routes.push(...decoratedRoutes(node as TS.ClassDeclaration, lineOf));
        break;
      case ts.SyntaxKind.FunctionDeclaration:
        addScope(node as TS.FunctionDeclaration);
        functions.push(node as TS.FunctionDeclaration);
        visitExport(node);
        break;
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ArrowFunction:
        addScope(node as TS.SignatureDeclaration);
        functions.push(node as TS.SignatureDeclaration);
        break;
      case ts.SyntaxKind.ReturnStatement: {
        const value = (node as TS.ReturnStatement).expression;
        if (value !== undefined && ts.isIdentifier(value)) returned.push({ name: value.text, pos: node.pos });
        break;
      }
      default:
        visitExport(node);
    }
  };

  const result = (): RouteFacts | undefined => {
    const fileFramework: ServerFramework | null = frameworks.has('fastify')
      ? 'fastify'
      : frameworks.has('koa')
        ? 'koa'
        : frameworks.has('express')
          ? 'express'
          : null;
    const frameworkOf = (identity: string, receiver: string): ServerFramework | null =>
      routers.get(identity)?.framework ?? fileFramework ?? (receiver === 'fastify' ? 'fastify' : null);
    const prefixOf = (identity: string): StaticText | undefined =>
      routers.get(identity)?.prefix ?? prefixCalls.get(identity);
    const isRouter = (identity: string, receiver: string) =>
      routers.has(identity) || identity !== receiver || ROUTER_NAME.test(receiver);
    for (const candidate of candidates) {
      const identity = identityOf(candidate.receiver, candidate.identifier, candidate.pos);
      // A file that imports no framework (routes on a router passed in): the handler's parameters say which.
      const framework =
        frameworkOf(identity, candidate.receiver) ??
        (ROUTER_PARAMETER.test(candidate.receiver) && !candidate.needsRouter ? (candidate.hint ?? null) : null);
      if (framework === null || (candidate.fastifyOnly && framework !== 'fastify')) continue;
      if (identity === candidate.receiver && others.has(identity)) continue;
      if (candidate.needsRouter && !isRouter(identity, candidate.receiver)) continue;
      if (candidate.needsFactory === true && !routers.has(identity)) continue;
      const prefix = framework === 'koa' ? prefixOf(identity) : undefined;
      const dynamic = candidate.path.dynamic || prefix?.dynamic === true;
      for (const method of candidate.methods) {
        routes.push({
          framework,
          method,
          path: joinPaths(prefix?.text ?? '', candidate.path.text),
          handler: candidate.handler,
          line: candidate.line,
          ...(dynamic ? { dynamic: true as const } : {}),
          router: identity,
        });
      }
    }
    const mountFacts: MountFact[] = [...trpcMounts];
    for (const mount of mounts) {
      const identity = identityOf(mount.receiver, mount.identifier, mount.pos);
      const framework = mount.framework ?? frameworkOf(identity, mount.receiver);
      if (framework === null) continue;
      const own = framework === 'koa' ? prefixOf(identity) : undefined;
      const prefix = own === undefined ? mount.prefix.text : joinPaths(own.text, mount.prefix.text);
      mountFacts.push({
        framework,
        receiver: identity,
        prefix,
        ...(mount.prefix.dynamic || own?.dynamic ? { dynamic: true as const } : {}),
        mounted: typeof mount.mounted === 'string' ? mount.mounted : scopeName(mount.mounted),
        ...(mount.import === undefined ? {} : { import: mount.import }),
        line: mount.line,
      });
    }
    // `routes(app)`: a function in this file or an import called with a router mounts the router of that function.
    const identities = new Set<string>([...routers.keys()]);
    for (const route of routes) if (route.router !== undefined) identities.add(route.router);
    for (const mount of mountFacts) identities.add(mount.receiver);
    const scopeNamesInFile = new Set(scopes.map((scope) => scopeName(scope.node)));
    for (const call of calls) {
      const identity = identityOf(call.argument, true, call.node.pos);
      const framework = frameworkOf(identity, call.argument);
      const binding = bindings.get(call.callee);
      if (!identities.has(identity) || framework === null) continue;
      if (binding === undefined && !scopeNamesInFile.has(call.callee)) continue;
      if (binding !== undefined && frameworkOfPackage(binding.specifier) !== null) continue;
      mountFacts.push({
        framework,
        receiver: identity,
        prefix: '',
        mounted: call.callee,
        ...(binding === undefined ? {} : { import: binding }),
        line: lineOf(call.node),
      });
    }
    const routerExports = exported
      .map((item) => ({ name: item.name, local: typeof item.local === 'string' ? item.local : scopeName(item.local) }))
      .filter((item) => identities.has(item.local));
    const routerFacts = [...routers.values()].map(({ prefix: _prefix, ...router }) => router);
    const setup = nest.globalPrefix !== undefined || nest.versioning !== undefined ? nest : undefined;
    if (routes.length === 0 && mountFacts.length === 0 && routerFacts.length === 0 && setup === undefined)
      return undefined;
    return {
      routes: routes.sort(compareRoutes),
      mounts: dedupe(mountFacts.sort(compareMounts)),
      routers: routerFacts.sort((a, b) => compareStrings(a.name, b.name)),
      exports: dedupe(routerExports.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.local, b.local))),
      ...(setup === undefined ? {} : { nest: setup }),
    };
  };

  return {
    kinds: [
      ts.SyntaxKind.CallExpression,
      ts.SyntaxKind.ImportDeclaration,
      ts.SyntaxKind.VariableDeclaration,
      ts.SyntaxKind.ClassDeclaration,
      ts.SyntaxKind.FunctionDeclaration,
      ts.SyntaxKind.FunctionExpression,
      ts.SyntaxKind.ArrowFunction,
      ts.SyntaxKind.ExportAssignment,
      ts.SyntaxKind.ExportDeclaration,
      ts.SyntaxKind.VariableStatement,
      ts.SyntaxKind.BinaryExpression,
      ts.SyntaxKind.ReturnStatement,
    ],
    visit,
    result,
  };
}

function compareRoutes(a: RouteFact, b: RouteFact): number {
  return (
    a.line - b.line ||
    compareStrings(a.method, b.method) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.version ?? '', b.version ?? '') ||
    compareStrings(a.handler, b.handler) ||
    compareStrings(a.router ?? '', b.router ?? '')
  );
}

function compareMounts(a: MountFact, b: MountFact): number {
  return (
    a.line - b.line ||
    compareStrings(a.receiver, b.receiver) ||
    compareStrings(a.prefix, b.prefix) ||
    compareStrings(a.mounted, b.mounted)
  );
}

/** Drops entries equal to the one before (the list is sorted). */
function dedupe<T>(items: T[]): T[] {
  return items.filter((item, index) => index === 0 || JSON.stringify(item) !== JSON.stringify(items[index - 1]));
}

/** A string path or prefix is written here: a literal, a template or a concatenation (not a name or call). */
function isPathArgument(node: TS.Expression): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node) ||
    (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
  );
}

function isPlainString(node: TS.Expression): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** `/…`, ``, `*`, `:param`, or a template that starts with `/`. */
function looksLikePath(path: StaticText): boolean {
  const text = path.text;
  return text === '' || text === '*' || text.startsWith('/') || text.startsWith(':');
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The router a call is made on: an identifier, `this.x` or `a.b`, seen through a chain of route
 * calls (`router.get(…).post(…)`); null for anything else (a call's result: `request(app).get`).
 */
function baseReceiver(node: TS.Expression): { receiver: string; identifier: boolean; name: string } | null {
  let current = node;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    if (METHODS[current.expression.name.text] === undefined) return null;
    current = current.expression.expression;
  }
  if (ts.isIdentifier(current)) return { receiver: current.text, identifier: true, name: current.text };
  if (ts.isPropertyAccessExpression(current)) {
    const owner = current.expression;
    const ownerName = ts.isIdentifier(owner) ? owner.text : owner.kind === ts.SyntaxKind.ThisKeyword ? 'this' : null;
    if (ownerName === null) return null;
    const name = `${ownerName}.${current.name.text}`;
    return { receiver: name, identifier: false, name };
  }
  return null;
}

/** `x.route('/path')` at the bottom of a chain of route calls: its path and receiver. */
function routeChain(
  node: TS.Expression,
): { path: TS.Expression; base: { receiver: string; identifier: boolean } } | null {
  let current = node;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const name = current.expression.name.text;
    if (name === 'route') {
      const [path] = current.arguments;
      if (path === undefined || ts.isObjectLiteralExpression(path)) return null;
      const base = baseReceiver(current.expression.expression);
      return base === null ? null : { path, base: { receiver: base.receiver, identifier: base.identifier } };
    }
    if (METHODS[name] === undefined) return null;
    current = current.expression.expression;
  }
  return null;
}

/** `require('x')` -> `x`. */
function requiredSpecifier(node: TS.CallExpression): string | null {
  const [argument] = node.arguments;
  return ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    argument !== undefined &&
    isPlainString(argument)
    ? (argument as TS.StringLiteral).text
    : null;
}

/** `import('./x')` as a Fastify plugin: the module's default export. */
function dynamicImport(node: TS.Expression): Pick<MountCandidate, 'mounted' | 'import'> | null {
  const call = ts.isAwaitExpression(node) ? node.expression : node;
  if (!ts.isCallExpression(call) || call.expression.kind !== ts.SyntaxKind.ImportKeyword) return null;
  const [argument] = call.arguments;
  if (argument === undefined || !isPlainString(argument)) return null;
  return { mounted: '<import>', import: { specifier: (argument as TS.StringLiteral).text, name: 'default' } };
}

/** Sees through `await`, parentheses, `as` and `satisfies`. */
function unwrap(node: TS.Expression): TS.Expression {
  let current = node;
  while (
    ts.isAwaitExpression(current) ||
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current)
  )
    current = current.expression;
  return current;
}

/** The router an exported expression is: a name, a function, or the first argument of a wrapper (`fp(plugin)`). */
function exportedLocal(node: TS.Expression): string | TS.Node | null {
  const expression = unwrap(node);
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return expression;
  if (ts.isCallExpression(expression) && requiredSpecifier(expression) === null) {
    const [first] = expression.arguments;
    if (first !== undefined && (ts.isIdentifier(first) || ts.isArrowFunction(first) || ts.isFunctionExpression(first)))
      return exportedLocal(first);
  }
  return null;
}

/** `module.exports` -> default; `module.exports.x` and `exports.x` -> x. */
function commonJsExport(node: TS.Expression): string | null {
  if (!ts.isPropertyAccessExpression(node)) return null;
  const owner = node.expression;
  if (ts.isIdentifier(owner) && owner.text === 'module' && node.name.text === 'exports') return 'default';
  if (ts.isIdentifier(owner) && owner.text === 'exports') return node.name.text;
  if (
    ts.isPropertyAccessExpression(owner) &&
    ts.isIdentifier(owner.expression) &&
    owner.expression.text === 'module' &&
    owner.name.text === 'exports'
  )
    return node.name.text;
  return null;
}

function hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : []).some((modifier) => modifier.kind === kind);
}

/**
 * The server or router a call or `new` creates: `express()`, `express.Router()`, `Router()` (an
 * import from express), `new Router({ prefix })` (@koa/router, koa-router), `new Koa()`,
 * `fastify()` / `Fastify()`; by the import the callee is bound to, else by its name.
 */
function factoryOf(
  node: TS.CallExpression | TS.NewExpression,
  bindings: ReadonlyMap<string, { specifier: string; name: string }>,
): { framework: ServerFramework; kind: 'app' | 'router'; prefix?: StaticText } | null {
  const callee = node.expression;
  const isNew = ts.isNewExpression(node);
  if (ts.isPropertyAccessExpression(callee)) {
    // express.Router(), require('express').Router()
    return callee.name.text === 'Router' && !isNew ? { framework: 'express', kind: 'router' } : null;
  }
  if (ts.isCallExpression(callee)) {
    const required = requiredSpecifier(callee);
    const framework = required === null ? null : frameworkOfPackage(required);
    return framework === null || framework === 'koa' ? null : { framework, kind: 'app' };
  }
  if (!ts.isIdentifier(callee)) return null;
  const specifier = bindings.get(callee.text)?.specifier;
  const framework = specifier === undefined ? null : frameworkOfPackage(specifier);
  const name = callee.text;
  if (isNew) {
    if (specifier === '@koa/router' || specifier === 'koa-router' || (specifier === undefined && name === 'Router')) {
      const [options] = node.arguments ?? [];
      const prefix =
        options !== undefined && ts.isObjectLiteralExpression(options) ? propertyOf(options, 'prefix') : undefined;
      return { framework: 'koa', kind: 'router', ...(prefix === undefined ? {} : { prefix: staticText(prefix) }) };
    }
    if (specifier === 'koa' || (specifier === undefined && name === 'Koa')) return { framework: 'koa', kind: 'app' };
    return null;
  }
  if (framework === 'express' || (specifier === undefined && (name === 'express' || name === 'Router')))
    return {
      framework: 'express',
      kind: name === 'Router' || bindings.get(name)?.name === 'Router' ? 'router' : 'app',
    };
  if (framework === 'fastify' || (specifier === undefined && (name === 'fastify' || name === 'Fastify')))
    return specifier === 'fastify' || specifier === undefined ? { framework: 'fastify', kind: 'app' } : null;
  return null;
}
