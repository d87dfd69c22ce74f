import { type TS, ts } from '../base/typescript.js';
import { compareStrings } from '../base/compare.js';
import type { KindVisitor, NodeVisitor } from './walk.js';

/**
 * String constants declared in one file, so that a name written through one (`@OnEvent(ORDER_CREATED)`,
 * `emit(Events.OrderCreated)`, `@Entity(TABLE)`) reads as its literal: `const X = 'a'`,
 * `const O = { A: 'a' }` (also `as const`), string-valued `enum` members. A name declared twice
 * in the file with different values (shadowing) resolves to nothing. Resolution happens after the
 * walk, so a constant declared below its use counts.
 */
export interface LiteralConstants {
  /** The literal an expression stands for, or undefined when it is not a static string of this file. */
  resolve(expression: TS.Expression): string | undefined;
}

const AMBIGUOUS = Symbol('ambiguous');

export function literalConstantsCollector(): KindVisitor & {
  constants: LiteralConstants;
  /** The exported ones (`export const`, `export enum`), by key (`X`, `O.A`, `E.A`), sorted; absent when none. */
  exported: () => Record<string, string> | undefined;
} {
  const values = new Map<string, string | typeof AMBIGUOUS>();
  /** Keys declared by an exported statement. */
  const exportedKeys = new Set<string>();
  /** Declaration lists of `export const` statements (the walk meets the statement before its list). */
  const exportedLists = new Set<TS.Node>();
  const isExported = (node: TS.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((item) => item.kind === ts.SyntaxKind.ExportKeyword);
  const define = (name: string, value: string | undefined): void => {
    if (value === undefined) return;
    const known = values.get(name);
    values.set(name, known === undefined || known === value ? value : AMBIGUOUS);
  };
  const visit: NodeVisitor = (node, inJsDoc) => {
    if (inJsDoc) return;
    if (ts.isVariableStatement(node)) {
      if (isExported(node)) exportedLists.add(node.declarationList);
    } else if (ts.isVariableDeclarationList(node)) {
      if ((node.flags & ts.NodeFlags.Const) === 0) return;
      const exported = exportedLists.has(node);
      const key = (name: string, value: string | undefined) => {
        define(name, value);
        if (exported && value !== undefined) exportedKeys.add(name);
      };
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        const initializer = unwrap(declaration.initializer);
        if (ts.isObjectLiteralExpression(initializer)) {
          for (const property of initializer.properties)
            if (ts.isPropertyAssignment(property) && propertyName(property.name) !== undefined)
              key(`${declaration.name.text}.${propertyName(property.name)}`, literal(unwrap(property.initializer)));
        } else key(declaration.name.text, literal(initializer));
      }
    } else if (ts.isEnumDeclaration(node)) {
      const exported = isExported(node);
      for (const member of node.members)
        if (member.initializer !== undefined && propertyName(member.name) !== undefined) {
          const name = `${node.name.text}.${propertyName(member.name)}`;
          const value = literal(member.initializer);
          define(name, value);
          if (exported && value !== undefined) exportedKeys.add(name);
        }
    }
  };
  const lookup = (key: string): string | undefined => {
    const value = values.get(key);
    return value === AMBIGUOUS ? undefined : value;
  };
  return {
    kinds: [ts.SyntaxKind.VariableStatement, ts.SyntaxKind.VariableDeclarationList, ts.SyntaxKind.EnumDeclaration],
    visit,
    exported: () => {
      const entries = [...exportedKeys]
        .flatMap((key) => {
          const value = lookup(key);
          return value === undefined ? [] : [[key, value] as const];
        })
        .sort((a, b) => compareStrings(a[0], b[0]));
      return entries.length === 0 ? undefined : Object.fromEntries(entries);
    },
    constants: {
      resolve(expression) {
        const node = unwrap(expression);
        const text = literal(node);
        if (text !== undefined) return text;
        if (ts.isIdentifier(node)) return lookup(node.text);
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression))
          return lookup(`${node.expression.text}.${node.name.text}`);
        if (
          ts.isElementAccessExpression(node) &&
          ts.isIdentifier(node.expression) &&
          ts.isStringLiteral(node.argumentExpression)
        )
          return lookup(`${node.expression.text}.${node.argumentExpression.text}`);
        return undefined;
      },
    },
  };
}

/** A string literal or a template without substitutions. */
export function literal(node: TS.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** The expression inside parentheses, `as const`, `as T`, `satisfies T` and `!`. */
function unwrap(expression: TS.Expression): TS.Expression {
  let node = expression;
  while (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  return node;
}

function propertyName(name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
