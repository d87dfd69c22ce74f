/**
 * What moves at a plan step, as HTML: the gateway's routing table (the strangler fig's facade
 * sends these endpoints to the new service), the monolith's in-process callers, the tables that
 * move or must be split or shared, and the events that cross. Also a service's own interface for
 * its card. Phrases come from report/interfaces-text.ts, shared with the text and Markdown reports.
 */
import type { Endpoint } from '../../graph/types.js';
import type { EventCrossing, PlanStep, ServiceInterface, TableSplit } from '../../plan/types.js';
import { CONFLICT_ADVICE, eventText, tableName } from '../interfaces-text.js';
import { escapeHtml } from './escape.js';
import { formatCount, plural } from './format.js';
import { renderImportSites } from './import-sites.js';

/** Rows of a routing or tables table shown before the rest are counted. */
const ROWS_SHOWN = 100;
/** In-process callers listed per step. */
const CALLERS_SHOWN = 50;

/** The step's routing table, callers, tables and events, each a collapsed block; empty when nothing moves. */
export function renderStepMoves(step: PlanStep): string {
  const blocks: string[] = [];
  if (step.routes.length > 0)
    blocks.push(
      `<details class="moves"><summary>Gateway: route ${escapeHtml(plural(step.routes.length, 'endpoint'))} to the new service</summary>${endpointTable(step.routes)}</details>`,
    );
  if (step.callers.length > 0)
    blocks.push(
      `<details class="moves"><summary>${escapeHtml(plural(step.callers.length, 'in-process call'))} from the monolith into the moved code (each becomes a call to the new service)</summary>${renderImportSites(step.callers, CALLERS_SHOWN)}</details>`,
    );
  const { moves, splits } = step.tables;
  if (moves.length + splits.length > 0) {
    const rows = [
      ...moves.map(
        (table) =>
          `<tr><td><code>${escapeHtml(tableName(table))}</code></td><td>${escapeHtml(table.entity)} <span class="muted">${escapeHtml(table.orm)}</span></td><td>${escapeHtml(table.access)}</td><td>moves with the service</td></tr>`,
      ),
      ...splits.map(
        (split) =>
          `<tr class="split"><td><code>${escapeHtml(tableName(split))}</code></td><td>${escapeHtml(split.entity)} <span class="muted">${escapeHtml(split.orm)}</span></td><td>${escapeHtml(split.access)}</td><td>${splitCell(split)}</td></tr>`,
      ),
    ];
    blocks.push(
      `<details class="moves"><summary>Tables: ${formatCount(moves.length)} move, ${formatCount(splits.length)} to split or share</summary>${table(['table', 'entity', 'this step', 'what to do'], rows)}</details>`,
    );
  }
  if (step.events.length > 0)
    blocks.push(
      `<details class="moves"><summary>${escapeHtml(plural(step.events.length, 'event'))} cross the new boundary (asynchronous contracts to keep)</summary>${eventList(step.events)}</details>`,
    );
  return blocks.join('');
}

/** A service card's endpoints, tables and events; empty when it has none. */
export function renderServiceInterface(item: ServiceInterface | undefined): string {
  if (item === undefined) return '';
  const out: string[] = [];
  if (item.endpoints.length > 0)
    out.push(
      `<details><summary>${escapeHtml(plural(item.endpoints.length, 'endpoint'))}</summary>${endpointTable(item.endpoints)}</details>`,
    );
  if (item.tables.length > 0) {
    const rows = item.tables.map(
      (entry) =>
        `<tr><td><code>${escapeHtml(tableName(entry))}</code></td><td>${escapeHtml(entry.entity)} <span class="muted">${escapeHtml(entry.orm)}</span></td><td>${escapeHtml(entry.access)}</td><td>${escapeHtml(entry.category)}</td></tr>`,
    );
    out.push(
      `<details><summary>${escapeHtml(plural(item.tables.length, 'table'))}</summary>${table(['table', 'entity', 'access', 'ownership'], rows)}</details>`,
    );
  }
  if (item.events.length > 0)
    out.push(
      `<details><summary>${escapeHtml(plural(item.events.length, 'event'))}</summary>${eventList(item.events)}</details>`,
    );
  return out.join('');
}

function endpointTable(endpoints: readonly Endpoint[]): string {
  const rows = endpoints.map(
    (endpoint) =>
      `<tr><td>${escapeHtml(endpoint.method)}</td><td><code>${escapeHtml(endpoint.path)}</code>${endpoint.mounted === false ? ' <span class="tag">router not found mounted</span>' : ''}${endpoint.dynamic === true ? ' <span class="tag">dynamic part</span>' : ''}</td><td><code>${escapeHtml(endpoint.handler)}</code></td><td><code class="site">${escapeHtml(`${endpoint.module}:${endpoint.line}`)}</code></td></tr>`,
  );
  return table(['method', 'path', 'handler', 'declared at'], rows);
}

function splitCell(split: TableSplit): string {
  const others = split.others
    .map(
      (other) =>
        `<span class="chip">${escapeHtml(other.cluster)}</span> ${escapeHtml(other.access)}${other.extracted ? ' <span class="muted">(extracted earlier)</span>' : ''}`,
    )
    .join(', ');
  return `also ${others}: ${escapeHtml(CONFLICT_ADVICE[split.conflict])}`;
}

function eventList(events: readonly EventCrossing[]): string {
  return `<ul class="sites">${events.map((event) => `<li>${escapeHtml(eventText(event))}</li>`).join('')}</ul>`;
}

/** A small table, the rows beyond ROWS_SHOWN counted. */
function table(head: readonly string[], rows: readonly string[]): string {
  const more =
    rows.length > ROWS_SHOWN
      ? `<p class="note">… ${formatCount(rows.length - ROWS_SHOWN)} more in the JSON report</p>`
      : '';
  return `<table class="moves"><thead><tr>${head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows.slice(0, ROWS_SHOWN).join('')}</tbody></table>${more}`;
}
