import { type TS, ts } from '../base/typescript.js';
import { lineCounter } from './line-counter.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

/** How a file takes part in starting the application. */
export interface BootstrapFact {
  /**
   * `start`: it starts the application (`NestFactory.create…`, or a server it creates and
   * `.listen`s to); `create`: it creates a server or app (`express()`, `new Koa()`, …) without
   * starting it; `listen`: it calls `.listen(…)` on a server created elsewhere.
   */
  role: 'start' | 'create' | 'listen';
  /** The call, as a short name: `NestFactory.create`, `express()`, `new Koa()`, `fastify()`, `createServer()`, `.listen()`. */
  call: string;
  /** 1-based line of the call. */
  line: number;
}

/** Application factories (called without `new`). */
const SERVER_FACTORIES = new Set(['express', 'fastify', 'Fastify', 'createServer', 'polka']);
/** Application classes (constructed with `new`). */
const SERVER_CLASSES = new Set(['Koa', 'Hono', 'Hapi.Server']);

/**
 * Bootstrap facts, from the syntax alone: a `NestFactory.create…(…)` call (NestJS); an application
 * built with `express()`, `fastify()`, `createServer()`, `http.createServer()`, `new Koa()`,
 * `new Hono()`; a `.listen(…)` call. The first such call of the strongest role, by line.
 */
export function bootstrapCollector(file: TS.SourceFile): KindVisitor & { result: () => BootstrapFact | null } {
  let nest: { call: string; line: number } | null = null;
  let server: { call: string; line: number } | null = null;
  let listen: { call: string; line: number } | null = null;
  const lineOf = lineCounter(file);
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        const owner = ts.isIdentifier(callee.expression) ? callee.expression.text : null;
        if (name === 'listen') listen ??= { call: '.listen()', line: lineOf(node) };
        if (owner === 'NestFactory' && name.startsWith('create'))
          nest ??= { call: `NestFactory.${name}`, line: lineOf(node) };
        if (owner !== null && name === 'createServer')
          server ??= { call: `${owner}.createServer()`, line: lineOf(node) };
      } else if (ts.isIdentifier(callee) && SERVER_FACTORIES.has(callee.text)) {
        server ??= { call: `${callee.text}()`, line: lineOf(node) };
      }
    } else if (ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
          ? `${callee.expression.text}.${callee.name.text}`
          : '';
      if (SERVER_CLASSES.has(name)) server ??= { call: `new ${name}()`, line: lineOf(node) };
    }
  };
  return {
    kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression],
    visit,
    result: () => {
      if (nest !== null) return { role: 'start', ...nest };
      if (server !== null) return { role: listen === null ? 'create' : 'start', ...server };
      return listen === null ? null : { role: 'listen', ...listen };
    },
  };
}
