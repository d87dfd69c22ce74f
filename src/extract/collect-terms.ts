import { type TS, ts } from '../base/typescript.js';
import { type KindVisitor, type NodeVisitor, walk } from './walk.js';
import { nameStem, ROLE_WORDS, splitWords, VERB_WORDS } from './words.js';

/**
 * The vocabulary of one file for semantic coupling (Mazlami et al., ICWS 2017; Sellami et al.,
 * 2022), in domain words only: each identifier in the code is split on camelCase, PascalCase,
 * snake_case and kebab-case, lower-cased, plurals folded, and stop words, role words (controller,
 * service, repository, dto, …: they name a layer, and would pair every file of a layer folder)
 * and verbs dropped; what remains is one term, joined with `-`, so a compound name stays one
 * concept (`PaymentCollectionService` -> `payment-collection`, which shares nothing with
 * `product-collection`). Path terms: the domain stem of the file name, twice, and of each folder
 * (see nameStem). Returns term -> count, keys sorted.
 */
export function collectTerms(file: TS.SourceFile, moduleId: string): Record<string, number> {
  const collector = termsCollector(moduleId);
  walk(file, [collector]);
  return collector.result();
}

/** The terms collector as a visitor of the shared walk (JSDoc comments are not vocabulary). */
export function termsCollector(moduleId: string): KindVisitor & { result: () => Record<string, number> } {
  // Occurrences are counted by identifier (escaped text) first; each distinct one is split into its term once, at the end.
  const occurrences = new Map<TS.__String, number>();
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    const name = (node as TS.Identifier | TS.PrivateIdentifier).escapedText;
    occurrences.set(name, (occurrences.get(name) ?? 0) + 1);
  };
  const result = () => {
    const counts = new Map<string, number>();
    const add = (term: string | null, times: number) => {
      if (term !== null) counts.set(term, (counts.get(term) ?? 0) + times);
    };
    const segments = moduleId.split('/');
    segments.forEach((segment, index) => {
      add(pathTermOf(segment), index === segments.length - 1 ? 2 : 1);
    });
    for (const [name, times] of occurrences) add(termOf(ts.unescapeLeadingUnderscores(name)), times);
    // Keys in code-unit order, as `<` compares (the default sort of strings). The object is built
    // in dictionary mode (from a null prototype, then given Object's): adding hundreds of distinct
    // keys to a fresh object literal makes V8 build a hidden class per key, which cost more than
    // the rest of the collector. It is an ordinary object all the same.
    const terms: Record<string, number> = Object.create(null);
    for (const term of [...counts.keys()].sort()) terms[term] = counts.get(term) as number;
    return Object.setPrototypeOf(terms, Object.prototype);
  };
  return { kinds: [ts.SyntaxKind.Identifier, ts.SyntaxKind.PrivateIdentifier], visit, result };
}

/** Identifiers repeat across a codebase: their terms are computed once (bounded memo). */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 200_000;

/** Folder and file names repeat too (every file of a folder has its path): their terms, memoised. */
const pathMemo = new Map<string, string | null>();

/** The term of a folder or file name: its domain stem, unless that is a role word. */
function pathTermOf(segment: string): string | null {
  let term = pathMemo.get(segment);
  if (term === undefined) {
    if (pathMemo.size >= MEMO_LIMIT) pathMemo.clear();
    const stem = nameStem(segment);
    term = stem !== null && !ROLE_WORDS.has(stem) ? stem : null;
    pathMemo.set(segment, term);
  }
  return term;
}

/** The domain term of an identifier, or null when it holds no domain word. */
export function termOf(identifier: string): string | null {
  let term = memo.get(identifier);
  if (term === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const words = splitWords(identifier).filter((word) => !ROLE_WORDS.has(word) && !VERB_WORDS.has(word));
    term = words.length === 0 ? null : words.join('-');
    memo.set(identifier, term);
  }
  return term;
}
