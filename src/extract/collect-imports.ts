import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { compareStrings } from '../diagnostics.js';
import type { RawImport } from './types.js';

/** A dynamic import() or require() whose argument is not a literal: it cannot be followed. */
export interface OpaqueCall {
  /** `import()` or `require()`. */
  form: 'import()' | 'require()';
  /** 1-based line of the call. */
  line: number;
}

export interface CollectedImports {
  imports: RawImport[];
  opaque: OpaqueCall[];
}

/**
 * Every import form of one file, in source order: static, `import type`, inline `type`
 * specifiers, side-effect imports, `export ... from`, `import()` and `require()` with a literal,
 * and `import x = require()`.
 */
export function collectImports(sourceFile: SourceFile): CollectedImports {
  const imports: RawImport[] = [];
  const opaque: OpaqueCall[] = [];
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      imports.push(fromImportDeclaration(statement));
    } else if (Node.isExportDeclaration(statement)) {
      const specifier = statement.getModuleSpecifierValue();
      if (specifier !== undefined) imports.push(fromExportDeclaration(statement, specifier));
    } else if (Node.isImportEqualsDeclaration(statement)) {
      const reference = statement.getModuleReference();
      if (Node.isExternalModuleReference(reference)) {
        const expression = reference.getExpression();
        if (expression && Node.isStringLiteral(expression)) {
          imports.push({ specifier: expression.getLiteralValue(), kind: 'require', typeOnly: statement.isTypeOnly(), symbols: ['*'], line: statement.getStartLineNumber() });
        }
      }
    }
  }
  collectCalls(sourceFile, imports, opaque);
  imports.sort((a, b) => a.line - b.line);
  return { imports, opaque };
}

function fromImportDeclaration(declaration: import('ts-morph').ImportDeclaration): RawImport {
  const specifier = declaration.getModuleSpecifierValue();
  const line = declaration.getStartLineNumber();
  const clause = declaration.getImportClause();
  if (clause === undefined) return { specifier, kind: 'side-effect', typeOnly: false, symbols: [], line };
  const symbols: string[] = [];
  let valueCount = 0;
  if (declaration.getDefaultImport()) {
    symbols.push('default');
    valueCount++;
  }
  if (declaration.getNamespaceImport()) {
    symbols.push('*');
    valueCount++;
  }
  for (const named of declaration.getNamedImports()) {
    symbols.push(named.getName());
    if (!named.isTypeOnly()) valueCount++;
  }
  const typeOnly = declaration.isTypeOnly() || (symbols.length > 0 && valueCount === 0);
  return { specifier, kind: typeOnly ? 'type' : 'static', typeOnly, symbols: sortUnique(symbols), line };
}

function fromExportDeclaration(declaration: import('ts-morph').ExportDeclaration, specifier: string): RawImport {
  const named = declaration.getNamedExports();
  const symbols = named.length > 0 ? named.map((item) => item.getName()) : ['*'];
  const allTypes = named.length > 0 && named.every((item) => item.isTypeOnly());
  return { specifier, kind: 'reexport', typeOnly: declaration.isTypeOnly() || allTypes, symbols: sortUnique(symbols), line: declaration.getStartLineNumber() };
}

/** import() and require() calls anywhere in the file, found by a walk of the raw syntax tree. */
function collectCalls(sourceFile: SourceFile, imports: RawImport[], opaque: OpaqueCall[]): void {
  const file = sourceFile.compilerNode;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const form = node.expression.kind === SyntaxKind.ImportKeyword ? 'import()' : isRequire(node.expression) ? 'require()' : null;
      if (form !== null && node.arguments.length >= 1) {
        const argument = node.arguments[0] as ts.Expression;
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) {
          imports.push({ specifier: argument.text, kind: form === 'import()' ? 'dynamic' : 'require', typeOnly: false, symbols: ['*'], line });
        } else {
          opaque.push({ form, line });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
}

function isRequire(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) && expression.text === 'require';
}

function sortUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}
