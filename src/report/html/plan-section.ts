/**
 * The extraction plan as a timeline: each step with its cost as a bar proportional to the total
 * and split into its weighted terms (3·outbound + contracts + inbound + 2·shared entities +
 * lines/1000, see plan/plan-extraction.ts), then the cycles and mutual dependencies with the
 * imports to cut.
 */
import type { Analysis } from '../../analysis.js';
import type { PlanStep, ServiceCycle } from '../../plan/types.js';
import { escapeHtml } from './escape.js';
import { fixed, formatCount, plural } from './format.js';
import { renderImportSites } from './import-sites.js';
import { renderStepMoves } from './step-moves.js';

/** Remote calls listed per step, and import sites per mutual pair, before the rest are counted. */
const STEP_SITES_SHOWN = 12;
/** Mutual pairs listed before the rest are counted. */
const PAIRS_SHOWN = 100;
import { isKernel, type ReportModel } from './report-model.js';

/** The plan section. */
export function renderPlan(analysis: Analysis, model: ReportModel): string {
  const { plan } = analysis;
  // A library step (the kernel) often costs ten times any service step; when it exceeds twice the
  // largest service step, the bars are scaled on the service steps and the library's bar is shown cut.
  const serviceTotals = plan.steps.filter((step) => !isLibraryStep(step, model)).map((step) => step.cost.total);
  const allTotals = plan.steps.map((step) => step.cost.total);
  const serviceMax = Math.max(0, ...serviceTotals);
  const maxTotal =
    serviceMax > 0 && Math.max(0, ...allTotals) > 2 * serviceMax ? serviceMax : Math.max(0, ...allTotals);
  const out: string[] = [];
  out.push('<section id="plan" class="section"><h2>Extraction plan</h2>');
  out.push(
    `<p class="lead">${escapeHtml(plural(plan.steps.length, 'step'))}, cheapest first. Over the whole migration <strong>${formatCount(plan.migrationImports)}</strong> module imports cross a boundary when their step moves (inbound call sites to rewire plus outbound imports that become remote calls). Bars are proportional to each step's cost${maxTotal < Math.max(0, ...allTotals) ? ' (a library step off that scale is drawn cut, <span class="break-sample" aria-hidden="true"></span>, with its total beside it)' : ''}:</p>`,
  );
  out.push(
    '<p class="cost-legend"><span class="seg outbound"></span>3 × outbound (remote calls) <span class="seg contracts"></span>type-only outbound (shared contracts) <span class="seg inbound"></span>inbound (call sites to rewire) <span class="seg shared"></span>2 × shared data entities <span class="seg lines"></span>lines ÷ 1000</p>',
  );
  out.push('<ol class="timeline">');
  for (const step of plan.steps) out.push(renderStep(step, maxTotal, model));
  out.push('</ol>');
  out.push(renderCycles(analysis));
  out.push('</section>');
  return out.join('\n');
}

/** True when every service of the step is a shared kernel: it is published as a library. */
function isLibraryStep(step: PlanStep, model: ReportModel): boolean {
  return step.clusters.length > 0 && step.clusters.every((id) => isKernel(model, id));
}

function renderStep(step: PlanStep, maxTotal: number, model: ReportModel): string {
  const { cost } = step;
  const kernel = isLibraryStep(step, model);
  const terms: { name: string; value: number; text: string }[] = [
    { name: 'outbound', value: 3 * cost.outbound, text: `${plural(cost.outbound, 'outbound import')} × 3` },
    { name: 'contracts', value: cost.contracts, text: plural(cost.contracts, 'type-only import') },
    { name: 'inbound', value: cost.inbound, text: plural(cost.inbound, 'inbound import') },
    {
      name: 'shared',
      value: 2 * cost.sharedEntities,
      text: `${plural(cost.sharedEntities, 'shared entity', 'shared entities')} × 2`,
    },
    { name: 'lines', value: cost.lines / 1000, text: `${plural(cost.lines, 'line')} ÷ 1000` },
  ];
  const sum = terms.reduce((total, term) => total + term.value, 0) || 1;
  const offScale = maxTotal > 0 && cost.total > maxTotal;
  const width = offScale ? 100 : maxTotal > 0 ? (cost.total / maxTotal) * 100 : 0;
  const segments = terms
    .filter((term) => term.value > 0)
    .map(
      (term) =>
        `<span class="seg ${term.name}" style="width:${fixed((term.value / sum) * 100, 2)}%" title="${escapeHtml(`${term.text} = ${fixed(term.value, 3)}`)}"></span>`,
    )
    .join('');
  const names = step.clusters
    .map((id) => `<span class="step-service${isKernel(model, id) ? ' kernel' : ''}">${escapeHtml(id)}</span>`)
    .join(' + ');
  const after =
    step.dependsOn.length === 0
      ? ''
      : `<p class="after">after ${step.dependsOn.map((id) => `<span class="chip">${escapeHtml(id)}</span>`).join(' ')}</p>`;
  const remote =
    step.remoteCalls.length === 0
      ? ''
      : `<details><summary>${escapeHtml(step.remoteCalls.length === 1 ? '1 import back into the monolith becomes a remote call' : `${plural(step.remoteCalls.length, 'import')} back into the monolith become remote calls`)}</summary>${renderImportSites(step.remoteCalls, STEP_SITES_SHOWN)}</details>`;
  return [
    `<li class="step${kernel ? ' kernel-step' : ''}" id="step-${step.rank}">`,
    `<div class="rank" aria-label="step ${step.rank}">${step.rank}</div><div class="step-body">`,
    `<h3>${names}${kernel ? ' <span class="tag">library</span>' : ''}</h3>`,
    `<p class="reason">${escapeHtml(step.reason)}</p>`,
    `<div class="cost"><div class="bar-track"><div class="bar${offScale ? ' off-scale' : ''}" style="width:${fixed(width, 2)}%">${segments}</div></div><span class="total">${fixed(cost.total, 1)}</span></div>`,
    `<p class="terms">${terms
      .filter((term) => term.value > 0)
      .map((term) => escapeHtml(term.text))
      .join(' · ')}</p>`,
    after,
    remote,
    renderStepMoves(step),
    '</div></li>',
  ].join('');
}

function renderCycles(analysis: Analysis): string {
  const { cycleBreaks, mutualDependencies } = analysis.plan;
  const out: string[] = ['<h3 id="cycles">Cycles between services</h3>'];
  if (cycleBreaks.length === 0)
    out.push(
      '<p>No cycles: the services form a directed acyclic graph, so any reverse topological order extracts them without remote calls back.</p>',
    );
  cycleBreaks.forEach((cycle, index) => {
    out.push(`<div class="cycle"><h4>Cycle ${index + 1}: ${escapeHtml(plural(cycle.services.length, 'service'))}</h4>`);
    out.push(`<p>${cycle.services.map((id) => `<span class="chip">${escapeHtml(id)}</span>`).join(' ')}</p>`);
    out.push(
      `<p>Cut these ${escapeHtml(plural(cycle.cut.length, 'dependency', 'dependencies'))} to break it (a small feedback arc set, Eades–Lin–Smyth):</p>`,
    );
    out.push(
      `<ul class="cut-list">${cycle.cut.map((item) => `<li><span class="dep">${escapeHtml(item.from)} → ${escapeHtml(item.to)}</span> <span class="count">${escapeHtml(plural(item.imports, 'import'))}</span></li>`).join('')}</ul>`,
    );
    out.push(
      `<details><summary>Cut these ${escapeHtml(plural(cycle.imports.length, 'import'))} (file:line)</summary>${renderImportSites(cycle.imports)}</details></div>`,
    );
  });
  if (mutualDependencies.length > 0) {
    out.push(
      `<h3 id="mutual">Services that import each other</h3><p>${escapeHtml(plural(mutualDependencies.length, 'pair'))}; cut the lighter direction to separate each pair.</p>`,
    );
    const more =
      mutualDependencies.length > PAIRS_SHOWN
        ? `<p class="note">… ${escapeHtml(plural(mutualDependencies.length - PAIRS_SHOWN, 'more pair'))} in the JSON report (plan.mutualDependencies).</p>`
        : '';
    out.push(`<div class="mutual">${mutualDependencies.slice(0, PAIRS_SHOWN).map(renderMutual).join('')}</div>${more}`);
  }
  return out.join('\n');
}

function renderMutual(pair: ServiceCycle): string {
  const cut = pair.cut[0];
  const direction = cut === undefined ? '' : ` — cut ${cut.from} → ${cut.to} (${plural(cut.imports, 'import')})`;
  return `<details><summary><span class="dep">${escapeHtml(pair.services.join(' ⇄ '))}</span>${escapeHtml(direction)}</summary>${renderImportSites(pair.imports, STEP_SITES_SHOWN)}</details>`;
}
