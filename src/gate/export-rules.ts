import { compareStrings } from '../base/compare.js';
import type { Boundaries } from './boundaries.js';
import { compileGlob } from '../base/glob.js';

/**
 * The accepted boundaries as rules for the gates teams already run. dependency-cruiser: one
 * `forbidden` rule per service that has services it may not import (module globs become path
 * regular expressions). eslint-plugin-boundaries: one element type per service and an
 * `element-types` rule that allows each service only itself and its `allow` list.
 */
export function exportRules(boundaries: Boundaries, target: 'dependency-cruiser' | 'eslint-boundaries'): string {
  const names = Object.keys(boundaries.services).sort(compareStrings);
  const patterns = (name: string) => boundaries.services[name]?.modules ?? [];
  const allowOf = (name: string) => new Set([name, ...(boundaries.services[name]?.allow ?? [])]);
  if (target === 'dependency-cruiser') {
    const forbidden = names.flatMap((name) => {
      const banned = names.filter((other) => !allowOf(name).has(other));
      if (banned.length === 0) return [];
      return [
        {
          name: `seams-${name}-allowed-dependencies`,
          comment: `seams boundaries: ${name} may import only ${[...allowOf(name)].sort(compareStrings).join(', ')}`,
          severity: 'error',
          from: { path: patterns(name).map(toRegex) },
          to: {
            path: banned.flatMap(patterns).map(toRegex),
            ...(boundaries.allowTypeImports ? { dependencyTypesNot: ['type-only'] } : {}),
          },
        },
      ];
    });
    return `${JSON.stringify({ forbidden }, null, 2)}\n`;
  }
  const config = {
    plugins: ['boundaries'],
    settings: { 'boundaries/elements': names.map((name) => ({ type: name, pattern: patterns(name), mode: 'full' })) },
    rules: {
      'boundaries/element-types': [
        2,
        {
          default: 'disallow',
          rules: names.map((name) => ({ from: name, allow: [...allowOf(name)].sort(compareStrings) })),
        },
      ],
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function toRegex(glob: string): string {
  return compileGlob(glob).source;
}
