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
 * `import x = require()`, type-position `import('./x').T` and `typeof import('./x')`, JSDoc
 * `import('./x')` types (in JavaScript files), and `/// <reference path>`.
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
          imports.push({ specifier: expression.getLiteralValue(), kind: 'require', typeOnly: statement.isTypeOnly(), symbols: ['*'], line: statement.getStartLineNumber(), syntax: 'import-equals' });
        }
      }
    }
  }
  collectReferencePaths(sourceFile, imports);
  collectCalls(sourceFile, imports, opaque);
  imports.sort((a, b) => a.line - b.line);
  return { imports, opaque };
}

function fromImportDeclaration(declaration: import('ts-morph').ImportDeclaration): RawImport {
  const specifier = declaration.getModuleSpecifierValue();
  const line = declaration.getStartLineNumber();
  const clause = declaration.getImportClause();
  if (clause === undefined) return { specifier, kind: 'side-effect', typeOnly: false, symbols: [], line, syntax: 'import' };
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
  return { specifier, kind: typeOnly ? 'type' : 'static', typeOnly, symbols: sortUnique(symbols), line, syntax: 'import' };
}

function fromExportDeclaration(declaration: import('ts-morph').ExportDeclaration, specifier: string): RawImport {
  const named = declaration.getNamedExports();
  const symbols = named.length > 0 ? named.map((item) => item.getName()) : ['*'];
  const allTypes = named.length > 0 && named.every((item) => item.isTypeOnly());
  return { specifier, kind: 'reexport', typeOnly: declaration.isTypeOnly() || allTypes, symbols: sortUnique(symbols), line: declaration.getStartLineNumber(), syntax: 'export-from' };
}

/** `/// <reference path="..." />` directives: a dependency the compiler follows, resolved as a path. */
function collectReferencePaths(sourceFile: SourceFile, imports: RawImport[]): void {
  const file = sourceFile.compilerNode;
  for (const reference of file.referencedFiles) {
    const line = file.getLineAndCharacterOfPosition(reference.pos).line + 1;
    imports.push({ specifier: reference.fileName, kind: 'static', typeOnly: false, symbols: [], line, syntax: 'reference-path' });
  }
}

/**
 * import() and require() calls and `import('./x')` types anywhere in the file (JSDoc included),
 * found by one walk of the raw syntax tree.
 */
function collectCalls(sourceFile: SourceFile, imports: RawImport[], opaque: OpaqueCall[]): void {
  const file = sourceFile.compilerNode;
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node, inJsDoc: boolean): void => {
    if (ts.isCallExpression(node)) {
      const form = node.expression.kind === SyntaxKind.ImportKeyword ? 'import()' : isRequire(node.expression) ? 'require()' : null;
      if (form !== null && node.arguments.length >= 1) {
        const argument = node.arguments[0] as ts.Expression;
        if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) {
          const dynamic = form === 'import()';
          imports.push({ specifier: argument.text, kind: dynamic ? 'dynamic' : 'require', typeOnly: false, symbols: ['*'], line: lineOf(node), syntax: dynamic ? 'import-call' : 'require-call' });
        } else {
          opaque.push({ form, line: lineOf(node) });
        }
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const first = node.qualifier === undefined ? undefined : firstName(node.qualifier);
      const symbols = node.isTypeOf || first === undefined ? ['*'] : [first];
      imports.push({ specifier: node.argument.literal.text, kind: 'type', typeOnly: true, symbols, line: lineOf(node), syntax: inJsDoc ? 'jsdoc-import-type' : 'import-type' });
    }
    const jsDoc = (node as { jsDoc?: ts.Node[] }).jsDoc;
    if (jsDoc !== undefined) for (const doc of jsDoc) visit(doc, true);
    ts.forEachChild(node, (child) => visit(child, inJsDoc));
  };
  ts.forEachChild(file, (child) => visit(child, false));
}

function firstName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : firstName(name.left);
}

function isRequire(expression: ts.Expression): boolean {
  return ts.isIdentifier(expression) && expression.text === 'require';
}

function sortUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}
