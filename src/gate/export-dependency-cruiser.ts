/**
 * The accepted boundaries as a dependency-cruiser 17 configuration, and the baseline as its
 * known-violations file (`depcruise --ignore-known`). One `forbidden` rule per service that may
 * not import some other service (`seams-<service>-allowed-dependencies`), and one per service with
 * entry points (`seams-<service>-entry-points`: from outside the service, only its entry points).
 * Paths are regular expressions of star height one (glob-to-regex.ts), one short one per glob, so
 * dependency-cruiser's safe-regex check accepts them. Service cycles and import budgets have no
 * dependency-cruiser rule: `seams check` keeps enforcing them.
 */
import { pairKey } from '../base/collections.js';
import { compareStrings } from '../base/compare.js';
import { DEFAULT_EXCLUDES } from '../config/settings.js';
import type { ModuleId } from '../extract/types.js';
import type { Boundaries } from './boundaries.js';
import { assignServices } from './find-violations.js';
import { escapeRegex, globToSafeRegex } from './glob-to-regex.js';
import type { BaselineEntry } from './types.js';

/** How dependency-cruiser should read the project: the tsconfig it resolves imports with, when there is one. */
export interface CruiserOptions {
  /** Path of the tsconfig relative to the folder dependency-cruiser runs in, or null. */
  tsconfig: string | null;
}

export function allowedRuleName(service: string): string {
  return `seams-${service}-allowed-dependencies`;
}

export function entryPointRuleName(service: string): string {
  return `seams-${service}-entry-points`;
}

/** A `.dependency-cruiser.json` configuration (JSON text) enforcing the boundaries. */
export function exportDependencyCruiser(boundaries: Boundaries, options: CruiserOptions): string {
  const names = Object.keys(boundaries.services).sort(compareStrings);
  const paths = (name: string) => (boundaries.services[name]?.modules ?? []).map(globToSafeRegex);
  const allowOf = (name: string) => new Set([name, ...(boundaries.services[name]?.allow ?? [])]);
  const typeOnlyPasses = boundaries.allowTypeImports === true ? { dependencyTypesNot: ['type-only'] } : {};
  const forbidden = [
    ...names.flatMap((name) => {
      const banned = names.filter((other) => !allowOf(name).has(other));
      if (banned.length === 0) return [];
      return [
        {
          name: allowedRuleName(name),
          comment: `seams boundaries: ${name} may import only ${[...allowOf(name)].sort(compareStrings).join(', ')}`,
          severity: 'error',
          from: { path: paths(name) },
          to: { path: banned.flatMap(paths), ...typeOnlyPasses },
        },
      ];
    }),
    ...names.flatMap((name) => {
      const entryPoints = boundaries.services[name]?.entryPoints;
      if (entryPoints === undefined) return [];
      return [
        {
          name: entryPointRuleName(name),
          comment: `seams boundaries: other services import ${name} only through ${entryPoints.join(', ')}`,
          severity: 'error',
          from: { pathNot: paths(name) },
          to: { path: paths(name), pathNot: entryPoints.map(globToSafeRegex) },
        },
      ];
    }),
  ];
  // A module no service claims fails seams check (unless "unclaimed": "warn"): the nearest
  // dependency-cruiser rule flags every dependency of such a module.
  if (boundaries.unclaimed !== 'warn') {
    forbidden.push({
      name: 'seams-unclaimed',
      comment: 'seams boundaries: every module belongs to a service; add this one to the "modules" of a service',
      severity: 'error',
      from: { pathNot: names.flatMap(paths) },
      to: {},
    } as (typeof forbidden)[number]);
  }
  const config = {
    forbidden,
    options: {
      // The file set seams analyses by default: tests, declarations and tool configs are left out.
      exclude: { path: excludedPaths(DEFAULT_EXCLUDES) },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      ...(options.tsconfig === null ? {} : { tsConfig: { fileName: options.tsconfig } }),
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The baseline as dependency-cruiser known violations: one per accepted (importing module,
 * imported module, rule), the rule named as in exportDependencyCruiser. Baseline entries of rules
 * dependency-cruiser does not have (service cycles, budgets) are left out.
 */
export function exportKnownViolations(boundaries: Boundaries, baseline: readonly BaselineEntry[]): string {
  const ends = [...new Set(baseline.flatMap((entry) => [entry.from, entry.to]))];
  const { serviceOf } = assignServices(ends, boundaries);
  const known = new Map<
    string,
    { type: 'dependency'; from: ModuleId; to: ModuleId; rule: { severity: 'error'; name: string } }
  >();
  for (const entry of baseline) {
    const service =
      entry.rule === 'dependency-not-allowed'
        ? serviceOf.get(entry.from)
        : entry.rule === 'entry-point-bypassed'
          ? serviceOf.get(entry.to)
          : undefined;
    if (service === undefined) continue;
    const name = entry.rule === 'dependency-not-allowed' ? allowedRuleName(service) : entryPointRuleName(service);
    known.set(pairKey(pairKey(entry.from, entry.to), name), {
      type: 'dependency',
      from: entry.from,
      to: entry.to,
      rule: { severity: 'error', name },
    });
  }
  const sorted = [...known.values()].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.rule.name, b.rule.name),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * seams's default exclusions as one regular expression dependency-cruiser accepts for
 * `options.exclude` (there it allows no more than 25 quantifiers): `**​/X/**` becomes `(?:^|/)X/`,
 * `**​/*.test.*` the substring `\.test\.`, `**​/*.d.ts` the ending `\.d\.ts$`; another shape
 * falls back to its full translation.
 */
function excludedPaths(globs: readonly string[]): string {
  return globs
    .map((glob) => {
      const rest = glob.replace(/^\*\*\//, '');
      if (/^[^*?{[]+\/\*\*$/.test(rest)) return `(?:^|/)${escapeRegex(rest.slice(0, -3))}/`;
      const inner = /^\*([^*?{[/]+)\*$/.exec(rest);
      if (inner !== null) return escapeRegex(inner[1] as string);
      const suffix = /^\*([^*?{[/]+)$/.exec(rest);
      if (suffix !== null) return `${escapeRegex(suffix[1] as string)}$`;
      return globToSafeRegex(glob);
    })
    .join('|');
}
