import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import { lineCounter } from './line-counter.js';
import type { RawImport } from './types.js';
import { type KindVisitor, type NodeVisitor, walk } from './walk.js';

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
 * `import('./x')` types (in JavaScript files), and `/// <reference path>`. Reads TypeScript's
 * syntax tree directly (one walk), without the type checker.
 */
export function collectImports(file: TS.SourceFile): CollectedImports {
  const collector = importsCollector(file);
  walk(file, [collector]);
  return collector.result();
}

/**
 * The imports collector: top-level statements and reference directives are read directly, calls
 * and import types through the shared walk (`visit`); `result` sorts by line.
 */
export function importsCollector(file: TS.SourceFile): KindVisitor & { result: () => CollectedImports } {
  const imports: RawImport[] = [];
  const opaque: OpaqueCall[] = [];
  const lineOf = lineCounter(file);
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      imports.push(fromImportDeclaration(statement, statement.moduleSpecifier.text, lineOf(statement)));
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      imports.push(fromExportDeclaration(statement, statement.moduleSpecifier.text, lineOf(statement)));
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) {
        imports.push({
          specifier: expression.text,
          kind: 'require',
          typeOnly: statement.isTypeOnly,
          symbols: ['*'],
          line: lineOf(statement),
          syntax: 'import-equals',
        });
      }
    }
  }
  for (const reference of file.referencedFiles) {
    const line = file.getLineAndCharacterOfPosition(reference.pos).line + 1;
    imports.push({
      specifier: reference.fileName,
      kind: 'static',
      typeOnly: false,
      symbols: [],
      line,
      syntax: 'reference-path',
    });
  }
  return {
    kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.ImportType],
    visit: callVisitor(imports, opaque, lineOf),
    result: () => ({ imports: [...imports].sort((a, b) => a.line - b.line), opaque }),
  };
}

function fromImportDeclaration(declaration: TS.ImportDeclaration, specifier: string, line: number): RawImport {
  const clause = declaration.importClause;
  if (clause === undefined)
    return { specifier, kind: 'side-effect', typeOnly: false, symbols: [], line, syntax: 'import' };
  const symbols: string[] = [];
  const typeSymbols: string[] = [];
  let valueCount = 0;
  if (clause.name) {
    symbols.push('default');
    valueCount++;
  }
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    symbols.push('*');
    valueCount++;
  } else if (bindings) {
    for (const element of bindings.elements) {
      symbols.push((element.propertyName ?? element.name).text);
      if (element.isTypeOnly) typeSymbols.push((element.propertyName ?? element.name).text);
      else valueCount++;
    }
  }
  const typeOnly = clause.isTypeOnly || (symbols.length > 0 && valueCount === 0);
  return {
    specifier,
    kind: typeOnly ? 'type' : 'static',
    typeOnly,
    symbols: sortUnique(symbols),
    ...(typeOnly || typeSymbols.length === 0 ? {} : { typeSymbols: sortUnique(typeSymbols) }),
    line,
    syntax: 'import',
  };
}

function fromExportDeclaration(declaration: TS.ExportDeclaration, specifier: string, line: number): RawImport {
  const clause = declaration.exportClause;
  const named = clause && ts.isNamedExports(clause) ? clause.elements : [];
  const symbols = named.length > 0 ? named.map((element) => (element.propertyName ?? element.name).text) : ['*'];
  const allTypes = named.length > 0 && named.every((element) => element.isTypeOnly);
  const typeOnly = declaration.isTypeOnly || allTypes;
  const typeSymbols = typeOnly
    ? []
    : named.filter((element) => element.isTypeOnly).map((element) => (element.propertyName ?? element.name).text);
  return {
    specifier,
    kind: 'reexport',
    typeOnly,
    symbols: sortUnique(symbols),
    ...(typeSymbols.length === 0 ? {} : { typeSymbols: sortUnique(typeSymbols) }),
    line,
    syntax: 'export-from',
  };
}

/** import() and require() calls and `import('./x')` types anywhere in the file, JSDoc included. */
function callVisitor(imports: RawImport[], opaque: OpaqueCall[], lineOf: (node: TS.Node) => number): NodeVisitor {
  return (node, inJsDoc) => {
    if (ts.isCallExpression(node)) {
      const form =
        node.expression.kind === ts.SyntaxKind.ImportKeyword
          ? 'import()'
          : isRequire(node.expression)
            ? 'require()'
            : null;
      if (form !== null && node.arguments.length >= 1) {
        const argument = node.arguments[0] as TS.Expression;
        if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) {
          const dynamic = form === 'import()';
          imports.push({
            specifier: argument.text,
            kind: dynamic ? 'dynamic' : 'require',
            typeOnly: false,
            symbols: ['*'],
            line: lineOf(node),
            syntax: dynamic ? 'import-call' : 'require-call',
          });
        } else {
          opaque.push({ form, line: lineOf(node) });
        }
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      const first = node.qualifier === undefined ? undefined : firstName(node.qualifier);
      const symbols = node.isTypeOf || first === undefined ? ['*'] : [first];
      imports.push({
        specifier: node.argument.literal.text,
        kind: 'type',
        typeOnly: true,
        symbols,
        line: lineOf(node),
        syntax: inJsDoc ? 'jsdoc-import-type' : 'import-type',
      });
    }
  };
}

/** The leftmost identifier of `A.B.C` (a loop: qualified names can be deep). */
function firstName(name: TS.EntityName): string {
  let left = name;
  while (!ts.isIdentifier(left)) left = left.left;
  return left.text;
}

function isRequire(expression: TS.Expression): boolean {
  return ts.isIdentifier(expression) && expression.text === 'require';
}

function sortUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}
