import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS_SHOWN } from '../../src/report/html/diagnostics-section.js';
import { DSM_MAX_SERVICES } from '../../src/report/html/dsm.js';
import { MAP_EDGES_DRAWN } from '../../src/report/html/map-layout.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { largeAnalysis } from './large-analysis.js';

describe('HTML report of a large project', () => {
  it('stays a reasonable size: services only in the SVG, capped edges, matrix, lists and diagnostics', () => {
    const analysis = largeAnalysis(300, 67);
    expect(analysis.graph.modules.length).toBeGreaterThan(20_000);
    const started = performance.now();
    const html = renderHtml(analysis);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(Buffer.byteLength(html)).toBeLessThan(8_000_000);
    expect(html.match(/class="service-node[^"]*" data-service="/g)).toHaveLength(301);
    const svg = html.slice(
      html.indexOf('<svg id="service-map"'),
      html.indexOf('</svg>', html.indexOf('<svg id="service-map"')),
    );
    expect(svg.match(/<path class="edge edge-(plain|cycle|cut)"/g)).toHaveLength(MAP_EDGES_DRAWN);
    expect(svg).not.toContain('module-');
    expect(html).toContain(`lighter ones are in the matrix below`);
    const matrix = html.slice(
      html.indexOf('<table class="dsm">'),
      html.indexOf('</table>', html.indexOf('<table class="dsm">')),
    );
    expect(matrix.match(/<tr>/g)).toHaveLength(DSM_MAX_SERVICES + 1);
    expect(html).toContain(`Showing the ${DSM_MAX_SERVICES} most coupled of 301 services`);
    const diagnostics = html.slice(html.indexOf('<section id="diagnostics"'));
    expect(diagnostics.match(/<tr><td><code>UNRESOLVED_IMPORT<\/code>/g)).toHaveLength(DIAGNOSTICS_SHOWN);
    expect(diagnostics).toContain(
      `${(5000 - DIAGNOSTICS_SHOWN).toLocaleString('en-US')} more diagnostics in the JSON report`,
    );
    expect(html).toContain('… 800 more in the JSON report');
    expect(html).toContain('… 18 more in the JSON report');
    expect(html).toContain('… 100 more pairs in the JSON report');
    expect(renderHtml(analysis)).toBe(html);
  });
});
