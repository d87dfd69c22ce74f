import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../base/diagnostics.js';
import { codeFingerprint } from '../base/code-fingerprint.js';
import { MAX_CACHE_SIZE, readTextSafely } from '../base/read-file-safely.js';
import type { FileFacts } from './parse-file.js';
import type { ImportTarget } from './types.js';
import { writeAtomically } from '../base/atomic-write.js';
import { jsonChunks } from '../base/json-chunks.js';

/** Cache format version: bump when FileFacts changes shape or meaning. */
const FORMAT = 9;
const FILE_NAME = 'extract.json';

/** A file's imports as resolved once: the target of each of its imports, in order, and the diagnostics resolving gave. */
export interface StoredResolution {
  targets: ImportTarget[];
  diagnostics: Diagnostic[];
}

export { RACY_MS, statusOf } from '../base/file-status.js';

/**
 * A content-hash cache of per-file extraction (FileFacts): the key is a SHA-1 of the seams
 * version, the module id and the file's bytes, so a hit is exactly what parsing would give and a
 * cache never changes a result. Beside the facts, each file's resolved imports, under its content
 * key and the resolution context (a hash of everything else resolution reads: compiler options,
 * the file set, the tree under the root, manifests and installs; see extract.ts), so that a run
 * after a one-file change resolves only that file. One JSON file, read once and written once (to a
 * temporary file, then renamed); entries not used by a run are dropped. A corrupt cache is
 * discarded with a CACHE_DISCARDED diagnostic.
 */
export class ExtractionCache {
  private readonly entries: Map<string, FileFacts>;
  private readonly used = new Map<string, FileFacts>();
  private readonly resolutions: Map<string, StoredResolution>;
  private readonly usedResolutions = new Map<string, StoredResolution>();
  private readonly stats: Map<string, [string, string]>;
  /** Content keys known without their facts (a re-check's index), or null. */
  private knownKeys: ReadonlySet<string> | null = null;
  private readonly usedStats = new Map<string, [string, string]>();
  readonly diagnostics: Diagnostic[] = [];
  hits = 0;

  private constructor(
    private readonly dir: string | null,
    entries: Map<string, FileFacts>,
    resolutions: Map<string, StoredResolution> = new Map(),
    stats: Map<string, [string, string]> = new Map(),
  ) {
    this.entries = entries;
    this.resolutions = resolutions;
    this.stats = stats;
  }

  /** Opens the cache in `dir`, or a disabled cache when dir is null. */
  static open(dir: string | null): ExtractionCache {
    if (dir === null) return new ExtractionCache(null, new Map());
    const read = readTextSafely(path.join(dir, FILE_NAME), { root: null, maxBytes: MAX_CACHE_SIZE });
    if (!read.ok) return new ExtractionCache(dir, new Map());
    const text = read.text;
    try {
      const parsed = JSON.parse(text) as {
        format?: unknown;
        version?: unknown;
        entries?: unknown;
        resolutions?: unknown;
        stats?: unknown;
      };
      if (
        parsed.format !== FORMAT ||
        parsed.version !== codeFingerprint() ||
        typeof parsed.entries !== 'object' ||
        parsed.entries === null ||
        typeof parsed.resolutions !== 'object' ||
        parsed.resolutions === null ||
        typeof parsed.stats !== 'object' ||
        parsed.stats === null
      ) {
        return new ExtractionCache(dir, new Map());
      }
      return new ExtractionCache(
        dir,
        new Map(Object.entries(parsed.entries as Record<string, FileFacts>)),
        new Map(Object.entries(parsed.resolutions as Record<string, StoredResolution>)),
        new Map(Object.entries(parsed.stats as Record<string, [string, string]>)),
      );
    } catch (error) {
      const cache = new ExtractionCache(dir, new Map());
      cache.diagnostics.push({
        code: 'CACHE_DISCARDED',
        message: `the extraction cache was corrupt (${(error as Error).message.split('\n')[0]}); it is rebuilt`,
      });
      return cache;
    }
  }

  /**
   * A cache that holds no facts, only which file status had which content key (a re-check's
   * snapshot, check-snapshot.ts): with `readSources`, a file whose status is the stored one is not
   * read, and one whose bytes have a known key is read and hashed but not decoded. Never saved.
   */
  static index(statuses: ReadonlyMap<string, { status: string | null; key: string }>): ExtractionCache {
    const stats = new Map<string, [string, string]>();
    for (const [id, { status, key }] of statuses) if (status !== null) stats.set(id, [status, key]);
    const cache = new ExtractionCache(null, new Map(), new Map(), stats);
    cache.knownKeys = new Set([...statuses.values()].map((entry) => entry.key));
    return cache;
  }

  /** The cache key of a file: seams version, module id, bytes. */
  static key(id: string, bytes: Buffer): string {
    return createHash('sha1')
      .update(codeFingerprint())
      .update('\0')
      .update(id)
      .update('\0')
      .update(bytes)
      .digest('hex');
  }

  /** Whether facts are stored under `key` (not counted as a hit). */
  has(key: string): boolean {
    return this.entries.has(key) || this.knownKeys?.has(key) === true;
  }

  get(key: string): FileFacts | undefined {
    const facts = this.entries.get(key);
    if (facts !== undefined) {
      this.hits++;
      this.used.set(key, facts);
    }
    return facts;
  }

  set(key: string, facts: FileFacts): void {
    this.used.set(key, facts);
  }

  /** The stored resolution of the file with content key `key` in resolution context `context`. */
  resolution(key: string, context: string): StoredResolution | undefined {
    const stored = this.resolutions.get(`${key}:${context}`);
    if (stored !== undefined) this.usedResolutions.set(`${key}:${context}`, stored);
    return stored;
  }

  setResolution(key: string, context: string, resolution: StoredResolution): void {
    this.usedResolutions.set(`${key}:${context}`, resolution);
  }

  /**
   * The content key of module `id` when its file status (`statusOf`) is the one stored with the
   * key and facts are stored under that key: the file is unchanged since it was hashed, so it
   * need not be read. A match also keeps the status for the next run.
   */
  keyByStatus(id: string, status: string): string | undefined {
    const stored = this.stats.get(id);
    if (stored === undefined || stored[0] !== status || !this.has(stored[1])) return undefined;
    this.usedStats.set(id, stored);
    return stored[1];
  }

  /** Records that module `id`, with file status `status`, had content key `key`. */
  setStatus(id: string, status: string, key: string): void {
    this.usedStats.set(id, [status, key]);
  }

  /** Keeps no resolution of this run (one whose outcome depends on more than the file and its context). */
  forgetResolutions(): void {
    this.usedResolutions.clear();
  }

  /** Writes the entries this run used; a failure to write only costs the next run its speed. */
  save(): void {
    if (this.dir === null) return;
    const target = path.join(this.dir, FILE_NAME);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeAtomically(
        target,
        jsonChunks(
          {
            format: FORMAT,
            version: codeFingerprint(),
            entries: Object.fromEntries(this.used),
            resolutions: Object.fromEntries(this.usedResolutions),
            stats: Object.fromEntries([...this.usedStats].filter(([, [, key]]) => this.used.has(key))),
          },
          2,
        ),
      );
    } catch {
      // A cache that cannot be written only costs the next run its speed.
    }
  }
}
