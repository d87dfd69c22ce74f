import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of a fixture folder. */
export function fixture(...parts: string[]): string {
  return path.join(REPO, 'fixtures', ...parts);
}

/** Creates a temporary folder holding the given files (POSIX paths -> contents). */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'seams-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}
