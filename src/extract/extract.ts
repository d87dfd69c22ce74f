import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../base/diagnostics.js';
import { compareDiagnostics } from '../base/diagnostics.js';
import { compareStrings } from '../base/compare.js';
import type { LoadedProject } from '../load/project.js';
import { ExtractionCache } from './cache.js';
import { createDeclaredPackages } from './declared-packages.js';
import { parseFile, type FileFacts } from './parse-file.js';
import { readPrismaModels } from './read-prisma.js';
import { createResolver, packageName, type ResolveImport } from './resolve-import.js';
import { readSources, type Sources } from './read-sources.js';
import { resolutionContext } from './resolution-context.js';
import type {
  Extraction,
  ImportTarget,
  ModuleExports,
  ModuleFacts,
  ModuleId,
  ModuleImport,
  RawExports,
  RawImport,
} from './types.js';

export interface ExtractOptions {
  /** Folder of the extraction cache, or null for none. */
  cacheDir: string | null;
  /**
   * Whether a file under the root that the file selection did not pick, but an analysed file
   * imports, is analysed too (tsc pulls such files into the program): the file selection's own
   * rules, applied to one file (see load/select-files.ts `reachFilter`). Absent: never.
   */
  mayReach?: (file: string, allowJs: boolean) => boolean;
  /** Told after each file parsed: files parsed so far, files to parse (cache misses). */
  onParsed?: (done: number, total: number) => void;
  /** Told after each file's imports are resolved: files done so far, all files. */
  onResolved?: (done: number, total: number) => void;
  /**
   * The time files are read at (ms since the epoch; default: now), against which a file's last
   * change is judged too recent to trust its status next run (cache.ts `statusOf`).
   */
  now?: number;
  /**
   * Told once, at the end, how each module was extracted (content key, file status, the
   * diagnostics of its own parse and resolution), the files skipped (binary, minified, unreadable)
   * with why, and whether the extraction is exactly the sum of
   * those modules: no file was reached by import, no resolver refusal was reported for the whole
   * run, the cache was not discarded. A re-check's snapshot is made from these (check-snapshot.ts).
   */
  onRecords?: (records: ModuleRecord[], skipped: Diagnostic[], separable: boolean) => void;
}

/** How one module was extracted: its content key, its file status (cache.ts `statusOf`), and the diagnostics of its own parse and resolution. */
export interface ModuleRecord {
  id: ModuleId;
  key: string;
  status: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Takes each file's facts from the content-hash cache or parses it (TypeScript's parser, no
 * type checker; syntax trees dropped file by file), then resolves every specifier, sharing
 * TypeScript's resolution cache per project. Files the selection left out but an analysed file
 * imports are then read, parsed and resolved too (when `mayReach` allows), round after round until
 * no import reaches a new one; each is marked `reached` with a diagnostic naming its importer,
 * and the importers' imports are resolved again so that they point at it.
 */
export async function extract(
  project: LoadedProject,
  options: ExtractOptions = { cacheDir: null },
): Promise<Extraction> {
  const cache = ExtractionCache.open(options.cacheDir);
  const sources = readSources(project, project.files, cache, options.now);
  const diagnostics: Diagnostic[] = [...cache.diagnostics];
  // Refusals met by the resolver itself (a package.json that is a FIFO, …), reported once per run.
  const shared: Diagnostic[] = [];
  const resolve = createResolver(project, shared);
  const isDeclared = createDeclaredPackages(project.root, shared);
  const context = options.cacheDir === null ? '' : resolutionContext(project, options.cacheDir);
  // Files the load stage selected, or left out with a diagnostic (too large, a link out of the root): never reached.
  const known = new Set([
    ...project.files.map((file) => path.normalize(file)),
    ...project.diagnostics.flatMap((item) => (item.file === undefined ? [] : [path.resolve(project.root, item.file)])),
  ]);
  const reachedBy = new Map<ModuleId, ModuleId>();
  const results: Resolved[] = [];
  const skippedDiagnostics: Diagnostic[] = [...sources.skipped];
  let batch = sources;
  let round = context;
  while (batch.items.length > 0) {
    const roundContext = round;
    const resolved = parseAndResolve(batch, cache, options, (key, id, file, facts) =>
      resolveCached(cache, key, roundContext, id, file, facts, () =>
        resolveFacts(id, file, facts, resolve, isDeclared),
      ),
    );
    results.push(...resolved);
    if (options.mayReach === undefined) break;
    const reached = new Map<string, { id: ModuleId; importer: Resolved }>();
    for (const result of resolved) {
      for (const item of result.module.imports) {
        if (item.target.type !== 'excluded') continue;
        const file = path.resolve(project.root, item.target.path);
        if (
          known.has(file) ||
          reached.has(file) ||
          !options.mayReach(file, resolve.optionsOf(result.file).allowJs === true)
        )
          continue;
        reached.set(file, { id: item.target.path, importer: result });
      }
    }
    const files = [...reached.keys()].sort((a, b) =>
      compareStrings((reached.get(a) as { id: string }).id, (reached.get(b) as { id: string }).id),
    );
    for (const file of files) {
      const { id, importer } = reached.get(file) as { id: ModuleId; importer: Resolved };
      known.add(file);
      resolve.include(file, importer.file);
      reachedBy.set(id, importer.module.id);
    }
    batch = readSources(project, files, cache, options.now);
    skippedDiagnostics.push(...batch.skipped);
    round = nextContext(round, files);
  }
  // Importers of reached files resolved those imports before the files were analysed: again, now.
  if (reachedBy.size > 0) {
    for (const [index, result] of results.entries()) {
      if (result.module.imports.some((item) => item.target.type === 'excluded' && reachedBy.has(item.target.path)))
        results[index] = {
          ...resolveCached(cache, result.key, round, result.module.id, result.file, result.facts, () =>
            resolveFacts(result.module.id, result.file, result.facts, resolve, isDeclared),
          ),
          status: result.status,
        };
    }
  }
  // A resolver refusal is reported by the first file that meets it: a stored resolution of another
  // file would not repeat it, so none of this run's is kept.
  if (shared.length > 0) cache.forgetResolutions();
  diagnostics.push(...shared);
  cache.save();
  options.onRecords?.(
    results.map((result) => ({
      id: result.module.id,
      key: result.key,
      status: result.status,
      diagnostics: result.diagnostics,
    })),
    skippedDiagnostics,
    reachedBy.size === 0 && shared.length === 0 && cache.diagnostics.length === 0,
  );
  for (const result of results) diagnostics.push(...result.diagnostics);
  diagnostics.push(...skippedDiagnostics);
  for (const [id, importer] of reachedBy) {
    diagnostics.push({
      code: 'FILE_REACHED_BY_IMPORT',
      message: `not in the file selection (tsconfig files/include), but ${importer} imports it: analysed, as tsc would include it`,
      file: id,
    });
  }
  diagnostics.push(...outsideSummary(results));
  const skipped = new Set(skippedDiagnostics.map((diagnostic) => diagnostic.file as string));
  const modules = results
    .map((result) => (reachedBy.has(result.module.id) ? { ...result.module, reached: true as const } : result.module))
    .sort((a, b) => compareStrings(a.id, b.id));
  return {
    modules: skipped.size === 0 ? modules : modules.map((module) => withoutSkippedTargets(module, skipped)),
    prismaModels: readPrismaModels(project.root),
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

/**
 * A re-check's changed files (check-snapshot.ts), parsed and resolved as `extract` would, without
 * its cache: each one's facts (imports of `skipped` files are not edges) and the diagnostics of its
 * own parse and resolution. Null when the result would not be the changed files alone: the
 * resolver met a refusal the whole run reports, or an import reaches a file the selection left out
 * that `mayReach` would analyse.
 */
export function extractChanged(
  project: LoadedProject,
  items: Sources['items'],
  skipped: ReadonlySet<ModuleId>,
  mayReach?: ExtractOptions['mayReach'],
): { module: ModuleFacts; diagnostics: Diagnostic[] }[] | null {
  const shared: Diagnostic[] = [];
  const resolve = createResolver(project, shared);
  const isDeclared = createDeclaredPackages(project.root, shared);
  const known = new Set([
    ...project.files.map((file) => path.normalize(file)),
    ...project.diagnostics.flatMap((item) => (item.file === undefined ? [] : [path.resolve(project.root, item.file)])),
  ]);
  const results: { module: ModuleFacts; diagnostics: Diagnostic[] }[] = [];
  for (const item of items) {
    const facts = parseFile(item.file, item.text, item.id);
    const { module, diagnostics } = resolveFacts(item.id, item.file, facts, resolve, isDeclared);
    const reaches = module.imports.some((entry) => {
      if (entry.target.type !== 'excluded' || mayReach === undefined) return false;
      const file = path.resolve(project.root, entry.target.path);
      return !known.has(file) && mayReach(file, resolve.optionsOf(item.file).allowJs === true);
    });
    if (reaches) return null;
    results.push({ module: skipped.size === 0 ? module : withoutSkippedTargets(module, skipped), diagnostics });
  }
  return shared.length > 0 ? null : results;
}

/** One file's facts with its imports resolved, and the diagnostics that resolution gave. */
interface Resolved {
  /** Content key of the file (extract cache). */
  key: string;
  /** Its file status as read (cache.ts `statusOf`), or null when too recent or not known. */
  status: string | null;
  file: string;
  facts: FileFacts;
  module: ModuleFacts;
  diagnostics: Diagnostic[];
}

/** Facts of a batch of files, from the cache or parsed (texts let go once parsed), then resolved. */
function parseAndResolve(
  sources: Sources,
  cache: ExtractionCache,
  options: ExtractOptions,
  resolveOne: (key: string, id: ModuleId, file: string, facts: FileFacts) => Omit<Resolved, 'status'>,
): Resolved[] {
  const facts = sources.items.map((item) => cache.get(item.key));
  const misses = sources.items.filter((_item, index) => facts[index] === undefined);
  // One thread: worker threads were measured slower on this 2-core machine (README, Performance).
  const parsed = misses.map((item, index) => {
    const facts = parseFile(item.file, item.text, item.id);
    options.onParsed?.(index + 1, misses.length);
    return facts;
  });
  // The texts are parsed: let them go before resolution (tens of MB on large projects).
  for (const item of sources.items) item.text = '';
  let next = 0;
  return sources.items.map((item, index) => {
    let known = facts[index];
    if (known === undefined) {
      known = parsed[next++] as FileFacts;
      cache.set(item.key, known);
    }
    const resolved = resolveOne(item.key, item.id, item.file, known);
    options.onResolved?.(index + 1, sources.items.length);
    return { ...resolved, status: item.status };
  });
}

/**
 * One diagnostic that sums up the imports that leave the analysed root (they are listed per
 * module and per service as outside files): how many, from how many modules, into which folders.
 */
function outsideSummary(results: readonly Resolved[]): Diagnostic[] {
  let imports = 0;
  const modules = new Set<ModuleId>();
  const folders = new Map<string, Set<string>>();
  for (const { module } of results) {
    for (const item of module.imports) {
      if (item.target.type !== 'outside') continue;
      imports++;
      modules.add(module.id);
      const files = folders.get(item.target.folder) ?? new Set<string>();
      files.add(item.target.path);
      folders.set(item.target.folder, files);
    }
  }
  if (imports === 0) return [];
  const named = [...folders.entries()]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([folder, files]) => `${folder} (${files.size} ${files.size === 1 ? 'file' : 'files'})`);
  const shown = named.length > 5 ? `${named.slice(0, 5).join(', ')} and ${named.length - 5} more` : named.join(', ');
  return [
    {
      code: 'IMPORTS_OUTSIDE_ROOT',
      message: `${imports} ${imports === 1 ? 'import' : 'imports'} in ${modules.size} ${modules.size === 1 ? 'module' : 'modules'} reach files outside the analysed folder: ${shown}; listed per module and service as outside files (not analysed, not edges)`,
    },
  ];
}

/** The context of the next round: files reached by import join the program, which can change any resolution. */
function nextContext(context: string, reached: readonly string[]): string {
  return context === '' ? '' : createHash('sha1').update(context).update(JSON.stringify(reached)).digest('hex');
}

/** A file's resolution from the cache when stored for the same bytes and context, else resolved and stored. */
function resolveCached(
  cache: ExtractionCache,
  key: string,
  context: string,
  id: ModuleId,
  file: string,
  facts: FileFacts,
  resolveNow: () => Omit<Resolved, 'key' | 'status'>,
): Omit<Resolved, 'status'> {
  const stored = context === '' ? undefined : cache.resolution(key, context);
  if (stored !== undefined && stored.targets.length === facts.imports.length) {
    const imports = facts.imports.map((raw, index) => ({ ...raw, target: stored.targets[index] as ImportTarget }));
    return { key, file, facts, module: moduleOf(id, facts, imports), diagnostics: stored.diagnostics };
  }
  const resolved = resolveNow();
  if (context !== '')
    cache.setResolution(key, context, {
      targets: resolved.module.imports.map((item) => item.target),
      diagnostics: resolved.diagnostics,
    });
  return { key, ...resolved };
}

function resolveFacts(
  id: string,
  file: string,
  facts: FileFacts,
  resolve: ResolveImport,
  isDeclared: ReturnType<typeof createDeclaredPackages>,
): Omit<Resolved, 'key' | 'status'> {
  const diagnostics: Diagnostic[] = [];
  if (facts.parseError)
    diagnostics.push({
      code: facts.parseError.code ?? 'PARSE_ERROR',
      message: facts.parseError.message,
      file: id,
      line: facts.parseError.line,
    });
  const imports: ModuleImport[] = facts.imports.map((raw) => ({
    ...raw,
    target: declaredPackage(resolve(raw, file), raw, file, isDeclared),
  }));
  for (const item of imports) {
    if (item.target.type === 'unresolved') {
      diagnostics.push({
        code: 'UNRESOLVED_IMPORT',
        message: `cannot resolve '${item.specifier}'`,
        file: id,
        line: item.line,
      });
    } else if (
      item.target.type === 'package' &&
      !item.target.installed &&
      isDeclared(file, item.target.name) === false &&
      !(item.typeOnly && isDeclared(file, typesPackageName(item.target.name)) === true)
    ) {
      diagnostics.push({
        code: 'UNDECLARED_PACKAGE',
        message: `'${item.target.name}' is imported but not installed and no package.json up the tree declares it: a phantom dependency, or a path alias no tsconfig defines`,
        file: id,
        line: item.line,
      });
    }
  }
  for (const call of facts.opaque) {
    diagnostics.push({
      code: 'NON_LITERAL_IMPORT',
      message: `${call.form} with a computed specifier cannot be followed`,
      file: id,
      line: call.line,
    });
  }
  return { file, facts, module: moduleOf(id, facts, imports), diagnostics };
}

/** A module's facts from its file's facts and its resolved imports. */
function moduleOf(id: ModuleId, facts: FileFacts, imports: ModuleImport[]): ModuleFacts {
  return {
    id,
    lines: facts.lines,
    imports,
    exports: resolveExports(facts.exports, imports),
    terms: facts.terms,
    entities: facts.entities,
    wiring: facts.wiring,
    members: facts.members,
    bootstrap: facts.bootstrap,
    ...(facts.events ? { events: facts.events } : {}),
    ...(facts.api === undefined ? {} : { api: facts.api }),
    ...(facts.constants === undefined ? {} : { constants: facts.constants }),
  };
}

/**
 * A bare specifier left unresolved whose package a package.json up the tree declares is that
 * package: a catch-all `paths` alias (`"*": ["node_modules/*", "src/types/*"]`) claims every bare
 * specifier, so without node_modules TypeScript resolves none of them. A type-only import counts
 * its `@types/` package as the declaration.
 */
function declaredPackage(
  target: ImportTarget,
  raw: RawImport,
  file: string,
  isDeclared: ReturnType<typeof createDeclaredPackages>,
): ImportTarget {
  if (target.type !== 'unresolved' || !/^(?:@[^/.:][^/:]*\/)?[^/.:@][^/:]*(?:\/.*)?$/.test(raw.specifier))
    return target;
  const name = packageName(raw.specifier);
  const declared =
    isDeclared(file, name) === true || (raw.typeOnly && isDeclared(file, typesPackageName(name)) === true);
  return declared ? { type: 'package', name, installed: false } : target;
}

/** The DefinitelyTyped package of a package: `express` -> `@types/express`, `@babel/core` -> `@types/babel__core`. */
function typesPackageName(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** Re-export targets resolved through the file's own (already resolved) import and export-from statements. */
function resolveExports(raw: RawExports, imports: readonly ModuleImport[]): ModuleExports {
  const targets = new Map<string, ImportTarget>();
  for (const item of imports)
    if (item.syntax === 'import' || item.syntax === 'export-from') targets.set(item.specifier, item.target);
  const moduleOf = (specifier: string) => {
    const target = targets.get(specifier);
    return target?.type === 'internal' ? target.module : null;
  };
  const reexports = raw.reexports
    .flatMap((item) => {
      const module = moduleOf(item.specifier);
      return module === null
        ? []
        : [{ name: item.name, module, imported: item.imported, ...(item.typeOnly ? { typeOnly: true as const } : {}) }];
    })
    .sort((a, b) => compareStrings(a.name, b.name));
  const stars = raw.stars.map(moduleOf).filter((module): module is string => module !== null);
  return {
    local: raw.local,
    reexports,
    stars,
    abstract: raw.abstract,
    ...(raw.types === undefined ? {} : { types: raw.types }),
  };
}

/** Imports of a skipped file are not edges: its module is not in the graph. */
function withoutSkippedTargets(module: ModuleFacts, skipped: ReadonlySet<string>): ModuleFacts {
  const retarget = (target: ImportTarget): ImportTarget =>
    target.type === 'internal' && skipped.has(target.module) ? { type: 'excluded', path: target.module } : target;
  return {
    ...module,
    imports: module.imports.map((item) => ({ ...item, target: retarget(item.target) })),
    exports: {
      ...module.exports,
      reexports: module.exports.reexports.filter((item) => !skipped.has(item.module)),
      stars: module.exports.stars.filter((star) => !skipped.has(star)),
    },
  };
}
