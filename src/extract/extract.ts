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
  for (const file of project.files) {
    const id = toModuleId(project.root, file);
    const sourceFile = tsMorph.addSourceFileAtPath(file);
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
  return { modules, diagnostics: diagnostics.sort(compareDiagnostics) };
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
