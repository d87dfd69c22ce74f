import path from 'node:path';
import { countLines } from './count-lines.js';
import { type TS, ts } from '../base/typescript.js';
import { bootstrapCollector, type BootstrapFact } from './collect-bootstrap.js';
import { entitiesCollector, type EntityFacts } from './collect-entities.js';
import { collectExports } from './collect-exports.js';
import { importsCollector, type OpaqueCall } from './collect-imports.js';
import { type EventFact, eventsCollector } from './collect-events.js';
import { literalConstantsCollector } from './literal-constants.js';
import { type RouteFacts, routesCollector } from './collect-routes.js';
import { termsCollector } from './collect-terms.js';
import { wiringCollector } from './collect-wiring.js';
import { walk } from './walk.js';
import type { RawExports, RawImport } from './types.js';

/** What one file says, before resolution: a function of its text and module id only (so it can be cached). */
export interface FileFacts {
  /** Physical lines. */
  lines: number;
  /** Import statements as written. */
  imports: RawImport[];
  /** import()/require() calls with computed specifiers. */
  opaque: OpaqueCall[];
  /** Exports as written. */
  exports: RawExports;
  /** Vocabulary for semantic coupling. */
  terms: Record<string, number>;
  /** ORM entities declared and used. */
  entities: EntityFacts;
  /** Names wired through NestJS modules and constructor injection. */
  wiring: string[];
  /** Of those, the providers and controllers a `@Module` lists: its own members. */
  members: string[];
  /** The call that starts the application here (a bootstrap file), if any. */
  bootstrap: BootstrapFact | null;
  /** Events, messages and jobs emitted and listened to; absent when none. */
  events?: EventFact[];
  /** HTTP routes, API operations, router mounts and exports, NestJS setup; absent when the file has none. */
  api?: RouteFacts;
  /** Exported string constants (`export const X = 'a'`, `export const O = { A: 'a' }`, `export enum`), by key (`X`, `O.A`); absent when none. Event names written through another file's constant resolve through them. */
  constants?: Record<string, string>;
  /** The parser's first error, if any; `code` when it is not a plain syntax error (PARSE_ERROR). */
  parseError: { code?: 'SYNTAX_TOO_DEEP'; message: string; line: number } | null;
}

/**
 * Parses one file with TypeScript's parser (as bundled by ts-morph; no program, no type checker,
 * no ts-morph wrappers: on 5,000 files the wrappers cost four times the parse itself) and reads
 * its facts in a few walks of the syntax tree, which is then dropped.
 */
export function parseFile(file: string, text: string, id: string): FileFacts {
  try {
    return readFacts(file, text, id);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return tooDeep(text, id);
  }
}

/**
 * Words without which a file declares no route, mount or router (collect-routes.ts: a router call
 * `.get(` … `.search(`, `.use(`, `.register(`, `.route(`, a tRPC procedure's `.query(`, a
 * decorator `@Controller`/`@Resolver`, a router or server made, NestJS setup). Most files have
 * none: their syntax tree is not walked for routes. A file with a `\u` escape (which could spell
 * any of them) is always walked.
 */
const ROUTE_HINT =
  /[Rr]outer|[Pp]rocedure|Controller|Resolver|express|[Kk]oa|[Ff]astify|polka|Hono|createServer|NestFactory|setGlobalPrefix|enableVersioning|\.\s*(?:get|post|put|patch|delete|del|all|options|head|search|use|register|route|routes|query|mutation|subscription)\s*\(/;

/**
 * Words without which a file emits or listens to no event (collect-events.ts): an emit or listen
 * call, a microservice `send`, a bus's `publish`/`subscribe`, a decorator `@OnEvent`/`@EventPattern`/`@MessagePattern`/
 * `@Processor`, a queue, worker, event emitter or client.
 */
const EVENT_HINT =
  /\b(?:emit|emitAsync|on|once|addListener|prependListener|send|publish|dispatch|subscribe|asyncIterator|asyncIterableIterator)\s*\(|OnEvent|EventPattern|MessagePattern|Processor|Queue|Worker|EventEmitter|Client/;

function readFacts(file: string, text: string, id: string): FileFacts {
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: jsDocParsingModeOf(text) };
  const sourceFile = ts.createSourceFile(file, text, options, false, scriptKindOf(file));
  const imports = importsCollector(sourceFile);
  const terms = termsCollector(id);
  const constants = literalConstantsCollector();
  const entities = entitiesCollector(sourceFile, constants.constants);
  const wiring = wiringCollector();
  const bootstrap = bootstrapCollector(sourceFile);
  const escaped = text.includes('\\u');
  const events = escaped || EVENT_HINT.test(text) ? eventsCollector(sourceFile, constants.constants) : null;
  const routes = escaped || ROUTE_HINT.test(text) ? routesCollector(sourceFile) : null;
  walk(sourceFile, [
    imports,
    terms,
    constants,
    entities,
    wiring,
    bootstrap,
    ...(events === null ? [] : [events]),
    ...(routes === null ? [] : [routes]),
  ]);
  const eventFacts = events?.result() ?? [];
  const api = routes?.result();
  const exportedConstants = constants.exported();
  return {
    lines: countLines(text),
    ...imports.result(),
    exports: collectExports(sourceFile),
    terms: terms.result(),
    entities: entities.result(),
    wiring: wiring.result(),
    members: wiring.members(),
    bootstrap: bootstrap.result(),
    ...(eventFacts.length > 0 ? { events: eventFacts } : {}),
    ...(api === undefined ? {} : { api }),
    ...(exportedConstants === undefined ? {} : { constants: exportedConstants }),
    parseError: firstParseError(sourceFile),
  };
}

/**
 * TypeScript's parser is recursive descent: code nested a few thousand levels deep (`((((…))))`,
 * `f(f(f(…)))`, a 10,000-branch `else if`) exhausts the call stack inside it, where it cannot be
 * made iterative. Such a file is kept as a module (its lines and path terms) with no facts read
 * from its syntax, and a SYNTAX_TOO_DEEP diagnostic says so. Our own walk is iterative.
 */
function tooDeep(text: string, id: string): FileFacts {
  return {
    lines: countLines(text),
    imports: [],
    opaque: [],
    exports: { local: [], reexports: [], stars: [], abstract: [] },
    terms: termsCollector(id).result(),
    entities: { declares: [], uses: [] },
    wiring: [],
    members: [],
    bootstrap: null,
    parseError: {
      code: 'SYNTAX_TOO_DEEP',
      message: "nested too deeply for TypeScript's parser (call stack exhausted); its imports and exports are not read",
      line: 1,
    },
  };
}

/**
 * JSDoc comments matter only for the `import('./x')` types they can hold (collectImports): every
 * other collector skips them. So they are parsed only when one of them holds `import` (or a
 * `\u` escape, which could spell it), found by a scan of the text without parsing: from each
 * `/**` to the next `*\/`, resuming just after it. That covers every JSDoc comment (a span that
 * starts inside a string ends where the comment it overlaps ends). Skipping them saves the
 * parser's JSDoc work and the walk's.
 */
function jsDocParsingModeOf(text: string): TS.JSDocParsingMode {
  // The next `import` and `\u` at or after the current comment (-1: none left), so the text is scanned once.
  let keyword = 0;
  let escaped = 0;
  for (let open = text.indexOf('/**'); open >= 0; ) {
    const close = text.indexOf('*/', open + 3);
    const end = close < 0 ? text.length : close;
    if (keyword >= 0 && keyword < open + 3) keyword = text.indexOf('import', open + 3);
    if (escaped >= 0 && escaped < open + 3) escaped = text.indexOf('\\u', open + 3);
    if ((keyword >= 0 && keyword < end) || (escaped >= 0 && escaped < end)) return ts.JSDocParsingMode.ParseAll;
    if (close < 0) break;
    open = text.indexOf('/**', close + 1);
  }
  return ts.JSDocParsingMode.ParseNone;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function scriptKindOf(file: string): TS.ScriptKind {
  switch (path.extname(file).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}

function firstParseError(sourceFile: TS.SourceFile): { message: string; line: number } | null {
  // parseDiagnostics is internal to TypeScript but has been stable since 1.x; it is the parser's own list.
  const errors = (sourceFile as unknown as { parseDiagnostics?: TS.Diagnostic[] }).parseDiagnostics ?? [];
  const first = errors[0];
  if (first === undefined) return null;
  const line = first.start === undefined ? 1 : sourceFile.getLineAndCharacterOfPosition(first.start).line + 1;
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return { message: `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}${more}`, line };
}
