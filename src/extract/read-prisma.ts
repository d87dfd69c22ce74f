import path from 'node:path';
import { scanFolder } from '../load/scan-folder.js';
import { toModuleId } from '../load/project.js';
import { MAX_CONFIG_SIZE, readTextSafely } from '../base/read-file-safely.js';

/** A Prisma model declared in a schema file. */
export interface PrismaModel {
  /** Model name as declared (`model Order { … }`). */
  name: string;
  /** Schema file, relative to the analysed root. */
  file: string;
}

/** Models of every `.prisma` schema under the root (node_modules and build folders skipped), read as text. */
export function readPrismaModels(root: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  for (const file of scanFolder(root, ['.prisma'])) {
    const read = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
    if (!read.ok) continue;
    const text = read.text;
    for (const match of text.matchAll(/^\s*model\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/gm)) {
      models.push({ name: match[1] as string, file: toModuleId(root, path.normalize(file)) });
    }
  }
  return models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
