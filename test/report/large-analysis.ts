/** Synthetic analyses of large monoliths, for the HTML report's tests. */
import type { Analysis } from '../../src/analysis.js';
import type { ServiceDependency } from '../../src/graph/types.js';
import type { CrossingImport } from '../../src/plan/types.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

/** A synthetic analysis of a large monolith: `services` services of `perService` modules each, a kernel, a big cycle. */
export function largeAnalysis(
  services: number,
  perService: number,
  name: (index: number) => string = (index) => `svc-${String(index).padStart(3, '0')}`,
): Analysis {
  const ids = Array.from({ length: services }, (_, i) => name(i));
  const clusters = [...ids, 'shared-kernel'].sort().map((id) => ({
    id,
    label: id,
    kind: id === 'shared-kernel' ? ('kernel' as const) : ('service' as const),
    pinned: false,
    modules: Array.from({ length: perService }, (_, j) => `src/${id}/module-${String(j).padStart(3, '0')}.ts`),
  }));
  const modules = clusters.flatMap((item) => item.modules).sort();
  const assignment = Object.fromEntries(clusters.flatMap((item) => item.modules.map((module) => [module, item.id])));
  const dependencies: ServiceDependency[] = [];
  ids.forEach((id, i) => {
    for (let k = 1; k <= 10; k++)
      dependencies.push({
        from: id,
        to: ids[(i + k * 7) % services] as string,
        imports: 1 + ((i * k) % 9),
        typeOnly: k % 3 === 0 ? 1 : 0,
      });
    dependencies.push({ from: id, to: 'shared-kernel', imports: 20, typeOnly: 0 });
  });
  dependencies.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const site = (i: number): CrossingImport => ({
    from: modules[i % modules.length] as string,
    line: 1 + (i % 40),
    to: modules[(i * 31) % modules.length] as string,
    symbols: [`name${i}`],
    typeOnly: false,
  });
  const sites = Array.from({ length: 1000 }, (_, i) => site(i));
  return {
    schemaVersion: 1,
    tool: { name: 'seams', version: '0.0.0' },
    settings: { tsconfig: 'tsconfig.json', seed: 42, resolution: 1, expected: null },
    graph: {
      modules: modules.map((id, i) => ({ id, lines: 20 + (i % 300), exports: 2, abstractExports: 1 })),
      edges: [],
      dependencies: modules
        .slice(1)
        .map((id, i) => ({ from: id, to: modules[i] as string, kinds: ['static'], typeOnly: false, symbols: ['x'] })),
      externals: {},
      ...EMPTY_GRAPH_EXTRAS,
    },
    moduleFacts: { coupling: [], cycles: [] },
    clustering: { signals: [{ name: 'static', weight: 1, pairs: 60_000 }], history: null, sweep: null, edges: [] },
    partition: { clusters, assignment, kernel: {}, placement: {}, confidence: {}, resolution: 1, sweep: null },
    metrics: {
      partition: {
        modularity: 0.5,
        turboMq: 0.5,
        structuralModularity: 0.1,
        icp: 0.3,
        ifn: 12,
        ned: 0.9,
        nedWindow: { min: 2, max: 200 },
        cdp: 0.2,
        expected: null,
      },
      services: clusters.map((item, i) => ({
        cluster: item.id,
        files: perService,
        lines: perService * (50 + (i % 200)),
        ca: 10,
        ce: 10,
        instability: 0.5,
        abstractness: 0.2,
        distance: 0.3,
        cohesion: 0.6,
        interfaces: 30,
      })),
    },
    plan: {
      dependencies,
      cycles: [ids.slice(0, 120)],
      cycleBreaks: [
        {
          services: ids.slice(0, 120),
          cut: dependencies.slice(0, 40).map((dep) => ({ from: dep.from, to: dep.to, imports: dep.imports })),
          imports: sites,
        },
      ],
      mutualDependencies: Array.from({ length: Math.min(200, services - 1) }, (_, i) => ({
        services: [ids[i] as string, ids[i + 1] as string],
        cut: [{ from: ids[i] as string, to: ids[i + 1] as string, imports: 2 }],
        imports: sites.slice(i, i + 5),
      })),
      steps: ['shared-kernel', ...ids].map((id, i) => ({
        rank: i + 1,
        clusters: [id],
        reason: 'cheapest next',
        dependsOn: [],
        inboundImports: 3,
        cost: { outbound: 2, contracts: 1, inbound: 3, sharedEntities: 0, lines: 4000, total: 14 },
        remoteCalls: sites.slice(0, 30),
        routes: [],
        callers: [],
        tables: { moves: [], splits: [] },
        events: [],
      })),
      migrationImports: 12_345,
      apis: ids.map((id) => ({
        cluster: id,
        symbols: Array.from({ length: 30 }, (_, j) => ({
          symbol: `api${j}`,
          module: `src/${id}/module-000.ts`,
          kind: j % 4 === 0 ? ('type' as const) : ('operation' as const),
          consumers: [ids[0] as string],
          importSites: j + 1,
        })),
      })),
      data: { entities: [], services: [] },
      interfaces: [],
    },
    diagnostics: Array.from({ length: 5000 }, (_, i) => ({
      code: 'UNRESOLVED_IMPORT',
      message: `cannot resolve './gone-${i}'`,
      file: modules[i] as string,
      line: 3,
    })),
  };
}
