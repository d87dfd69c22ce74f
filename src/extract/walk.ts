import { ts } from 'ts-morph';

/** Receives every node of a file once; `inJsDoc` is true inside JSDoc comments. */
export type NodeVisitor = (node: ts.Node, inJsDoc: boolean) => void;

/**
 * One depth-first walk of a syntax tree, JSDoc comments included, calling every visitor on every
 * node: the collectors share it, so a file is walked once however many facts are read from it.
 */
export function walk(file: ts.SourceFile, visitors: readonly NodeVisitor[]): void {
  const visit = (node: ts.Node, inJsDoc: boolean): void => {
    for (const visitor of visitors) visitor(node, inJsDoc);
    const jsDoc = (node as { jsDoc?: ts.Node[] }).jsDoc;
    if (jsDoc !== undefined) for (const doc of jsDoc) visit(doc, true);
    ts.forEachChild(node, (child) => visit(child, inJsDoc));
  };
  ts.forEachChild(file, (child) => visit(child, false));
}
