import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleGraph } from '../src/graph/types.js';

/** Absolute path of the repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of a fixture folder. */
export function fixture(...parts: string[]): string {
  return path.join(REPO, 'fixtures', ...parts);
}

/** Folders tempProject() created in this test file; test/setup.ts removes them after the file. */
const created = new Set<string>();

/** Creates a temporary folder holding the given files (POSIX paths -> contents). */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'seams-test-'));
  created.add(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/**
 * Removes every folder tempProject() created. Tests put FIFOs, device links, symbolic links out
 * of the folder and unreadable folders in them: folders are made accessible again first (lstat,
 * so a link is never followed), and rmSync unlinks links and special files without opening them.
 */
export function removeTempProjects(): void {
  for (const root of created) {
    makeRemovable(root);
    rmSync(root, { recursive: true, force: true });
    created.delete(root);
  }
}

function makeRemovable(folder: string): void {
  try {
    if (!lstatSync(folder).isDirectory()) return;
    chmodSync(folder, 0o700);
    for (const name of readdirSync(folder)) makeRemovable(path.join(folder, name));
  } catch {
    // Gone already, or not ours to change: rmSync reports what it cannot remove.
  }
}

/** The parts of a hand-made module graph a test of imports does not use: no entities, tables, endpoints or events. */
export const EMPTY_GRAPH_EXTRAS: Pick<ModuleGraph, 'data' | 'tables' | 'diagnostics' | 'endpoints' | 'events'> = {
  data: { entities: [], uses: {} },
  tables: [],
  diagnostics: [],
  endpoints: [],
  events: [],
};
