/**
 * The HTML migration report: one self-contained file (inline style and script, no network; a
 * Content-Security-Policy forbids any fetch) with the service map first, then the dependency
 * matrix, the extraction plan, a card per service, the partition metrics and the diagnostics.
 * Pure and deterministic: the same analysis gives byte-identical HTML.
 */
import { createHash } from 'node:crypto';
import type { Analysis } from '../../analysis.js';
import { buildClientData } from './client-data.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { renderDiagnostics } from './diagnostics-section.js';
import { renderDsm } from './dsm.js';
import { escapeHtml, scriptJson } from './escape.js';
import { fixed, formatCount, plural } from './format.js';
import { renderMetrics } from './metrics-section.js';
import { renderPlacements } from './placements-section.js';
import { renderPlan } from './plan-section.js';
import { buildReportModel, type ReportModel } from './report-model.js';
import { renderServiceCards } from './service-cards.js';
import { renderServiceMap } from './service-map.js';
import { STYLES } from './styles.js';
import { shownSignals } from '../view-model.js';

/** Renders the analysis as one self-contained HTML page. */
export function renderHtml(analysis: Analysis): string {
  const model = buildReportModel(analysis);
  const scriptHash = createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64');
  const policy = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  const services = analysis.partition.clusters.filter((item) => item.kind === 'service').length;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<meta name="generator" content="seams ${escapeHtml(analysis.tool.version)}">`,
    `<title>seams migration report: ${escapeHtml(plural(services, 'candidate service'))}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    renderHeader(analysis, model),
    renderNav(analysis),
    '<main class="wrap">',
    renderServiceMap(analysis, model),
    renderDsm(analysis, model),
    renderPlan(analysis, model),
    renderServiceCards(analysis, model),
    renderPlacements(analysis),
    renderMetrics(analysis),
    renderDiagnostics(analysis),
    '</main>',
    `<footer class="wrap">Made by seams ${escapeHtml(analysis.tool.version)}. This page is self-contained: it loads nothing from the network.</footer>`,
    '<div id="tooltip" role="tooltip" hidden></div>',
    `<script type="application/json" id="seams-data">${scriptJson(buildClientData(analysis, model))}</script>`,
    `<script>${CLIENT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderHeader(analysis: Analysis, model: ReportModel): string {
  const { graph, partition, metrics, plan, settings } = analysis;
  const services = partition.clusters.filter((item) => item.kind === 'service').length;
  const kernelFiles = partition.clusters
    .filter((item) => item.kind === 'kernel')
    .reduce((sum, item) => sum + item.modules.length, 0);
  const shell = partition.clusters.some((item) => item.kind === 'shell') ? ' + composition root' : '';
  const cyclic = plan.cycles.reduce((sum, cycle) => sum + cycle.length, 0);
  const tiles: [string, string][] = [
    [formatCount(graph.modules.length), 'modules'],
    [formatCount(graph.edges.length), 'import edges'],
    [
      formatCount(services),
      kernelFiles > 0 ? `services + kernel (${plural(kernelFiles, 'file')})${shell}` : `services${shell}`,
    ],
    [fixed(metrics.partition.modularity, 3), 'modularity Q'],
    [
      plan.cycles.length === 0 ? 'none' : `${formatCount(cyclic)} of ${formatCount(services)}`,
      plan.cycles.length === 0
        ? 'cycles between services'
        : `services on ${plan.cycles.length === 1 ? 'a cycle' : `${formatCount(plan.cycles.length)} cycles`}`,
    ],
    [formatCount(model.cut.size), 'dependencies to cut'],
    [formatCount(plan.migrationImports), 'imports to move or rewire'],
    [formatCount(analysis.diagnostics.length), 'diagnostics'],
  ];
  const signals = shownSignals(analysis)
    .map((signal) => `${signal.name} ×${signal.weight}`)
    .join(', ');
  const facts = [
    `tsconfig <code>${escapeHtml(settings.tsconfig ?? 'none (folder scanned)')}</code>`,
    `seed <code>${escapeHtml(String(settings.seed))}</code>`,
    `resolution <code>${escapeHtml(String(settings.resolution))}</code>${analysis.clustering.sweep === null ? '' : ' (auto)'}`,
    `signals <code>${escapeHtml(signals === '' ? 'none' : signals)}</code>`,
    `expected partition <code>${escapeHtml(settings.expected ?? 'none')}</code>`,
    `git history ${analysis.clustering.history === null ? 'not read' : escapeHtml(plural(analysis.clustering.history.commits, 'commit'))}`,
  ];
  return [
    '<header class="top"><div class="wrap">',
    `<h1>Migration report<span class="muted">seams ${escapeHtml(analysis.tool.version)}</span></h1>`,
    `<ul class="tiles">${tiles.map(([value, name]) => `<li><span class="value">${escapeHtml(value)}</span><span class="name">${escapeHtml(name)}</span></li>`).join('')}</ul>`,
    `<p class="settings">${facts.join(' · ')}</p>`,
    '</div></header>',
  ].join('\n');
}

function renderNav(analysis: Analysis): string {
  const links: [string, string][] = [
    ['map', 'Service map'],
    ['dsm', 'Dependency matrix'],
    ['plan', 'Extraction plan'],
    ['cycles', 'Cycles'],
    ['services', 'Services'],
    ['placements', 'Placements'],
    ['metrics', 'Metrics'],
    ['diagnostics', `Diagnostics (${formatCount(analysis.diagnostics.length)})`],
  ];
  return `<nav class="toc" aria-label="Sections"><ol>${links.map(([id, text]) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`).join('')}</ol></nav>`;
}
