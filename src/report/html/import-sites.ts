/** Lists of import statements ("cut these imports", remote calls) as HTML, capped. */
import type { CrossingImport } from '../../plan/types.js';
import { escapeHtml } from './escape.js';
import { formatCount } from './format.js';
import { importSiteRows } from '../view-model.js';

/** Import statements a list shows before summarising the rest. */
export const SITES_SHOWN = 200;

/** A list of import statements: file:line, names, target, type-only; beyond `limit`, the rest counted. */
export function renderImportSites(sites: readonly CrossingImport[], limit = SITES_SHOWN): string {
  const { rows, more } = importSiteRows(sites, limit);
  const items = rows.map((site) => {
    const names =
      site.names.length === 0 ? 'the module' : site.names.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ');
    const via = site.via === undefined ? '' : ` <span class="via">through <code>${escapeHtml(site.via)}</code></span>`;
    const typeOnly = site.typeOnly ? ' <span class="tag">type-only</span>' : '';
    return `<li><code class="site">${escapeHtml(site.site)}</code> imports ${names} from <code>${escapeHtml(site.to)}</code>${via}${typeOnly}</li>`;
  });
  const rest = more > 0 ? `<li class="more">… ${formatCount(more)} more in the JSON report</li>` : '';
  return `<ul class="sites">${items.join('')}${rest}</ul>`;
}
