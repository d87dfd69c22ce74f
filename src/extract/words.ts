/**
 * Words of identifiers and paths, for semantic coupling, domain stems and service names. Three
 * vocabularies are set apart: stop words (language, runtime and generic programming words: they
 * say nothing), role words (what a file is in a layered design: controller, service, repository,
 * dto; they name a layer, not a domain) and verbs (what a function or an endpoint file does:
 * create, list; `create-order.ts` is about orders).
 */

/** Words every TypeScript file uses: language, runtime and generic programming vocabulary. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
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

/**
 * Role words (singular): the technical role or layer of a file, not its domain. Stripped from the
 * end of file names (`AlbumController.ts`, `order-repository.ts` -> album, order) and from the
 * vocabulary of semantic coupling; a folder named by one (`services/`, `dtos/`) is a layer folder.
 * Alone before a role suffix they still name a domain (`job.service.ts` -> job).
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'controller service repository repo dto entity model module resolver schema table router route handler middleware ' +
    'guard interceptor pipe validator validation mapper presenter policy store dao util utility helper type typing ' +
    'interface enum constant config configuration factory provider gateway subscriber listener processor worker spec ' +
    'test mock stub fake fixture impl implementation base abstract generic input output arg response request payload ' +
    'serializer transformer decorator filter strategy adapter client loader seeder seed migration view component page ' +
    'hook context api lib library core common shared generated index main default error exception command query event ' +
    'job queue task cron schedule endpoint action src internal misc'
  ).split(' '),
);

/** Role words that never name a domain, even alone (`index.ts`, `base.service.ts`, `types.ts`): also stripped from the start of a name. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'index main base abstract generic default common shared core internal misc src lib library generated impl ' +
    'implementation util utility helper type typing interface constant const mock stub fake fixture spec test dto enum'
  ).split(' '),
);

/** Verbs (and their participles) that name an operation on a domain, not the domain. */
export const VERB_WORDS: ReadonlySet<string> = new Set(
  (
    'create update delete remove get list find add set fetch upsert patch put post handle process send build make ' +
    'generate validate check load save register created updated deleted removed added batch bulk all one many by'
  ).split(' '),
);

/**
 * Lower-case words of an identifier or a path: split on camelCase, PascalCase, snake_case,
 * kebab-case, dots and slashes; digits stay inside a word (`b2b`, `oauth2`, `s3`) and numbers
 * alone are dropped (`1680000000-add-user` -> add, user).
 */
export function rawWords(text: string): string[] {
  // One pass over the characters (no regular expressions: this runs on every distinct identifier).
  // A word ends at a character that is not an ASCII letter or digit, and before an upper-case
  // letter that follows a lower-case letter or a digit (`orderId`, `b2B`) or that starts a word
  // after an acronym (`HTMLParser` -> html, parser).
  const words: string[] = [];
  let start = 0;
  let digitsOnly = true;
  const end = (at: number) => {
    if (at > start && !digitsOnly) words.push(text.slice(start, at).toLowerCase());
    digitsOnly = true;
  };
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const kind = charKind(code);
    if (kind === OTHER) {
      end(index);
      start = index + 1;
      continue;
    }
    if (kind === UPPER && index > start) {
      const previous = charKind(text.charCodeAt(index - 1));
      if (previous !== UPPER || charKind(text.charCodeAt(index + 1)) === LOWER) {
        end(index);
        start = index;
      }
    }
    if (kind !== DIGIT) digitsOnly = false;
  }
  end(text.length);
  return words;
}

const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

/** ASCII letters and digits by case; anything else (`_`, `-`, `.`, `/`, non-ASCII) separates words. */
function charKind(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

/** Plural folded to singular (orders -> order, categories -> category, boxes -> box). */
export function singular(word: string): string {
  if (!word.endsWith('s')) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (
    word.length > 4 &&
    (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('xes') || word.endsWith('sses'))
  )
    return word.slice(0, -2);
  if (word.length > 3 && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Lower-case words of an identifier or path, stop words and short words dropped, plurals folded. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const word of rawWords(text)) if (word.length >= 3 && !STOP_WORDS.has(word)) words.push(singular(word));
  return words;
}

/** A file name without its extensions: `album.service.ts` -> `album.service`. */
function withoutExtension(name: string): string {
  return name.replace(/\.[cm]?[jt]sx?$/i, '');
}

/**
 * The domain stem of a file or folder name: the words of its first dot-separated part (the rest,
 * as in `album.service` or `order.entity.spec`, names roles), singular, with role words, verbs and
 * generic words stripped from its end and verbs and generic words from its start while another
 * word remains, joined with `-` so that a compound name is one term
 * (`PaymentCollectionService.ts` -> `payment-collection`, `create-order.ts` -> `order`,
 * `albums.controller.ts` -> `album`, `job.service.ts` -> `job`). Null when the name says nothing
 * about a domain: only generic words or verbs (`index.ts`, `base.service.ts`, `types.ts`), or a
 * lone role word without a role suffix (`routes.ts`, `services/`), whose domain is its folder's.
 */
export function nameStem(name: string): string | null {
  const parts = withoutExtension(name).split('.');
  const words = rawWords(parts[0] ?? '')
    .filter((word) => word.length >= 2)
    .map(singular);
  const short = (word: string) => word.length < 3;
  const atEnd = (word: string) =>
    ROLE_WORDS.has(word) || VERB_WORDS.has(word) || GENERIC_WORDS.has(word) || short(word);
  const atStart = (word: string) => VERB_WORDS.has(word) || GENERIC_WORDS.has(word) || short(word);
  while (words.length > 1 && atEnd(words[words.length - 1] as string)) words.pop();
  while (words.length > 1 && atStart(words[0] as string)) words.shift();
  const [only] = words;
  if (only === undefined) return null;
  if (words.length === 1 && (atStart(only) || (ROLE_WORDS.has(only) && parts.length === 1))) return null;
  return words.join('-');
}

/** True when a folder or file name is a role word (singular or plural): `services`, `dto`, `utils`. */
export function isRoleName(name: string): boolean {
  const words = rawWords(withoutExtension(name)).map(singular);
  return words.length > 0 && words.every((word) => ROLE_WORDS.has(word));
}
