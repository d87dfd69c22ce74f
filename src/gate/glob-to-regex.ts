import { SeamsError } from '../base/errors.js';

/**
 * A boundaries glob as a regular expression that dependency-cruiser accepts. dependency-cruiser
 * joins a rule's `path` list with `|` and refuses the rule ("unsafe regular expression. Bailing
 * out.") when safe-regex finds nested quantifiers, as picomatch's own output has
 * (`(?:(?!\.)(?:(?:(?!(?:^|\/)\.).)*?)\/)*`). So the glob is translated by hand into a regex of star
 * height one: `**` matches any run of characters, `**​/` any run of folders (`(?:.*\/|)`, an
 * alternation with the empty string, never a quantified group), `*` any run within one path
 * segment, `?` one character of a segment, `{a,b}` an alternation, `[...]` a class; everything
 * else is literal. Anchored at the start and, unless the glob ends in `**`, at the end (`src/x/**`
 * is the prefix `^src/x/`). Negated globs and extglobs cannot be written this way: OPTION_INVALID.
 */
export function globToSafeRegex(glob: string): string {
  if (glob.startsWith('!') || /[@!+*?]\(/.test(glob)) {
    throw new SeamsError(
      'OPTION_INVALID',
      `the boundaries glob '${glob}' uses a negation or an extglob, which the exported rules cannot express`,
      'write the service with plain globs (folders, `*`, `**`, `{a,b}`) or file paths',
    );
  }
  let out = '^';
  let braces = 0;
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at] as string;
    if (char === '*' && glob[at + 1] === '*') {
      const ends = at + 2 === glob.length;
      const folder = glob[at + 2] === '/';
      if (ends) return `${out}`;
      out += folder ? '(?:.*/|)' : '.*';
      at += folder ? 2 : 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') {
      braces++;
      out += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (char === ',' && braces > 0) out += '|';
    else if (char === '[') {
      const close = glob.indexOf(']', at + 1);
      if (close < 0) out += '\\[';
      else {
        const body = glob
          .slice(at + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        at = close;
      }
    } else if (char === '\\' && at + 1 < glob.length) {
      out += escapeRegex(glob[at + 1] as string);
      at++;
    } else out += escapeRegex(char);
  }
  return `${out}$`;
}

/** Text as a regular expression that matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
