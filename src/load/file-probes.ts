import { readdirSync, realpathSync, type Stats, statSync } from 'node:fs';

/**
 * The file system questions TypeScript's `ts.sys` asks while it reads a tsconfig, answered the way
 * `ts.sys` answers them (TypeScript 5–6 `sys.ts`: `fileSystemEntryExists`,
 * `getAccessibleFileSystemEntries`, `realpath`), without loading TypeScript. The load stage asks
 * them itself, and load/tsconfig-memo.ts asks them again to tell whether a stored reading of a
 * tsconfig still holds.
 */

/** `stat` that follows links; undefined when there is nothing (or it cannot be read). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** `ts.sys.fileExists`: a regular file is there (links followed). */
export function fileExists(file: string): boolean {
  return statOf(file)?.isFile() === true;
}

/** `ts.sys.directoryExists`: a folder is there (links followed). */
export function directoryExists(folder: string): boolean {
  return statOf(folder)?.isDirectory() === true;
}

/** `ts.sys.realpath`: the real path, or the path itself when it has none. */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** A folder's files and sub-folders by name, each sorted (links followed, other entries left out). */
export interface FolderEntries {
  files: string[];
  directories: string[];
}

/** TypeScript's `getAccessibleFileSystemEntries`: what its directory walks see of a folder; empty when it cannot be read. */
export function folderEntries(folder: string): FolderEntries {
  try {
    const files: string[] = [];
    const directories: string[] = [];
    for (const entry of readdirSync(folder || '.', { withFileTypes: true })) {
      if (entry.name === '.' || entry.name === '..') continue;
      const stats = entry.isSymbolicLink() ? statOf(joinName(folder, entry.name)) : entry;
      if (stats === undefined) continue;
      if (stats.isFile()) files.push(entry.name);
      else if (stats.isDirectory()) directories.push(entry.name);
    }
    // TypeScript sorts with the default comparison (UTF-16 code units).
    files.sort();
    directories.sort();
    return { files, directories };
  } catch {
    return { files: [], directories: [] };
  }
}

/** TypeScript's `combinePaths` for a folder and an entry name. */
function joinName(folder: string, name: string): string {
  if (folder === '') return name;
  return folder.endsWith('/') || folder.endsWith('\\') ? `${folder}${name}` : `${folder}/${name}`;
}
