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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
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

/**
 * A Markdown code span holding `text` literally, for a table cell or prose. Backslash escapes do
 * not work inside a code span, so backticks in the text are fenced, as CommonMark says, by a run of
 * backticks longer than any run in the text (padded with a space when the text starts or ends with
 * a backtick); a `|` is escaped so it does not end a GitHub table cell; a line break or other
 * control character is shown as its escape (`\n`, `\t`, `\u0001`), so a file name that holds one
 * stays on its row and can still be told apart.
 */
export function codeSpan(text: string): string {
  const visible = text
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes or refuses
      /\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g,
      (char) => CONTROL_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad =
    visible.startsWith('`') ||
    visible.endsWith('`') ||
    (visible.startsWith(' ') && visible.endsWith(' ') && visible.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}

const CONTROL_ESCAPES: Record<string, string> = { '\r\n': '\\r\\n', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
