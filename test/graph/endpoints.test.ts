import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { extract } from '../../src/extract/extract.js';
import { assembleEndpoints } from '../../src/graph/endpoints.js';
import { loadProject } from '../../src/load/load-project.js';
import { fixture, tempProject } from '../helpers.js';

async function endpointsOf(root: string) {
  const extraction = await extract(loadProject(resolveSettings({ path: root })));
  return assembleEndpoints(extraction.modules);
}

/** A temporary project with a tsconfig, so relative imports resolve. */
function project(files: Record<string, string>): string {
  return tempProject({ 'tsconfig.json': '{ "compilerOptions": { "strict": true, "allowJs": true } }', ...files });
}

describe('assembleEndpoints on fixtures/backend', () => {
  it('gives every endpoint of the fixture with its full path, as written by hand in expected-endpoints.json', async () => {
    const root = fixture('backend');
    const expected = JSON.parse(readFileSync(path.join(root, 'expected-endpoints.json'), 'utf8'));
    const { endpoints, diagnostics } = await endpointsOf(root);
    expect(endpoints).toEqual(expected);
    expect(diagnostics).toEqual([]);
  });
});

describe('assembleEndpoints: NestJS setup', () => {
  const controller =
    "import { Controller, Get } from '@nestjs/common';\n@Controller('orders')\nexport class OrdersController {\n  @Get(':id')\n  findOne() {}\n}\n";

  it('leaves the global prefix out, with a diagnostic, when two bootstraps set different ones', async () => {
    const { endpoints, diagnostics } = await endpointsOf(
      project({
        'orders.controller.ts': controller,
        'a/main.ts': "const app = await NestFactory.create(A);\napp.setGlobalPrefix('api');\n",
        'b/main.ts': "const app = await NestFactory.create(B);\napp.setGlobalPrefix('internal');\n",
      }),
    );
    expect(endpoints.map((endpoint) => endpoint.path)).toEqual(['/orders/:id']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'NEST_PREFIX_UNCERTAIN', file: 'a/main.ts', line: 2 }),
    ]);
  });

  it('applies a static prefix whose exclusions are partly computed, and says that those cannot be matched', async () => {
    const { endpoints, diagnostics } = await endpointsOf(
      project({
        'orders.controller.ts': controller,
        'health.controller.ts':
          "import { Controller, Get } from '@nestjs/common';\n@Controller('health')\nexport class HealthController {\n  @Get()\n  check() {}\n}\n",
        'main.ts':
          "const app = await NestFactory.create(A);\napp.setGlobalPrefix('api', { exclude: ['health', ...LANGUAGES.map((code) => '/' + code)] });\n",
      }),
    );
    expect(endpoints.map((endpoint) => endpoint.path)).toEqual(['/health', '/api/orders/:id']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'NEST_PREFIX_EXCLUSIONS_COMPUTED', file: 'main.ts', line: 2 }),
    ]);
  });

  it('applies a prefix every bootstrap agrees on, and none that is computed', async () => {
    const agreed = await endpointsOf(
      project({
        'orders.controller.ts': controller,
        'a/main.ts': "const app = await NestFactory.create(A);\napp.setGlobalPrefix('api');\n",
        'b/main.ts': "const app = await NestFactory.create(B);\napp.setGlobalPrefix('/api/');\n",
      }),
    );
    // '/api/' and 'api' are different texts: not agreed, so not applied.
    expect(agreed.endpoints.map((endpoint) => endpoint.path)).toEqual(['/orders/:id']);
    const computed = await endpointsOf(
      project({
        'orders.controller.ts': controller,
        'main.ts': 'const app = await NestFactory.create(A);\napp.setGlobalPrefix(process.env.PREFIX);\n',
      }),
    );
    expect(computed.endpoints.map((endpoint) => endpoint.path)).toEqual(['/orders/:id']);
    expect(computed.diagnostics).toEqual([
      expect.objectContaining({ code: 'NEST_PREFIX_UNCERTAIN', message: expect.stringContaining('computed') }),
    ]);
  });

  it('puts the URI version after the prefix with the prefix asked for, and one endpoint per default version', async () => {
    const { endpoints } = await endpointsOf(
      project({
        'orders.controller.ts': controller,
        'main.ts':
          "const app = await NestFactory.create(A);\napp.setGlobalPrefix('api');\napp.enableVersioning({ type: VersioningType.URI, prefix: 'version-', defaultVersion: ['1', '2'] });\n",
      }),
    );
    expect(endpoints.map((endpoint) => [endpoint.path, endpoint.version])).toEqual([
      ['/api/version-1/orders/:id', '1'],
      ['/api/version-2/orders/:id', '2'],
    ]);
  });

  it('keeps the path unversioned under header versioning', async () => {
    const { endpoints } = await endpointsOf(
      project({
        'orders.controller.ts': controller.replace("@Get(':id')", "@Version('3')\n  @Get(':id')"),
        'main.ts':
          "const app = await NestFactory.create(A);\napp.enableVersioning({ type: VersioningType.HEADER, header: 'X-Version' });\n",
      }),
    );
    expect(endpoints).toEqual([expect.objectContaining({ path: '/orders/:id', version: '3', line: 5 })]);
  });
});

describe('assembleEndpoints: mounts', () => {
  it('follows nested mounts across files, a CommonJS export and a require, and gives a router mounted twice two endpoints', async () => {
    const { endpoints } = await endpointsOf(
      project({
        'app.ts':
          "import express from 'express';\nimport api from './api';\nconst app = express();\napp.use('/api', api);\napp.use('/v2', api);\n",
        'api.ts':
          "import { Router } from 'express';\nconst api = Router();\napi.use('/users', require('./users'));\nexport default api;\n",
        'users.js':
          "const express = require('express');\nconst users = express.Router();\nusers.get('/:id', show);\nmodule.exports = users;\n",
      }),
    );
    expect(
      endpoints.map((endpoint) => `${endpoint.module}:${endpoint.line} ${endpoint.method} ${endpoint.path}`),
    ).toEqual(['users.js:3 GET /api/users/:id', 'users.js:3 GET /v2/users/:id']);
  });

  it('cuts a cycle of mounts with a diagnostic and still lists the routes', async () => {
    const { endpoints, diagnostics } = await endpointsOf(
      project({
        'a.ts':
          "import { Router } from 'express';\nimport b from './b';\nconst a = Router();\na.use('/b', b);\na.get('/x', hx);\nexport default a;\n",
        'b.ts':
          "import { Router } from 'express';\nimport a from './a';\nconst b = Router();\nb.use('/a', a);\nb.get('/y', hy);\nexport default b;\n",
      }),
    );
    expect(endpoints.map((endpoint) => `${endpoint.module} ${endpoint.path} ${endpoint.mounted}`)).toEqual([
      'a.ts /x false',
      'b.ts /b/y undefined',
    ]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'ROUTER_MOUNT_CYCLE', file: 'b.ts' })]);
  });

  it('says when a mounted module exports no such router, and keeps its routes unmounted', async () => {
    const { endpoints, diagnostics } = await endpointsOf(
      project({
        'app.ts':
          "import express from 'express';\nimport { orders } from './orders';\nconst app = express();\napp.use('/orders', orders);\n",
        'orders.ts':
          "import { Router } from 'express';\nconst router = Router();\nrouter.get('/', list);\nexport const orders = list;\nexport default router;\n",
      }),
    );
    expect(endpoints).toEqual([
      { module: 'orders.ts', line: 3, framework: 'express', method: 'GET', path: '/', handler: 'list', mounted: false },
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'ROUTER_MOUNT_UNRESOLVED', file: 'app.ts', line: 4 }),
    ]);
  });

  it('follows Koa routers through routes(), a router prefix, and a routes(app) call', async () => {
    const { endpoints } = await endpointsOf(
      project({
        'server.ts':
          "import Koa from 'koa';\nimport { registerRoutes } from './routes';\nconst app = new Koa();\nregisterRoutes(app);\n",
        'routes.ts':
          "import type Koa from 'koa';\nimport Router from '@koa/router';\nconst items = new Router({ prefix: '/items' });\nitems.get('/:id', show);\nexport function registerRoutes(app: Koa) {\n  app.use(items.routes());\n}\n",
      }),
    );
    expect(endpoints).toEqual([
      { module: 'routes.ts', line: 4, framework: 'koa', method: 'GET', path: '/items/:id', handler: 'show' },
    ]);
  });

  it('marks a computed register prefix dynamic, into an anonymous plugin whose parameter is named fastify', async () => {
    const { endpoints } = await endpointsOf(
      project({
        'server.ts':
          "import fastify from 'fastify';\nimport plugin from './plugin';\nconst app = fastify();\napp.register(plugin, { prefix: '/' + process.env.AREA });\n",
        'plugin.ts': "export default async function (fastify) {\n  fastify.get('/list', list);\n}\n",
      }),
    );
    expect(endpoints).toEqual([
      {
        module: 'plugin.ts',
        line: 2,
        framework: 'fastify',
        method: 'GET',
        path: '/{dynamic}/list',
        handler: 'list',
        dynamic: true,
      },
    ]);
  });
});

describe('assembleEndpoints: routers made and returned by factory functions', () => {
  it('follows `app.use(prefix, factory())` and `router.use(factory())` to the router each factory returns', async () => {
    const { endpoints, diagnostics } = await endpointsOf(
      project({
        // The application made and returned by a factory is the root: its own routes are not "unmounted".
        'app.ts':
          "import express from 'express';\nimport { apiRouter } from './routes/index';\nexport function createApp() {\n  const app = express();\n  app.use('/api', apiRouter());\n  app.get('/ping', (_req, res) => res.end());\n  return app;\n}\n",
        'routes/index.ts':
          "import { Router } from 'express';\nimport { ordersRoutes } from './orders';\nexport function apiRouter(): Router {\n  const router = Router();\n  router.use(ordersRoutes());\n  router.get('/health', (_req, res) => res.end());\n  return router;\n}\n",
        'routes/orders.ts':
          "import { Router } from 'express';\nexport const ordersRoutes = () => {\n  const router = Router();\n  router.get('/orders/:id', show);\n  router.search('/orders', show);\n  return router;\n};\nfunction show(_req: unknown, _res: unknown) {}\n",
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(endpoints).toEqual([
      { module: 'app.ts', line: 6, framework: 'express', method: 'GET', path: '/ping', handler: '<anonymous>' },
      {
        module: 'routes/index.ts',
        line: 6,
        framework: 'express',
        method: 'GET',
        path: '/api/health',
        handler: '<anonymous>',
      },
      {
        module: 'routes/orders.ts',
        line: 4,
        framework: 'express',
        method: 'GET',
        path: '/api/orders/:id',
        handler: 'show',
      },
      // SEARCH, an HTTP method Express routers have.
      {
        module: 'routes/orders.ts',
        line: 5,
        framework: 'express',
        method: 'SEARCH',
        path: '/api/orders',
        handler: 'show',
      },
    ]);
  });
});
