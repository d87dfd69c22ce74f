import type { TS } from '../base/typescript.js';

/**
 * The 1-based line of a node's first token, as `getLineAndCharacterOfPosition` gives it, without
 * the table of every line start TypeScript builds for that (a pass over the whole file): the line
 * breaks are counted from the last position asked to the next, forward or back, so the imports at
 * the top of a file cost a look at the top only. Line breaks as TypeScript counts them: `\n`,
 * `\r\n`, a lone `\r`, U+2028 and U+2029.
 */
export function lineCounter(file: TS.SourceFile): (node: TS.Node) => number {
  const text = file.text;
  // `line` is 1 + the line breaks that end before `at`.
  let at = 0;
  let line = 1;
  const endsBreak = (index: number): boolean => {
    const code = text.charCodeAt(index);
    return code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10) || code === 0x2028 || code === 0x2029;
  };
  return (node) => {
    const position = node.getStart(file);
    for (; at < position; at++) if (endsBreak(at)) line++;
    while (at > position) if (endsBreak(--at)) line--;
    return line;
  };
}
