import type { Stats } from 'node:fs';

/**
 * How long before a run a file must have last changed for its status to be trusted next time
 * (racy timestamps, as git calls them): a file changed within the same clock tick as the read
 * that hashed it could change again without its time moving. Two seconds covers the coarsest
 * file system clock in use (FAT's).
 */
export const RACY_MS = 2000;

/**
 * A file's status as the cache compares it (size, modification and change times, inode and
 * device: git's index compares the same), or null when it changed less than RACY_MS before `now`
 * and cannot be trusted to show the next change. The change time cannot be set by a user, and
 * changes with the contents, a rename or a copy over the file.
 */
export function statusOf(stats: Stats, now: number): string | null {
  if (stats.mtimeMs >= now - RACY_MS || stats.ctimeMs >= now - RACY_MS) return null;
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}:${stats.dev}`;
}
