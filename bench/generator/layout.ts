/**
 * Where each module lives on disk, and how one module names another in an import.
 *
 * Layer-first: `src/<layer>/<file>.ts` (`src/services/invoice-line.service.ts`), barrels in
 * `src/api/<domain>.ts`. Domain-first: `src/<domain>/<layer>/<file>.ts`, barrels in
 * `src/<domain>/index.ts`. Both: the kernel in `src/shared/`, the root in `src/main.ts` and
 * `src/app.ts`. A folder that would hold more than 200 files is split into `part-01`, `part-02`,
 * ... sub-folders filled at random, so the split never encodes the domain. Relative specifiers
 * are extensionless (and name a folder for an `index.ts`); kernel imports may use `@shared/*`.
 */
import path from 'node:path';
import type { Layout, Module, MonolithModel } from './model.js';
import type { Rng } from './rng.js';

const MAX_FOLDER = 200;

/** Assigns `id` to every module of the model. */
export function assignPaths(model: MonolithModel, rng: Rng): void {
  for (const module of model.kernel) module.id = `src/${module.folder}/${module.base}.ts`;
  for (const module of model.roots) module.id = `src/${module.base}.ts`;
  for (const domain of model.domains) domain.barrel.id = barrelPath(model.layout, domain.name);
  const folders = new Map<string, Module[]>();
  for (const domain of model.domains) {
    for (const module of domain.modules) {
      const folder = model.layout === 'layer-first' ? `src/${module.folder}` : `src/${domain.name}/${module.folder}`;
      const list = folders.get(folder);
      if (list === undefined) folders.set(folder, [module]);
      else list.push(module);
    }
  }
  for (const folder of [...folders.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    placeFolder(folder, folders.get(folder) as Module[], rng);
}

function barrelPath(layout: Layout, domain: string): string {
  return layout === 'layer-first' ? `src/api/${domain}.ts` : `src/${domain}/index.ts`;
}

/** Puts the modules of one logical folder on disk, split into balanced random parts when large. */
function placeFolder(folder: string, modules: Module[], rng: Rng): void {
  if (modules.length <= MAX_FOLDER) {
    for (const module of modules) module.id = `${folder}/${module.base}.ts`;
    return;
  }
  const parts = Math.ceil(modules.length / MAX_FOLDER);
  const width = Math.max(String(parts).length, 2);
  rng.shuffle(modules).forEach((module, index) => {
    const part = String((index % parts) + 1).padStart(width, '0');
    module.id = `${folder}/part-${part}/${module.base}.ts`;
  });
}

/** The specifier `from` uses to import `to`: relative and extensionless, or `@shared/...`. */
export function specifier(from: Module, to: Module, alias: boolean): string {
  const target = to.id.replace(/\.ts$/, '');
  if (alias && target.startsWith('src/shared/')) return `@shared/${target.slice('src/shared/'.length)}`;
  const bare = target.endsWith('/index') ? target.slice(0, -'/index'.length) : target;
  let relative = path.posix.relative(path.posix.dirname(from.id), bare);
  if (relative === '') relative = `./${path.posix.basename(target)}`;
  return relative.startsWith('.') ? relative : `./${relative}`;
}
