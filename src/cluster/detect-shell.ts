/**
 * Composition-root detection: the files that start the application and wire its parts together
 * stay in the monolith as its shell (planned last); left among the services they join whichever
 * domain they are most tied to, or tie unrelated domains into one service. The shell is the top
 * of the import graph, found from its entry points down: a module is part of it when
 *   1. **bootstrap**: it starts the application (`NestFactory.create…`, or a server it creates
 *      with `express()`, `new Koa()`, `fastify()` … and `.listen`s to; see collect-bootstrap.ts),
 *      or no module imports it and it calls `.listen(…)` on a server made elsewhere;
 *   2. **app factory**: it creates the server (`express()`, `new Koa()`, …) and only the shell
 *      imports it;
 *   3. **aggregator**: only the shell imports it, or no module does; it imports modules of at
 *      least `threshold` different areas (first-pass clusters), kernel modules not counted; and
 *      it is wiring only: at most WIRING_BASE + WIRING_PER_IMPORT lines per
 *      module it imports (the root `@Module`, a route index, a DI container, a job scheduler,
 *      a barrel listing every controller);
 *   4. **closure**: only the shell imports it (at least one module does) and it imports a shell
 *      module, or an app factory or aggregator (`server.ts` between `main.ts` and `app.ts`);
 * repeated until nothing changes. Each module gets the reason it was recognised.
 */
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import type { ModuleGraph } from '../graph/types.js';
import { importSets } from './import-sets.js';

/** Lines a wiring-only module may have regardless of its imports. */
export const WIRING_BASE = 10;
/** Lines a wiring-only module may have per module it imports. */
export const WIRING_PER_IMPORT = 6;

export interface ShellDetection {
  /** Shell modules, sorted. */
  modules: ModuleId[];
  /** Why each one is in the shell. */
  reasons: Record<ModuleId, string>;
}

/**
 * @param areaOf first-pass cluster of each module
 * @param kernel kernel modules, not counted when measuring an aggregator's reach
 * @param threshold areas or stems an aggregator must reach
 */
export function detectShell(
  graph: ModuleGraph,
  areaOf: ReadonlyMap<ModuleId, string>,
  kernel: ReadonlySet<ModuleId>,
  threshold: number,
): ShellDetection {
  const { importers, imported } = importSets(graph);
  const reasons = new Map<ModuleId, string>();
  for (const module of graph.modules) {
    const bootstrap = module.bootstrap;
    if (bootstrap?.role === 'start')
      reasons.set(module.id, `bootstrap: starts the application (${bootstrap.call}, line ${bootstrap.line})`);
    else if (bootstrap?.role === 'listen' && (importers.get(module.id)?.size ?? 0) === 0)
      reasons.set(
        module.id,
        `bootstrap: no module imports it and it starts a server (${bootstrap.call}, line ${bootstrap.line})`,
      );
  }
  const aggregator = new Map<ModuleId, string>();
  for (const module of graph.modules) {
    const targets = [...(imported.get(module.id) ?? [])].filter((id) => !kernel.has(id));
    if (targets.length < threshold || module.lines > WIRING_BASE + WIRING_PER_IMPORT * targets.length) continue;
    const areas = new Set(targets.map((id) => areaOf.get(id) ?? id)).size;
    if (areas < threshold) continue;
    aggregator.set(module.id, `wires ${targets.length} modules of ${areas} areas in ${module.lines} lines`);
  }
  const byId = new Map(graph.modules.map((module) => [module.id, module]));
  const importedOnlyByShell = (id: ModuleId) => [...(importers.get(id) ?? [])].every((from) => reasons.has(from));
  for (let changed = true; changed; ) {
    changed = false;
    for (const module of graph.modules) {
      const id = module.id;
      if (reasons.has(id) || !importedOnlyByShell(id)) continue;
      const importedBy = (importers.get(id)?.size ?? 0) === 0 ? 'no module imports it' : 'only the shell imports it';
      const wiring = aggregator.get(id);
      const shellImport = [...(imported.get(id) ?? [])]
        .filter((to) => reasons.has(to) || aggregator.has(to) || byId.get(to)?.bootstrap?.role === 'create')
        .sort(compareStrings)[0];
      let reason: string | null = null;
      if (module.bootstrap?.role === 'create' && importedBy !== 'no module imports it')
        reason = `app factory: creates the server (${module.bootstrap.call}, line ${module.bootstrap.line}); ${importedBy}`;
      else if (wiring !== undefined) reason = `aggregator: ${wiring}; ${importedBy}`;
      else if (shellImport !== undefined && importedBy !== 'no module imports it')
        reason = `wiring between the shell's modules: imports ${shellImport}; ${importedBy}`;
      if (reason !== null) {
        reasons.set(id, reason);
        changed = true;
      }
    }
  }
  const modules = [...reasons.keys()].sort(compareStrings);
  return { modules, reasons: Object.fromEntries(modules.map((id) => [id, reasons.get(id) as string])) };
}
