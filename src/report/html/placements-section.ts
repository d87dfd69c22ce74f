/** Where the architect should look: the composition root, the unattached modules, and the low-confidence placements, each with why. */
import type { Analysis } from '../../analysis.js';
import { LOW_CONFIDENCE, placements, type PlacementRow } from '../explain.js';
import { escapeHtml } from './escape.js';
import { plural } from './format.js';

/** Rows each table lists before summarising the rest. */
export const PLACEMENTS_SHOWN = 200;

/** The placements section. */
export function renderPlacements(analysis: Analysis): string {
  const { shell, unattached, lowConfidence } = placements(analysis);
  const out: string[] = ['<section id="placements" class="section"><h2>Placements to review</h2>'];
  out.push(
    `<p>seams placed these modules by a rule, or holds them only weakly: the composition root stays in the monolith as its shell; unattached modules are no service and no plan step; a low-confidence module lands with its service in under ${Math.round(LOW_CONFIDENCE * 100)}% of the Louvain runs, or was placed after clustering.</p>`,
  );
  const table = (title: string, rows: PlacementRow[], withService: boolean) => {
    out.push(`<h3>${escapeHtml(title)}</h3>`);
    if (rows.length === 0) {
      out.push('<p class="muted">None.</p>');
      return;
    }
    out.push(
      `<table class="placements"><thead><tr><th scope="col">module</th>${withService ? '<th scope="col">service</th><th scope="col" class="num">consensus</th>' : ''}<th scope="col">why</th></tr></thead><tbody>`,
    );
    for (const row of rows.slice(0, PLACEMENTS_SHOWN)) {
      const service = withService
        ? `<td><code>${escapeHtml(row.cluster)}</code></td><td class="num">${row.consensus === null ? '—' : row.consensus.toFixed(2)}</td>`
        : '';
      out.push(`<tr><td><code>${escapeHtml(row.module)}</code></td>${service}<td>${escapeHtml(row.why)}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (rows.length > PLACEMENTS_SHOWN)
      out.push(
        `<p class="note">${escapeHtml(plural(rows.length - PLACEMENTS_SHOWN, 'more module'))} in the JSON report (<code>--format json</code>).</p>`,
      );
  };
  table(`Composition root (${plural(shell.length, 'module')})`, shell, false);
  table(`Unattached (${plural(unattached.length, 'module')})`, unattached, false);
  table(`Low confidence (${plural(lowConfidence.length, 'module')})`, lowConfidence, true);
  out.push('</section>');
  return out.join('\n');
}
