import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { type TS, ts } from '../base/typescript.js';
import type { Diagnostic } from '../base/diagnostics.js';
import { guardedSystem } from '../load/guarded-system.js';
import { toModuleId, type LoadedProject, type ProjectConfig, type WorkspacePackage } from '../load/project.js';
import { findSource } from './find-source.js';
import { workspaceCandidates } from './resolve-workspace.js';
import type { ImportTarget, ModuleId, RawImport } from './types.js';
import { getOrCreate } from '../base/collections.js';

/**
 * The system with its answers about the tree (does a file or folder exist, what is a path's real
 * path) remembered for the run: TypeScript's resolver asks the same of every folder on the way to
 * each import's target (`directoryProbablyExists` for every node_modules and parent folder) and its
 * resolution cache does not keep those answers. The tree does not change during a run (the
 * resolution context of extract.ts assumes it), so the answers are the ones it would get again.
 */
function rememberingProbes(system: TS.System): TS.System {
  const files = new Map<string, boolean>();
  const folders = new Map<string, boolean>();
  const real = new Map<string, string>();
  const realpath = system.realpath?.bind(system);
  return {
    ...system,
    fileExists: (file) => getOrCreate(files, file, () => system.fileExists(file)),
    directoryExists: (folder) => getOrCreate(folders, folder, () => system.directoryExists(folder)),
    ...(realpath === undefined ? {} : { realpath: (file: string) => getOrCreate(real, file, () => realpath(file)) }),
  };
}

/** Resolves one import of a file; `include` adds a file reached by import to the analysed set. */
export interface ResolveImport {
  (raw: RawImport, containingFile: string): ImportTarget;
  /**
   * Makes `file` (absolute) an analysed module that resolves its own imports under the compiler
   * options of `importer`'s project, as tsc pulls a file an import reaches into the importer's program.
   */
  include(file: string, importer: string): void;
  /** The compiler options `file` resolves under. */
  optionsOf(file: string): TS.CompilerOptions;
}

const BUILTINS = new Set(builtinModules);

/**
 * A resolver that runs TypeScript's own module resolution under the compiler options of the
 * project each file belongs to (`moduleResolution`, `baseUrl`, `paths`, `rootDirs`, `.js`
 * specifiers naming `.ts` sources, package.json `imports`; under node16/nodenext the import's
 * resolution mode), sharing one resolution cache per project, then classifies the result: a
 * module of the analysed file set (build output of a referenced project or workspace package
 * mapped back to its source), an npm package, a Node built-in, a project file that is not
 * analysed, a file outside the analysed root (with the folder of its package), or unresolved. Workspace package names resolve to the package's sources even when
 * node_modules is absent. `/// <reference path>` is resolved as a path, as the compiler does.
 * TypeScript reads package.json files through `guardedSystem`: one that is not a regular file
 * reads as absent, with a diagnostic added to `diagnostics`.
 */
export function createResolver(project: LoadedProject, diagnostics: Diagnostic[] = []): ResolveImport {
  const system = rememberingProbes(guardedSystem(project.root, diagnostics));
  const byPath = new Map<string, ModuleId>(
    project.files.map((file) => [path.normalize(file), toModuleId(project.root, file)]),
  );
  const isSource = (file: string) => byPath.has(file);
  const projectOf = new Map<string, ProjectConfig>();
  for (const config of [...project.projects].reverse())
    for (const file of config.files) projectOf.set(path.normalize(file), config);
  const caches = new Map<ProjectConfig, TS.ModuleResolutionCache>();
  const cacheOf = (config: ProjectConfig) => {
    const cache = getOrCreate(caches, config, () =>
      ts.createModuleResolutionCache(project.root, (name) => name, config.compilerOptions),
    );
    return cache;
  };
  const internal = (file: string | null): ImportTarget | null =>
    file === null ? null : { type: 'internal', module: byPath.get(file) as ModuleId };
  const outsideFolder = createOutsideFolder(project.root);
  const excluded = (file: string): ImportTarget => {
    const relative = path.relative(project.root, file).split(path.sep).join('/');
    return relative.startsWith('../') || path.isAbsolute(relative)
      ? { type: 'outside', path: relative, folder: outsideFolder(file) }
      : { type: 'excluded', path: relative };
  };
  const workspaceTarget = (specifier: string): ImportTarget | null => {
    const workspace = workspaceOf(specifier, project.workspaces);
    if (workspace === undefined) return null;
    for (const candidate of workspaceCandidates(specifier, workspace)) {
      const found = findSource(candidate, project.projects, isSource);
      if (found !== null) return internal(found);
    }
    return { type: 'unresolved' };
  };

  const configOf = (file: string) => projectOf.get(path.normalize(file)) ?? (project.projects[0] as ProjectConfig);
  const resolve = (raw: RawImport, containingFile: string): ImportTarget => {
    const file = path.normalize(containingFile);
    if (raw.syntax === 'reference-path') {
      const target = path.resolve(path.dirname(file), raw.specifier);
      return (
        internal(findSource(target, project.projects, isSource)) ??
        (existsSync(target) ? excluded(target) : { type: 'unresolved' })
      );
    }
    const config = configOf(file);
    const options = config.compilerOptions;
    const cache = cacheOf(config);
    const mode = resolutionMode(raw, file, options, cache, system);
    const specifier = resolverSpecifier(raw.specifier, file);
    if (specifier === null) return { type: 'unresolved' };
    const { resolvedModule } = ts.resolveModuleName(
      specifier,
      resolverPath(file),
      options,
      system,
      cache,
      undefined,
      mode,
    );
    if (resolvedModule !== undefined) {
      const resolved = path.normalize(resolvedModule.resolvedFileName);
      const source = internal(findSource(resolved, project.projects, isSource));
      if (source !== null) return source;
      const workspace = workspaceTarget(raw.specifier);
      if (workspace !== null && workspace.type === 'internal') return workspace;
      if (resolvedModule.isExternalLibraryImport)
        return { type: 'package', name: packageName(raw.specifier), installed: true };
      if (resolvedModule.extension === ts.Extension.Json)
        return { type: 'asset', path: path.relative(project.root, resolved).split(path.sep).join('/') };
      return excluded(resolved);
    }
    if (isBuiltin(raw.specifier)) return { type: 'builtin', name: raw.specifier.replace(/^node:/, '') };
    const asset = assetTarget(raw.specifier, file, options);
    if (asset !== null)
      return asset.exists
        ? { type: 'asset', path: path.relative(project.root, asset.file).split(path.sep).join('/') }
        : { type: 'unresolved' };
    const workspace = workspaceTarget(raw.specifier);
    if (workspace !== null) return workspace;
    if (isPathLike(raw.specifier) || matchesPathAlias(raw.specifier, options) || underBaseUrl(raw.specifier, options))
      return { type: 'unresolved' };
    return { type: 'package', name: packageName(raw.specifier), installed: false };
  };
  return Object.assign(resolve, {
    include(file: string, importer: string): void {
      const normalized = path.normalize(file);
      byPath.set(normalized, toModuleId(project.root, normalized));
      projectOf.set(normalized, configOf(importer));
    },
    optionsOf: (file: string) => configOf(file).compilerOptions,
  });
}

/** Files that mark the top folder of a package or project: npm, Nx (`project.json`), TypeScript. */
const PACKAGE_MARKERS = ['package.json', 'project.json', 'tsconfig.json'];

/**
 * The folder an outside file belongs to, relative to the root: the nearest folder above it that
 * holds a package.json, an Nx project.json or a tsconfig.json and is not itself above the root
 * (`../../libs/billing` for a sibling package of a monorepo), else the file's own folder. Only
 * existence is checked; nothing outside the root is read.
 */
function createOutsideFolder(root: string): (file: string) => string {
  const known = new Map<string, string | null>();
  const isAboveRoot = (folder: string) =>
    root === folder || root.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
  const packageFolder = (folder: string): string | null => {
    if (isAboveRoot(folder)) return null;
    if (known.has(folder)) return known.get(folder) as string | null;
    const parent = path.dirname(folder);
    const found = PACKAGE_MARKERS.some((marker) => existsSync(path.join(folder, marker)))
      ? folder
      : parent === folder
        ? null
        : packageFolder(parent);
    known.set(folder, found);
    return found;
  };
  return (file) => {
    const folder = packageFolder(path.dirname(file)) ?? path.dirname(file);
    return path.relative(root, folder).split(path.sep).join('/');
  };
}

/**
 * Under node16/nodenext, how TypeScript resolves an import depends on its form and on the file's
 * module format: `require` and `import x = require()` resolve as CommonJS, `import()` as ESM, and
 * import declarations as the format the file has (from its extension and nearest package.json
 * `type`). Other resolution modes ignore the mode.
 */
function resolutionMode(
  raw: RawImport,
  file: string,
  options: TS.CompilerOptions,
  cache: TS.ModuleResolutionCache,
  system: TS.System,
): TS.ResolutionMode {
  if (!usesNodeModes(options)) return undefined;
  if (raw.kind === 'require') return ts.ModuleKind.CommonJS;
  if (raw.syntax === 'import-call') return ts.ModuleKind.ESNext;
  return ts.getImpliedNodeFormatForFile(file as TS.Path, cache.getPackageJsonInfoCache(), system, options);
}

/**
 * The importing file as TypeScript's resolver should see it. TypeScript turns every backslash of a
 * path into `/`, so on POSIX an import in `src/a\b.ts` (one file named `a\b.ts`) would be resolved
 * from the folder `src/a`; the resolver only needs the folder and the extension, so a backslash in
 * the file's own name is replaced. (A backslash in a folder name cannot be expressed to it.)
 */
function resolverPath(file: string): string {
  const name = path.basename(file);
  return path.sep === '/' && name.includes('\\') ? path.join(path.dirname(file), name.split('\\').join('_')) : file;
}

/**
 * The specifier as TypeScript's resolver should see it. It reads a backslash in the importing
 * file's folder as `/` too, so on POSIX `../orders/o` in the folder `a\b` would be looked up from
 * `a/b`, in `a/orders`, a wrong module when one is there. Such a relative specifier is made
 * absolute first (its own backslashes read as `/`, as TypeScript and an ESM URL do); null when
 * the target still lies under that folder, which TypeScript cannot look into: unresolved, not wrong.
 */
function resolverSpecifier(specifier: string, file: string): string | null {
  const folder = path.dirname(file);
  if (path.sep !== '/' || !folder.includes('\\') || !/^\.\.?(?:[\\/]|$)/.test(specifier)) return specifier;
  const relative = specifier.split('\\').join('/');
  const target = `${path.resolve(folder, relative)}${relative.endsWith('/') ? '/' : ''}`;
  return target.includes('\\') ? null : target;
}

/** True for moduleResolution node16/nodenext, set or implied by `module` node16…nodenext. */
function usesNodeModes(options: TS.CompilerOptions): boolean {
  const resolution = options.moduleResolution;
  if (resolution !== undefined)
    return resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
  const module = options.module;
  return module !== undefined && module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext;
}

/** Extensions of code modules; any other extension in a specifier names an asset (style, image, font, data). */
const CODE_EXTENSION = /\.(?:[mc]?[jt]sx?)$/;

/**
 * A specifier that names a non-code file (`./Button.scss`, `./logo.svg?url`, `@/fonts/a.woff2`):
 * the file it points at, relative or through `paths`, and whether it exists. Null when the
 * specifier does not look like an asset.
 */
function assetTarget(
  specifier: string,
  file: string,
  options: TS.CompilerOptions,
): { file: string; exists: boolean } | null {
  const bare = specifier.replace(/[?#].*$/, '');
  const extension = path.extname(bare);
  if (extension === '' || CODE_EXTENSION.test(bare)) return null;
  const candidates: string[] = [];
  if (isPathLike(bare)) candidates.push(path.resolve(path.dirname(file), bare));
  const base = (options as { pathsBasePath?: string }).pathsBasePath ?? options.baseUrl;
  for (const [pattern, substitutions] of Object.entries(options.paths ?? {})) {
    const star = pattern.indexOf('*');
    const prefix = star < 0 ? pattern : pattern.slice(0, star);
    const suffix = star < 0 ? '' : pattern.slice(star + 1);
    if (star < 0 ? bare !== pattern : !(bare.startsWith(prefix) && bare.endsWith(suffix))) continue;
    const match = star < 0 ? '' : bare.slice(prefix.length, bare.length - suffix.length);
    for (const substitution of substitutions)
      candidates.push(path.resolve(base ?? path.dirname(file), substitution.replace('*', match)));
  }
  if (candidates.length === 0) return null;
  const found = candidates.find((candidate) => existsSync(candidate));
  return { file: found ?? (candidates[0] as string), exists: found !== undefined };
}

function workspaceOf(specifier: string, workspaces: readonly WorkspacePackage[]): WorkspacePackage | undefined {
  return workspaces.find((workspace) => specifier === workspace.name || specifier.startsWith(`${workspace.name}/`));
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

function isPathLike(specifier: string): boolean {
  return (
    specifier.startsWith('.') ||
    specifier.startsWith('/') ||
    specifier.startsWith('#') ||
    /^[A-Za-z]:[\\/]/.test(specifier)
  );
}

/** True when a tsconfig `paths` pattern claims the specifier: then failing to resolve is a bug, not a package. */
function matchesPathAlias(specifier: string, options: TS.CompilerOptions): boolean {
  return Object.keys(options.paths ?? {}).some((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return pattern === specifier;
    return (
      specifier.startsWith(pattern.slice(0, star)) &&
      specifier.endsWith(pattern.slice(star + 1)) &&
      specifier.length >= pattern.length - 1
    );
  });
}

/**
 * True when `baseUrl` is set and the specifier's first segment is a file or folder there
 * (`src/generated/prisma/client` with `baseUrl: "."` and a `src` folder): a project path whose
 * target is missing (not generated yet), not the npm package `src`.
 */
function underBaseUrl(specifier: string, options: TS.CompilerOptions): boolean {
  const first = specifier.split('/')[0] ?? '';
  if (options.baseUrl === undefined || first === '' || first === 'node_modules' || !specifier.includes('/'))
    return false;
  return existsSync(path.join(options.baseUrl, first));
}

/** `@scope/name/sub` -> `@scope/name`; `lodash/fp` -> `lodash`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}
