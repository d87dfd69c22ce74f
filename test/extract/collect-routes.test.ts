import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { routesCollector } from '../../src/extract/collect-routes.js';
import { walk } from '../../src/extract/walk.js';

function factsOf(code: string, name = 'a.ts') {
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest);
  const collector = routesCollector(file);
  walk(file, [collector]);
  return collector.result();
}

/** Routes as `METHOD path handler @line [router]`, for short assertions. */
function routesOf(code: string): string[] {
  return (factsOf(code)?.routes ?? []).map(
    (route) =>
      `${route.method} ${route.path} ${route.handler} @${route.line}${route.router === undefined ? '' : ` [${route.router}]`}${route.version === undefined ? '' : ` v${route.version}`}${route.dynamic ? ' dynamic' : ''}`,
  );
}

const lines = (...items: string[]) => items.join('\n');

describe('routesCollector: NestJS', () => {
  it('joins the controller prefix with each method path, one route per array path and per version', () => {
    const code = lines(
      "import { Controller, Get, Post, Put, Patch, Delete, Options, Head, All, Version } from '@nestjs/common';",
      "@Controller({ path: 'orders', version: ['1', '2'] })",
      'export class OrdersController {',
      "  @Get(':id') findOne() {}",
      "  @Post(['a', 'b']) create() {}",
      "  @Version('3')",
      '  @Put() replace() {}',
      "  @Patch('/x/') patch() {}",
      '  @Delete() @Options() @Head() @All() misc() {}',
      '}',
    );
    expect(routesOf(code)).toEqual([
      'GET /orders/:id OrdersController.findOne @4 v1',
      'GET /orders/:id OrdersController.findOne @4 v2',
      'POST /orders/a OrdersController.create @5 v1',
      'POST /orders/a OrdersController.create @5 v2',
      'POST /orders/b OrdersController.create @5 v1',
      'POST /orders/b OrdersController.create @5 v2',
      'PUT /orders OrdersController.replace @7 v3',
      'PATCH /orders/x OrdersController.patch @8 v1',
      'PATCH /orders/x OrdersController.patch @8 v2',
      ...['ALL', 'DELETE', 'HEAD', 'OPTIONS'].flatMap((method) => [
        `${method} /orders OrdersController.misc @9 v1`,
        `${method} /orders OrdersController.misc @9 v2`,
      ]),
    ]);
  });

  it('reads a controller without prefix, array prefixes, VERSION_NEUTRAL and computed parts', () => {
    expect(routesOf('@Controller()\nclass Root {\n  @Get()\n  index() {}\n}')).toEqual(['GET / Root.index @3']);
    expect(routesOf("@Controller(['a', 'b'])\nclass Two {\n  @Get('x') x() {}\n}")).toEqual([
      'GET /a/x Two.x @3',
      'GET /b/x Two.x @3',
    ]);
    expect(
      routesOf(
        '@Controller(ROUTES.orders)\nclass C {\n  @Version(VERSION_NEUTRAL)\n  @Get(`by/$' + '{KEY}`) x() {}\n}',
      ),
    ).toEqual(['GET /{dynamic}/by/{dynamic} C.x @4 vneutral dynamic']);
  });

  it('ignores method decorators outside a controller and parameter decorators', () => {
    expect(routesOf("class Plain {\n  @Get('x') x() {}\n}")).toEqual([]);
    expect(routesOf("@Controller('c')\nclass C {\n  @Get() list(@Query('q') q: string) {}\n}")).toEqual([
      'GET /c C.list @3',
    ]);
  });
});

describe('routesCollector: GraphQL', () => {
  it('names operations by a string argument, a name option, or the method', () => {
    const code = lines(
      '@Resolver(() => Author)',
      'export class AuthorsResolver {',
      "  @Query('author') findOne() {}",
      "  @Query(() => [Author], { name: 'authors' }) findAll() {}",
      '  @Mutation(() => Author) addAuthor() {}',
      '  @Subscription(() => Author, { filter: () => true }) authorAdded() {}',
      '  @ResolveField() posts() {}',
      '}',
      'class NotAResolver {\n  @Query(() => Int) count() {}\n}',
    );
    expect(factsOf(code)?.routes).toEqual([
      { framework: 'graphql', method: 'QUERY', path: 'author', handler: 'AuthorsResolver.findOne', line: 3 },
      { framework: 'graphql', method: 'QUERY', path: 'authors', handler: 'AuthorsResolver.findAll', line: 4 },
      { framework: 'graphql', method: 'MUTATION', path: 'addAuthor', handler: 'AuthorsResolver.addAuthor', line: 5 },
      {
        framework: 'graphql',
        method: 'SUBSCRIPTION',
        path: 'authorAdded',
        handler: 'AuthorsResolver.authorAdded',
        line: 6,
      },
    ]);
  });
});

describe('routesCollector: Express', () => {
  it('reads routes with their handler: a name, a method, a wrapped function, middlewares before it', () => {
    const code = lines(
      "import express from 'express';",
      'const router = express.Router();',
      "router.get('/a', listA);",
      "router.post('/b', auth, validate(schema), controller.create);",
      "router.put('/c', asyncHandler(updateC));",
      "router.patch('/d', [auth, patchD]);",
      "router.delete('/e', this.remove.bind(this));",
      "router.all('*', function fallback(req, res) {});",
      "router.options(':id', (req, res) => {});",
      "router.head('', cors);",
    );
    expect(routesOf(code)).toEqual([
      'GET /a listA @3 [router]',
      'POST /b controller.create @4 [router]',
      'PUT /c updateC @5 [router]',
      'PATCH /d patchD @6 [router]',
      'DELETE /e this.remove @7 [router]',
      'ALL /* fallback @8 [router]',
      'OPTIONS /:id <anonymous> @9 [router]',
      'HEAD / cors @10 [router]',
    ]);
    expect(factsOf(code)?.routers).toEqual([{ name: 'router', framework: 'express', kind: 'router', line: 2 }]);
  });

  it('reads route() chains, each method on its own line', () => {
    const code = lines(
      "import { Router } from 'express';",
      'const r = Router();',
      "r.route('/book')",
      '  .get(getBook)',
      '  .post(auth, addBook);',
    );
    expect(routesOf(code)).toEqual(['GET /book getBook @4 [r]', 'POST /book addBook @5 [r]']);
  });

  it('marks computed paths, and takes a computed first argument only on a router', () => {
    const code = lines(
      "import express from 'express';",
      'const app = express();',
      'app.get(`/files/$' + '{bucket}/:name`, download);',
      "app.get(BASE + '/x', x);",
      'app.get(PATHS.users, users);',
      'store.get(KEY, fallback);',
    );
    expect(routesOf(code)).toEqual([
      'GET /files/{dynamic}/:name download @3 [app] dynamic',
      'GET /{dynamic}/x x @4 [app] dynamic',
      'GET /{dynamic} users @5 [app] dynamic',
    ]);
  });

  it('takes no client call, map read or setting for a route', () => {
    const code = lines(
      "import express from 'express';",
      "import axios from 'axios';",
      'const app = express();',
      'const cache = new Map();',
      "if (app.get('env') === 'production') app.set('trust proxy', 1);",
      "map.get('/x');",
      "config.get('a');",
      "axios.get('/x', options);",
      "axios.post('/x', payload, options);",
      "this.http.get('/x', { params });",
      "this.httpService.post('/x', body);",
      "cache.get('/x', fallback);",
      "request(app).get('/x').expect(200);",
      "supertest(app).post('/x').send(body);",
      "headers.get('/x', 'text/html');",
      "i18n.get('greeting', locale);",
    );
    expect(routesOf(code)).toEqual([]);
  });

  it('names no handler for a middleware factory, and takes a slashless path only on a router made here', () => {
    const code = lines(
      "import Router from '@koa/router';",
      'const router = new Router();',
      "router.options('/x', cors(config));",
      "router.post('documents.list', auth(), async (ctx) => {});",
      "other.post('documents.info', auth(), async (ctx) => {});",
    );
    expect(routesOf(code)).toEqual([
      'OPTIONS /x <anonymous> @3 [router]',
      'POST /documents.list <anonymous> @4 [router]',
    ]);
  });

  it("takes routes on a router passed in, in a file that imports no framework, by the handler's parameters", () => {
    const code = lines(
      'export default function routes(...[router]: RouterInitArgs) {',
      "  router.get('/a', guard(), async (ctx, next) => {});",
      "  router.get('/b', async function (req, res) {});",
      "  router.get('/c', list);",
      "  store.get('/d', async (ctx) => {});",
      '}',
    );
    expect(factsOf(code)?.routes.map((route) => `${route.framework} ${route.path}`)).toEqual(['koa /a', 'express /b']);
  });

  it('reads nothing from a file that speaks no server framework', () => {
    expect(factsOf("router.get('/x', handler);\nexport default router;")).toBeUndefined();
  });
});

describe('routesCollector: mounts and exports', () => {
  it('records use() mounts with the import each mounted name comes from', () => {
    const code = lines(
      "import express from 'express';",
      "import users from './users';",
      "import { orders as ordersRouter } from './orders';",
      "import * as admin from './admin';",
      "const { billing } = require('./billing');",
      'const app = express();',
      'app.use(express.json());',
      "app.use('/users', auth, users);",
      "app.use('/orders', ordersRouter);",
      "app.use('/admin', admin.router);",
      "app.use('/billing', billing);",
      "app.use('/legacy', require('./legacy'));",
      'app.use(local);',
    );
    expect(factsOf(code)?.mounts).toEqual([
      { framework: 'express', receiver: 'app', prefix: '/users', mounted: 'auth', line: 8 },
      {
        framework: 'express',
        receiver: 'app',
        prefix: '/users',
        mounted: 'users',
        import: { specifier: './users', name: 'default' },
        line: 8,
      },
      {
        framework: 'express',
        receiver: 'app',
        prefix: '/orders',
        mounted: 'ordersRouter',
        import: { specifier: './orders', name: 'orders' },
        line: 9,
      },
      {
        framework: 'express',
        receiver: 'app',
        prefix: '/admin',
        mounted: 'admin.router',
        import: { specifier: './admin', name: 'router' },
        line: 10,
      },
      {
        framework: 'express',
        receiver: 'app',
        prefix: '/billing',
        mounted: 'billing',
        import: { specifier: './billing', name: 'billing' },
        line: 11,
      },
      {
        framework: 'express',
        receiver: 'app',
        prefix: '/legacy',
        mounted: '<require>',
        import: { specifier: './legacy', name: 'default' },
        line: 12,
      },
      { framework: 'express', receiver: 'app', prefix: '', mounted: 'local', line: 13 },
    ]);
  });

  it('records the routers a file exports, under each exported name', () => {
    const exportsOf = (code: string) => factsOf(`import { Router } from 'express';\n${code}`)?.exports;
    expect(exportsOf("const router = Router();\nrouter.get('/', h);\nexport default router;")).toEqual([
      { name: 'default', local: 'router' },
    ]);
    expect(exportsOf("export const ordersRouter = Router();\nordersRouter.get('/', h);")).toEqual([
      { name: 'ordersRouter', local: 'ordersRouter' },
    ]);
    expect(
      exportsOf("const r = Router();\nr.get('/', h);\nexport { r as items, r };\nexport const other = 1;"),
    ).toEqual([
      { name: 'items', local: 'r' },
      { name: 'r', local: 'r' },
    ]);
    expect(exportsOf("const r = Router();\nr.get('/', h);\nmodule.exports = r;")).toEqual([
      { name: 'default', local: 'r' },
    ]);
    expect(exportsOf("const r = Router();\nr.get('/', h);\nexports.items = r;\nmodule.exports.more = r;")).toEqual([
      { name: 'items', local: 'r' },
      { name: 'more', local: 'r' },
    ]);
    expect(exportsOf("const r = Router();\nr.get('/', h);\nmodule.exports = { r, alias: r, helper };")).toEqual([
      { name: 'alias', local: 'r' },
      { name: 'r', local: 'r' },
    ]);
  });
});

describe('routesCollector: Koa', () => {
  it('applies a router prefix, reads named routes and del, and mounts routes()', () => {
    const code = lines(
      "import Koa from 'koa';",
      "import Router from '@koa/router';",
      'const app = new Koa();',
      "const router = new Router({ prefix: '/api' });",
      'const nested = new Router();',
      "router.get('user', '/users/:id', show);",
      "router.del('/users/:id', remove);",
      "nested.get('/ping', ping);",
      "router.use('/nested', nested.routes(), nested.allowedMethods());",
      'app.use(router.routes());',
    );
    const facts = factsOf(code);
    expect(routesOf(code)).toEqual([
      'GET /api/users/:id show @6 [router]',
      'DELETE /api/users/:id remove @7 [router]',
      'GET /ping ping @8 [nested]',
    ]);
    expect(facts?.mounts).toEqual([
      { framework: 'koa', receiver: 'router', prefix: '/api/nested', mounted: 'nested', line: 9 },
      { framework: 'koa', receiver: 'app', prefix: '', mounted: 'router', line: 10 },
    ]);
    expect(facts?.routers.map((router) => `${router.name}:${router.kind}`)).toEqual([
      'app:app',
      'nested:router',
      'router:router',
    ]);
  });

  it('applies router.prefix()', () => {
    expect(
      routesOf("import Router from 'koa-router';\nconst r = new Router();\nr.prefix('/v1');\nr.get('/a', a);"),
    ).toEqual(['GET /v1/a a @4 [r]']);
  });
});

describe('routesCollector: Fastify', () => {
  it('reads shorthand routes with options, route({ method, url }), and names plugin routes after the plugin', () => {
    const code = lines(
      "import type { FastifyInstance } from 'fastify';",
      'export async function usersPlugin(fastify: FastifyInstance) {',
      "  fastify.get('/', { schema }, list);",
      "  fastify.post('/', { schema, handler: create });",
      "  fastify.route({ method: ['GET', 'head'], url: '/:id', handler: show });",
      "  fastify.route({ method: verb, path: '/x', handler() {} });",
      '}',
    );
    expect(routesOf(code)).toEqual([
      'GET / list @3 [usersPlugin]',
      'POST / create @4 [usersPlugin]',
      'GET /:id show @5 [usersPlugin]',
      'HEAD /:id show @5 [usersPlugin]',
      '{dynamic} /x <anonymous> @6 [usersPlugin] dynamic',
    ]);
    expect(factsOf(code)?.exports).toEqual([{ name: 'usersPlugin', local: 'usersPlugin' }]);
  });

  it('takes no options-object handler outside Fastify', () => {
    expect(routesOf("import express from 'express';\nconst app = express();\napp.get('/', { handler: h });")).toEqual(
      [],
    );
  });

  it('records register() mounts: imported, import(), inline, with a prefix, none or a computed one', () => {
    const code = lines(
      "import Fastify from 'fastify';",
      "import users from './users';",
      'const app = Fastify();',
      "app.register(users, { prefix: '/users' });",
      "app.register(import('./orders'), { prefix: '/orders' });",
      'app.register(async (instance) => {',
      "  instance.get('/inline', inline);",
      "}, { prefix: '/v1' });",
      'app.register(users);',
      'app.register(users, options);',
    );
    const facts = factsOf(code);
    expect(facts?.mounts).toEqual([
      {
        framework: 'fastify',
        receiver: 'app',
        prefix: '/users',
        mounted: 'users',
        import: { specifier: './users', name: 'default' },
        line: 4,
      },
      {
        framework: 'fastify',
        receiver: 'app',
        prefix: '/orders',
        mounted: '<import>',
        import: { specifier: './orders', name: 'default' },
        line: 5,
      },
      { framework: 'fastify', receiver: 'app', prefix: '/v1', mounted: '<anonymous@6>', line: 6 },
      {
        framework: 'fastify',
        receiver: 'app',
        prefix: '',
        mounted: 'users',
        import: { specifier: './users', name: 'default' },
        line: 9,
      },
      {
        framework: 'fastify',
        receiver: 'app',
        prefix: '{dynamic}',
        dynamic: true,
        mounted: 'users',
        import: { specifier: './users', name: 'default' },
        line: 10,
      },
    ]);
    expect(routesOf(code)).toEqual(['GET /inline inline @7 [<anonymous@6>]']);
  });

  it('exports a plugin wrapped in fastify-plugin, or an anonymous default function', () => {
    expect(
      factsOf(
        "import fp from 'fastify-plugin';\nconst plugin = async (fastify) => {\n  fastify.get('/a', a);\n};\nexport default fp(plugin);",
      )?.exports,
    ).toEqual([{ name: 'default', local: 'plugin' }]);
    expect(factsOf("export default async function (fastify) {\n  fastify.get('/a', a);\n}")?.exports).toEqual([
      { name: 'default', local: '<anonymous@1>' },
    ]);
  });
});

describe('routesCollector: tRPC', () => {
  it('names procedures by their keys, dotted through inline routers, and mounts sub-routers', () => {
    const code = lines(
      "import { t, publicProcedure } from './trpc';",
      "import { usersRouter } from './users';",
      'export const appRouter = t.router({',
      '  health: publicProcedure.query(() => "ok"),',
      '  users: usersRouter,',
      '  admin: t.router({',
      '    purge: publicProcedure.input(schema).mutation(purge),',
      '    events: publicProcedure.subscription(() => observable),',
      '  }),',
      '});',
    );
    const facts = factsOf(code);
    expect(routesOf(code)).toEqual([
      'QUERY health <anonymous> @4 [appRouter]',
      'MUTATION admin.purge purge @7 [appRouter]',
      'SUBSCRIPTION admin.events <anonymous> @8 [appRouter]',
    ]);
    expect(facts?.mounts).toEqual([
      {
        framework: 'trpc',
        receiver: 'appRouter',
        prefix: 'users',
        mounted: 'usersRouter',
        import: { specifier: './users', name: 'usersRouter' },
        line: 5,
      },
    ]);
    expect(facts?.exports).toEqual([{ name: 'appRouter', local: 'appRouter' }]);
  });

  it('reads createTRPCRouter, a default export and mergeRouters, and no Express Router options', () => {
    expect(routesOf('export default createTRPCRouter({ me: protectedProcedure.query(getMe) });')).toEqual([
      'QUERY me getMe @1 [default]',
    ]);
    expect(factsOf('export const merged = mergeRouters(a, b);')?.mounts.map((mount) => mount.mounted)).toEqual([
      'a',
      'b',
    ]);
    expect(factsOf("import express from 'express';\nconst r = express.Router({ mergeParams: true });")?.routes).toEqual(
      [],
    );
  });
});

describe('routesCollector: NestJS setup', () => {
  it('reads the global prefix with its exclusions, and versioning', () => {
    const code = lines(
      'const app = await NestFactory.create(AppModule);',
      "app.setGlobalPrefix('api', { exclude: ['health', { path: 'metrics', method: RequestMethod.GET }] });",
      "app.enableVersioning({ type: VersioningType.URI, prefix: false, defaultVersion: ['1', VERSION_NEUTRAL] });",
    );
    expect(factsOf(code)?.nest).toEqual({
      globalPrefix: { path: 'api', exclude: [{ path: 'health' }, { path: 'metrics', method: 'GET' }], line: 2 },
      versioning: { type: 'URI', prefix: false, defaultVersion: ['1', 'neutral'], line: 3 },
    });
    expect(factsOf('app.enableVersioning();')?.nest).toEqual({ versioning: { type: 'URI', line: 1 } });
    expect(
      factsOf("app.setGlobalPrefix(prefix);\napp.enableVersioning({ type: VersioningType.HEADER, header: 'v' });")
        ?.nest,
    ).toEqual({
      globalPrefix: { path: '{dynamic}', dynamic: true, line: 1 },
      versioning: { type: 'HEADER', line: 2 },
    });
  });
});
