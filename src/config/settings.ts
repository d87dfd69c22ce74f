/** The strict, fully resolved settings every stage reads. Built only by resolveSettings(). */
export interface Settings {
  /** Absolute path of the analysed root folder; module ids are POSIX paths relative to it. */
  root: string;
  /** Absolute path of the tsconfig that defines the file set, or null to scan the folder. */
  tsconfig: string | null;
  /** Extra globs (relative to root) of files to analyse; added on top of the default selection. */
  include: string[];
  /** Globs (relative to root) of files to leave out, on top of the default exclusions. */
  exclude: string[];
  /** Whether test files and declaration files are analysed (off by default). */
  includeTests: boolean;
  /** Clustering options. */
  cluster: ClusterSettings;
  /** Expected partition (module id -> service name) to score against, or null. */
  expected: Record<string, string> | null;
  /** Display path of the expected-partition file (relative to cwd), for messages. */
  expectedSource: string | null;
}

export interface ClusterSettings {
  /** Seed of the pseudo-random source that drives Louvain's node order. */
  seed: number;
  /** Louvain resolution γ: above 1 gives more, smaller services; below 1 fewer, larger ones. */
  resolution: number;
  /** Edge weight of a runtime import (value import, require, re-export, side effect). */
  runtimeWeight: number;
  /** Edge weight of a type-only import: types couple less than calls. */
  typeWeight: number;
  /** Edge weight of a dynamic import(): a lazy, optional dependency. */
  dynamicWeight: number;
  /** `auto`: recognise the shared kernel and keep it out of the services; `none`: do not. */
  kernel: 'auto' | 'none';
}

export const DEFAULT_SEED = 42;
export const DEFAULT_RESOLUTION = 1;

/** Folders never scanned when no tsconfig gives the file set. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'build', 'coverage'];

/** Files left out by default: declarations and tests (see README, "What is analysed"). */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.test.*',
  '**/*.spec.*',
  '**/__tests__/**',
  '**/__mocks__/**',
];

/** Source extensions analysed when scanning a folder without a tsconfig. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts'];
