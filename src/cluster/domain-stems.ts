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
  const stemOfName = memoised(nameStem);
  // Per module: its path segments, and the folder above each (folders[d]: the first d segments joined).
  const paths = new Map<ModuleId, { segments: string[]; folders: string[] }>();
  for (const id of ids) paths.set(id, splitPath(id));
  // Folder -> its entries (child names) and the stems of those entries; the file is an entry of its own folder.
  const entries = new Map<string, Map<string, string | null>>();
  for (const { segments, folders } of paths.values()) {
    for (let depth = 0; depth < segments.length; depth++) {
      const children = getOrCreate(entries, folders[depth] as string, () => new Map());
      const child = segments[depth] as string;
      if (!children.has(child)) children.set(child, stemOfName(child));
    }
  }
  // Imports between two entries of a folder (their deepest common folder), and imports with one end inside.
  const cross = new Map<string, number>();
  const outside = new Map<string, number>();
  for (const { from, to } of dependencies) {
    if (from === to) continue;
    const a = paths.get(from);
    const b = paths.get(to);
    if (a === undefined || b === undefined) continue;
    const aDepth = a.segments.length - 1;
    const bDepth = b.segments.length - 1;
    let common = 0;
    while (common < aDepth && common < bDepth && a.segments[common] === b.segments[common]) common++;
    increment(cross, a.folders[common] as string);
    for (let depth = common + 1; depth <= aDepth; depth++) increment(outside, a.folders[depth] as string);
    for (let depth = common + 1; depth <= bDepth; depth++) increment(outside, b.folders[depth] as string);
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
  for (const [id, split] of paths) {
    const stem = stemOf(split, layers, stemOfName);
    if (stem !== null) stems.set(id, stem);
  }
  return { stems, layerFolders: [...layers].sort(compareStrings) };
}

/** The segments of a module id and, for each depth d, the folder made of its first d segments. */
function splitPath(id: ModuleId): { segments: string[]; folders: string[] } {
  const segments = id.split('/');
  const folders = [''];
  let folder = '';
  for (let depth = 1; depth < segments.length; depth++) {
    folder = depth === 1 ? (segments[0] as string) : `${folder}/${segments[depth - 1] as string}`;
    folders.push(folder);
  }
  return { segments, folders };
}

function memoised(stem: (name: string) => string | null): (name: string) => string | null {
  const known = new Map<string, string | null>();
  return (name) => {
    let value = known.get(name);
    if (value === undefined) {
      value = stem(name);
      known.set(name, value);
    }
    return value;
  };
}

/** The stem of the entry under the deepest layer folder, else of the file, else of its folder. */
function stemOf(
  { segments, folders }: { segments: string[]; folders: string[] },
  layers: ReadonlySet<string>,
  stemOfName: (name: string) => string | null,
): string | null {
  for (let depth = segments.length - 1; depth >= 1; depth--) {
    if (!layers.has(folders[depth] as string)) continue;
    // The entry right under the layer folder; a file there whose name says nothing has no stem.
    for (let entry = depth; entry < segments.length; entry++) {
      const stem = stemOfName(segments[entry] as string);
      if (stem !== null || entry === segments.length - 1) return stem;
      if (!isTransparent(segments[entry] as string)) return null;
    }
  }
  const file = stemOfName(segments[segments.length - 1] as string);
  if (file !== null) return file;
  const folder = segments.length > 1 ? stemOfName(segments[segments.length - 2] as string) : null;
  return folder !== null && !isRoleName(segments[segments.length - 2] as string) ? folder : null;
}

/** A folder name with no words of its own (`v1`, `_`), which does not end the search for a stem. */
function isTransparent(name: string): boolean {
  return !/[a-z]{3,}/i.test(name.replace(/^v\d+$/i, ''));
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
