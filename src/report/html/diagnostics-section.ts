/** Diagnostics of the run: counts per code and a capped table. */
import type { Analysis } from '../../analysis.js';
import { compareStrings } from '../../base/compare.js';
import { escapeHtml } from './escape.js';
import { formatCount, plural } from './format.js';

/** Diagnostics the table lists before summarising the rest. */
export const DIAGNOSTICS_SHOWN = 300;

/** The diagnostics section. */
export function renderDiagnostics(analysis: Analysis): string {
  const diagnostics = analysis.diagnostics;
  const out: string[] = ['<section id="diagnostics" class="section"><h2>Diagnostics</h2>'];
  if (diagnostics.length === 0) {
    out.push('<p>None: every import resolved and every file was read.</p></section>');
    return out.join('\n');
  }
  const counts = new Map<string, number>();
  for (const item of diagnostics) counts.set(item.code, (counts.get(item.code) ?? 0) + 1);
  const summary = [...counts.entries()]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([code, count]) => `<span class="chip"><code>${escapeHtml(code)}</code> ${formatCount(count)}</span>`);
  out.push(`<p>${summary.join(' ')}</p>`);
  out.push(
    '<table class="diagnostics"><thead><tr><th scope="col">code</th><th scope="col">where</th><th scope="col">message</th></tr></thead><tbody>',
  );
  for (const item of diagnostics.slice(0, DIAGNOSTICS_SHOWN)) {
    const where = item.file === undefined ? '' : `${item.file}${item.line === undefined ? '' : `:${item.line}`}`;
    out.push(
      `<tr><td><code>${escapeHtml(item.code)}</code></td><td><code>${escapeHtml(where)}</code></td><td>${escapeHtml(item.message)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  if (diagnostics.length > DIAGNOSTICS_SHOWN)
    out.push(
      `<p class="note">${escapeHtml(plural(diagnostics.length - DIAGNOSTICS_SHOWN, 'more diagnostic'))} in the JSON report (<code>--format json</code>).</p>`,
    );
  out.push('</section>');
  return out.join('\n');
}
