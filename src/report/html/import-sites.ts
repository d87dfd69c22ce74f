/** Lists of import statements ("cut these imports", remote calls) as HTML, capped. */
import type { CrossingImport } from '../../plan/types.js';
import { escapeHtml } from './escape.js';
import { formatCount } from './format.js';

/** Import statements a list shows before summarising the rest. */
export const SITES_SHOWN = 200;

/** A list of import statements: file:line, names, target, type-only; beyond `limit`, the rest counted. */
export function renderImportSites(sites: readonly CrossingImport[], limit = SITES_SHOWN): string {
  const items = sites.slice(0, limit).map((site) => {
    const names =
      site.symbols.length === 0
        ? 'the module'
        : site.symbols.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ');
    const via = site.via === undefined ? '' : ` <span class="via">through <code>${escapeHtml(site.via)}</code></span>`;
    const typeOnly = site.typeOnly ? ' <span class="tag">type-only</span>' : '';
    return `<li><code class="site">${escapeHtml(site.from)}:${site.line}</code> imports ${names} from <code>${escapeHtml(site.to)}</code>${via}${typeOnly}</li>`;
  });
  const more =
    sites.length > limit ? `<li class="more">… ${formatCount(sites.length - limit)} more in the JSON report</li>` : '';
  return `<ul class="sites">${items.join('')}${more}</ul>`;
}
