import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { bootstrapCollector } from '../../src/extract/collect-bootstrap.js';
import { walk } from '../../src/extract/walk.js';

function bootstrapOf(code: string) {
  const file = ts.createSourceFile('main.ts', code, ts.ScriptTarget.Latest);
  const collector = bootstrapCollector(file);
  walk(file, [collector]);
  return collector.result();
}

describe('bootstrapCollector', () => {
  it('recognises a NestJS bootstrap by NestFactory.create…, with or without listen', () => {
    expect(
      bootstrapOf(
        "import { NestFactory } from '@nestjs/core';\nasync function main() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}",
      ),
    ).toEqual({ role: 'start', call: 'NestFactory.create', line: 3 });
    expect(bootstrapOf('const ctx = await NestFactory.createApplicationContext(WorkerModule);')).toEqual({
      role: 'start',
      call: 'NestFactory.createApplicationContext',
      line: 1,
    });
  });

  it('tells a server started here from one only created here, and a listen on a server made elsewhere', () => {
    expect(
      bootstrapOf("import express from 'express';\nconst app = express();\napp.use(router);\napp.listen(80);"),
    ).toEqual({ role: 'start', call: 'express()', line: 2 });
    expect(bootstrapOf("import express from 'express';\nexport const app = express();\napp.use(router);")).toEqual({
      role: 'create',
      call: 'express()',
      line: 2,
    });
    expect(bootstrapOf("import { createApp } from './app';\n\ncreateApp().listen(3000);")).toEqual({
      role: 'listen',
      call: '.listen()',
      line: 3,
    });
    expect(bootstrapOf('const app = new Koa();\napp.listen(3000);')).toEqual({
      role: 'start',
      call: 'new Koa()',
      line: 1,
    });
    expect(bootstrapOf('const server = fastify({ logger: true });\nawait server.listen({ port: 1 });')).toEqual({
      role: 'start',
      call: 'fastify()',
      line: 1,
    });
    expect(bootstrapOf('http.createServer(handler).listen(8080);')).toEqual({
      role: 'start',
      call: 'http.createServer()',
      line: 1,
    });
  });

  it('ignores ordinary code and JSDoc', () => {
    expect(
      bootstrapOf(
        '/** @example NestFactory.create(AppModule); express().listen() */\nexport function run() { return 1; }',
      ),
    ).toBeNull();
    expect(bootstrapOf('export class OrderService { create() { return this.factory.create(); } }')).toBeNull();
  });
});
