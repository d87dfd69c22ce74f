/**
 * Layer folders and domain stems. Layer-first code (controllers/, services/, repositories/,
 * dtos/) spreads each domain over the layer folders and names it in every file
 * (`album.controller.ts`, `album.service.ts`, `album.repository.ts`); the folders hold layers, the
 * file names hold domains. Recognised from the code alone:
 *   - a **layer folder** is a folder named by a role word (`services/`, `dtos/`, `routes/`: see
 *     ROLE_WORDS; not `src/`, `lib/`, `app/`, which hold whole codebases) holding at least two
 *     differently named entries, or a folder holding at least
 *     MIN_LAYER_ENTRIES differently named entries (files and sub-folders, by domain stem) that
 *     import one another little: at most MAX_LAYER_CROSS of the imports touching the folder run
 *     between two of its entries (a folder of features, like `api/routes/admin/` holding
 *     `carts/`, `orders/`, …, is a layer folder in this sense too; a feature folder, whose files
 *     import one another, is not);
 *   - the **domain stem** of a module is the stem (see nameStem) of the entry right under its
 *     deepest layer folder: the file itself (`services/album.service.ts` -> album) or the folder
 *     that holds it (`routes/admin/orders/create-order.ts` -> order). Without a layer folder
 *     above it, it is the stem of its own file name, or of its folder when the file name says
 *     nothing (`orders/types.ts` -> order). Modules whose names say nothing have no stem.
 */
import path from 'node:path';
import { compareStrings } from '../base/compare.js';
import type { ModuleId } from '../extract/types.js';
import { isRoleName, nameStem } from '../extract/words.js';
import { getOrCreate } from '../base/collections.js';

/** Distinct entries a folder not named by a role word needs to count as a layer folder. */
export const MIN_LAYER_ENTRIES = 4;

/** Largest share of the imports touching a folder that may run between its own entries, for it to count as a layer folder. */
export const MAX_LAYER_CROSS = 0.25;

/** Folder names that hold a whole codebase or package, not a layer (`src/`, `lib/`, `app/`), whatever their words. */
const CONTAINERS: ReadonlySet<string> = new Set(['src', 'lib', 'app', 'source', 'main', 'internal']);

export interface DomainStems {
  /** Module -> its domain stem, for modules that have one. */
  stems: Map<ModuleId, string>;
  /** Layer folders (POSIX paths relative to the root), sorted. */
  layerFolders: string[];
}

export function domainStems(
  ids: readonly ModuleId[],
  dependencies: readonly { from: ModuleId; to: ModuleId }[],
): DomainStems {
  const known = new Set(ids);
  // Folder -> its entries (child names) and the stems of those entries.
  const entries = new Map<string, Map<string, string | null>>();
  for (const id of ids) {
    const segments = id.split('/');
    for (let depth = 0; depth < segments.length - 1; depth++) {
      const folder = segments.slice(0, depth).join('/');
      const children = getOrCreate(entries, folder, () => new Map());
      const child = segments[depth] as string;
      if (!children.has(child)) children.set(child, nameStem(child));
    }
    // The file itself is an entry of its own folder.
    const folder = segments.slice(0, -1).join('/');
    const children = getOrCreate(entries, folder, () => new Map());
    const file = segments[segments.length - 1] as string;
    if (!children.has(file)) children.set(file, nameStem(file));
  }
  // Imports between two entries of a folder (their deepest common folder), and imports with one end inside.
  const cross = new Map<string, number>();
  const outside = new Map<string, number>();
  for (const { from, to } of dependencies) {
    if (from === to || !known.has(from) || !known.has(to)) continue;
    const a = from.split('/').slice(0, -1);
    const b = to.split('/').slice(0, -1);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    cross.set(a.slice(0, common).join('/'), (cross.get(a.slice(0, common).join('/')) ?? 0) + 1);
    for (let depth = common + 1; depth <= a.length; depth++) increment(outside, a.slice(0, depth).join('/'));
    for (let depth = common + 1; depth <= b.length; depth++) increment(outside, b.slice(0, depth).join('/'));
  }
  const layers = new Set<string>();
  for (const [folder, children] of entries) {
    if (folder === '') continue;
    const distinct = new Set([...children.entries()].map(([child, stem]) => stem ?? child)).size;
    const name = path.posix.basename(folder);
    const crossing = cross.get(folder) ?? 0;
    const touching = crossing + (outside.get(folder) ?? 0);
    if (
      (isRoleName(name) && !CONTAINERS.has(name) && distinct >= 2) ||
      (distinct >= MIN_LAYER_ENTRIES && touching > 0 && crossing <= MAX_LAYER_CROSS * touching)
    )
      layers.add(folder);
  }
  const stems = new Map<ModuleId, string>();
  for (const id of ids) {
    const stem = stemOf(id, layers);
    if (stem !== null) stems.set(id, stem);
  }
  return { stems, layerFolders: [...layers].sort(compareStrings) };
}

/** The stem of the entry under the deepest layer folder, else of the file, else of its folder. */
function stemOf(id: ModuleId, layers: ReadonlySet<string>): string | null {
  const segments = id.split('/');
  for (let depth = segments.length - 1; depth >= 1; depth--) {
    if (!layers.has(segments.slice(0, depth).join('/'))) continue;
    // The entry right under the layer folder; a file there whose name says nothing has no stem.
    for (let entry = depth; entry < segments.length; entry++) {
      const stem = nameStem(segments[entry] as string);
      if (stem !== null || entry === segments.length - 1) return stem;
      if (!isTransparent(segments[entry] as string)) return null;
    }
  }
  const file = nameStem(segments[segments.length - 1] as string);
  if (file !== null) return file;
  const folder = segments.length > 1 ? nameStem(segments[segments.length - 2] as string) : null;
  return folder !== null && !isRoleName(segments[segments.length - 2] as string) ? folder : null;
}

/** A folder name with no words of its own (`v1`, `_`), which does not end the search for a stem. */
function isTransparent(name: string): boolean {
  return !/[a-z]{3,}/i.test(name.replace(/^v\d+$/i, ''));
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
