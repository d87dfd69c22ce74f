import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { toModuleId } from './project.js';

/**
 * Drops selected files that cannot or should not be read, each with a diagnostic: a symbolic
 * link that leads outside the analysed folder (not followed), a path that is not a regular file
 * or cannot be read, and a file larger than `maxFileSize` bytes (a generated bundle must not wreck
 * the graph).
 */
export function checkFiles(root: string, files: readonly string[], maxFileSize: number): { files: string[]; diagnostics: Diagnostic[] } {
  const realRoot = safeRealpath(root) ?? root;
  const kept: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const id = toModuleId(root, file);
    const real = safeRealpath(file);
    if (real === null) {
      diagnostics.push({ code: 'FILE_UNREADABLE', message: 'cannot be read (broken symbolic link or no access); skipped', file: id });
      continue;
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      diagnostics.push({ code: 'FILE_SKIPPED', message: 'symbolic link to a file outside the analysed folder; not followed', file: id });
      continue;
    }
    let size: number;
    try {
      const stats = statSync(real);
      if (!stats.isFile()) {
        diagnostics.push({ code: 'FILE_UNREADABLE', message: 'not a regular file; skipped', file: id });
        continue;
      }
      size = stats.size;
    } catch (error) {
      diagnostics.push({ code: 'FILE_UNREADABLE', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); skipped`, file: id });
      continue;
    }
    if (size > maxFileSize) {
      diagnostics.push({ code: 'FILE_TOO_LARGE', message: `${formatBytes(size)} is over the ${formatBytes(maxFileSize)} limit (--max-file-size); skipped`, file: id });
      continue;
    }
    kept.push(file);
  }
  return { files: kept, diagnostics };
}

function safeRealpath(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

/** 2097152 -> "2 MB", 1536 -> "1.5 KB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}
