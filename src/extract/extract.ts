import { readFileSync } from 'node:fs';
import { Project, ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import { compareDiagnostics, compareStrings } from '../diagnostics.js';
import { toModuleId, type LoadedProject } from '../load/project.js';
import { collectExports } from './collect-exports.js';
import { collectImports } from './collect-imports.js';
import { collectTerms } from './collect-terms.js';
import { createDeclaredPackages } from './declared-packages.js';
import { createResolver } from './resolve-import.js';
import type { Extraction, ImportTarget, ModuleExports, ModuleFacts, ModuleImport, RawExports } from './types.js';

/**
 * Parses every selected file with ts-morph (no type checker), collects its imports and exports
 * and resolves each specifier. ASTs are released file by file, so memory stays flat on large
 * projects.
 */
export function extract(project: LoadedProject): Extraction {
  const tsMorph = new Project({
    compilerOptions: { allowJs: true },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
  });
  const resolve = createResolver(project);
  const isDeclared = createDeclaredPackages(project.root);
  const modules: ModuleFacts[] = [];
  const diagnostics: Diagnostic[] = [];
  const skipped = new Set<string>();
  for (const file of project.files) {
    const id = toModuleId(project.root, file);
    const text = readSource(file);
    if (typeof text !== 'string') {
      diagnostics.push({ ...text, file: id });
      skipped.add(id);
      continue;
    }
    const sourceFile = tsMorph.createSourceFile(file, text, { overwrite: true });
    const parseError = firstParseError(sourceFile.compilerNode);
    if (parseError) diagnostics.push({ code: 'PARSE_ERROR', message: parseError.message, file: id, line: parseError.line });
    const collected = collectImports(sourceFile);
    const imports: ModuleImport[] = collected.imports.map((raw) => ({ ...raw, target: resolve(raw, file) }));
    for (const item of imports) {
      if (item.target.type === 'unresolved') {
        diagnostics.push({ code: 'UNRESOLVED_IMPORT', message: `cannot resolve '${item.specifier}'`, file: id, line: item.line });
      } else if (item.target.type === 'package' && !item.target.installed && isDeclared(file, item.target.name) === false) {
        diagnostics.push({
          code: 'UNDECLARED_PACKAGE',
          message: `'${item.target.name}' is imported but not installed and no package.json up the tree declares it: a phantom dependency, or a path alias no tsconfig defines`,
          file: id,
          line: item.line,
        });
      }
    }
    for (const call of collected.opaque) {
      diagnostics.push({ code: 'NON_LITERAL_IMPORT', message: `${call.form} with a computed specifier cannot be followed`, file: id, line: call.line });
    }
    const exports = resolveExports(collectExports(sourceFile), imports);
    modules.push({ id, lines: countLines(sourceFile.getFullText()), imports, exports, terms: collectTerms(sourceFile, id) });
    tsMorph.removeSourceFile(sourceFile);
  }
  return { modules: skipped.size === 0 ? modules : modules.map((module) => withoutSkippedTargets(module, skipped)), diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** Lines longer than this, with a high average line length, mark a minified or generated bundle. */
const MINIFIED_LINE = 2000;
const MINIFIED_AVERAGE = 300;

/**
 * The file's text, or why it is skipped: binary content (a NUL byte in the first 8 KB), text
 * that is not UTF-8 decodable cleanly is still read; minified code (a line over 2,000 characters
 * and an average line over 300) is skipped as generated.
 */
function readSource(file: string): string | { code: string; message: string } {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    return { code: 'FILE_UNREADABLE', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); skipped` };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { code: 'BINARY_FILE', message: 'binary content under a source file name; skipped' };
  const text = buffer.toString('utf8');
  const lines = countLines(text);
  if (lines > 0 && text.length / lines > MINIFIED_AVERAGE && longestLine(text) > MINIFIED_LINE) {
    return { code: 'MINIFIED_FILE', message: `looks minified or generated (${lines} lines, ${text.length} characters); skipped` };
  }
  return text;
}

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    longest = Math.max(longest, index - start);
    start = index + 1;
  }
  return Math.max(longest, text.length - start);
}

/** Imports of a skipped file are not edges: its module is not in the graph. */
function withoutSkippedTargets(module: ModuleFacts, skipped: ReadonlySet<string>): ModuleFacts {
  const retarget = (target: ImportTarget): ImportTarget => (target.type === 'internal' && skipped.has(target.module) ? { type: 'excluded', path: target.module } : target);
  return {
    ...module,
    imports: module.imports.map((item) => ({ ...item, target: retarget(item.target) })),
    exports: {
      ...module.exports,
      reexports: module.exports.reexports.filter((item) => !skipped.has(item.module)),
      stars: module.exports.stars.filter((module) => !skipped.has(module)),
    },
  };
}

/** Re-export targets resolved through the file's own (already resolved) import and export-from statements. */
function resolveExports(raw: RawExports, imports: readonly ModuleImport[]): ModuleExports {
  const targets = new Map<string, ImportTarget>();
  for (const item of imports) if (item.syntax === 'import' || item.syntax === 'export-from') targets.set(item.specifier, item.target);
  const moduleOf = (specifier: string) => {
    const target = targets.get(specifier);
    return target?.type === 'internal' ? target.module : null;
  };
  const reexports = raw.reexports
    .flatMap((item) => {
      const module = moduleOf(item.specifier);
      return module === null ? [] : [{ name: item.name, module, imported: item.imported }];
    })
    .sort((a, b) => compareStrings(a.name, b.name));
  const stars = raw.stars.map(moduleOf).filter((module): module is string => module !== null);
  return { local: raw.local, reexports, stars, abstract: raw.abstract };
}

/** Physical lines: newline count, plus one when the last line has no trailing newline. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}

function firstParseError(sourceFile: ts.SourceFile): { message: string; line: number } | null {
  // parseDiagnostics is internal to TypeScript but has been stable since 1.x; it is the parser's own list.
  const errors = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = errors[0];
  if (first === undefined) return null;
  const line = first.start === undefined ? 1 : sourceFile.getLineAndCharacterOfPosition(first.start).line + 1;
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return { message: `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}${more}`, line };
}
