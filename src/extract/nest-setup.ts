import { type TS, ts } from '../base/typescript.js';
import type { NestSetupFact } from './collect-routes.js';
import { DYNAMIC, propertyOf, staticText, staticTexts } from './route-syntax.js';

/**
 * `app.setGlobalPrefix(prefix, { exclude })` and `app.enableVersioning({ type, prefix,
 * defaultVersion })` of a NestJS application (the methods exist on no other framework's app).
 * `enableVersioning()` without options is URI versioning; a URI version's prefix is `v` unless set.
 */
export function nestSetupOf(
  node: TS.CallExpression,
  method: 'setGlobalPrefix' | 'enableVersioning',
  lineOf: (node: TS.Node) => number,
): NestSetupFact {
  const [first, second] = node.arguments;
  const line = lineOf(node);
  if (method === 'setGlobalPrefix') {
    if (first === undefined) return {};
    const prefix = staticText(first);
    const excluded =
      second !== undefined && ts.isObjectLiteralExpression(second) ? propertyOf(second, 'exclude') : undefined;
    const exclude = excluded === undefined ? undefined : exclusions(excluded);
    return {
      globalPrefix: {
        path: prefix.text,
        ...(prefix.dynamic ? { dynamic: true as const } : {}),
        ...(exclude === undefined ? {} : { exclude }),
        line,
      },
    };
  }
  if (first === undefined) return { versioning: { type: 'URI', line } };
  if (!ts.isObjectLiteralExpression(first)) return { versioning: { type: DYNAMIC, line } };
  const typeNode = propertyOf(first, 'type');
  const type =
    typeNode === undefined
      ? 'URI'
      : ts.isPropertyAccessExpression(typeNode) && /^(URI|HEADER|MEDIA_TYPE|CUSTOM)$/.test(typeNode.name.text)
        ? typeNode.name.text
        : DYNAMIC;
  const prefixNode = propertyOf(first, 'prefix');
  const prefix =
    prefixNode === undefined
      ? undefined
      : prefixNode.kind === ts.SyntaxKind.FalseKeyword
        ? false
        : staticText(prefixNode).text;
  const versionNode = propertyOf(first, 'defaultVersion');
  const defaultVersion =
    versionNode === undefined
      ? undefined
      : (ts.isArrayLiteralExpression(versionNode) ? [...versionNode.elements] : [versionNode]).map((element) =>
          (ts.isIdentifier(element) || ts.isPropertyAccessExpression(element)) &&
          (ts.isIdentifier(element) ? element.text : element.name.text) === 'VERSION_NEUTRAL'
            ? 'neutral'
            : staticText(element).text,
        );
  return {
    versioning: {
      type,
      ...(prefix === undefined ? {} : { prefix }),
      ...(defaultVersion === undefined ? {} : { defaultVersion }),
      line,
    },
  };
}

/** `['health', { path: 'metrics', method: RequestMethod.GET }]` -> paths and methods (ALL when unsaid). */
function exclusions(node: TS.Expression): { path: string; method?: string }[] {
  if (!ts.isArrayLiteralExpression(node)) return [{ path: DYNAMIC }];
  return node.elements.flatMap((element) => {
    if (!ts.isObjectLiteralExpression(element)) return staticTexts(element).map((item) => ({ path: item.text }));
    const path = propertyOf(element, 'path');
    const method = propertyOf(element, 'method');
    const methodName =
      method === undefined ? undefined : ts.isPropertyAccessExpression(method) ? method.name.text : DYNAMIC;
    return [
      {
        path: path === undefined ? DYNAMIC : staticText(path).text,
        ...(methodName === undefined ? {} : { method: methodName }),
      },
    ];
  });
}
