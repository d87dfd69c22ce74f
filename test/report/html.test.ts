import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { analyze } from '../../src/analyze.js';
import { escapeHtml, scriptJson } from '../../src/report/html/escape.js';
import { layoutServiceMap } from '../../src/report/html/map-layout.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { buildReportModel } from '../../src/report/html/report-model.js';
import { fixture, tempProject } from '../helpers.js';

/** A file name that is markup. */
const EVIL_FILE = '<img src=x onerror=alert(1)>';

/** The text of the `<script type="application/json">` block. */
function jsonBlock(html: string): string {
  const start = html.indexOf('<script type="application/json" id="seams-data">');
  expect(start).toBeGreaterThan(0);
  const open = html.indexOf('>', start) + 1;
  return html.slice(open, html.indexOf('</script>', open));
}

/** Renames a cluster everywhere in an analysis (every JSON string equal to the old id). */
function renameCluster(analysis: Analysis, from: string, to: string): Analysis {
  return JSON.parse(JSON.stringify(analysis).split(JSON.stringify(from)).join(JSON.stringify(to))) as Analysis;
}

describe('HTML report of the fixture monolith', () => {
  let analysis: Analysis;
  let html: string;
  beforeAll(async () => {
    analysis = await analyze({ path: fixture('monolith'), cache: false });
    html = renderHtml(analysis);
  });

  it('is one self-contained page: strict CSP, inline style and script, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(
      /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'$/,
    );
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).not.toContain(process.cwd());
  });

  it('puts the sections in order: map, matrix, plan, services, metrics, diagnostics', () => {
    const positions = ['map', 'dsm', 'plan', 'services', 'metrics', 'diagnostics'].map((id) =>
      html.indexOf(`<section id="${id}"`),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of ['map', 'dsm', 'plan', 'cycles', 'services', 'metrics', 'diagnostics'])
      expect(html).toContain(`href="#${id}"`);
  });

  it('draws one focusable node per cluster and one card per cluster', () => {
    const clusters = analysis.partition.clusters;
    expect(html.match(/class="service-node[^"]*" data-service="/g)).toHaveLength(clusters.length);
    for (const item of clusters) {
      expect(html).toContain(`data-service="${item.id}" tabindex="0" role="button"`);
      expect(html).toContain(`data-card="${item.id}"`);
    }
    expect(html).toContain('class="service-node kernel" data-service="shared-kernel"');
    expect(html).toContain('<g class="kernel-band">');
  });

  it('draws each dependency between services once, cycle edges and cuts coloured apart', () => {
    const model = buildReportModel(analysis);
    const between = analysis.plan.dependencies.filter(
      (dep) => model.clusters.get(dep.from)?.kind !== 'kernel' && model.clusters.get(dep.to)?.kind !== 'kernel',
    );
    const drawn = html.slice(html.indexOf('<g class="edges">'), html.indexOf('<g class="nodes">'));
    expect(drawn.match(/<path class="edge edge-(plain|cycle|cut)"/g)).toHaveLength(between.length);
    const cuts = analysis.plan.cycleBreaks.flatMap((cycle) => cycle.cut);
    expect(cuts.length).toBeGreaterThan(0);
    for (const cut of cuts)
      expect(drawn).toMatch(new RegExp(`<path class="edge edge-cut" [^>]*data-from="${cut.from}" data-to="${cut.to}"`));
    expect(drawn.match(/<path class="edge edge-cut"/g)).toHaveLength(
      new Set(cuts.map((cut) => `${cut.from}>${cut.to}`)).size,
    );
  });

  it('shows every plan step with its cost, the migration total and the imports to cut', () => {
    for (const step of analysis.plan.steps) {
      expect(html).toContain(
        `<li class="step${step.clusters.includes('shared-kernel') ? ' kernel-step' : ''}" id="step-${step.rank}">`,
      );
      expect(html).toContain(`<span class="total">${step.cost.total.toFixed(1)}</span>`);
    }
    expect(html).toContain(`<strong>${analysis.plan.migrationImports}</strong> module imports cross a boundary`);
    const site = analysis.plan.cycleBreaks[0]?.imports[0];
    expect(site).toBeDefined();
    if (site !== undefined) expect(html).toContain(`<code class="site">${escapeHtml(site.from)}:${site.line}</code>`);
    expect(html).toContain('<summary>Cut these');
  });

  it('explains every partition metric and lists the signals', () => {
    for (const name of ['modularity Q', 'TurboMQ', 'SM', 'ICP', 'IFN', 'NED', 'CDP'])
      expect(html).toContain(`<th scope="row">${name}</th>`);
    expect(html).toContain('↑ higher');
    expect(html).toContain('↓ lower');
    expect(html).toContain('<th scope="row">semantic</th>');
  });

  it('gives the script every service with its modules and lines', () => {
    const data = JSON.parse(jsonBlock(html)) as { services: { id: string; modules: [string, number][] }[] };
    expect(data.services.map((item) => item.id).sort()).toEqual(
      analysis.partition.clusters.map((item) => item.id).sort(),
    );
    const lines = new Map(analysis.graph.modules.map((item) => [item.id, item.lines]));
    for (const item of data.services) for (const [id, count] of item.modules) expect(count).toBe(lines.get(id));
  });

  it('is byte-identical for the same analysis, also after a JSON round trip', () => {
    expect(renderHtml(analysis)).toBe(html);
    expect(renderHtml(JSON.parse(JSON.stringify(analysis)) as Analysis)).toBe(html);
  });
});

describe('HTML report escaping', () => {
  it('renders a file named like markup as text and keeps it out of the script element', async () => {
    const root = tempProject({
      'a.ts': `import { evil } from './${EVIL_FILE}';\nexport const a = evil();\n`,
      'b.ts': 'export const b = 1;\n',
      [`${EVIL_FILE}.ts`]:
        "import { b } from './b';\nimport { gone } from './gone';\nexport function evil() { return b + gone; }\n",
    });
    const analysis = await analyze({ path: root, cache: false });
    expect(analysis.graph.modules.map((item) => item.id)).toContain(`${EVIL_FILE}.ts`);
    expect(analysis.diagnostics.some((item) => item.file === `${EVIL_FILE}.ts`)).toBe(true);
    const html = renderHtml(analysis);
    writeFileSync(path.join(root, 'report.html'), html);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.ts');
    const block = jsonBlock(html);
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.stringify(JSON.parse(block))).toContain(`${EVIL_FILE}.ts`);
  });

  it('escapes service names, messages and entity names in text, attributes and the JSON block', async () => {
    const base = await analyze({ path: fixture('monolith'), cache: false });
    const evil = `cart</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&\u2028\u2029`;
    const analysis = renameCluster(base, 'cart', evil);
    analysis.diagnostics = [
      {
        code: 'UNRESOLVED_IMPORT',
        message: `cannot resolve '${EVIL_FILE}' </script>`,
        file: `${EVIL_FILE}.ts`,
        line: 3,
      },
    ];
    analysis.plan.data.entities = analysis.plan.data.entities.map((entity) =>
      entity.name === 'Product' ? { ...entity, name: `<b>Product</b>` } : entity,
    );
    analysis.plan.data.services = analysis.plan.data.services.map((item) => ({
      ...item,
      shared: item.shared.map((name) => (name === 'Product' ? '<b>Product</b>' : name)),
    }));
    const html = renderHtml(analysis);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(
      'data-service="cart&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;',
    );
    expect(html).toContain('&lt;b&gt;Product&lt;/b&gt;');
    expect(html).toContain(`<td><code>${escapeHtml(`${EVIL_FILE}.ts:3`)}</code></td>`);
    const block = jsonBlock(html);
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(block) as { services: { id: string }[] };
    expect(data.services.map((item) => item.id)).toContain(evil);
  });

  it('escapes the five HTML metacharacters and makes JSON safe for a script element', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const json = scriptJson({ name: '</script><!--\u2028\u2029&' });
    expect(json).toBe('{"name":"\\u003c/script\\u003e\\u003c!--\\u2028\\u2029\\u0026"}');
    expect(JSON.parse(json)).toEqual({ name: '</script><!--\u2028\u2029&' });
  });
});

describe('service map layout', () => {
  it('sizes nodes by area and keeps every coordinate finite', async () => {
    const analysis = await analyze({ path: fixture('monolith'), cache: false });
    const model = buildReportModel(analysis);
    const layout = layoutServiceMap(analysis, model);
    expect(layout.nodes).toHaveLength(analysis.partition.clusters.length);
    const big = [...layout.nodes].sort((a, b) => b.r - a.r);
    const [first, second] = big;
    if (first === undefined || second === undefined) throw new Error('expected two nodes');
    const lines = (id: string) => model.metrics.get(id)?.lines ?? 0;
    expect((first.r / second.r) ** 2).toBeCloseTo(lines(first.id) / lines(second.id), 3);
    for (const node of layout.nodes) expect([node.x, node.y, node.r].every(Number.isFinite)).toBe(true);
    for (const edge of layout.edges) expect(edge.path).not.toMatch(/NaN|Infinity/);
    expect(layout.nodes.find((node) => node.kernel)?.y).toBeGreaterThan(
      Math.max(...layout.nodes.filter((node) => !node.kernel).map((node) => node.y + node.r)),
    );
  });
});
