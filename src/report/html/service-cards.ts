/**
 * One card per service, in extraction order: size, coupling metrics (Martin 1994; IFN, Jin et al.
 * 2019), API surface (operations vs types, with consumers), data entities and npm packages.
 */
import type { Analysis } from '../../analysis.js';
import type { ModuleId } from '../../extract/types.js';
import { compareStrings } from '../../base/compare.js';
import type { ApiSymbol } from '../../plan/types.js';
import { outsideByService, packagesByService } from '../explain.js';
import { escapeHtml } from './escape.js';
import { fixed, formatCount, plural } from './format.js';
import type { ReportModel } from './report-model.js';
import { renderServiceInterface } from './step-moves.js';
import { SERVICE_COLUMNS, type ServiceColumn } from '../view-model.js';

/** API names listed per kind before summarising. */
const API_SHOWN = 10;
/** npm packages listed per service before summarising. */
const PACKAGES_SHOWN = 24;
/** Kernel reasons listed before summarising. */
const REASONS_SHOWN = 200;

/** The section of service cards. */
export function renderServiceCards(analysis: Analysis, model: ReportModel): string {
  const packages = packagesByService(analysis);
  const outside = outsideByService(analysis);
  const apis = new Map(analysis.plan.apis.map((item) => [item.cluster, item.symbols]));
  const data = new Map(analysis.plan.data.services.map((item) => [item.cluster, item]));
  const interfaces = new Map(analysis.plan.interfaces.map((item) => [item.cluster, item]));
  const entityUsers = new Map(analysis.plan.data.entities.map((entity) => [entity.name, entity.services]));
  const cards = model.order.map((id, index) => {
    const cluster = model.clusters.get(id);
    const metrics = model.metrics.get(id);
    const step = model.stepOf.get(id);
    const kernel = cluster?.kind === 'kernel';
    const shell = cluster?.kind === 'shell';
    const tags = [
      kernel ? '<span class="tag kernel">shared kernel</span>' : '',
      shell ? '<span class="tag">composition root, stays</span>' : '',
      cluster?.pinned === true && !shell ? '<span class="tag">pinned</span>' : '',
      step === undefined ? '' : `<a class="tag step-link" href="#step-${step}">step ${step}</a>`,
    ].join('');
    const label =
      cluster !== undefined && !kernel && cluster.label !== id
        ? ` <span class="muted">${escapeHtml(cluster.label)}</span>`
        : '';
    const out: string[] = [
      `<article class="card${kernel ? ' kernel' : ''}" id="card-${index + 1}" data-card="${escapeHtml(id)}">`,
    ];
    out.push(`<header><h3>${escapeHtml(id)}${label}</h3>${tags}</header>`);
    if (metrics !== undefined) {
      const stat = (column: ServiceColumn) => {
        const value = column.value(metrics);
        const shown = column.kind === 'ratio' ? fixed(value, 2) : formatCount(value);
        return `<div><dt title="${escapeHtml(column.title)}">${column.name}</dt><dd>${shown}</dd></div>`;
      };
      out.push(`<dl class="stats">${SERVICE_COLUMNS.map(stat).join('')}</dl>`);
    }
    out.push(renderApi(apis.get(id) ?? []));
    const contract = renderServiceInterface(interfaces.get(id));
    if (contract !== '') out.push(`<h4>Endpoints, tables and events</h4>${contract}`);
    const entities = data.get(id);
    if (entities !== undefined && entities.owned.length + entities.shared.length + entities.common.length > 0) {
      const users = (name: string) => (entityUsers.get(name) ?? []).filter((other) => other !== id);
      out.push('<h4>Data entities</h4><ul class="entities">');
      if (entities.owned.length > 0)
        out.push(
          `<li><span class="kind">owns</span> ${entities.owned.map((name) => `<span class="chip owned">${escapeHtml(name)}</span>`).join(' ')}</li>`,
        );
      if (entities.shared.length > 0) {
        out.push(
          `<li><span class="kind">shares</span> ${entities.shared.map((name) => `<span class="chip shared" title="${escapeHtml(`also used by ${users(name).join(', ')}`)}">${escapeHtml(name)} <span class="with">with ${escapeHtml(users(name).join(', '))}</span></span>`).join(' ')}</li>`,
        );
      }
      if (entities.common.length > 0)
        out.push(
          `<li><span class="kind">common</span> ${entities.common.map((name) => `<span class="chip common" title="${escapeHtml(`used by ${plural(users(name).length + 1, 'service')}`)}">${escapeHtml(name)}</span>`).join(' ')}</li>`,
        );
      out.push('</ul>');
    }
    const names = packages.get(id) ?? [];
    if (names.length > 0) {
      const more =
        names.length > PACKAGES_SHOWN
          ? ` <span class="muted">+${formatCount(names.length - PACKAGES_SHOWN)} more</span>`
          : '';
      out.push(
        `<h4>npm packages</h4><p class="packages">${names
          .slice(0, PACKAGES_SHOWN)
          .map((name) => `<code>${escapeHtml(name)}</code>`)
          .join(' ')}${more}</p>`,
      );
    }
    const folders = outside.get(id) ?? [];
    if (folders.length > 0) {
      out.push(
        `<h4>Outside the analysed folder</h4><p class="packages">${folders.map((item) => `<code title="${escapeHtml(item.files.join('\n'))}">${escapeHtml(item.folder)}</code> ${escapeHtml(plural(item.files.length, 'file'))}`).join(' ')}</p>`,
      );
    }
    if (kernel) out.push(renderKernelReasons(analysis, cluster?.modules ?? []));
    out.push('</article>');
    return out.join('');
  });
  return `<section id="services" class="section"><h2>Services</h2><p class="lead">In extraction order. Hover a metric's name for its meaning.</p><div class="cards">\n${cards.join('\n')}\n</div></section>`;
}

/** Consumers listed by name before they are counted. */
const CONSUMERS_NAMED = 3;

/** Operations (imported as values: remote calls) and types (shared contracts), most used first, in one table. */
function renderApi(symbols: readonly ApiSymbol[]): string {
  if (symbols.length === 0)
    return '<h4>API surface</h4><p class="muted">Nothing is imported from it by other services.</p>';
  const byUse = (a: ApiSymbol, b: ApiSymbol) =>
    b.importSites - a.importSites ||
    b.consumers.length - a.consumers.length ||
    compareStrings(a.symbol, b.symbol) ||
    compareStrings(a.module, b.module);
  const operations = symbols.filter((item) => item.kind === 'operation').length;
  const types = symbols.length - operations;
  const rows = [...symbols]
    .sort(byUse)
    .slice(0, API_SHOWN)
    .map((item) => {
      const consumers =
        item.consumers.length > CONSUMERS_NAMED ? plural(item.consumers.length, 'service') : item.consumers.join(', ');
      const kind =
        item.kind === 'operation' ? '<span class="kind op">op</span>' : '<span class="kind type">type</span>';
      const everyone =
        item.consumers.length > CONSUMERS_NAMED ? ` title="${escapeHtml(item.consumers.join(', '))}"` : '';
      return `<tr><td><code title="${escapeHtml(item.module)}">${escapeHtml(item.symbol)}</code></td><td>${kind}</td><td${everyone}>${escapeHtml(consumers)}</td><td class="num">${formatCount(item.importSites)}</td></tr>`;
    })
    .join('');
  const more =
    symbols.length > API_SHOWN
      ? `<p class="muted more-api">+${formatCount(symbols.length - API_SHOWN)} more in the JSON report</p>`
      : '';
  return (
    `<h4>API surface <span class="muted">${escapeHtml(plural(operations, 'operation'))}, ${escapeHtml(plural(types, 'type'))}</span></h4>` +
    `<table class="api"><thead><tr><th scope="col">name</th><th scope="col" title="op: imported as a value, a remote call once extracted; type: imported only as a type, a shared contract">kind</th><th scope="col">used by</th><th scope="col" class="num">sites</th></tr></thead><tbody>${rows}</tbody></table>${more}`
  );
}

/** Why each kernel module was recognised as kernel. */
function renderKernelReasons(analysis: Analysis, modules: readonly ModuleId[]): string {
  const rows = modules.filter((id) => analysis.partition.kernel[id] !== undefined);
  if (rows.length === 0) return '';
  const items = rows
    .slice(0, REASONS_SHOWN)
    .map((id) => `<li><code>${escapeHtml(id)}</code> ${escapeHtml(analysis.partition.kernel[id] ?? '')}</li>`);
  const more =
    rows.length > REASONS_SHOWN ? `<li class="more">… ${formatCount(rows.length - REASONS_SHOWN)} more</li>` : '';
  return `<details><summary>Why these ${escapeHtml(plural(rows.length, 'module'))} are kernel</summary><ul class="sites">${items.join('')}${more}</ul></details>`;
}
