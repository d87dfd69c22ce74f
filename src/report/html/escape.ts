/**
 * Escaping for the HTML report. Everything that comes from the analysed code (file names, symbols,
 * service names, messages) passes through `escapeHtml` before it reaches markup, and the data the
 * inline script reads passes through `scriptJson`, so a file named `<img src=x onerror=…>.ts` is text.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a string for HTML text and for double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>`, `&`, U+2028 and U+2029
 * become \u escapes (valid JSON), so no value can close the element or open a comment.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
