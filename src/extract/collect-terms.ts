import { type TS, ts } from '../base/typescript.js';
import { walk, type NodeVisitor } from './walk.js';
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
  walk(file, [collector.visit]);
  return collector.result();
}

/** The terms collector as a visitor of the shared walk (JSDoc comments are not vocabulary). */
export function termsCollector(moduleId: string): { visit: NodeVisitor; result: () => Record<string, number> } {
  const counts = new Map<string, number>();
  const add = (term: string | null, times = 1) => {
    if (term !== null) counts.set(term, (counts.get(term) ?? 0) + times);
  };
  const segments = moduleId.split('/');
  segments.forEach((segment, index) => {
    const stem = nameStem(segment);
    if (stem !== null && !ROLE_WORDS.has(stem)) add(stem, index === segments.length - 1 ? 2 : 1);
  });
  return {
    visit: (node, inJsDoc) => {
      if (!inJsDoc && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node))) add(termOf(node.text));
    },
    result: () => Object.fromEntries([...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
  };
}

/** Identifiers repeat across a codebase: their terms are computed once (bounded memo). */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 200_000;

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
