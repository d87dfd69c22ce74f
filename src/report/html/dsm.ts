/**
 * Dependency structure matrix (DSM, Steward 1981; for software, Sangal et al. OOPSLA 2005):
 * services × services in extraction order, row imports column. Cells above the diagonal are back
 * edges: the row service still imports one extracted after it.
 */
import type { Analysis } from '../../analysis.js';
import type { ClusterId } from '../../cluster/types.js';
import type { ServiceDependency } from '../../graph/types.js';
import { escapeHtml } from './escape.js';
import { formatCount, plural } from './format.js';
import { dependencyKey, isKernel, type ReportModel } from './report-model.js';

/** Services the matrix shows at most (the most coupled ones, still in plan order). */
export const DSM_MAX_SERVICES = 80;

/** Colour levels of the heat map. */
const LEVELS = 8;

/** The DSM section. */
export function renderDsm(analysis: Analysis, model: ReportModel): string {
  const deps = new Map<string, ServiceDependency>(
    analysis.plan.dependencies.map((dep) => [dependencyKey(dep.from, dep.to), dep]),
  );
  const ids = shownServices(analysis, model);
  const shown = new Set(ids);
  const within = analysis.plan.dependencies.filter((dep) => shown.has(dep.from) && shown.has(dep.to));
  const internal = internalEdges(analysis);
  // The kernel's column would take the whole colour scale; its cells are scaled on their own.
  const touchesKernel = (dep: ServiceDependency) => isKernel(model, dep.from) || isKernel(model, dep.to);
  const max = within.filter((dep) => !touchesKernel(dep)).reduce((best, dep) => Math.max(best, dep.imports), 1);
  const kernelMax = within.filter(touchesKernel).reduce((best, dep) => Math.max(best, dep.imports), 1);
  const multiStep = new Set(analysis.plan.steps.filter((step) => step.clusters.length > 1).map((step) => step.rank));
  const out: string[] = [];
  out.push('<section id="dsm" class="section"><h2>Dependency structure matrix</h2>');
  const back = within.filter((dep) => isBackEdge(model, dep.from, dep.to)).length;
  out.push(
    `<p class="lead">Row imports column; each cell counts module imports. Services are in extraction order, so a cell above the diagonal is a back edge: the row still imports a service extracted after it, and those imports become remote calls or must be cut. ${escapeHtml(plural(back, 'back edge'))} here.</p>`,
  );
  if (ids.length < analysis.partition.clusters.length) {
    out.push(
      `<p class="note">Showing the ${formatCount(ids.length)} most coupled of ${formatCount(analysis.partition.clusters.length)} services; the JSON report has every dependency.</p>`,
    );
  }
  out.push(
    '<div class="dsm-layout"><div class="dsm-scroll"><table class="dsm"><thead><tr><th class="corner" scope="col"><span>row imports column</span></th>',
  );
  for (const id of ids) {
    out.push(
      `<th scope="col" title="${escapeHtml(`${id} (step ${model.stepOf.get(id) ?? '?'})`)}"><span>${escapeHtml(id)}</span></th>`,
    );
  }
  out.push('</tr></thead><tbody>');
  for (const row of ids) {
    const cells: string[] = [];
    for (const column of ids) {
      const classes: string[] = [];
      const step = model.stepOf.get(row);
      const together = row !== column && step === model.stepOf.get(column) && multiStep.has(step ?? 0);
      if (step !== undefined && multiStep.has(step) && step === model.stepOf.get(column))
        classes.push(...blockEdges(ids, model, row, column));
      if (row === column) {
        const count = internal.get(row) ?? 0;
        classes.push('diagonal');
        cells.push(
          `<td class="${classes.join(' ')}" title="${escapeHtml(`${row}: ${plural(count, 'import')} inside the service`)}">${count > 0 ? formatCount(count) : ''}</td>`,
        );
        continue;
      }
      const dep = deps.get(dependencyKey(row, column));
      if (dep === undefined) {
        cells.push(classes.length > 0 ? `<td class="${classes.join(' ')}"></td>` : '<td></td>');
        continue;
      }
      const scale = touchesKernel(dep) ? kernelMax : max;
      classes.push(`h${Math.min(LEVELS, Math.max(1, Math.ceil(LEVELS * Math.sqrt(dep.imports / scale))))}`);
      const backEdge = isBackEdge(model, row, column);
      if (backEdge) classes.push('back');
      if (model.cut.has(dependencyKey(row, column))) classes.push('cut');
      const typeOnly = dep.typeOnly > 0 ? ` (${formatCount(dep.typeOnly)} type-only)` : '';
      const why = backEdge
        ? ` · back edge: ${row} (step ${model.stepOf.get(row)}) imports ${column} (step ${model.stepOf.get(column)})`
        : together
          ? ' · same step: they move together'
          : '';
      const cut = model.cut.has(dependencyKey(row, column)) ? ' · cut to break the cycle' : '';
      cells.push(
        `<td class="${classes.join(' ')}" title="${escapeHtml(`${row} → ${column}: ${plural(dep.imports, 'import')}${typeOnly}${why}${cut}`)}">${formatCount(dep.imports)}</td>`,
      );
    }
    out.push(
      `<tr><th scope="row"><span class="rank">${model.stepOf.get(row) ?? ''}</span>${escapeHtml(row)}</th>${cells.join('')}</tr>`,
    );
  }
  out.push('</tbody></table></div>');
  const scale = Array.from({ length: LEVELS }, (_, i) => `<span class="h${i + 1}"></span>`).join('');
  out.push(
    [
      '<ul class="dsm-key">',
      `<li><span class="scale" aria-hidden="true">${scale}</span> imports, 1 to ${formatCount(max)} between services${within.some(touchesKernel) ? `; the kernel's cells on their own scale, up to ${formatCount(kernelMax)}` : ''}</li>`,
      '<li><span class="key-cell back" aria-hidden="true"></span> back edge: above the diagonal, the row is extracted first</li>',
      '<li><span class="key-cell cut" aria-hidden="true"></span> a dependency to cut to break a cycle</li>',
      multiStep.size > 0
        ? '<li><span class="key-cell block-top block-bottom block-left block-right" aria-hidden="true"></span> services extracted together in one step</li>'
        : '',
      '<li><span class="key-cell diagonal" aria-hidden="true">12</span> imports inside the service</li>',
      '<li>Hover a cell for the numbers. The number before a row is its extraction step.</li>',
      '</ul></div>',
    ].join(''),
  );
  out.push('</section>');
  return out.join('\n');
}

/** Border classes that draw a box around the block of services extracted in one step. */
function blockEdges(ids: readonly ClusterId[], model: ReportModel, row: ClusterId, column: ClusterId): string[] {
  const step = model.stepOf.get(row);
  const at = (id: ClusterId, offset: number) => model.stepOf.get(ids[ids.indexOf(id) + offset] ?? '') === step;
  const edges: string[] = [];
  if (!at(row, -1)) edges.push('block-top');
  if (!at(row, 1)) edges.push('block-bottom');
  if (!at(column, -1)) edges.push('block-left');
  if (!at(column, 1)) edges.push('block-right');
  return edges;
}

/** True when `from` is extracted before `to` but imports it. */
function isBackEdge(model: ReportModel, from: ClusterId, to: ClusterId): boolean {
  return (model.stepOf.get(to) ?? 0) > (model.stepOf.get(from) ?? 0);
}

/** The services shown, in plan order; above the cap, the ones with the most imports across boundaries. */
function shownServices(analysis: Analysis, model: ReportModel): ClusterId[] {
  if (model.order.length <= DSM_MAX_SERVICES) return model.order;
  const traffic = new Map<ClusterId, number>();
  for (const dep of analysis.plan.dependencies) {
    traffic.set(dep.from, (traffic.get(dep.from) ?? 0) + dep.imports);
    traffic.set(dep.to, (traffic.get(dep.to) ?? 0) + dep.imports);
  }
  const keep = new Set(
    [...model.order]
      .map((id, index) => ({ id, index, traffic: traffic.get(id) ?? 0 }))
      .sort((a, b) => b.traffic - a.traffic || a.index - b.index)
      .slice(0, DSM_MAX_SERVICES)
      .map((item) => item.id),
  );
  return model.order.filter((id) => keep.has(id));
}

/** Module dependencies inside each cluster. */
function internalEdges(analysis: Analysis): Map<ClusterId, number> {
  const counts = new Map<ClusterId, number>();
  const assignment = analysis.partition.assignment;
  for (const dep of analysis.graph.dependencies) {
    const from = assignment[dep.from];
    if (from !== undefined && from === assignment[dep.to]) counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  return counts;
}
