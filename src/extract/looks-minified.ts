/**
 * Whether a source file looks minified or generated: a line holding over 2,000 characters of code
 * and over 300 characters of code per line on average. Only code counts: the characters inside
 * string and template literals and comments are left out, so a short hand-written file with one
 * long data URI (`const logo = "data:image/png;base64,…"`) or an inline source map comment is
 * analysed, while a bundle (a few lines of dense code, a licence banner or not) is skipped.
 *
 * The scan is lexical and approximate (a quote inside a regular expression literal may start a
 * string that ends at the line break); that is enough to tell data from code.
 */
export function looksMinified(text: string): boolean {
  return mayLookMinified(text) && codeLooksMinified(text);
}

/**
 * A quick bound, from line breaks alone: a file whose lines are all at most MINIFIED_LINE
 * characters long, or whose characters (code or not) average at most MINIFIED_AVERAGE per line,
 * cannot pass the scan below, which counts a subset of those characters. Almost every source file
 * is ruled out here, by a search for line breaks, without a look at each character.
 */
function mayLookMinified(text: string): boolean {
  let breaks = 0;
  let longest = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    longest = Math.max(longest, index - lineStart);
    lineStart = index + 1;
    breaks++;
  }
  longest = Math.max(longest, text.length - lineStart);
  return longest > MINIFIED_LINE && (text.length - breaks) / (breaks + 1) > MINIFIED_AVERAGE;
}

function codeLooksMinified(text: string): boolean {
  let lines = 1;
  let code = 0;
  let lineCode = 0;
  let longest = 0;
  let state: 'code' | 'line-comment' | 'block-comment' | "'" | '"' | '`' = 'code';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '\n') {
      longest = Math.max(longest, lineCode);
      lineCode = 0;
      lines++;
      if (state === 'line-comment' || state === "'" || state === '"') state = 'code';
      continue;
    }
    if (state === 'code') {
      const next = text[index + 1];
      if (char === '/' && next === '/') state = 'line-comment';
      else if (char === '/' && next === '*') state = 'block-comment';
      else if (char === "'" || char === '"' || char === '`') state = char;
      else if (char !== ' ' && char !== '\t' && char !== '\r') {
        code++;
        lineCode++;
      }
      if (state !== 'code') index += state === 'line-comment' || state === 'block-comment' ? 1 : 0;
    } else if (state === 'block-comment') {
      if (char === '*' && text[index + 1] === '/') {
        state = 'code';
        index++;
      }
    } else if (state !== 'line-comment') {
      if (char === '\\' && text[index + 1] !== '\n') index++;
      else if (char === state) state = 'code';
    }
  }
  longest = Math.max(longest, lineCode);
  return longest > MINIFIED_LINE && code / lines > MINIFIED_AVERAGE;
}

/** A line with more characters of code than this, with a high average, marks a minified or generated bundle. */
const MINIFIED_LINE = 2000;
/** Characters of code per line, on average, above which a file with such a line is minified. */
const MINIFIED_AVERAGE = 300;
