/**
 * The strict, fully resolved settings every stage reads. Built only by resolveSettings(); the
 * defaults, flags and config keys behind each field are in the option table (options.ts).
 */
export interface Settings {
  /** Absolute path of the analysed root folder; module ids are POSIX paths relative to it. */
  root: string;
  /** Absolute path of the tsconfig that defines the file set, or null to scan the folder. */
  tsconfig: string | null;
  /** Globs (relative to root) of files to analyse: when not empty, only files of the selection matching one are analysed. */
  include: string[];
  /** Globs (relative to root) of files to leave out, on top of the default exclusions. */
  exclude: string[];
  /** Whether test files, declaration files and tool configuration files at a package root are analysed. */
  includeTests: boolean;
  /** Files larger than this many bytes are skipped with a diagnostic. */
  maxFileSize: number;
  /** Folder of the content-hash extraction cache and the analysis cache, or null when caching is off. */
  cacheDir: string | null;
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
  /** Louvain resolution γ (above 1: more, smaller services), or `auto` to sweep and choose. */
  resolution: number | 'auto';
  /** Louvain runs (seeds derived from `seed`); the partition of highest modularity is kept. */
  runs: number;
  /** Edge weight of a runtime import (value import, require, re-export, side effect) and of a name wired through NestJS. */
  runtimeWeight: number;
  /** Edge weight of a NestJS `@Module`'s import of one of its own providers or controllers (graph edge `member`). */
  memberWeight: number;
  /** Edge weight of a type-only import: types couple less than calls. */
  typeWeight: number;
  /** Edge weight of an import that is only dynamic (`import()`): a lazy, optional dependency. */
  dynamicWeight: number;
  /** `auto`: recognise the shared kernel; `none`: do not; globs: exactly the matching modules. */
  kernel: 'auto' | 'none' | string[];
  /** The composition root (entry points, app wiring), kept out of the services and planned last as the shell that stays: `auto` detects it, `none` keeps none, globs list it. */
  shell: 'auto' | 'none' | string[];
  /** Weight of semantic (vocabulary) coupling; 0 turns it off. */
  semanticWeight: number;
  /** Sparsity of semantic coupling: neighbours kept per module, least similarity, most share of modules a term may be used by. */
  semantic: { neighbours: number; minSimilarity: number; maxDocumentShare: number };
  /** Weight of domain-stem coupling (modules sharing a domain stem across layer folders); 0 turns it off. */
  stemWeight: number;
  /** Re-cluster large groups on their own and split them when the split beats chance (against modularity's resolution limit). */
  refine: boolean;
  /** Weight of change coupling from git history; 0 turns it off. */
  changeWeight: number;
  /** Weight of data coupling (modules using the same ORM entities); 0 turns it off. */
  dataWeight: number;
  /** Weight of event coupling (an emitter and a listener of the same event, message or queue); 0 turns it off. */
  eventWeight: number;
  /** Whether change coupling is read from git history (`--git`, `git.enabled`). */
  git: boolean;
  /** Only history after this date (`--since`, `git.since`), or null for all history. */
  since: string | null;
  /** Commits touching more analysed files than this are skipped (mass renames, formatting). */
  maxFilesPerCommit: number;
  /** Unit of clustering: files, or folders (cut at `depth` path segments; null = each file's own folder). */
  granularity: { unit: 'file' } | { unit: 'folder'; depth: number | null };
  /** Pinned services: service name -> globs of module ids that must stay in it. */
  services: Record<string, string[]>;
  /** What-if edits applied to the partition after clustering (no re-clustering). */
  edits: { merges: string[][]; moves: { glob: string; service: string }[] };
}

/**
 * Ids of the groups seams makes itself (src/cluster/types.ts takes KERNEL_ID, SHELL_ID and
 * UNATTACHED_ID from here): a pinned service may not take one. Kept in config so that settings
 * can be checked without depending on the clustering stage.
 */
export const RESERVED_SERVICE_IDS = {
  kernel: 'shared-kernel',
  shell: 'composition-root',
  unattached: 'unattached',
} as const;

/** Folders never scanned when no tsconfig gives the file set. */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'build', 'coverage'];

/**
 * Files left out by default (see README, "What is analysed"): declarations, and tests wherever
 * they live: test files by name, and test, end-to-end and fixture folders. `includeTests` keeps them.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e-spec.*',
  '**/*.e2e.*',
  '**/*.stories.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/__fixtures__/**',
  '**/test-utils/**',
  '**/*test-utils.*',
  '**/*.mock.*',
  '**/*.mocks.*',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  '**/integration-tests/**',
];

/**
 * Tool configuration files, left out by default when they sit at a package root (the analysed
 * folder, or a folder holding a package.json): build, test and lint tool settings
 * (`vite.config.ts`, `jest.config.js`, `prisma.config.ts`, `vitest.setup.ts`, `gulpfile.js`) are
 * no part of the application. A `*.config.ts` deeper in the tree (`src/config/app.config.ts`) is
 * application code and stays. `includeTests` keeps them too.
 */
export const TOOL_FILE_PATTERN = /^(?:[^/]+\.config|jest\.[^/]+|vitest\.[^/]+|gulpfile|gruntfile)\.[cm]?[jt]sx?$/i;

/** Source extensions analysed when scanning a folder without a tsconfig. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts'];
