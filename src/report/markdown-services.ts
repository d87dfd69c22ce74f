/**
 * The per-service cards of the Markdown report: size and coupling, the API other services use,
 * the data it owns or shares, the npm packages it needs and its files.
 */
import type { Analysis } from '../analysis.js';
import type { Cluster, ClusterId } from '../cluster/types.js';
import { compareStrings } from '../base/compare.js';
import type { ApiSurface } from '../plan/types.js';
import { endpointSite, endpointText, eventText, tableText } from './interfaces-text.js';
import { describeOutside, outsideByService, packagesByService, plural, type OutsideFolder } from './explain.js';
import { escapeMarkdown as md, markdownTable, symbolName } from './markdown-text.js';
import { COUPLING_COLUMNS, plainValue, planOrder } from './view-model.js';

/** API names listed per service. */
const API_SYMBOLS_SHOWN = 15;

/** Files listed per service. */
const FILES_SHOWN = 50;

/** One card per service, in extraction order. */
export function serviceCards(analysis: Analysis): string[] {
  const clusters = new Map(analysis.partition.clusters.map((item) => [item.id, item]));
  const packages = packagesByService(analysis);
  const outside = outsideByService(analysis);
  const lines = ['## Services', '', 'One card per candidate service, in extraction order.'];
  for (const id of planOrder(analysis)) {
    const cluster = clusters.get(id);
    if (cluster !== undefined)
      lines.push('', ...serviceCard(analysis, cluster, packages.get(id) ?? [], outside.get(id) ?? []));
  }
  return lines;
}

function serviceCard(analysis: Analysis, cluster: Cluster, packages: string[], outside: OutsideFolder[]): string[] {
  const step = analysis.plan.steps.find((item) => item.clusters.includes(cluster.id));
  const metrics = analysis.metrics.services.find((item) => item.cluster === cluster.id);
  const facts = [
    ...(step === undefined ? [] : [`extraction step ${step.rank}`]),
    plural(cluster.modules.length, 'file'),
    ...(metrics === undefined
      ? []
      : [
          `${metrics.lines} lines`,
          ...COUPLING_COLUMNS.map((column) => `${column.name} ${plainValue(column, metrics)}`),
        ]),
  ];
  return [
    `### ${md(cluster.id)}${cluster.kind === 'kernel' ? ' (shared kernel)' : cluster.kind === 'shell' ? ' (composition root, stays)' : ''}`,
    '',
    facts.join(' · '),
    '',
    ...apiSurface(analysis.plan.apis.find((item) => item.cluster === cluster.id)),
    '',
    ...serviceInterface(analysis, cluster.id),
    dataUse(analysis, cluster.id),
    '',
    `**npm packages**: ${packages.length === 0 ? 'none' : packages.map(md).join(', ')}`,
    '',
    ...(outside.length === 0
      ? []
      : [`**Files outside the analysed folder**: ${describeOutside(outside).map(md).join(', ')}`, '']),
    ...files(analysis, cluster),
  ];
}

function apiSurface(api: ApiSurface | undefined): string[] {
  const symbols = api?.symbols ?? [];
  if (symbols.length === 0) return ['**API surface**: none (no other service imports from it)'];
  const operations = symbols.filter((item) => item.kind === 'operation').length;
  const consumers = [...new Set(symbols.flatMap((item) => item.consumers))].sort(compareStrings);
  const sites = symbols.reduce((sum, item) => sum + item.importSites, 0);
  const lines = [
    `**API surface**: ${plural(operations, 'operation')} and ${plural(symbols.length - operations, 'type')}, imported at ${plural(sites, 'site')} by ${consumers.map(md).join(', ')}`,
    '',
    ...markdownTable(
      ['name', 'kind', 'declared in', 'consumers', 'import sites'],
      ['left', 'left', 'left', 'left', 'right'],
      symbols
        .slice(0, API_SYMBOLS_SHOWN)
        .map((item) => [
          symbolName(item.symbol),
          item.kind,
          md(item.module),
          item.consumers.map(md).join(', '),
          String(item.importSites),
        ]),
    ),
  ];
  if (symbols.length > API_SYMBOLS_SHOWN)
    lines.push('', `… ${symbols.length - API_SYMBOLS_SHOWN} more (see plan.apis in --format json).`);
  return lines;
}

function dataUse(analysis: Analysis, id: ClusterId): string {
  const use = analysis.plan.data.services.find((item) => item.cluster === id);
  if (use === undefined || use.owned.length + use.shared.length + use.common.length === 0)
    return '**Data**: no ORM entities';
  const users = new Map(analysis.plan.data.entities.map((entity) => [entity.name, entity.services]));
  const withOthers = (name: string) => {
    const others = (users.get(name) ?? []).filter((service) => service !== id);
    return others.length === 0 ? md(name) : `${md(name)} (with ${others.map(md).join(', ')})`;
  };
  const list = (names: string[], describe: (name: string) => string) =>
    names.length === 0 ? 'none' : names.map(describe).join(', ');
  return `**Data**: owns ${list(use.owned, md)} · shares ${list(use.shared, withOthers)} · common ${list(use.common, md)}`;
}

function files(analysis: Analysis, cluster: Cluster): string[] {
  const modules = [...cluster.modules].sort(compareStrings);
  const reasons = analysis.partition.kernel;
  const lines = [`<details><summary>${plural(modules.length, 'file')}</summary>`, ''];
  for (const id of modules.slice(0, FILES_SHOWN)) {
    const reason = Object.hasOwn(reasons, id) ? reasons[id] : undefined;
    lines.push(`- ${md(id)}${reason === undefined ? '' : `: ${md(reason)}`}`);
  }
  if (modules.length > FILES_SHOWN) lines.push(`- … ${modules.length - FILES_SHOWN} more`);
  lines.push('', '</details>');
  return lines;
}

/** Endpoints and tables listed per service card. */
const INTERFACE_ITEMS_SHOWN = 25;

/** The service's endpoints, tables and events (nothing when it has none of them). */
function serviceInterface(analysis: Analysis, id: ClusterId): string[] {
  const item = analysis.plan.interfaces.find((entry) => entry.cluster === id);
  if (item === undefined) return [];
  const lines: string[] = [];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`**${title}** (${items.length}):`, '');
    for (const entry of items.slice(0, INTERFACE_ITEMS_SHOWN)) lines.push(`- ${entry}`);
    if (items.length > INTERFACE_ITEMS_SHOWN)
      lines.push(`- … ${items.length - INTERFACE_ITEMS_SHOWN} more (see plan.interfaces in --format json)`);
    lines.push('');
  };
  list(
    'Endpoints',
    item.endpoints.map((endpoint) => `\`${endpointText(endpoint)}\` → ${md(endpointSite(endpoint))}`),
  );
  list(
    'Tables',
    item.tables.map((table) => `${md(tableText(table))}${table.category === 'owned' ? '' : `, ${table.category}`}`),
  );
  list(
    'Events',
    item.events.map((event) => md(eventText(event))),
  );
  return lines;
}
