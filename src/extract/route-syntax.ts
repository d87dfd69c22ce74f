import { type TS, ts } from '../base/typescript.js';

/** The part of a path, name or version that is not a static string where it is written. */
export const DYNAMIC = '{dynamic}';

/** A path or name as far as it is static: `text` holds DYNAMIC where a part is computed. */
export interface StaticText {
  text: string;
  dynamic: boolean;
}

/**
 * The text of an expression as far as it is written as strings: a string literal; a template,
 * its substitutions as DYNAMIC; a `+` concatenation, part by part; anything else DYNAMIC.
 */
export function staticText(node: TS.Expression): StaticText {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, dynamic: false };
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return staticText(node.expression);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += DYNAMIC + span.literal.text;
    return { text, dynamic: true };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = staticText(node.left);
    const right = staticText(node.right);
    return { text: left.text + right.text, dynamic: left.dynamic || right.dynamic };
  }
  return { text: DYNAMIC, dynamic: true };
}

/** A property name as written: identifier, string or number; a computed name is DYNAMIC. */
export function propertyName(name: TS.PropertyName): StaticText {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    return { text: name.text, dynamic: false };
  if (ts.isComputedPropertyName(name)) return staticText(name.expression);
  return { text: DYNAMIC, dynamic: true };
}

/** The initializer of property `key` of an object literal, if written as a plain property. */
export function propertyOf(object: TS.ObjectLiteralExpression, key: string): TS.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && !ts.isComputedPropertyName(property.name)) {
      if (propertyName(property.name).text === key) return property.initializer;
    } else if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) {
      return property.name;
    } else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name) && property.name.text === key) {
      return undefined;
    }
  }
  return undefined;
}

/** Whether an object literal has property `key` in any form (`handler() {}` included). */
export function hasProperty(object: TS.ObjectLiteralExpression, key: string): boolean {
  return object.properties.some(
    (property) =>
      property.name !== undefined && !ts.isComputedPropertyName(property.name) && property.name.text === key,
  );
}

/** Strings of an argument that is a string or an array of them (NestJS paths and versions); none for no argument. */
export function staticTexts(node: TS.Expression | undefined): StaticText[] {
  if (node === undefined) return [];
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((element) => staticText(element));
  return [staticText(node)];
}

/** Whether an argument can be a request handler or middleware: a function, a name, a call that makes one, or an array of those. */
export function isHandlerLike(node: TS.Expression): boolean {
  if (ts.isArrayLiteralExpression(node)) return node.elements.length > 0 && node.elements.every(isHandlerLike);
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isIdentifier(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isCallExpression(node)
  );
}

/**
 * The name of a handler as written: an identifier or `a.b`; a named function expression's name; a
 * wrapper call (`asyncHandler(list)`, `list.bind(this)`) is seen through to the function it wraps;
 * the last element of an array (middlewares first); `<anonymous>` otherwise.
 */
export function handlerName(node: TS.Expression): string {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const owner = node.expression;
    if (ts.isIdentifier(owner) || owner.kind === ts.SyntaxKind.ThisKeyword)
      return `${ts.isIdentifier(owner) ? owner.text : 'this'}.${node.name.text}`;
    return node.name.text;
  }
  if (ts.isFunctionExpression(node) && node.name !== undefined) return node.name.text;
  if (ts.isArrayLiteralExpression(node)) {
    const last = node.elements[node.elements.length - 1];
    return last === undefined ? '<anonymous>' : handlerName(last);
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') return handlerName(callee.expression);
    const last = node.arguments[node.arguments.length - 1];
    if (last === undefined) return '<anonymous>';
    if (ts.isArrowFunction(last) || ts.isFunctionExpression(last)) return handlerName(last);
    // A name passed to a wrapper (`asyncHandler(list)`), not to a factory of middleware (`cors(config)`).
    const wrapper = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : '';
    if (WRAPPER.test(wrapper) && (ts.isIdentifier(last) || ts.isPropertyAccessExpression(last)))
      return handlerName(last);
  }
  return '<anonymous>';
}

/** Functions that wrap a handler and are called with it: `asyncHandler`, `catchAsync`, `wrap`, `safe`, `tryCatch`. */
const WRAPPER = /async|handler|wrap|catch|safe|try/i;

/** The name of a class member or declaration; DYNAMIC for a computed name. */
export function memberName(name: TS.PropertyName | undefined): string {
  return name === undefined ? '<anonymous>' : propertyName(name).text;
}

/** The name a decorator is called by: `Get` for `@Get()` and `@common.Get()`; '' when not a call or name. */
export function decoratorName(decorator: TS.Decorator): string {
  const expression = decorator.expression;
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

/** The arguments of a decorator call (none for `@Get` written without parentheses). */
export function decoratorArguments(decorator: TS.Decorator): readonly TS.Expression[] {
  return ts.isCallExpression(decorator.expression) ? decorator.expression.arguments : [];
}
