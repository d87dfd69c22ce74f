import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import type { RawExports } from './types.js';

/**
 * What one file exports, read from its top-level statements without the type checker: locally
 * declared exports (interfaces, type aliases and abstract classes also listed as abstract; names
 * that exist only as types listed in `types`), `export ... from` re-exports (`export type { a }
 * from` marked type-only), `export *`, and imported bindings that are exported again
 * (`import { a } from './a'; export { a };`, `export default a`).
 */
export function collectExports(file: TS.SourceFile): RawExports {
  // Both tables are built on first use: most files never look up an imported binding.
  let bindings: ReturnType<typeof importedBindings> | undefined;
  const bindingOf = (name: string) => {
    bindings ??= importedBindings(file);
    return bindings.get(name);
  };
  let kinds: ReturnType<typeof declarationKinds> | undefined;
  const kindOf = (name: string) => {
    kinds ??= declarationKinds(file);
    return kinds.get(name);
  };
  const local = new Set<string>();
  const abstract = new Set<string>();
  const typeNames = new Set<string>();
  const reexports: RawExports['reexports'] = [];
  const stars: string[] = [];
  /** A local name exported as `exported` is a type when every top-level declaration of it is. */
  const addLocal = (exported: string, declared: string) => {
    local.add(exported);
    if (kindOf(declared) === 'type') typeNames.add(exported);
  };
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        if (clause === undefined) stars.push(specifier);
        else if (ts.isNamespaceExport(clause))
          reexports.push({ name: clause.name.text, specifier, imported: '*', ...typeOnly(statement.isTypeOnly) });
        else
          for (const element of clause.elements)
            reexports.push({
              name: element.name.text,
              specifier,
              imported: (element.propertyName ?? element.name).text,
              ...typeOnly(statement.isTypeOnly || element.isTypeOnly),
            });
      } else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const declared = (element.propertyName ?? element.name).text;
          const binding = bindingOf(declared);
          if (binding)
            reexports.push({
              name: element.name.text,
              ...binding,
              ...typeOnly(statement.isTypeOnly || element.isTypeOnly || binding.typeOnly === true),
            });
          else {
            addLocal(element.name.text, declared);
            if (statement.isTypeOnly || element.isTypeOnly) typeNames.add(element.name.text);
          }
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) continue;
      const binding = ts.isIdentifier(statement.expression) ? bindingOf(statement.expression.text) : undefined;
      if (binding) reexports.push({ name: 'default', ...binding });
      else if (ts.isIdentifier(statement.expression)) addLocal('default', statement.expression.text);
      else local.add('default');
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      const names = isDefault ? ['default'] : declaredNames(statement);
      for (const name of names) local.add(name);
      if (isAbstractDeclaration(statement)) for (const name of names) abstract.add(name);
      if (isDefault && isTypeDeclaration(statement)) typeNames.add('default');
      else if (!isDefault) for (const name of names) if (kindOf(name) === 'type') typeNames.add(name);
    }
  }
  const types = [...typeNames].filter((name) => local.has(name)).sort(compareStrings);
  return {
    local: [...local].sort(compareStrings),
    reexports,
    stars,
    abstract: [...abstract].sort(compareStrings),
    ...(types.length > 0 ? { types } : {}),
  };
}

function typeOnly(flag: boolean): { typeOnly?: true } {
  return flag ? { typeOnly: true } : {};
}

/**
 * Top-level declared names and whether they exist only as types: `type` when every declaration
 * of the name is an interface, a type alias or an ambient (`declare`) declaration, none of which
 * emits a value in this module; `value` as soon as one declaration does (a class, a function, a
 * variable, an enum, a namespace with values: `const A = 1; type A = …` is a value).
 */
function declarationKinds(file: TS.SourceFile): Map<string, 'type' | 'value'> {
  const kinds = new Map<string, 'type' | 'value'>();
  const record = (name: string, kind: 'type' | 'value') => {
    if (kinds.get(name) !== 'value') kinds.set(name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement))
      continue;
    const kind = isTypeDeclaration(statement) ? 'type' : 'value';
    for (const name of declaredNames(statement)) record(name, kind);
  }
  return kinds;
}

/** Interfaces, type aliases and ambient declarations: nothing of them exists at run time in this module. */
function isTypeDeclaration(statement: TS.Statement): boolean {
  return (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    hasModifier(statement, ts.SyntaxKind.DeclareKeyword)
  );
}

function importedBindings(file: TS.SourceFile): Map<string, { specifier: string; imported: string; typeOnly?: true }> {
  const bindings = new Map<string, { specifier: string; imported: string; typeOnly?: true }>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause)
      continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name) bindings.set(clause.name.text, { specifier, imported: 'default', ...typeOnly(clause.isTypeOnly) });
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named))
      bindings.set(named.name.text, { specifier, imported: '*', ...typeOnly(clause.isTypeOnly) });
    else if (named)
      for (const element of named.elements)
        bindings.set(element.name.text, {
          specifier,
          imported: (element.propertyName ?? element.name).text,
          ...typeOnly(clause.isTypeOnly || element.isTypeOnly),
        });
  }
  return bindings;
}

/** Whether a statement carries a modifier (as ts.getModifiers lists them; decorators never match a keyword), without a copy of the list. */
function hasModifier(statement: TS.Statement, kind: TS.SyntaxKind): boolean {
  if (!ts.canHaveModifiers(statement) || statement.modifiers === undefined) return false;
  for (const modifier of statement.modifiers) if (modifier.kind === kind) return true;
  return false;
}

function declaredNames(statement: TS.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  const name = (statement as { name?: TS.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}

/** The names a binding declares, in source order (an explicit stack: patterns can nest deeply). */
function bindingNames(name: TS.BindingName): string[] {
  const names: string[] = [];
  const pending: TS.BindingName[] = [name];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (ts.isIdentifier(next)) names.push(next.text);
    else
      for (let index = next.elements.length - 1; index >= 0; index--) {
        const element = next.elements[index] as TS.ArrayBindingElement;
        if (!ts.isOmittedExpression(element)) pending.push(element.name);
      }
  }
  return names;
}

/** Interfaces, type aliases and abstract classes: what Martin's abstractness counts. */
function isAbstractDeclaration(statement: TS.Statement): boolean {
  return (
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    (ts.isClassDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.AbstractKeyword))
  );
}
