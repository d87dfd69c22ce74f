/**
 * The re-check snapshot: what `seams check` needs of the last run (each module's graph node, the
 * edges from it, its exports, content key and file status, the diagnostics of its own parse and
 * resolution), so that a run after a few edits reads, parses and resolves only the changed files
 * and takes everything else, the graph included, from the snapshot instead of the extraction
 * cache.
 *
 * Exactness. Every edge from a module comes from that module's own imports, wiring and members,
 * and from the exports of the modules its imports name (barrel see-through, build-graph.ts
 * moduleEdges); as the gate reads an edge, those exports matter only through whether an imported
 * name is a type. A file whose bytes are unchanged resolves as it did while the resolution context
 * holds (extract/resolution-context.ts: seams's code, every tsconfig, compiler options and file
 * list, the workspace, the tree under the root with its manifests and installs). So when the
 * context and the settings are the same, the graph is the stored one with the changed modules'
 * edges made again, as long as no changed file's exports can change what another module's lookup
 * answers about types (sameForTheGate). Anything else falls back to the full front half (null):
 * another context or setting, a file added, removed or skipped differently, a changed file whose
 * types, re-exports or `export *` changed or whose new or removed value bears a name some module
 * exports as a type, a changed file whose imports out of the root changed, a file reached by
 * import, a resolver refusal. The full run writes a new snapshot.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { codeFingerprint } from './base/code-fingerprint.js';
import { compareDiagnostics, type Diagnostic } from './base/diagnostics.js';
import { writeAll, writeAtomically } from './base/atomic-write.js';
import { MAX_CACHE_SIZE, readTextSafely } from './base/read-file-safely.js';
import type { Settings } from './config/settings.js';
import { ExtractionCache } from './extract/cache.js';
import type { ModuleRecord } from './extract/extract.js';
import { readSources } from './extract/read-sources.js';
import { resolutionContext } from './extract/resolution-context.js';
import type { Extraction, ModuleExports, ModuleFacts, ModuleId } from './extract/types.js';
import { moduleEdges } from './graph/build-graph.js';
import { createDeclarationLookup } from './graph/declarations.js';
import type { GateEdge, GateGraph } from './graph/types.js';
import type { LoadedProject } from './load/project.js';
import { reachFilter } from './load/select-files.js';

/** Bump when the snapshot changes shape or meaning. */
const FORMAT = 3;
const FILE_NAME = 'check.json';
const LOG_NAME = 'check.log';
/** The log may always grow to this many characters before the snapshot is written whole again. */
const MIN_LOG = 65_536;

/** One module as the last check saw it. */
interface SnapshotModule {
  id: ModuleId;
  key: string;
  status: string | null;
  /**
   * Its exports as JSON text: parsed only when a changed file's exports are compared or looked up
   * through (most re-checks parse a handful of the thousands stored).
   */
  exports: string;
  /**
   * The edges from it as the gate reads them, flat (one array per module, so that reading the
   * snapshot makes few objects): per edge the target's position among the snapshot's modules, 1
   * when type-only else 0, the number of statements, then per statement its line, the number of
   * names and the names.
   */
  edges: (number | string)[];
  /** The diagnostics of its own parse and resolution. */
  diagnostics: Diagnostic[];
  /** Its imports that leave the root, `path` and `folder` (IMPORTS_OUTSIDE_ROOT counts them). */
  outside: string[];
}

/**
 * The snapshot: `check.json` as the full run wrote it, with the lines of `check.log` of the same
 * generation applied (each a module's whole new entry, appended by a re-check). A re-check appends
 * only the modules it changed; once the log has grown to a quarter of the snapshot (or 64 KB), or has a line
 * that cannot be read (a run stopped while appending), the whole snapshot is written again under a
 * new generation, which leaves every older line of the log without effect.
 */
interface Snapshot {
  format: number;
  /** Names this snapshot's log lines. */
  generation: string;
  /** Hash of the seams code, the settings, the load diagnostics and the resolution context. */
  context: string;
  /** Modules in id order (the extraction's). */
  modules: SnapshotModule[];
  /** Files skipped (binary, minified, unreadable) and why. */
  skipped: Diagnostic[];
  /** The extraction's diagnostics that no module or skipped file gave (the summary of imports out of the root). */
  global: Diagnostic[];
}

/** A snapshot as read: with how large its file and its log are, and whether the log must be rewritten. */
interface ReadSnapshot {
  snapshot: Snapshot;
  bytes: number;
  logBytes: number;
  torn: boolean;
}

/** What a re-check gives: the extraction's diagnostics and the gate's graph. */
export interface Recheck {
  diagnostics: Diagnostic[];
  graph: GateGraph;
}

/** The key of everything but the files' bytes that the gate's graph depends on. */
export function snapshotContext(settings: Settings, project: LoadedProject, cacheDir: string): string {
  const { root: _root, ...rest } = settings;
  return createHash('sha1')
    .update(codeFingerprint())
    .update('\0')
    .update(JSON.stringify(rest))
    .update('\0')
    .update(JSON.stringify(project.diagnostics))
    .update('\0')
    .update(resolutionContext(project, cacheDir))
    .digest('hex');
}

/**
 * The snapshot of a full check's extraction and graph, or null when the extraction is not the sum
 * of its modules (extract.ts onRecords `separable`).
 */
export function snapshotOf(
  context: string,
  extraction: Extraction,
  graph: GateGraph,
  records: readonly ModuleRecord[],
  skipped: readonly Diagnostic[],
  separable: boolean,
): Snapshot | null {
  if (!separable) return null;
  const recordOf = new Map(records.map((record) => [record.id, record]));
  const edgesFrom = new Map<ModuleId, GateEdge[]>();
  for (const edge of graph.edges) {
    const list = edgesFrom.get(edge.from);
    if (list === undefined) edgesFrom.set(edge.from, [edge]);
    else list.push(edge);
  }
  const modules: SnapshotModule[] = [];
  const positionOf = new Map(extraction.modules.map((module, position) => [module.id, position]));
  for (const [index, module] of extraction.modules.entries()) {
    const record = recordOf.get(module.id);
    if (record === undefined || graph.modules[index]?.id !== module.id) return null;
    const edges = flatEdges(edgesFrom.get(module.id) ?? [], positionOf);
    if (edges === null) return null;
    modules.push({
      id: module.id,
      key: record.key,
      status: record.status,
      exports: JSON.stringify(module.exports),
      edges,
      diagnostics: record.diagnostics,
      outside: outsideOf(module),
    });
  }
  const own = [...modules.flatMap((module) => module.diagnostics), ...skipped];
  return {
    format: FORMAT,
    generation: randomBytes(8).toString('hex'),
    context,
    modules,
    skipped: [...skipped],
    global: replaced(extraction.diagnostics, own, []),
  };
}

/** The stored snapshot with its log applied, or null (absent, another format or seams, unreadable). */
export function readSnapshot(cacheDir: string): ReadSnapshot | null {
  try {
    const read = readTextSafely(path.join(cacheDir, FILE_NAME), { root: null, maxBytes: MAX_CACHE_SIZE });
    if (!read.ok) return null;
    const snapshot = JSON.parse(read.text) as Partial<Snapshot>;
    if (
      snapshot.format !== FORMAT ||
      typeof snapshot.generation !== 'string' ||
      typeof snapshot.context !== 'string' ||
      !Array.isArray(snapshot.modules) ||
      !Array.isArray(snapshot.skipped) ||
      !Array.isArray(snapshot.global)
    )
      return null;
    const log = readTextSafely(path.join(cacheDir, LOG_NAME), { root: null, maxBytes: MAX_CACHE_SIZE });
    let torn = !log.ok && !log.missing;
    const text = log.ok ? log.text : '';
    if (text !== '') {
      const index = new Map(snapshot.modules.map((module, position) => [module.id, position]));
      const lines = text.split('\n');
      // The text after the last line break is a line being written, or cut off.
      if (lines.pop() !== '') torn = true;
      for (const line of lines) {
        let entry: { generation?: unknown; module?: SnapshotModule };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          torn = true;
          continue;
        }
        if (entry.generation !== snapshot.generation) continue;
        const position = entry.module === undefined ? undefined : index.get(entry.module.id);
        if (position === undefined) torn = true;
        else snapshot.modules[position] = entry.module as SnapshotModule;
      }
    }
    return { snapshot: snapshot as Snapshot, bytes: read.text.length, logBytes: text.length, torn };
  } catch {
    return null;
  }
}

/** Writes the whole snapshot (temporary file, then rename) and empties its log; failing to write only costs the next check its speed. */
export function writeSnapshot(cacheDir: string, snapshot: Snapshot): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    // One string: a 20,000-module snapshot is some 15 MB, and one JSON.stringify writes it faster than pieces.
    writeAtomically(path.join(cacheDir, FILE_NAME), JSON.stringify(snapshot));
    writeAtomically(path.join(cacheDir, LOG_NAME), '');
  } catch {
    // The next check runs in full.
  }
}

/**
 * Appends modules' new entries to the log: opened without following a link and only when it is a
 * regular file (the cache folder may lie in the analysed project), and written in one call.
 * False when it could not be.
 */
function appendToLog(cacheDir: string, generation: string, modules: readonly SnapshotModule[]): boolean {
  const text = modules.map((module) => `${JSON.stringify({ generation, module })}\n`).join('');
  let descriptor: number | null = null;
  try {
    descriptor = openSync(
      path.join(cacheDir, LOG_NAME),
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o644,
    );
    if (!fstatSync(descriptor).isFile()) return false;
    writeAll(descriptor, text);
    return true;
  } catch {
    return false;
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

/**
 * The gate's graph and diagnostics from the snapshot and the files changed since, or null when
 * only a full run is exact (see the file's comment). Stores what changed. The extraction (and with
 * it TypeScript) is loaded only when a file changed.
 */
export async function recheck(
  settings: Settings,
  project: LoadedProject,
  cacheDir: string,
  read: ReadSnapshot,
  context: string,
  now: number = Date.now(),
): Promise<Recheck | null> {
  const snapshot = read.snapshot;
  if (snapshot.context !== context) return null;
  const stored = new Map(snapshot.modules.map((module) => [module.id, module]));
  const sources = readSources(project, project.files, ExtractionCache.index(stored), now);
  // The same modules, and the same files skipped for the same reasons.
  if (sources.items.length !== stored.size) return null;
  if (!sameJson(sources.skipped, snapshot.skipped)) return null;
  const changedItems = [];
  const moved: SnapshotModule[] = [];
  for (const item of sources.items) {
    const before = stored.get(item.id);
    if (before === undefined) return null;
    if (before.key !== item.key) changedItems.push(item);
    else if (before.status !== item.status) moved.push({ ...before, status: item.status });
  }
  if (changedItems.length > 0) {
    const skipped = new Set(snapshot.skipped.map((item) => item.file as string));
    const { extractChanged } = await import('./extract/extract.js');
    const changed = extractChanged(project, changedItems, skipped, reachFilter(settings));
    if (changed === null) return null;
    let typeNames: ReadonlySet<string> | null = null;
    for (const { module } of changed) {
      const before = stored.get(module.id) as SnapshotModule;
      if (!sameJson(outsideOf(module), before.outside)) return null;
      if (JSON.stringify(module.exports) !== before.exports) {
        typeNames ??= namesOfTypes(snapshot.modules);
        if (!sameForTheGate(JSON.parse(before.exports) as ModuleExports, module.exports, typeNames)) return null;
      }
    }
    // Every module's exports as the lookup asks for them: the changed ones new, the others parsed from the snapshot on first use.
    const exportsOf = new Map<ModuleId, ModuleExports>(changed.map(({ module }) => [module.id, module.exports]));
    const lookup = createDeclarationLookup({
      get: (id: ModuleId) => {
        let exports = exportsOf.get(id);
        // `stored` still holds the snapshot's entries here (the changed ones are put in below).
        const before = exports === undefined ? stored.get(id) : undefined;
        if (before !== undefined) {
          exports = JSON.parse(before.exports) as ModuleExports;
          exportsOf.set(id, exports);
        }
        return exports;
      },
    });
    const positionOf = new Map(snapshot.modules.map((module, position) => [module.id, position]));
    for (const [index, { module, diagnostics }] of changed.entries()) {
      const item = changedItems[index] as (typeof changedItems)[number];
      const edges = flatEdges(moduleEdges(module, lookup).edges, positionOf);
      if (edges === null) return null;
      moved.push({
        id: module.id,
        key: item.key,
        status: item.status,
        exports: JSON.stringify(module.exports),
        edges,
        diagnostics,
        outside: outsideOf(module),
      });
    }
  }
  for (const module of moved) stored.set(module.id, module);
  const modules = [...stored.values()];
  const edges = gateEdges(modules);
  if (moved.length > 0 || read.torn) {
    const next = { ...snapshot, modules };
    const logBytes = read.logBytes + moved.reduce((sum, module) => sum + JSON.stringify(module).length, 0);
    if (read.torn || logBytes > Math.max(read.bytes / 4, MIN_LOG) || !appendToLog(cacheDir, snapshot.generation, moved))
      writeSnapshot(cacheDir, { ...next, generation: randomBytes(8).toString('hex') });
  }
  return {
    diagnostics: [...snapshot.global, ...snapshot.skipped, ...modules.flatMap((module) => module.diagnostics)].sort(
      compareDiagnostics,
    ),
    graph: {
      modules: modules.map((module) => ({ id: module.id })),
      edges,
    },
  };
}

/** Edges as a module's entry stores them (SnapshotModule `edges`), or null when one leads out of the snapshot's modules. */
function flatEdges(edges: readonly GateEdge[], positionOf: ReadonlyMap<ModuleId, number>): (number | string)[] | null {
  const flat: (number | string)[] = [];
  for (const edge of edges) {
    const to = positionOf.get(edge.to);
    if (to === undefined) return null;
    flat.push(to, edge.typeOnly ? 1 : 0, edge.details.length);
    for (const detail of edge.details) flat.push(detail.line, detail.symbols.length, ...detail.symbols);
  }
  return flat;
}

/** Every module's edges as the gate reads them, from the stored flat form (throws on a malformed entry). */
function gateEdges(modules: readonly SnapshotModule[]): GateEdge[] {
  const edges: GateEdge[] = [];
  const number = (value: number | string | undefined): number => {
    if (typeof value !== 'number') throw new Error('malformed snapshot edges');
    return value;
  };
  for (const module of modules) {
    const flat = module.edges;
    for (let at = 0; at < flat.length; ) {
      const to = modules[number(flat[at++])]?.id;
      if (to === undefined) throw new Error('malformed snapshot edges');
      const typeOnly = number(flat[at++]) === 1;
      const details: GateEdge['details'] = [];
      for (let count = number(flat[at++]); count > 0; count--) {
        const line = number(flat[at++]);
        const names = number(flat[at++]);
        const symbols = flat.slice(at, at + names);
        if (symbols.length !== names || symbols.some((symbol) => typeof symbol !== 'string'))
          throw new Error('malformed snapshot edges');
        at += names;
        details.push({ line, symbols: symbols as string[] });
      }
      edges.push({ from: module.id, to, typeOnly, details });
    }
  }
  return edges;
}

/**
 * Every name some module declares only as a type, or re-exports with `export type`: the names whose
 * lookup through barrels can answer "type only" (graph/declarations.ts).
 */
function namesOfTypes(modules: readonly SnapshotModule[]): Set<string> {
  const names = new Set<string>();
  for (const module of modules) {
    const exports = JSON.parse(module.exports) as ModuleExports;
    for (const name of exports.types ?? []) names.add(name);
    for (const item of exports.reexports) if (item.typeOnly === true) names.add(item.name);
  }
  return names;
}

/**
 * Whether a module's new exports leave every other module's edges as the gate reads them. Those
 * edges depend on exports only through whether an imported name is a type (build-graph.ts
 * asDeclared): a lookup answers "type only" only for a name some module declares as a type or
 * re-exports with `export type`. So exports that differ only in values declared in the module
 * (added or removed), none of them such a name, with the same types, re-exports and stars, give
 * every lookup the same answer about types: an added function is not a reason to run in full.
 */
function sameForTheGate(before: ModuleExports, after: ModuleExports, typeNames: ReadonlySet<string>): boolean {
  if (!sameJson(before.reexports, after.reexports) || !sameJson(before.stars, after.stars)) return false;
  if (!sameJson(before.types ?? [], after.types ?? [])) return false;
  const old = new Set(before.local);
  const now = new Set(after.local);
  for (const name of old) if (!now.has(name) && typeNames.has(name)) return false;
  for (const name of now) if (!old.has(name) && typeNames.has(name)) return false;
  return true;
}

/** `list` with the diagnostics `removed` taken out (one occurrence each) and `added` put in, sorted. */
function replaced(
  list: readonly Diagnostic[],
  removed: readonly Diagnostic[],
  added: readonly Diagnostic[],
): Diagnostic[] {
  if (removed.length === 0 && added.length === 0) return [...list];
  const pending = new Map<string, number>();
  for (const item of removed) pending.set(JSON.stringify(item), (pending.get(JSON.stringify(item)) ?? 0) + 1);
  const kept = list.filter((item) => {
    const text = JSON.stringify(item);
    const count = pending.get(text) ?? 0;
    if (count === 0) return true;
    pending.set(text, count - 1);
    return false;
  });
  return [...kept, ...added].sort(compareDiagnostics);
}

/** A module's imports that leave the root, in order. */
function outsideOf(module: Pick<ModuleFacts, 'imports'>): string[] {
  return module.imports.flatMap((item) =>
    item.target.type === 'outside' ? [`${item.target.path}\0${item.target.folder}`] : [],
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
