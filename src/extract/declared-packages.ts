import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Dependency fields of package.json that declare a package. */
const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Whether a package name is declared by a package.json in the folder of `file` or any folder
 * above it up to `root` (the root's included). `null` when no package.json is found at all, so
 * nothing can be said. Each package.json is read once, as JSON data.
 */
export function createDeclaredPackages(root: string): (file: string, name: string) => boolean | null {
  const perFolder = new Map<string, Set<string> | null>();
  const declaredIn = (folder: string): Set<string> | null => {
    if (perFolder.has(folder)) return perFolder.get(folder) as Set<string> | null;
    let own: Set<string> | null = null;
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
      own = new Set(FIELDS.flatMap((field) => Object.keys((manifest[field] as Record<string, unknown> | undefined) ?? {})));
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
