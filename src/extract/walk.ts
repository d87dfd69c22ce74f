import { type TS, ts } from '../base/typescript.js';

/** Receives every node of a file once; `inJsDoc` is true inside JSDoc comments. */
export type NodeVisitor = (node: TS.Node, inJsDoc: boolean) => void;

/**
 * One depth-first walk of a syntax tree, JSDoc comments included, calling every visitor on every
 * node: the collectors share it, so a file is walked once however many facts are read from it.
 * Pre-order, a node's JSDoc comments before its children, children in source order. Iterative,
 * with an explicit stack: tsc accepts expressions and `else if` chains thousands of levels deep
 * (`0 + 1 + … + 2999`), which would overflow the call stack of a recursive walk.
 */
export function walk(file: TS.SourceFile, visitors: readonly NodeVisitor[]): void {
  const nodes: TS.Node[] = [];
  const inJsDocs: boolean[] = [];
  // Children are pushed in reverse so that they pop in source order.
  const pushChildren = (node: TS.Node, inJsDoc: boolean, withJsDoc: boolean): void => {
    const start = nodes.length;
    const jsDoc = withJsDoc ? (node as { jsDoc?: TS.Node[] }).jsDoc : undefined;
    const jsDocCount = jsDoc === undefined ? 0 : jsDoc.length;
    if (jsDoc !== undefined) for (const doc of jsDoc) nodes.push(doc);
    ts.forEachChild(node, (child) => {
      nodes.push(child);
    });
    for (let index = start; index < nodes.length; index++) inJsDocs.push(inJsDoc || index < start + jsDocCount);
    reverse(nodes, start);
    reverse(inJsDocs, start);
  };
  // The file itself is not visited, only its children.
  pushChildren(file, false, false);
  for (;;) {
    const node = nodes.pop();
    const inJsDoc = inJsDocs.pop();
    if (node === undefined || inJsDoc === undefined) return;
    for (const visitor of visitors) visitor(node, inJsDoc);
    pushChildren(node, inJsDoc, true);
  }
}

function reverse<T>(items: T[], from: number): void {
  for (let low = from, high = items.length - 1; low < high; low++, high--) {
    const item = items[low] as T;
    items[low] = items[high] as T;
    items[high] = item;
  }
}
