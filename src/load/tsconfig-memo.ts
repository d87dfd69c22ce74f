/**
 * TypeScript's reading of each tsconfig, kept from one run to the next (`load.json` in the cache
 * folder), so that a run whose tsconfigs and folders are as they were neither parses them nor
 * matches their file sets again, and need not load TypeScript for it (a `seams check` after no
 * change loads it not at all).
 *
 * Exactness. TypeScript's reading of a tsconfig (read-tsconfig.ts) is a function of what it asks
 * the file system: the files it reads (the tsconfig, its `extends` chain, package.json files on
 * the way), whether files and folders exist, real paths, each folder's entries as its walks see
 * them, and the working folder. Every such question and its answer is recorded while TypeScript
 * reads (its `ts.sys` replaced by one that records, answering as `ts.sys` does: file-probes.ts),
 * and a stored reading is used only when every question, asked again, has the same answer; a
 * read file is compared by the hash of its bytes. A reading during which TypeScript asked anything
 * else is not stored. The store is keyed by seams's code and the compiler's identity.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeAtomically } from '../base/atomic-write.js';
import { codeFingerprint } from '../base/code-fingerprint.js';
import { typescriptIdentity } from '../base/load-typescript.js';
import { MAX_CACHE_SIZE, MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';
import { directoryExists, fileExists, folderEntries, realPath } from './file-probes.js';
import { guardedRead } from './guarded-system.js';
import type { TsconfigContents } from './read-tsconfig.js';

/**
 * One question asked while a tsconfig was read, and its answer: `text` the tsconfig itself (read
 * confined to the root), `read` a file TypeScript read (guarded-system.ts), `file` / `folder`
 * whether one exists, `real` a real path, `list` a folder's entries (their hash), `cwd` the
 * working folder.
 */
export type Probe = ['text' | 'read' | 'real' | 'list' | 'cwd', string, string] | ['file' | 'folder', string, boolean];

/** What a reading records: its questions, and whether TypeScript asked one that is not recorded. */
export interface Recorder {
  probes: Probe[];
  unrecordable: boolean;
}

interface Entry {
  probes: Probe[];
  result: TsconfigContents;
}

/** Bump when the file changes shape or meaning. */
const FORMAT = 2;
const FILE_NAME = 'load.json';
/** Readings kept at most (those of this run first): one per tsconfig of the projects analysed with this cache folder. */
const MAX_ENTRIES = 256;
/** Values derived from texts kept at most (those of this run first). */
const MAX_VALUES = 64;

export class TsconfigMemo {
  /** No cache folder: every tsconfig is read anew. */
  static readonly none = new TsconfigMemo(null, '', new Map(), new Map());

  private readonly used = new Set<string>();
  private readonly usedValues = new Set<string>();
  private changed = false;
  /** Readings taken from the store, and read anew, this run. */
  readonly counts = { stored: 0, read: 0, valuesStored: 0, valuesComputed: 0 };

  private constructor(
    private readonly dir: string | null,
    private readonly identity: string,
    private readonly entries: Map<string, Entry>,
    private readonly values: Map<string, unknown>,
  ) {}

  /** The store in `cacheDir` (empty when absent, unreadable or of another seams or compiler). */
  static open(cacheDir: string | null): TsconfigMemo {
    if (cacheDir === null) return TsconfigMemo.none;
    const identity = `${codeFingerprint()}+${typescriptIdentity()}`;
    const read = readTextSafely(path.join(cacheDir, FILE_NAME), { root: null, maxBytes: MAX_CACHE_SIZE });
    let entries = new Map<string, Entry>();
    let values = new Map<string, unknown>();
    if (read.ok) {
      try {
        const stored = JSON.parse(read.text) as {
          format?: unknown;
          identity?: unknown;
          entries?: unknown;
          values?: unknown;
        };
        if (
          stored.format === FORMAT &&
          stored.identity === identity &&
          Array.isArray(stored.entries) &&
          Array.isArray(stored.values)
        ) {
          entries = new Map(stored.entries as [string, Entry][]);
          values = new Map(stored.values as [string, unknown][]);
        }
      } catch {
        // Read anew.
      }
    }
    return new TsconfigMemo(cacheDir, identity, entries, values);
  }

  /**
   * The reading of `file` (with `root`): the stored one while every question it asked has the same
   * answer, else `read(recorder)`, stored when every question it asked was recorded. Plain data
   * either way (a copy: callers may change it).
   */
  reading(file: string, root: string, read: (recorder: Recorder) => TsconfigContents): TsconfigContents {
    const key = `${root}\0${file}`;
    const stored = this.entries.get(key);
    if (stored?.probes.every((probe) => holds(probe, root))) {
      this.used.add(key);
      this.counts.stored++;
      return structuredClone(stored.result);
    }
    this.counts.read++;
    const recorder: Recorder = { probes: [['cwd', '', process.cwd()]], unrecordable: false };
    const result = read(recorder);
    if (this.dir !== null && !recorder.unrecordable) {
      this.entries.set(key, { probes: recorder.probes, result: structuredClone(result) });
      this.used.add(key);
      this.changed = true;
    }
    return result;
  }

  /**
   * `compute()`, a function of `text` alone and of what `kind` names (the computation and the
   * version of the code it runs), or its value stored under the text's hash. Plain data either way
   * (a copy).
   */
  derived<T>(kind: string, text: string, compute: () => T): T {
    const key = `${kind}\0${createHash('sha1').update(text).digest('hex')}`;
    if (this.values.has(key)) {
      this.usedValues.add(key);
      this.counts.valuesStored++;
      return structuredClone(this.values.get(key)) as T;
    }
    this.counts.valuesComputed++;
    const value = compute();
    if (this.dir !== null) {
      this.values.set(key, structuredClone(value));
      this.usedValues.add(key);
      this.changed = true;
    }
    return value;
  }

  /** Writes the store when a reading was added or replaced; failing to only costs the next run its speed. */
  save(): void {
    if (this.dir === null || !this.changed) return;
    const kept = [...this.entries].sort(([a], [b]) => Number(this.used.has(b)) - Number(this.used.has(a)));
    const keptValues = [...this.values].sort(
      ([a], [b]) => Number(this.usedValues.has(b)) - Number(this.usedValues.has(a)),
    );
    try {
      mkdirSync(this.dir, { recursive: true });
      writeAtomically(
        path.join(this.dir, FILE_NAME),
        JSON.stringify({
          format: FORMAT,
          identity: this.identity,
          entries: kept.slice(0, MAX_ENTRIES),
          values: keptValues.slice(0, MAX_VALUES),
        }),
      );
      this.changed = false;
    } catch {
      // Read anew next run.
    }
  }
}

/** How a read came out, as a probe records it: the hash of the text, `missing`, or the refusal's code. */
export function readAnswer(read: ReturnType<typeof readTextSafely>): string {
  if (read.ok) return createHash('sha1').update(read.text).digest('hex');
  return read.missing ? 'missing' : read.code;
}

/** The hash of a folder's entries as TypeScript's walks see them. */
export function listAnswer(entries: { files: readonly string[]; directories: readonly string[] }): string {
  return createHash('sha1').update(JSON.stringify(entries)).digest('hex');
}

/** Whether a question asked again has the answer recorded. */
function holds(probe: Probe, root: string): boolean {
  const [kind, at, answer] = probe;
  switch (kind) {
    case 'text':
      return readAnswer(readTextSafely(at, { root, maxBytes: MAX_CONFIG_SIZE })) === answer;
    case 'read':
      return readAnswer(guardedRead(root, at)) === answer;
    case 'file':
      return fileExists(at) === answer;
    case 'folder':
      return directoryExists(at) === answer;
    case 'real':
      return realPath(at) === answer;
    case 'list':
      return listAnswer(folderEntries(at)) === answer;
    case 'cwd':
      return process.cwd() === answer;
    default:
      return false;
  }
}
