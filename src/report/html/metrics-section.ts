/** Partition metrics with what each means and which way is better, and how the clustering graph was made. */
import type { Analysis } from '../../analysis.js';
import { metricRows } from '../explain.js';
import { escapeHtml } from './escape.js';
import { fixed, formatCount, plural } from './format.js';

/** The partition-metrics section. */
export function renderMetrics(analysis: Analysis): string {
  const out: string[] = ['<section id="metrics" class="section"><h2>Partition metrics</h2>'];
  out.push(
    '<table class="metrics"><thead><tr><th scope="col">metric</th><th scope="col" class="num">value</th><th scope="col">better</th><th scope="col">what it measures</th><th scope="col">source</th></tr></thead><tbody>',
  );
  for (const row of metricRows(analysis)) {
    const arrow = row.better === 'higher' ? '↑ higher' : '↓ lower';
    out.push(
      `<tr><th scope="row">${escapeHtml(row.name)}</th><td class="num">${escapeHtml(row.value)}</td><td class="better">${arrow}</td><td>${escapeHtml(row.meaning)}</td><td class="muted">${escapeHtml(row.source)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  const expected = analysis.metrics.partition.expected;
  if (expected !== null) {
    const source = analysis.settings.expected ?? 'the expected partition';
    out.push(
      `<p class="note">Agreement measured against <code>${escapeHtml(source)}</code> on ${escapeHtml(plural(expected.compared, 'module'))}; ${formatCount(expected.missingFromExpected)} analysed modules are not in it, ${formatCount(expected.missingFromAnalysis)} of its entries were not analysed.</p>`,
    );
  }
  out.push('<h3>Clustering</h3>');
  out.push(
    '<table class="signals"><thead><tr><th scope="col">signal</th><th scope="col" class="num">weight</th><th scope="col" class="num">module pairs</th></tr></thead><tbody>',
  );
  for (const signal of analysis.clustering.signals) {
    const off = signal.weight === 0 ? ' class="off"' : '';
    out.push(
      `<tr${off}><th scope="row">${escapeHtml(signal.name)}</th><td class="num">${signal.weight === 0 ? 'off' : escapeHtml(String(signal.weight))}</td><td class="num">${formatCount(signal.pairs)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  const sweep = analysis.clustering.sweep;
  const history = analysis.clustering.history;
  const facts = [
    `Louvain resolution ${escapeHtml(String(analysis.settings.resolution))}${sweep === null ? '' : ' (chosen by <code>--resolution auto</code>)'}, seed ${escapeHtml(String(analysis.settings.seed))}.`,
    history === null
      ? 'Git history not read.'
      : `Git history: ${escapeHtml(plural(history.commits, 'commit'))} read (${formatCount(history.skippedCommits)} skipped), ${escapeHtml(plural(history.pairs, 'co-changed pair'))}.`,
  ];
  out.push(`<p>${facts.join(' ')}</p>`);
  if (sweep !== null && sweep.length > 0) {
    out.push(
      '<details><summary>Resolution sweep</summary><table class="sweep"><thead><tr><th scope="col" class="num">resolution</th><th scope="col" class="num">services</th><th scope="col" class="num">weight inside</th><th scope="col" class="num">by chance</th><th scope="col" class="num">score</th></tr></thead><tbody>',
    );
    for (const point of sweep) {
      const chosen = point.resolution === analysis.settings.resolution ? ' class="chosen"' : '';
      out.push(
        `<tr${chosen}><td class="num">${escapeHtml(String(point.resolution))}</td><td class="num">${formatCount(point.services)}</td><td class="num">${fixed(point.intraWeight, 3)}</td><td class="num">${fixed(point.expectedIntraWeight, 3)}</td><td class="num">${fixed(point.score, 3)}</td></tr>`,
      );
    }
    out.push('</tbody></table></details>');
  }
  out.push('</section>');
  return out.join('\n');
}
