import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { cluster } from '../../src/cluster/cluster.js';
import { combineSignals } from '../../src/cluster/clustering-graph.js';
import { weighEdges } from '../../src/cluster/weigh-edges.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import type { Extraction, ModuleFacts } from '../../src/extract/types.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import { moduleCycles } from '../../src/graph/module-cycles.js';
import { moduleCoupling } from '../../src/metrics/module-coupling.js';
import { adjustedRandIndex } from '../../src/metrics/ari.js';
import { c2cCoverage } from '../../src/metrics/c2c-coverage.js';
import { serviceDependencies } from '../../src/graph/service-dependencies.js';
import { measure } from '../../src/metrics/measure.js';
import { mojoFm } from '../../src/metrics/mojofm.js';
import { planExtraction } from '../../src/plan/plan-extraction.js';
import { toJsonReport } from '../../src/report/json.js';
import { REPO, tempProject } from '../helpers.js';

const defaults = resolveSettings({ path: tempProject({}) }).cluster;

/** A random module graph: 1-25 modules in a few folders, random imports (some type-only, some dynamic). */
const extractionArbitrary = fc
  .record({
    size: fc.integer({ min: 1, max: 25 }),
    edges: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        kind: fc.constantFrom('static', 'type', 'dynamic') as fc.Arbitrary<'static' | 'type' | 'dynamic'>,
      }),
      { maxLength: 80 },
    ),
  })
  .map(({ size, edges }): Extraction => {
    const ids = Array.from(
      { length: size },
      (_, index) => `src/${['orders', 'billing', 'shared'][index % 3]}/m${String(index).padStart(2, '0')}.ts`,
    );
    const modules: ModuleFacts[] = ids.map((id) => ({
      id,
      lines: 10,
      imports: [],
      exports: { local: ['x'], reexports: [], stars: [], abstract: [] },
      terms: {},
      entities: { declares: [], uses: [] },
      wiring: [],
      members: [],
      bootstrap: null,
    }));
    for (const edge of edges) {
      const from = modules[edge.from % size] as ModuleFacts;
      const to = ids[edge.to % size] as string;
      from.imports.push({
        specifier: `./${to}`,
        kind: edge.kind,
        typeOnly: edge.kind === 'type',
        symbols: ['x'],
        line: from.imports.length + 1,
        syntax: edge.kind === 'dynamic' ? 'import-call' : 'import',
        target: { type: 'internal', module: to },
      });
    }
    return { modules, prismaModels: [], diagnostics: [] };
  });

function analyse(extraction: Extraction, seed: number): Analysis {
  const graph = buildGraph(extraction);
  const settings = { ...defaults, seed };
  const clustering = combineSignals(
    { static: weighEdges(graph, settings), semantic: [], stem: [], change: [], data: [], event: [] },
    settings,
  );
  const partition = cluster(graph, clustering, settings, new Map());
  const dependencies = serviceDependencies(graph, partition.assignment);
  return {
    schemaVersion: 1,
    tool: { name: 'seams', version: '0.1.0' },
    settings: { tsconfig: null, seed, resolution: partition.resolution, expected: null },
    graph,
    moduleFacts: { coupling: moduleCoupling(graph), cycles: moduleCycles(graph) },
    clustering: { signals: clustering.summary, history: null, sweep: null, edges: clustering.edges },
    partition,
    metrics: measure(graph, clustering.edges, partition, dependencies, null),
    plan: planExtraction(graph, partition, dependencies),
    diagnostics: [],
  };
}

describe('properties of the graph, clustering and metrics core', () => {
  it('clustering is a partition of all modules and is identical for a seed', () => {
    fc.assert(
      fc.property(extractionArbitrary, fc.integer({ min: 0, max: 1000 }), (extraction, seed) => {
        const first = analyse(extraction, seed);
        const ids = extraction.modules.map((module) => module.id).sort();
        expect(first.partition.clusters.flatMap((item) => item.modules).sort()).toEqual(ids);
        expect(Object.keys(first.partition.assignment).sort()).toEqual(ids);
        expect(new Set(first.partition.clusters.map((item) => item.id)).size).toBe(first.partition.clusters.length);
        expect(JSON.stringify(analyse(extraction, seed))).toBe(JSON.stringify(first));
        // Every cluster is one plan step, except the unattached modules, which are never a step.
        expect(first.plan.steps.flatMap((step) => step.clusters).sort()).toEqual(
          first.partition.clusters
            .filter((item) => item.kind !== 'unattached')
            .map((item) => item.id)
            .sort(),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('every metric stays in its range', () => {
    fc.assert(
      fc.property(extractionArbitrary, (extraction) => {
        const { metrics } = analyse(extraction, 42);
        const p = metrics.partition;
        expect(p.modularity).toBeGreaterThanOrEqual(-0.5);
        expect(p.modularity).toBeLessThanOrEqual(1);
        for (const value of [p.turboMq, p.icp, p.ned, p.cdp]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(p.structuralModularity)).toBeLessThanOrEqual(1);
        for (const service of metrics.services) {
          for (const value of [service.instability, service.cohesion, service.abstractness, service.distance]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('MoJoFM stays in [0, 100], ARI at most 1, c2c coverage in [0, 1], and identity scores the top', () => {
    const partitionArbitrary = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(partitionArbitrary, partitionArbitrary, (left, right) => {
        const n = Math.min(left.length, right.length);
        const a = Object.fromEntries(left.slice(0, n).map((cluster, index) => [`o${index}`, `a${cluster}`]));
        const b = Object.fromEntries(right.slice(0, n).map((cluster, index) => [`o${index}`, `b${cluster}`]));
        const score = mojoFm(a, b).mojoFm;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(adjustedRandIndex(a, b)).toBeLessThanOrEqual(1 + 1e-12);
        const coverage = c2cCoverage(a, b);
        expect(coverage).toBeGreaterThanOrEqual(0);
        expect(coverage).toBeLessThanOrEqual(1);
        expect(mojoFm(b, b).mojoFm).toBe(100);
      }),
      { numRuns: 200 },
    );
  });

  it('the JSON report validates against the published schema', () => {
    const schema = JSON.parse(readFileSync(`${REPO}/schema/report.schema.json`, 'utf8'));
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    fc.assert(
      fc.property(extractionArbitrary, (extraction) => {
        const report = JSON.parse(JSON.stringify(toJsonReport(analyse(extraction, 7))));
        const valid = validate(report);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
