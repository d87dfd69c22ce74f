/**
 * Text and tables for the GitHub-flavoured Markdown report. Every string from the analysed code
 * (paths, names, messages) goes through `escapeMarkdown` before it is placed anywhere: GitHub
 * renders inline HTML, so a file named `<img src=x onerror=alert(1)>.ts` must arrive as text.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes text for Markdown prose, headings and table cells: `&`, `<` and `>` become HTML entities;
 * the characters that start emphasis, code, links, math or headings or end a table cell
 * (backslash, backtick, `*`, `_`, `[`, `]`, `|`, `~`, `$`, `#`) are backslash-escaped; line
 * breaks and control characters become a space, so a value never ends a table row or list item.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>\\`*_[\]|~$#]|\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, escapeChar);
}

function escapeChar(char: string): string {
  return HTML_ENTITIES[char] ?? (BACKSLASHED.has(char) ? `\\${char}` : ' ');
}

const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '$', '#']);

/** An imported or exported name, escaped; `*` (namespace import, `export *`, dynamic import) said in words. */
export function symbolName(symbol: string): string {
  return symbol === '*' ? '\\* (whole module)' : escapeMarkdown(symbol);
}

/** Column alignment of a Markdown table. */
export type Align = 'left' | 'right';

/** A GitHub table from cells that are already Markdown (escape data with `escapeMarkdown` first). */
export function markdownTable(head: string[], align: Align[], rows: string[][]): string[] {
  const rule = head.map((_, index) => (align[index] === 'right' ? '---:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}
