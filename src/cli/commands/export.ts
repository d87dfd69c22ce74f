import type { Command } from 'commander';
import { SeamsError } from '../../base/errors.js';
import type { CommandContext } from '../command-context.js';
import { emit } from '../emit.js';
import { EXIT_OK } from '../exit-codes.js';
import { tableOptions } from '../options.js';

/** `seams export <target> [path]`: the accepted boundaries as rules for another tool. */
export function exportCommand(program: Command, { io, setExit }: CommandContext): void {
  const command = program
    .command('export')
    .description('write the accepted boundaries as rules for dependency-cruiser or eslint-plugin-boundaries')
    .argument('<target>', 'dependency-cruiser or eslint-boundaries')
    .argument('[path]', 'folder of the project', '.');
  tableOptions(command, 'export').action(
    async (target: string, path: string, flags: { boundaries?: string; output?: string }) => {
      if (target !== 'dependency-cruiser' && target !== 'eslint-boundaries') {
        throw new SeamsError(
          'USAGE',
          `export target must be dependency-cruiser or eslint-boundaries, got '${target}'`,
          'for example `seams export dependency-cruiser`',
        );
      }
      const [{ readBoundaries }, { exportRules }, nodePath] = await Promise.all([
        import('../../gate/boundaries.js'),
        import('../../gate/export-rules.js'),
        import('node:path'),
      ]);
      const file =
        flags.boundaries === undefined
          ? nodePath.join(nodePath.resolve(io.cwd, path), 'seams.boundaries.json')
          : nodePath.resolve(io.cwd, flags.boundaries);
      const boundaries = readBoundaries(
        file,
        flags.boundaries ?? (nodePath.relative(io.cwd, file) || 'seams.boundaries.json'),
      );
      await emit(exportRules(boundaries, target), flags.output, io);
      setExit(EXIT_OK);
    },
  );
}
