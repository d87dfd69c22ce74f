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
  /** Its table: the name of `@@map("…")` in the model's block, else the model name (Prisma's default). */
  table: string;
  /** Whether `table` is written (`@@map`) or Prisma's default. */
  tableSource: 'explicit' | 'default';
}

/** Models of every `.prisma` schema under the root (node_modules and build folders skipped), read as text. */
export function readPrismaModels(root: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  for (const file of scanFolder(root, ['.prisma'])) {
    const read = readTextSafely(file, { root, maxBytes: MAX_CONFIG_SIZE });
    if (!read.ok) continue;
    const text = read.text;
    for (const match of text.matchAll(/^\s*model\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/gm)) {
      const name = match[1] as string;
      const mapped = modelBlock(text, (match.index ?? 0) + match[0].length).match(
        /^\s*@@map\s*\(\s*(?:name\s*:\s*)?"([^"]*)"/m,
      );
      models.push({
        name,
        file: toModuleId(root, path.normalize(file)),
        table: mapped ? (mapped[1] as string) : name,
        tableSource: mapped ? 'explicit' : 'default',
      });
    }
  }
  return models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The text of a model's block from just after its `{` to its closing `}` (a line that starts with `}`; comments and strings hold no braces that start a line). */
function modelBlock(text: string, start: number): string {
  const end = text.slice(start).search(/^\s*\}/m);
  return end < 0 ? text.slice(start) : text.slice(start, start + end);
}
