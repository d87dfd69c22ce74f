import path from 'node:path';
import type { Diagnostic } from '../base/diagnostics.js';
import { toModuleId } from '../load/project.js';
import { MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';

/** Dependency fields of package.json that declare a package. */
const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Whether a package name is declared by a package.json in the folder of `file` or any folder
 * above it up to `root` (the root's included). `null` when no package.json is found at all, so
 * nothing can be said. Each package.json is read once, as JSON data, through the regular-file and
 * size checks; a package.json below the root that is there but cannot be read (a FIFO, a device, a
 * link out of the root) adds a diagnostic to `diagnostics` (the root's is reported by findWorkspaces).
 */
export function createDeclaredPackages(
  root: string,
  diagnostics: Diagnostic[] = [],
): (file: string, name: string) => boolean | null {
  const perFolder = new Map<string, Set<string> | null>();
  const declaredIn = (folder: string): Set<string> | null => {
    if (perFolder.has(folder)) return perFolder.get(folder) as Set<string> | null;
    let own: Set<string> | null = null;
    const file = path.join(folder, 'package.json');
    const read = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
    if (!read.ok && !read.missing && folder !== root)
      diagnostics.push({
        code: read.code,
        message: `${read.message}; its dependencies are not read`,
        file: toModuleId(root, file),
      });
    try {
      if (!read.ok) throw new Error(read.message);
      const manifest = JSON.parse(read.text) as Record<string, unknown>;
      own = new Set(
        FIELDS.flatMap((field) => Object.keys((manifest[field] as Record<string, unknown> | undefined) ?? {})),
      );
      if (typeof manifest.name === 'string') own.add(manifest.name);
    } catch {
      own = null;
    }
    const parent = path.dirname(folder);
    const above = folder === root || parent === folder || !folder.startsWith(root) ? null : declaredIn(parent);
    const merged = own === null ? above : above === null ? own : new Set([...own, ...above]);
    perFolder.set(folder, merged);
    return merged;
  };
  return (file, name) => {
    const declared = declaredIn(path.dirname(file));
    return declared === null ? null : declared.has(name);
  };
}
