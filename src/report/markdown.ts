/**
 * The migration report in GitHub-flavoured Markdown, for a wiki page or a pull request: the same
 * content as the HTML report (summary, service map, services, dependency structure matrix,
 * extraction plan, cycles, one card per service, partition metrics, diagnostics).
 */
import type { Analysis } from '../analysis.js';
import { compareStrings } from '../base/compare.js';
import type { PlanStep, ServiceCycle } from '../plan/types.js';
import { endpointSite, endpointText, eventText, splitText, tableText } from './interfaces-text.js';
import { LOW_CONFIDENCE, metricRows, placements, plural, type PlacementRow } from './explain.js';
import { serviceCards } from './markdown-services.js';
import { escapeMarkdown as md, markdownTable, symbolName } from './markdown-text.js';
import { renderMermaid } from './mermaid.js';
import {
  SERVICE_COLUMNS,
  SERVICE_LEGEND,
  SERVICE_LEGEND_SOURCES,
  importSiteRows,
  plainValue,
  planOrder,
  serviceRows,
  shownSignals,
  type ImportSiteRow,
} from './view-model.js';
import { pairKey } from '../base/collections.js';

/** Largest dependency structure matrix shown; past it, the largest services by lines. */
const DSM_MAX_SERVICES = 30;

/** Remote calls listed per plan step. */
const REMOTE_CALLS_SHOWN = 10;

/** Imports to cut listed per cycle or mutual dependency. */
const CUT_IMPORTS_SHOWN = 10;

/** Diagnostics listed in the table. */
const DIAGNOSTICS_SHOWN = 50;

/** The migration report: every section in a fixed order, newline-terminated. */
export function renderMarkdown(analysis: Analysis): string {
  const sections = [
    summary(analysis),
    serviceMap(analysis),
    servicesTable(analysis),
    dependencyMatrix(analysis),
    extractionPlan(analysis),
    cycles(analysis),
    serviceCards(analysis),
    placementsSection(analysis),
    partitionMetrics(analysis),
    diagnostics(analysis),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Rows each placement table lists. */
const PLACEMENTS_SHOWN = 50;

/** The composition root, the unattached modules and the low-confidence placements, each with why. */
function placementsSection(analysis: Analysis): string[] {
  const { shell, unattached, lowConfidence } = placements(analysis);
  const lines = [
    '## Placements to review',
    '',
    `The composition root stays in the monolith as its shell; unattached modules are no service and no plan step; a low-confidence module lands with its service in under ${Math.round(LOW_CONFIDENCE * 100)}% of the Louvain runs, or was placed after clustering.`,
  ];
  const table = (title: string, rows: PlacementRow[], withService: boolean) => {
    lines.push('', `### ${title}`, '');
    if (rows.length === 0) {
      lines.push('None.');
      return;
    }
    const body = rows
      .slice(0, PLACEMENTS_SHOWN)
      .map((row) =>
        withService
          ? [md(row.module), md(row.cluster), row.consensus === null ? '—' : row.consensus.toFixed(2), md(row.why)]
          : [md(row.module), md(row.why)],
      );
    lines.push(
      ...markdownTable(
        withService ? ['module', 'service', 'consensus', 'why'] : ['module', 'why'],
        withService ? ['left', 'left', 'right', 'left'] : ['left', 'left'],
        body,
      ),
    );
    if (rows.length > PLACEMENTS_SHOWN)
      lines.push('', `${plural(rows.length - PLACEMENTS_SHOWN, 'more module')} in the JSON report.`);
  };
  table(`Composition root (${plural(shell.length, 'module')})`, shell, false);
  table(`Unattached (${plural(unattached.length, 'module')})`, unattached, false);
  table(`Low confidence (${plural(lowConfidence.length, 'module')})`, lowConfidence, true);
  return lines;
}

function summary(analysis: Analysis): string[] {
  const { graph, partition, settings } = analysis;
  const kernel = Object.keys(partition.kernel).length;
  const sizeOf = (kind: string) =>
    partition.clusters.filter((item) => item.kind === kind).reduce((sum, item) => sum + item.modules.length, 0);
  const apart = [
    kernel > 0 ? `a shared kernel of ${plural(kernel, 'module')}` : 'no shared kernel',
    ...(sizeOf('shell') > 0 ? [`a composition root of ${plural(sizeOf('shell'), 'module')}`] : []),
    ...(sizeOf('unattached') > 0 ? [`${plural(sizeOf('unattached'), 'unattached module')}`] : []),
  ];
  const tsconfig = settings.tsconfig === null ? 'none (folder scanned)' : md(settings.tsconfig);
  const resolution = `${settings.resolution}${analysis.clustering.sweep === null ? '' : ' (chosen by --resolution auto)'}`;
  const expected = settings.expected === null ? '' : `, expected partition ${md(settings.expected)}`;
  return [
    '# Migration report',
    '',
    `seams ${md(analysis.tool.version)} analysed ${plural(graph.modules.length, 'module')} with ${plural(graph.edges.length, 'import edge')} ` +
      `and proposes ${plural(partition.clusters.filter((item) => item.kind === 'service').length, 'candidate service')}` +
      ` (besides them: ${apart.join(', ')}); ` +
      `modularity Q ${analysis.metrics.partition.modularity.toFixed(3)}. ` +
      `Settings: seed ${settings.seed}, resolution ${resolution}, tsconfig ${tsconfig}${expected}.`,
  ];
}

function serviceMap(analysis: Analysis): string[] {
  return [
    '## Service map',
    '',
    '```mermaid',
    renderMermaid(analysis, 'service').trimEnd(),
    '```',
    '',
    'An arrow points from the importing service to the imported one and counts the module imports behind it. ' +
      'Dashed: type-only imports; red: inside a cycle of services; grey: the shared kernel.',
  ];
}

function servicesTable(analysis: Analysis): string[] {
  const rows = serviceRows(analysis)
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((row) => [
      `${md(row.id)}${row.kind === 'kernel' ? ' (kernel)' : ''}`,
      ...SERVICE_COLUMNS.map((column) => plainValue(column, row.metrics)),
    ]);
  return [
    '## Candidate services',
    '',
    ...markdownTable(
      ['service', ...SERVICE_COLUMNS.map((column) => column.name)],
      ['left', ...SERVICE_COLUMNS.map(() => 'right' as const)],
      rows,
    ),
    '',
    `${SERVICE_LEGEND.join(' · ')} (${SERVICE_LEGEND_SOURCES}).`,
  ];
}

function dependencyMatrix(analysis: Analysis): string[] {
  const order = planOrder(analysis);
  const lines = new Map(analysis.metrics.services.map((service) => [service.cluster, service.lines]));
  const lead = ['## Dependency structure matrix', ''];
  let shown = order;
  if (order.length > DSM_MAX_SERVICES) {
    const largest = new Set(
      [...order]
        .sort((a, b) => (lines.get(b) ?? 0) - (lines.get(a) ?? 0) || compareStrings(a, b))
        .slice(0, DSM_MAX_SERVICES),
    );
    shown = order.filter((id) => largest.has(id));
    lead.push(
      `${order.length} services are too many for one table: showing the ${DSM_MAX_SERVICES} largest by lines (see plan.dependencies in --format json for all).`,
      '',
    );
  }
  const count = new Map(analysis.plan.dependencies.map((item) => [pairKey(item.from, item.to), item.imports]));
  const rows = shown.map((from) => [
    `**${md(from)}**`,
    ...shown.map((to) => (from === to ? '—' : String(count.get(pairKey(from, to)) ?? '·'))),
  ]);
  return [
    ...lead,
    'Each row imports each column: the cell counts module imports from the row service into the column service (`·`: none). Services in extraction order, so imports above the diagonal point to services extracted later.',
    '',
    ...markdownTable(['from ↓ into →', ...shown.map(md)], ['left', ...shown.map(() => 'right' as const)], rows),
  ];
}

function extractionPlan(analysis: Analysis): string[] {
  const { plan } = analysis;
  const lines = [
    '## Extraction plan',
    '',
    `Cheapest first; ${plural(plan.migrationImports, 'cross-boundary import')} over the whole migration. ` +
      'Each step is costed when it moves, as a weighted sum of its terms (see plan-extraction.ts): outbound runtime imports become remote calls and weigh most; ' +
      'contracts are type-only imports back into the monolith, types for a shared package; inbound imports are call sites to rewire; shared entities are data still used in the monolith; lines break ties.',
    '',
  ];
  for (const step of [...plan.steps].sort((a, b) => a.rank - b.rank)) {
    const indent = ' '.repeat(`${step.rank}. `.length);
    const { cost } = step;
    lines.push(
      `${step.rank}. **${step.clusters.map(md).join(' + ')}**: cost ${cost.total} (outbound ${cost.outbound}, contracts ${cost.contracts}, inbound ${cost.inbound}, shared entities ${cost.sharedEntities}, lines ${cost.lines})`,
      `${indent}- why: ${md(step.reason)}`,
      `${indent}- depends on: ${step.dependsOn.length === 0 ? 'nothing extracted earlier' : step.dependsOn.map(md).join(', ')}`,
      `${indent}- remote calls: ${step.remoteCalls.length}`,
    );
    if (step.remoteCalls.length > 0) {
      lines.push('', `${indent}<details><summary>${plural(step.remoteCalls.length, 'remote call')}</summary>`, '');
      const { rows, more } = importSiteRows(step.remoteCalls, REMOTE_CALLS_SHOWN);
      for (const call of rows)
        lines.push(`${indent}- ${md(call.site)} imports ${importedNames(call)} from ${importTarget(call)}`);
      if (more > 0) lines.push(`${indent}- … ${more} more (see plan.steps in --format json)`);
      lines.push('', `${indent}</details>`);
    }
    lines.push(...stepMoves(step, indent));
    lines.push('');
  }
  lines.pop();
  return lines;
}

function cycles(analysis: Analysis): string[] {
  const { plan } = analysis;
  const lines = ['## Cycles and mutual dependencies', ''];
  if (plan.cycleBreaks.length === 0 && plan.mutualDependencies.length === 0) {
    lines.push('No cycles between services: every service can be extracted without cutting an import first.');
    return lines;
  }
  lines.push(
    `${plural(plan.cycleBreaks.length, 'cycle')} between services and ${plural(plan.mutualDependencies.length, 'pair')} of services that import each other.`,
  );
  plan.cycleBreaks.forEach((cycle, index) => {
    const cut = cycle.cut.map((item) => `${md(item.from)} → ${md(item.to)} (${item.imports})`).join(', ');
    lines.push(
      '',
      `### Cycle ${index + 1}: ${cycle.services.map(md).join(', ')}`,
      '',
      `Cut ${plural(cycle.cut.length, 'service dependency', 'service dependencies')} to break it: ${cut}.`,
    );
    lines.push(...cutImports(analysis, cycle, 'plan.cycleBreaks'));
  });
  for (const pair of plan.mutualDependencies) {
    const cut = pair.cut
      .map((item) => `${md(item.from)} → ${md(item.to)} (${plural(item.imports, 'import')})`)
      .join(', ');
    lines.push('', `### Mutual: ${pair.services.map(md).join(' ↔ ')}`, '', `Cut the lighter direction: ${cut}.`);
    lines.push(...cutImports(analysis, pair, 'plan.mutualDependencies'));
  }
  return lines;
}

/** The imports behind a cycle's cut, capped; with the service dependency each belongs to when the cut has several. */
function cutImports(analysis: Analysis, cycle: ServiceCycle, field: string): string[] {
  if (cycle.imports.length === 0) return [];
  const assignment = analysis.partition.assignment;
  const serviceOf = (id: string) => md(Object.hasOwn(assignment, id) ? (assignment[id] ?? '?') : '?');
  const withCut = cycle.cut.length > 1;
  const { rows: sites, more } = importSiteRows(cycle.imports, CUT_IMPORTS_SHOWN);
  const rows = sites.map((item) => [
    ...(withCut ? [`${serviceOf(item.from)} → ${serviceOf(item.to)}`] : []),
    md(item.site),
    importedNames(item),
    importTarget(item),
  ]);
  const head = [...(withCut ? ['cut'] : []), 'import', 'names', 'declared in'];
  const lines = [
    '',
    ...markdownTable(
      head,
      head.map(() => 'left' as const),
      rows,
    ),
  ];
  if (more > 0) lines.push('', `… ${more} more (see ${field} in --format json).`);
  return lines;
}

function importedNames(item: ImportSiteRow): string {
  const names = item.names.length === 0 ? 'the module (side effects)' : item.names.map(symbolName).join(', ');
  if (!item.typeOnly) return names;
  return item.wired ? `${names} (type only, wired by the framework)` : `${names} (type only)`;
}

function importTarget(item: ImportSiteRow): string {
  return item.via === undefined ? md(item.to) : `${md(item.to)} via ${md(item.via)}`;
}

function partitionMetrics(analysis: Analysis): string[] {
  const rows = metricRows(analysis).map((row) => [
    md(row.name),
    row.value,
    row.better,
    `${md(row.meaning)} (${md(row.source)})`,
  ]);
  const signals = shownSignals(analysis).map(
    (signal) => `${md(signal.name)} ×${signal.weight} (${plural(signal.pairs, 'pair')})`,
  );
  const lines = [
    '## Partition metrics',
    '',
    ...markdownTable(['metric', 'value', 'better', 'meaning (source)'], ['left', 'right', 'left', 'left'], rows),
  ];
  const expected = analysis.metrics.partition.expected;
  if (expected !== null) {
    lines.push(
      '',
      `Agreement measured on ${plural(expected.compared, 'module')} present in both partitions${expected.missingFromExpected > 0 ? `; ${expected.missingFromExpected} analysed modules are not in the expected partition` : ''}.`,
    );
  }
  lines.push('', `Clustering signals: ${signals.length === 0 ? 'none' : signals.join(', ')}.`);
  return lines;
}

function diagnostics(analysis: Analysis): string[] {
  const list = analysis.diagnostics;
  if (list.length === 0) return ['## Diagnostics', '', 'None.'];
  const counts = new Map<string, number>();
  for (const item of list) counts.set(item.code, (counts.get(item.code) ?? 0) + 1);
  const byCode = [...counts.entries()]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([code, count]) => [md(code), String(count)]);
  const rows = list
    .slice(0, DIAGNOSTICS_SHOWN)
    .map((item) => [
      md(item.file ?? ''),
      item.line === undefined ? '' : String(item.line),
      md(item.code),
      md(item.message),
    ]);
  const lines = [
    '## Diagnostics',
    '',
    ...markdownTable(['code', 'count'], ['left', 'right'], byCode),
    '',
    ...markdownTable(['file', 'line', 'code', 'message'], ['left', 'right', 'left', 'left'], rows),
  ];
  if (list.length > DIAGNOSTICS_SHOWN) lines.push('', `… ${list.length - DIAGNOSTICS_SHOWN} more (see --format json).`);
  return lines;
}

/** Items listed per step in each of the gateway, callers, tables and events lists. */
const STEP_ITEMS_SHOWN = 20;

/** What moves at a step, as Markdown bullets with collapsed lists: routes, callers, tables, events. */
function stepMoves(step: PlanStep, indent: string): string[] {
  const lines: string[] = [];
  const block = (summary: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${indent}<details><summary>${summary}</summary>`, '');
    for (const item of items.slice(0, STEP_ITEMS_SHOWN)) lines.push(`${indent}- ${item}`);
    if (items.length > STEP_ITEMS_SHOWN)
      lines.push(`${indent}- … ${items.length - STEP_ITEMS_SHOWN} more (see plan.steps in --format json)`);
    lines.push('', `${indent}</details>`);
  };
  block(
    `gateway routes to the new service: ${step.routes.length}`,
    step.routes.map((endpoint) => `\`${endpointText(endpoint)}\` → ${md(endpointSite(endpoint))}`),
  );
  block(
    `in-process callers left in the monolith: ${step.callers.length}`,
    step.callers.map(
      (call) =>
        `${md(`${call.from}:${call.line}`)} imports ${call.symbols.map(symbolName).join(', ') || 'the module'} from ${md(call.to)}`,
    ),
  );
  block(`tables: ${step.tables.moves.length} move, ${step.tables.splits.length} to split or share`, [
    ...step.tables.moves.map((table) => `moves: ${md(tableText(table))}`),
    ...step.tables.splits.map((split) => `split or share: ${md(splitText(split))}`),
  ]);
  block(
    `events that cross: ${step.events.length}`,
    step.events.map((event) => md(eventText(event))),
  );
  return lines;
}
