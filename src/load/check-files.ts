import type { Diagnostic } from '../base/diagnostics.js';
import { statusOf } from '../base/file-status.js';
import { inspectFile } from '../base/read-file-safely.js';
import { toModuleId } from './project.js';

export { formatBytes } from '../base/read-file-safely.js';

/**
 * Drops selected files that cannot or should not be read, each with a diagnostic: a symbolic
 * link that leads outside the analysed folder (not followed, FILE_SKIPPED), a path that is not a
 * regular file (a folder, FIFO or device: NOT_A_REGULAR_FILE) or cannot be read
 * (FILE_UNREADABLE), and a file larger than `maxFileSize` bytes (a generated bundle must not wreck
 * the graph: FILE_TOO_LARGE). The same checks guard the read itself (read-file-safely.ts).
 * Each kept file's status (base/file-status.ts) is returned too, so that the caches need not take
 * it again.
 */
export function checkFiles(
  root: string,
  files: readonly string[],
  maxFileSize: number,
): { files: string[]; diagnostics: Diagnostic[]; statuses: Map<string, string | null> } {
  const kept: string[] = [];
  const statuses = new Map<string, string | null>();
  // Taken before any status: a change within RACY_MS of it is too recent to trust.
  const now = Date.now();
  const diagnostics: Diagnostic[] = [];
  const realFolders = new Map<string, string>();
  for (const file of files) {
    const inspection = inspectFile(file, { root, maxBytes: maxFileSize, limitName: '--max-file-size', realFolders });
    if (inspection.ok) {
      kept.push(file);
      statuses.set(file, statusOf(inspection.stats, now));
      continue;
    }
    const message =
      inspection.code === 'FILE_SKIPPED'
        ? inspection.message
        : `${inspection.missing ? 'cannot be read (not found)' : inspection.message}; skipped`;
    diagnostics.push({ code: inspection.code, message, file: toModuleId(root, file) });
  }
  return { files: kept, diagnostics, statuses };
}
