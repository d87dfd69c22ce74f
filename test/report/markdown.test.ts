import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { analyze } from '../../src/analyze.js';
import { escapeMarkdown } from '../../src/report/markdown-text.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderMermaid } from '../../src/report/mermaid.js';
import { fixture, tempProject } from '../helpers.js';

/** The lines of the `## title` section, up to the next `## ` heading. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  expect(start, `section ${title}`).toBeGreaterThan(0);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The cells of a table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

/** The first table in some lines: header cells and body rows (the rule line dropped). */
function firstTable(lines: string[]): { head: string[]; rows: string[][] } {
  const start = lines.findIndex((line) => line.startsWith('| '));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('| '));
  const table = lines.slice(start, end === -1 ? undefined : end);
  expect(table[1]).toMatch(/^\| (---:?|:?---)( \| ---:?)* \|$/);
  return { head: cells(table[0] ?? ''), rows: table.slice(2).map(cells) };
}

/** The fixture monolith, analysed once for the whole file. */
let monolith: Promise<Analysis> | undefined;
function analyseMonolith(): Promise<Analysis> {
  monolith ??= analyze({ path: fixture('monolith'), cache: false });
  return monolith;
}

describe('Markdown report on the fixture monolith', () => {
  let analysis: Analysis;
  let markdown: string;
  beforeAll(async () => {
    analysis = await analyseMonolith();
    markdown = renderMarkdown(analysis);
  });

  it('has a title, a summary and every section in order', () => {
    expect(markdown.startsWith('# Migration report\n\n')).toBe(true);
    expect(markdown.split('\n').filter((line) => line.startsWith('## '))).toEqual([
      '## Service map',
      '## Candidate services',
      '## Dependency structure matrix',
      '## Extraction plan',
      '## Cycles and mutual dependencies',
      '## Services',
      '## Placements to review',
      '## Partition metrics',
      '## Diagnostics',
    ]);
    const summary = markdown.split('\n')[2] ?? '';
    expect(summary).toContain(
      `${analysis.graph.modules.length} modules with ${analysis.graph.edges.length} import edges`,
    );
    const services = analysis.partition.clusters.filter((item) => item.kind === 'service').length;
    const shell = analysis.partition.clusters.find((item) => item.kind === 'shell')?.modules.length ?? 0;
    expect(shell).toBeGreaterThan(0);
    expect(summary).toContain(
      `${services} candidate services (besides them: a shared kernel of ${Object.keys(analysis.partition.kernel).length} modules, a composition root of ${shell} modules)`,
    );
    expect(summary).toContain(`modularity Q ${analysis.metrics.partition.modularity.toFixed(3)}`);
    expect(summary).toContain('Settings: seed 42, resolution 2, tsconfig tsconfig.json.');
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('embeds the service-level Mermaid graph with one node per service', () => {
    const lines = section(markdown, 'Service map');
    const open = lines.indexOf('```mermaid');
    const close = lines.indexOf('```', open + 1);
    const block = lines.slice(open + 1, close);
    expect(`${block.join('\n')}\n`).toBe(renderMermaid(analysis, 'service'));
    expect(block.filter((line) => /^ {2}s\d+\["/.test(line))).toHaveLength(analysis.partition.clusters.length);
    expect(block.filter((line) => /^ {2}s\d+ -(->|\.->)\|\d+\| s\d+$/.test(line))).toHaveLength(
      analysis.plan.dependencies.length,
    );
  });

  it('lists every candidate service with its metrics', () => {
    const { head, rows } = firstTable(section(markdown, 'Candidate services'));
    expect(head).toEqual(['service', 'files', 'lines', 'Ca', 'Ce', 'I', 'A', 'D', 'cohesion', 'IFN']);
    expect(rows.map((row) => row[0])).toEqual(
      analysis.metrics.services.map((item) =>
        item.cluster === 'shared-kernel' ? 'shared-kernel (kernel)' : item.cluster,
      ),
    );
    const cart = analysis.metrics.services.find((item) => item.cluster === 'cart');
    expect(rows.find((row) => row[0] === 'cart')).toEqual([
      'cart',
      String(cart?.files),
      String(cart?.lines),
      String(cart?.ca),
      String(cart?.ce),
      cart?.instability.toFixed(2),
      cart?.abstractness.toFixed(2),
      cart?.distance.toFixed(2),
      cart?.cohesion.toFixed(2),
      String(cart?.interfaces),
    ]);
  });

  it('dependency structure matrix: services × services in plan order, cells equal plan.dependencies, · for none', () => {
    const order = [...analysis.plan.steps].sort((a, b) => a.rank - b.rank).flatMap((step) => step.clusters);
    const { head, rows } = firstTable(section(markdown, 'Dependency structure matrix'));
    expect(head.slice(1)).toEqual(order);
    expect(rows).toHaveLength(analysis.partition.clusters.length);
    expect(rows.map((row) => row[0])).toEqual(order.map((id) => `**${id}**`));
    const imports = new Map(
      analysis.plan.dependencies.map((item) => [`${item.from}->${item.to}`, String(item.imports)]),
    );
    order.forEach((from, row) => {
      expect(rows[row]).toHaveLength(order.length + 1);
      for (const [column, to] of order.entries())
        expect(rows[row]?.[column + 1], `${from} -> ${to}`).toBe(
          from === to ? '—' : (imports.get(`${from}->${to}`) ?? '·'),
        );
    });
    const payment = order.indexOf('payment');
    const orderColumn = order.indexOf('order') + 1;
    expect(rows[payment]?.[orderColumn]).toBe(
      String(analysis.plan.dependencies.find((item) => item.from === 'payment' && item.to === 'order')?.imports),
    );
  });

  it('caps the matrix past 30 services and keeps the largest', () => {
    const big = structuredClone(analysis);
    const extra = Array.from({ length: 30 }, (_, index) => `tiny${String(index).padStart(2, '0')}`);
    for (const id of extra) {
      big.partition.clusters.push({ id, label: id, kind: 'service', pinned: false, modules: [] });
      big.metrics.services.push({
        cluster: id,
        files: 0,
        lines: 1,
        ca: 0,
        ce: 0,
        instability: 0,
        abstractness: 0,
        distance: 1,
        cohesion: 0,
        interfaces: 0,
      });
    }
    big.plan.steps.push({
      rank: big.plan.steps.length + 1,
      clusters: extra,
      reason: 'r',
      dependsOn: [],
      inboundImports: 0,
      cost: { outbound: 0, contracts: 0, inbound: 0, sharedEntities: 0, lines: 30, total: 0.03 },
      remoteCalls: [],
      routes: [],
      callers: [],
      tables: { moves: [], splits: [] },
      events: [],
    });
    const lines = section(renderMarkdown(big), 'Dependency structure matrix');
    expect(lines).toContain(
      `${big.partition.clusters.length} services are too many for one table: showing the 30 largest by lines (see plan.dependencies in --format json for all).`,
    );
    const { head, rows } = firstTable(lines);
    expect(head).toHaveLength(31);
    expect(rows).toHaveLength(30);
    for (const item of analysis.partition.clusters) expect(head).toContain(item.id);
  });

  it('extraction plan: every step in order with its clusters, cost and terms; remote calls in details', () => {
    const lines = section(markdown, 'Extraction plan');
    expect(lines[1]).toContain(`${analysis.plan.migrationImports} cross-boundary imports over the whole migration`);
    const steps = lines
      .map((line) =>
        /^(\d+)\. \*\*(.+)\*\*: cost ([\d.]+) \(outbound (\d+), contracts (\d+), inbound (\d+), shared entities (\d+), lines (\d+)\)$/.exec(
          line,
        ),
      )
      .filter((match) => match !== null);
    expect(steps.map((match) => match.slice(1).join(' '))).toEqual(
      analysis.plan.steps.map((step) =>
        [
          step.rank,
          step.clusters.join(' + '),
          step.cost.total,
          step.cost.outbound,
          step.cost.contracts,
          step.cost.inbound,
          step.cost.sharedEntities,
          step.cost.lines,
        ].join(' '),
      ),
    );
    for (const step of analysis.plan.steps) {
      const indent = ' '.repeat(`${step.rank}. `.length);
      expect(lines).toContain(`${indent}- remote calls: ${step.remoteCalls.length}`);
      const first = step.remoteCalls[0];
      if (first !== undefined)
        expect(lines.some((line) => line.startsWith(`${indent}- ${first.from}:${first.line} imports `))).toBe(true);
    }
    expect(lines.filter((line) => /<details><summary>\d+ remote calls?<\/summary>/.test(line))).toHaveLength(
      analysis.plan.steps.filter((step) => step.remoteCalls.length > 0).length,
    );
    // What moves at each step: one collapsed list per kind the step has, with its count.
    for (const step of analysis.plan.steps) {
      const indent = ' '.repeat(`${step.rank}. `.length);
      if (step.routes.length > 0)
        expect(lines).toContain(
          `${indent}<details><summary>gateway routes to the new service: ${step.routes.length}</summary>`,
        );
      if (step.callers.length > 0)
        expect(lines).toContain(
          `${indent}<details><summary>in-process callers left in the monolith: ${step.callers.length}</summary>`,
        );
      const { moves, splits } = step.tables;
      if (moves.length + splits.length > 0)
        expect(lines).toContain(
          `${indent}<details><summary>tables: ${moves.length} move, ${splits.length} to split or share</summary>`,
        );
    }
  });

  it('cycles and mutual dependencies: the imports to cut, capped with "N more"', () => {
    const lines = section(markdown, 'Cycles and mutual dependencies');
    expect(analysis.plan.cycleBreaks.length + analysis.plan.mutualDependencies.length).toBeGreaterThan(0);
    for (const cycle of analysis.plan.cycleBreaks) {
      const heading = lines.findIndex(
        (line) => line.endsWith(`: ${cycle.services.join(', ')}`) && line.startsWith('### Cycle '),
      );
      expect(heading).toBeGreaterThan(-1);
      const { rows } = firstTable(lines.slice(heading));
      expect(rows).toHaveLength(Math.min(10, cycle.imports.length));
      const first = cycle.imports[0];
      expect(rows[0]).toContain(`${first?.from}:${first?.line}`);
      if (cycle.imports.length > 10)
        expect(lines).toContain(`… ${cycle.imports.length - 10} more (see plan.cycleBreaks in --format json).`);
    }
    for (const pair of analysis.plan.mutualDependencies) {
      const heading = lines.indexOf(`### Mutual: ${pair.services.join(' ↔ ')}`);
      expect(heading).toBeGreaterThan(-1);
      expect(lines[heading + 2]).toBe(
        `Cut the lighter direction: ${pair.cut.map((item) => `${item.from} → ${item.to} (${item.imports} import${item.imports === 1 ? '' : 's'})`).join(', ')}.`,
      );
    }
  });

  it('one card per service with size, API surface, data and packages', () => {
    const lines = section(markdown, 'Services');
    const headings = lines.filter((line) => line.startsWith('### '));
    expect(headings).toHaveLength(analysis.partition.clusters.length);
    const cartAt = lines.indexOf('### cart');
    const card = lines.slice(
      cartAt,
      lines.findIndex((line, index) => index > cartAt && line.startsWith('### ')),
    );
    const api = analysis.plan.apis.find((item) => item.cluster === 'cart');
    const operations = api?.symbols.filter((item) => item.kind === 'operation').length ?? 0;
    expect(card.find((line) => line.startsWith('**API surface**'))).toMatch(
      new RegExp(
        `^\\*\\*API surface\\*\\*: ${operations} operations? and ${(api?.symbols.length ?? 0) - operations} types?, imported at \\d+ sites? by `,
      ),
    );
    const owned = analysis.plan.data.services.find((item) => item.cluster === 'cart')?.owned ?? [];
    expect(card.find((line) => line.startsWith('**Data**'))).toContain(`owns ${owned.join(', ')}`);
    expect(card).toContain(
      `<details><summary>${analysis.partition.clusters.find((item) => item.id === 'cart')?.modules.length} files</summary>`,
    );
    expect(lines).toContain('### shared-kernel (shared kernel)');
  });

  it('partition metrics table and diagnostics', () => {
    const { head, rows } = firstTable(section(markdown, 'Partition metrics'));
    expect(head).toEqual(['metric', 'value', 'better', 'meaning (source)']);
    expect(rows[0]).toEqual([
      'modularity Q',
      analysis.metrics.partition.modularity.toFixed(3),
      'higher',
      expect.stringContaining('(Newman 2006)'),
    ]);
    expect(rows.find((row) => row[0] === 'TurboMQ')?.[3]).toContain('Mitchell &amp; Mancoridis');
    const diagnostics = section(markdown, 'Diagnostics');
    if (analysis.diagnostics.length === 0) expect(diagnostics).toEqual(['', 'None.', '']);
    else expect(firstTable(diagnostics).head).toEqual(['code', 'count']);
  });

  it('is byte-identical on every call', () => {
    expect(renderMarkdown(analysis)).toBe(markdown);
    expect(renderMarkdown(structuredClone(analysis))).toBe(markdown);
  });
});

describe('Markdown report on hostile names', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  let markdown: string;
  beforeAll(async () => {
    const root = tempProject({
      [`src/${IMG}.ts`]:
        "import { q } from './a\"b]';\nimport { p } from './pipe|star*_x_`tick`';\nexport const img = q + p;\n",
      'src/a"b].ts': "import './missing<script>alert(1)</script>';\nexport const q = 1;\n",
      'src/pipe|star*_x_`tick`.ts': `import { img } from './${IMG}';\nexport const p = 2;\nexport const again = () => img;\n`,
    });
    markdown = renderMarkdown(await analyze({ path: root, cache: false }));
  });

  it('renders names as text: HTML as entities, Markdown punctuation escaped', () => {
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<script');
    expect(markdown).toContain('src/&lt;img src=x onerror=alert(1)&gt;.ts');
    expect(markdown).toContain('src/a"b\\].ts');
    expect(markdown).toContain('src/pipe\\|star\\*\\_x\\_\\`tick\\`.ts');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lists diagnostics by code, then one row each, escaped', () => {
    const lines = section(markdown, 'Diagnostics');
    expect(firstTable(lines)).toEqual({ head: ['code', 'count'], rows: [['UNRESOLVED\\_IMPORT', '1']] });
    const second = lines.slice(lines.indexOf('| --- | ---: |') + 2);
    expect(firstTable(second)).toEqual({
      head: ['file', 'line', 'code', 'message'],
      rows: [
        [
          'src/a"b\\].ts',
          '1',
          'UNRESOLVED\\_IMPORT',
          "cannot resolve './missing&lt;script&gt;alert(1)&lt;/script&gt;'",
        ],
      ],
    });
  });

  it('keeps every table row as wide as its header', () => {
    expectRectangularTables(markdown);
  });

  it('only generated HTML remains: details and summary', () => {
    const tags = new Set([...markdown.matchAll(/<\/?([a-zA-Z]+)/g)].map((match) => match[1]));
    expect([...tags].sort()).toEqual(['br', 'details', 'summary']);
  });
});

/** Every table row as wide as its header row. */
function expectRectangularTables(markdown: string): void {
  let width = -1;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('| ')) {
      width = -1;
      continue;
    }
    if (width === -1) width = cells(line).length;
    else expect(cells(line), line).toHaveLength(width);
  }
}

describe('Markdown report with hostile names in every section', () => {
  const MODULE = 'src/jobs/abandoned-cart-job.ts';
  const HOSTILE_MODULE = 'src/jobs/<img src=x onerror=alert(1)>|a`b`.ts';
  const HOSTILE_SERVICE = '<b>route|x</b>';
  let markdown: string;
  beforeAll(async () => {
    const analysis = await analyseMonolith();
    // The monolith with one module and one service renamed everywhere they occur as a value.
    const json = JSON.stringify(analysis)
      .replaceAll(JSON.stringify(MODULE), JSON.stringify(HOSTILE_MODULE))
      .replaceAll('"cart"', JSON.stringify(HOSTILE_SERVICE));
    markdown = renderMarkdown(JSON.parse(json) as Analysis);
  });

  it('shows them escaped in the plan, the cycles, the matrix, the cards and the map', () => {
    expect(markdown).not.toMatch(/<img|<b>|<\/b>/);
    const module = 'src/jobs/&lt;img src=x onerror=alert(1)&gt;\\|a\\`b\\`.ts';
    const service = '&lt;b&gt;route\\|x&lt;/b&gt;';
    expect(section(markdown, 'Extraction plan').join('\n')).toContain(`- ${module}:5 imports notificationService from`);
    expect(section(markdown, 'Cycles and mutual dependencies').join('\n')).toContain(
      `| ${module}:5 | notificationService |`,
    );
    expect(firstTable(section(markdown, 'Dependency structure matrix')).head).toContain(service);
    expect(section(markdown, 'Services')).toContain(`### ${service}`);
    expect(section(markdown, 'Service map').join('\n')).toContain('["#lt;b#gt;route|x#lt;/b#gt;<br/>');
    expectRectangularTables(markdown);
  });
});

describe('escapeMarkdown', () => {
  it('escapes HTML as entities and Markdown punctuation with backslashes; line breaks become spaces', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>.ts')).toBe('&lt;img src=x onerror=alert(1)&gt;.ts');
    expect(escapeMarkdown('a|b&c')).toBe('a\\|b&amp;c');
    expect(escapeMarkdown('`x` *y* _z_ [l](u) ~s~ $m$ #h \\')).toBe(
      '\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\~s\\~ \\$m\\$ \\#h \\\\',
    );
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three');
  });
});
