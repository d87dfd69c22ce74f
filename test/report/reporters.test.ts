import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { renderJson, toJsonReport } from '../../src/report/json.js';
import { renderText } from '../../src/report/text.js';
import { EMPTY_GRAPH_EXTRAS } from '../helpers.js';

/** A hand-made analysis: two services and a kernel, one cycle-free plan. */
const analysis: Analysis = {
  schemaVersion: 1,
  tool: { name: 'seams', version: '9.9.9' },
  settings: { tsconfig: 'tsconfig.json', seed: 42, resolution: 1, expected: null },
  graph: {
    modules: [
      { id: 'src/log.ts', lines: 5, exports: 1, abstractExports: 0 },
      { id: 'src/order.ts', lines: 20, exports: 2, abstractExports: 1 },
      { id: 'src/pay.ts', lines: 10, exports: 2, abstractExports: 1 },
    ],
    edges: [
      {
        from: 'src/order.ts',
        to: 'src/log.ts',
        kinds: ['static'],
        typeOnly: false,
        symbols: ['log'],
        lines: [1],
        details: [{ line: 1, kind: 'static', syntax: 'import', specifier: './log', typeOnly: false, symbols: ['log'] }],
        declarations: [{ symbol: 'log', module: 'src/log.ts' }],
      },
      {
        from: 'src/order.ts',
        to: 'src/pay.ts',
        kinds: ['static', 'type'],
        typeOnly: false,
        symbols: ['Payment', 'charge'],
        lines: [2, 3],
        details: [
          { line: 2, kind: 'static', syntax: 'import', specifier: './pay', typeOnly: false, symbols: ['charge'] },
          { line: 3, kind: 'type', syntax: 'import', specifier: './pay', typeOnly: true, symbols: ['Payment'] },
        ],
        declarations: [
          { symbol: 'Payment', module: 'src/pay.ts' },
          { symbol: 'charge', module: 'src/pay.ts' },
        ],
      },
    ],
    dependencies: [
      { from: 'src/order.ts', to: 'src/log.ts', kinds: ['static'], typeOnly: false, symbols: ['log'] },
      {
        from: 'src/order.ts',
        to: 'src/pay.ts',
        kinds: ['static', 'type'],
        typeOnly: false,
        symbols: ['Payment', 'charge'],
      },
    ],
    externals: { 'src/order.ts': { packages: ['express'], builtins: ['fs'], assets: [] } },
    ...EMPTY_GRAPH_EXTRAS,
  },
  // order.ts depends on log.ts and pay.ts: Ca 0, Ce 2, I 1; each of those Ca 1, Ce 0, I 0. No cycle.
  moduleFacts: {
    coupling: [
      { module: 'src/log.ts', ca: 1, ce: 0, instability: 0 },
      { module: 'src/order.ts', ca: 0, ce: 2, instability: 1 },
      { module: 'src/pay.ts', ca: 1, ce: 0, instability: 0 },
    ],
    cycles: [],
  },
  clustering: {
    signals: [
      { name: 'static', weight: 1, pairs: 2 },
      { name: 'semantic', weight: 0.3, pairs: 0 },
      { name: 'change', weight: 0.5, pairs: 0 },
    ],
    history: null,
    sweep: null,
    edges: [],
  },
  partition: {
    resolution: 1,
    sweep: null,
    placement: {},
    confidence: {},
    clusters: [
      { id: 'order', label: 'order', kind: 'service', pinned: false, modules: ['src/order.ts'] },
      { id: 'pay', label: 'pay', kind: 'service', pinned: false, modules: ['src/pay.ts'] },
      { id: 'shared-kernel', label: 'shared kernel', kind: 'kernel', pinned: false, modules: ['src/log.ts'] },
    ],
    assignment: { 'src/log.ts': 'shared-kernel', 'src/order.ts': 'order', 'src/pay.ts': 'pay' },
    kernel: { 'src/log.ts': 'imported by 3 modules in 3 areas (threshold 3); imports only kernel modules' },
  },
  metrics: {
    partition: {
      modularity: -0.5,
      turboMq: 0,
      structuralModularity: -0.3333,
      icp: 1,
      ifn: 0.6667,
      ned: 0,
      nedWindow: { min: 2, max: 20 },
      cdp: 0,
      expected: null,
    },
    services: [
      {
        cluster: 'order',
        files: 1,
        lines: 20,
        ca: 0,
        ce: 1,
        instability: 1,
        abstractness: 0.5,
        distance: 0.5,
        cohesion: 0,
        interfaces: 0,
      },
      {
        cluster: 'pay',
        files: 1,
        lines: 10,
        ca: 1,
        ce: 0,
        instability: 0,
        abstractness: 0.5,
        distance: 0.5,
        cohesion: 0,
        interfaces: 2,
      },
      {
        cluster: 'shared-kernel',
        files: 1,
        lines: 5,
        ca: 1,
        ce: 0,
        instability: 0,
        abstractness: 0,
        distance: 1,
        cohesion: 0,
        interfaces: 0,
      },
    ],
  },
  plan: {
    dependencies: [
      { from: 'order', to: 'pay', imports: 1, typeOnly: 0 },
      { from: 'order', to: 'shared-kernel', imports: 1, typeOnly: 0 },
    ],
    cycles: [],
    cycleBreaks: [],
    mutualDependencies: [],
    steps: [
      {
        rank: 1,
        clusters: ['shared-kernel'],
        reason: 'r1',
        dependsOn: [],
        inboundImports: 1,
        cost: { outbound: 0, contracts: 0, inbound: 1, sharedEntities: 0, lines: 5, total: 1.005 },
        remoteCalls: [],
        routes: [],
        callers: [],
        tables: { moves: [], splits: [] },
        events: [],
      },
      {
        rank: 2,
        clusters: ['pay'],
        reason: 'r2',
        dependsOn: [],
        inboundImports: 1,
        cost: { outbound: 0, contracts: 0, inbound: 1, sharedEntities: 0, lines: 10, total: 1.01 },
        remoteCalls: [],
        routes: [],
        callers: [],
        tables: { moves: [], splits: [] },
        events: [],
      },
      {
        rank: 3,
        clusters: ['order'],
        reason: 'r3',
        dependsOn: ['pay', 'shared-kernel'],
        inboundImports: 0,
        cost: { outbound: 0, contracts: 0, inbound: 0, sharedEntities: 0, lines: 20, total: 0.02 },
        remoteCalls: [],
        routes: [],
        callers: [],
        tables: { moves: [], splits: [] },
        events: [],
      },
    ],
    migrationImports: 2,
    apis: [],
    data: { entities: [], services: [] },
    interfaces: [],
  },
  diagnostics: [{ code: 'UNRESOLVED_IMPORT', message: "cannot resolve './gone'", file: 'src/order.ts', line: 4 }],
};

describe('JSON reporter', () => {
  const report = toJsonReport(analysis);

  it('emits the core fields of the contract with their meanings', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'seams', version: '9.9.9' });
    expect(report.modules).toEqual([
      {
        id: 'src/log.ts',
        lines: 5,
        cluster: 'shared-kernel',
        packages: [],
        builtins: [],
        assets: [],
        outsideFiles: [],
        ca: 1,
        ce: 0,
        instability: 0,
      },
      {
        id: 'src/order.ts',
        lines: 20,
        cluster: 'order',
        packages: ['express'],
        builtins: ['fs'],
        assets: [],
        outsideFiles: [],
        ca: 0,
        ce: 2,
        instability: 1,
      },
      {
        id: 'src/pay.ts',
        lines: 10,
        cluster: 'pay',
        packages: [],
        builtins: [],
        assets: [],
        outsideFiles: [],
        ca: 1,
        ce: 0,
        instability: 0,
      },
    ]);
    expect(report.moduleCycles).toEqual([]);
    expect(report.edges[1]).toMatchObject({
      from: 'src/order.ts',
      to: 'src/pay.ts',
      kinds: ['static', 'type'],
      typeOnly: false,
      symbols: ['Payment', 'charge'],
      lines: [2, 3],
    });
    expect(report.edges[1]?.details.map((detail) => detail.line)).toEqual([2, 3]);
    expect(report.edges[1]?.declarations).toEqual([
      { symbol: 'Payment', module: 'src/pay.ts' },
      { symbol: 'charge', module: 'src/pay.ts' },
    ]);
    expect(report.clusters.map((item) => [item.id, item.label, item.modules])).toEqual([
      ['order', 'order', ['src/order.ts']],
      ['pay', 'pay', ['src/pay.ts']],
      ['shared-kernel', 'shared kernel', ['src/log.ts']],
    ]);
    expect(report.clusters[0]).toMatchObject({
      kind: 'service',
      files: 1,
      lines: 20,
      ca: 0,
      ce: 1,
      instability: 1,
      packages: ['express'],
      builtins: ['fs'],
    });
    expect(report.clusters[2]).toMatchObject({ kind: 'kernel' });
    expect(report.kernel).toEqual([{ module: 'src/log.ts', reason: expect.stringContaining('3 areas') }]);
    expect(report.metrics).toEqual({
      modularity: -0.5,
      mojoFm: null,
      turboMq: 0,
      structuralModularity: -0.3333,
      icp: 1,
      ifn: 0.6667,
      ned: 0,
      nedWindow: { min: 2, max: 20 },
      cdp: 0,
      expected: null,
    });
    expect(report.plan.steps.map((step) => step.rank)).toEqual([1, 2, 3]);
    expect(report.diagnostics).toEqual(analysis.diagnostics);
  });

  it('produces, piece by piece, exactly the text JSON.stringify would', () => {
    expect(renderJson(analysis)).toBe(`${JSON.stringify(toJsonReport(analysis), null, 2)}\n`);
  });

  it('writes long arrays, at the top and inside the plan, in runs that join to the JSON.stringify text', () => {
    const large = structuredClone(analysis);
    const modules = Array.from({ length: 700 }, (_, index) => ({
      id: `src/m${index}.ts`,
      lines: index,
      exports: 1,
      abstractExports: 0,
    }));
    large.graph.modules = modules;
    large.graph.edges = Array.from({ length: 513 }, (_, index) => ({
      ...(analysis.graph.edges[0] as (typeof analysis.graph.edges)[number]),
      from: `src/m${index}.ts`,
    }));
    large.plan.steps = Array.from({ length: 300 }, (_, index) => ({
      ...(analysis.plan.steps[0] as (typeof analysis.plan.steps)[number]),
      rank: index + 1,
    }));
    large.plan.cycles = [];
    expect(renderJson(large)).toBe(`${JSON.stringify(toJsonReport(large), null, 2)}\n`);
  });

  it('renders two-space JSON with a trailing newline, identical on every call', () => {
    const text = renderJson(analysis);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(renderJson(structuredClone(analysis)));
    expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
  });
});

describe('text reporter', () => {
  const text = renderText(analysis);

  it('shows services, partition metrics, the plan and diagnostics', () => {
    // Three clusters, one of them the shared kernel: two candidate services.
    expect(text).toContain('seams 9.9.9: 3 modules, 2 import edges, 2 candidate services');
    expect(text).toMatch(/│ order\s+│\s+1 │\s+20 │\s+0 │\s+1 │ 1\.00 │ 0\.50 │ 0\.50 │\s+0\.00 │\s+0 │/);
    expect(text).toContain('modularity Q  -0.500');
    expect(text).toContain('  ICP            1.000   inter-partition call percentage');
    expect(text).toContain('   1. shared-kernel: r1');
    expect(text).toContain(
      'Shared kernel: 1 module kept out of the services (see "kernel" in --format json for why each)',
    );
    expect(text).toContain("src/order.ts:4 [UNRESOLVED_IMPORT] cannot resolve './gone'");
    expect(text).toContain('npm packages per service\n  order: express\n');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
    expect(text).not.toMatch(/\u001b\[/);
  });
});
