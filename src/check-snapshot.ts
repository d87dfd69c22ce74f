/**
 * The re-check snapshot: what `seams check` needs of the last run (each module's graph node, the
 * edges from it, its exports, content key and file status, the diagnostics of its own parse and
 * resolution), so that a run after a few edits reads, parses and resolves only the changed files
 * and takes everything else, the graph included, from the snapshot instead of the extraction
 * cache.
 *
 * Exactness. Every edge from a module comes from that module's own imports, wiring and members,
 * and from the exports of the modules its imports name (barrel see-through, build-graph.ts
 * moduleEdges). A file whose bytes are unchanged resolves as it did while the resolution context
 * holds (extract.ts resolutionContext: seams's code, every tsconfig, compiler options and file
 * list, the workspace, the tree under the root with its manifests and installs). So when the
 * context and the settings are the same, and every changed file exports what it exported before,
 * the graph is the stored one with the changed modules' edges made again. Anything else falls back
 * to the full front half (null): another context or setting, a file added, removed or skipped
 * differently, a changed file whose exports or imports out of the root changed, a file reached by
 * import, a resolver refusal. The full run writes a new snapshot.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { codeFingerprint } from './base/code-fingerprint.js';
import { compareDiagnostics, type Diagnostic } from './base/diagnostics.js';
import { writeAtomically } from './base/atomic-write.js';
import { jsonChunks } from './base/json-chunks.js';
import { MAX_CACHE_SIZE, readTextSafely } from './base/read-file-safely.js';
import type { Settings } from './config/settings.js';
import { ExtractionCache } from './extract/cache.js';
import { extractChanged, type ModuleRecord, readSources, resolutionContext } from './extract/extract.js';
import type { Extraction, ModuleExports, ModuleFacts, ModuleId } from './extract/types.js';
import { declarationLookupOf, moduleEdges } from './graph/build-graph.js';
import type { GateEdge, GateGraph } from './graph/types.js';
import { compareStrings } from './base/compare.js';
import type { LoadedProject } from './load/project.js';
import { reachFilter } from './load/select-files.js';

/** Bump when the snapshot changes shape or meaning. */
const FORMAT = 1;
const FILE_NAME = 'check.json';

/** One module as the last check saw it. */
interface SnapshotModule {
  id: ModuleId;
  key: string;
  status: string | null;
  exports: ModuleExports;
  /** The edges from it as the gate reads them: target, type-only, and each statement's line and names. */
  edges: StoredEdge[];
  /** The diagnostics of its own parse and resolution. */
  diagnostics: Diagnostic[];
  /** Its imports that leave the root, `path` and `folder` (IMPORTS_OUTSIDE_ROOT counts them). */
  outside: string[];
}

/** [to, typeOnly, [line, names][]]: an edge's `symbols` and `lines` follow from its statements. */
type StoredEdge = [ModuleId, boolean, [number, string[]][]];

interface Snapshot {
  format: number;
  /** Hash of the seams code, the settings, the load diagnostics and the resolution context. */
  context: string;
  /** Modules in id order (the extraction's). */
  modules: SnapshotModule[];
  /** Files skipped (binary, minified, unreadable) and why. */
  skipped: Diagnostic[];
  /** Every extraction diagnostic, sorted. */
  diagnostics: Diagnostic[];
}

/** What a re-check gives: the extraction's diagnostics and the gate's graph. */
export interface Recheck {
  diagnostics: Diagnostic[];
  graph: GateGraph;
  /** Files read, parsed and resolved again. */
  changed: number;
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
  for (const [index, module] of extraction.modules.entries()) {
    const record = recordOf.get(module.id);
    if (record === undefined || graph.modules[index]?.id !== module.id) return null;
    modules.push({
      id: module.id,
      key: record.key,
      status: record.status,
      exports: module.exports,
      edges: (edgesFrom.get(module.id) ?? []).map(storedEdge),
      diagnostics: record.diagnostics,
      outside: outsideOf(module),
    });
  }
  return { format: FORMAT, context, modules, skipped: [...skipped], diagnostics: extraction.diagnostics };
}

/** The stored snapshot, or null (absent, another format or seams, unreadable). */
export function readSnapshot(cacheDir: string): Snapshot | null {
  try {
    const read = readTextSafely(path.join(cacheDir, FILE_NAME), { root: null, maxBytes: MAX_CACHE_SIZE });
    if (!read.ok) return null;
    const stored = JSON.parse(read.text) as Partial<Snapshot>;
    return stored.format === FORMAT &&
      typeof stored.context === 'string' &&
      Array.isArray(stored.modules) &&
      Array.isArray(stored.skipped) &&
      Array.isArray(stored.diagnostics)
      ? (stored as Snapshot)
      : null;
  } catch {
    return null;
  }
}

/** Stores the snapshot (temporary file, then rename); failing to write only costs the next check its speed. */
export function writeSnapshot(cacheDir: string, snapshot: Snapshot): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeAtomically(path.join(cacheDir, FILE_NAME), jsonChunks(snapshot));
  } catch {
    // The next check runs in full.
  }
}

/**
 * The gate's graph and diagnostics from the snapshot and the files changed since, or null when
 * only a full run is exact (see the file's comment). Writes the updated snapshot.
 */
export function recheck(
  settings: Settings,
  project: LoadedProject,
  cacheDir: string,
  snapshot: Snapshot,
  context: string,
  now: number = Date.now(),
): Recheck | null {
  if (snapshot.context !== context) return null;
  const stored = new Map(snapshot.modules.map((module) => [module.id, module]));
  const sources = readSources(project, project.files, ExtractionCache.index(stored), now);
  // The same modules, and the same files skipped for the same reasons.
  if (sources.items.length !== stored.size) return null;
  if (!sameJson(sources.skipped, snapshot.skipped)) return null;
  const changedItems = [];
  let statusMoved = false;
  for (const item of sources.items) {
    const before = stored.get(item.id);
    if (before === undefined) return null;
    if (before.key !== item.key) changedItems.push(item);
    else if (before.status !== item.status) {
      stored.set(item.id, { ...before, status: item.status });
      statusMoved = true;
    }
  }
  if (changedItems.length > 0) {
    const skipped = new Set(snapshot.skipped.map((item) => item.file as string));
    const changed = extractChanged(project, changedItems, skipped, reachFilter(settings));
    if (changed === null) return null;
    const lookup = declarationLookupOf([...stored].map(([id, module]) => ({ id, exports: module.exports })));
    let diagnostics = snapshot.diagnostics;
    for (const [index, { module, diagnostics: own }] of changed.entries()) {
      const before = stored.get(module.id) as SnapshotModule;
      if (!sameJson(module.exports, before.exports) || !sameJson(outsideOf(module), before.outside)) return null;
      diagnostics = replaced(diagnostics, before.diagnostics, own);
      const item = changedItems[index] as (typeof changedItems)[number];
      stored.set(module.id, {
        id: module.id,
        key: item.key,
        status: item.status,
        exports: before.exports,
        edges: moduleEdges(module, lookup).edges.map(storedEdge),
        diagnostics: own,
        outside: before.outside,
      });
    }
    snapshot = { ...snapshot, diagnostics, modules: [...stored.values()] };
  } else if (statusMoved) snapshot = { ...snapshot, modules: [...stored.values()] };
  if (changedItems.length > 0 || statusMoved) writeSnapshot(cacheDir, snapshot);
  const modules = snapshot.modules;
  return {
    diagnostics: snapshot.diagnostics,
    graph: {
      modules: modules.map((module) => ({ id: module.id })),
      edges: modules.flatMap((module) => module.edges.map((edge) => gateEdge(module.id, edge))),
    },
    changed: changedItems.length,
  };
}

function storedEdge(edge: GateEdge): StoredEdge {
  return [edge.to, edge.typeOnly, edge.details.map((detail) => [detail.line, detail.symbols])];
}

/** The edge back: its names are those of its statements, sorted; its lines, theirs in order (build-graph.ts). */
function gateEdge(from: ModuleId, [to, typeOnly, details]: StoredEdge): GateEdge {
  const symbols = new Set<string>();
  for (const [, names] of details) for (const name of names) symbols.add(name);
  return {
    from,
    to,
    typeOnly,
    symbols: [...symbols].sort(compareStrings),
    lines: [...new Set(details.map(([line]) => line))],
    details: details.map(([line, names]) => ({ line, symbols: names })),
  };
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
