/**
 * The rules of `seams check`, on the module graph as written (each import statement has its file
 * and line):
 * - dependency-not-allowed: a module of service A imports a module of service B, and B is not in
 *   A's `allow` list (type-only imports pass when `allowTypeImports` is true);
 * - entry-point-bypassed: B declares `entryPoints` and the imported module is not one of them;
 * - service-cycle: A and B lie on a cycle of the service dependency graph (its strongly connected
 *   components), whatever `allow` says: each import between services of the cycle is reported
 *   (with `allowTypeImports`, type-only imports are contracts, not dependencies, and make no
 *   cycle);
 * - budget-exceeded: more module imports from A into B than the pair's budget allows.
 * A violation is reported per imported name, so its identity (rule, importing module, imported
 * module, name) survives moved lines, reordered imports and renamed unrelated files.
 */
import { firstMatchingGroup, globMatcher } from '../base/glob.js';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import { strongComponents } from '../graph/strong-components.js';
import type { GateEdge, GateGraph } from '../graph/types.js';
import type { Boundaries } from './boundaries.js';
import type { RuleId, Violation } from './types.js';
import { pairKey } from '../base/collections.js';

/**
 * Module -> service under the boundaries (first service in name order whose globs match), and the
 * modules none claims. `renamedFrom` (new id -> old id, git's renames in a `--changed-since` run):
 * a renamed module that nothing claims keeps the service that claims its old id, and is listed in
 * `renamed` (the boundaries file still names the old path, so the check reports it: see
 * unclaimedViolations).
 */
export function assignServices(
  modules: readonly ModuleId[],
  boundaries: Boundaries,
  renamedFrom: ReadonlyMap<ModuleId, ModuleId> = new Map(),
): {
  serviceOf: Map<ModuleId, string>;
  unassigned: ModuleId[];
  renamed: Map<ModuleId, { from: ModuleId; service: string }>;
} {
  const names = Object.keys(boundaries.services).sort(compareStrings);
  const firstMatch = firstMatchingGroup(names.map((name) => boundaries.services[name]?.modules ?? []));
  const serviceOf = new Map<ModuleId, string>();
  const unassigned: ModuleId[] = [];
  const renamed = new Map<ModuleId, { from: ModuleId; service: string }>();
  for (const id of modules) {
    const match = names[firstMatch(id)];
    const from = match === undefined ? renamedFrom.get(id) : undefined;
    const before = from === undefined ? undefined : names[firstMatch(from)];
    if (match !== undefined) serviceOf.set(id, match);
    else if (from !== undefined && before !== undefined) {
      serviceOf.set(id, before);
      renamed.set(id, { from, service: before });
    } else unassigned.push(id);
  }
  return { serviceOf, unassigned, renamed };
}

/**
 * One `unclaimed-module` violation per module that no service claims, saying how to claim it; a
 * renamed module that keeps its old service (see assignServices) is one too, naming the entry to
 * change. Never baselined: the fix is one line of the boundaries file, and an unclaimed module
 * escapes every other rule.
 */
export function unclaimedViolations(
  unassigned: readonly ModuleId[],
  renamed: ReadonlyMap<ModuleId, { from: ModuleId; service: string }> = new Map(),
): Violation[] {
  const violation = (file: ModuleId, service: string, message: string): Violation => ({
    rule: 'unclaimed-module',
    file,
    line: 1,
    target: file,
    fromService: service,
    toService: service,
    symbol: '*',
    message,
    identity: `unclaimed-module|${file}`,
  });
  return [
    ...unassigned.map((file) =>
      violation(
        file,
        '',
        `no service claims ${file}, so its imports are not checked: add it (or a glob that matches it) to the "modules" of a service in the boundaries file`,
      ),
    ),
    ...[...renamed].map(([file, { from, service }]) =>
      violation(
        file,
        service,
        `${file} was renamed from ${from}, which service ${service} claims: checked as ${service}, but no service claims the new path; replace "${from}" with "${file}" (or a glob that matches it) in the "modules" of ${service} in the boundaries file`,
      ),
    ),
  ].sort(compareViolations);
}

export function findViolations(
  graph: GateGraph,
  boundaries: Boundaries,
  serviceOf: ReadonlyMap<ModuleId, string>,
): Violation[] {
  const crossing = graph.edges.filter((edge) => {
    const from = serviceOf.get(edge.from);
    const to = serviceOf.get(edge.to);
    return from !== undefined && to !== undefined && from !== to;
  });
  const entryPoints = new Map(
    Object.entries(boundaries.services)
      .filter(([, service]) => service.entryPoints !== undefined)
      .map(([name, service]) => [name, globMatcher(service.entryPoints ?? [])]),
  );
  const cyclic = cyclicPairs(
    boundaries.allowTypeImports === true ? crossing.filter((edge) => !edge.typeOnly) : crossing,
    serviceOf,
  );
  const violations: Violation[] = [];
  for (const edge of crossing) {
    const fromService = serviceOf.get(edge.from) as string;
    const toService = serviceOf.get(edge.to) as string;
    const allowed =
      (boundaries.services[fromService]?.allow ?? []).includes(toService) ||
      (edge.typeOnly && boundaries.allowTypeImports === true);
    if (!allowed)
      violations.push(
        ...perSymbol(
          edge,
          'dependency-not-allowed',
          fromService,
          toService,
          `${fromService} may not depend on ${toService}`,
        ),
      );
    const isEntry = entryPoints.get(toService);
    if (isEntry && !isEntry(edge.to))
      violations.push(
        ...perSymbol(
          edge,
          'entry-point-bypassed',
          fromService,
          toService,
          `${edge.to} is not a public entry point of ${toService}`,
        ),
      );
    if (cyclic.has(pairKey(fromService, toService)))
      violations.push(
        ...perSymbol(
          edge,
          'service-cycle',
          fromService,
          toService,
          `${fromService} and ${toService} depend on each other (a cycle between services)`,
        ),
      );
  }
  violations.push(...budgetViolations(crossing, boundaries, serviceOf));
  return violations.sort(compareViolations);
}

/** Ordered service pairs whose services lie in the same strongly connected component. */
function cyclicPairs(edges: readonly GateEdge[], serviceOf: ReadonlyMap<ModuleId, string>): Set<string> {
  const numbers = new Map<string, number>();
  const successors: Set<number>[] = [];
  const numberOf = (service: string) => {
    let number = numbers.get(service);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(service, number);
      successors.push(new Set());
    }
    return number;
  };
  for (const edge of edges) {
    const from = numberOf(serviceOf.get(edge.from) as string);
    (successors[from] as Set<number>).add(numberOf(serviceOf.get(edge.to) as string));
  }
  const component = strongComponents(
    numbers.size,
    successors.map((next) => [...next]),
  );
  const names = [...numbers.keys()];
  const size = new Map<number, number>();
  for (const value of component) size.set(value, (size.get(value) ?? 0) + 1);
  const pairs = new Set<string>();
  for (const [from, next] of successors.entries())
    for (const to of next)
      if (component[from] === component[to] && (size.get(component[from] as number) ?? 0) > 1)
        pairs.add(pairKey(names[from] as string, names[to] as string));
  return pairs;
}

function budgetViolations(
  edges: readonly GateEdge[],
  boundaries: Boundaries,
  serviceOf: ReadonlyMap<ModuleId, string>,
): Violation[] {
  const violations: Violation[] = [];
  for (const budget of boundaries.budgets ?? []) {
    const used = edges.filter(
      (edge) => serviceOf.get(edge.from) === budget.from && serviceOf.get(edge.to) === budget.to,
    );
    const first = used[0];
    if (used.length <= budget.max || first === undefined) continue;
    violations.push({
      rule: 'budget-exceeded',
      file: first.from,
      line: first.details[0]?.line ?? 1,
      target: first.to,
      fromService: budget.from,
      toService: budget.to,
      symbol: '*',
      message: `${budget.from} imports ${budget.to} from ${used.length} module pairs; the budget is ${budget.max}`,
      identity: `budget-exceeded|${budget.from}|${budget.to}`,
      count: used.length,
    });
  }
  return violations;
}

function perSymbol(edge: GateEdge, rule: RuleId, fromService: string, toService: string, message: string): Violation[] {
  const details = edge.details.length > 0 ? edge.details : [{ line: 1, symbols: [] }];
  const bySymbol = new Map<string, number>();
  for (const detail of details) {
    const symbols = detail.symbols.length > 0 ? detail.symbols : ['*'];
    for (const symbol of symbols) if (!bySymbol.has(symbol)) bySymbol.set(symbol, detail.line);
  }
  return [...bySymbol.entries()].map(([symbol, line]) => ({
    rule,
    file: edge.from,
    line,
    target: edge.to,
    fromService,
    toService,
    symbol,
    message: `${message}: imports ${symbol === '*' ? 'the module' : `'${symbol}'`} from ${edge.to}`,
    identity: `${rule}|${edge.from}|${edge.to}|${symbol}`,
  }));
}

export function compareViolations(a: Violation, b: Violation): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.identity, b.identity)
  );
}
