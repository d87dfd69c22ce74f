import { builtinModules } from 'node:module';
import path from 'node:path';
import { ts } from 'ts-morph';
import { toModuleId } from '../load/project.js';
import type { ImportKind, ImportTarget, ModuleId } from './types.js';

export type ResolveImport = (specifier: string, containingFile: string, kind: ImportKind) => ImportTarget;

const BUILTINS = new Set(builtinModules);

/**
 * A resolver that runs TypeScript's own module resolution under the project's compiler options
 * (`moduleResolution`, `baseUrl`, `paths`, `rootDirs`, `.js` specifiers naming `.ts` sources),
 * sharing one resolution cache across all files, and classifies the result: a module of the
 * analysed file set, an npm package, a Node built-in, a project file that is not analysed, or
 * unresolved.
 */
export function createResolver(root: string, compilerOptions: ts.CompilerOptions, files: readonly string[]): ResolveImport {
  const byPath = new Map<string, ModuleId>(files.map((file) => [path.normalize(file), toModuleId(root, file)]));
  const cache = ts.createModuleResolutionCache(root, (name) => name, compilerOptions);
  return (specifier, containingFile, kind) => {
    const mode = kind === 'require' ? ts.ModuleKind.CommonJS : undefined;
    const { resolvedModule } = ts.resolveModuleName(specifier, containingFile, compilerOptions, ts.sys, cache, undefined, mode);
    if (resolvedModule !== undefined) {
      const resolved = path.normalize(resolvedModule.resolvedFileName);
      const internal = byPath.get(resolved);
      if (internal !== undefined) return { type: 'internal', module: internal };
      if (resolvedModule.isExternalLibraryImport) return { type: 'package', name: packageName(specifier) };
      return { type: 'excluded', path: toModuleId(root, resolved) };
    }
    if (isBuiltin(specifier)) return { type: 'builtin', name: specifier.replace(/^node:/, '') };
    if (isPathLike(specifier) || matchesPathAlias(specifier, compilerOptions)) return { type: 'unresolved' };
    return { type: 'package', name: packageName(specifier) };
  };
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

function isPathLike(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || /^[A-Za-z]:[\\/]/.test(specifier);
}

/** True when a tsconfig `paths` pattern claims the specifier: then failing to resolve is a bug, not a package. */
function matchesPathAlias(specifier: string, options: ts.CompilerOptions): boolean {
  return Object.keys(options.paths ?? {}).some((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return pattern === specifier;
    return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1;
  });
}

/** `@scope/name/sub` -> `@scope/name`; `lodash/fp` -> `lodash`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}
