import { ts } from 'ts-morph';
import { walk, type NodeVisitor } from './walk.js';

/**
 * The vocabulary of one file for semantic coupling (Mazlami et al., ICWS 2017; Sellami et al.,
 * 2022): every identifier in the code and every word of its path, split on camelCase, PascalCase,
 * snake_case and kebab-case, lower-cased, plural `s` folded, words shorter than three letters and
 * programming stop words dropped. Returns term -> count, keys sorted.
 */
export function collectTerms(file: ts.SourceFile, moduleId: string): Record<string, number> {
  const collector = termsCollector(moduleId);
  walk(file, [collector.visit]);
  return collector.result();
}

/** The terms collector as a visitor of the shared walk (JSDoc comments are not vocabulary). */
export function termsCollector(moduleId: string): { visit: NodeVisitor; result: () => Record<string, number> } {
  const counts = new Map<string, number>();
  const add = (text: string, times = 1) => {
    for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + times);
  };
  add(moduleId.replace(/\.[cm]?[jt]sx?$/, ''), 2);
  return {
    visit: (node, inJsDoc) => {
      if (!inJsDoc && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node))) add(node.text);
    },
    result: () => Object.fromEntries([...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
  };
}

/** Identifiers repeat across a codebase: their words are computed once (bounded memo). */
const memo = new Map<string, string[]>();
const MEMO_LIMIT = 200_000;

function wordsOf(text: string): string[] {
  let words = memo.get(text);
  if (words === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    words = splitWords(text);
    memo.set(text, words);
  }
  return words;
}

/** Lower-case words of an identifier or path, stop words and short words dropped, plurals folded. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
    .map(singular);
}

export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Words every TypeScript file uses: language, runtime and generic programming vocabulary. */
const STOP_WORDS = new Set(
  (
    'abstract any args arguments array async await boolean break case catch class const constructor continue ' +
    'create data date debug default delete do else enum error err export extends false finally find for from function ' +
    'get handle has if implements import in index info init instanceof interface item items json key keys length let list log ' +
    'map math message module name new next null number object of options param params private promise protected ' +
    'public push readonly record reduce req request res response result return set src static string super switch symbol ' +
    'this throw true try type typeof undefined unknown update util utils value values var void warn while with yield ' +
    'the and not all res lib filter some then count total'
  ).split(' '),
);
