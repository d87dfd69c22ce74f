import type { Diagnostic } from '../base/diagnostics.js';
import { inspectFile, readInspected } from '../base/read-file-safely.js';
import { toModuleId, type LoadedProject } from '../load/project.js';
import { ExtractionCache, statusOf } from './cache.js';
import { countLines } from './count-lines.js';
import { looksMinified } from './looks-minified.js';
import type { ModuleId } from './types.js';

/** The selected files, read once: text and content key of each readable one, diagnostics for the rest. */
export interface Sources {
  /** Readable files in selection order. */
  items: { file: string; id: string; key: string; status: string | null; text: string }[];
  /** Files skipped (binary, minified, unreadable), with why. */
  skipped: Diagnostic[];
}

/**
 * Reads every selected file once and computes its content key; binary and minified files are
 * skipped. A file whose status (size, times, inode) is the one the cache stored with its key is
 * not read at all; a file whose key the cache knows (its facts are there, so it was neither
 * binary nor minified) is not decoded: its text stays empty.
 */
export function readSources(
  project: LoadedProject,
  files: readonly string[],
  cache: ExtractionCache,
  now: number = Date.now(),
): Sources {
  const items: Sources['items'] = [];
  const skipped: Diagnostic[] = [];
  const realFolders = new Map<string, string>();
  for (const file of files) {
    const id = toModuleId(project.root, file);
    const source = readSource(file, id, project, cache, realFolders, now);
    if ('code' in source) skipped.push({ ...source, file: id });
    else items.push({ file, id, key: source.key, status: source.status, text: source.text });
  }
  return { items, skipped };
}

/**
 * The file's bytes and text (read through the regular-file and size checks of read-file-safely),
 * or why it is skipped: binary content (a NUL byte in the first 8 KB);
 * minified code (looksMinified: over 2,000 characters of code on a line, over 300 per line on average; string literals and comments do not count), skipped as generated.
 */
function readSource(
  file: string,
  id: ModuleId,
  project: LoadedProject,
  cache: ExtractionCache,
  realFolders: Map<string, string>,
  now: number,
): { key: string; status: string | null; text: string } | { code: string; message: string } {
  // The status the load stage took, when the cache knows the file under it: nothing to look at again.
  const loaded = project.statuses?.get(file);
  const known = loaded === undefined || loaded === null ? undefined : cache.keyByStatus(id, loaded);
  if (known !== undefined) return { key: known, status: loaded as string, text: '' };
  const options = { root: project.root, maxBytes: project.maxFileSize, limitName: '--max-file-size', realFolders };
  const inspection = inspectFile(file, options);
  const status = inspection.ok ? statusOf(inspection.stats, now) : null;
  const unchanged = status === null ? undefined : cache.keyByStatus(id, status);
  if (unchanged !== undefined) return { key: unchanged, status, text: '' };
  const read = inspection.ok ? readInspected(inspection, options) : inspection;
  if (!read.ok)
    return { code: read.code, message: read.code === 'FILE_SKIPPED' ? read.message : `${read.message}; skipped` };
  const bytes = read.bytes;
  const key = ExtractionCache.key(id, bytes);
  if (status !== null) cache.setStatus(id, status, key);
  if (cache.has(key)) return { key, status, text: '' };
  if (bytes.subarray(0, 8192).includes(0))
    return { code: 'BINARY_FILE', message: 'binary content under a source file name; skipped' };
  const text = bytes.toString('utf8');
  const lines = countLines(text);
  if (looksMinified(text)) {
    return {
      code: 'MINIFIED_FILE',
      message: `looks minified or generated (${lines} lines, ${text.length} characters); skipped`,
    };
  }
  return { key, status, text };
}
