/**
 * Typed access to graphology's CommonJS algorithm packages. Each sets `module.exports = fn`, but
 * its typings declare `export default fn`; under NodeNext resolution the default import is the
 * function itself at run time, so the typings' `default` member is re-applied here, once.
 */
import louvainModule from 'graphology-communities-louvain';

export { DirectedGraph, UndirectedGraph } from 'graphology';
export { stronglyConnectedComponents } from 'graphology-components';

export const louvain = louvainModule as unknown as typeof louvainModule.default;
