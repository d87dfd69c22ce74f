import Table from 'cli-table3';
import type { Analysis } from '../analysis.js';
import { compareStrings } from '../base/compare.js';
import type { PlanStep } from '../plan/types.js';
import { endpointText, eventText, listed, splitText, tableText } from './interfaces-text.js';
import {
  LOW_CONFIDENCE,
  describeOutside,
  metricRows,
  outsideByService,
  packagesByService,
  placements,
  plural,
  type MetricRow,
  type PlacementRow,
} from './explain.js';
import {
  SERVICE_COLUMNS,
  SERVICE_LEGEND,
  importSiteRows,
  plainValue,
  serviceRows,
  shownSignals,
} from './view-model.js';

/** How many imports to cut the text report lists per cycle. */
const CUT_IMPORTS_SHOWN = 10;

/** How many diagnostics the text report lists before summarising the rest. */
const DIAGNOSTICS_SHOWN = 20;

/** The report for people: candidate services table, partition metrics, plan, diagnostics. */
export function renderText(analysis: Analysis): string {
  const { graph, partition, metrics, plan } = analysis;
  const out: string[] = [];
  const serviceCount = partition.clusters.filter((item) => item.kind === 'service').length;
  out.push(
    `seams ${analysis.tool.version}: ${plural(graph.modules.length, 'module')}, ${plural(graph.edges.length, 'import edge')}, ${plural(serviceCount, 'candidate service')}`,
  );
  out.push('');
  out.push('Candidate services');
  const table = new Table({
    head: ['service', ...SERVICE_COLUMNS.map((column) => column.name)],
    colAligns: ['left', ...SERVICE_COLUMNS.map(() => 'right' as const)],
    style: { head: [], border: [] },
  });
  for (const row of serviceRows(analysis))
    table.push([row.id, ...SERVICE_COLUMNS.map((column) => plainValue(column, row.metrics))]);
  out.push(table.toString());
  // Two lines for a terminal's width, ASCII minus in the formula.
  const legend = SERVICE_LEGEND.map((entry) => entry.replace('−', '-'));
  out.push(legend.slice(0, 4).join(' · '));
  out.push(legend.slice(4).join(' · '));
  const kernelSize = Object.keys(partition.kernel).length;
  if (kernelSize > 0) {
    out.push(
      `Shared kernel: ${kernelSize} module${kernelSize === 1 ? '' : 's'} kept out of the services (see "kernel" in --format json for why each)`,
    );
  }
  out.push(...renderPlacements(analysis));
  out.push(...renderPackages(analysis));
  out.push(...renderOutside(analysis));
  out.push('');
  out.push('Partition');
  const rows = metricRows(analysis);
  const line = (row: MetricRow) =>
    `  ${row.name.padEnd(13)} ${row.value.padStart(6)}   ${row.source}; ${row.meaning}, ${row.better} is better`;
  for (const row of rows.filter((item) => item.group === 'partition')) out.push(line(row));
  const signals = shownSignals(analysis).map((signal) => `${signal.name} ×${signal.weight} (${signal.pairs} pairs)`);
  out.push(
    `  signals       ${signals.join(', ') || 'none'}; resolution ${analysis.settings.resolution}${analysis.clustering.sweep ? ' (chosen by --resolution auto)' : ''}`,
  );
  const expected = metrics.partition.expected;
  if (expected !== null) {
    const source = analysis.settings.expected ?? 'the expected partition';
    const missing = expected.missingFromExpected > 0 ? `, ${expected.missingFromExpected} not in it` : '';
    out.push(`  against ${source} (${expected.compared} modules compared${missing}):`);
    for (const row of rows.filter((item) => item.group === 'agreement')) out.push(line(row));
  }
  if (plan.cycles.length > 0) {
    out.push(`  cycles        ${plan.cycles.map((cycle) => cycle.join(' <-> ')).join('; ')}`);
  }
  out.push('');
  out.push(
    `Extraction plan (cheapest first; ${plan.migrationImports} cross-boundary imports over the whole migration)`,
  );
  for (const step of plan.steps) {
    out.push(`  ${String(step.rank).padStart(2)}. ${step.clusters.join(' + ')}: ${step.reason}`);
    out.push(...stepMoves(step));
  }
  out.push(...renderInterfaces(analysis));
  const sharedData = plan.data.entities.filter((entity) => entity.category !== 'owned');
  if (sharedData.length > 0) {
    out.push('');
    out.push(
      `Data shared between services (${plan.data.entities.length} entities, ${sharedData.length} shared or common)`,
    );
    for (const entity of sharedData)
      out.push(`  ${entity.name} (${entity.orm}, ${entity.category}): ${entity.services.join(', ')}`);
  }
  if (plan.mutualDependencies.length > 0) {
    out.push('');
    out.push('Services that import each other (cut the lighter direction to separate them)');
    for (const pair of plan.mutualDependencies) {
      const cut = pair.cut[0];
      if (cut === undefined) continue;
      const sites = pair.imports
        .slice(0, 3)
        .map((item) => `${item.from}:${item.line}`)
        .join(', ');
      out.push(
        `  ${pair.services.join(' <-> ')}: cut ${cut.from} -> ${cut.to} (${cut.imports} import${cut.imports === 1 ? '' : 's'}: ${sites}${pair.imports.length > 3 ? ', …' : ''})`,
      );
    }
  }
  for (const cycle of plan.cycleBreaks) {
    out.push('');
    out.push(
      `Cycle between ${cycle.services.join(', ')}: cut ${cycle.cut.map((item) => `${item.from} -> ${item.to} (${item.imports})`).join(', ')}`,
    );
    const { rows: sites, more } = importSiteRows(cycle.imports, CUT_IMPORTS_SHOWN);
    for (const item of sites)
      out.push(
        `  ${item.site} imports ${item.names.join(', ') || 'the module'} from ${item.to}${item.via === undefined ? '' : ` (through ${item.via})`}`,
      );
    if (more > 0) out.push(`  ... ${more} more (see plan.cycleBreaks in --format json)`);
  }
  out.push('');
  out.push(...renderDiagnostics(analysis));
  return `${out.join('\n')}\n`;
}

/** Items of a step's or a service's lists shown before "and N more". */
const INTERFACE_ITEMS_SHOWN = 8;

/** What moves at a step: the gateway's routes, the monolith's in-process callers, tables, events. */
function stepMoves(step: PlanStep): string[] {
  const lines: string[] = [];
  const indent = '      ';
  if (step.routes.length > 0)
    lines.push(
      `${indent}gateway routes ${step.routes.length}: ${listed(step.routes.map(endpointText), INTERFACE_ITEMS_SHOWN)}`,
    );
  if (step.callers.length > 0)
    lines.push(
      `${indent}in-process callers left in the monolith ${step.callers.length}: ${listed(
        step.callers.map((item) => `${item.from}:${item.line}`),
        INTERFACE_ITEMS_SHOWN,
      )}`,
    );
  if (step.tables.moves.length > 0)
    lines.push(
      `${indent}tables that move ${step.tables.moves.length}: ${listed(step.tables.moves.map(tableText), INTERFACE_ITEMS_SHOWN)}`,
    );
  for (const split of step.tables.splits.slice(0, INTERFACE_ITEMS_SHOWN))
    lines.push(`${indent}table to split or share: ${splitText(split)}`);
  if (step.tables.splits.length > INTERFACE_ITEMS_SHOWN)
    lines.push(
      `${indent}... ${step.tables.splits.length - INTERFACE_ITEMS_SHOWN} more shared tables (plan.steps in --format json)`,
    );
  if (step.events.length > 0)
    lines.push(
      `${indent}events that cross ${step.events.length}: ${listed(step.events.map(eventText), INTERFACE_ITEMS_SHOWN)}`,
    );
  return lines;
}

/** Each service's API (endpoints and operations), tables and events; services with none are left out. */
function renderInterfaces(analysis: Analysis): string[] {
  const operationsOf = new Map(
    analysis.plan.apis.map((api) => [
      api.cluster,
      api.symbols.filter((symbol) => symbol.kind === 'operation').map((symbol) => symbol.symbol),
    ]),
  );
  const withAny = analysis.plan.interfaces.filter(
    (item) => item.endpoints.length + item.tables.length + item.events.length > 0,
  );
  if (withAny.length === 0) return [];
  const { endpoints, tables, events } = analysis.graph;
  const out = [
    '',
    `Service interfaces (${plural(endpoints.length, 'endpoint')}, ${plural(tables.length, 'table')}, ${plural(events.length, 'event channel')} found)`,
  ];
  for (const item of withAny) {
    out.push(`  ${item.cluster}`);
    const operations = operationsOf.get(item.cluster) ?? [];
    if (operations.length > 0)
      out.push(`    operations other services call ${operations.length}: ${listed(operations, INTERFACE_ITEMS_SHOWN)}`);
    if (item.endpoints.length > 0)
      out.push(
        `    endpoints ${item.endpoints.length}: ${listed(item.endpoints.map(endpointText), INTERFACE_ITEMS_SHOWN)}`,
      );
    if (item.tables.length > 0)
      out.push(
        `    tables ${item.tables.length}: ${listed(
          item.tables.map((table) => `${tableText(table)}${table.category === 'owned' ? '' : ` ${table.category}`}`),
          INTERFACE_ITEMS_SHOWN,
        )}`,
      );
    if (item.events.length > 0)
      out.push(`    events ${item.events.length}: ${listed(item.events.map(eventText), INTERFACE_ITEMS_SHOWN)}`);
  }
  return out;
}

/** How many modules each placement list shows before summarising the rest. */
const PLACEMENTS_SHOWN = 15;

/** The composition root, the unattached modules and the low-confidence placements, each with why. */
function renderPlacements(analysis: Analysis): string[] {
  const { shell, unattached, lowConfidence } = placements(analysis);
  const lines: string[] = [];
  const list = (title: string, rows: PlacementRow[], more: string) => {
    if (rows.length === 0) return;
    lines.push('', title);
    for (const row of rows.slice(0, PLACEMENTS_SHOWN))
      lines.push(
        `  ${row.module}${row.cluster === shell[0]?.cluster || row.cluster === unattached[0]?.cluster ? '' : ` (${row.cluster}${row.consensus === null ? '' : `, ${row.consensus.toFixed(2)}`})`}: ${row.why}`,
      );
    if (rows.length > PLACEMENTS_SHOWN)
      lines.push(`  ... ${rows.length - PLACEMENTS_SHOWN} more (see ${more} in --format json)`);
  };
  list(
    `Composition root: ${plural(shell.length, 'module')} that start and wire the application stay in the monolith`,
    shell,
    'placement',
  );
  list(
    `Unattached: ${plural(unattached.length, 'module')} no import or signal ties to a service (no plan step)`,
    unattached,
    'placement',
  );
  list(
    `Low-confidence placements: ${plural(lowConfidence.length, 'module')} to review (consensus below ${LOW_CONFIDENCE}, or placed after clustering)`,
    lowConfidence,
    'confidence',
  );
  return lines;
}

/** How many package names a service lists before summarising the rest. */
const PACKAGES_SHOWN = 8;

/** npm packages each service imports: what its own package.json would need. */
function renderPackages(analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const [id, names] of packagesByService(analysis)) {
    const more = names.length > PACKAGES_SHOWN ? ` +${names.length - PACKAGES_SHOWN} more` : '';
    lines.push(`  ${id}: ${names.slice(0, PACKAGES_SHOWN).join(', ')}${more}`);
  }
  return lines.length === 0 ? [] : ['', 'npm packages per service', ...lines];
}

/** Files outside the analysed folder each service imports: the sibling packages it will depend on. */
function renderOutside(analysis: Analysis): string[] {
  const lines: string[] = [];
  for (const [id, folders] of outsideByService(analysis)) {
    const named = describeOutside(folders);
    const more = named.length > PACKAGES_SHOWN ? ` +${named.length - PACKAGES_SHOWN} more` : '';
    lines.push(`  ${id}: ${named.slice(0, PACKAGES_SHOWN).join(', ')}${more}`);
  }
  return lines.length === 0
    ? []
    : [
        '',
        'Files outside the analysed folder per service (not analysed; --format json lists them per module)',
        ...lines,
      ];
}

function renderDiagnostics(analysis: Analysis): string[] {
  const diagnostics = analysis.diagnostics;
  if (diagnostics.length === 0) return ['Diagnostics: none'];
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  const summary = [...counts.entries()]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([code, count]) => `${count} ${code}`)
    .join(', ');
  const lines = [`Diagnostics: ${summary}`];
  for (const diagnostic of diagnostics.slice(0, DIAGNOSTICS_SHOWN)) {
    const where =
      diagnostic.file === undefined
        ? ''
        : `${diagnostic.file}${diagnostic.line === undefined ? '' : `:${diagnostic.line}`} `;
    lines.push(`  ${where}[${diagnostic.code}] ${diagnostic.message}`);
  }
  if (diagnostics.length > DIAGNOSTICS_SHOWN)
    lines.push(`  ... ${diagnostics.length - DIAGNOSTICS_SHOWN} more (see --format json)`);
  return lines;
}
