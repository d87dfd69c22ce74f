import { describe, expect, it } from 'vitest';
import { detectShell } from '../../src/cluster/detect-shell.js';
import type { ModuleGraph, ModuleNode } from '../../src/graph/types.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

function graphOf(modules: (Partial<ModuleNode> & { id: string })[], edges: [string, string][]): ModuleGraph {
  return {
    modules: modules.map((module) => ({ lines: 20, exports: 1, abstractExports: 0, ...module })),
    edges: [],
    dependencies: edges.map(([from, to]) => ({ from, to, kinds: ['static'], typeOnly: false, symbols: ['x'] })),
    externals: {},
    ...EMPTY_GRAPH_EXTRAS,
  };
}

// Four areas (orders, billing, users, mail), each a route file and a service; a kernel logger.
const domains = ['orders', 'billing', 'users', 'mail'];
const areaOf = new Map<string, string>();
for (const domain of domains) for (const file of ['routes', 'service']) areaOf.set(`src/${domain}/${file}.ts`, domain);
const domainModules = domains.flatMap((domain) => [
  { id: `src/${domain}/routes.ts` },
  { id: `src/${domain}/service.ts` },
]);
const domainEdges = domains.flatMap((domain): [string, string][] => [
  [`src/${domain}/routes.ts`, `src/${domain}/service.ts`],
  [`src/${domain}/service.ts`, 'src/shared/logger.ts'],
]);

describe('detectShell', () => {
  it('follows the composition root down from its entry point: bootstrap, app factory, route index, closure', () => {
    const graph = graphOf(
      [
        { id: 'src/main.ts', bootstrap: { role: 'listen', call: '.listen()', line: 9 } },
        { id: 'src/app.ts', bootstrap: { role: 'create', call: 'express()', line: 4 }, lines: 60 },
        { id: 'src/routes/index.ts', lines: 30 },
        { id: 'src/server.ts', lines: 8 },
        { id: 'src/shared/logger.ts' },
        ...domainModules,
      ],
      [
        ['src/main.ts', 'src/server.ts'],
        ['src/server.ts', 'src/app.ts'],
        ['src/app.ts', 'src/routes/index.ts'],
        ...domains.map((domain): [string, string] => ['src/routes/index.ts', `src/${domain}/routes.ts`]),
        ...domainEdges,
      ],
    );
    const shell = detectShell(graph, areaOf, new Set(['src/shared/logger.ts']), 4);
    expect(shell.modules).toEqual(['src/app.ts', 'src/main.ts', 'src/routes/index.ts', 'src/server.ts']);
    expect(shell.reasons).toEqual({
      'src/main.ts': 'bootstrap: no module imports it and it starts a server (.listen(), line 9)',
      'src/server.ts': "wiring between the shell's modules: imports src/app.ts; only the shell imports it",
      'src/app.ts': 'app factory: creates the server (express(), line 4); only the shell imports it',
      'src/routes/index.ts': 'aggregator: wires 4 modules of 4 areas in 30 lines; only the shell imports it',
    });
  });

  it('leaves out modules with real code, modules that the rest imports, and modules of few areas', () => {
    const graph = graphOf(
      [
        { id: 'src/main.ts', bootstrap: { role: 'start', call: 'NestFactory.create', line: 3 } },
        // Imports four areas but holds 200 lines: a facade with logic, not wiring.
        { id: 'src/reports/dashboard.ts', lines: 200 },
        // Wiring-only, four areas, but a domain module imports it: not the top of the graph.
        { id: 'src/jobs/scheduler.ts', lines: 20 },
        { id: 'src/orders/jobs.ts' },
        // Wiring-only, imported by nobody, but reaches only three areas (the kernel not counted).
        { id: 'src/tools/seed.ts', lines: 20 },
        { id: 'src/shared/logger.ts' },
        ...domainModules,
      ],
      [
        ...domains.map((domain): [string, string] => ['src/reports/dashboard.ts', `src/${domain}/service.ts`]),
        ...domains.map((domain): [string, string] => ['src/jobs/scheduler.ts', `src/${domain}/service.ts`]),
        ['src/orders/jobs.ts', 'src/jobs/scheduler.ts'],
        ...domains.slice(0, 3).map((domain): [string, string] => ['src/tools/seed.ts', `src/${domain}/service.ts`]),
        ['src/tools/seed.ts', 'src/shared/logger.ts'],
        ...domainEdges,
      ],
    );
    expect(detectShell(graph, areaOf, new Set(['src/shared/logger.ts']), 4).modules).toEqual(['src/main.ts']);
  });
});
